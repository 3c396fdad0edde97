extension Lexer {
    /// Decodes the Unicode scalar at `offset`, returning it and its UTF-8 length.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int)? {
        guard offset < source.count else { return nil }
        var iterator = source[offset...].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            return (scalar, UTF8.width(scalar))
        default:
            return ("\u{FFFD}", 1)
        }
    }

    /// Lexes a `"…"` or `'…'` string, checking its Go escapes like Prometheus' lexer.
    mutating func lexString(quote: UInt8, start: Int) throws(ParseError) -> Token {
        while true {
            guard let b = peekByte(), b != UInt8(ascii: "\n") else {
                throw error("unterminated quoted string", at: start)
            }
            position += 1
            if b == quote { return token(.string, start) }
            if b == UInt8(ascii: "\\") {
                try lexEscape(quote: quote, start: start)
            }
        }
    }

    private mutating func nextScalar() -> Unicode.Scalar? {
        guard let (scalar, width) = scalar(at: position) else { return nil }
        position += width
        return scalar
    }

    private mutating func lexEscape(quote: UInt8, start: Int) throws(ParseError) {
        guard var c = nextScalar() else {
            throw error("escape sequence not terminated", at: start)
        }
        var count: Int
        var base: UInt32
        var maximum: UInt32
        switch c {
        case "a", "b", "f", "n", "r", "t", "v", "\\", Unicode.Scalar(quote):
            return
        case "0"..."7":
            (count, base, maximum) = (3, 8, 255)
        case "x":
            (count, base, maximum) = (2, 16, 255)
            guard let n = nextScalar() else { throw error("escape sequence not terminated", at: start) }
            c = n
        case "u":
            (count, base, maximum) = (4, 16, 0x10FFFF)
            guard let n = nextScalar() else { throw error("escape sequence not terminated", at: start) }
            c = n
        case "U":
            (count, base, maximum) = (8, 16, 0x10FFFF)
            guard let n = nextScalar() else { throw error("escape sequence not terminated", at: start) }
            c = n
        default:
            throw error("unknown escape sequence \(GoFormat.unicodeDescription(c))", at: start)
        }
        var value: UInt32 = 0
        while count > 0 {
            guard let digit = Lexer.hexValue(c), digit < base else {
                throw error("illegal character \(GoFormat.unicodeDescription(c)) in escape sequence", at: start)
            }
            value = value * base + digit
            count -= 1
            if count > 0 {
                guard let n = nextScalar() else { throw error("escape sequence not terminated", at: start) }
                c = n
            }
        }
        if value > maximum || (0xD800..<0xE000).contains(value) {
            throw error("escape sequence is an invalid Unicode code point", at: start)
        }
    }

    /// Lexes a `` `…` `` raw string; it may span lines and has no escapes.
    mutating func lexRawString(start: Int) throws(ParseError) -> Token {
        while let b = peekByte() {
            position += 1
            if b == UInt8(ascii: "`") { return token(.string, start) }
        }
        throw error("unterminated raw string", at: start)
    }

    static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c {
        case "0"..."9": c.value - 48
        case "a"..."f": c.value - 87
        case "A"..."F": c.value - 55
        default: nil
        }
    }

    /// The value of a string token the lexer accepted, or nil if its bytes are not valid UTF-8
    /// (Go allows such strings through `\x` and octal escapes; Swift strings cannot hold them).
    static func unquote(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let quote = scalars.first, scalars.count >= 2 else { return nil }
        let body = scalars[1..<(scalars.count - 1)]
        if quote == "`" { return String(String.UnicodeScalarView(body)) }
        var bytes: [UInt8] = []
        var index = body.startIndex
        func append(_ scalar: Unicode.Scalar) {
            bytes.append(contentsOf: String(scalar).utf8)
        }
        while index < body.endIndex {
            let c = body[index]
            index += 1
            guard c == "\\", index < body.endIndex else {
                append(c)
                continue
            }
            let e = body[index]
            index += 1
            switch e {
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "f": bytes.append(0x0C)
            case "n": bytes.append(0x0A)
            case "r": bytes.append(0x0D)
            case "t": bytes.append(0x09)
            case "v": bytes.append(0x0B)
            case "0"..."7", "x", "u", "U":
                // Octal escapes are three digits, the first being `e` itself.
                let (count, base, initial): (Int, UInt32, UInt32) = switch e {
                case "x": (2, 16, 0)
                case "u": (4, 16, 0)
                case "U": (8, 16, 0)
                default: (2, 8, e.value - 48)
                }
                var value = initial
                for _ in 0..<count where index < body.endIndex {
                    value = value * base + (hexValue(body[index]) ?? 0)
                    index += 1
                }
                if e == "u" || e == "U" {
                    guard let scalar = Unicode.Scalar(value) else { return nil }
                    append(scalar)
                } else {
                    bytes.append(UInt8(truncatingIfNeeded: value))
                }
            default:
                append(e)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
