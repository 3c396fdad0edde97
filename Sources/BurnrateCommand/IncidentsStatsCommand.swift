import ArgumentParser
import Foundation

/// `burnrate incidents stats`: the four reliability figures with their definitions.
struct IncidentsStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Time to detect, acknowledge, recover and resolve: mean, median and p90.",
        discussion: "Incidents flagged maintenance or test are left out.")

    enum Grouping: String, ExpressibleByArgument, CaseIterable {
        case all, slo, service
    }

    @OptionGroup var options: IncidentOptions

    @Option(name: .long, help: "The window: a duration such as 30d, or a time.")
    var since: String = "30d"

    @Option(name: .long, help: "Group by: all, slo or service.")
    var by: Grouping = .all

    func run() async throws {
        let query = [URLQueryItem(name: "since", value: since), URLQueryItem(name: "by", value: by.rawValue)]
        let (_, body, envelope) = try await ServerClient(server: options.server).get("/api/v1/incidents/stats", query: query)
        let data = try options.data(envelope)
        if options.output == .json {
            print(String(decoding: body, as: UTF8.self))
            return
        }
        let figures = [("TTD", "timeToDetect"), ("TTA", "timeToAcknowledge"), ("TTRec", "timeToRecover"), ("TTRes", "timeToResolve")]
        var rows = [["GROUP", "COUNT", "EXCLUDED"] + figures.flatMap { ["\($0.0) mean", "median", "p90"] }]
        for group in data["groups"] as? [[String: Any]] ?? [] {
            var row = [ReportFormat.labels(group["group"]).isEmpty ? "all" : ReportFormat.labels(group["group"]),
                       "\(group["count"] as? Int ?? 0)", "\(group["excluded"] as? Int ?? 0)"]
            for (_, key) in figures {
                let summary = group[key] as? [String: Any] ?? [:]
                row += [IncidentReport.duration(summary["mean"]), IncidentReport.duration(summary["median"]), IncidentReport.duration(summary["p90"])]
            }
            rows.append(row)
        }
        print("incidents since \(data["since"] as? String ?? since)")
        print(ReportFormat.table(rows))
        print("")
        let definitions = data["definitions"] as? [String: String] ?? [:]
        for (name, key) in figures {
            print("\(name): \(definitions[key] ?? "")")
        }
    }
}
