import Foundation
@testable import Storage
import Testing

/// SQLite's log is copied into the database file by a checkpoint in the background
/// (`WALCheckpointer`), not by the commit of the request that fills it: the file grows while
/// the log stays below the size at which the writer would checkpoint itself, and everything
/// appended reads back after a reopen.
@Suite struct SampleStoreCheckpointTests {
    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    private static func value(series: Int, round: Int, _ i: Int) -> Double {
        Double(series * 7 + round * 120 + i * (i % 5))
    }

    private static func samples(series: Int, round: Int) -> [ChunkSample] {
        StoreFixture.samples(from: Int64(round) * 120 * 15_000, count: 120) { value(series: series, round: round, $0) }
    }

    @Test func theLogIsCheckpointedInTheBackground() async throws {
        let fixture = StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 40))
        let initialSize: Int
        do {
            let store = try await fixture.open()
            initialSize = Self.fileSize(fixture.path)
            for round in 0..<4 {
                var batch = AppendBatch()
                for series in 0..<1_000 {
                    batch.append(StoreFixture.labels("requests_total", instance: series), Self.samples(series: series, round: round))
                }
                let report = try await store.append(batch)
                #expect(report.committed && report.accepted == 120_000)
            }
            // 3,000 chunks a round, 12,000 in all: over the pages that start a background checkpoint.
            var waited = 0
            while store.database.backgroundCheckpoints == 0 || Self.fileSize(fixture.path) < initialSize + (1 << 20) {
                try await Task.sleep(for: .milliseconds(20))
                waited += 1
                if waited > 500 { break }
            }
            #expect(store.database.backgroundCheckpoints > 0)
            #expect(Self.fileSize(fixture.path) >= initialSize + (1 << 20), "the database file holds the checkpointed pages")
            // Below the writer's own threshold, which would otherwise checkpoint.
            #expect(Self.fileSize(fixture.path + "-wal") < WALCheckpointer.backstopPages * 4_096)
        }
        let reopened = try await fixture.open()
        let samples = try await reopened.samples(of: StoreFixture.labels("requests_total", instance: 999))
        let expected: [ChunkSample] = (0..<4).flatMap { Self.samples(series: 999, round: $0) }
        #expect(samples == expected)
    }

    /// `persistHeads` (a graceful stop) truncates the log, also right after a background
    /// checkpoint was started over a log of several MiB. (This did not reproduce the log that
    /// `burnrate serve` left at its full size before `WALCheckpointer.truncate`: it passes with
    /// the writer's own truncating checkpoint too.)
    @Test(arguments: 0..<3)
    func persistingTheHeadsTruncatesTheLogWhileABackgroundCheckpointRuns(round: Int) async throws {
        let fixture = StoreFixture(configuration: SampleStoreConfiguration(samplesPerChunk: 40))
        let store = try await fixture.open()
        var batch = AppendBatch()
        for series in 0..<2_000 {
            batch.append(StoreFixture.labels("requests_total", instance: series), Self.samples(series: series, round: round))
        }
        #expect(try await store.append(batch).committed)
        #expect(Self.fileSize(fixture.path + "-wal") > 1 << 20)
        store.database.checkpointer!.committed(pages: WALCheckpointer.thresholdPages)
        try await store.persistHeads()
        #expect(Self.fileSize(fixture.path + "-wal") == 0)
    }
}
