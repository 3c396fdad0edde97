/// A range vector selector, such as `x{job="a"}[5m] offset 1h`.
///
/// As in Prometheus, the `offset` and `@` modifiers live on the inner `selector`.
public struct MatrixSelector: Sendable, Hashable {
    /// The selector, with its modifiers.
    public var selector: VectorSelector
    /// The range, such as `5m`.
    public var range: PromDuration

    /// Creates a range selector.
    public init(selector: VectorSelector, range: PromDuration) {
        self.selector = selector
        self.range = range
    }
}
