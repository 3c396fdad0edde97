import ArgumentParser

/// The `burnrate` command: an SLO and alerting rules engine fed by Prometheus remote-write.
struct Burnrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "burnrate",
        abstract: "SLO and alerting rules engine for Prometheus remote-write.",
        discussion: """
            Exit codes: 0 success, 1 failure (e.g. invalid rules), 2 usage error.
            """,
        version: BurnrateVersion.current,
        subcommands: [ServeCommand.self, CheckCommand.self, QueryCommand.self, TestCommand.self, BudgetCommand.self, GateCommand.self, SilenceCommand.self, IncidentsCommand.self]
    )
}

/// The version of this build.
enum BurnrateVersion {
    static let current = "0.1.0-dev"
}
