import Storage
import Testing

/// The ingest path hands the samples of every series of a request as slices of one array, whose
/// indices do not start at 0: the store must give the same reports and keep the same samples as
/// with an array per series, on every path (known series, new ones, merged entries, duplicates,
/// rejections, chunks kept and cut).
@Suite struct SampleStoreSliceAppendTests {
    typealias Entry = (labels: Labels, samples: [ChunkSample], byRef: Bool)

    /// The entries as `AppendBatch`es: each series' own array, or slices of one shared array
    /// that starts with samples no entry uses.
    static func batch(_ entries: [Entry], refs: [Labels: SeriesRef], sliced: Bool, policy: AppendPolicy) -> AppendBatch {
        var shared = [ChunkSample](repeating: ChunkSample(t: -1, v: -1), count: 7)
        var ranges: [Range<Int>] = []
        for entry in entries {
            ranges.append(shared.count..<shared.count + entry.samples.count)
            shared += entry.samples
        }
        var batch = AppendBatch(policy: policy)
        for (entry, range) in zip(entries, ranges) {
            let ref = entry.byRef ? refs[entry.labels] : nil
            let labels = ref == nil ? entry.labels : Labels()
            if sliced {
                batch.append(labels, shared[range], ref: ref)
            } else {
                batch.append(labels, entry.samples, ref: ref)
            }
        }
        return batch
    }

    @Test func slicesOfOneArrayAppendAsArraysDo() async throws {
        let configuration = SampleStoreConfiguration(samplesPerChunk: 4, chunksPerWrite: 2)
        let stores = [try await StoreFixture(configuration: configuration).open(), try await StoreFixture(configuration: configuration).open()]
        let a = StoreFixture.labels("requests_total", instance: 1)
        let b = StoreFixture.labels("requests_total", instance: 2)
        func samples(_ times: [Int64], _ value: Double = 1) -> [ChunkSample] { times.map { ChunkSample(t: $0 * 1_000, v: Double($0) * value) } }
        let steps: [(entries: [Entry], policy: AppendPolicy)] = [
            // New series.
            ([(a, samples([1, 2, 3]), false), (b, samples([1, 2]), false)], .atomic),
            // Known series by reference, all newer: a keeps a complete chunk in its head.
            ([(a, samples([4, 5, 6]), true), (b, samples([3]), true)], .atomic),
            // a cuts its complete chunks; b repeats a stored sample (a duplicate) before a new one.
            ([(a, samples([7, 8, 9, 10, 11, 12]), true), (b, samples([3, 4]), true)], .atomic),
            // a three times in one batch (merged), unsorted, 14 twice; b out of order with another
            // value, then new.
            ([(a, samples([14]), true), (a, samples([13]), true), (b, samples([1], 5), true), (a, samples([14]), true), (b, samples([5]), true)], .acceptValid),
            // Known series by labels, one of them new again after the others.
            ([(b, samples([6, 7]), false), (a, samples([15]), false), (StoreFixture.labels("up", instance: 3), samples([1]), false)], .atomic),
        ]
        var refs: [[Labels: SeriesRef]] = [[:], [:]]
        for (index, step) in steps.enumerated() {
            var reports: [AppendReport] = []
            for (position, store) in stores.enumerated() {
                let batch = Self.batch(step.entries, refs: refs[position], sliced: position == 1, policy: step.policy)
                let report = try await store.append(batch)
                for (entry, ref) in zip(step.entries, report.seriesRefs) where ref != nil { refs[position][entry.labels] = ref }
                reports.append(report)
            }
            #expect(reports[0] == reports[1], "step \(index): arrays \(reports[0]) against slices \(reports[1])")
            #expect(reports[1].accepted > 0, "step \(index) appends something")
        }
        for labels in [a, b, StoreFixture.labels("up", instance: 3)] {
            let fromArrays = try await stores[0].samples(of: labels)
            #expect(try await stores[1].samples(of: labels) == fromArrays)
            #expect(!fromArrays.isEmpty)
        }
        #expect(try await stores[1].samples(of: a).map(\.t) == (1...15).map { Int64($0) * 1_000 })
    }
}
