import RemoteWrite
import Snappy
import Testing

@Suite("Each error code, with its HTTP status")
struct RemoteWriteErrorTests {
    private let decoder = RemoteWriteDecoder()

    private func error(
        _ body: [UInt8],
        contentType: String? = RequestBodies.v1ContentType,
        limit: Int = 1 << 20
    ) -> RemoteWriteError? {
        #expect(throws: RemoteWriteError.self) {
            try decoder.decode(body: body, contentType: contentType, maxDecompressedSize: limit)
        }
    }

    @Test func notSnappy() {
        let failure = error([0xFF, 0xFF, 0xFF])
        #expect(failure?.code == .notSnappy)
        #expect(failure?.httpStatus == 400)
        #expect(failure?.message.contains("snappy") == true)
        #expect(error([])?.code == .notSnappy)
        // A framed-format stream (what a wrong client might send) is not a block.
        #expect(error([0xFF, 0x06, 0x00, 0x00] + Array("sNaPpY".utf8))?.code == .notSnappy)
    }

    @Test func notProtobuf() {
        // Valid snappy, but a truncated length-delimited field inside.
        let body = Snappy.compress([0x0A, 0x10, 0x01])
        let failure = error(body)
        #expect(failure?.code == .notProtobuf)
        #expect(failure?.httpStatus == 400)
        #expect(failure?.message.contains("prometheus.WriteRequest") == true)
        let v2 = error(body, contentType: RequestBodies.v2ContentType)
        #expect(v2?.message.contains("io.prometheus.write.v2.Request") == true)
        // An invalid wire type.
        #expect(error(Snappy.compress([0x0F]))?.code == .notProtobuf)
    }

    @Test func tooLarge() {
        let body = RequestBodies.v1(labels: [.init("__name__", String(repeating: "x", count: 500))])
        let failure = error(body, limit: 100)
        #expect(failure?.code == .tooLarge)
        #expect(failure?.httpStatus == 413)
        #expect(failure?.message.contains("limit of 100") == true)
    }

    @Test func unsupportedContentType() {
        let body = RequestBodies.v1(labels: [.init("__name__", "up")])
        let failure = error(body, contentType: "application/json")
        #expect(failure?.code == .unsupportedContentType)
        #expect(failure?.httpStatus == 415)
    }

    @Test func invalidLabels() {
        let failure = error(RequestBodies.v1(labels: [.init("job", "a")]))
        #expect(failure?.code == .invalidLabels)
        #expect(failure?.httpStatus == 400)
        #expect(failure?.description == "series 0: missing __name__ label")
    }

    @Test("codes are distinct and name themselves")
    func codes() {
        let codes: [RemoteWriteError.Code] = [.notSnappy, .notProtobuf, .invalidLabels, .tooLarge, .unsupportedContentType]
        #expect(Set(codes).count == 5)
        #expect(codes.map(\.description) == ["notSnappy", "notProtobuf", "invalidLabels", "tooLarge", "unsupportedContentType"])
    }
}
