/// A PromQL function: its name, argument types and return type, as Prometheus 2.42 declares them.
///
/// `variadic` follows Prometheus: 0 means exactly `argumentTypes.count` arguments; a positive
/// number means the last declared argument is optional and up to that many may be given
/// (so `round` takes 1 or 2); -1 means the last declared type may repeat without limit
/// (`label_join`), with at least `argumentTypes.count - 1` arguments.
public struct Function: Sendable, Hashable {
    /// The function's name, such as `rate`.
    public let name: String
    /// The declared argument types, in order.
    public let argumentTypes: [ValueType]
    /// How many optional trailing arguments are allowed; see the type's documentation.
    public let variadic: Int
    /// The type of value the function returns.
    public let returnType: ValueType

    init(_ name: String, _ argumentTypes: [ValueType], variadic: Int = 0, returns returnType: ValueType = .instantVector) {
        self.name = name
        self.argumentTypes = argumentTypes
        self.variadic = variadic
        self.returnType = returnType
    }

    /// The function with the given name (case-sensitive, as in Prometheus), or nil if there is none.
    public static func named(_ name: String) -> Function? {
        all[name]
    }

    /// The fewest arguments a call may pass.
    public var minimumArguments: Int {
        variadic == 0 ? argumentTypes.count : argumentTypes.count - 1
    }

    /// The most arguments a call may pass, or nil when unlimited.
    public var maximumArguments: Int? {
        switch variadic {
        case 0: argumentTypes.count
        case let n where n > 0: argumentTypes.count - 1 + n
        default: nil
        }
    }

    /// The type expected for the argument at `index`, or nil past the last allowed one.
    public func argumentType(at index: Int) -> ValueType? {
        if index < argumentTypes.count { return argumentTypes[index] }
        return variadic == -1 ? argumentTypes.last : nil
    }
}
