/// A synthetic counter written in promtool's expanding notation (`a+bxN`): runs of samples that
/// each rise by a constant increment, and resets to zero.
struct CounterSeries {
    /// The series as promtool reads it, such as `requests_total{code="500"}`.
    var series: String
    /// The value of the very first sample.
    var start: Int
    /// Runs of samples, one notation item each.
    private(set) var items: [String] = []
    /// The last sample's value, nil before the first.
    private(set) var last: Int?
    /// How many samples the runs hold.
    private(set) var count = 0

    /// A counter that starts at `start`.
    init(series: String, start: Int = 0) {
        self.series = series
        self.start = start
    }

    /// Appends `steps` samples, each `increment` above the one before (the very first is `start`).
    mutating func rise(by increment: Int, steps: Int) {
        guard steps > 0 else { return }
        let first = last.map { $0 + increment } ?? start
        items.append("\(first)+\(increment)x\(steps - 1)")
        last = first + increment * (steps - 1)
        count += steps
    }

    /// The process restarted: the next sample counts from zero again.
    mutating func reset() {
        last = 0
    }

    /// The values in promtool's notation.
    var notation: String { items.joined(separator: " ") }
}
