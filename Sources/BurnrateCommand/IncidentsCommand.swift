import ArgumentParser

/// `burnrate incidents`: the incidents of a running server.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List, inspect, acknowledge and resolve incidents, and report MTTR statistics.",
        discussion: """
            Incidents open when SLO page alerts (incidents.open_on) start firing and resolve when
            their alerts have; see docs/incidents.md. Exit codes: 0 success, 1 the server refused
            (unknown incident, wrong state, missing token), 2 usage error, 4 server unreachable.
            """,
        subcommands: [
            IncidentsListCommand.self, IncidentsShowCommand.self, IncidentsAckCommand.self, IncidentsResolveCommand.self,
            IncidentsNoteCommand.self, IncidentsStatsCommand.self,
        ]
    )
}
