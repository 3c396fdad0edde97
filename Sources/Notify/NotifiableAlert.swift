public import Storage

/// An alert as the dispatcher receives it from rule evaluation: its identity is its label set.
public struct NotifiableAlert: Sendable, Hashable {
    /// The labels (the alert's identity).
    public var labels: Labels
    /// The annotations.
    public var annotations: [String: String]
    /// When the alert started firing.
    public var startsAt: AlertTimestamp
    /// When it was resolved; nil while it fires.
    public var endsAt: AlertTimestamp?
    /// A link to the rule's expression.
    public var generatorURL: String

    /// Creates an alert.
    public init(labels: Labels, annotations: [String: String] = [:], startsAt: AlertTimestamp, endsAt: AlertTimestamp? = nil, generatorURL: String = "") {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
    }

    /// Alertmanager's fingerprint: FNV-1a 64 over the labels sorted by name, each written as
    /// `name 0xFF value 0xFF`.
    public var fingerprint: UInt64 { labels.fingerprint }

    /// The fingerprint as 16 lowercase hexadecimal digits, as the webhook payload carries it.
    public var fingerprintText: String { Self.hex(fingerprint) }

    /// Whether the alert is resolved at `now` (its end time has come).
    public func isResolved(at now: AlertTimestamp) -> Bool {
        guard let endsAt else { return false }
        return endsAt <= now
    }

    /// 16 lowercase hexadecimal digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
