import ArgumentParser
import Foundation

/// `burnrate silence add|ls|expire`: silences on a running server, as `amtool silence` does.
struct SilenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "silence",
        abstract: "Add, list and expire silences on a running Burnrate server.",
        discussion: "Exit codes: 0 success, 1 the server refused, 2 usage error, 4 server unreachable.",
        subcommands: [SilenceAddCommand.self, SilenceListCommand.self, SilenceExpireCommand.self]
    )
}

/// Options every silence command takes.
struct SilenceServerOptions: ParsableArguments {
    @Option(name: .long, help: "The server's URL.")
    var server: String = "http://127.0.0.1:9099"

    func validate() throws {
        try ServerClient.validate(server)
    }
}

/// `burnrate silence add MATCHER... --comment C [--author A] [--duration 1h] [--start T]`.
struct SilenceAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Silence the alerts matching every matcher (name=value, name!=value, name=~re, name!~re).")

    @OptionGroup var options: SilenceServerOptions

    @Argument(help: "Matchers, e.g. alertname=DiskFull 'instance=~db-.*'.")
    var matchers: [String]

    @Option(name: .long, help: "Why.")
    var comment: String

    @Option(name: .long, help: "Who (default: $USER).")
    var author: String = ProcessInfo.processInfo.environment["USER"] ?? "burnrate"

    @Option(name: .long, help: "How long, a Prometheus duration such as 2h.")
    var duration: String = "1h"

    func validate() throws {
        guard !matchers.isEmpty else { throw ValidationError("give at least one matcher") }
        guard Self.milliseconds(duration) != nil else { throw ValidationError("invalid --duration \"\(duration)\"") }
        for matcher in matchers where Self.split(matcher) == nil {
            throw ValidationError("invalid matcher \"\(matcher)\": expected name=value, name!=value, name=~regex or name!~regex")
        }
    }

    func run() async throws {
        let now = Date()
        let end = now.addingTimeInterval(Double(Self.milliseconds(duration) ?? 3_600_000) / 1000)
        let formatter = ISO8601DateFormatter()
        let body: [String: Any] = [
            "matchers": matchers.compactMap(Self.split).map { ["name": $0.name, "value": $0.value, "isRegex": $0.regex, "isEqual": $0.equal] },
            "startsAt": formatter.string(from: now), "endsAt": formatter.string(from: end),
            "createdBy": author, "comment": comment,
        ]
        let (status, data) = try await ServerClient(server: options.server).raw(
            "POST", "/api/v1/silences", json: try JSONSerialization.data(withJSONObject: body))
        let answer = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard status == 200, let id = answer?["silenceID"] as? String else {
            FileHandle.standardError.write(Data("error: \(answer?["error"] as? String ?? String(decoding: data, as: UTF8.self))\n".utf8))
            throw ExitCode(1)
        }
        print(id)
    }

    /// `name=value` and the other operators; nil when malformed.
    static func split(_ text: String) -> (name: String, value: String, regex: Bool, equal: Bool)? {
        for (op, regex, equal) in [("!~", true, false), ("=~", true, true), ("!=", false, false), ("=", false, true)] {
            guard let range = text.range(of: op) else { continue }
            let name = String(text[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
            var value = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
            return (name, value, regex, equal)
        }
        return nil
    }

    static func milliseconds(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000), ("w", 604_800_000)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            if let value = Int64(text.dropLast(unit.count)), value > 0 { return value * factor }
        }
        return nil
    }
}

/// `burnrate silence ls [--all] [--output text|json]`.
struct SilenceListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List silences (active and pending; --all for expired ones too).")

    @OptionGroup var options: SilenceServerOptions

    @Flag(name: .long, help: "Include expired silences.")
    var all = false

    @Option(name: .long, help: "Output format: text or json.")
    var output: OutputFormat = .text

    func run() async throws {
        let (status, data) = try await ServerClient(server: options.server).raw("GET", "/api/v1/silences")
        guard status == 200, let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            FileHandle.standardError.write(Data("error: \(String(decoding: data, as: UTF8.self))\n".utf8))
            throw ExitCode(1)
        }
        let shown = list.filter { all || ($0["status"] as? [String: Any])?["state"] as? String != "expired" }
        if output == .json {
            print(String(decoding: try JSONSerialization.data(withJSONObject: shown, options: [.sortedKeys]), as: UTF8.self))
            return
        }
        var rows = [["ID", "STATE", "MATCHERS", "ENDS", "CREATED BY", "COMMENT"]]
        for silence in shown {
            let matchers = (silence["matchers"] as? [[String: Any]] ?? []).map { matcher -> String in
                let regex = matcher["isRegex"] as? Bool ?? false
                let equal = matcher["isEqual"] as? Bool ?? true
                let op = regex ? (equal ? "=~" : "!~") : (equal ? "=" : "!=")
                return "\(matcher["name"] as? String ?? "")\(op)\"\(matcher["value"] as? String ?? "")\""
            }
            rows.append([
                silence["id"] as? String ?? "", (silence["status"] as? [String: Any])?["state"] as? String ?? "",
                matchers.joined(separator: " "), silence["endsAt"] as? String ?? "", silence["createdBy"] as? String ?? "",
                silence["comment"] as? String ?? "",
            ])
        }
        print(ReportFormat.table(rows))
    }
}

/// `burnrate silence expire ID...`.
struct SilenceExpireCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expire", abstract: "Expire silences now.")

    @OptionGroup var options: SilenceServerOptions

    @Argument(help: "Silence ids.")
    var ids: [String]

    func run() async throws {
        var failed = false
        for id in ids {
            let (status, data) = try await ServerClient(server: options.server).raw("DELETE", "/api/v1/silence/\(id)")
            if status != 200 {
                failed = true
                FileHandle.standardError.write(Data("\(id): \(String(decoding: data, as: UTF8.self))\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
