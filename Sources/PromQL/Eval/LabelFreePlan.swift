internal import Storage

/// An expression whose instant value is at most one sample without labels, worked out from sums
/// of summarisable range functions, so it can be evaluated as numbers: no label sets built,
/// hashed or matched. It is the shape of most recording rules over counters and of every SLI
/// ratio: `sum(rate(errors[5m])) / sum(rate(total[5m]))`.
///
/// `PreparedQuery` makes one when the whole expression has this shape; `Engine` then evaluates it
/// with the same arithmetic, in the same order, as the general evaluator, so the result is the
/// same bit for bit (tests compare the two):
///
/// - `sum(f(m[r]))` without `by`/`without`, `f` one of `Evaluator.summarisableFunctions`, `m`
///   naming its metric (so dropping the name cannot make two series equal) with no `@`: the
///   values of the series with a result, added in storage order, the first as the start; no
///   sample when no series has one.
/// - `a op b` with an arithmetic or comparison operator, no `on`/`ignoring`, between two such
///   operands or one and a number literal: the two label-free samples always match.
/// - `vector(s)` of a constant scalar `s` (numbers and arithmetic between them), worked out once.
/// - parentheses around one.
indirect enum LabelFreePlan: Sendable {
    /// `sum(function(matrix))`; `leaf` indexes the leaves `of(_:)` returns with the plan.
    case sum(leaf: Int)
    /// A number literal, a scalar.
    case number(Double)
    /// `vector(s)` of a constant scalar: a sample without labels of that value.
    case constant(Double)
    /// A binary operation; at least one side is not a number.
    case binary(op: BinaryOperator, returnBool: Bool, lhs: LabelFreePlan, rhs: LabelFreePlan)

    /// A summed range function of a plan: the function and its matrix selector. A class: a
    /// plan's leaves are looked at at every evaluation, through one reference each rather than a
    /// copy of the selector's strings and arrays.
    final class Leaf: Sendable {
        let function: String
        let matrix: MatrixSelector
        let matchers: [SeriesMatcher]
        /// The selector's offset and the window's length, milliseconds.
        let offset: Int64
        let range: Int64

        init(function: String, matrix: MatrixSelector, matchers: [SeriesMatcher]) {
            self.function = function
            self.matrix = matrix
            self.matchers = matchers
            self.offset = matrix.selector.offset?.milliseconds ?? 0
            self.range = matrix.range.milliseconds
        }
    }

    /// The plan of a whole expression and its leaves; nil when it does not have the shape (a
    /// number alone is a scalar, not a vector: it has no plan).
    static func of(_ expr: Expr) -> (plan: LabelFreePlan, leaves: [Leaf])? {
        var leaves: [Leaf] = []
        guard let plan = make(expr, leaves: &leaves) else { return nil }
        if case .number = plan { return nil }
        return (plan, leaves)
    }

    /// The plan of `expr`, adding its leaves to `leaves`; nil when it does not have the shape.
    private static func make(_ expr: Expr, leaves: inout [Leaf]) -> LabelFreePlan? {
        switch expr {
        case .paren(let inner):
            return make(inner, leaves: &leaves)
        case .number(let number):
            return .number(number.value)
        case .aggregation(let aggregation):
            guard aggregation.op == .sum, aggregation.grouping.isEmpty, !aggregation.without, aggregation.parameter == nil,
                  case .call(let call) = aggregation.expr.withoutParens,
                  Evaluator.summarisableFunctions.contains(call.function.name),
                  call.arguments.count == 1, let matrix = Evaluator.matrixArgument(call.arguments[0]),
                  matrix.selector.at == nil, matrix.selector.metricName != nil,
                  let matchers = try? Engine.seriesMatchers(matrix.selector)
            else { return nil }
            leaves.append(Leaf(function: call.function.name, matrix: matrix, matchers: matchers))
            return .sum(leaf: leaves.count - 1)
        case .call(let call):
            guard call.function.name == "vector", call.arguments.count == 1, let value = constant(call.arguments[0]) else { return nil }
            return .constant(value)
        case .binary(let binary):
            guard !binary.op.isSetOperator, binary.matching == nil,
                  let lhs = make(binary.lhs, leaves: &leaves), let rhs = make(binary.rhs, leaves: &leaves)
            else { return nil }
            if case .number = lhs, case .number = rhs { return nil }
            return .binary(op: binary.op, returnBool: binary.returnBool, lhs: lhs, rhs: rhs)
        default:
            return nil
        }
    }

    /// The value of a scalar expression made of numbers, as the evaluator works it out; nil for
    /// any other expression.
    private static func constant(_ expr: Expr) -> Double? {
        switch expr {
        case .paren(let inner):
            return constant(inner)
        case .number(let number):
            return number.value
        case .binary(let binary):
            guard let l = constant(binary.lhs), let r = constant(binary.rhs) else { return nil }
            let (value, keep) = Evaluator.elementBinop(binary.op, l, r)
            return binary.op.isComparison ? (keep ? 1 : 0) : value
        default:
            return nil
        }
    }

    /// The value at one evaluation, from each leaf's sum (nil: no sample); nil when the result
    /// has no sample.
    func value(_ sums: [Double?]) -> Double? {
        value { sums[$0] }
    }

    /// `value(_:)` with each leaf's sum from `sum(leaf)`, asked when the arithmetic needs it (each
    /// leaf once: a plan holds a leaf once), in the order the sums of an array would be read.
    func value(_ sum: (Int) -> Double?) -> Double? {
        switch self {
        case .sum(let leaf):
            return sum(leaf)
        case .number(let v), .constant(let v):
            return v
        case .binary(let op, let returnBool, let lhs, let rhs):
            guard let l = lhs.value(sum), let r = rhs.value(sum) else { return nil }
            var (value, keep) = Evaluator.elementBinop(op, l, r)
            // Vector and scalar: a comparison keeps the vector's value even when it is on the right.
            if op.isComparison, case .number = lhs { value = r }
            if returnBool { return keep ? 1 : 0 }
            return keep ? value : nil
        }
    }

    /// The sum of `function` over the series read for `leaf`'s window ending at `end` (their
    /// accumulators, in storage order), as `sum(function(matrix))` gives it: nil when no series
    /// has a value.
    static func sum(_ leaf: Leaf, _ series: some Sequence<RangeAccumulator>, end: Int64, observedChange: Bool) -> Double? {
        let window = Evaluator.summaryWindow(end: end, range: leaf.range, observedChange: observedChange)
        var total: Double?
        for accumulator in series {
            guard accumulator.count > 0, let value = Evaluator.summarisedValue(leaf.function, accumulator, window) else { continue }
            if let sum = total { total = sum + value } else { total = value }
        }
        return total
    }
}
