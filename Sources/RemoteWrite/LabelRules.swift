#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The label rules every decoded series and exemplar obeys, shared by 1.0 and 2.0 decoding.
enum LabelRules {
    static func invalid(_ owner: LabelOwner, _ what: String) -> RemoteWriteError {
        RemoteWriteError(code: .invalidLabels, message: "\(owner): \(what)")
    }

    /// Whether `name` matches `[a-zA-Z_][a-zA-Z0-9_]*` (so it is also plain ASCII).
    static func isValidName(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isValidName($0) }
    }

    /// Whether the bytes match `[a-zA-Z_][a-zA-Z0-9_]*`.
    static func isValidName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, isNameStart(first) else { return false }
        for byte in bytes.dropFirst() {
            guard isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) else { return false }
        }
        return true
    }

    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= 0x61 && lower <= 0x7A) || byte == 0x5F
    }

    /// Checks a label name already known to be valid UTF-8.
    static func checkName(_ name: String, owner: LabelOwner, index: Int) throws(RemoteWriteError) {
        guard !name.isEmpty else { throw invalid(owner, "label \(index) has an empty name") }
        guard isValidName(name) else {
            throw invalid(owner, "label name \(name.debugDescription) does not match [a-zA-Z_][a-zA-Z0-9_]*")
        }
    }

    /// Decodes and checks a label name sent as raw bytes.
    static func name(_ bytes: Data, owner: LabelOwner, index: Int) throws(RemoteWriteError) -> String {
        let checked: String? = bytes.withUnsafeBytes { raw in
            let buffer = raw.assumingMemoryBound(to: UInt8.self)
            // The name pattern is ASCII, so a matching name needs no further UTF-8 check.
            return isValidName(buffer) ? String(decoding: buffer, as: UTF8.self) : nil
        }
        if let checked { return checked }
        throw bytes.withUnsafeBytes { nameError($0.assumingMemoryBound(to: UInt8.self), owner: owner, index: index) }
    }

    /// Why raw name bytes that do not match the name pattern are refused.
    static func nameError(_ bytes: UnsafeBufferPointer<UInt8>, owner: LabelOwner, index: Int) -> RemoteWriteError {
        guard !bytes.isEmpty else { return invalid(owner, "label \(index) has an empty name") }
        guard let name = String(validating: bytes, as: UTF8.self) else {
            return invalid(owner, "label \(index) name is not valid UTF-8")
        }
        return invalid(owner, "label name \(name.debugDescription) does not match [a-zA-Z_][a-zA-Z0-9_]*")
    }

    /// Why a label value that is not valid UTF-8 is refused.
    static func valueError(name: String, owner: LabelOwner) -> RemoteWriteError {
        invalid(owner, "value of label \(name.debugDescription) is not valid UTF-8")
    }

    /// The checks of ``finish(_:owner:requireMetricName:)`` that remain for labels already
    /// known to be strictly sorted by name, built without their empty values.
    ///
    /// - Parameter metricNameIsEmpty: whether the `__name__` value was empty; nil when the set
    ///   has no `__name__` label.
    static func finishSorted(metricNameIsEmpty: Bool?, owner: LabelOwner, requireMetricName: Bool) throws(RemoteWriteError) {
        guard requireMetricName else { return }
        guard let metricNameIsEmpty else { throw invalid(owner, "missing __name__ label") }
        guard !metricNameIsEmpty else { throw invalid(owner, "empty __name__ label") }
    }

    /// Decodes a label value sent as raw bytes.
    static func value(_ bytes: Data, name: String, owner: LabelOwner) throws(RemoteWriteError) -> String {
        if bytes.isEmpty { return "" }
        guard let value = utf8String(bytes) else { throw valueError(name: name, owner: owner) }
        return value
    }

    /// The bytes as a string if they are valid UTF-8 (read in place, without generic dispatch).
    static func utf8String(_ bytes: Data) -> String? {
        bytes.withUnsafeBytes { raw in
            String(validating: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
    }

    /// Sorts by name, rejects duplicate names, drops empty values and, for series, requires a
    /// non-empty `__name__`.
    static func finish(
        _ labels: inout [WriteBatch.Label],
        owner: LabelOwner,
        requireMetricName: Bool
    ) throws(RemoteWriteError) {
        if !isStrictlySorted(labels) {
            labels.sort { $0.name < $1.name }
            try throwingDuplicate(labels, owner: owner)
        }
        if requireMetricName {
            guard let metricName = labels.first(where: { $0.name == WriteBatch.Label.metricNameLabel }) else {
                throw invalid(owner, "missing __name__ label")
            }
            guard !metricName.value.isEmpty else { throw invalid(owner, "empty __name__ label") }
        }
        if labels.contains(where: { $0.value.isEmpty }) {
            labels.removeAll { $0.value.isEmpty }
        }
    }

    /// Whether names are in strictly increasing order (sorted and without duplicates).
    private static func isStrictlySorted(_ labels: [WriteBatch.Label]) -> Bool {
        var index = 1
        while index < labels.count {
            if labels[index - 1].name >= labels[index].name { return false }
            index += 1
        }
        return true
    }

    private static func throwingDuplicate(_ labels: [WriteBatch.Label], owner: LabelOwner) throws(RemoteWriteError) {
        var index = 1
        while index < labels.count {
            if labels[index - 1].name == labels[index].name {
                throw invalid(owner, "duplicate label name \(labels[index].name.debugDescription)")
            }
            index += 1
        }
    }
}
