import Foundation
import PromQL

/// Go's `fmt` and `strconv` float formats, as Prometheus prints values in templates and promtool
/// prints them in test failures.
public enum GoNumberFormat {
    /// Go's `%v` (`strconv.FormatFloat(v, 'g', -1, 64)`): shortest digits, an exponent below 1e-4
    /// and from 1e+06 up, `NaN`, `+Inf`, `-Inf`.
    public static func shortest(_ value: Double) -> String {
        if let special = special(value) { return special }
        let (digits, point) = shortestDigits(value.magnitude)
        return format(negative: value.sign == .minus, digits: digits, point: point, exponentAt: 6, exponentLetter: "e")
    }

    /// Go's `strconv.FormatFloat(v, 'E', -1, 64)`: shortest digits, always an exponent (`8E+01`);
    /// with `letter` "e", Go's `'e'` format, which Prometheus' API uses for alert values (`1e+00`).
    public static func shortestExponent(_ value: Double, letter: Character = "E") -> String {
        if let special = nonFinite(value) { return special }
        if value == 0 { return (value.sign == .minus ? "-0" : "0") + String(letter) + "+00" }
        let (digits, point) = shortestDigits(value.magnitude)
        return (value.sign == .minus ? "-" : "") + exponentForm(digits: digits, point: point, letter: letter)
    }

    /// Go's `%.Ng`: N significant digits, trailing zeros dropped, an exponent below 1e-4 and from 10^N up.
    public static func general(_ value: Double, precision: Int) -> String {
        if let special = special(value) { return special }
        let precision = max(precision, 1)
        let (digits, point) = roundedDigits(value.magnitude, significant: precision)
        var exponentAt = precision
        if exponentAt > digits.count && digits.count >= point { exponentAt = digits.count }
        return format(negative: value.sign == .minus, digits: digits, point: point, exponentAt: exponentAt, exponentLetter: "e")
    }

    /// Go's `%.Nf`.
    public static func fixed(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        return String(format: "%.\(max(precision, 0))f", value)
    }

    /// Go's `%.Ne`.
    public static func exponent(_ value: Double, precision: Int) -> String {
        if let special = nonFinite(value) { return special }
        // C and Go agree except that Go prints at least two exponent digits, as C does.
        return String(format: "%.\(max(precision, 0))e", value)
    }

    static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        return nil
    }

    static func format(negative: Bool, digits: String, point: Int, exponentAt: Int, exponentLetter: Character) -> String {
        let exponent = point - 1
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= exponentAt {
            return sign + exponentForm(digits: digits, point: point, letter: exponentLetter)
        }
        if point <= 0 {
            return sign + "0." + String(repeating: "0", count: -point) + digits
        }
        if point >= digits.count {
            return sign + digits + String(repeating: "0", count: point - digits.count)
        }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }

    static func exponentForm(digits: String, point: Int, letter: Character) -> String {
        let exponent = point - 1
        var result = String(digits.first ?? "0")
        if digits.count > 1 { result += "." + digits.dropFirst() }
        let magnitude = String(exponent.magnitude)
        return result + String(letter) + (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }

    /// The shortest round-tripping digits of a positive finite value (value = 0.DIGITS × 10^point).
    static func shortestDigits(_ value: Double) -> (digits: String, point: Int) {
        SampleFormat.decimalDigits(value.description)
    }

    /// The digits of a positive finite value correctly rounded to `significant` digits, trailing zeros dropped.
    static func roundedDigits(_ value: Double, significant: Int) -> (digits: String, point: Int) {
        SampleFormat.decimalDigits(String(format: "%.\(significant - 1)e", value))
    }
}
