internal import SLO

/// The deploy gate's answer (`GET /api/v1/gate`): the decision and each SLO state's verdict
/// with its reasons.
struct GateDocument: Encodable, Sendable {
    let decision: String
    let slos: [Verdict]
    let unknownSLOs: [String]

    struct Verdict: Encodable, Sendable {
        let verdict: String
        let reasons: [String]
        let slo: SLOStateDocument
    }

    init(decision: GateDecision, results: [GateEvaluator.Result], unknownSLOs: [String]) {
        self.decision = decision.rawValue
        slos = results.map { Verdict(verdict: $0.verdict.rawValue, reasons: $0.reasons, slo: SLOStateDocument($0.status)) }
        self.unknownSLOs = unknownSLOs
    }
}
