internal import Prometheus
internal import Rules

/// The metrics that describe the rules in force and the last reload.
struct RuleMetrics: Sendable {
    private let reloadSuccessful: Gauge
    private let reloadTimestamp: Gauge
    private let slos: Gauge
    private let recording: Gauge
    private let alerting: Gauge

    init(registry: PrometheusCollectorRegistry) {
        reloadSuccessful = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", metricName: "config_last_reload", unitName: "successful",
            helpText: "Whether the last rule reload succeeded (1) or was refused (0)."))
        reloadTimestamp = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "burnrate", metricName: "config_last_reload_success_timestamp", unitName: "seconds",
            helpText: "When the rules last loaded successfully."))
        let loaded = MetricNameDescriptor(namespace: "burnrate", metricName: "rules", unitName: "loaded", helpText: "Rules in force, by kind.")
        slos = registry.makeGauge(descriptor: loaded, labels: [("kind", "slo")])
        recording = registry.makeGauge(descriptor: loaded, labels: [("kind", "recording")])
        alerting = registry.makeGauge(descriptor: loaded, labels: [("kind", "alerting")])
    }

    func applied(_ ruleSet: RuleSet, at secondsSinceEpoch: Double) {
        reloadSuccessful.set(to: 1)
        reloadTimestamp.set(to: secondsSinceEpoch)
        slos.set(to: Double(ruleSet.slos.count))
        let rules = ruleSet.groups.flatMap(\.rules)
        recording.set(to: Double(rules.count { if case .recording = $0 { true } else { false } }))
        alerting.set(to: Double(rules.count { if case .alerting = $0 { true } else { false } }))
    }

    func refused() {
        reloadSuccessful.set(to: 0)
    }
}
