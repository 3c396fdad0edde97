import TestSupport

/// How fast an SLO's error budget burns over a synthetic day or two, in runs of steps: a baseline
/// well under budget, a quiet spell without errors, a fast burst that pages, a slow burn that
/// opens a ticket, a short burst, and a process restart (counter reset) along the way. Lengths
/// and burn rates are drawn from a seeded generator within ranges that make each alert fire and
/// resolve.
struct BurnProfile {
    /// One run of steps at one burn rate.
    struct Run {
        /// The first step.
        var start: Int
        /// How many steps.
        var steps: Int
        /// The burn rate: the bad-event ratio divided by the error budget.
        var burn: Double
    }

    /// Every run, in order, covering steps `0..<steps`.
    private(set) var runs: [Run] = []
    /// The step at which the `instance="b"` counters restart from zero (a run's start).
    private(set) var resetStep = 0

    /// A profile of `steps` steps (minutes) drawn from `random`; `steps` is at least 2,300.
    init(steps: Int, random: inout SplitMix64) {
        let phases: [(minutes: ClosedRange<Int>, burn: ClosedRange<Double>)] = [
            (210...270, 0.1...0.6),  // baseline
            (150...210, 0...0),  // quiet: no errors at all
            (60...80, 25...50),  // fast burn: pages, and tickets for hours after
            (600...720, 0.1...0.6),  // baseline; the process restarts in it
            (270...330, 2...2.8),  // slow burn: tickets only
            (480...600, 0.1...0.6),  // baseline
            (18...25, 70...90),  // short burst: pages
        ]
        var step = 0
        for (index, phase) in phases.enumerated() {
            let end = step + Int.random(in: phase.minutes, using: &random)
            let restart = index == 3 ? step + Int.random(in: 120...300, using: &random) : nil
            append(from: step, to: end, burn: phase.burn, splitAt: restart, random: &random)
            step = end
        }
        append(from: step, to: steps, burn: 0.1...0.6, splitAt: nil, random: &random)
    }

    /// Runs of 10 to 30 steps from `start` to `end`, each at a burn rate drawn from `burn`.
    private mutating func append(from start: Int, to end: Int, burn: ClosedRange<Double>, splitAt restart: Int?, random: inout SplitMix64) {
        var step = start
        while step < end {
            var length = min(Int.random(in: 10...30, using: &random), end - step)
            if let restart, step < restart, restart < step + length { length = restart - step }
            if step == restart { resetStep = step }
            runs.append(Run(start: step, steps: length, burn: Double.random(in: burn, using: &random)))
            step += length
        }
    }
}
