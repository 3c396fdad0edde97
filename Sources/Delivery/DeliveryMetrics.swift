public import CoreMetrics

/// The deliverer's metrics, through swift-metrics (the process bootstraps the Prometheus
/// backend; tests pass a factory of their own):
///
/// - `burnrate_notifications_sent_total{receiver,integration}`: messages delivered (2xx);
/// - `burnrate_notifications_failed_total{receiver,integration}`: attempts that did not end in a
///   2xx (each then retried or dead-lettered);
/// - `burnrate_notifications_retried_total{receiver,integration}`: failed attempts scheduled again;
/// - `burnrate_notifications_dead_lettered_total{receiver,integration}`: messages given up on;
/// - `burnrate_notification_latency_seconds{receiver,integration}`: from the decision
///   (`createdAt`) to the 2xx, a timer (a histogram in Prometheus);
/// - `burnrate_notification_outbox_messages{state}`: messages in the outbox per state, a gauge.
public struct DeliveryMetrics: Sendable {
    private let factory: (any MetricsFactory)?

    /// Metrics through `factory`, or through the bootstrapped `MetricsSystem` when nil.
    public init(factory: (any MetricsFactory)? = nil) {
        self.factory = factory
    }

    func sent(_ key: IntegrationKey, latencyMilliseconds: Int64) {
        Counter(label: "burnrate_notifications_sent_total", dimensions: dimensions(key), factory: resolved).increment()
        CoreMetrics.Timer(label: "burnrate_notification_latency_seconds", dimensions: dimensions(key), factory: resolved)
            .recordMilliseconds(max(latencyMilliseconds, 0))
    }

    func failed(_ key: IntegrationKey) {
        Counter(label: "burnrate_notifications_failed_total", dimensions: dimensions(key), factory: resolved).increment()
    }

    func retried(_ key: IntegrationKey) {
        Counter(label: "burnrate_notifications_retried_total", dimensions: dimensions(key), factory: resolved).increment()
    }

    func deadLettered(_ key: IntegrationKey) {
        Counter(label: "burnrate_notifications_dead_lettered_total", dimensions: dimensions(key), factory: resolved).increment()
    }

    func outbox(_ counts: OutboxCounts) {
        for state in OutboxState.allCases {
            Gauge(label: "burnrate_notification_outbox_messages", dimensions: [("state", state.rawValue)], factory: resolved)
                .record(counts[state])
        }
    }

    private var resolved: any MetricsFactory { factory ?? MetricsSystem.factory }

    private func dimensions(_ key: IntegrationKey) -> [(String, String)] {
        [("receiver", key.receiver), ("integration", key.integration)]
    }
}
