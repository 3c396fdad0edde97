#ifndef BURNRATE_CPREFETCH_H
#define BURNRATE_CPREFETCH_H

/// Asks the processor to start loading the cache line holding `address`, to be written soon,
/// without waiting for it: the hint behind a loop that touches many cold places in memory one
/// after another. A hint only: it never faults, whatever the address, and changes no value.
static inline void burnrate_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
