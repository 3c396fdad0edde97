/// The `metadata` of an OpenSLO object, validated.
struct OpenSLOMetadata: Sendable {
    /// `metadata.name`, an RFC 1123 DNS label when valid.
    var name: String
    /// `metadata.displayName`.
    var displayName: String?
    /// `metadata.labels`: each key with its values (a single string is one value).
    var labels: [(key: String, values: [String])]
    /// Where `metadata.name`'s value is, for duplicate-name messages.
    var nameLocation: SourceLocation

    /// The labels as Prometheus labels: keys made valid label names, several values joined by `,`.
    var prometheusLabels: [String: String] {
        var result: [String: String] = [:]
        for label in labels {
            result[OpenSLOName.prometheusLabelName(label.key)] = label.values.joined(separator: ",")
        }
        return result
    }
}
