internal import Hummingbird
internal import Rules

/// `GET /api/v1/rules`: the loaded rule groups in Prometheus' shape, and the SLOs.
enum RulesRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/api/v1/rules") { request, _ in
            let type = request.uri.queryParameters.get("type")
            if let type, !["alert", "record", "slo"].contains(type) {
                return APIResponse.error(.badRequest, type: .badData, "invalid query parameter type=\"\(type)\": expected alert, record or slo")
            }
            let ruleSet = await state.rules.current
            return APIResponse.success(RulesDocument(ruleSet, defaultInterval: state.config.evaluationInterval, type: type))
        }
    }
}
