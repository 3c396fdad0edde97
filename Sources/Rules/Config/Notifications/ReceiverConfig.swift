/// A receiver: a name routes refer to, and the integrations notifications go to.
public struct ReceiverConfig: Sendable, Hashable {
    /// The unique name.
    public var name: String
    /// The webhooks, each an integration `webhook/<index>`.
    public var webhookConfigs: [WebhookConfig]
    /// The Alertmanagers the receiver's alerts are forwarded to, each `alertmanager/<index>`.
    public var alertmanagerConfigs: [AlertmanagerForwardConfig]

    /// Creates a receiver.
    public init(name: String, webhookConfigs: [WebhookConfig] = [], alertmanagerConfigs: [AlertmanagerForwardConfig] = []) {
        self.name = name
        self.webhookConfigs = webhookConfigs
        self.alertmanagerConfigs = alertmanagerConfigs
    }
}
