extension Labels {
    /// The canonical bytes stored in the `series` table: the label count, then each name and
    /// value as a varint length and UTF-8 bytes, in canonical order.
    func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(labels.reduce(1) { $0 + $1.name.utf8.count + $1.value.utf8.count + 2 })
        Varint.append(UInt64(labels.count), to: &bytes)
        for label in labels {
            Varint.append(UInt64(label.name.utf8.count), to: &bytes)
            bytes.append(contentsOf: label.name.utf8)
            Varint.append(UInt64(label.value.utf8.count), to: &bytes)
            bytes.append(contentsOf: label.value.utf8)
        }
        return bytes
    }

    /// Decodes bytes written by `encoded()`, checking that they are canonical.
    init(encoded bytes: [UInt8]) throws(StorageError) {
        var offset = 0
        func string() throws(ChunkError) -> String {
            let length = Int(clamping: try Varint.read(bytes, at: &offset, limit: bytes.count))
            guard length <= bytes.count - offset else { throw ChunkError(.truncated, "string runs past the end") }
            defer { offset += length }
            guard let string = String(validating: bytes[offset..<offset + length], as: UTF8.self) else {
                throw ChunkError(.corrupt, "string is not UTF-8")
            }
            return string
        }
        do throws(ChunkError) {
            let count = try Varint.read(bytes, at: &offset, limit: bytes.count)
            guard count <= UInt64(bytes.count) else { throw ChunkError(.corrupt, "label count \(count)") }
            var labels: [Label] = []
            labels.reserveCapacity(Int(count))
            for _ in 0..<count {
                let name = try string()
                let value = try string()
                labels.append(Label(name: name, value: value))
            }
            guard offset == bytes.count else { throw ChunkError(.corrupt, "\(bytes.count - offset) bytes after the labels") }
            guard Labels.isCanonical(labels), !labels.contains(where: { $0.value.isEmpty }) else {
                throw ChunkError(.corrupt, "labels are not canonical")
            }
            self.init(canonical: labels)
        } catch {
            throw StorageError(.corrupt, "stored label set does not decode: \(error.message)")
        }
    }
}
