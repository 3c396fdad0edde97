import Yams

/// The groups of a generated Prometheus rule file, read from YAML as plain strings: a rule file
/// (`groups:`) or a `PrometheusRule` (`spec.groups`), one or several documents.
struct ExpectedRuleFile {
    /// One rule as written.
    struct Rule: Equatable {
        /// `record` or `alert`.
        var kind: String
        /// The recorded metric or the alert name.
        var name: String
        /// The expression's text.
        var expr: String
        /// `for`, if given.
        var forText: String?
        /// The labels.
        var labels: [String: String]
        /// The annotations.
        var annotations: [String: String]
    }

    /// One group as written.
    struct Group {
        var name: String
        var rules: [Rule]
    }

    /// Every group of every document, in order.
    var groups: [Group]

    /// Reads `yaml`.
    init(yaml: String) throws {
        groups = []
        for document in try Yams.compose_all(yaml: yaml) {
            let list = document["groups"] ?? document["spec"]?["groups"]
            for group in list?.sequence ?? [] {
                let rules = (group["rules"]?.sequence ?? []).map { rule in
                    let isAlert = rule["alert"] != nil
                    return Rule(
                        kind: isAlert ? "alert" : "record",
                        name: (isAlert ? rule["alert"] : rule["record"])?.string ?? "",
                        expr: rule["expr"]?.string ?? "",
                        forText: rule["for"]?.string,
                        labels: Self.strings(rule["labels"]),
                        annotations: Self.strings(rule["annotations"])
                    )
                }
                groups.append(Group(name: group["name"]?.string ?? "", rules: rules))
            }
        }
    }

    private static func strings(_ node: Node?) -> [String: String] {
        var result: [String: String] = [:]
        for (key, value) in node?.mapping ?? [:] {
            if let key = key.string, let value = value.string { result[key] = value }
        }
        return result
    }
}
