import RemoteWrite
import Testing

@Suite("Content-Type picks the protocol version as the 2.0 specification says")
struct RemoteWriteVersionTests {
    @Test("1.0 content types", arguments: [
        "application/x-protobuf",
        "application/x-protobuf;proto=prometheus.WriteRequest",
        "Application/X-Protobuf ; Proto=\"prometheus.WriteRequest\"",
        "application/x-protobuf; charset=utf-8",
        "application/x-protobuf;",
    ])
    func v1(contentType: String) throws {
        #expect(try RemoteWriteVersion(contentType: contentType) == .v1)
    }

    @Test("2.0 content types", arguments: [
        "application/x-protobuf;proto=io.prometheus.write.v2.Request",
        "application/x-protobuf; proto=io.prometheus.write.v2.Request",
        "APPLICATION/X-PROTOBUF;\tproto = \"io.prometheus.write.v2.Request\"",
    ])
    func v2(contentType: String) throws {
        #expect(try RemoteWriteVersion(contentType: contentType) == .v2)
    }

    @Test("a missing or empty header means 1.0, as Prometheus assumes")
    func missing() throws {
        #expect(try RemoteWriteVersion(contentType: nil) == .v1)
        #expect(try RemoteWriteVersion(contentType: "") == .v1)
        #expect(try RemoteWriteVersion(contentType: "  ") == .v1)
    }

    @Test("anything else is unsupported (415)", arguments: [
        "application/json",
        "application/x-protobuf;proto=io.prometheus.write.v3.Request",
        "application/x-protobuf;proto=io.prometheus.write.v2.request",
        "application/x-protobuf;proto",
        "application/x-protobuf-foo",
        "text/plain;proto=prometheus.WriteRequest",
        "application/openmetrics-text",
    ])
    func unsupported(contentType: String) {
        let error = #expect(throws: RemoteWriteError.self) { try RemoteWriteVersion(contentType: contentType) }
        #expect(error?.code == .unsupportedContentType)
        #expect(error?.httpStatus == 415)
        #expect(error?.message.contains(contentType) == true)
    }
}
