import Rules
import Testing

@Suite struct ConfigLoaderTests {
    @Test func readsTheSharedPrometheusKeysAndOurSections() {
        let (config, diagnostics) = ConfigLoader.parse("""
            global:
              evaluation_interval: 30s
              external_labels:
                cluster: prod-eu
              external_url: https://burnrate.example.com
            rule_files:
              - rules/
            storage:
              path: /var/lib/burnrate/burnrate.sqlite
              retention: 40d
            web:
              listen_address: 0.0.0.0:9099
            """, file: "burnrate.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.evaluationInterval == .seconds(30))
        #expect(config.externalLabels == ["cluster": "prod-eu"])
        #expect(config.externalURL == "https://burnrate.example.com")
        #expect(config.ruleFiles == ["rules/"])
        #expect(config.storagePath == "/var/lib/burnrate/burnrate.sqlite")
        #expect(config.retention == .seconds(40 * 86400))
        #expect(config.listenAddress == "0.0.0.0:9099")
    }

    @Test func readsTheRuleQueryOffset() {
        #expect(ConfigLoader.parse("global:\n  rule_query_offset: 2m\n", file: "c.yml").config.ruleQueryOffset == .seconds(120))
        #expect(ConfigLoader.parse("global:\n  rule_query_offset: 0s\n", file: "c.yml").config.ruleQueryOffset == .zero)
        #expect(ConfigLoader.parse("global: {}\n", file: "c.yml").config.ruleQueryOffset == .zero)
        let (_, diagnostics) = ConfigLoader.parse("global:\n  rule_query_offset: soon\n", file: "c.yml")
        #expect(diagnostics.map(\.description) == ["c.yml:2:22: global: invalid duration for \"rule_query_offset\": \"soon\""])
    }

    @Test func alertmanagerSectionsAreRead() {
        let (config, diagnostics) = ConfigLoader.parse(
            "route:\n  receiver: x\nreceivers:\n  - name: x\n    webhook_configs: [{url: 'http://h/'}]\n", file: "c.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.notifications.route?.receiver == "x")
        #expect(config.notifications.receivers.map(\.name) == ["x"])
    }

    @Test func problemsHavePositions() {
        let (_, diagnostics) = ConfigLoader.parse("global:\n  evaluation_intervall: 1m\nweb:\n  listen_address: nope\n", file: "c.yml")
        #expect(diagnostics.map(\.description) == [
            "c.yml:2:3: global: unknown field \"evaluation_intervall\" (did you mean \"evaluation_interval\"?)",
            "c.yml:4:19: web: invalid listen_address \"nope\" (expected host:port)",
        ])
    }

    @Test func listenAddresses() {
        #expect(ListenAddress("127.0.0.1:9099") == ListenAddress(host: "127.0.0.1", port: 9099))
        #expect(ListenAddress(":80") == ListenAddress(host: "0.0.0.0", port: 80))
        #expect(ListenAddress("[::1]:9099") == ListenAddress(host: "::1", port: 9099))
        #expect(ListenAddress("localhost") == nil)
        #expect(ListenAddress("h:70000") == nil)
    }
}

@Suite struct IngestConfigTests {
    @Test func readsTheIngestSection() {
        let (config, diagnostics) = ConfigLoader.parse("""
            ingest:
              max_body_bytes: 1048576
              keep_all: true
              basic_auth:
                username: prometheus
                password_file: /etc/burnrate/password
            """, file: "c.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.ingest.maxBodyBytes == 1_048_576)
        #expect(config.ingest.keepAll)
        #expect(config.ingest.basicAuth == IngestConfig.BasicAuth(username: "prometheus", passwordFile: "/etc/burnrate/password"))
        #expect(ConfigLoader.parse("", file: "c.yml").config.ingest == IngestConfig())
    }

    @Test func rejectsConflictsAndBadLimits() {
        let (_, diagnostics) = ConfigLoader.parse("""
            ingest:
              max_body_bytes: 0
              bearer_token_file: /t
              basic_auth: {username: u, password_file: /p}
            """, file: "c.yml")
        #expect(diagnostics.count == 2)
        #expect(diagnostics.contains { $0.message.contains("max_body_bytes must be positive") && $0.location.line == 2 })
        #expect(diagnostics.contains { $0.message.contains("at most one of bearer_token_file and basic_auth") })
        let missing = ConfigLoader.parse("ingest:\n  basic_auth: {username: u}\n", file: "c.yml").diagnostics
        #expect(missing.map(\.description) == ["c.yml:2:15: ingest.basic_auth: missing required field \"password_file\""])
    }
}
