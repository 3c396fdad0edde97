import ArgumentParser
import Foundation

/// `burnrate incidents note ID TEXT`.
struct IncidentsNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an incident.")

    @OptionGroup var options: IncidentOptions

    @Argument(help: "The incident's id.")
    var id: Int

    @Argument(help: "The note.")
    var text: String

    @Option(name: .long, help: "Who writes (default: $USER).")
    var by: String?

    func run() async throws {
        try await IncidentChange.post(
            "notes", id: id, form: [URLQueryItem(name: "by", value: IncidentChange.person(by)), URLQueryItem(name: "text", value: text)],
            options: options)
    }
}
