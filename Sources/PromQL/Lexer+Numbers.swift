extension Lexer {
    /// Scans a number (decimal, exponent, hex); true when it is not followed by a letter or digit.
    mutating func scanNumber() -> Bool {
        var hex = false
        if peekByte() == UInt8(ascii: "0"), let x = peekByte(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            position += 2
            hex = true
        }
        let isDigitOfBase: (UInt8) -> Bool = { b in
            Lexer.isDigit(b) || (hex && ((b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))))
        }
        while let b = peekByte(), isDigitOfBase(b) { position += 1 }
        if peekByte() == UInt8(ascii: ".") {
            position += 1
            while let b = peekByte(), isDigitOfBase(b) { position += 1 }
        }
        if let e = peekByte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            position += 1
            if let sign = peekByte(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            while let b = peekByte(), Lexer.isDigit(b) { position += 1 }
        }
        guard let next = peekByte() else { return true }
        return !Lexer.isAlphaNumeric(next)
    }

    /// Accepts the unit letters of a duration after its first number; true when well formed.
    mutating func acceptRemainingDuration() -> Bool {
        func accept(_ set: String) -> Bool {
            guard let b = peekByte(), set.utf8.contains(b) else { return false }
            position += 1
            return true
        }
        if !accept("smhdwy") { return false }
        _ = accept("s")
        while accept("0123456789") {
            while accept("0123456789") {}
            if !accept("smhdw") { return false }
            _ = accept("s")
        }
        // Like Prometheus, the character after the duration is consumed when it is alphanumeric.
        if let b = peekByte(), Lexer.isAlphaNumeric(b) {
            position += 1
            return false
        }
        return true
    }

    mutating func lexNumberOrDuration() throws(ParseError) -> Token {
        let start = position
        if scanNumber() { return token(.number, start) }
        if acceptRemainingDuration() { return token(.duration, start) }
        throw error("bad number or duration syntax: \(GoFormat.quote(text(start, position)))", at: start)
    }

    mutating func lexDuration() throws(ParseError) -> Token {
        let start = position
        if scanNumber() { throw error("missing unit character in duration", at: start) }
        if !acceptRemainingDuration() {
            throw error("bad duration syntax: \(GoFormat.quote(text(start, position)))", at: start)
        }
        return token(.duration, start)
    }
}
