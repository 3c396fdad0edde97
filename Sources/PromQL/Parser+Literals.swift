extension Parser {
    /// The value of a number token, following Go's `ParseInt(s, 0, 64)` then `ParseFloat` as Prometheus does
    /// (so `0x1f` is hexadecimal and `017` is octal).
    mutating func numberValue(_ literal: Token) -> Double {
        switch Parser.parseNumber(literal.text) {
        case .success(let value):
            return value
        case .failure(let failure):
            record("error parsing number: \(failure.message)", at: literal.start)
            return 0
        }
    }

    struct NumberFailure: Error {
        var message: String
    }

    static func parseNumber(_ text: String) -> Result<Double, NumberFailure> {
        let lower = text.lowercased()
        if lower == "inf" { return .success(.infinity) }
        if lower == "nan" { return .success(.nan) }
        let invalid = NumberFailure(message: "strconv.ParseFloat: parsing \(GoFormat.quote(text)): invalid syntax")
        if lower.hasPrefix("0x") {
            guard let value = Int64(lower.dropFirst(2), radix: 16) else { return .failure(invalid) }
            return .success(Double(value))
        }
        if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy({ ("0"..."7").contains($0) }),
            let value = Int64(lower.dropFirst(), radix: 8)
        {
            return .success(Double(value))
        }
        guard lower.first.map({ $0.isASCII && ($0.isNumber || $0 == ".") }) == true, let value = Double(text) else {
            return .failure(invalid)
        }
        if value.isInfinite {
            return .failure(NumberFailure(message: "strconv.ParseFloat: parsing \(GoFormat.quote(text)): value out of range"))
        }
        return .success(value)
    }

    /// The unquoted value of a string token.
    mutating func stringValue(_ literal: Token) -> String {
        if let value = Lexer.unquote(literal.text) { return value }
        record("error unquoting string \(GoFormat.quote(literal.text)): invalid UTF-8", at: literal.start)
        return ""
    }

    /// The value of a duration token for a range, step or offset, which must be positive.
    mutating func durationValue(_ literal: Token) -> PromDuration? {
        let bytes = lexer.source[literal.start..<literal.end]
        switch PromDuration.parse(bytes) {
        case .success(let duration):
            if duration.milliseconds == 0 {
                record("duration must be greater than 0", at: literal.start)
                return nil
            }
            return duration
        case .failure(let failure):
            record(failure.message, at: literal.start)
            return nil
        }
    }
}
