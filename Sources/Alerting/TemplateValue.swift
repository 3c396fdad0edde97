/// A value inside a template pipeline, typed as Go's template values are.
enum TemplateValue: Sendable, Hashable {
    case string(String)
    case float(Double)
    case int(Int)
    case bool(Bool)
    case map([String: String])
    case data

    /// The value as `{{ }}` prints it (Go's `%v`).
    var printed: String {
        switch self {
        case .string(let s): s
        case .float(let v): GoNumberFormat.shortest(v)
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .map(let m): "map[" + m.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ") + "]"
        case .data: "{}"
        }
    }

    /// The Go type name, for `%!verb(type=value)` errors.
    var goType: String {
        switch self {
        case .string: "string"
        case .float: "float64"
        case .int: "int"
        case .bool: "bool"
        case .map: "map[string]string"
        case .data: "template.Data"
        }
    }

    /// The value as a float, as Prometheus' `convertToFloat` does (strings are parsed).
    func toFloat() throws(TemplateError) -> Double {
        switch self {
        case .float(let v): return v
        case .int(let i): return Double(i)
        case .string(let s):
            if let v = GoFloatParsing.parse(s) { return v }
            throw TemplateError("strconv.ParseFloat: parsing \(GoQuote.quote(s)): invalid syntax")
        default:
            throw TemplateError("can't convert \(goType) to float")
        }
    }
}

/// Go's `strconv.ParseFloat` for the spellings that matter in templates.
enum GoFloatParsing {
    static func parse(_ text: String) -> Double? {
        switch text.lowercased() {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return Double(String(text.filter { $0 != "_" }))
        }
    }
}

/// Go's `strconv.Quote` for the common cases.
public enum GoQuote {
    /// `text` in double quotes with Go's escapes (`strconv.Quote` for the common cases).
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
