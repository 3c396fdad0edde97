public import PromQL
public import Rules

/// Decides which incoming series to store: those some loaded rule can read.
///
/// Built from the vector selectors of every rule expression and SLI query (with `{{.window}}`
/// rendered), indexed by metric name so that a series no rule reads is rejected with one
/// dictionary lookup and no allocation.
public struct SeriesFilter: Sendable {
    /// Selectors with a fixed metric name, by that name.
    private let byName: [String: [[LabelMatcher]]]
    /// Selectors without a fixed metric name (e.g. `{__name__=~"foo_.*"}`), checked for every series.
    private let anyName: [[LabelMatcher]]
    /// Store everything (`--storage.keep-all`).
    public let keepAll: Bool

    /// The selectors the filter was built from, for the status API.
    public let selectors: [VectorSelector]

    /// Builds the filter for a rule set.
    public init(ruleSet: RuleSet, keepAll: Bool = false) {
        self.init(selectors: Self.selectors(of: ruleSet), keepAll: keepAll)
    }

    /// Builds the filter from selectors.
    public init(selectors: [VectorSelector], keepAll: Bool = false) {
        var byName: [String: [[LabelMatcher]]] = [:]
        var anyName: [[LabelMatcher]] = []
        var unique: [VectorSelector] = []
        var seen: Set<[LabelMatcher]> = []
        for selector in selectors {
            // offset and @ do not change which series are read.
            let matchers = selector.allMatchers
            guard seen.insert(matchers).inserted else { continue }
            unique.append(VectorSelector(name: selector.name, matchers: selector.matchers))
            if let name = selector.metricName {
                byName[name, default: []].append(matchers.filter { !($0.name == "__name__" && $0.type == .equal) })
            } else {
                anyName.append(matchers)
            }
        }
        self.byName = byName
        self.anyName = anyName
        self.keepAll = keepAll
        self.selectors = unique
    }

    /// Whether a series with `metricName` and `labels` (name/value pairs, any order, `__name__`
    /// included or not) is read by some rule.
    public func keeps(metricName: String, labels: some Collection<(name: String, value: String)>) -> Bool {
        if keepAll { return true }
        if let candidates = byName[metricName] {
            for matchers in candidates where Self.matches(matchers, metricName: metricName, labels: labels) {
                return true
            }
        }
        for matchers in anyName where Self.matches(matchers, metricName: metricName, labels: labels) {
            return true
        }
        return false
    }

    /// The metric names some selector names exactly.
    public var metricNames: Set<String> { Set(byName.keys) }

    private static func matches(
        _ matchers: [LabelMatcher], metricName: String, labels: some Collection<(name: String, value: String)>
    ) -> Bool {
        for matcher in matchers {
            let value: String
            if matcher.name == "__name__" {
                value = metricName
            } else {
                value = labels.first { $0.name == matcher.name }?.value ?? ""
            }
            if !matcher.matches(value) { return false }
        }
        return true
    }
}
