/// A small map from selectors to what was read for them, searched by equality.
///
/// A query has a handful of selectors; hashing one hashes every string of its name and matchers,
/// while comparing the selector a query holds with the one the table was filled from is mostly
/// a check that they share storage. So the evaluator's reads are kept here, the keys in one
/// array and the values in another, rather than in a dictionary.
struct SelectorTable<Key: Equatable & Sendable, Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// The keys, and the value of each at the same position.
    private var keys: [Key] = []
    private var values: [Value] = []

    init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The table of `values[i]` for `keys[i]`; `keys` unique. A prepared query hands its keys over
    /// as one array, so filling the table copies no key.
    init(keys: [Key], values: [Value]) {
        precondition(keys.count == values.count, "a selector table needs one value per key")
        self.keys = keys
        self.values = values
    }

    /// Makes room for `count` entries, so that filling the table grows its arrays once.
    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// The value stored for `key`; setting nil removes it.
    subscript(key: Key) -> Value? {
        get {
            guard let index = keys.firstIndex(of: key) else { return nil }
            return values[index]
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }
}
