import Rules
import Testing

/// The `incidents:` section and `web.api_token_file` of `burnrate.yml`.
@Suite struct IncidentsConfigTests {
    @Test func readsTheIncidentsSection() {
        let (config, diagnostics) = ConfigLoader.parse("""
            web:
              api_token_file: /etc/burnrate/token
            incidents:
              open_on: [page, critical]
              key_labels: [alertname, cluster]
              reopen_within: 1h
            """, file: "burnrate.yml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(config.apiTokenFile == "/etc/burnrate/token")
        #expect(config.incidents.openOn == ["page", "critical"])
        #expect(config.incidents.keyLabels == ["alertname", "cluster"])
        #expect(config.incidents.reopenWithin == .seconds(3600))
    }

    @Test func defaultsWithoutTheSection() {
        let config = ConfigLoader.parse("global: {}\n", file: "c.yml").config
        #expect(config.incidents == IncidentsConfig())
        #expect(config.incidents.openOn == ["page"] && config.incidents.reopenWithin == .seconds(1800))
        #expect(config.apiTokenFile == nil)
    }

    @Test func problemsHavePositions() {
        let (_, diagnostics) = ConfigLoader.parse("""
            incidents:
              open_on: page
              key_labels: [alertname, "bad-name"]
              reopen_within: later
              reopen_after: 5m
            """, file: "c.yml")
        #expect(diagnostics.map(\.description) == [
            "c.yml:2:12: incidents: field \"open_on\" must be a sequence, got a string",
            "c.yml:3:27: incidents: invalid label name \"bad-name\" in key_labels",
            "c.yml:4:18: incidents: invalid duration for \"reopen_within\": \"later\"",
        ] + diagnostics.dropFirst(3).map(\.description))
        #expect(diagnostics.count == 4)
        #expect(diagnostics.last?.description.hasPrefix("c.yml:5:3: incidents: unknown") == true)
    }
}
