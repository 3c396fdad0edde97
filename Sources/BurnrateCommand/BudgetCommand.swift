import ArgumentParser
import Foundation

/// `burnrate budget`: the error-budget report of a running server.
struct BudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Report the error budgets of SLOs on a running Burnrate server.",
        discussion: """
            One row per SLO state (one per group for grouped SLOs): objective, budget remaining
            over the period (negative once overspent), burn rates over 1h and 6h, time until the
            budget is exhausted at the 1h burn rate, active alerts, and the share of the period
            covered by data. Exit codes: 0 success, 1 the server refused, 2 usage error,
            4 server unreachable.
            """
    )

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "SLO ids; all when none is given.")
    var slos: [String] = []

    @Option(name: .long, help: "Only the SLOs of this service.")
    var service: String?

    @Option(name: .long, help: "The server's URL.")
    var server: String = "http://127.0.0.1:9099"

    @Option(name: .long, help: "Output format: table or json.")
    var output: Output = .table

    func validate() throws {
        try ServerClient.validate(server)
    }

    func run() async throws {
        var query = slos.map { URLQueryItem(name: "slo", value: $0) }
        if let service { query.append(URLQueryItem(name: "service", value: service)) }
        let (_, body, envelope) = try await ServerClient(server: server).get("/api/v1/slos", query: query)
        guard envelope["status"] as? String == "success", let data = envelope["data"] as? [String: Any] else {
            FileHandle.standardError.write(Data("error: \(envelope["error"] as? String ?? "unexpected answer")\n".utf8))
            throw ExitCode(1)
        }
        if output == .json {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        let states = data["slos"] as? [[String: Any]] ?? []
        var rows = [["SLO", "LABELS", "OBJECTIVE", "PERIOD", "REMAINING", "BURN 1h", "BURN 6h", "EXHAUSTED IN", "ALERTS", "COVERAGE"]]
        for state in states {
            let budget = state["budget"] as? [String: Any] ?? [:]
            let burn = state["burnRates"] as? [String: Any] ?? [:]
            let alerts = (state["alerts"] as? [[String: Any]] ?? []).map { "\($0["severity"] as? String ?? "")(\($0["state"] as? String ?? ""))" }
            rows.append([
                state["id"] as? String ?? "", ReportFormat.labels(state["labels"]),
                ReportFormat.percent(state["objective"]),
                ReportFormat.duration((state["period"] as? [String: Any])?["length"]),
                ReportFormat.percent(budget["remaining"]), ReportFormat.number(burn["1h"]), ReportFormat.number(burn["6h"]),
                ReportFormat.duration((state["timeToExhaustion"] as? [String: Any])?["1h"]),
                alerts.isEmpty ? "-" : alerts.joined(separator: ","), ReportFormat.percent(state["coverage"]),
            ])
        }
        print(ReportFormat.table(rows))
        for error in data["errors"] as? [[String: Any]] ?? [] {
            FileHandle.standardError.write(Data("\(error["id"] as? String ?? ""): \(error["error"] as? String ?? "")\n".utf8))
        }
        let unknown = slos.filter { id in !states.contains { $0["id"] as? String == id } }
        if !unknown.isEmpty {
            FileHandle.standardError.write(Data("unknown SLO: \(unknown.joined(separator: ", "))\n".utf8))
            throw ExitCode(1)
        }
    }
}
