import PromQL
import Storage
import TestSupport
import Testing

/// `Engine.observedChange`: `increase`/`rate`/`delta` give the change the samples inside the
/// window show, with counter resets corrected and no extrapolation, on both read paths.
@Suite struct ObservedChangeTests {
    /// The brute force: sum of the reset-corrected steps between consecutive samples in [start, end]
    /// (2.42 includes a sample at the window's start).
    static func bruteForce(_ samples: [ChunkSample], start: Int64, end: Int64) -> Double? {
        let inside = samples.filter { $0.t >= start && $0.t <= end }
        guard inside.count >= 2 else { return nil }
        var total = 0.0
        for (previous, next) in zip(inside, inside.dropFirst()) {
            total += next.v >= previous.v ? next.v - previous.v : next.v
        }
        return total
    }

    @Test(arguments: [nil, 0] as [Int64?])
    func increaseIsTheObservedChange(summaryMinimum: Int64?) async throws {
        var rng = SplitMix64(seed: 7)
        let reader = MemorySampleReader(chunkSize: 37)
        var all: [String: [ChunkSample]] = [:]
        for series in 0..<5 {
            var value = Double(rng.next() % 100)
            var samples: [ChunkSample] = []
            var t: Int64 = 0
            for _ in 0..<600 {
                t += 10_000 + Int64(rng.next() % 10_000)
                if rng.next() % 50 == 0 { value = Double(rng.next() % 5) } else { value += Double(rng.next() % 20) / 4 }
                samples.append(ChunkSample(t: t, v: value))
            }
            all["p\(series)"] = samples
            await reader.add(["__name__": "requests_total", "pod": "p\(series)"], samples)
        }
        var engine = Engine(summaryMinimumRange: summaryMinimum.map { PromDuration(milliseconds: $0) })
        engine.observedChange = true
        for (end, range) in [(3_000_000, "40m"), (9_000_000, "2h"), (5_555_555, "1234567ms")] as [(Int64, String)] {
            let rangeMs = try PromDuration(parsing: range).milliseconds
            for function in ["increase", "rate"] {
                let value = try await engine.instantQuery(try Parser.parse("\(function)(requests_total[\(range)])"), at: end, reader: reader)
                guard case .vector(let samples) = value else { Issue.record("expected a vector"); return }
                #expect(samples.count == 5)
                for sample in samples {
                    let pod = try #require(sample.labels["pod"])
                    var expected = try #require(Self.bruteForce(all[pod] ?? [], start: end - rangeMs, end: end))
                    if function == "rate" { expected /= Double(rangeMs) / 1000 }
                    #expect(abs(sample.v - expected) <= 1e-12 * max(1, abs(expected)), "\(function) \(pod) \(range)")
                }
            }
        }
        // Prometheus' extrapolating increase differs on the same data.
        let extrapolated = try await Engine().instantQuery(try Parser.parse("increase(requests_total[40m])"), at: 3_000_000, reader: reader)
        let observed = try await engine.instantQuery(try Parser.parse("increase(requests_total[40m])"), at: 3_000_000, reader: reader)
        guard case .vector(let a) = extrapolated, case .vector(let b) = observed else { Issue.record("expected vectors"); return }
        #expect(a.map(\.v) != b.map(\.v))
    }
}
