import Foundation
import Notify
import Rules
import Storage

/// The Alertmanager 0.25 captures (copied from `../shared/conformance/alertmanager`).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func config(_ name: String) throws -> NotificationConfig {
        let text = String(decoding: try bytes(name), as: UTF8.self)
        let (config, diagnostics) = ConfigLoader.parse(text, file: name)
        precondition(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return config.notifications
    }

    /// Parses `2026-11-29T01:32:58.704907Z` (UTC only) to a timestamp.
    static func time(_ text: String) -> AlertTimestamp {
        let scalars = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int64 {
            Int64(String(decoding: scalars[from..<(from + count)], as: UTF8.self))!
        }
        let year = number(0, 4), month = number(5, 2), day = number(8, 2)
        let hour = number(11, 2), minute = number(14, 2), second = number(17, 2)
        var nanos: Int64 = 0
        if scalars[19] == UInt8(ascii: ".") {
            let digits = String(decoding: scalars[20..<(scalars.count - 1)], as: UTF8.self)
            nanos = Int64(digits.padding(toLength: 9, withPad: "0", startingAt: 0))!
        }
        // Days from civil (Howard Hinnant).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86400 + hour * 3600 + minute * 60 + second
        return AlertTimestamp(nanoseconds: seconds * 1_000_000_000 + nanos)
    }
}
