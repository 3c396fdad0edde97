import Foundation

/// The bytes a process asked the kernel to read and write, and the calls, from `/proc/PID/io`
/// (Linux only): how much I/O a run did, a figure that does not depend on the machine's load.
struct ProcessIO: Codable {
    /// Bytes passed to `read`-like calls (`rchar`), page cache hits included.
    var readBytes: Int
    /// Bytes passed to `write`-like calls (`wchar`).
    var writtenBytes: Int
    /// `read`-like calls (`syscr`).
    var readCalls: Int
    /// `write`-like calls (`syscw`).
    var writeCalls: Int

    /// Reads the counters of `pid`, or `nil` when `/proc` does not have them.
    static func read(pid: Int32) -> ProcessIO? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8) else { return nil }
        var fields: [Substring: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2, let value = Int(parts[1].trimmingCharacters(in: .whitespaces)) { fields[parts[0]] = value }
        }
        guard let rchar = fields["rchar"], let wchar = fields["wchar"], let syscr = fields["syscr"], let syscw = fields["syscw"] else {
            return nil
        }
        return ProcessIO(readBytes: rchar, writtenBytes: wchar, readCalls: syscr, writeCalls: syscw)
    }

    /// The counts between `before` and `self`.
    func since(_ before: ProcessIO) -> ProcessIO {
        ProcessIO(
            readBytes: readBytes - before.readBytes, writtenBytes: writtenBytes - before.writtenBytes,
            readCalls: readCalls - before.readCalls, writeCalls: writeCalls - before.writeCalls)
    }
}
