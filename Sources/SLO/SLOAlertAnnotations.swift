internal import Foundation
internal import PromQL
internal import Rules
internal import Storage

/// The annotations Burnrate adds to an SLO's page and ticket alerts, so that the notification
/// says why it fired: `burn_rates` (every recorded window, as multiples of the budget rate),
/// `windows` (the conditions of its severity) and `budget_remaining` (the period's).
///
/// Computed at each evaluation from the SLO's recorded series, one set per label set of the
/// series (so per group of a grouped SLO).
struct SLOAlertAnnotations: Sendable {
    let slo: SLO
    let conditions: [AlertWindow]
    /// The storage matchers of the SLO's recorded ratios and remaining budget
    /// (`{sloth_id="…", __name__=~"…"}`), made once (the regular expression compiled once); not
    /// its other recorded series nor its `ALERTS`.
    private let recorded: [SeriesMatcher]?
    /// The engine's lookback delta, milliseconds: how far back a recorded series' latest sample
    /// is taken, as an instant selector takes it.
    private let lookback: Int64
    /// `windows(severity)` of each severity, written once.
    private let windowsText: [AlertSeverity: String]
    /// The length in milliseconds of each window the SLO records, with its `sloth_window` label:
    /// a few, looked through (small strings compare faster than they hash).
    private let windowLengths: [(window: String, length: Int64)]
    /// The error budget, `1 - objective` as Sloth writes it.
    private let budget: Double

    init(slo: SLO, conditions: [AlertWindow], engine: Engine) {
        self.slo = slo
        self.conditions = conditions
        let names = "\(Self.ratioPrefix).+|\(Self.remainingName)"
        if case .vectorSelector(let selector)? = try? Parser.parse(
            "{sloth_id=\(SlothNumber.quote(SLOIdentity(slo).id)), __name__=~\"\(names)\"}") {
            self.recorded = try? Engine.seriesMatchers(selector)
        } else {
            self.recorded = nil
        }
        self.lookback = engine.lookbackDelta.milliseconds
        var texts: [AlertSeverity: String] = [:]
        for severity in AlertSeverity.allCases { texts[severity] = Self.windows(severity, conditions) }
        self.windowsText = texts
        var lengths: [(window: String, length: Int64)] = []
        var recordedWindows = SLIWindows.windows(for: conditions, period: nil)
        if case .rolling(let period) = slo.period { recordedWindows.append(period) }
        for window in recordedWindows {
            let name = SlothNumber.format(window)
            if let parsed = try? PromDuration(parsing: name), !lengths.contains(where: { $0.window == name }) {
                lengths.append((name, parsed.milliseconds))
            }
        }
        self.windowLengths = lengths
        self.budget = SlothObjective(ratio: slo.objective).errorBudget
    }

    /// `page: 1h and 5m above 14.4x, or 6h and 30m above 6x`.
    func windows(_ severity: AlertSeverity) -> String {
        Self.windows(severity, conditions)
    }

    /// `windows(_:)` for `conditions`.
    static func windows(_ severity: AlertSeverity, _ conditions: [AlertWindow]) -> String {
        let parts = conditions.filter { $0.severity == severity }.map {
            "\(SlothNumber.format($0.long)) and \(SlothNumber.format($0.short)) above \(Self.number($0.factor))x"
        }
        return "\(severity.rawValue): " + parts.joined(separator: ", or ")
    }

    /// The name prefix of the recorded ratios, `slo:sli_error:ratio_rate<window>`.
    static let ratioPrefix = "slo:sli_error:ratio_rate"
    /// The remaining budget's record.
    static let remainingName = "slo:period_error_budget_remaining:ratio"

    /// Up to this many label sets, a sample's is found by comparing it with each.
    static let comparedGroups = 4

    /// The figures of one label set of the SLO (one group of a grouped SLO).
    private struct Figures {
        var key: Labels
        var rates: [(length: Int64, window: String, rate: Double)] = []
        var remaining: Double?

        /// Room for the rates of `windows` windows.
        init(key: Labels, windows: Int) {
            self.key = key
            rates.reserveCapacity(windows)
        }
    }

