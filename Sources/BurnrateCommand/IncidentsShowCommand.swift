import ArgumentParser
import Foundation

/// `burnrate incidents show ID`.
struct IncidentsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one incident with its alerts and timeline.")

    @OptionGroup var options: IncidentOptions

    @Argument(help: "The incident's id.")
    var id: Int

    func run() async throws {
        let (_, body, envelope) = try await ServerClient(server: options.server).get("/api/v1/incidents/\(id)", query: [])
        let data = try options.data(envelope)
        print(options.output == .json ? String(decoding: body, as: UTF8.self) : IncidentReport.detail(data))
    }
}
