import Foundation

/// Writes OpenMetrics text lines (`name{labels} value timestamp`) through a large buffer.
struct OpenMetricsWriter {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var written = 0

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 22)
    }

    /// `name{a="b",...} ` for sorted labels with `__name__` among them.
    static func seriesPrefix(_ labels: [(name: String, value: String)]) -> [UInt8] {
        let name = labels.first { $0.name == "__name__" }?.value ?? ""
        let rest = labels.filter { $0.name != "__name__" }.map { label in
            let value = label.value.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            return "\(label.name)=\"\(value)\""
        }
        return Array((name + "{" + rest.joined(separator: ",") + "} ").utf8)
    }

    mutating func line(_ prefix: [UInt8], integer value: Double, seconds: Int64) throws {
        buffer.append(contentsOf: prefix)
        appendDecimal(Int64(value))
        buffer.append(UInt8(ascii: " "))
        appendDecimal(seconds)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 22 { try flush() }
    }

    mutating func line(_ prefix: [UInt8], value: Double, seconds: Int64) throws {
        buffer.append(contentsOf: prefix)
        buffer.append(contentsOf: value.description.utf8)
        buffer.append(UInt8(ascii: " "))
        appendDecimal(seconds)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 22 { try flush() }
    }

    mutating func finish() throws {
        buffer.append(contentsOf: "# EOF\n".utf8)
        try flush()
    }

    private mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }
}
