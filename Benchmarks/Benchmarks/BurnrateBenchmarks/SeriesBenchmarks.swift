import Benchmark
import RemoteWrite
import RemoteWriteWorkload
import Storage

/// 10,000 decoded label sets, as the ingest path receives them, and their canonical forms.
struct SeriesFixture: Sendable {
    let decoded: [[WriteBatch.Label]]
    let labels: [Labels]
    let index: [Labels: Int32]

    init() throws {
        let workload = Workload(seriesCount: 10_000, shape: .entries10k, bodiesPerStream: 1, seed: 42)
        let body = workload.bodies(version: .v1)[0][0]
        let batch = try RemoteWriteDecoder().decode(body: body.bytes, contentType: WireVersion.v1.contentType)
        decoded = batch.series.map(\.labels)
        labels = decoded.map { Labels($0.map { Label(name: $0.name, value: $0.value) }) }
        index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, Int32($0.offset)) })
    }
}

func registerSeriesBenchmarks() {
    guard let fixture = try? SeriesFixture() else { return }
    let configuration = Benchmark.Configuration(scalingFactor: .one)
    // What the ingest path does per entry: decoded labels to a canonical `Labels`.
    Benchmark("Series Labels from 10k decoded label sets", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for labels in fixture.decoded {
                blackHole(Labels(labels.map { Label(name: $0.name, value: $0.value) }))
            }
        }
    }
    Benchmark("Series fingerprint of 10k label sets", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for labels in fixture.labels { blackHole(labels.fingerprint) }
        }
    }
    // The store's index maps `Labels` to a slot with a `Dictionary<Labels, Int32>`, as here.
    Benchmark("Series index lookup of 10k existing label sets", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            for labels in fixture.labels { blackHole(fixture.index[labels]) }
        }
    }
}
