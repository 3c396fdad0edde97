/// A function call, such as `histogram_quantile(0.9, rate(x[5m]))`.
public struct Call: Sendable, Hashable {
    /// The function called.
    public var function: Function
    /// The arguments, in order.
    public var arguments: [Expr]

    /// Creates a call.
    public init(function: Function, arguments: [Expr]) {
        self.function = function
        self.arguments = arguments
    }
}
