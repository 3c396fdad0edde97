internal import Foundation

/// Reads and validates `burnrate.yml`, reporting problems with positions.
public enum ConfigLoader {
    /// Loads the configuration file at `path`.
    public static func load(path: String) -> (config: BurnrateConfig, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (.default, [Diagnostic(SourceLocation(file: path, line: 1, column: 1), "cannot read configuration file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (.default, [Diagnostic(SourceLocation(file: path, line: 1, column: 1), "configuration file is not valid UTF-8")])
        }
        var (config, diagnostics) = parse(text, file: path)
        let base = (path as NSString).deletingLastPathComponent
        config.ruleFiles = config.ruleFiles.map { $0.hasPrefix("/") || base.isEmpty ? $0 : base + "/" + $0 }
        config.notifications = config.notifications.resolvingFiles(relativeTo: base)
        return (config, diagnostics)
    }

    /// Parses configuration text; `file` is used in positions.
    public static func parse(_ text: String, file: String) -> (config: BurnrateConfig, diagnostics: [Diagnostic]) {
        var diagnostics = Diagnostics()
        let (documents, problems) = YAMLReader.documents(in: text, file: file)
        diagnostics.append(contentsOf: problems)
        var config = BurnrateConfig()
        if documents.count > 1 {
            diagnostics.error(SourceLocation(file: file, line: 1, column: 1), "configuration must be a single YAML document, found \(documents.count)")
        }
        guard let root = documents.first?.root, !root.isNull,
              var reader = MappingReader(root, what: "configuration", diagnostics: &diagnostics)
        else {
            return (config, diagnostics.sorted)
        }
        if var global = reader.mapping("global", what: "global", diagnostics: &diagnostics) {
            if let interval = duration(&global, "evaluation_interval", diagnostics: &diagnostics) {
                config.evaluationInterval = interval
            }
            if let node = global.value("rule_query_offset") {
                if let text = node.scalar, let offset = PromQLBridge.duration(text), offset >= .zero {
                    config.ruleQueryOffset = offset
                } else {
                    diagnostics.error(node.location, "global: invalid duration for \"rule_query_offset\": \"\(node.scalar ?? node.typeDescription)\"")
                }
            }
            for label in global.stringMap("external_labels", diagnostics: &diagnostics) {
                if !Names.isValidLabelName(label.key) {
                    diagnostics.error(label.location, "global: invalid external label name \"\(label.key)\"")
                }
                config.externalLabels[label.key] = label.value
            }
            config.externalURL = global.string("external_url", diagnostics: &diagnostics)
            // Prometheus keys with no meaning for a receiver of remote-write.
            global.ignore("scrape_interval", "scrape_timeout", "query_log_file", "resolve_timeout")
            // Alertmanager's global settings of integrations Burnrate does not deliver to.
            global.ignore(
                "http_config", "smtp_from", "smtp_smarthost", "smtp_hello", "smtp_auth_username", "smtp_auth_password",
                "smtp_auth_password_file", "smtp_auth_identity", "smtp_auth_secret", "smtp_require_tls", "slack_api_url",
                "slack_api_url_file", "victorops_api_key", "victorops_api_key_file", "victorops_api_url", "pagerduty_url",
                "opsgenie_api_key", "opsgenie_api_key_file", "opsgenie_api_url", "wechat_api_url", "wechat_api_secret",
                "wechat_api_corp_id", "telegram_api_url", "webex_api_url")
            global.finish(diagnostics: &diagnostics)
        }
        if let files = reader.sequence("rule_files", diagnostics: &diagnostics) {
            for node in files {
                guard let path = node.scalar, !path.isEmpty else {
                    diagnostics.error(node.location, "rule_files: each entry must be a path")
                    continue
                }
                config.ruleFiles.append(path)
            }
        }
        if var storage = reader.mapping("storage", what: "storage", diagnostics: &diagnostics) {
            config.storagePath = storage.string("path", diagnostics: &diagnostics)
            config.retention = duration(&storage, "retention", diagnostics: &diagnostics)
            storage.finish(diagnostics: &diagnostics)
        }
        if var web = reader.mapping("web", what: "web", diagnostics: &diagnostics) {
            if let address = web.string("listen_address", diagnostics: &diagnostics) {
                if ListenAddress(address) == nil, let node = root["web"]?["listen_address"] {
                    diagnostics.error(node.location, "web: invalid listen_address \"\(address)\" (expected host:port)")
                }
                config.listenAddress = address
            }
            if let file = web.string("api_token_file", diagnostics: &diagnostics) {
                if file.isEmpty, let node = root["web"]?["api_token_file"] {
                    diagnostics.error(node.location, "web: api_token_file must be a path")
                }
                config.apiTokenFile = file
            }
            web.finish(diagnostics: &diagnostics)
        }
        if var ingest = reader.mapping("ingest", what: "ingest", diagnostics: &diagnostics) {
            if let limit = ingest.int("max_body_bytes", diagnostics: &diagnostics) {
                if limit <= 0, let node = root["ingest"]?["max_body_bytes"] {
                    diagnostics.error(node.location, "ingest: max_body_bytes must be positive")
                }
                config.ingest.maxBodyBytes = limit
            }
            config.ingest.keepAll = ingest.bool("keep_all", diagnostics: &diagnostics) ?? false
            config.ingest.bearerTokenFile = ingest.string("bearer_token_file", diagnostics: &diagnostics)
            if var basic = ingest.mapping("basic_auth", what: "ingest.basic_auth", diagnostics: &diagnostics) {
                let username = basic.string("username", required: true, diagnostics: &diagnostics)
                let passwordFile = basic.string("password_file", required: true, diagnostics: &diagnostics)
                basic.finish(diagnostics: &diagnostics)
                if let username, let passwordFile {
                    config.ingest.basicAuth = IngestConfig.BasicAuth(username: username, passwordFile: passwordFile)
                }
            }
            if config.ingest.bearerTokenFile != nil, config.ingest.basicAuth != nil, let node = root["ingest"] {
                diagnostics.error(node.location, "ingest: at most one of bearer_token_file and basic_auth may be set")
            }
            ingest.finish(diagnostics: &diagnostics)
        }
        // Alertmanager's sections: route, receivers, inhibit_rules, time_intervals, ...
        config.notifications = NotificationConfigReader.read(&reader, diagnostics: &diagnostics)
        if var incidents = reader.mapping("incidents", what: "incidents", diagnostics: &diagnostics) {
            config.incidents = incidentsSection(
                &incidents, receivers: Set(config.notifications.receivers.map(\.name)), diagnostics: &diagnostics)
            incidents.finish(diagnostics: &diagnostics)
        }
        // Prometheus-only sections a user may paste along.
        reader.ignore("scrape_configs", "remote_write", "remote_read", "alerting")
        reader.finish(diagnostics: &diagnostics)
        return (config, diagnostics.sorted)
    }

    /// The `incidents:` section: `open_on` and `key_labels` (lists of names), `reopen_within`,
    /// `receivers` (names of `receivers` entries).
    private static func incidentsSection(_ reader: inout MappingReader, receivers known: Set<String>, diagnostics: inout Diagnostics) -> IncidentsConfig {
        var config = IncidentsConfig()
        if let list = names(&reader, "receivers", diagnostics: &diagnostics) {
            for (name, node) in list where !known.contains(name) {
                diagnostics.error(node.location, "incidents: receiver \"\(name)\" is not defined in receivers")
            }
            config.receivers = list.map(\.name)
        }
        if let list = names(&reader, "open_on", diagnostics: &diagnostics) { config.openOn = list.map(\.name) }
        if let list = names(&reader, "key_labels", diagnostics: &diagnostics) {
            for (name, node) in list where !Names.isValidLabelName(name) {
                diagnostics.error(node.location, "incidents: invalid label name \"\(name)\" in key_labels")
            }
            config.keyLabels = list.map(\.name)
        }
        if let node = reader.value("reopen_within") {
            if let text = node.scalar, let value = PromQLBridge.duration(text), value >= .zero {
                config.reopenWithin = value
            } else {
                diagnostics.error(node.location, "incidents: invalid duration for \"reopen_within\": \"\(node.scalar ?? node.typeDescription)\"")
            }
        }
        return config
    }

    /// A list of non-empty strings under `key`, with an error at each entry that is not one.
    private static func names(_ reader: inout MappingReader, _ key: String, diagnostics: inout Diagnostics) -> [(name: String, node: YAMLNode)]? {
        guard let nodes = reader.sequence(key, diagnostics: &diagnostics) else { return nil }
        var names: [(name: String, node: YAMLNode)] = []
        for node in nodes {
            guard let name = node.scalar, !name.isEmpty else {
                diagnostics.error(node.location, "incidents: each entry of \"\(key)\" must be a name")
                continue
            }
            names.append((name, node))
        }
        return names
    }

    private static func duration(_ reader: inout MappingReader, _ key: String, diagnostics: inout Diagnostics) -> Duration? {
        guard let node = reader.value(key) else { return nil }
        guard let text = node.scalar, let value = PromQLBridge.duration(text), value > .zero else {
            diagnostics.error(node.location, "\(reader.what): invalid duration for \"\(key)\": \"\(node.scalar ?? node.typeDescription)\"")
            return nil
        }
        return value
    }
}
