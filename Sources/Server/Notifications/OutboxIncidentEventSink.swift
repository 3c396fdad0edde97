internal import Delivery
internal import Foundation
internal import Incidents
internal import Logging
internal import Rules
internal import Storage

/// Sends incident events to the webhooks of the receivers `incidents.receivers` names, through
/// the notification outbox: durable, retried, signed like notifications. The body is the event's
/// JSON (`{"type":"incident.opened","time":…,"incident":{…}}`); each receiver integration gets one
/// message per event, grouped by incident (so an incident's events arrive in order).
struct OutboxIncidentEventSink: IncidentEventSink {
    let outbox: any Outbox
    /// Each receiver with the number of its webhook configs.
    let receivers: [(name: String, webhooks: Int)]
    let logger: Logger

    init(outbox: any Outbox, config: BurnrateConfig, logger: Logger) {
        self.outbox = outbox
        self.receivers = config.incidents.receivers.compactMap { name in
            config.notifications.receivers.first { $0.name == name }.map { (name, $0.webhookConfigs.count) }
        }
        self.logger = logger
    }

    func send(_ event: IncidentEvent) async {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let body = try? encoder.encode(event) else { return }
        var messages: [OutboxMessage] = []
        for receiver in receivers {
            for index in 0..<receiver.webhooks {
                let integration = "webhook/\(index)"
                let key = "\(event.incident.id)|\(event.kind.rawValue)|\(event.time)|\(receiver.name)|\(integration)"
                messages.append(OutboxMessage(
                    id: "evt_" + Self.hex(key), receiver: receiver.name, integration: integration,
                    groupKey: "incident/\(event.incident.id)", body: Array(body), createdAt: event.time))
            }
        }
        guard !messages.isEmpty else { return }
        do {
            try await outbox.enqueue(messages, log: [])
        } catch {
            logger.error("cannot enqueue an incident event", metadata: ["incident": "\(event.incident.id)", "error": "\(error.message)"])
        }
    }

    /// FNV-1a 64 of `text` as 16 hexadecimal digits, twice with different seeds (32 digits).
    static func hex(_ text: String) -> String {
        func fnv(_ seed: UInt64) -> String {
            var hash = seed
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return fnv(0xcbf2_9ce4_8422_2325) + fnv(0x84222325cbf29ce4)
    }
}
