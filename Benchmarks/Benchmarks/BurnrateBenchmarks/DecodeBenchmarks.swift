import Benchmark
import RemoteWrite
import RemoteWriteWorkload
import Snappy

/// The bodies of the decode benchmarks: one body of each shape and version.
struct DecodeFixture: Sendable {
    let body: RemoteWriteBody
    let message: [UInt8]
    let shape: WorkloadShape

    init(shape: WorkloadShape, version: WireVersion) {
        let workload = Workload(seriesCount: 10_000, shape: shape, bodiesPerStream: 1, seed: 42)
        self.body = workload.bodies(version: version)[0][0]
        self.message = workload.message(version: version)
        self.shape = shape
    }
}

func registerDecodeBenchmarks() {
    let shapes: [WorkloadShape] = [.entries10k, .series500x20]
    for version in WireVersion.allCases {
        for shape in shapes {
            let fixture = DecodeFixture(shape: shape, version: version)
            let decoder = RemoteWriteDecoder()
            let contentType = version.contentType
            let protocolVersion: RemoteWriteVersion = version == .v1 ? .v1 : .v2
            // Each iteration is one body; throughput is bodies/s, multiply by the samples per body.
            Benchmark("RemoteWrite decode \(version.rawValue) \(shape) snappy and protobuf") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try decoder.decode(body: fixture.body.bytes, contentType: contentType))
                }
            }
            Benchmark("RemoteWrite decode \(version.rawValue) \(shape) protobuf only") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try decoder.decode(protobuf: fixture.message, version: protocolVersion))
                }
            }
            if shape == .entries10k {
                Benchmark("Snappy decompress \(version.rawValue) \(shape) body") { benchmark in
                    for _ in benchmark.scaledIterations {
                        blackHole(try Snappy.decompress(fixture.body.bytes))
                    }
                }
            }
        }
    }
}
