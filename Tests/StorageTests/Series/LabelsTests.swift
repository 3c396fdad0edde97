import Testing
@testable import Storage

@Suite struct LabelsTests {
    @Test func sortsByNameInByteOrderAndDropsEmptyValues() {
        let labels = Labels([
            Label(name: "job", value: "api"), Label(name: "__name__", value: "up"), Label(name: "Zone", value: "b"),
            Label(name: "empty", value: ""),
        ])
        #expect(labels.map(\.name) == ["Zone", "__name__", "job"])
        #expect(labels["empty"] == nil)
        #expect(labels.metricName == "up")
        #expect(labels.description == #"{Zone="b", __name__="up", job="api"}"#)
    }

    @Test func laterDuplicateNameWins() {
        let labels = Labels([Label(name: "a", value: "1"), Label(name: "b", value: "2"), Label(name: "a", value: "3")])
        #expect(labels == ["a": "3", "b": "2"])
    }

    @Test func equalWhateverTheOrder() {
        let one: Labels = ["__name__": "up", "job": "api", "instance": "x"]
        let two = Labels([Label(name: "instance", value: "x"), Label(name: "job", value: "api"), Label(name: "__name__", value: "up")])
        #expect(one == two)
        #expect(one.hashValue == two.hashValue)
        #expect(one.fingerprint == two.fingerprint)
    }

    @Test func fingerprintIsStableAcrossReleases() {
        // FNV-1a 64 of "__name__\u{ff}up\u{ff}job\u{ff}api\u{ff}": a persistent value, never to change.
        let labels: Labels = ["__name__": "up", "job": "api"]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array("__name__".utf8) + [0xff] + Array("up".utf8) + [0xff] + Array("job".utf8) + [0xff] + Array("api".utf8) + [0xff] {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        #expect(labels.fingerprint == hash)
        #expect(labels.fingerprint != Labels(["__name__": "upj", "ob": "api"]).fingerprint)
    }

    @Test func encodingRoundTrips() throws {
        let labels: Labels = ["__name__": "http_requests_total", "path": "/api/ü\n\"x\"", "code": "200"]
        #expect(try Labels(encoded: labels.encoded()) == labels)
        #expect(try Labels(encoded: Labels().encoded()) == Labels())
    }

    @Test func corruptEncodingIsACleanError() {
        let labels: Labels = ["b": "2", "a": "1"]
        var bytes = labels.encoded()
        bytes.removeLast()
        #expect(throws: StorageError.self) { try Labels(encoded: bytes) }
        // Unsorted names are not canonical.
        let unsorted: [UInt8] = [2, 1, 0x62, 1, 0x32, 1, 0x61, 1, 0x31]
        #expect(throws: StorageError.self) { try Labels(encoded: unsorted) }
    }

    @Test func settingAndRemoving() {
        let labels: Labels = ["__name__": "up", "job": "api"]
        #expect(labels.setting("job", to: "web") == ["__name__": "up", "job": "web"])
        #expect(labels.setting("job", to: "") == ["__name__": "up"])
        #expect(labels.removing("__name__") == ["job": "api"])
    }

    @Test func comparesLikePrometheus() {
        let a: Labels = ["__name__": "a", "x": "1"]
        let b: Labels = ["__name__": "a", "x": "2"]
        let c: Labels = ["__name__": "a"]
        #expect([b, a, c].sorted() == [c, a, b])
    }

    @Test func quotesControlCharacters() {
        #expect(Label(name: "a", value: "x\"y\\z\n\u{1}").description == #"a="x\"y\\z\n\x01""#)
    }
}
