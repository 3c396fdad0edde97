/// The service configuration, `burnrate.yml`: Prometheus' and Alertmanager's top-level keys where
/// they overlap, and Burnrate's own sections beside them.
public struct BurnrateConfig: Sendable, Hashable {
    /// How often rules are evaluated when a group sets no interval.
    public var evaluationInterval: Duration = .seconds(60)
    /// How far behind the wall time rules are evaluated, so that samples remote-write delivers
    /// late are in place (`global.rule_query_offset`, as Prometheus 2.53 names it).
    public var ruleQueryOffset: Duration = .zero
    /// Labels added to every alert sent and every series published.
    public var externalLabels: [String: String] = [:]
    /// The URL Burnrate is reachable at, for links in notifications.
    public var externalURL: String?
    /// Rule file paths or directories; relative paths are relative to the config file.
    public var ruleFiles: [String] = []
    /// The SQLite database path.
    public var storagePath: String?
    /// How long samples are kept; nil derives it from the longest SLO period plus 5 days.
    public var retention: Duration?
    /// The address the HTTP server listens on, `host:port`.
    public var listenAddress: String?
    /// Remote-write ingest settings.
    public var ingest = IngestConfig()
    /// Alertmanager's sections: routing, receivers, inhibition, time intervals.
    public var notifications = NotificationConfig()
    /// A file holding the bearer token the API's mutating endpoints require (`web.api_token_file`);
    /// nil requires none.
    public var apiTokenFile: String?
    /// When alerts open incidents and how they merge.
    public var incidents = IncidentsConfig()

    /// The configuration used when no file is given.
    public static let `default` = BurnrateConfig()

    /// Creates the default configuration.
    public init() {}
}
