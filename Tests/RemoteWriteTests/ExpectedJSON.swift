import Foundation

/// Readers for the loosely typed values of the `*.expected.json` files.
enum ExpectedJSON {
    static func int64(_ value: Any?) -> Int64? {
        if let value = value as? Int { return Int64(value) }
        if let value = value as? NSNumber { return value.int64Value }
        return nil
    }

    static func double(_ value: Any?) -> Double? {
        if let value = value as? Double { return value }
        if let value = value as? NSNumber { return value.doubleValue }
        if let value = value as? String { return Double(value) }
        return nil
    }

    static func bits(_ value: Any?) -> UInt64? {
        guard let text = value as? String, text.hasPrefix("0x") else { return nil }
        return UInt64(text.dropFirst(2), radix: 16)
    }

    /// The bit pattern of a float given as `{"value": "1.0", "bits": "0x..."}`, as a bare
    /// `"1.0"`, or as an object holding `bits` next to other keys.
    static func floatBits(_ value: Any?, bitsFrom object: [String: Any]? = nil) -> UInt64? {
        if let object = value as? [String: Any] {
            return bits(object["bits"]) ?? double(object["value"])?.bitPattern
        }
        if let object, let bits = bits(object["bits"]) { return bits }
        return double(value)?.bitPattern
    }

    static func labels(_ value: Any?) -> [[String]] {
        (value as? [[Any]] ?? []).map { pair in pair.compactMap { $0 as? String } }
    }
}
