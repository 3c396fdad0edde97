/// A run of bytes inside the decompressed body being decoded; valid only while that body is.
struct ByteSlice {
    /// The first byte (for an empty slice, any address inside the body).
    let start: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int

    var buffer: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: count)
    }

    /// Whether both slices hold the same bytes.
    @inline(__always)
    func hasSameBytes(as other: ByteSlice) -> Bool {
        guard count == other.count else { return false }
        if start == other.start { return true }
        let left = UnsafeRawPointer(start)
        let right = UnsafeRawPointer(other.start)
        var offset = 0
        while offset &+ 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset &+= 8
        }
        while offset < count {
            if start[offset] != other.start[offset] { return false }
            offset &+= 1
        }
        return true
    }

    /// Whether the bytes sort strictly before `other`'s, byte by byte (shorter first on a tie).
    func isBytewiseLess(than other: ByteSlice) -> Bool {
        let shared = min(count, other.count)
        var offset = 0
        while offset < shared {
            let left = start[offset]
            let right = other.start[offset]
            if left != right { return left < right }
            offset &+= 1
        }
        return count < other.count
    }

    /// The bytes as a `String` if they are valid UTF-8; ASCII, the usual case, skips the
    /// generic validating initializer.
    var validatedString: String? {
        let raw = UnsafeRawPointer(start)
        var offset = 0
        var bits: UInt64 = 0
        while offset &+ 8 <= count {
            bits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset &+= 8
        }
        while offset < count {
            bits |= UInt64(start[offset])
            offset &+= 1
        }
        if bits & 0x8080_8080_8080_8080 == 0 {
            return String(decoding: buffer, as: UTF8.self)
        }
        return String(validating: buffer, as: UTF8.self)
    }

    /// Whether the bytes are exactly the ASCII text `__name__`.
    @inline(__always)
    var isMetricNameLabel: Bool {
        // "__name__" little-endian: 5F 5F 6E 61 6D 65 5F 5F.
        count == 8 && UnsafeRawPointer(start).loadUnaligned(as: UInt64.self) == 0x5F5F_656D_616E_5F5F
    }

    /// A 64-bit hash of the bytes, for the per-request intern table.
    @inline(__always)
    var hashValue64: UInt64 { hashValue64(seed: 0) }

    /// A 64-bit hash of the bytes mixed with `seed` (a random seed per table keeps crafted
    /// collisions from piling up in a long-lived table).
    @inline(__always)
    func hashValue64(seed: UInt64) -> UInt64 {
        let raw = UnsafeRawPointer(start)
        var hash = (UInt64(truncatingIfNeeded: count) ^ seed) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        if count >= 64 {
            // Long keys (a series' label bytes): four independent lanes of 8 bytes, so the
            // multiplications overlap instead of waiting on each other, then folded together.
            var lanes = (hash, hash ^ 0x2545_F491_4F6C_DD1D, hash ^ 0x6A09_E667_F3BC_C909, hash ^ 0xBB67_AE85_84CA_A73B)
            while offset &+ 32 <= count {
                lanes.0 = (lanes.0 ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                lanes.1 = (lanes.1 ^ raw.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
                lanes.2 = (lanes.2 ^ raw.loadUnaligned(fromByteOffset: offset &+ 16, as: UInt64.self)) &* 0xD6E8_FEB8_6659_FD93
                lanes.3 = (lanes.3 ^ raw.loadUnaligned(fromByteOffset: offset &+ 24, as: UInt64.self)) &* 0xA076_1D64_78BD_642F
                lanes.0 ^= lanes.0 &>> 31
                lanes.1 ^= lanes.1 &>> 29
                lanes.2 ^= lanes.2 &>> 32
                lanes.3 ^= lanes.3 &>> 33
                offset &+= 32
            }
            hash = (hash ^ lanes.0) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash &>> 31) ^ lanes.1) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash &>> 31) ^ lanes.2) &* 0xBF58_476D_1CE4_E5B9
            hash = (hash ^ (hash &>> 31) ^ lanes.3) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash &>> 31
        }
        while offset &+ 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash &>> 31
            offset &+= 8
        }
        if offset < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                tail |= UInt64(start[offset]) &<< shift
                shift &+= 8
                offset &+= 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
            hash ^= hash &>> 29
        }
        return hash
    }
}
