import ArgumentParser
import Foundation

/// `burnrate incidents resolve ID`.
struct IncidentsResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve an incident by hand.")

    @OptionGroup var options: IncidentOptions

    @Argument(help: "The incident's id.")
    var id: Int

    @Option(name: .long, help: "Who resolves (default: $USER).")
    var by: String?

    func run() async throws {
        try await IncidentChange.post("resolve", id: id, form: [URLQueryItem(name: "by", value: IncidentChange.person(by))], options: options)
    }
}
