import TestSupport
import Foundation
import Snappy
import Testing

@Suite("Snappy decodes real Prometheus request bodies")
struct SnappyConformanceTests {
    @Test(
        "every capture decompresses to the size its expected.json states",
        .enabled(if: Captures.isAvailable, "../shared/conformance/remote-write is missing")
    )
    func capturesDecompress() throws {
        let names = try Captures.names()
        #expect(names.count >= 4)
        for name in names {
            let body = try Captures.body(name)
            let summary = try #require(try Captures.expected(name)["summary"] as? [String: Any])
            let expectedSize = try #require(summary["uncompressed_bytes"] as? Int)
            #expect(summary["compressed_bytes"] as? Int == body.count, "\(name)")
            #expect(try Snappy.uncompressedLength(of: body) == expectedSize, "\(name)")
            let output = try Snappy.decompress(body, maxDecompressedSize: 1 << 20)
            #expect(output.count == expectedSize, "\(name)")
            // Our own compressor's output of the same bytes decodes back to them.
            #expect(try Snappy.decompress(Snappy.compress(output)) == output, "\(name)")
        }
    }

    @Test(
        "a limit below the declared size is refused before decoding",
        .enabled(if: Captures.isAvailable, "../shared/conformance/remote-write is missing")
    )
    func limitBelowDeclared() throws {
        let body = try Captures.body("rw1-agent-mode-self-scrape")
        #expect(throws: SnappyError.tooLarge(declared: 30150, limit: 30149)) {
            try Snappy.decompress(body, maxDecompressedSize: 30149)
        }
        #expect(try Snappy.decompress(body, maxDecompressedSize: 30150).count == 30150)
    }
}
