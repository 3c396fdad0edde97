/// Number formats of Prometheus' HTTP API: sample values and timestamps as JSON strings.
public enum SampleFormat {
    /// A sample value as Prometheus' API writes it (Go's `strconv.FormatFloat(v, 'f', -1, 64)`):
    /// the shortest digits that round-trip, never an exponent; `NaN`, `+Inf`, `-Inf`.
    public static func value(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = GoFormat.shortestDigits(abs(value))
        var text = value < 0 ? "-" : ""
        if point <= 0 {
            text += "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text += digits + String(repeating: "0", count: point - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: point)
            text += digits[..<split] + "." + digits[split...]
        }
        return text
    }

    /// A timestamp in milliseconds as the API's seconds with up to three decimals, e.g. `1435781451.781`.
    public static func timestamp(milliseconds: Int64) -> String {
        let seconds = milliseconds / 1000
        let fraction = abs(milliseconds % 1000)
        var text = milliseconds < 0 && seconds == 0 ? "-0" : "\(seconds)"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 3 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// The significant digits of a decimal number written as `123.45`, `1.5e-07` or `1E+21`, and
    /// where the decimal point goes (value = 0.DIGITS × 10^point); `("0", 0)` for zero.
    public static func decimalDigits(_ text: String) -> (digits: String, point: Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var integerPart = mantissa
        var fractionPart = Substring("")
        if let dot = mantissa.firstIndex(of: ".") {
            integerPart = mantissa[..<dot]
            fractionPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(integerPart) + fractionPart
        var point = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        return (digits.isEmpty ? "0" : digits, point)
    }
}
