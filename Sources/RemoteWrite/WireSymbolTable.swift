/// The symbols of a 2.0 request as slices of the body, turned into strings on first use and
/// checked for UTF-8 (the wire counterpart of ``SymbolTable``, with the same messages).
struct WireSymbolTable {
    private struct Symbol {
        let bytes: ByteSlice
        /// Set once the bytes were found to be valid UTF-8.
        var string: String?
        /// Whether the bytes match the label-name pattern (meaningful once `string` is set).
        var isValidName = false
    }

    private var symbols: [Symbol] = []

    /// The number of symbols.
    var count: Int { symbols.count }

    /// Adds the next symbol.
    mutating func append(_ bytes: ByteSlice) {
        symbols.append(Symbol(bytes: bytes))
    }

    /// Reserves room for `count` symbols.
    mutating func reserveCapacity(_ count: Int) {
        symbols.reserveCapacity(count)
    }

    /// The bytes of the symbol at an index already checked to be in range.
    func bytes(at index: Int) -> ByteSlice {
        symbols[index].bytes
    }

    /// Checks that `reference` is in range and its symbol valid UTF-8, and returns its index.
    @inline(__always)
    mutating func resolve(_ reference: UInt32, owner: LabelOwner, role: String) throws(RemoteWriteError) -> Int {
        let index = Int(reference)
        guard index < symbols.count else { throw outOfRange(reference, owner: owner, role: role) }
        if symbols[index].string == nil {
            try decode(index, owner: owner, role: role)
        }
        return index
    }

    private mutating func decode(_ index: Int, owner: LabelOwner, role: String) throws(RemoteWriteError) {
        let buffer = symbols[index].bytes.buffer
        if LabelRules.isValidName(buffer) {
            symbols[index].string = String(decoding: buffer, as: UTF8.self)
            symbols[index].isValidName = true
        } else if let string = symbols[index].bytes.validatedString {
            symbols[index].string = string
        } else {
            throw LabelRules.invalid(owner, "\(role) symbol \(index) is not valid UTF-8")
        }
    }

    /// The string of a symbol already resolved.
    @inline(__always)
    func string(at index: Int) -> String {
        symbols[index].string ?? ""
    }

    /// Whether a symbol already resolved is a valid label name.
    @inline(__always)
    func isValidName(at index: Int) -> Bool {
        symbols[index].isValidName
    }

    /// Checks that `reference` is in range for advisory text (help, unit).
    func checkText(_ reference: UInt32, owner: LabelOwner, role: String) throws(RemoteWriteError) {
        guard Int(reference) < symbols.count else { throw outOfRange(reference, owner: owner, role: role) }
    }

    /// The advisory text (help, unit) at an index already checked: invalid UTF-8 is repaired.
    mutating func text(at index: Int) -> String {
        if let string = symbols[index].string { return string }
        let buffer = symbols[index].bytes.buffer
        guard let string = symbols[index].bytes.validatedString else {
            return String(decoding: buffer, as: UTF8.self)
        }
        symbols[index].string = string
        symbols[index].isValidName = LabelRules.isValidName(buffer)
        return string
    }

    private func outOfRange(_ reference: UInt32, owner: LabelOwner, role: String) -> RemoteWriteError {
        LabelRules.invalid(owner, "\(role) symbol reference \(reference) out of range (\(symbols.count) symbols)")
    }
}
