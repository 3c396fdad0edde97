/// Series seen before, by the raw bytes of their labels as a remote-write 1.0 sender encodes
/// them, each with a small number (a token) that the caller maps to what it knows of the series.
///
/// A sender encodes a series' labels the same way in every request, so a series whose label
/// bytes are in the table was decoded, validated and sorted before: the decoder can hand back its
/// token instead of building and checking its labels again (``RemoteWriteDecoder/decode(body:contentType:maxDecompressedSize:knownSeries:)``).
/// Keys live in one byte arena and an open-addressing index, so a lookup allocates nothing.
public struct SeriesKeyTable: Sendable {
    /// Every key's bytes, one after the other.
    private var arena: [UInt8] = []
    /// Per token: where its key starts in `arena`, its length and its hash.
    private var keys: [Key] = []
    /// Per slot: 0 when free, else the token + 1 in the low 32 bits and the upper hash bits in
    /// the high 32 bits.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    /// The hash seed, random per table.
    private let seed = UInt64.random(in: .min ... .max)

    private struct Key {
        let offset: Int
        let count: Int
        let hash: UInt64
    }

    /// Creates an empty table.
    public init() {}

    /// The number of keys.
    public var count: Int { keys.count }

    /// The bytes the keys take, arena and index together.
    public var byteCount: Int { arena.capacity + keys.capacity * MemoryLayout<Key>.stride + slots.count * 8 }

    /// The token of `bytes`, if they are a key.
    public func token(of bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBufferPointer { buffer in
            token(of: ByteSlice(start: buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!, count: buffer.count))
        }
    }

    /// The token of `bytes`, if they are a key, trying `guess` first (see the decoder's use below).
    public func token(of bytes: [UInt8], guess: Int32) -> Int32? {
        bytes.withUnsafeBufferPointer { buffer in
            token(of: ByteSlice(start: buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!, count: buffer.count), guess: guess)
        }
    }

    /// The token of the bytes of `key`, if they are a key, trying `guess` first: a sender sends
    /// its series in much the same order every time, and the keys of one request are learned in
    /// the order they came, so the series after the one of token `t` is often `t + 1`. A right
    /// guess costs one comparison of the bytes, next to those of the last key compared; a
    /// wrong one falls back to the hashed lookup.
    func token(of key: ByteSlice, guess: Int32) -> Int32? {
        if guess >= 0 && Int(guess) < keys.count {
            let stored = keys[Int(guess)]
            if stored.count == key.count {
                let same = arena.withUnsafeBufferPointer { arena in
                    ByteSlice(start: arena.baseAddress! + stored.offset, count: stored.count).hasSameBytes(as: key)
                }
                if same { return guess }
            }
        }
        return token(of: key)
    }

    /// The token of the bytes of `key`, if they are a key.
    func token(of key: ByteSlice) -> Int32? {
        let hash = key.hashValue64(seed: seed)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena -> Int32? in
            while true {
                let content = slots[slot]
                if content == 0 { return nil }
                if content & 0xFFFF_FFFF_0000_0000 == tag {
                    let token = Int(content & 0xFFFF_FFFF) - 1
                    let stored = keys[token]
                    if ByteSlice(start: arena.baseAddress! + stored.offset, count: stored.count).hasSameBytes(as: key) {
                        return Int32(truncatingIfNeeded: token)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `bytes` as a key (if it is not one already) and returns its token; tokens are
    /// given in order: 0, 1, 2, …
    @discardableResult
    public mutating func insert(_ bytes: [UInt8]) -> Int32 {
        if let existing = token(of: bytes) { return existing }
        let hash = bytes.withUnsafeBufferPointer { buffer in
            ByteSlice(start: buffer.baseAddress ?? UnsafePointer(bitPattern: 0x10)!, count: buffer.count).hashValue64(seed: seed)
        }
        keys.append(Key(offset: arena.count, count: bytes.count, hash: hash))
        arena.append(contentsOf: bytes)
        let token = keys.count - 1
        if keys.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for existing in keys.indices { place(existing) }
        } else {
            place(token)
        }
        return Int32(truncatingIfNeeded: token)
    }

    /// Removes every key.
    public mutating func removeAll() {
        arena = []
        keys = []
        slots = Array(repeating: 0, count: 1024)
    }

    private mutating func place(_ token: Int) {
        let hash = keys[token].hash
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(token + 1)
    }
}
