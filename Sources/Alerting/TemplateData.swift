/// What an alert template sees: `$labels`, `$value`, `$externalLabels`, `$externalURL`
/// (also `.Labels`, `.Value`, `.ExternalLabels`, `.ExternalURL`).
public struct TemplateData: Sendable, Hashable {
    /// The result's labels, `__name__` included when it has one.
    public var labels: [String: String]
    /// The result's value.
    public var value: Double
    /// The configured external labels.
    public var externalLabels: [String: String]
    /// The configured external URL.
    public var externalURL: String

    /// Creates template data.
    public init(labels: [String: String], value: Double, externalLabels: [String: String] = [:], externalURL: String = "") {
        self.labels = labels
        self.value = value
        self.externalLabels = externalLabels
        self.externalURL = externalURL
    }
}
