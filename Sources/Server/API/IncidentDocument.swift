internal import Incidents

/// An incident as the API shows it: times in RFC 3339 (null when unknown), the four durations
/// in seconds, its alerts, timeline and notes.
struct IncidentDocument: Encodable, Sendable {
    let incident: Incident

    private enum Keys: String, CodingKey {
        case id, title, key, slo, service, severity, status, flag, impactStartedAt, detectedAt, acknowledgedAt, acknowledgedBy
        case resolvedAt, resolvedBy, recoveredAt, budgetConsumed, peakBurnRate, flapCount, durations, alerts, timeline, notes
    }

    private enum DurationKeys: String, CodingKey {
        case timeToDetect, timeToAcknowledge, timeToRecover, timeToResolve
    }

    struct AlertEntry: Encodable, Sendable {
        let labels: [String: String]
        let severity: String
        let state: String
        let firstFiredAt: String
        let firedAt: String
        let resolvedAt: String?
    }

    struct TimelineEntry: Encodable, Sendable {
        let time: String
        let kind: String
        let actor: String?
        let text: String
    }

    struct NoteEntry: Encodable, Sendable {
        let time: String
        let author: String
        let text: String
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(incident.id, forKey: .id)
        try container.encode(incident.title, forKey: .title)
        try container.encode(incident.keyLabels, forKey: .key)
        try container.encode(incident.slo, forKey: .slo)
        try container.encode(incident.service, forKey: .service)
        try container.encode(incident.severity, forKey: .severity)
        try container.encode(incident.status.rawValue, forKey: .status)
        try container.encode(incident.flag?.rawValue, forKey: .flag)
        try container.encode(Self.time(incident.impactStartedAt), forKey: .impactStartedAt)
        try container.encode(Self.time(incident.detectedAt), forKey: .detectedAt)
        try container.encode(Self.time(incident.acknowledgedAt), forKey: .acknowledgedAt)
        try container.encode(incident.acknowledgedBy, forKey: .acknowledgedBy)
        try container.encode(Self.time(incident.resolvedAt), forKey: .resolvedAt)
        try container.encode(incident.resolvedBy, forKey: .resolvedBy)
        try container.encode(Self.time(incident.recoveredAt), forKey: .recoveredAt)
        try container.encode(incident.budgetConsumed, forKey: .budgetConsumed)
        try container.encode(incident.peakBurnRate, forKey: .peakBurnRate)
        try container.encode(incident.flapCount, forKey: .flapCount)
        var durations = container.nestedContainer(keyedBy: DurationKeys.self, forKey: .durations)
        try durations.encode(Self.seconds(incident.impactStartedAt, incident.detectedAt), forKey: .timeToDetect)
        try durations.encode(Self.seconds(incident.detectedAt, incident.acknowledgedAt), forKey: .timeToAcknowledge)
        try durations.encode(Self.seconds(incident.impactStartedAt, incident.recoveredAt), forKey: .timeToRecover)
        try durations.encode(Self.seconds(incident.detectedAt, incident.resolvedAt), forKey: .timeToResolve)
        try container.encode(incident.alerts.map { alert in
            AlertEntry(
                labels: alert.labels, severity: alert.severity, state: alert.isFiring ? "firing" : "resolved",
                firstFiredAt: RFC3339Time.format(milliseconds: alert.firstFiredAt), firedAt: RFC3339Time.format(milliseconds: alert.firedAt),
                resolvedAt: Self.time(alert.resolvedAt))
        }, forKey: .alerts)
        try container.encode(incident.timeline.map {
            TimelineEntry(time: RFC3339Time.format(milliseconds: $0.time), kind: $0.kind.rawValue, actor: $0.actor, text: $0.text)
        }, forKey: .timeline)
        try container.encode(incident.notes.map {
            NoteEntry(time: RFC3339Time.format(milliseconds: $0.time), author: $0.author, text: $0.text)
        }, forKey: .notes)
    }

    static func time(_ milliseconds: Int64?) -> String? {
        milliseconds.map { RFC3339Time.format(milliseconds: $0) }
    }

    static func seconds(_ start: Int64?, _ end: Int64?) -> Double? {
        guard let start, let end else { return nil }
        return Double(end - start) / 1000
    }
}
