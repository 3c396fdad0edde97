/// Formatting helpers that reproduce the Go `fmt` verbs Prometheus prints with.
enum GoFormat {
    /// Go's `strconv.Quote` (`%q`): double quotes, Go escapes, printable Unicode kept.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            default:
                if isPrint(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value < 0x10000 {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return result + "\""
    }

    /// Go's `%.10q...` as Prometheus uses it for long tokens in error messages.
    static func quoteTruncated(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 10 else { return quote(text) }
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars.prefix(10))
        return quote(String(prefix)) + "..."
    }

    /// Go's `%#U`, such as `U+0071 'q'`.
    static func unicodeDescription(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + hex(scalar.value, width: 4).uppercased()
        return isPrint(scalar) ? "\(code) '\(scalar)'" : code
    }

    /// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Go's `%v` for a float64: shortest digits, exponent form below 1e-4 and from 1e+06 up.
    static func float(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let negative = value.sign == .minus
        if value == 0 { return negative ? "-0" : "0" }
        let (digits, pointPosition) = shortestDigits(value.magnitude)
        let exponent = pointPosition - 1
        var result = negative ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            result.append(digits.first!)
            if digits.count > 1 {
                result += "." + digits.dropFirst()
            }
            result += exponent < 0 ? "e-" : "e+"
            let magnitude = String(exponent.magnitude)
            result += (magnitude.count < 2 ? "0" : "") + magnitude
            return result
        }
        if pointPosition <= 0 {
            result += "0." + String(repeating: "0", count: -pointPosition) + digits
        } else if pointPosition >= digits.count {
            result += digits + String(repeating: "0", count: pointPosition - digits.count)
        } else {
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            result += digits[..<split] + "." + digits[split...]
        }
        return result
    }

    /// The shortest round-tripping decimal digits of a positive finite value, and where the
    /// decimal point goes (value = 0.DIGITS × 10^pointPosition).
    static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        // Swift's description prints the shortest round-tripping digits, as Go does.
        let (digits, point) = SampleFormat.decimalDigits(value.description)
        return (digits, point)
    }

    /// Go's `%f` for the values the `@` bounds error prints: infinities, NaN, and integers.
    static func fixed(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        // Values this large (≥ 2^53) are always integers; smaller ones never reach here.
        if value.magnitude >= 9_007_199_254_740_992 {
            return (value < 0 ? "-" : "") + exactInteger(value.magnitude) + ".000000"
        }
        // Not reached for out-of-bounds timestamps; a close approximation otherwise.
        return float(value)
    }

    /// The exact decimal digits of a non-negative integral double.
    static func exactInteger(_ value: Double) -> String {
        let exponent = Int(value.exponent) - Double.significandBitCount
        var significand = value.significandBitPattern | (1 << UInt64(Double.significandBitCount))
        var shift = exponent
        if shift < 0 {
            significand >>= UInt64(-shift)
            shift = 0
        }
        // Little-endian base-10 digits of significand × 2^shift.
        var digits: [UInt8] = []
        var s = significand
        while s > 0 {
            digits.append(UInt8(s % 10))
            s /= 10
        }
        for _ in 0..<shift {
            var carry: UInt8 = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        return String(digits.reversed().map { Character(Unicode.Scalar($0 + 48)) })
    }
}
