internal import Alerting
internal import Hummingbird
internal import Prometheus
internal import Rules
internal import Storage

/// `/-/healthy`, `/-/ready`, `/-/reload` and `/metrics`.
enum StatusRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/-/healthy") { _, _ in APIResponse.text("Burnrate is Healthy.\n") }
        router.head("/-/healthy") { _, _ in APIResponse.text("") }
        router.get("/-/ready") { _, _ in APIResponse.text("Burnrate is Ready.\n") }
        router.head("/-/ready") { _, _ in APIResponse.text("") }
        let reload: @Sendable (Request, BasicRequestContext) async -> Response = { _, _ in
            switch await state.rules.reload() {
            case .applied(let ruleSet, let warnings):
                return APIResponse.success(ReloadDocument(
                    slos: ruleSet.slos.count, groups: ruleSet.groups.count, files: ruleSet.files.count,
                    warnings: warnings.map(DiagnosticDocument.init)))
            case .refused(let diagnostics):
                let errors = diagnostics.filter { $0.severity == .error }
                let summary = errors.prefix(3).map(\.description).joined(separator: "; ")
                return APIResponse.error(
                    .badRequest, type: .badData,
                    "rules are invalid, previous rules stay in force: \(errors.count) error(s): \(summary)",
                    data: diagnostics.map(DiagnosticDocument.init))
            }
        }
        router.post("/-/reload", use: reload)
        router.put("/-/reload", use: reload)
        let storageMetrics = StorageMetrics(registry: state.registry)
        router.get("/metrics") { _, _ in
            storageMetrics.update(await state.store.statistics())
            var buffer: [UInt8] = []
            state.registry.emit(into: &buffer)
            buffer += Array(SLOSeriesExposition.text(await state.scheduler.latestSamples(ofGroupsNamed: "sloth-slo-")).utf8)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(bytes: buffer)))
        }
    }
}

/// What a successful reload answers.
struct ReloadDocument: Encodable, Sendable {
    let slos: Int
    let groups: Int
    let files: Int
    let warnings: [DiagnosticDocument]
}
