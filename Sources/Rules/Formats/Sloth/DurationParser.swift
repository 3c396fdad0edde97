/// Parses and prints Prometheus durations such as `5m`, `1h30m` or `30d`.
///
/// Units `y` (365 days), `w`, `d`, `h`, `m`, `s`, `ms`, each at most once and largest first; whole
/// numbers only, no sign. `0` alone is zero.
// TODO: use PromQL.Duration once the PromQL module's duration parser is available here.
enum DurationParser {
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("y", 365 * 24 * 3_600_000), ("w", 7 * 24 * 3_600_000), ("d", 24 * 3_600_000),
        ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// The duration written as `text`, or nil when it is not a Prometheus duration.
    static func parse(_ text: String) -> Duration? {
        if text == "0" { return .zero }
        var rest = Substring(text)
        var total: Int64 = 0
        var nextUnit = 0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            // `ms` must be tried before `m`.
            let letters = rest.prefix { $0.isASCII && $0.isLetter }
            guard let index = units.indices.first(where: { units[$0].suffix == letters }), index >= nextUnit else { return nil }
            rest = rest.dropFirst(letters.count)
            nextUnit = index + 1
            let (product, overflow) = value.multipliedReportingOverflow(by: units[index].milliseconds)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return .milliseconds(total)
    }

    /// The text Prometheus prints for `duration`, e.g. `30d`, `4w`, `1h30m`, `0s`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var remaining = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        guard remaining > 0 else { return "0s" }
        var text = ""
        for unit in units where remaining >= unit.milliseconds {
            // As Prometheus prints: years and weeks only when they divide the rest exactly (30d, not 4w2d).
            if (unit.suffix == "y" || unit.suffix == "w") && remaining % unit.milliseconds != 0 { continue }
            text += "\(remaining / unit.milliseconds)\(unit.suffix)"
            remaining %= unit.milliseconds
        }
        return text
    }
}
