/// Writes JSON byte for byte as Go's `encoding/json` does: keys in the order given (struct
/// fields) or sorted by bytes (maps), no spaces, `<`, `>`, `&`, U+2028 and U+2029 escaped as
/// `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`, other non-ASCII written as UTF-8.
struct GoJSONWriter {
    private(set) var bytes: [UInt8] = []

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": raw("\\\"")
            case "\\": raw("\\\\")
            case "\n": raw("\\n")
            case "\r": raw("\\r")
            case "\t": raw("\\t")
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    unicodeEscape(scalar.value)
                } else {
                    bytes.append(contentsOf: String(scalar).utf8)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func unicodeEscape(_ value: UInt32) {
        let hex = String(value, radix: 16)
        raw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }

    /// A map of strings, keys sorted by bytes as Go sorts map keys.
    mutating func map(_ map: [String: String]) {
        raw("{")
        for (index, key) in map.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
            if index > 0 { raw(",") }
            string(key)
            raw(":")
            string(map[key] ?? "")
        }
        raw("}")
    }

    /// `"key":` after a comma unless it is the first field.
    mutating func key(_ key: String, first: Bool = false) {
        if !first { raw(",") }
        string(key)
        raw(":")
    }
}
