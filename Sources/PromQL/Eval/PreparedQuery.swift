internal import Storage

/// An expression with what an instant query of it reads worked out once, for expressions
/// evaluated again and again (rules): the matrix selectors read as chunk summaries, and each
/// other selector's storage matchers and window relative to the evaluation time. `Engine`
/// evaluates it exactly as the expression itself, without walking and converting its selectors
/// at each evaluation. A class: rules hand it to the engine at every evaluation, one reference
/// rather than a copy of every field.
public final class PreparedQuery: Sendable {
    /// A selector read as samples, with its matchers and window relative to the evaluation time.
    struct Read: Sendable {
        var selector: VectorSelector
        var matchers: [SeriesMatcher]
        /// The window's start and end minus the evaluation time.
        var start: Int64
        var end: Int64
        /// Whether the selector is only an instant vector selector: its latest sample in the
        /// window is all the query takes of it (`SampleReader.selectLatest`).
        var latestOnly: Bool
    }

    /// The expression.
    public let expr: Expr
    /// The matrix selectors an instant query reads as summaries, with their matchers.
    let summarised: [(matrix: MatrixSelector, matchers: [SeriesMatcher])]
    /// The same matrix selectors, as `Evaluator.plan` takes them.
    let summarisedSet: Set<MatrixSelector>
    /// The selectors read as samples, when their windows move with the evaluation time (no `@`,
    /// no subquery, whose steps are aligned to absolute times); nil otherwise, and when a matcher
    /// does not convert (the query then goes the unprepared way, which reports the error).
    let reads: [Read]?
    /// The selectors of the `latestOnly` reads, and of the others, in the order of `reads`: the
    /// keys of the evaluator's tables, handed over as they are.
    let latestSelectors: [VectorSelector]
    let dataSelectors: [VectorSelector]
    /// The expression as numbers when its value is at most one sample without labels
    /// (`LabelFreePlan`), with the summed range functions it reads; nil otherwise.
    let plan: (root: LabelFreePlan, leaves: [LabelFreePlan.Leaf])?

    /// Prepares `expr` for instant queries on engines with `lookbackDelta` (the relative windows
    /// depend on it; an engine with another one evaluates the expression unprepared).
    public init(_ expr: Expr, lookbackDelta: PromDuration = Engine().lookbackDelta) {
        self.expr = expr
        self.lookbackDelta = lookbackDelta.milliseconds
        var set: Set<MatrixSelector> = []
        Evaluator.collectSummarised(expr, minimumRange: 0, into: &set)
        var summarised: [(matrix: MatrixSelector, matchers: [SeriesMatcher])] = []
        var convertible = true
        for matrix in set {
            guard let matchers = try? Engine.seriesMatchers(matrix.selector) else {
                convertible = false
                break
            }
            summarised.append((matrix, matchers))
        }
        self.summarised = summarised
        self.summarisedSet = set
        self.plan = LabelFreePlan.of(expr).map { (root: $0.plan, leaves: $0.leaves) }
        guard convertible, Self.movesWithTime(expr) else {
            self.reads = nil
            self.latestSelectors = []
            self.dataSelectors = []
            return
        }
        let evaluator = Evaluator(
            data: [:], lookbackDelta: lookbackDelta.milliseconds, subqueryStep: 0, queryStart: 0, queryEnd: 0)
        var windows: [VectorSelector: (start: Int64, end: Int64)] = [:]
        evaluator.plan(expr, start: 0, end: 0, summarised: set, into: &windows)
        var rangeRead: Set<VectorSelector> = []
        Evaluator.rangeReadSelectors(expr, summarised: set, into: &rangeRead)
        var reads: [Read] = []
        for (selector, window) in windows {
            guard let matchers = try? Engine.seriesMatchers(selector) else {
                self.reads = nil
                    self.latestSelectors = []
                self.dataSelectors = []
                return
            }
            reads.append(Read(
                selector: selector, matchers: matchers, start: window.start, end: window.end, latestOnly: !rangeRead.contains(selector)))
        }
        self.reads = reads
        self.latestSelectors = reads.filter(\.latestOnly).map(\.selector)
        self.dataSelectors = reads.filter { !$0.latestOnly }.map(\.selector)
    }

    /// The lookback delta the relative windows were made with, in milliseconds.
    let lookbackDelta: Int64

    /// Whether every selector's window is the evaluation time shifted by a constant: no `@`
    /// modifier and no subquery.
    static func movesWithTime(_ expr: Expr) -> Bool {
        switch expr {
        case .number, .string: true
        case .vectorSelector(let selector): selector.at == nil
        case .matrixSelector(let matrix): matrix.selector.at == nil
        case .subquery: false
        case .call(let call): call.arguments.allSatisfy(movesWithTime)
        case .aggregation(let aggregation): movesWithTime(aggregation.expr) && (aggregation.parameter.map(movesWithTime) ?? true)
        case .binary(let binary): movesWithTime(binary.lhs) && movesWithTime(binary.rhs)
        case .unary(let unary): movesWithTime(unary.expr)
        case .paren(let inner): movesWithTime(inner)
        }
    }
}
