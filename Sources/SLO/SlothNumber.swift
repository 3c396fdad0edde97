internal import PromQL

/// Numbers and durations printed as Sloth prints them into PromQL.
enum SlothNumber {
    /// A float as Go's `%v` prints it: `14.4`, `0.0009999999999999432`, `30`, `1e-05`.
    static func format(_ value: Double) -> String {
        NumberLiteral(value).description
    }

    /// A duration as Prometheus prints it: `5m`, `1d`, `4w` (28 days), `1w` (7 days), `30d`.
    static func format(_ duration: Duration) -> String {
        PromDuration(milliseconds: milliseconds(duration)).description
    }

    /// Whole milliseconds of a duration, rounded up so a positive duration never prints as `0s`.
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let perMillisecond: Int64 = 1_000_000_000_000_000
        return seconds * 1000 + (attoseconds + perMillisecond - 1) / perMillisecond
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// A PromQL string literal: double-quoted, with `\` and `"` escaped.
    static func quote(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
