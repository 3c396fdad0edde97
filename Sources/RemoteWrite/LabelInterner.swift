/// A per-request table that turns label bytes into `String`s once per distinct content.
///
/// Label names, and most label values, repeat across the series of a request: this checks
/// UTF-8 and the name pattern and builds the `String` once per distinct byte string, and
/// later copies share its storage. A lookup first tries the entry last seen at the same label
/// position (`hint`), which is what consecutive series of one target usually repeat, and
/// falls back to an open-addressing hash table keyed by the bytes.
struct LabelInterner {
    /// One distinct byte string of the request.
    struct Entry {
        /// The bytes, inside the request body.
        let bytes: ByteSlice
        /// The text, or nil when the bytes are not valid UTF-8.
        let string: String?
        /// Whether the bytes match `[a-zA-Z_][a-zA-Z0-9_]*`.
        let isValidName: Bool
        /// The hash the table files the entry under.
        let hash: UInt64
    }

    /// The index of the entry for the empty byte string.
    static let emptyEntry = 0

    /// Every distinct byte string seen so far.
    private(set) var entries: [Entry]
    /// Per slot: 0 when free, else the entry index + 1 in the low 32 bits and the upper hash
    /// bits in the high 32 bits.
    private var slots: [UInt64]
    /// Per hint: the entry last returned for it, or -1.
    private var recent: [Int32]

    /// Creates a table; `anchor` is any address inside the body (for the empty entry).
    init(anchor: UnsafePointer<UInt8>, hints: Int = 128) {
        let empty = ByteSlice(start: anchor, count: 0)
        entries = [Entry(bytes: empty, string: "", isValidName: false, hash: empty.hashValue64)]
        entries.reserveCapacity(512)
        slots = Array(repeating: 0, count: 1024)
        recent = Array(repeating: -1, count: hints)
        insert(entry: 0)
    }

    /// The entry index for these bytes, adding an entry if they are new.
    ///
    /// - Parameter hint: a small number naming where the bytes come from (label position and
    ///   whether name or value); a hint past the table's range is simply not used.
    @inline(__always)
    mutating func intern(_ bytes: ByteSlice, hint: Int) -> Int {
        if bytes.count == 0 { return Self.emptyEntry }
        if hint < recent.count {
            let last = Int(recent[hint])
            if last >= 0, entries[last].bytes.hasSameBytes(as: bytes) { return last }
            let found = lookup(bytes)
            recent[hint] = Int32(truncatingIfNeeded: found)
            return found
        }
        return lookup(bytes)
    }

    private mutating func lookup(_ bytes: ByteSlice) -> Int {
        let hash = bytes.hashValue64
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let content = slots[slot]
            if content == 0 { break }
            if content & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(content & 0xFFFF_FFFF) - 1
                if entries[index].bytes.hasSameBytes(as: bytes) { return index }
            }
            slot = (slot + 1) & mask
        }
        return add(bytes, hash: hash)
    }

    private mutating func add(_ bytes: ByteSlice, hash: UInt64) -> Int {
        let buffer = bytes.buffer
        let isValidName = LabelRules.isValidName(buffer)
        // A valid name is ASCII, so it needs no further UTF-8 check.
        let string = isValidName ? String(decoding: buffer, as: UTF8.self) : bytes.validatedString
        entries.append(Entry(bytes: bytes, string: string, isValidName: isValidName, hash: hash))
        let index = entries.count - 1
        if entries.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for existing in entries.indices { insert(entry: existing) }
        } else {
            insert(entry: index)
        }
        return index
    }

    private mutating func insert(entry index: Int) {
        let hash = entries[index].hash
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(index + 1)
    }
}
