internal import Alerting
internal import Hummingbird
internal import Rules

/// `GET /api/v1/rules`: the rule groups in force with their health and alerts, in Prometheus'
/// shape, and the SLOs.
enum RulesRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/api/v1/rules") { request, _ in
            let type = request.uri.queryParameters.get("type")
            if let type, !["alert", "record", "slo"].contains(type) {
                return APIResponse.error(.badRequest, type: .badData, "invalid query parameter type=\"\(type)\": expected alert, record or slo")
            }
            let slos = await state.rules.current.slos
            return APIResponse.success(RulesDocument(await state.scheduler.status(), slos: slos, type: type))
        }
    }
}
