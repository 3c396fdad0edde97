#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

private func cLog(_ x: Double) -> Double { log(x) }
private func cExp(_ x: Double) -> Double { exp(x) }
private func cAtan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }

/// Go's `math` functions as Prometheus calls them: the ones whose Go algorithm differs from the C
/// library's (`Pow`, `Log2`, `Log10`, `Max`, `Min`) are ported; the rest call the C library, which
/// can differ from Go in the last bit for transcendental functions.
enum GoMath {
    /// `math.Log`.
    static func log(_ x: Double) -> Double { cLog(x) }
    /// `math.Exp`.
    static func exp(_ x: Double) -> Double { cExp(x) }
    /// `math.Atan2`.
    static func atan2(_ y: Double, _ x: Double) -> Double { cAtan2(y, x) }
    /// `math.Mod`: the exact remainder with the dividend's sign (C's `fmod`).
    static func mod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }

    /// `math.Log2`: exact for powers of two, else `Log(frac)/Ln2 + exp`.
    static func log2(_ x: Double) -> Double {
        var exponent: Int32 = 0
        let fraction = frexp(x, &exponent)
        if fraction == 0.5 { return Double(exponent - 1) }
        return log(fraction) * 1.4426950408889634 + Double(exponent)
    }

    /// `math.Log10`: `Log(x) * (1/Ln10)`.
    static func log10(_ x: Double) -> Double {
        log(x) * 0.4342944819032518
    }

    /// `math.Max`: +Inf wins over NaN, NaN over the rest, +0 over -0.
    static func max(_ x: Double, _ y: Double) -> Double {
        if x == .infinity || y == .infinity { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// `math.Min`: -Inf wins over NaN, NaN over the rest, -0 over +0.
    static func min(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity || y == -.infinity { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Go's `math.Pow`, ported: repeated squaring for the integer part of the exponent.
    static func pow(_ x: Double, _ y: Double) -> Double {
        func isOddInt(_ value: Double) -> Bool {
            if value.magnitude >= 0x1p53 { return false }
            let (integer, fraction) = modf(value)
            return fraction == 0 && Int64(integer) & 1 == 1
        }
        switch true {
        case y == 0 || x == 1: return 1
        case y == 1: return x
        case x.isNaN || y.isNaN: return .nan
        case x == 0:
            if y < 0 { return x.sign == .minus && isOddInt(y) ? -.infinity : .infinity }
            if y > 0 { return x.sign == .minus && isOddInt(y) ? x : 0 }
        case y.isInfinite:
            if x == -1 { return 1 }
            return (x.magnitude < 1) == (y > 0) ? 0 : .infinity
        case x.isInfinite:
            if x < 0 { return pow(1 / x, -y) }
            if y < 0 { return 0 }
            if y > 0 { return .infinity }
        case y == 0.5: return x.squareRoot()
        case y == -0.5: return 1 / x.squareRoot()
        default: break
        }
        var (yi, yf) = modf(y.magnitude)
        if yf != 0 && x < 0 { return .nan }
        if yi >= 0x1p63 {
            if x == -1 { return 1 }
            return (x.magnitude < 1) == (y > 0) ? 0 : .infinity
        }
        var a1 = 1.0
        var ae = 0
        if yf != 0 {
            if yf > 0.5 {
                yf -= 1
                yi += 1
            }
            a1 = exp(yf * log(x))
        }
        var exponent: Int32 = 0
        var x1 = frexp(x, &exponent)
        var xe = Int(exponent)
        var i = Int64(yi)
        while i != 0 {
            if xe < -(1 << 12) || (1 << 12) < xe {
                ae += xe
                break
            }
            if i & 1 == 1 {
                a1 *= x1
                ae += xe
            }
            x1 *= x1
            xe <<= 1
            if x1 < 0.5 {
                x1 += x1
                xe -= 1
            }
            i >>= 1
        }
        if y < 0 {
            a1 = 1 / a1
            ae = -ae
        }
        return ldexp(a1, Int32(clamping: ae))
    }

    /// A function of one float by its PromQL name (`abs`, `ln`, `sin`, ...), or nil.
    static func unary(_ name: String) -> (@Sendable (Double) -> Double)? {
        switch name {
        case "abs": { $0.magnitude }
        case "ceil": { $0.rounded(.up) }
        case "floor": { $0.rounded(.down) }
        case "exp": { exp($0) }
        case "sqrt": { $0.squareRoot() }
        case "ln": { log($0) }
        case "log2": { log2($0) }
        case "log10": { log10($0) }
        case "sgn": { $0 < 0 ? -1 : ($0 > 0 ? 1 : $0) }
        case "deg": { $0 * 180 / .pi }
        case "rad": { $0 * .pi / 180 }
        case "sin": { sin($0) }
        case "cos": { cos($0) }
        case "tan": { tan($0) }
        case "asin": { asin($0) }
        case "acos": { acos($0) }
        case "atan": { atan($0) }
        case "sinh": { sinh($0) }
        case "cosh": { cosh($0) }
        case "tanh": { tanh($0) }
        case "asinh": { asinh($0) }
        case "acosh": { acosh($0) }
        case "atanh": { atanh($0) }
        default: nil
        }
    }
}

extension GoFormat {
    /// Go's `strconv.FormatFloat(v, 'f', -1, 64)`: shortest digits, never an exponent.
    static func formatFloatF(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }
        let (digits, point) = shortestDigits(value.magnitude)
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: point)
        return sign + digits[..<split] + "." + digits[split...]
    }
}
