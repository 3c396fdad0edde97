import ArgumentParser
import Foundation

/// `burnrate incidents list`.
struct IncidentsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List incidents, newest first.")

    @OptionGroup var options: IncidentOptions

    @Option(name: .long, help: "Only these statuses: open, acknowledged, resolved (comma-separated).")
    var status: String?

    @Option(name: .long, help: "Only incidents of this SLO.")
    var slo: String?

    @Option(name: .long, help: "Only incidents of this service.")
    var service: String?

    @Option(name: .long, help: "Only incidents detected (or unresolved) since: a duration such as 7d, or a time.")
    var since: String?

    func run() async throws {
        var query: [URLQueryItem] = []
        for (name, value) in [("status", status), ("slo", slo), ("service", service), ("since", since)] {
            if let value { query.append(URLQueryItem(name: name, value: value)) }
        }
        let (_, body, envelope) = try await ServerClient(server: options.server).get("/api/v1/incidents", query: query)
        let data = try options.data(envelope)
        if options.output == .json {
            print(String(decoding: body, as: UTF8.self))
        } else {
            print(IncidentReport.table(data["incidents"] as? [[String: Any]] ?? []))
        }
    }
}