    /// The annotations for `severity` at `time`.
    ///
    /// The recorded series are read as an instant selector of them evaluates at `time`: each
    /// series' latest sample within the lookback delta (`selectLatest` of that window), unless it
    /// is a stale marker.
    func annotations(_ severity: AlertSeverity, at time: Int64, reader: any SampleReader) async -> [Labels: [String: String]] {
        guard let recorded, let latest = try? await reader.selectLatest(matchers: recorded, start: time - lookback, end: time)
        else { return [:] }
        // Most SLOs have one label set: its key is made once, later samples compared in place;
        // past a few label sets, they are found by a table.
        var groups: [Figures] = []
        var positions: [Labels: Int]?
        for entry in latest.entries where !entry.sample.isStaleMarker {
            // The name and the window, in one pass over the labels.
            var name: String?
            var windowText: String?
            for label in entry.labels {
                if label.name == Label.metricName {
                    name = label.value
                } else if label.name == "sloth_window" {
                    windowText = label.value
                }
            }
            guard let name else { continue }
            let isRemaining = name == Self.remainingName
            var window = ""
            var length: Int64 = 0
            if !isRemaining {
                guard name.hasPrefix(Self.ratioPrefix), let text = windowText,
                      let known = windowLengths.first(where: { $0.window == text })?.length ?? (try? PromDuration(parsing: text))?.milliseconds
                else { continue }
                (window, length) = (text, known)
            }
            let position: Int
            if groups.count <= Self.comparedGroups {
                if let found = groups.indices.last(where: { Self.isKey(groups[$0].key, of: entry.labels) }) {
                    position = found
                } else {
                    position = groups.count
                    groups.append(Figures(key: Self.key(entry.labels), windows: windowLengths.count))
                }
            } else {
                if positions == nil {
                    positions = Dictionary(uniqueKeysWithValues: groups.indices.map { (groups[$0].key, $0) })
                }
                let key = Self.key(entry.labels)
                if let found = positions![key] {
                    position = found
                } else {
                    position = groups.count
                    positions![key] = position
                    groups.append(Figures(key: key, windows: windowLengths.count))
                }
            }
            if isRemaining {
                groups[position].remaining = entry.sample.v
            } else {
                groups[position].rates.append((length, window, entry.sample.v / budget))
            }
        }
        var result: [Labels: [String: String]] = Dictionary(minimumCapacity: groups.count)
        let windows = windowsText[severity] ?? self.windows(severity)
        for var figures in groups {
            var values: [String: String] = Dictionary(minimumCapacity: 3)
            values["windows"] = windows
            if !figures.rates.isEmpty {
                figures.rates.sort { $0.length < $1.length }
                values["burn_rates"] = Self.burnRates(figures.rates)
            }
            if let left = figures.remaining, left.isFinite {
                values["budget_remaining"] = Self.number(left * 100) + "%"
            }
            result[figures.key] = values
        }
        return result
    }

    /// `5m: 1.2x, 30m: 0.8x, …`: the rates in the order given, written into one string.
    static func burnRates(_ rates: [(length: Int64, window: String, rate: Double)]) -> String {
        var text = ""
        text.reserveCapacity(rates.count * 12)
        for (position, rate) in rates.enumerated() {
            if position > 0 { text += ", " }
            text += rate.window
            text += ": "
            text += number(rate.rate)
            text += "x"
        }
        return text
    }

    /// The labels an alert of the SLO shares with a recorded series: all but `__name__` and
    /// `sloth_window`.
    static func key(_ labels: Labels) -> Labels {
        Labels(canonical: labels.filter { !isLeftOut($0.name) })
    }

    /// Whether `key` is `key(labels)`, compared in place.
    static func isKey(_ key: Labels, of labels: Labels) -> Bool {
        var position = key.startIndex
        for label in labels where !isLeftOut(label.name) {
            guard position < key.endIndex, key[position] == label else { return false }
            position += 1
        }
        return position == key.endIndex
    }

    private static func isLeftOut(_ name: String) -> Bool {
        name == Label.metricName || name == "sloth_window"
    }

    /// Two decimals at most, no trailing zeros.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        let hundredths = (value * 100).rounded()
        let rounded = hundredths / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        if abs(hundredths) < 1e15 {
            // `rounded` is within 0.002 of hundredths/100, so "%.2f" prints hundredths' digits
            // with the point two places from the right; written here without a format string.
            let magnitude = Int64(abs(hundredths))
            let cents = magnitude % 100
            var text = (hundredths < 0 ? "-" : "") + String(magnitude / 100) + (cents < 10 ? ".0" : ".") + String(cents)
            while text.hasSuffix("0") { text.removeLast() }
            return text
        }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
