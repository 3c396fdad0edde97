/// Sloth's objective: a percentage in (0, 100], converted to the model's ratio.
enum SlothObjective {
    /// Reads `key` of `reader` as a percentage in (0, 100] and returns it as a ratio, or reports why not.
    static func read(_ key: String, from reader: inout MappingReader, diagnostics: inout Diagnostics) -> Double? {
        let what = reader.what
        guard let node = reader.value(key) else {
            diagnostics.error(reader.node.location, "\(what): missing required field \"\(key)\"")
            return nil
        }
        guard case .scalar(let text, _, let tag) = node.kind, tag == .int || tag == .float,
              let percent = MappingReader.parseNumber(text)
        else {
            diagnostics.error(node.location, "\(what): field \"\(key)\" must be a number (a percentage such as 99.9), got \(node.typeDescription)")
            return nil
        }
        guard percent > 0, percent <= 100 else {
            diagnostics.error(node.location, "\(what): \(key) must be greater than 0 and at most 100 (a percentage such as 99.9), got \(text)")
            return nil
        }
        return ratio(ofPercentText: text) ?? percent / 100
    }

    /// The ratio a plain decimal percentage stands for, computed on its digits so the decimal intent
    /// survives: `99.9` gives the double nearest 0.999, where `99.9 / 100` gives 0.9990000000000001.
    /// Nil for other spellings (exponents, `.inf`).
    static func ratio(ofPercentText text: String) -> Double? {
        var cleaned = Substring(text.filter { $0 != "_" })
        if cleaned.first == "+" { cleaned = cleaned.dropFirst() }
        let parts = cleaned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let allDigits = (whole + fraction).allSatisfy { $0.isASCII && $0.isNumber }
        guard allDigits, !whole.isEmpty || !fraction.isEmpty else { return nil }
        let digits = String(whole + fraction)
        let point = whole.count - 2
        let shifted = point <= 0
            ? "0." + String(repeating: "0", count: -point) + digits
            : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        return Double(shifted)
    }
}
