internal import Alerting
internal import Foundation
internal import Hummingbird
internal import Incidents
internal import Logging
internal import PromQL
internal import Rules
internal import SLO

/// The SLO API: `GET /api/v1/slos` (every SLO state, filtered by `service`, `slo` ids and
/// `label=name=value`), `GET /api/v1/slos/{id}` (one SLO with its budget history) and the deploy
/// gate, `GET /api/v1/gate`, answering 200 to allow and 403 otherwise, with the verdicts.
enum SLORoutes {
    struct ListDocument: Encodable, Sendable {
        let slos: [SLOStateDocument]
        let errors: [ErrorDocument]
    }

    struct ErrorDocument: Encodable, Sendable {
        let id: String
        let error: String
    }

    struct DetailDocument: Encodable, Sendable {
        let states: [SLOStateDocument]
        let history: [HistoryPoint]
    }

    struct HistoryPoint: Encodable, Sendable {
        let time: String
        let remaining: [Remaining]
    }

    struct Remaining: Encodable, Sendable {
        let labels: [String: String]
        let value: Double
    }

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/api/v1/slos") { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let time = try parameters.time("time") ?? now(state)
                let ruleSet = await state.rules.current
                let slos = try select(ruleSet.slos, parameters)
                let (statuses, errors) = await states(of: slos, ruleSet: ruleSet, at: time, state: state)
                return APIResponse.success(ListDocument(slos: statuses.map(SLOStateDocument.init), errors: errors))
            }
        }

        router.get("/api/v1/slos/:id") { request, context in
            await handle {
                let parameters = try await APIParameters.read(request)
                let id = context.parameters.get("id") ?? ""
                let ruleSet = await state.rules.current
                guard let slo = ruleSet.slos.first(where: { $0.id == id }) else {
                    throw APIError(status: .notFound, type: .notFound, message: "no SLO with id \"\(id)\"")
                }
                let time = try parameters.time("time") ?? now(state)
                let length = SLOStatusCalculator.periodWindow(slo.period, at: time)?.length ?? 30 * 86_400_000
                let step = try duration(parameters, "step") ?? max(300_000, length / 120)
                let start = try parameters.time("start") ?? (time - length)
                guard (time - start) / step <= 11_000 else {
                    throw APIError.badData("exceeded maximum resolution of 11,000 points. Try a larger step")
                }
                let calculator = SLOStatusCalculator(ruleSet: ruleSet)
                let alerts = await state.scheduler.activeAlerts()
                let statuses: [SLOStatus]
                let history: [BudgetPoint]
                do {
                    statuses = try await calculator.statuses(for: slo, at: time, reader: state.store, alerts: alerts)
                    history = try await calculator.budgetHistory(for: slo, from: start, to: time, step: step, reader: state.store)
                } catch {
                    throw APIError(status: .unprocessableContent, type: .execution, message: "\(error)")
                }
                return APIResponse.success(DetailDocument(
                    states: statuses.map(SLOStateDocument.init),
                    history: history.map { point in
                        HistoryPoint(
                            time: RFC3339Time.format(milliseconds: point.time),
                            remaining: point.remaining.sorted { $0.key.description < $1.key.description }.map {
                                Remaining(labels: $0.key, value: $0.value)
                            })
                    }))
            }
        }

        // GET, and POST for Flagger's webhooks (which post their own JSON: the parameters are in the URL).
        let gate: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let policy = try gatePolicy(parameters)
                let ids = parameters.all("slo")
                let service = parameters.get("service")
                guard service != nil || !ids.isEmpty else {
                    throw APIError.badData("give the SLOs to check: service=NAME or slo=ID (repeatable)")
                }
                let ruleSet = await state.rules.current
                let slos = ruleSet.slos.filter { slo in (service.map { slo.service == $0 } ?? true) && (ids.isEmpty || ids.contains(slo.id)) }
                var unknown = ids.filter { id in !ruleSet.slos.contains { $0.id == id } }
                if let service, !ruleSet.slos.contains(where: { $0.service == service }) { unknown.append("service \(service)") }
                let (statuses, errors) = await states(of: slos, ruleSet: ruleSet, at: try parameters.time("time") ?? now(state), state: state)
                unknown += errors.map(\.id)
                var open: [Incident] = []
                if policy.blockOnIncident { open = await unresolvedIncidents(state) }
                let results = statuses.map { status in
                    GateEvaluator.judge(status, policy: policy, incidents: open.filter { $0.slo == status.id && $0.matches(status.groupLabels) }.map(\.gate))
                }
                let decision = GateEvaluator.decide(results, unknownSLOs: unknown)
                return APIResponse.success(
                    GateDocument(decision: decision, results: results, unknownSLOs: unknown),
                    status: decision == .allow ? .ok : .forbidden)
            }
        }
        router.get("/api/v1/gate", use: gate)
        router.post("/api/v1/gate", use: gate)
    }

    /// The SLOs a request selects: `service`, `slo` (ids, repeatable), `label` (`name=value`, repeatable).
    static func select(_ slos: [SLO], _ parameters: APIParameters) throws(APIError) -> [SLO] {
        var labels: [(String, String)] = []
        for text in parameters.all("label") {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw APIError.badData("invalid parameter \"label\": \"\(text)\" is not name=value")
            }
            labels.append((parts[0], parts[1]))
        }
        let ids = parameters.all("slo")
        let service = parameters.get("service")
        return slos.filter { slo in
            (service.map { slo.service == $0 } ?? true) && (ids.isEmpty || ids.contains(slo.id))
                && labels.allSatisfy { slo.labels[$0.0] == $0.1 }
        }
    }

    static func states(of slos: [SLO], ruleSet: RuleSet, at time: Int64, state: ServerState) async -> ([SLOStatus], [ErrorDocument]) {
        let calculator = SLOStatusCalculator(ruleSet: ruleSet)
        let alerts = await state.scheduler.activeAlerts()
        var statuses: [SLOStatus] = []
        var errors: [ErrorDocument] = []
        for slo in slos {
            do {
                statuses += try await calculator.statuses(for: slo, at: time, reader: state.store, alerts: alerts)
            } catch {
                errors.append(ErrorDocument(id: slo.id, error: error.message))
            }
        }
        return (statuses, errors)
    }

    static func gatePolicy(_ parameters: APIParameters) throws(APIError) -> GatePolicy {
        var policy = GatePolicy()
        if let text = parameters.get("min_remaining") {
            guard let value = Double(text), value.isFinite, value <= 1 else {
                throw APIError.badData("invalid parameter \"min_remaining\": \"\(text)\" is not a ratio such as 0.25")
            }
            policy.minRemaining = value
        }
        if let text = parameters.get("max_burn_rate") {
            guard let rates = GatePolicy.burnRates(text) else {
                throw APIError.badData("invalid parameter \"max_burn_rate\": \"\(text)\" is not a list such as 1h=2,6h=1")
            }
            policy.maxBurnRates = rates
        }
        if let text = parameters.get("block_on_firing") {
            guard let blocking = GatePolicy.Blocking(rawValue: text) else {
                throw APIError.badData("invalid parameter \"block_on_firing\": \"\(text)\" is not page, ticket or none")
            }
            policy.blockOnFiring = blocking
        }
        if let text = parameters.get("block_on_incident") {
            guard let value = Bool(text) else {
                throw APIError.badData("invalid parameter \"block_on_incident\": \"\(text)\" is not true or false")
            }
            policy.blockOnIncident = value
        }
        if let text = parameters.get("min_coverage") {
            guard let value = Double(text), value >= 0, value <= 1 else {
                throw APIError.badData("invalid parameter \"min_coverage\": \"\(text)\" is not a ratio between 0 and 1")
            }
            policy.minCoverage = value
        }
        return policy
    }

    /// The unresolved incidents, for the gate; none when they cannot be read (logged).
    private static func unresolvedIncidents(_ state: ServerState) async -> [Incident] {
        do {
            return try await state.incidents.unresolved()
        } catch {
            state.logger.error("cannot read incidents for the deploy gate", metadata: ["error": "\(error.message)"])
            return []
        }
    }

    private static func duration(_ parameters: APIParameters, _ name: String) throws(APIError) -> Int64? {
        guard let text = parameters.get(name) else { return nil }
        if let seconds = Double(text), seconds > 0 { return Int64(seconds * 1000) }
        guard let duration = (try? PromDuration(parsing: text))?.milliseconds, duration > 0 else {
            throw APIError.badData("invalid parameter \"\(name)\": cannot parse \"\(text)\" to a valid duration")
        }
        return duration
    }

    /// Now, less the rule query offset, so that the API sees what the alerts see.
    private static func now(_ state: ServerState) -> Int64 {
        let (seconds, attoseconds) = state.config.ruleQueryOffset.components
        return Int64((Date().timeIntervalSince1970 * 1000).rounded()) - (seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
