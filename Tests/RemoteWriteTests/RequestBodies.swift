import Snappy

/// Hand-built remote-write bodies (protobuf, then snappy) for the decoding tests.
enum RequestBodies {
    static let v1ContentType = "application/x-protobuf"
    static let v2ContentType = "application/x-protobuf;proto=io.prometheus.write.v2.Request"

    /// A label pair given as raw bytes, so tests can send invalid UTF-8.
    struct RawLabel {
        var name: [UInt8]
        var value: [UInt8]

        init(_ name: String, _ value: String) {
            self.name = Array(name.utf8)
            self.value = Array(value.utf8)
        }

        init(name: [UInt8], value: [UInt8]) {
            self.name = name
            self.value = value
        }
    }

    struct V1Series {
        var labels: [RawLabel]
        var samples: [(timestamp: Int64, bits: UInt64)] = [(1000, 0x3FF0_0000_0000_0000)]
        var exemplarLabels: [[RawLabel]] = []
    }

    struct V1Metadata {
        var type: UInt64
        var family: String
        var help: String
        var unit: String
    }

    static func v1(_ series: [V1Series], metadata: [V1Metadata] = []) -> [UInt8] {
        var request = ProtobufWriter()
        for entry in series {
            request.message(1) { timeSeries in
                for label in entry.labels {
                    timeSeries.message(1) {
                        $0.bytes(1, label.name)
                        $0.bytes(2, label.value)
                    }
                }
                for sample in entry.samples {
                    timeSeries.message(2) {
                        $0.doubleBits(1, sample.bits)
                        $0.int64(2, sample.timestamp)
                    }
                }
                for labels in entry.exemplarLabels {
                    timeSeries.message(3) { exemplar in
                        for label in labels {
                            exemplar.message(1) {
                                $0.bytes(1, label.name)
                                $0.bytes(2, label.value)
                            }
                        }
                        exemplar.double(2, 0.25)
                        exemplar.int64(3, 999)
                    }
                }
            }
        }
        for entry in metadata {
            request.message(3) {
                $0.uint(1, entry.type)
                $0.string(2, entry.family)
                $0.string(4, entry.help)
                $0.string(5, entry.unit)
            }
        }
        return Snappy.compress(request.bytes)
    }

    /// A v1 body whose single series has these labels.
    static func v1(labels: [RawLabel]) -> [UInt8] {
        v1([V1Series(labels: labels)])
    }

    struct V2Series {
        var refs: [UInt64]
        var samples: [(timestamp: Int64, value: Double, start: Int64)] = [(1000, 1, 0)]
        var createdTimestamp: Int64 = 0
        var exemplarRefs: [[UInt64]] = []
        var metadata: (type: UInt64, help: UInt64, unit: UInt64)? = nil
    }

    static func v2(symbols: [[UInt8]], series: [V2Series]) -> [UInt8] {
        var request = ProtobufWriter()
        for symbol in symbols { request.bytes(4, symbol) }
        for entry in series {
            request.message(5) { timeSeries in
                timeSeries.packed(1, entry.refs)
                for sample in entry.samples {
                    timeSeries.message(2) {
                        $0.double(1, sample.value)
                        $0.int64(2, sample.timestamp)
                        if sample.start != 0 { $0.int64(3, sample.start) }
                    }
                }
                for refs in entry.exemplarRefs {
                    timeSeries.message(4) {
                        $0.packed(1, refs)
                        $0.double(2, 0.5)
                        $0.int64(3, 1234)
                    }
                }
                if let metadata = entry.metadata {
                    timeSeries.message(5) {
                        $0.uint(1, metadata.type)
                        $0.uint(3, metadata.help)
                        $0.uint(4, metadata.unit)
                    }
                }
                if entry.createdTimestamp != 0 { timeSeries.int64(6, entry.createdTimestamp) }
            }
        }
        return Snappy.compress(request.bytes)
    }

    static func v2(symbols: [String], series: [V2Series]) -> [UInt8] {
        v2(symbols: symbols.map { Array($0.utf8) }, series: series)
    }
}
