/// The series of a realistic scrape fleet: pods of an LLM-serving service, each exposing HTTP
/// request counters and latency histograms, model request counters and time-to-first-token
/// histograms, and process metrics, with the labels Kubernetes service discovery adds (`job`,
/// `instance`, `namespace`, `pod`).
///
/// Every series belongs to one family instance (a counter, a gauge, or a whole classic
/// histogram: its buckets, `_sum` and `_count`), whose values are generated together so that
/// buckets stay cumulative. 162 series per pod; the last pod is cut short to reach the count.
public struct SeriesCatalog: Sendable {
    /// One family instance: the series it owns (positions in `series`) and how its values move.
    struct Family: Sendable {
        enum Model: Sendable {
            /// A request counter: integer increments around `rate` per second.
            case requests(rate: Double)
            /// A classic histogram: `le` bounds (the last is +Inf), requests per second, and the
            /// median and spread (log-normal) of the observed value.
            case histogram(bounds: [Double], rate: Double, median: Double, sigma: Double)
            /// CPU seconds: grows by `load` cores, in ticks of 10 ms.
            case cpuSeconds(load: Double)
            /// Resident memory in bytes: a random walk in pages.
            case memory(start: Double)
            /// `up`: always 1.
            case constantOne
        }

        var model: Model
        /// The series of the family, `nil` where the catalog was cut short; for a histogram: the
        /// buckets in `le` order, then `_sum`, then `_count`.
        var series: [Int?]
        /// The target (pod) whose diurnal phase the family follows.
        var target: Int
    }

    /// Every series, grouped by target (pod), targets in order.
    public private(set) var series: [WorkloadSeries] = []
    /// The family instances, in the order of their series.
    private(set) var families: [Family] = []
    /// The number of scrape targets (pods).
    public private(set) var targetCount = 0
    /// The seed the catalog and its values come from.
    public let seed: UInt64

    static let httpBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, .infinity]
    static let ttftBounds: [Double] = [0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, .infinity]
    static let methods = ["GET", "POST"]
    static let handlers = ["/v1/chat/completions", "/v1/completions", "/healthz"]
    static let codes = ["200", "404", "500", "503"]
    static let models = ["llama-3-8b-instruct", "mistral-7b-instruct", "qwen2-72b-instruct"]
    static let modelCodes = ["200", "429", "500"]
    static let deployments = ["inference-gateway", "model-server", "embedding-server", "router"]

    /// The number of series one pod exposes.
    public static let seriesPerTarget = 162

    /// Builds a catalog of exactly `seriesCount` series; `namespace` prefixes the namespace label,
    /// so that two catalogs with different prefixes share no series.
    public init(seriesCount: Int, namespace: String = "serving", seed: UInt64 = 42) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        var target = 0
        while series.count < seriesCount {
            addTarget(target, namespace: namespace, remaining: seriesCount - series.count, random: &random)
            target += 1
        }
        targetCount = target
    }

    private mutating func addTarget(_ target: Int, namespace: String, remaining: Int, random: inout SplitMix64) {
        let deployment = Self.deployments[target % Self.deployments.count]
        let pod = "\(deployment)-\(random.token(10))-\(random.token(5))"
        let instance = "10.\(8 + target / 65_536).\(target / 256 % 256).\(target % 256):8080"
        let common: [(name: String, value: String)] = [
            ("job", "kubernetes-pods/\(deployment)"),
            ("instance", instance),
            ("namespace", "\(namespace)-\(target % 3)"),
            ("pod", pod),
        ]
        var budget = remaining
        func add(_ name: String, _ extra: [(name: String, value: String)], _ kind: MetricKind) -> Int? {
            guard budget > 0 else { return nil }
            budget -= 1
            series.append(WorkloadSeries(labels: [("__name__", name)] + common + extra, kind: kind, target: target))
            return series.count - 1
        }
        func addFamily(_ model: Family.Model, _ members: [Int?]) {
            if members.contains(where: { $0 != nil }) { families.append(Family(model: model, series: members, target: target)) }
        }
        func addHistogram(_ name: String, _ extra: [(name: String, value: String)], bounds: [Double], rate: Double, median: Double, sigma: Double) {
            var members: [Int?] = bounds.map { bound in
                add(name + "_bucket", extra + [("le", bound.isInfinite ? "+Inf" : Self.formatBound(bound))], .histogram)
            }
            members.append(add(name + "_sum", extra, .histogram))
            members.append(add(name + "_count", extra, .histogram))
            // A histogram cut short (at the end of the catalog) keeps its first buckets, whose
            // values stay those of the whole histogram.
            addFamily(.histogram(bounds: bounds, rate: rate, median: median, sigma: sigma), members)
        }

        addFamily(.constantOne, [add("up", [], .gauge)])
        addFamily(.cpuSeconds(load: random.uniform(0.05...1.6)), [add("process_cpu_seconds_total", [], .counter)])
        addFamily(.memory(start: (random.uniform(0.2...3.0) * 1_073_741_824 / 4096).rounded() * 4096),
                  [add("process_resident_memory_bytes", [], .gauge)])
        for method in Self.methods {
            for handler in Self.handlers {
                let base = handler == "/healthz" ? 0.2 : random.uniform(2...40) * (method == "POST" ? 1 : 0.1)
                for code in Self.codes {
                    let share = code == "200" ? 0.97 : code == "404" ? 0.02 : code == "500" ? 0.007 : 0.003
                    addFamily(.requests(rate: base * share),
                              [add("http_requests_total", [("method", method), ("handler", handler), ("code", code)], .counter)])
                }
                addHistogram("http_request_duration_seconds", [("method", method), ("handler", handler)],
                             bounds: Self.httpBounds, rate: base, median: handler == "/healthz" ? 0.002 : random.uniform(0.05...0.8), sigma: 0.9)
            }
        }
        for model in Self.models {
            let rate = random.uniform(1...20)
            for code in Self.modelCodes {
                let share = code == "200" ? 0.985 : code == "429" ? 0.01 : 0.005
                addFamily(.requests(rate: rate * share),
                          [add("model_requests_total", [("model_name", model), ("code", code)], .counter)])
            }
            addHistogram("model_time_to_first_token_seconds", [("model_name", model)],
                         bounds: Self.ttftBounds, rate: rate, median: random.uniform(0.15...1.2), sigma: 0.6)
        }
    }

    /// A bucket bound as Prometheus' client libraries print it (`0.005`, `1`, `2.5`).
    static func formatBound(_ bound: Double) -> String {
        if bound == bound.rounded() { return String(Int(bound)) }
        return "\(bound)"
    }
}
