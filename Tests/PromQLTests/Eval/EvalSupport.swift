import PromQL
import Storage

/// Helpers for evaluation tests: series in promtool's notation, and queries by text.
enum EvalSupport {
    /// A reader holding `series`: each a selector-like label text and values at `interval` from 0,
    /// with `nil` for a missing sample and `.nan` with the stale bits for a stale marker.
    static func reader(_ series: [(Labels, [Double?])], interval: Int64 = 60_000) async -> MemorySampleReader {
        let reader = MemorySampleReader()
        for (labels, values) in series {
            var samples: [ChunkSample] = []
            for (index, value) in values.enumerated() {
                if let value { samples.append(ChunkSample(t: Int64(index) * interval, v: value)) }
            }
            await reader.add(labels, samples)
        }
        return reader
    }

    /// The stale marker.
    static let stale: Double? = ChunkSample.staleMarker

    /// Evaluates `query` at `time` (milliseconds).
    static func instant(_ query: String, at time: Int64, _ reader: MemorySampleReader, engine: Engine = Engine()) async throws -> Value {
        let expr = try Parser.parse(query)
        return try await engine.instantQuery(expr, at: time, reader: reader)
    }

    /// The samples of an instant vector result, sorted by labels; a scalar as one sample without labels.
    static func samples(_ value: Value) -> [Sample] {
        switch value {
        case .vector(let samples): samples.sorted { $0.labels < $1.labels }
        case .scalar(let t, let v): [Sample(labels: Labels(), t: t, v: v)]
        default: []
        }
    }

    /// `[labels: value]` of an instant result, for compact expectations.
    static func values(_ value: Value) -> [Labels: Double] {
        Dictionary(samples(value).map { ($0.labels, $0.v) }, uniquingKeysWith: { a, _ in a })
    }
}
