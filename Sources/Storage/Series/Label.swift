/// One label of a series: a name and a value.
public struct Label: Sendable, Hashable, CustomStringConvertible {
    /// The name of the label that holds the metric name.
    public static let metricName = "__name__"

    /// The label name, such as `job`.
    public var name: String
    /// The label value; never empty inside a `Labels` (an empty value means the label is absent).
    public var value: String

    /// Creates a label.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The label as `name="value"`, the value quoted as Go quotes strings.
    public var description: String { "\(name)=\(Labels.quoted(value))" }
}
