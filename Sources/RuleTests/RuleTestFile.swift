/// promtool's unit-test file, read unchanged: `rule_files`, `evaluation_interval`,
/// `group_eval_order` and `tests`.
public struct RuleTestFile: Sendable, Hashable, Decodable {
    /// Rule files, relative to the test file's folder.
    public var ruleFiles: [String]
    /// The rule evaluation interval (default 1m).
    public var evaluationInterval: String?
    /// Group names in evaluation order.
    public var groupEvalOrder: [String]
    /// The test groups.
    public var tests: [TestGroup]

    enum CodingKeys: String, CodingKey {
        case ruleFiles = "rule_files"
        case evaluationInterval = "evaluation_interval"
        case groupEvalOrder = "group_eval_order"
        case tests
    }

    /// Decodes a file; absent lists are empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleFiles = try container.decodeIfPresent([String].self, forKey: .ruleFiles) ?? []
        evaluationInterval = try container.decodeIfPresent(String.self, forKey: .evaluationInterval)
        groupEvalOrder = try container.decodeIfPresent([String].self, forKey: .groupEvalOrder) ?? []
        tests = try container.decodeIfPresent([TestGroup].self, forKey: .tests) ?? []
    }

    /// One test group: input series and the expectations checked against them.
    public struct TestGroup: Sendable, Hashable, Decodable {
        /// The spacing of input samples (default: the evaluation interval).
        public var interval: String?
        /// The input series.
        public var inputSeries: [InputSeries]
        /// Alert expectations.
        public var alertRuleTests: [AlertTest]
        /// Query expectations.
        public var promqlExprTests: [ExprTest]
        /// `$externalLabels` for templates.
        public var externalLabels: [String: String]
        /// `$externalURL` for templates.
        public var externalURL: String
        /// The group's name, printed with its failures.
        public var name: String

        enum CodingKeys: String, CodingKey {
            case interval, name
            case inputSeries = "input_series"
            case alertRuleTests = "alert_rule_test"
            case promqlExprTests = "promql_expr_test"
            case externalLabels = "external_labels"
            case externalURL = "external_url"
        }

        /// Decodes a test group; absent lists are empty.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            interval = try container.decodeIfPresent(String.self, forKey: .interval)
            inputSeries = try container.decodeIfPresent([InputSeries].self, forKey: .inputSeries) ?? []
            alertRuleTests = try container.decodeIfPresent([AlertTest].self, forKey: .alertRuleTests) ?? []
            promqlExprTests = try container.decodeIfPresent([ExprTest].self, forKey: .promqlExprTests) ?? []
            externalLabels = try container.decodeIfPresent([String: String].self, forKey: .externalLabels) ?? [:]
            externalURL = try container.decodeIfPresent(String.self, forKey: .externalURL) ?? ""
            name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        }
    }

    /// One input series: a series selector and its values in the expanding notation.
    public struct InputSeries: Sendable, Hashable, Decodable {
        /// Such as `http_requests_total{code="200"}`.
        public var series: String
        /// Such as `0+10x5 _ stale`.
        public var values: String
    }

    /// The firing alerts expected for one alert name at one time.
    public struct AlertTest: Sendable, Hashable, Decodable {
        /// The time, such as `10m`.
        public var evalTime: String
        /// The alert name.
        public var alertname: String
        /// The alerts expected to be firing.
        public var expAlerts: [ExpectedAlert]

        enum CodingKeys: String, CodingKey {
            case alertname
            case evalTime = "eval_time"
            case expAlerts = "exp_alerts"
        }

        /// Decodes an alert test.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            evalTime = try container.decode(String.self, forKey: .evalTime)
            alertname = try container.decodeIfPresent(String.self, forKey: .alertname) ?? ""
            expAlerts = try container.decodeIfPresent([ExpectedAlert].self, forKey: .expAlerts) ?? []
        }
    }

    /// One expected firing alert.
    public struct ExpectedAlert: Sendable, Hashable, Decodable {
        /// Its labels (without `alertname`, which is added).
        public var expLabels: [String: String]
        /// Its annotations.
        public var expAnnotations: [String: String]

        enum CodingKeys: String, CodingKey {
            case expLabels = "exp_labels"
            case expAnnotations = "exp_annotations"
        }

        /// Decodes an expected alert.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            expLabels = try container.decodeIfPresent([String: String].self, forKey: .expLabels) ?? [:]
            expAnnotations = try container.decodeIfPresent([String: String].self, forKey: .expAnnotations) ?? [:]
        }
    }

    /// The samples expected from a query at one time.
    public struct ExprTest: Sendable, Hashable, Decodable {
        /// The PromQL expression.
        public var expr: String
        /// The time, such as `10m`.
        public var evalTime: String
        /// The expected samples.
        public var expSamples: [ExpectedSample]

        enum CodingKeys: String, CodingKey {
            case expr
            case evalTime = "eval_time"
            case expSamples = "exp_samples"
        }

        /// Decodes an expression test.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            expr = try container.decode(String.self, forKey: .expr)
            evalTime = try container.decode(String.self, forKey: .evalTime)
            expSamples = try container.decodeIfPresent([ExpectedSample].self, forKey: .expSamples) ?? []
        }
    }

    /// One expected sample: labels as a series selector string and a value.
    public struct ExpectedSample: Sendable, Hashable, Decodable {
        /// Such as `{job="api"}` or `up{job="api"}`.
        public var labels: String
        /// The value.
        public var value: Double

        enum CodingKeys: String, CodingKey {
            case labels, value
        }

        /// Decodes an expected sample; the value may be a number or a string such as `Inf`.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            labels = try container.decodeIfPresent(String.self, forKey: .labels) ?? ""
            if let number = try? container.decode(Double.self, forKey: .value) {
                value = number
            } else {
                let text = try container.decodeIfPresent(String.self, forKey: .value) ?? "0"
                guard let number = SeriesNotation.number(Substring(text)) else {
                    throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "invalid value \"\(text)\"")
                }
                value = number
            }
        }
    }
}
