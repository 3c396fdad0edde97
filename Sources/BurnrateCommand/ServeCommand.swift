import ArgumentParser
import Foundation
import Logging
import Metrics
import Prometheus
import Rules
import Server
import Storage

/// `burnrate serve`: runs the service until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Burnrate service.",
        discussion: """
            Without flags it runs on embedded defaults: rules from ./rules, the database at
            ./data/burnrate.sqlite, listening on 127.0.0.1:9099. Flags override the configuration file.
            SIGHUP or POST /-/reload reloads the rules; invalid rules are refused and the previous ones stay.
            """
    )

    @Option(name: .long, help: "Configuration file (burnrate.yml).")
    var config: String?

    @Option(name: .long, help: "Rule file or directory; repeat for several. Default: the config's rule_files, else ./rules.")
    var rules: [String] = []

    @Option(name: .long, help: "SQLite database path. Default: ./data/burnrate.sqlite.")
    var db: String?

    @Option(name: .long, help: "Address to listen on, host:port. Default: 127.0.0.1:9099.")
    var listen: String?

    @Flag(name: .customLong("storage.keep-all"), help: "Store every series received, not only those some rule reads.")
    var keepAll = false

    @Flag(
        inversion: .prefixedNo,
        help: "Run tasks on the HTTP server's event loops (one thread per request) rather than a pool of their own.")
    var tasksOnEventLoops = true

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func validate() throws {
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("invalid --log-level \"\(logLevel)\": expected trace, debug, info, notice, warning, error or critical")
        }
        if let listen, ListenAddress(listen) == nil {
            throw ValidationError("invalid --listen \"\(listen)\": expected host:port")
        }
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            // Metadata formatted only into the lines written: Hummingbird gives every request
            // a logger with its own request id.
            var handler = DeferredMetadataLogHandler(StreamLogHandler.standardError(label: label))
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "burnrate")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

        var configuration = BurnrateConfig.default
        if let config {
            let loaded = ConfigLoader.load(path: config)
            report(loaded.diagnostics)
            guard !loaded.diagnostics.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
            configuration = loaded.config
        }
        if keepAll { configuration.ingest.keepAll = true }
        let rulePaths = !rules.isEmpty ? rules : !configuration.ruleFiles.isEmpty ? configuration.ruleFiles : ["rules"]
        let databasePath = db ?? configuration.storagePath ?? "data/burnrate.sqlite"
        let address = listen.flatMap(ListenAddress.init) ?? configuration.listenAddress.flatMap(ListenAddress.init) ?? .default

        let ruleManager: RuleManager
        do {
            ruleManager = try RuleManager(paths: rulePaths, logger: logger, registry: registry)
        } catch {
            report(error.diagnostics)
            logger.critical("refusing to start: rules are invalid", metadata: ["errors": "\(error.diagnostics.count)"])
            throw ExitCode(1)
        }
        let database: BurnrateDatabase
        do {
            database = try BurnrateDatabase.open(path: databasePath, logger: logger)
        } catch {
            logger.critical("refusing to start: \(error.message)")
            throw ExitCode(1)
        }
        let ruleSet = await ruleManager.current
        logger.info("starting", metadata: [
            "version": "\(BurnrateVersion.current)",
            "listen": "\(address)",
            "db": "\(databasePath)",
            "rules": "\(rulePaths.joined(separator: ","))",
            "slos": "\(ruleSet.slos.count)",
            "groups": "\(ruleSet.groups.count)",
            "tasks": "\(EventLoopExecutor.isInstalled ? "on the event loops" : "on their own pool")",
        ])
        let state: ServerState
        do {
            state = try await ServerState.make(rules: ruleManager, database: database, registry: registry, config: configuration, logger: logger)
        } catch {
            logger.critical("refusing to start: \(error.message)")
            throw ExitCode(1)
        }
        try await BurnrateServer.run(state: state, address: address)
        logger.info("stopped")
    }

    private func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
