public import Delivery
public import Logging
public import Notify
public import Rules
public import ServiceLifecycle

/// Posts alerts to the Alertmanagers of `alertmanager_configs` (`AlertForwarder` decides what is
/// due) after each rule evaluation, off the evaluation's path: `submit(_:now:)` hands over the
/// current alert set and returns at once; when the Alertmanagers are slow, a newer set replaces
/// one not yet taken (each set is complete, so nothing is lost but an early resend). A failed
/// request is logged and not retried: the next resend carries the alerts again, as in Prometheus.
public struct AlertForwardingService: Service {
    private let forwarder: AlertForwarder
    private let endpoints: [IntegrationKey: WebhookEndpoint]
    private let transport: any HTTPTransport
    private let userAgent: String
    private let logger: Logger
    private let stream: AsyncStream<(alerts: [ForwardedAlert], now: Int64)>
    private let continuation: AsyncStream<(alerts: [ForwardedAlert], now: Int64)>.Continuation

    /// A service forwarding the alerts routed to receivers with `alertmanager_configs` in
    /// `config`, to `endpoints` (from `WebhookEndpoints.forwarding(from:)`).
    public init(
        config: NotificationConfig, endpoints: [IntegrationKey: WebhookEndpoint], transport: any HTTPTransport,
        userAgent: String = DeliveryConfiguration.defaultUserAgent, logger: Logger
    ) {
        forwarder = AlertForwarder(config: config)
        self.endpoints = endpoints
        self.transport = transport
        self.userAgent = userAgent
        self.logger = logger
        (stream, continuation) = AsyncStream.makeStream(of: (alerts: [ForwardedAlert], now: Int64).self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Whether any Alertmanager is configured.
    public var isEnabled: Bool { !forwarder.isEmpty }

    /// Hands over the current alert set at wall time `now` (milliseconds since the epoch), each
    /// alert with its rule group's evaluation interval.
    public func submit(_ alerts: [ForwardedAlert], now: Int64) {
        continuation.yield((alerts, now))
    }

    /// Forwards what is submitted until graceful shutdown.
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var forwarder = self.forwarder
            for await (alerts, now) in stream {
                let batches = forwarder.batches(for: alerts, now: now)
                await withTaskGroup(of: Void.self) { group in
                    for batch in batches {
                        group.addTask { await send(batch) }
                    }
                }
            }
        }
        continuation.finish()
    }

    private func send(_ batch: AlertForwarder.Batch) async {
        guard let endpoint = endpoints[batch.target] else {
            logger.error("no endpoint for an alertmanager_configs entry", metadata: ["target": "\(batch.target)"])
            return
        }
        var headers = [HTTPHeader("content-type", "application/json"), HTTPHeader("user-agent", userAgent)]
        if let authorization = WebhookRequest.authorization(endpoint) { headers.append(HTTPHeader("authorization", authorization)) }
        let request = WebhookRequest(url: endpoint.url, headers: headers, body: batch.body, tls: endpoint.tls, timeout: endpoint.timeout)
        do {
            let response = try await transport.send(request)
            guard (200..<300).contains(response.status) else {
                logger.warning("alertmanager refused alerts", metadata: [
                    "target": "\(batch.target)", "url": "\(endpoint.url)", "status": "\(response.status)", "body": "\(response.body)",
                    "alerts": "\(batch.alerts.count)",
                ])
                return
            }
            logger.debug("alerts forwarded", metadata: ["target": "\(batch.target)", "alerts": "\(batch.alerts.count)"])
        } catch {
            logger.warning("cannot forward alerts to alertmanager", metadata: [
                "target": "\(batch.target)", "url": "\(endpoint.url)", "error": "\(error)", "alerts": "\(batch.alerts.count)",
            ])
        }
    }
}
