/// A Prometheus duration such as `5m`, `1h30m` or `30d`, with millisecond resolution.
///
/// Parsing accepts the units `y w d h m s ms`, each at most once and in that order
/// (`1h30m`, not `30m1h`), like Prometheus' `model.ParseDuration`; `y` is 365 days and
/// `w` is 7 days. Printing follows `model.Duration.String`: years and weeks are used only
/// when they divide the duration exactly (`90d`, not `12w6d`), and zero prints as `0s`.
/// Negative durations (offsets) print with a leading `-`.
public struct PromDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The length of the duration in milliseconds; negative for negative offsets.
    public var milliseconds: Int64

    /// Creates a duration of the given number of milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// Creates a duration of the given number of whole seconds.
    public init(seconds: Int64) {
        self.milliseconds = seconds * 1000
    }

    /// Parses a duration written the Prometheus way (`5m`, `1h30m`, `30d`, `1500ms`).
    ///
    /// The error's message reads like Prometheus' (`not a valid duration string: "1.5h"`);
    /// its position is relative to `text`, so callers embedding the text in a file add
    /// their own offset. `"0"` parses as zero, as in Prometheus.
    public init(parsing text: String) throws(ParseError) {
        let bytes = Array(text.utf8)
        switch PromDuration.parse(bytes[...]) {
        case .success(let duration):
            self = duration
        case .failure(let failure):
            throw ParseError(failure.message, at: 0, in: bytes)
        }
    }

    /// The duration in seconds.
    public var seconds: Double {
        Double(milliseconds) / 1000
    }

    /// The duration as a Swift `Duration`.
    public var duration: Swift.Duration {
        .milliseconds(milliseconds)
    }

    /// The duration printed the Prometheus way, such as `1h30m` or `-5m`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        if milliseconds < 0 {
            // Int64.min has no positive counterpart; it is far outside any real duration.
            let magnitude = milliseconds == .min ? Int64.max : -milliseconds
            return "-" + PromDuration(milliseconds: magnitude).description
        }
        var remaining = milliseconds
        var result = ""
        for unit in PromDuration.units {
            if unit.exactOnly && remaining % unit.milliseconds != 0 { continue }
            let count = remaining / unit.milliseconds
            if count > 0 {
                result += "\(count)\(unit.symbol)"
                remaining -= count * unit.milliseconds
            }
        }
        return result
    }

    /// Orders durations by length.
    public static func < (lhs: PromDuration, rhs: PromDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    private struct Unit {
        var symbol: String
        var milliseconds: Int64
        var exactOnly: Bool
    }

    private static let units: [Unit] = [
        Unit(symbol: "y", milliseconds: 365 * 24 * 3_600_000, exactOnly: true),
        Unit(symbol: "w", milliseconds: 7 * 24 * 3_600_000, exactOnly: true),
        Unit(symbol: "d", milliseconds: 24 * 3_600_000, exactOnly: false),
        Unit(symbol: "h", milliseconds: 3_600_000, exactOnly: false),
        Unit(symbol: "m", milliseconds: 60_000, exactOnly: false),
        Unit(symbol: "s", milliseconds: 1000, exactOnly: false),
        Unit(symbol: "ms", milliseconds: 1, exactOnly: false),
    ]

    /// Parses the bytes of a duration; the failure carries Prometheus' message.
    static func parse(_ text: ArraySlice<UInt8>) -> Result<PromDuration, DurationFailure> {
        let quoted = GoFormat.quote(String(decoding: text, as: UTF8.self))
        if text.elementsEqual("0".utf8) { return .success(PromDuration(milliseconds: 0)) }
        if text.isEmpty { return .failure(DurationFailure(message: "empty duration string")) }
        let invalid = DurationFailure(message: "not a valid duration string: \(quoted)")
        var index = text.startIndex
        var nextUnit = 0
        var total: Int64 = 0
        var outOfRange = false
        while index < text.endIndex {
            let digitsStart = index
            var value: Int64 = 0
            var overflow = false
            while index < text.endIndex, let digit = Lexer.decimalValue(text[index]) {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(Int64(digit))
                overflow = overflow || o1 || o2
                value = plus
                index += 1
            }
            if index == digitsStart { return .failure(invalid) }
            var symbolEnd = index
            while symbolEnd < text.endIndex, Lexer.isAlpha(text[symbolEnd]) { symbolEnd += 1 }
            let symbol = String(decoding: text[index..<symbolEnd], as: UTF8.self)
            guard let position = units.firstIndex(where: { $0.symbol == symbol }), position >= nextUnit else {
                return .failure(invalid)
            }
            nextUnit = position + 1
            index = symbolEnd
            let unit = units[position].milliseconds
            if overflow || value > Int64.max / unit {
                outOfRange = true
                continue
            }
            let (sum, o) = total.addingReportingOverflow(value * unit)
            if o { outOfRange = true } else { total = sum }
        }
        if outOfRange { return .failure(DurationFailure(message: "duration out of range")) }
        return .success(PromDuration(milliseconds: total))
    }
}

/// The message of a failed duration parse, before a position is attached.
struct DurationFailure: Error {
    var message: String
}
