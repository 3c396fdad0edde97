/// Suggests the closest known word for a misspelt one, by edit distance.
public enum DidYouMean {
    /// The candidate closest to `word`, if it is close enough to be a likely typo
    /// (at most a third of the word's length in edits, and at least 1 allowed; case-insensitive match wins).
    public static func suggest(_ word: String, from candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        let allowed = max(2, word.count / 3)
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.word }
        // A known key that starts the word, or that the word starts (`expresion` for `expr`).
        if lowered.count >= 3, let prefix = candidates.first(where: {
            let candidate = $0.lowercased()
            return candidate.count >= 3 && (lowered.hasPrefix(candidate) || candidate.hasPrefix(lowered))
        }) {
            return prefix
        }
        // snake_case written as camelCase or the reverse.
        let folded = lowered.filter { $0 != "_" && $0 != "-" }
        return candidates.first { $0.lowercased().filter { $0 != "_" && $0 != "-" } == folded }
    }

    /// The Levenshtein distance between two strings, by Unicode scalars.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
