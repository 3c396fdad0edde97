import RemoteWrite
import Testing

/// Decodes with the hand-written wire decoder (through the public API) and with the
/// SwiftProtobuf reference path, and checks they agree exactly.
enum Differential {
    /// nil when both agree, else what differs.
    static func disagreement(_ protobuf: [UInt8], _ version: RemoteWriteVersion) -> String? {
        let fast = Result { () throws(RemoteWriteError) in try RemoteWriteDecoder().decode(protobuf: protobuf, version: version) }
        let reference = Result { () throws(RemoteWriteError) in try SwiftProtobufDecoding.batch(protobuf: protobuf, version: version) }
        switch (fast, reference) {
        case let (.success(got), .success(want)):
            return BatchFingerprint.firstDifference(got, want)
        case let (.failure(got), .failure(want)):
            guard got.code == want.code else { return "error \(got.code) (\(got)) instead of \(want.code) (\(want))" }
            // Label errors must match word for word; wire errors name the problem their own way.
            if got.code == .invalidLabels, got.message != want.message { return "message \"\(got)\" instead of \"\(want)\"" }
            return nil
        case let (.success, .failure(want)):
            return "decoded, but the reference throws \(want.code): \(want)"
        case let (.failure(got), .success):
            return "throws \(got.code) (\(got)), but the reference decodes"
        }
    }
}

@Suite("The wire decoder gives exactly what SwiftProtobuf plus conversion gives")
struct FastDecoderDifferentialTests {
    @Test("random valid requests", arguments: [RemoteWriteVersion.v1, .v2])
    func validRequests(version: RemoteWriteVersion) throws {
        var requests = RandomRequests(seed: version == .v1 ? 0xD1FF : 0xD2FF, hostile: false)
        var decoded = 0
        for iteration in 0..<400 {
            let body = version == .v1 ? requests.v1() : requests.v2()
            let problem = Differential.disagreement(body, version)
            #expect(problem == nil, "request \(iteration): \(problem ?? "")")
            if (try? RemoteWriteDecoder().decode(protobuf: body, version: version)) != nil { decoded += 1 }
        }
        // The generator makes valid requests: nearly all must decode.
        #expect(decoded >= 390)
    }

    @Test("random requests with invalid labels now and then", arguments: [RemoteWriteVersion.v1, .v2])
    func hostileRequests(version: RemoteWriteVersion) throws {
        var requests = RandomRequests(seed: version == .v1 ? 0xBAD1 : 0xBAD2, hostile: true)
        var failures = 0
        for iteration in 0..<400 {
            let body = version == .v1 ? requests.v1() : requests.v2()
            let problem = Differential.disagreement(body, version)
            #expect(problem == nil, "request \(iteration): \(problem ?? "")")
            if (try? RemoteWriteDecoder().decode(protobuf: body, version: version)) == nil { failures += 1 }
        }
        // Both outcomes must be well represented.
        #expect(failures > 40)
        #expect(failures < 360)
    }

    @Test("a 1.0 body decoded as 2.0 and the other way round")
    func crossedVersions() {
        var requests = RandomRequests(seed: 0xC055, hostile: false)
        for iteration in 0..<100 {
            let v1 = requests.v1()
            let v2 = requests.v2()
            let problems = [Differential.disagreement(v1, .v2), Differential.disagreement(v2, .v1)]
            #expect(problems.allSatisfy { $0 == nil }, "request \(iteration): \(problems)")
        }
    }
}
