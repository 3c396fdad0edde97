import Logging
import Server
import Synchronization
import Testing

/// The log handler of `burnrate serve`: metadata is formatted into the lines written, not each
/// time a logger is given some (Hummingbird gives every request's logger a request id).
@Suite struct DeferredMetadataLogHandlerTests {
    /// Collects what the wrapped `StreamLogHandler` writes.
    final class Lines: TextOutputStream, Sendable {
        private let text = Mutex("")
        func write(_ string: String) { text.withLock { $0 += string } }
        var value: String { text.withLock { $0 } }
    }

    /// A metadata value that counts how often it is turned into text.
    final class CountedValue: CustomStringConvertible, Sendable {
        let formatted = Atomic(0)
        var description: String {
            formatted.add(1, ordering: .relaxed)
            return "0001"
        }
    }

    static func logger(_ lines: Lines) -> Logger {
        Logger(label: "test") { label in
            DeferredMetadataLogHandler(StreamLogHandler(label: label, stream: lines, metadataProvider: nil))
        }
    }

    @Test func metadataIsFormattedOnlyWhenALineIsWritten() {
        let lines = Lines()
        let id = CountedValue()
        var logger = Self.logger(lines)
        logger[metadataKey: "hb.request.id"] = .stringConvertible(id)
        var copy = logger
        copy[metadataKey: "other"] = "x"
        #expect(id.formatted.load(ordering: .relaxed) == 0, "setting metadata formats nothing")
        logger.debug("below the level")
        #expect(id.formatted.load(ordering: .relaxed) == 0, "a message below the level formats nothing")
        copy.info("handled")
        #expect(id.formatted.load(ordering: .relaxed) == 1)
        #expect(lines.value.contains("info test: hb.request.id=0001 other=x [ServerTests] handled\n"), "\(lines.value)")
    }

    @Test func theLineIsTheOneStreamLogHandlerWrites() {
        let deferred = Lines()
        let plain = Lines()
        var loggers = [Self.logger(deferred), Logger(label: "test") { StreamLogHandler(label: $0, stream: plain, metadataProvider: nil) }]
        for index in loggers.indices {
            loggers[index][metadataKey: "b"] = "logger"
            loggers[index][metadataKey: "a"] = "logger"
            loggers[index].logLevel = .debug
            loggers[index].debug("message", metadata: ["a": "message", "c": "3"])
            loggers[index].notice("bare")
        }
        // Both lines start with a timestamp of the second they were written.
        func withoutTimestamps(_ text: String) -> [Substring] {
            text.split(separator: "\n").map { $0.drop { $0 != " " } }
        }
        #expect(withoutTimestamps(deferred.value) == withoutTimestamps(plain.value))
        #expect(withoutTimestamps(deferred.value).first == " debug test: a=message b=logger c=3 [ServerTests] message")
    }
}
