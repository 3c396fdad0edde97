public import Rules

/// When a rule group is evaluated: at every `interval`, shifted by a per-group offset derived
/// from the group's key so that groups spread over the interval instead of all running at once
/// (Prometheus does the same). Times are milliseconds since the Unix epoch.
public struct GroupSchedule: Sendable, Hashable {
    /// The evaluation interval in milliseconds (at least 1).
    public let interval: Int64
    /// The offset of evaluation times within the interval, in `0..<interval`.
    public let offset: Int64

    /// The schedule of the group with key `key` at `interval` milliseconds.
    public init(key: String, interval: Int64) {
        self.interval = max(interval, 1)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        self.offset = Int64(hash % UInt64(self.interval))
    }

    /// The latest evaluation time at or before `time`.
    public func slot(atOrBefore time: Int64) -> Int64 {
        let shifted = time - offset
        let floor = shifted >= 0 ? shifted - shifted % interval : shifted - ((shifted % interval) + interval) % interval
        return floor + offset
    }

    /// The first evaluation time strictly after `time`.
    public func slot(after time: Int64) -> Int64 {
        slot(atOrBefore: time) + interval
    }

    /// The key Prometheus gives a group: its file and name.
    public static func key(of group: RuleGroup) -> String {
        group.file + ";" + group.name
    }
}
