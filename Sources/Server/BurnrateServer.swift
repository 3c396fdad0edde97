public import Hummingbird
public import Rules
internal import Delivery
internal import Foundation
internal import Notify
internal import ServiceLifecycle
internal import UnixSignals

/// The Burnrate HTTP server and the services beside it, run under one `ServiceGroup`.
public enum BurnrateServer {
    /// The router with every route, for the application and for in-process tests.
    public static func makeRouter(state: ServerState) throws -> Router<BasicRequestContext> {
        let authenticator = try WriteAuthenticator(state.config.ingest)
        let apiAuthenticator = try WriteAuthenticator(apiTokenFile: state.config.apiTokenFile)
        let router = Router()
        StatusRoutes.add(to: router, state: state)
        RulesRoutes.add(to: router, state: state)
        AlertsRoutes.add(to: router, state: state)
        SilenceRoutes.add(to: router, state: state)
        NotificationRoutes.add(to: router, state: state)
        SLORoutes.add(to: router, state: state)
        IngestRoutes.add(to: router, state: state, authenticator: authenticator)
        SeriesRoutes.add(to: router, state: state)
        QueryRoutes.add(to: router, state: state)
        IncidentRoutes.add(to: router, state: state, authenticator: apiAuthenticator)
        return router
    }

    /// The HTTP application listening on `address`.
    public static func makeApplication(state: ServerState, address: ListenAddress) throws -> some ApplicationProtocol {
        Application(
            router: try makeRouter(state: state),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "Burnrate"),
            logger: state.logger)
    }

    /// Runs the server and its services until SIGTERM or SIGINT, reloading rules on SIGHUP.
    public static func run(state: ServerState, address: ListenAddress) async throws {
        let application = try makeApplication(state: state, address: address)
        let wallClock: @Sendable () -> Int64 = { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
        let retention = RetentionService(
            store: state.store, rules: state.rules, configured: state.config.retention, clock: ContinuousClock(),
            now: wallClock, logger: state.logger)
        let notifications = NotificationService(dispatcher: state.dispatcher, clock: ContinuousClock(), now: wallClock, logger: state.logger)
        let transport = AsyncHTTPClientTransport()
        let endpoints: [IntegrationKey: WebhookEndpoint]
        let forwardEndpoints: [IntegrationKey: WebhookEndpoint]
        do {
            endpoints = try WebhookEndpoints.make(from: state.config.notifications)
            forwardEndpoints = try WebhookEndpoints.forwarding(from: state.config.notifications)
        } catch {
            try await transport.shutdown()
            throw error
        }
        let forwarding = AlertForwardingService(
            config: state.config.notifications, endpoints: forwardEndpoints, transport: transport, logger: state.logger)
        let evaluation = RuleEvaluationService(
            scheduler: state.scheduler, clock: ContinuousClock(), now: wallClock, logger: state.logger,
            coalescing: RuleEvaluationService<ContinuousClock>.defaultCoalescing,
            onTick: { now in
                await state.afterEvaluation(now: now)
                if forwarding.isEnabled { forwarding.submit(await state.forwardedAlerts(), now: now) }
            })
        let deliverer = WebhookDeliverer(
            outbox: state.outbox, transport: transport, endpoints: endpoints, now: wallClock, logger: state.logger)
        let delivery = DeliveryService(deliverer: deliverer, outbox: state.outbox, clock: ContinuousClock(), now: wallClock, logger: state.logger)
        let group = ServiceGroup(configuration: .init(
            services: [
                // Stopped last: persists the heads once the HTTP server no longer appends.
                .init(service: SampleStoreService(store: state.store, logger: state.logger)),
                // Stopped after the dispatcher: what it decided last is still delivered.
                .init(service: delivery),
                // Stopped before the store: no rule output is written after the heads are persisted.
                .init(service: evaluation),
                .init(service: notifications),
                .init(service: forwarding),
                .init(service: application),
                .init(service: ReloadSignalService(rules: state.rules)),
                .init(service: retention),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: state.logger))
        do {
            try await group.run()
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }
}
