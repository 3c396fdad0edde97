import ArgumentParser
import Foundation
import RemoteWriteWorkload
import Rules
import SLO

/// The options that define the SLO comparison's data (`SLOWorkload`); every `slo-*` command given
/// the same values works on the same data.
struct SLOOptions: ParsableArguments {
    @Option(help: "Number of SLOs (ten per service).")
    var slos = 10

    @Option(help: "Days of history.")
    var days = 1

    @Option(help: "Seconds between scrapes (must divide 300).")
    var scrapeInterval = 15

    @Option(help: "Seconds between rule evaluations (a multiple of the scrape interval).")
    var ruleInterval = 30

    @Option(help: "Status codes, one series each per SLO, comma-separated; 5xx codes are errors.")
    var codes = "200,500"

    @Option(help: "Timestamp of the last backfilled scrape, in ms since the epoch (default: now).")
    var endMs: Int64?

    func validate() throws {
        if let problem = workload(endMs: 0).problem { throw ValidationError(problem) }
    }

    func workload(endMs: Int64? = nil) -> SLOWorkload {
        SLOWorkload(
            slos: slos, days: days, scrapeSeconds: scrapeInterval, ruleIntervalSeconds: ruleInterval,
            codes: codes.split(separator: ",").map(String.init),
            endMs: endMs ?? self.endMs ?? Int64(Date().timeIntervalSince1970 * 1000))
    }
}

extension SLOWorkload {
    /// Sloth's generated rules for `slothSpec()`, made by Burnrate's `SLORuleGenerator` in Sloth's
    /// own mode (the 30-day ratio is the mean of the recorded 5-minute ratios).
    func slothRuleGroups() throws -> [RuleGroup] {
        let loaded = RuleLoader().load(files: [RuleFile(path: "sloth.yml", contents: slothSpec())])
        guard loaded.isValid else {
            throw ValidationError("the generated Sloth spec does not load: \(loaded.diagnostics.prefix(3))")
        }
        return try SLORuleGenerator(ruleSet: loaded.ruleSet, options: SLORuleOptions(mode: .sloth, version: "bench-compare"))
            .groups(for: loaded.ruleSet.slos)
    }

    /// The labels (sorted, `__name__` included) of each SLO's `slo:sli_error:ratio_rate5m` series,
    /// as the generated rule records it.
    func recordedLabels(_ groups: [RuleGroup]) throws -> [[(name: String, value: String)]] {
        var byID: [String: [(name: String, value: String)]] = [:]
        for group in groups {
            for case .recording(let rule) in group.rules where rule.record == "slo:sli_error:ratio_rate5m" {
                let labels = rule.labels.merging(["__name__": rule.record]) { $1 }
                byID[rule.labels["sloth_id"] ?? ""] = labels.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            }
        }
        return try (0..<slos).map { slo in
            guard let labels = byID[sloID(slo)] else {
                throw ValidationError("no slo:sli_error:ratio_rate5m rule for \(sloID(slo))")
            }
            return labels
        }
    }
}
