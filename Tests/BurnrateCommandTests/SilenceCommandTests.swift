import Foundation
import Testing

/// `burnrate silence add|ls|expire` against a running server.
@Suite(.serialized) struct SilenceCommandTests {
    @Test func addListAndExpire() async throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        let port = freePort()
        let server = try ServeProcess(["--db", "silence.sqlite", "--listen", "127.0.0.1:\(port)"], in: directory, port: port)
        try await server.waitUntilReady()
        let url = "http://127.0.0.1:\(port)"

        let add = try BurnrateBinary.run(["silence", "add", "--server", url, "alertname=DiskFull", "instance=~db-.*", "--comment", "disk swap", "--author", "ana", "--duration", "2h"])
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 36)

        let list = try BurnrateBinary.run(["silence", "ls", "--server", url])
        #expect(list.status == 0)
        #expect(list.stdout.contains(id))
        #expect(list.stdout.contains("alertname=\"DiskFull\" instance=~\"db-.*\""))
        #expect(list.stdout.contains("active"))

        #expect(try BurnrateBinary.run(["silence", "expire", "--server", url, id]).status == 0)
        #expect(!(try BurnrateBinary.run(["silence", "ls", "--server", url]).stdout.contains(id)))
        let all = try BurnrateBinary.run(["silence", "ls", "--server", url, "--all", "--output", "json"])
        #expect(all.stdout.contains(id) && all.stdout.contains("\"expired\""))

        #expect(try BurnrateBinary.run(["silence", "expire", "--server", url, "no-such-id"]).status == 1)
        #expect(try BurnrateBinary.run(["silence", "add", "--server", url, "not a matcher", "--comment", "x"]).status == 2)
        #expect(try BurnrateBinary.run(["silence", "add", "--server", url, "a=b"]).status == 2)

        server.signal(SIGTERM)
        #expect(try await server.waitForExit() == 0)
        #expect(try BurnrateBinary.run(["silence", "ls", "--server", url]).status == 4)
    }
}
