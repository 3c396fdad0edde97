import ArgumentParser
import Foundation

/// `burnrate incidents ack ID`.
struct IncidentsAckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ack", abstract: "Acknowledge an incident.")

    @OptionGroup var options: IncidentOptions

    @Argument(help: "The incident's id.")
    var id: Int

    @Option(name: .long, help: "Who acknowledges (default: $USER).")
    var by: String?

    func run() async throws {
        try await IncidentChange.post("ack", id: id, form: [URLQueryItem(name: "by", value: IncidentChange.person(by))], options: options)
    }
}
