import Testing
import Storage

@Suite struct MemorySampleReaderTests {
    @Test func addingReplacesSamplesAtTheSameTimestamp() async throws {
        let reader = MemorySampleReader()
        let labels: Labels = ["__name__": "up"]
        await reader.add(labels, [ChunkSample(t: 2, v: 2), ChunkSample(t: 1, v: 1)])
        await reader.add(labels, [ChunkSample(t: 2, v: 3)])
        let selected = try await reader.select(matchers: [.metricName("up")], start: .min, end: .max)
        #expect(selected == [SeriesSamples(labels: labels, samples: [ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 3)])])
        await reader.removeAll()
        #expect(try await reader.select(matchers: [], start: .min, end: .max).isEmpty)
    }

    @Test func summarisesWholeChunksInsideTheWindow() async throws {
        let reader = MemorySampleReader(chunkSize: 3)
        let labels: Labels = ["__name__": "c"]
        await reader.add(labels, (0..<9).map { ChunkSample(t: Int64($0), v: Double($0)) })
        let pieces = try await reader.selectSummarised(matchers: [], start: 1, end: 7).first?.pieces
        #expect(pieces?.count == 3)
        #expect(pieces?.first == .samples([ChunkSample(t: 1, v: 1), ChunkSample(t: 2, v: 2)]))
        #expect(pieces?[1].minT == 3 && pieces?[1].maxT == 5)
        #expect(pieces?.last == .samples([ChunkSample(t: 6, v: 6), ChunkSample(t: 7, v: 7)]))
    }
}
