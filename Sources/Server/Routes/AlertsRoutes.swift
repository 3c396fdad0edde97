internal import Alerting
internal import Hummingbird

/// `GET /api/v1/alerts`: the pending and firing alerts of every alerting rule, in Prometheus' shape.
enum AlertsRoutes {
    struct AlertsDocument: Encodable, Sendable {
        let alerts: [AlertDocument]
    }

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/api/v1/alerts") { _, _ in
            APIResponse.success(AlertsDocument(alerts: await state.scheduler.activeAlerts().map(AlertDocument.init)))
        }
    }
}
