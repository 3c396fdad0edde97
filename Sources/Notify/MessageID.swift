/// Ids of outbox messages (`webhook-id`): `msg_` and 32 hexadecimal digits hashed from the
/// receiver, integration, group key and flush time, so the same decision always gets the same id
/// and two decisions never share one (a group flushes at most once per millisecond).
enum MessageID {
    static func make(receiver: String, integration: String, groupKey: String, time: Int64) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x84222325_cbf29ce4
        func mix(_ byte: UInt8) {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            second = second &+ (second >> 29)
        }
        for part in [receiver, integration, groupKey, String(time)] {
            for byte in part.utf8 { mix(byte) }
            mix(0xff)
        }
        return "msg_" + NotifiableAlert.hex(first) + NotifiableAlert.hex(second)
    }
}
