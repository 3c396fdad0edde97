import Foundation

/// CPU time and memory of another process, read from `/proc` (Linux only).
struct ProcessStats: Codable {
    /// User plus system CPU time, in seconds.
    var cpuSeconds: Double
    /// Resident set size now, in bytes.
    var rssBytes: Int
    /// Peak resident set size, in bytes.
    var peakRSSBytes: Int

    /// Reads the stats of `pid`, or `nil` when `/proc` does not have them.
    static func read(pid: Int32) -> ProcessStats? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var rss = 0
        var peak = 0
        if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" })
                guard parts.count >= 2, let kilobytes = Int(parts[1]) else { continue }
                if parts[0] == "VmRSS" { rss = kilobytes * 1024 }
                if parts[0] == "VmHWM" { peak = kilobytes * 1024 }
            }
        }
        return ProcessStats(cpuSeconds: (utime + stime) / ticks, rssBytes: rss, peakRSSBytes: peak)
    }
}
