import ArgumentParser
import Foundation

/// Posts one change to an incident (`ack`, `resolve`, `notes`) and prints the incident after it.
enum IncidentChange {
    static func post(_ action: String, id: Int, form: [URLQueryItem], options: IncidentOptions) async throws {
        let (_, body, envelope) = try await ServerClient(server: options.server)
            .post("/api/v1/incidents/\(id)/\(action)", form: form, token: try options.token())
        let data = try options.data(envelope)
        print(options.output == .json ? String(decoding: body, as: UTF8.self) : IncidentReport.detail(data))
    }

    /// `--by`, else the user name of the session.
    static func person(_ by: String?) -> String {
        by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli"
    }
}
