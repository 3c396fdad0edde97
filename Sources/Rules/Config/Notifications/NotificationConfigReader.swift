/// Reads the notification sections of `burnrate.yml` (Alertmanager's syntax) into a
/// `NotificationConfig`, reporting every problem at its position: unknown fields with a
/// did-you-mean, invalid matchers and durations, undefined receivers and time intervals.
struct NotificationConfigReader {
    /// Integrations of Alertmanager receivers that Burnrate does not deliver to.
    static let unsupportedIntegrations = [
        "email_configs", "pagerduty_configs", "slack_configs", "opsgenie_configs", "wechat_configs", "pushover_configs",
        "victorops_configs", "sns_configs", "telegram_configs", "webex_configs", "discord_configs", "msteams_configs",
    ]

    var diagnostics: Diagnostics
    /// Receiver names defined so far.
    var receiverNames: Set<String> = []
    /// Time interval names defined so far.
    var intervalNames: Set<String> = []

    /// Reads `route`, `receivers`, `inhibit_rules`, `time_intervals`, `mute_time_intervals` and
    /// `templates` from the top-level mapping.
    static func read(_ reader: inout MappingReader, diagnostics: inout Diagnostics) -> NotificationConfig {
        var state = NotificationConfigReader(diagnostics: diagnostics)
        var config = NotificationConfig()
        // Definitions first, so that references from routes can be checked where they are written.
        if let items = reader.sequence("receivers", diagnostics: &state.diagnostics) {
            config.receivers = items.compactMap { state.receiver($0) }
        }
        for key in ["time_intervals", "mute_time_intervals"] {
            if let items = reader.sequence(key, diagnostics: &state.diagnostics) {
                config.timeIntervals += items.compactMap { state.timeIntervalConfig($0, section: key) }
            }
        }
        if let items = reader.sequence("inhibit_rules", diagnostics: &state.diagnostics) {
            config.inhibitRules = items.compactMap { state.inhibitRule($0) }
        }
        if let node = reader.value("templates") {
            state.diagnostics.warning(node.location, "templates: Burnrate sends webhook payloads only, which are not templated; ignored")
        }
        if let node = reader.value("route") {
            config.route = state.route(node, isRoot: true)
        } else if let node = reader.node["receivers"] ?? reader.node["inhibit_rules"] {
            state.diagnostics.error(node.location, "configuration: missing \"route\": notifications need a root route with a default receiver")
        }
        diagnostics = state.diagnostics
        return config
    }

    // MARK: - Inhibition rules

    mutating func inhibitRule(_ node: YAMLNode) -> InhibitRuleConfig? {
        guard var reader = MappingReader(node, what: "inhibit rule", diagnostics: &diagnostics) else { return nil }
        let source = matchers(&reader, new: "source_matchers", equal: "source_match", regex: "source_match_re")
        let target = matchers(&reader, new: "target_matchers", equal: "target_match", regex: "target_match_re")
        let equal = labelNames(&reader, "equal")
        reader.finish(diagnostics: &diagnostics)
        return InhibitRuleConfig(sourceMatchers: source, targetMatchers: target, equal: equal)
    }

    // MARK: - Shared fields

    /// Matchers from the new-style list and the legacy `match`/`match_re` maps, in
    /// Alertmanager's sorted order.
    mutating func matchers(_ reader: inout MappingReader, new: String, equal: String, regex: String) -> [AlertMatcher] {
        var result: [AlertMatcher] = []
        for entry in reader.stringMap(equal, diagnostics: &diagnostics) {
            if !Names.isValidLabelName(entry.key) {
                diagnostics.error(keyLocation(reader, equal, entry.key) ?? entry.location, "\(reader.what): invalid label name \"\(entry.key)\" in \(equal)")
                continue
            }
            result.append(.equal(entry.key, entry.value))
        }
        for entry in reader.stringMap(regex, diagnostics: &diagnostics) {
            if !Names.isValidLabelName(entry.key) {
                diagnostics.error(keyLocation(reader, regex, entry.key) ?? entry.location, "\(reader.what): invalid label name \"\(entry.key)\" in \(regex)")
                continue
            }
            do {
                result.append(try AlertMatcher(name: entry.key, op: .regexMatch, value: entry.value))
            } catch {
                diagnostics.error(entry.location, "\(reader.what): invalid regular expression in \(regex).\(entry.key): \(error.message)")
            }
        }
        if let items = reader.sequence(new, diagnostics: &diagnostics) {
            for item in items {
                guard let text = item.scalar else {
                    diagnostics.error(item.location, "\(reader.what): each entry of \(new) must be a string such as 'severity=\"critical\"', got \(item.typeDescription)")
                    continue
                }
                do {
                    result += try AlertMatcher.parseList(text)
                } catch {
                    diagnostics.error(item.location, "\(reader.what): invalid matcher \"\(text)\" in \(new): \(error.message)")
                }
            }
        }
        return result.sorted(by: AlertMatcher.precedes)
    }

    /// Where `name` is written as a key of the mapping `field`.
    func keyLocation(_ reader: MappingReader, _ field: String, _ name: String) -> SourceLocation? {
        reader.node[field]?.pairs?.first { $0.key.scalar == name }?.key.location
    }

    /// A list of label names.
    mutating func labelNames(_ reader: inout MappingReader, _ key: String) -> [String] {
        guard let items = reader.sequence(key, diagnostics: &diagnostics) else { return [] }
        var result: [String] = []
        for item in items {
            guard let name = item.scalar, Names.isValidLabelName(name) else {
                diagnostics.error(item.location, "\(reader.what): invalid label name \(item.scalar.map { "\"\($0)\"" } ?? item.typeDescription) in \(key)")
                continue
            }
            result.append(name)
        }
        return result
    }

    /// A list of strings.
    mutating func strings(_ reader: inout MappingReader, _ key: String) -> [(String, YAMLNode)] {
        guard let items = reader.sequence(key, diagnostics: &diagnostics) else { return [] }
        var result: [(String, YAMLNode)] = []
        for item in items {
            guard let text = item.scalar else {
                diagnostics.error(item.location, "\(reader.what): each entry of \(key) must be a string, got \(item.typeDescription)")
                continue
            }
            result.append((text, item))
        }
        return result
    }

    /// A duration (zero allowed unless `positive`).
    mutating func duration(_ reader: inout MappingReader, _ key: String, positive: Bool) -> Duration? {
        guard let node = reader.value(key) else { return nil }
        guard let text = node.scalar, let value = PromQLBridge.duration(text) else {
            diagnostics.error(node.location, "\(reader.what): invalid duration for \"\(key)\": \"\(node.scalar ?? node.typeDescription)\" (use e.g. 30s, 5m, 4h)")
            return nil
        }
        if positive, value == .zero {
            diagnostics.error(node.location, "\(reader.what): \(key) cannot be zero")
            return nil
        }
        return value
    }
}
