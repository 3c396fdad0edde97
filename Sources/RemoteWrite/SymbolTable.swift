#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The symbols of a 2.0 request, turned into strings on first use and checked for UTF-8.
struct SymbolTable {
    private let raw: [Data]
    private var strings: [String?]

    init(_ raw: [Data]) {
        self.raw = raw
        self.strings = Array(repeating: nil, count: raw.count)
    }

    var count: Int { raw.count }

    /// The symbol at `reference`, which must be in range and valid UTF-8.
    mutating func string(_ reference: UInt32, owner: LabelOwner, role: String) throws(RemoteWriteError) -> String {
        let index = Int(reference)
        guard index < raw.count else {
            throw LabelRules.invalid(owner, "\(role) symbol reference \(reference) out of range (\(raw.count) symbols)")
        }
        if let cached = strings[index] { return cached }
        guard let decoded = LabelRules.utf8String(raw[index]) else {
            throw LabelRules.invalid(owner, "\(role) symbol \(reference) is not valid UTF-8")
        }
        strings[index] = decoded
        return decoded
    }

    /// The symbol at `reference` for advisory text (help, unit): invalid UTF-8 is repaired.
    func text(_ reference: UInt32, owner: LabelOwner, role: String) throws(RemoteWriteError) -> String {
        let index = Int(reference)
        guard index < raw.count else {
            throw LabelRules.invalid(owner, "\(role) symbol reference \(reference) out of range (\(raw.count) symbols)")
        }
        return strings[index] ?? String(decoding: raw[index], as: UTF8.self)
    }
}
