internal import Storage

extension Evaluator {
    /// `label_replace(v, dst, replacement, src, regex)`: where the anchored `regex` matches the value
    /// of `src`, sets `dst` to `replacement` with `$1`/`${name}` expanded (removed when empty).
    func labelReplace(_ arguments: [Expr], at t: Int64) throws(EvaluationError) -> [Sample] {
        let destination = try string(arguments[1], at: t)
        let replacement = try string(arguments[2], at: t)
        let source = try string(arguments[3], at: t)
        let pattern = try string(arguments[4], at: t)
        let regex: Regex<AnyRegexOutput>
        do {
            guard RE2Syntax.unsupportedConstruct(in: pattern) == nil else { throw RegexFailure(message: "") }
            regex = try Regex("^(?:" + pattern + ")$").matchingSemantics(.unicodeScalar)
                .asciiOnlyDigits().asciiOnlyWhitespace().asciiOnlyWordCharacters()
        } catch {
            throw .execution("invalid regular expression in label_replace(): \(pattern)")
        }
        guard Self.isValidLabelName(destination) else {
            throw .execution("invalid destination label name in label_replace(): \(destination)")
        }
        var result: [Sample] = []
        for sample in try vector(arguments[0], at: t) {
            let value = sample.labels[source] ?? ""
            guard let match = try? regex.wholeMatch(in: value) else {
                result.append(sample)
                continue
            }
            let expanded = Self.expand(replacement, match)
            result.append(Sample(labels: sample.labels.setting(destination, to: expanded), t: t, v: sample.v))
        }
        return result
    }

    /// `label_join(v, dst, separator, src...)`: sets `dst` to the values of the `src` labels joined.
    func labelJoin(_ arguments: [Expr], at t: Int64) throws(EvaluationError) -> [Sample] {
        let destination = try string(arguments[1], at: t)
        let separator = try string(arguments[2], at: t)
        var sources: [String] = []
        for argument in arguments.dropFirst(3) { sources.append(try string(argument, at: t)) }
        guard Self.isValidLabelName(destination) else {
            throw .execution("invalid destination label name in label_join(): \(destination)")
        }
        for source in sources where !Self.isValidLabelName(source) {
            throw .execution("invalid source label name in label_join(): \(source)")
        }
        return try vector(arguments[0], at: t).map { sample in
            let joined = sources.map { sample.labels[$0] ?? "" }.joined(separator: separator)
            return Sample(labels: sample.labels.setting(destination, to: joined), t: t, v: sample.v)
        }
    }

    /// Go's `Regexp.Expand`: `$$`, `$1`, `${1}`, `$name`, `${name}`; unknown groups expand to nothing.
    static func expand(_ template: String, _ match: Regex<AnyRegexOutput>.Match) -> String {
        let output = match.output
        func group(_ name: String) -> String {
            if let number = Int(name), name.first != "0" || name.count == 1, name.allSatisfy(\.isASCII) {
                guard number < output.count, let text = output[number].substring else { return "" }
                return String(text)
            }
            for index in 0..<output.count where output[index].name == name {
                return output[index].substring.map(String.init) ?? ""
            }
            return ""
        }
        var result = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            if rest.first == "$" {
                result += "$"
                rest = rest.dropFirst()
                continue
            }
            var body = rest
            let braced = body.first == "{"
            if braced { body = body.dropFirst() }
            let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if name.isEmpty || (braced && body.dropFirst(name.count).first != "}") {
                result += "$"
                continue
            }
            result += group(String(name))
            rest = body.dropFirst(name.count + (braced ? 1 : 0))
        }
        return result + rest
    }
}
