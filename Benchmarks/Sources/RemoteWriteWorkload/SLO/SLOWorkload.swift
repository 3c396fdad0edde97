/// The data of the side-by-side SLO comparison (`scripts/bench-compare`): `slos` availability SLOs,
/// each over one service endpoint whose `http_requests_total` counters (one series per status
/// code) are scraped every `scrapeSeconds` for `days` days, ending at `endMs`.
///
/// Every value is a function of the parameters alone (seeded hashes, no stored randomness), so the
/// Prometheus backfill file, the remote-write bodies and the live feed are the same data.
public struct SLOWorkload: Sendable, Hashable {
    /// Number of SLOs; ten endpoints (ten SLOs) per service.
    public var slos: Int
    /// Days of history.
    public var days: Int
    /// Seconds between scrapes.
    public var scrapeSeconds: Int
    /// Seconds between rule evaluations (Sloth's recorded 5-minute ratio is backfilled at this step).
    public var ruleIntervalSeconds: Int
    /// Status codes, one series each; those starting with 5 are errors.
    public var codes: [String]
    /// Timestamp of the last scrape, in milliseconds; aligned to the rule interval.
    public var endMs: Int64
    /// Seed of every hash.
    public var seed: UInt64

    /// SLOs per service.
    public static let endpointsPerService = 10
    /// Sloth's short window, whose recorded ratio the 30-day rule averages.
    public static let shortWindowSeconds = 300

    /// Creates a workload; `endMs` is rounded down to the rule interval.
    public init(slos: Int, days: Int, scrapeSeconds: Int = 15, ruleIntervalSeconds: Int = 30,
                codes: [String] = ["200", "500"], endMs: Int64, seed: UInt64 = 0x5EED) {
        self.slos = slos
        self.days = days
        self.scrapeSeconds = scrapeSeconds
        self.ruleIntervalSeconds = ruleIntervalSeconds
        self.codes = codes
        let step = Int64(ruleIntervalSeconds) * 1000
        self.endMs = endMs / step * step
        self.seed = seed
    }

    /// Why the parameters cannot be used, or nil.
    public var problem: String? {
        if slos < 1 || days < 1 { return "--slos and --days must be positive" }
        if scrapeSeconds < 1 || Self.shortWindowSeconds % scrapeSeconds != 0 {
            return "the scrape interval must divide 300 s (Sloth's 5-minute window)"
        }
        if ruleIntervalSeconds < scrapeSeconds || ruleIntervalSeconds % scrapeSeconds != 0 {
            return "the rule interval must be a multiple of the scrape interval"
        }
        if !codes.contains(where: { $0.hasPrefix("5") }) || !codes.contains(where: { !$0.hasPrefix("5") }) {
            return "--codes needs at least one 5xx and one other code"
        }
        return nil
    }

    /// Scrapes per series in the history.
    public var scrapes: Int { days * 86_400 / scrapeSeconds }
    /// Series per SLO.
    public var seriesPerSLO: Int { codes.count }
    /// Series in all.
    public var seriesCount: Int { slos * seriesPerSLO }
    /// Timestamp of scrape `k` (0 is the oldest; `scrapes - 1` is `endMs`; later ones are the live feed).
    public func timestamp(_ scrape: Int) -> Int64 {
        endMs - Int64(scrapes - 1 - scrape) * Int64(scrapeSeconds) * 1000
    }
    /// Scrapes per rule interval.
    public var scrapesPerRule: Int { ruleIntervalSeconds / scrapeSeconds }
    /// Scrapes per 5-minute window.
    public var scrapesPerWindow: Int { Self.shortWindowSeconds / scrapeSeconds }
    /// The scrapes at which a rule evaluation falls (every rule interval, aligned on `endMs`), with
    /// a full 5-minute window behind them.
    public func isRuleTick(_ scrape: Int) -> Bool {
        (scrapes - 1 - scrape) % scrapesPerRule == 0 && scrape >= scrapesPerWindow
    }

    /// The service of SLO `slo`.
    public func service(_ slo: Int) -> String { "svc-" + padded(slo / Self.endpointsPerService, 4) }
    /// The endpoint of SLO `slo`.
    public func endpoint(_ slo: Int) -> String { "/api/e" + String(slo % Self.endpointsPerService) }
    /// Sloth's SLO name (its id is `<service>-<name>`).
    public func sloName(_ slo: Int) -> String { "e\(slo % Self.endpointsPerService)-availability" }
    /// Sloth's id of SLO `slo`.
    public func sloID(_ slo: Int) -> String { service(slo) + "-" + sloName(slo) }

    /// The labels of series `code` of SLO `slo`, sorted by name as remote-write sends them.
    public func labels(slo: Int, code: Int) -> [(name: String, value: String)] {
        [("__name__", "http_requests_total"), ("code", codes[code]), ("endpoint", endpoint(slo)),
         ("job", "api"), ("service", service(slo))]
    }

    /// Whether series `code` counts errors.
    public func isError(_ code: Int) -> Bool { codes[code].hasPrefix("5") }

    /// Sloth `prometheus/v1` specs, one YAML document per service: 99.9% availability from the 5xx
    /// share of requests, page and ticket alerts.
    public func slothSpec() -> String {
        var documents: [String] = []
        var slo = 0
        while slo < slos {
            let service = service(slo)
            var lines = [
                "version: \"prometheus/v1\"", "service: \"\(service)\"", "labels:", "  team: \"team-\(slo / 100)\"", "slos:",
            ]
            while slo < slos && self.service(slo) == service {
                let selector = "service=\"\(service)\",endpoint=\"\(endpoint(slo))\""
                lines += [
                    "  - name: \"\(sloName(slo))\"",
                    "    objective: 99.9",
                    "    description: \"Availability of \(endpoint(slo)) on \(service).\"",
                    "    sli:",
                    "      events:",
                    "        error_query: sum(rate(http_requests_total{\(selector),code=~\"5..\"}[{{.window}}]))",
                    "        total_query: sum(rate(http_requests_total{\(selector)}[{{.window}}]))",
                    "    alerting:",
                    "      name: \"HighErrorRate\(alertSuffix(slo))\"",
                    "      labels:",
                    "        category: \"availability\"",
                    "      page_alert:",
                    "        labels:",
                    "          severity: \"page\"",
                    "      ticket_alert:",
                    "        labels:",
                    "          severity: \"ticket\"",
                ]
                slo += 1
            }
            documents.append(lines.joined(separator: "\n") + "\n")
        }
        return documents.joined(separator: "---\n")
    }

    /// `Svc0001E3`: a distinct alert name per SLO, as teams name them.
    private func alertSuffix(_ slo: Int) -> String {
        "Svc" + padded(slo / Self.endpointsPerService, 4) + "E\(slo % Self.endpointsPerService)"
    }

    private func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
