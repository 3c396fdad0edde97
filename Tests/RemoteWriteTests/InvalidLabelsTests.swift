import RemoteWrite
import Testing

@Suite("Invalid label sets are refused with a message that says what and where")
struct InvalidLabelsTests {
    private let decoder = RemoteWriteDecoder()
    private typealias Label = RequestBodies.RawLabel

    private let good = RequestBodies.V1Series(labels: [Label("__name__", "up"), Label("job", "node")])

    /// Decodes a v1 body whose second series (index 1) has `labels`; returns the message.
    private func v1Message(_ labels: [Label], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let body = RequestBodies.v1([good, RequestBodies.V1Series(labels: labels)])
        let error = #expect(throws: RemoteWriteError.self, sourceLocation: sourceLocation) {
            try decoder.decodeV1(compressed: body)
        }
        #expect(error?.code == .invalidLabels, sourceLocation: sourceLocation)
        return error?.message
    }

    private func v2Message(symbols: [[UInt8]], refs: [UInt64], exemplarRefs: [[UInt64]] = [], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let body = RequestBodies.v2(symbols: symbols, series: [.init(refs: refs, exemplarRefs: exemplarRefs)])
        let error = #expect(throws: RemoteWriteError.self, sourceLocation: sourceLocation) {
            try decoder.decodeV2(compressed: body)
        }
        #expect(error?.code == .invalidLabels, sourceLocation: sourceLocation)
        return error?.message
    }

    @Test func emptyLabelName() {
        #expect(v1Message([Label("__name__", "up"), Label("", "x")]) == "series 1: label 1 has an empty name")
    }

    @Test func duplicateLabelName() {
        #expect(v1Message([Label("__name__", "up"), Label("job", "a"), Label("job", "b")]) == "series 1: duplicate label name \"job\"")
        // Also when the duplicates are not adjacent on the wire.
        #expect(v1Message([Label("job", "a"), Label("__name__", "up"), Label("job", "b")]) == "series 1: duplicate label name \"job\"")
    }

    @Test func invalidUTF8InName() {
        let message = v1Message([Label("__name__", "up"), Label(name: [0x6A, 0xFF], value: Array("x".utf8))])
        #expect(message == "series 1: label 1 name is not valid UTF-8")
    }

    @Test func invalidUTF8InValue() {
        let message = v1Message([Label("__name__", "up"), Label(name: Array("job".utf8), value: [0xC3, 0x28])])
        #expect(message == "series 1: value of label \"job\" is not valid UTF-8")
    }

    @Test("label names must match [a-zA-Z_][a-zA-Z0-9_]*", arguments: ["1abc", "a-b", "a.b", "é", "a b", "job:x"])
    func malformedName(name: String) {
        let message = v1Message([Label("__name__", "up"), Label(name, "x")])
        #expect(message == "series 1: label name \(name.debugDescription) does not match [a-zA-Z_][a-zA-Z0-9_]*")
    }

    @Test func missingMetricName() {
        #expect(v1Message([Label("job", "a")]) == "series 1: missing __name__ label")
        #expect(v1Message([]) == "series 1: missing __name__ label")
    }

    @Test func emptyMetricName() {
        #expect(v1Message([Label("__name__", ""), Label("job", "a")]) == "series 1: empty __name__ label")
    }

    @Test func invalidExemplarLabels() {
        var series = good
        series.exemplarLabels = [[Label("trace_id", "a")], [Label("trace-id", "b")]]
        let error = #expect(throws: RemoteWriteError.self) { try decoder.decodeV1(compressed: RequestBodies.v1([series])) }
        #expect(error?.message == "series 0 exemplar 1: label name \"trace-id\" does not match [a-zA-Z_][a-zA-Z0-9_]*")
    }

    @Test("2.0: a symbol reference out of range")
    func v2ReferenceOutOfRange() {
        let symbols = ["", "__name__", "up"].map { Array($0.utf8) }
        #expect(v2Message(symbols: symbols, refs: [1, 2, 7, 2]) == "series 0: label name symbol reference 7 out of range (3 symbols)")
        #expect(v2Message(symbols: symbols, refs: [1, 9]) == "series 0: label value symbol reference 9 out of range (3 symbols)")
        #expect(v2Message(symbols: symbols, refs: [1, 2], exemplarRefs: [[1, 3]])
            == "series 0 exemplar 0: label value symbol reference 3 out of range (3 symbols)")
    }

    @Test("2.0: an odd number of label references")
    func v2OddReferences() {
        let symbols = ["", "__name__", "up"].map { Array($0.utf8) }
        #expect(v2Message(symbols: symbols, refs: [1, 2, 1]) == "series 0: labels_refs has an odd number of entries (3)")
    }

    @Test("2.0: invalid UTF-8 in a referenced symbol, malformed names, duplicates")
    func v2Symbols() {
        let symbols: [[UInt8]] = [[], Array("__name__".utf8), Array("up".utf8), [0xFF], Array("1x".utf8), Array("job".utf8)]
        #expect(v2Message(symbols: symbols, refs: [1, 3]) == "series 0: label value symbol 3 is not valid UTF-8")
        #expect(v2Message(symbols: symbols, refs: [1, 2, 4, 2]) == "series 0: label name \"1x\" does not match [a-zA-Z_][a-zA-Z0-9_]*")
        #expect(v2Message(symbols: symbols, refs: [1, 2, 5, 2, 5, 1]) == "series 0: duplicate label name \"job\"")
        #expect(v2Message(symbols: symbols, refs: [0, 2]) == "series 0: label 0 has an empty name")
        #expect(v2Message(symbols: symbols, refs: [5, 2]) == "series 0: missing __name__ label")
        // An invalid symbol nobody references is harmless.
        let body = RequestBodies.v2(symbols: symbols, series: [.init(refs: [1, 2])])
        #expect((try? decoder.decodeV2(compressed: body))?.series.count == 1)
    }
}
