import Foundation
import PromQL
import Storage
import Testing

/// Runs every query of the shared PromQL cases (`../shared/conformance/promql/*.json`, captured
/// from Prometheus 2.42's promtool) and compares with what promtool printed: labels exactly,
/// values by bit pattern. Sums over three or more inexact values may differ in the last bits
/// (2.42 sums in storage order, which promtool randomises), so aggregations may instead agree
/// within 1e-12 relative, as the cases' README allows.
///
/// Queries that read series produced by rules (`rules_file`, the ALERTS series) are left to the
/// rule evaluator: they are skipped here, and counted. The suite is skipped, saying so, only
/// when `../shared` is missing.
@Suite struct EvaluationConformanceTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Eval
        .deletingLastPathComponent()  // PromQLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository
        .deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/promql")

    static let isAvailable = FileManager.default.fileExists(atPath: folder.path)

    static var caseFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The outcome of one case: queries compared bit for bit, within tolerance, and skipped.
    struct Tally: Sendable {
        var exact = 0
        var tolerated = 0
        var skipped = 0
        var failures: [String] = []
    }

    /// Loads a case's series as promtool does (only samples up to the last evaluation step at or
    /// before the largest eval time) and runs its queries.
    static func run(_ file: String) async throws -> Tally {
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let queries = try #require(json["queries"] as? [[String: Any]])
        let interval = try PromDuration(parsing: json["evaluation_interval"] as? String ?? "1m").milliseconds
        var evalTimes = queries.compactMap { ($0["eval_time_ms"] as? NSNumber)?.int64Value }
        for alert in json["alerts"] as? [[String: Any]] ?? [] {
            if let text = alert["eval_time"] as? String { evalTimes.append(try PromDuration(parsing: text).milliseconds) }
        }
        let loadedUntil = (evalTimes.max() ?? 0) / interval * interval

        let reader = MemorySampleReader()
        var metricNames: Set<String> = []
        for series in json["input_series"] as? [[String: Any]] ?? [] {
            var labels = series["labels"] as? [String: String] ?? [:]
            if let name = series["metric_name"] as? String {
                labels["__name__"] = name
                metricNames.insert(name)
            }
            var samples: [ChunkSample] = []
            for pair in series["samples"] as? [[Any]] ?? [] {
                let t = (pair[0] as? NSNumber)?.int64Value ?? 0
                guard t <= loadedUntil else { continue }
                let v = (pair[1] as? String) == "stale" ? ChunkSample.staleMarker : ((pair[1] as? NSNumber)?.doubleValue ?? .nan)
                samples.append(ChunkSample(t: t, v: v))
            }
            await reader.add(Labels(labels), samples)
        }

        var tally = Tally()
        let hasRules = !(json["rules_file"] is NSNull) && json["rules_file"] != nil
        for query in queries {
            let text = try #require(query["expr"] as? String)
            let time = try #require((query["eval_time_ms"] as? NSNumber)?.int64Value)
            let expr = try Parser.parse(text)
            if hasRules && expr.vectorSelectors.contains(where: { !metricNames.contains($0.metricName ?? "") }) {
                tally.skipped += 1
                continue
            }
            let where_ = "\(file): \(text) at \(time)ms"
            let actual: [Sample]
            do {
                actual = EvalSupport.samples(try await Engine().instantQuery(expr, at: time, reader: reader))
            } catch {
                tally.failures.append("\(where_): error \(error)")
                continue
            }
            let expected = (query["expected_2_42"] as? [[String: Any]] ?? []).map { item in
                let labels = Labels(item["labels"] as? [String: String] ?? [:])
                let bits = UInt64((item["float64_bits"] as? String ?? "").dropFirst(2), radix: 16) ?? 0
                return (labels: labels, v: Double(bitPattern: bits))
            }.sorted { $0.labels < $1.labels }
            guard actual.map(\.labels) == expected.map(\.labels) else {
                tally.failures.append("\(where_): labels \(actual.map(\.labels)) != \(expected.map(\.labels))")
                continue
            }
            var exact = true
            var close = true
            for (got, want) in zip(actual, expected) where got.v.bitPattern != want.v.bitPattern {
                exact = false
                let relative = abs(got.v - want.v) / max(abs(want.v), .leastNormalMagnitude)
                if !(relative <= 1e-12) { close = false }
                if !close {
                    tally.failures.append("\(where_): \(got.labels) got \(got.v) (0x\(String(got.v.bitPattern, radix: 16))) want \(want.v) (0x\(String(want.v.bitPattern, radix: 16)))")
                }
            }
            let aggregates = text.contains("sum") || text.contains("avg")
            if exact {
                tally.exact += 1
            } else if close && aggregates {
                tally.tolerated += 1
            } else if close {
                tally.failures.append("\(where_): not bit-exact and not an aggregation")
            }
        }
        return tally
    }

    @Test(
        "every shared PromQL case matches Prometheus 2.42",
        .enabled(if: isAvailable, "shared conformance data not found at ../shared/conformance; skipping"),
        arguments: caseFiles
    )
    func conformance(_ file: String) async throws {
        let tally = try await Self.run(file)
        #expect(tally.failures.isEmpty, "\(tally.failures.joined(separator: "\n"))")
    }

    @Test(
        "the shared cases compare bit for bit wherever 2.42 is deterministic",
        .enabled(if: isAvailable, "shared conformance data not found at ../shared/conformance; skipping")
    )
    func totals() async throws {
        var total = Tally()
        for file in Self.caseFiles {
            let tally = try await Self.run(file)
            total.exact += tally.exact
            total.tolerated += tally.tolerated
            total.skipped += tally.skipped
        }
        // 90 queries in all: 16 read rule output (case 10), left to the rule evaluator; the other
        // 74 agree bit for bit (the evaluator sums in label order, so the tolerance is not needed).
        #expect(total.skipped == 16)
        #expect(total.exact == 74, "exact \(total.exact), within 1e-12 \(total.tolerated)")
        #expect(total.tolerated == 0, "exact \(total.exact), within 1e-12 \(total.tolerated)")
    }
}
