internal import Rules

/// The windows an SLO's SLI is recorded over: every short and long window of its alert
/// conditions (and OpenSLO lookback windows), always 5 minutes (the current burn rate reads it),
/// shortest first, without duplicates. The period window is recorded apart.
enum SLIWindows {
    /// The five-minute window of the current burn rate.
    static let fiveMinutes = Duration.seconds(300)

    /// The windows for `conditions` and `extra`, sorted, each once, never the period itself.
    static func windows(for conditions: [AlertWindow], extra: [Duration] = [], period: Duration?) -> [Duration] {
        var all = Set<Duration>([fiveMinutes])
        for condition in conditions {
            all.insert(condition.short)
            all.insert(condition.long)
        }
        all.formUnion(extra)
        if let period { all.remove(period) }
        return all.sorted()
    }
}
