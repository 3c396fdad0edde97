/// Go's `fmt.Sprintf` for the verbs alert templates use: `%v %s %d %f %e %g %q %x %%`, with
/// flags `-`, `+`, `0`, width and precision.
enum GoPrintf {
    static func format(_ format: String, _ arguments: [TemplateValue]) -> String {
        var output = ""
        var remaining = arguments[...]
        let chars = Array(format)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else {
                output.append(c)
                continue
            }
            var leftAlign = false, zeroPad = false, plus = false
            flags: while i < chars.count {
                switch chars[i] {
                case "-": leftAlign = true
                case "0": zeroPad = true
                case "+": plus = true
                case " ", "#": break
                default: break flags
                }
                i += 1
            }
            var width: Int?
            while i < chars.count, let d = chars[i].wholeNumberValue {
                width = (width ?? 0) * 10 + d
                i += 1
            }
            var precision: Int?
            if i < chars.count, chars[i] == "." {
                i += 1
                precision = 0
                while i < chars.count, let d = chars[i].wholeNumberValue {
                    precision = precision! * 10 + d
                    i += 1
                }
            }
            guard i < chars.count else {
                output += "%!(NOVERB)"
                break
            }
            let verb = chars[i]
            i += 1
            if verb == "%" {
                output += "%"
                continue
            }
            guard let argument = remaining.popFirst() else {
                output += "%!\(verb)(MISSING)"
                continue
            }
            var text = render(verb, argument, precision: precision)
            if plus, case .float(let v) = argument, v >= 0, !text.hasPrefix("+") { text = "+" + text }
            if plus, case .int(let v) = argument, v >= 0 { text = "+" + text }
            if let width, text.count < width {
                let padding = width - text.count
                if leftAlign {
                    text += String(repeating: " ", count: padding)
                } else if zeroPad, argument.isNumber {
                    let negative = text.hasPrefix("-") || text.hasPrefix("+")
                    let sign = negative ? String(text.removeFirst()) : ""
                    text = sign + String(repeating: "0", count: padding) + text
                } else {
                    text = String(repeating: " ", count: padding) + text
                }
            }
            output += text
        }
        if !remaining.isEmpty {
            output += "%!(EXTRA " + remaining.map { "\($0.goType)=\($0.printed)" }.joined(separator: ", ") + ")"
        }
        return output
    }

    private static func render(_ verb: Character, _ argument: TemplateValue, precision: Int?) -> String {
        let bad = "%!\(verb)(\(argument.goType)=\(argument.printed))"
        switch (verb, argument) {
        case ("v", .float(let v)), ("g", .float(let v)):
            return precision.map { GoNumberFormat.general(v, precision: $0 == 0 ? 1 : $0) } ?? GoNumberFormat.shortest(v)
        case ("v", _):
            return argument.printed
        case ("s", .string(let s)):
            return precision.map { String(s.prefix($0)) } ?? s
        case ("q", .string(let s)):
            return GoQuote.quote(s)
        case ("d", .int(let i)):
            return String(i)
        case ("x", .int(let i)):
            return String(i, radix: 16)
        case ("x", .string(let s)):
            return s.utf8.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        case ("f", .float(let v)), ("F", .float(let v)):
            return GoNumberFormat.fixed(v, precision: precision ?? 6)
        case ("e", .float(let v)):
            return GoNumberFormat.exponent(v, precision: precision ?? 6)
        case ("t", .bool(let b)):
            return b ? "true" : "false"
        default:
            return bad
        }
    }
}

extension TemplateValue {
    var isNumber: Bool {
        switch self {
        case .float, .int: true
        default: false
        }
    }
}
