import ArgumentParser
import Foundation

/// `burnrate gate`: asks a running server whether the error budget allows a deploy.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Decide from the error budget whether a deploy may go ahead.",
        discussion: """
            Checks every state of the SLOs given (--slo, repeatable) or of a service (--service)
            and prints each verdict (OK, WARNING, BREACHED, INSUFFICIENT_DATA) with its reasons.
            By default a deploy is denied only when a budget is exhausted or a page alert fires;
            --block-on-incident also denies while an incident of the SLO is unresolved.
            Exit codes: 0 allow, 1 deny, 2 usage error, 3 unknown (an unknown SLO, no events in
            the period, or less coverage than --min-coverage), 4 server unreachable.
            """
    )

    @Option(name: .long, help: "The server's URL.")
    var server: String = "http://127.0.0.1:9099"

    @Option(name: .long, help: "Check every SLO of this service.")
    var service: String?

    @Option(name: .long, help: "Check this SLO (repeatable).")
    var slo: [String] = []

    @Option(name: .customLong("min-remaining"), help: "Deny below this share of budget left, e.g. 0.25.")
    var minRemaining: Double?

    @Option(name: .customLong("max-burn-rate"), help: "Deny above these burn rates, e.g. 1h=2,6h=1.")
    var maxBurnRate: String?

    @Option(name: .customLong("block-on-firing"), help: "Which firing alerts deny: page, ticket or none.")
    var blockOnFiring: String?

    @Option(name: .customLong("min-coverage"), help: "Unknown below this share of the period covered by data, e.g. 0.5.")
    var minCoverage: Double?

    @Flag(name: .customLong("block-on-incident"), help: "Deny while an incident of the SLO is open or acknowledged.")
    var blockOnIncident = false

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    func validate() throws {
        try ServerClient.validate(server)
        guard service != nil || !slo.isEmpty else { throw ValidationError("give --service or at least one --slo") }
        if let minRemaining, !(minRemaining <= 1) { throw ValidationError("--min-remaining must be a ratio such as 0.25") }
        if let minCoverage, !(0...1).contains(minCoverage) { throw ValidationError("--min-coverage must be between 0 and 1") }
        if let blockOnFiring, !["page", "ticket", "none"].contains(blockOnFiring) {
            throw ValidationError("--block-on-firing must be page, ticket or none")
        }
    }

    func run() async throws {
        var query = slo.map { URLQueryItem(name: "slo", value: $0) }
        if let service { query.append(URLQueryItem(name: "service", value: service)) }
        if let minRemaining { query.append(URLQueryItem(name: "min_remaining", value: String(minRemaining))) }
        if let maxBurnRate { query.append(URLQueryItem(name: "max_burn_rate", value: maxBurnRate)) }
        if let blockOnFiring { query.append(URLQueryItem(name: "block_on_firing", value: blockOnFiring)) }
        if let minCoverage { query.append(URLQueryItem(name: "min_coverage", value: String(minCoverage))) }
        if blockOnIncident { query.append(URLQueryItem(name: "block_on_incident", value: "true")) }
        let (_, body, envelope) = try await ServerClient(server: server).get("/api/v1/gate", query: query)
        guard envelope["status"] as? String == "success", let data = envelope["data"] as? [String: Any],
              let decision = data["decision"] as? String
        else {
            FileHandle.standardError.write(Data("error: \(envelope["error"] as? String ?? "unexpected answer")\n".utf8))
            throw ExitCode(envelope["errorType"] as? String == "bad_data" ? 2 : 1)
        }
        if output == .json {
            print(String(decoding: body, as: UTF8.self))
        } else {
            for entry in data["slos"] as? [[String: Any]] ?? [] {
                let state = entry["slo"] as? [String: Any] ?? [:]
                let budget = state["budget"] as? [String: Any] ?? [:]
                print("\(entry["verdict"] as? String ?? "?")  \(state["id"] as? String ?? "")\(ReportFormat.labels(state["labels"]))  budget left \(ReportFormat.percent(budget["remaining"]))")
                for reason in entry["reasons"] as? [String] ?? [] { print("    \(reason)") }
            }
            for unknown in data["unknownSLOs"] as? [String] ?? [] { print("UNKNOWN  \(unknown)") }
            print("decision: \(decision)")
        }
        switch decision {
        case "allow": return
        case "deny": throw ExitCode(1)
        default: throw ExitCode(3)
        }
    }
}
