import Foundation
import Testing
import Storage

/// A crash right after an append returned, simulated by copying the database and its `-wal` file
/// while the store is still open (never closed, nothing flushed) and opening the copy.
@Suite struct SampleStoreCrashTests {
    private func copyAsIfKilled(_ path: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("burnrate-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent("burnrate.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        if FileManager.default.fileExists(atPath: path + "-wal") {
            try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        }
        return copy
    }

    @Test func everyAcknowledgedSampleSurvives() async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: 40, maintenanceInterval: 3)
        let fixture = StoreFixture(configuration: configuration)
        let store = try await fixture.open()
        var acknowledged: [Labels: [ChunkSample]] = [:]
        var generator = SplitMix64(seed: 42)
        for batchIndex in 0..<30 {
            var batch = AppendBatch()
            for instance in 0..<20 {
                let labels = StoreFixture.labels("requests_total", instance: instance, ["code": instance % 3 == 0 ? "500" : "200"])
                let start = Int64(batchIndex * 7) * 15_000
                let samples = StoreFixture.samples(from: start, count: 7) { _ in Double(generator.next() % 1_000) }
                batch.append(labels, samples)
            }
            let report = try await store.append(batch)
            #expect(report.committed)
            for series in batch.series { acknowledged[series.labels, default: []] += series.samples }

            if batchIndex % 10 == 9 {
                let copy = try copyAsIfKilled(fixture.path)
                let recovered = try await StoreFixture.open(path: copy, configuration: configuration)
                let selected = try await recovered.select(matchers: [.metricName("requests_total")], start: .min, end: .max)
                #expect(selected.count == acknowledged.count)
                for series in selected { #expect(series.samples == acknowledged[series.labels]) }
            }
        }
    }
}
