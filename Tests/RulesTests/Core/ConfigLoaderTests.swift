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

    @Test func alertmanagerSectionsAreAcceptedWithAWarning() {
        let (_, diagnostics) = ConfigLoader.parse("route:\n  receiver: x\nreceivers:\n  - name: x\n", file: "c.yml")
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(diagnostics.count == 2)
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
