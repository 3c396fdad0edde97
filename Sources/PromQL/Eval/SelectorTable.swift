/// A small map from selectors to what was read for them, searched by equality.
///
/// A query has a handful of selectors; hashing one hashes every string of its name and matchers,
/// while comparing the selector a query holds with the one the table was filled from is mostly
/// a check that they share storage. So the evaluator's reads are kept here, in one array of
/// entries, rather than in a dictionary.
struct SelectorTable<Key: Equatable & Sendable, Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(key: Key, value: Value)] = []

    init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// Makes room for `count` entries, so that filling the table grows its array once.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// The value stored for `key`; setting nil removes it.
    subscript(key: Key) -> Value? {
        get {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries[index].value
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}
