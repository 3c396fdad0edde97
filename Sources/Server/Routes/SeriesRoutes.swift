internal import Hummingbird
internal import Rules
internal import Storage

/// `GET|POST /api/v1/series`, `/api/v1/labels`, `GET /api/v1/label/{name}/values`, in Prometheus' shape.
enum SeriesRoutes {
    /// The widest range, used when `start`/`end` are absent (as Prometheus' `minTime`/`maxTime`).
    static let allTime = (start: Int64.min / 2, end: Int64.max / 2)

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        let series: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let selectors = parameters.all("match[]")
                guard !selectors.isEmpty else { throw APIError.badData("no match[] parameter provided") }
                let (start, end) = try range(parameters)
                var seen: Set<Labels> = []
                var result: [[String: String]] = []
                for selector in selectors {
                    let matchers = try SelectorMatchers.parse(selector)
                    for labels in try await state.store.seriesLabels(matchers: matchers, start: start, end: end)
                    where seen.insert(labels).inserted {
                        result.append(Dictionary(uniqueKeysWithValues: labels.map { ($0.name, $0.value) }))
                    }
                }
                return APIResponse.success(result)
            }
        }
        router.get("/api/v1/series", use: series)
        router.post("/api/v1/series", use: series)

        let labels: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let (start, end) = try range(parameters)
                var names: Set<String> = []
                let selectors = parameters.all("match[]")
                if selectors.isEmpty {
                    names.formUnion(try await state.store.labelNames(matchers: [], start: start, end: end))
                }
                for selector in selectors {
                    names.formUnion(try await state.store.labelNames(matchers: try SelectorMatchers.parse(selector), start: start, end: end))
                }
                return APIResponse.success(names.sorted())
            }
        }
        router.get("/api/v1/labels", use: labels)
        router.post("/api/v1/labels", use: labels)

        router.get("/api/v1/label/{name}/values") { request, context in
            await handle {
                let name = context.parameters.get("name") ?? ""
                guard Names.isValidLabelName(name) else { throw APIError.badData("invalid label name: \"\(name)\"") }
                let parameters = try await APIParameters.read(request)
                let (start, end) = try range(parameters)
                var values: Set<String> = []
                let selectors = parameters.all("match[]")
                if selectors.isEmpty {
                    values.formUnion(try await state.store.labelValues(name: name, matchers: [], start: start, end: end))
                }
                for selector in selectors {
                    values.formUnion(try await state.store.labelValues(
                        name: name, matchers: try SelectorMatchers.parse(selector), start: start, end: end))
                }
                return APIResponse.success(values.sorted())
            }
        }
    }

    static func range(_ parameters: APIParameters) throws(APIError) -> (Int64, Int64) {
        let start = try parameters.time("start") ?? allTime.start
        let end = try parameters.time("end") ?? allTime.end
        guard end >= start else { throw APIError.badData("end timestamp must not be before start time") }
        return (start, end)
    }
}

/// Runs an API handler, turning `APIError` and storage failures into Prometheus' error envelope.
func handle(_ body: () async throws -> Response) async -> Response {
    do {
        return try await body()
    } catch let error as APIError {
        return error.response
    } catch let error as StorageError {
        return APIError(status: .internalServerError, type: .internalError, message: error.message).response
    } catch {
        return APIError.badData("\(error)").response
    }
}
