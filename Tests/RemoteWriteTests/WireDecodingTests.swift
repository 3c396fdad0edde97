import RemoteWrite
import Testing

@Suite("Malformed protobuf is refused with a message that says what and where")
struct WireDecodingTests {
    private let decoder = RemoteWriteDecoder()

    private func failure(_ body: [UInt8], _ version: RemoteWriteVersion = .v1, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        #expect(Differential.disagreement(body, version) == nil, sourceLocation: sourceLocation)
        let error = #expect(throws: RemoteWriteError.self, sourceLocation: sourceLocation) {
            try decoder.decode(protobuf: body, version: version)
        }
        #expect(error?.code == .notProtobuf, sourceLocation: sourceLocation)
        return error?.message
    }

    /// A valid 1.0 series entry: `__name__="up"`, one sample.
    private var series: [UInt8] {
        var entry = ProtobufWriter()
        entry.message(1) {
            $0.string(1, "__name__")
            $0.string(2, "up")
        }
        entry.message(2) {
            $0.double(1, 1)
            $0.int64(2, 1000)
        }
        return entry.bytes
    }

    @Test func truncatedVarint() {
        #expect(failure([0x08, 0x80]) == "body is not a valid prometheus.WriteRequest message: truncated varint at byte 1")
    }

    @Test func lengthPastTheEnd() {
        #expect(failure([0x0A, 0x05, 0x01]) == """
            body is not a valid prometheus.WriteRequest message: length 5 runs past the end of the enclosing message \
            (1 bytes left) at byte 1
            """)
    }

    @Test("a nested length running past its parent, though not past the body")
    func nestedLengthOverflow() {
        // The series claims 4 bytes; its label claims 20, which the body has but the series does not.
        let body: [UInt8] = [0x0A, 0x04, 0x0A, 0x14, 0x0A, 0x00] + [UInt8](repeating: 0, count: 24)
        #expect(failure(body)?.contains("length 20 runs past the end of the enclosing message (2 bytes left) at byte 3") == true)
    }

    @Test func invalidWireTypeAndFieldZero() {
        #expect(failure([0x0F])?.contains("invalid wire type 7 at byte 0") == true)
        #expect(failure([0x02, 0x00])?.contains("field number 0 at byte 0") == true)
        #expect(failure([0x0C])?.contains("end-group key outside a group") == true)
        #expect(failure([0x2B, 0x2C, 0x2C], .v2) != nil)
    }

    @Test func overlongVarint() {
        #expect(failure([0x10] + [UInt8](repeating: 0xFF, count: 10) + [0x01])?.contains("varint longer than 10 bytes") == true)
    }

    @Test("a known field with another wire type is skipped, as protobuf treats it as unknown")
    func knownFieldWithAnotherWireType() throws {
        var body = ProtobufWriter()
        body.uint(1, 7)  // timeseries as a varint
        body.message(1) { entry in series.forEach { entry.rawByte($0) } }
        let batch = try decoder.decode(protobuf: body.bytes, version: .v1)
        #expect(batch.series.count == 1)
        #expect(Differential.disagreement(body.bytes, .v1) == nil)
    }

    @Test("2.0 symbols may follow the series that reference them")
    func lateSymbols() throws {
        var body = ProtobufWriter()
        body.message(5) {
            $0.packed(1, [1, 2])
            $0.message(2) {
                $0.double(1, 2)
                $0.int64(2, 5)
            }
        }
        for symbol in ["", "__name__", "up"] { body.string(4, symbol) }
        let batch = try decoder.decode(protobuf: body.bytes, version: .v2)
        #expect(batch.series.first?.labels == [WriteBatch.Label(name: "__name__", value: "up")])
        #expect(Differential.disagreement(body.bytes, .v2) == nil)
    }

    @Test("a wire error after an invalid label set wins, as when the whole message is parsed first")
    func wireErrorWinsOverLabelError() {
        var body = ProtobufWriter()
        body.message(1) { $0.message(1) { $0.string(1, "bad-name") } }
        body.rawByte(0x0A)
        body.rawByte(0x09)  // a series entry longer than what is left
        #expect(failure(body.bytes)?.contains("runs past the end") == true)
    }
}
