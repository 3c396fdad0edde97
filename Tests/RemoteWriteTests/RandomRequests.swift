import TestSupport
import Foundation
import RemoteWrite
import SwiftProtobuf

/// Random remote-write requests built with the generated SwiftProtobuf types and serialized
/// by SwiftProtobuf, for the differential tests. `hostile` adds invalid labels now and then.
struct RandomRequests {
    var random: SplitMix64
    var hostile: Bool

    private typealias Pair = (name: [UInt8], value: [UInt8])

    private static let names = ["job", "instance", "le", "quantile", "_private", "zone9", "a", "Z", "method", "code", "trace_id", "pod"]
        .map { Array($0.utf8) }
    private static let badNames: [[UInt8]] = ["", "1abc", "a-b", "é", "a b", "job:x"].map { Array($0.utf8) } + [[0x6A, 0xFF], [0xC3]]
    private static let values = [
        "up", "node", "10.0.0.1:9100", "", "ünïcödé", "e\u{301}", "é", "日本語のラベル", "🔥🚀", "a\u{0}b", "a\"quote\\",
        "http_request_duration_seconds_bucket", "+Inf", "0.5", "kubernetes-pods-very-long-value-exceeding-a-small-string",
    ].map { Array($0.utf8) }
    private static let badValues: [[UInt8]] = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x90, 0x80], [0xC0, 0xAF]]
    private static let metricNames = ["up", "http_requests_total", "go_goroutines", "node_cpu_seconds_total", "démo_ünicode"].map { Array($0.utf8) }
    private static let specialBits: [UInt64] = [
        0x7FF0_0000_0000_0002, 0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0001, 0x7FF0_0000_0000_0000,
        0xFFF0_0000_0000_0000, 0x8000_0000_0000_0000, 0, 0x3FF0_0000_0000_0000, 1,
    ]

    init(seed: UInt64, hostile: Bool) {
        random = SplitMix64(seed: seed)
        self.hostile = hostile
    }

    // MARK: - Building blocks

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick<T>(_ items: [T]) -> T {
        items.randomElement(using: &random)!
    }

    private mutating func double() -> Double {
        chance(0.4) ? Double(bitPattern: pick(Self.specialBits)) : Double(bitPattern: random.next())
    }

    private mutating func timestamp() -> Int64 {
        chance(0.1) ? Int64(bitPattern: random.next()) : Int64.random(in: 1_700_000_000_000...1_800_000_000_000, using: &random)
    }

    /// A label set: for a series with `__name__`, sorted or shuffled, unique names unless hostile.
    private mutating func labelSet(series: Bool) -> [Pair] {
        var pairs: [Pair] = []
        if series, !(hostile && chance(0.02)) {
            pairs.append((Array("__name__".utf8), hostile && chance(0.02) ? [] : pick(Self.metricNames)))
        }
        for _ in 0..<Int.random(in: 0...(series ? 8 : 2), using: &random) {
            let name = pick(Self.names)
            if pairs.contains(where: { $0.name == name }), !(hostile && chance(0.1)) { continue }
            pairs.append((name, pick(Self.values)))
        }
        if hostile, chance(0.03) { pairs.append((pick(Self.badNames), pick(Self.values))) }
        if hostile, chance(0.03), !pairs.isEmpty { pairs[Int.random(in: 0..<pairs.count, using: &random)].value = pick(Self.badValues) }
        if chance(0.7) {
            pairs.sort { $0.name.lexicographicallyPrecedes($1.name) }
        } else {
            pairs.shuffle(using: &random)
        }
        return pairs
    }

    /// Protobuf bytes of unknown fields (numbers no message here uses, or known numbers with a
    /// wire type none of them uses), groups included.
    private mutating func unknownFields(depth: Int = 0) -> [UInt8] {
        var writer = ProtobufWriter()
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let number = chance(0.3) ? Int.random(in: 1...17, using: &random) : pick([18, 19, 33, 99, 1000, 536_870_911])
            let wireType = number <= 17 ? pick([3, 5]) : pick([0, 1, 2, 3, 5])
            writer.varint(UInt64(number << 3 | wireType))
            switch wireType {
            case 0: writer.varint(random.next() >> UInt64.random(in: 0...63, using: &random))
            case 1: for _ in 0..<8 { writer.rawByte(UInt8.random(in: 0...255, using: &random)) }
            case 2:
                let payload = random.bytes(Int.random(in: 0...20, using: &random))
                writer.varint(UInt64(payload.count))
                for byte in payload { writer.rawByte(byte) }
            case 3:
                if depth < 3, chance(0.5) { for byte in unknownFields(depth: depth + 1) { writer.rawByte(byte) } }
                writer.varint(UInt64(number << 3 | 4))
            default: for _ in 0..<4 { writer.rawByte(UInt8.random(in: 0...255, using: &random)) }
            }
        }
        return writer.bytes
    }

    /// The message with unknown fields added now and then (kept by a re-parse that does not
    /// discard them, so serializing writes them out again).
    private mutating func sprinkled<M: SwiftProtobuf.Message>(_ message: M) -> M {
        guard chance(0.15) else { return message }
        let bytes: [UInt8] = (try? message.serializedBytes()) ?? []
        return (try? M(serializedBytes: bytes + unknownFields())) ?? message
    }

    // MARK: - 1.0

    /// A serialized `prometheus.WriteRequest`.
    mutating func v1() -> [UInt8] {
        var request = Prometheus_WriteRequest()
        var previous: [Pair]?
        for _ in 0..<Int.random(in: 0...30, using: &random) {
            let pairs = previous != nil && chance(0.3) ? previous! : labelSet(series: true)
            previous = pairs
            var series = Prometheus_TimeSeries()
            series.labels = pairs.map { v1Label($0) }
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                var sample = Prometheus_Sample()
                sample.value = double()
                sample.timestamp = timestamp()
                series.samples.append(sprinkled(sample))
            }
            if chance(0.2) {
                for _ in 0..<Int.random(in: 1...2, using: &random) {
                    var exemplar = Prometheus_Exemplar()
                    exemplar.labels = labelSet(series: false).map { v1Label($0) }
                    exemplar.value = double()
                    exemplar.timestamp = chance(0.2) ? 0 : timestamp()
                    series.exemplars.append(sprinkled(exemplar))
                }
            }
            if chance(0.15) { series.histograms.append(sprinkled(v1Histogram())) }
            request.timeseries.append(sprinkled(series))
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            var metadata = Prometheus_MetricMetadata()
            metadata.type = Prometheus_MetricMetadata.MetricType(rawValue: Int.random(in: 0...9, using: &random))!
            metadata.metricFamilyName = Data(pick(Self.metricNames + Self.badValues))
            metadata.help = Data(pick(Self.values + Self.badValues))
            metadata.unit = chance(0.5) ? Data() : Data("seconds".utf8)
            request.metadata.append(sprinkled(metadata))
        }
        var bytes: [UInt8] = (try? request.serializedBytes()) ?? []
        if chance(0.1) { bytes = unknownFields() + bytes }
        if chance(0.1) { bytes += unknownFields() }
        return bytes
    }

    private mutating func v1Label(_ pair: Pair) -> Prometheus_Label {
        var label = Prometheus_Label()
        label.name = Data(pair.name)
        label.value = Data(pair.value)
        return sprinkled(label)
    }

    private mutating func v1Histogram() -> Prometheus_Histogram {
        var histogram = Prometheus_Histogram()
        switch Int.random(in: 0..<3, using: &random) {
        case 0: histogram.count = .countInt(random.next() >> 40)
        case 1: histogram.count = .countFloat(double())
        default: break
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: histogram.zeroCount = .zeroCountInt(random.next() >> 50)
        case 1: histogram.zeroCount = .zeroCountFloat(double())
        default: break
        }
        histogram.sum = double()
        histogram.schema = Int32.random(in: -53...8, using: &random)
        histogram.zeroThreshold = chance(0.5) ? 0 : double()
        histogram.negativeSpans = spans(Prometheus_BucketSpan.self) { $0.offset = $1; $0.length = $2 }
        histogram.negativeDeltas = (0..<Int.random(in: 0...4, using: &random)).map { _ in Int64.random(in: -1000...1000, using: &random) }
        histogram.negativeCounts = (0..<Int.random(in: 0...3, using: &random)).map { _ in double() }
        histogram.positiveSpans = spans(Prometheus_BucketSpan.self) { $0.offset = $1; $0.length = $2 }
        histogram.positiveDeltas = (0..<Int.random(in: 0...4, using: &random)).map { _ in Int64(bitPattern: random.next()) }
        histogram.positiveCounts = (0..<Int.random(in: 0...3, using: &random)).map { _ in double() }
        histogram.resetHint = Prometheus_Histogram.ResetHint(rawValue: Int.random(in: 0...5, using: &random))!
        histogram.timestamp = timestamp()
        histogram.customValues = chance(0.2) ? [0.1, 0.5, 1, .infinity] : []
        return histogram
    }

    private mutating func spans<S: SwiftProtobuf.Message>(_ type: S.Type, _ set: (inout S, Int32, UInt32) -> Void) -> [S] {
        (0..<Int.random(in: 0...3, using: &random)).map { _ in
            var span = S()
            set(&span, Int32.random(in: -100...100, using: &random), UInt32.random(in: 0...10, using: &random))
            return sprinkled(span)
        }
    }

    // MARK: - 2.0

    /// A serialized `io.prometheus.write.v2.Request`.
    mutating func v2() -> [UInt8] {
        var symbols: [[UInt8]] = [[]]
        var index: [[UInt8]: UInt32] = [[]: 0]
        func reference(_ bytes: [UInt8], _ generator: inout RandomRequests) -> UInt32 {
            if let known = index[bytes], !generator.chance(0.05) { return known }
            symbols.append(bytes)
            index[bytes] = UInt32(symbols.count - 1)
            return UInt32(symbols.count - 1)
        }
        func references(_ pairs: [Pair], _ generator: inout RandomRequests) -> [UInt32] {
            var refs = pairs.flatMap { [reference($0.name, &generator), reference($0.value, &generator)] }
            if generator.hostile, generator.chance(0.02) { refs.append(UInt32.random(in: 0...1000, using: &generator.random)) }
            if generator.hostile, generator.chance(0.02), !refs.isEmpty { refs[0] = 100_000 }
            return refs
        }
        if chance(0.3) { symbols.append([0xFF, 0xFE]) }  // unreferenced invalid UTF-8 is harmless
        var request = Io_Prometheus_Write_V2_Request()
        var previous: [Pair]?
        for _ in 0..<Int.random(in: 0...30, using: &random) {
            let pairs = previous != nil && chance(0.3) ? previous! : labelSet(series: true)
            previous = pairs
            var series = Io_Prometheus_Write_V2_TimeSeries()
            series.labelsRefs = references(pairs, &self)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                var sample = Io_Prometheus_Write_V2_Sample()
                sample.value = double()
                sample.timestamp = timestamp()
                if chance(0.3) { sample.startTimestamp = timestamp() }
                series.samples.append(sprinkled(sample))
            }
            if chance(0.2) {
                var exemplar = Io_Prometheus_Write_V2_Exemplar()
                exemplar.labelsRefs = references(labelSet(series: false), &self)
                exemplar.value = double()
                exemplar.timestamp = timestamp()
                series.exemplars.append(sprinkled(exemplar))
            }
            if chance(0.15) { series.histograms.append(sprinkled(v2Histogram())) }
            if chance(0.3) { series.createdTimestamp = timestamp() }
            if chance(0.4) {
                var metadata = Io_Prometheus_Write_V2_Metadata()
                metadata.type = Io_Prometheus_Write_V2_Metadata.MetricType(rawValue: Int.random(in: 0...9, using: &random))!
                if chance(0.6) { metadata.helpRef = reference(pick(Self.values + Self.badValues), &self) }
                if chance(0.3) { metadata.unitRef = reference(Array("bytes".utf8), &self) }
                if hostile, chance(0.02) { metadata.unitRef = 999_999 }
                series.metadata = sprinkled(metadata)
            }
            request.timeseries.append(sprinkled(series))
        }
        request.symbols = symbols.map { Data($0) }
        var bytes: [UInt8]
        if chance(0.1) {
            // Symbols after (some of) the series: legal protobuf, rare in practice.
            var early = Io_Prometheus_Write_V2_Request()
            var late = Io_Prometheus_Write_V2_Request()
            let split = Int.random(in: 0...symbols.count, using: &random)
            early.symbols = Array(request.symbols[..<split])
            early.timeseries = request.timeseries
            late.symbols = Array(request.symbols[split...])
            bytes = ((try? early.serializedBytes()) ?? []) + ((try? late.serializedBytes()) ?? [])
        } else {
            bytes = (try? request.serializedBytes()) ?? []
        }
        if chance(0.1) { bytes = unknownFields() + bytes }
        if chance(0.1) { bytes += unknownFields() }
        return bytes
    }

    private mutating func v2Histogram() -> Io_Prometheus_Write_V2_Histogram {
        var histogram = Io_Prometheus_Write_V2_Histogram()
        switch Int.random(in: 0..<3, using: &random) {
        case 0: histogram.count = .countInt(random.next() >> 40)
        case 1: histogram.count = .countFloat(double())
        default: break
        }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: histogram.zeroCount = .zeroCountInt(random.next() >> 50)
        case 1: histogram.zeroCount = .zeroCountFloat(double())
        default: break
        }
        histogram.sum = double()
        histogram.schema = Int32.random(in: -53...8, using: &random)
        histogram.zeroThreshold = chance(0.5) ? 0 : double()
        histogram.negativeSpans = spans(Io_Prometheus_Write_V2_BucketSpan.self) { $0.offset = $1; $0.length = $2 }
        histogram.negativeDeltas = (0..<Int.random(in: 0...4, using: &random)).map { _ in Int64.random(in: -1000...1000, using: &random) }
        histogram.negativeCounts = (0..<Int.random(in: 0...3, using: &random)).map { _ in double() }
        histogram.positiveSpans = spans(Io_Prometheus_Write_V2_BucketSpan.self) { $0.offset = $1; $0.length = $2 }
        histogram.positiveDeltas = (0..<Int.random(in: 0...4, using: &random)).map { _ in Int64(bitPattern: random.next()) }
        histogram.positiveCounts = (0..<Int.random(in: 0...3, using: &random)).map { _ in double() }
        histogram.resetHint = Io_Prometheus_Write_V2_Histogram.ResetHint(rawValue: Int.random(in: 0...5, using: &random))!
        histogram.timestamp = timestamp()
        histogram.customValues = chance(0.2) ? [0.1, 0.5, 1, .infinity] : []
        if chance(0.4) { histogram.startTimestamp = timestamp() }
        return histogram
    }
}
