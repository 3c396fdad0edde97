public import Hummingbird
public import Rules
internal import ServiceLifecycle
internal import UnixSignals

/// The Burnrate HTTP server and the services beside it, run under one `ServiceGroup`.
public enum BurnrateServer {
    /// The router with every route, for the application and for in-process tests.
    public static func makeRouter(state: ServerState) -> Router<BasicRequestContext> {
        let router = Router()
        StatusRoutes.add(to: router, state: state)
        RulesRoutes.add(to: router, state: state)
        return router
    }

    /// The HTTP application listening on `address`.
    public static func makeApplication(state: ServerState, address: ListenAddress) -> some ApplicationProtocol {
        Application(
            router: makeRouter(state: state),
            configuration: .init(address: .hostname(address.host, port: address.port), serverName: "Burnrate"),
            logger: state.logger)
    }

    /// Runs the server and its services until SIGTERM or SIGINT, reloading rules on SIGHUP.
    public static func run(state: ServerState, address: ListenAddress) async throws {
        let application = makeApplication(state: state, address: address)
        let group = ServiceGroup(configuration: .init(
            services: [
                .init(service: application),
                .init(service: ReloadSignalService(rules: state.rules)),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: state.logger))
        try await group.run()
    }
}
