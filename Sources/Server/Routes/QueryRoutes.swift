internal import Foundation
internal import Hummingbird
internal import PromQL
internal import Storage

/// `GET|POST /api/v1/query` and `/api/v1/query_range`: PromQL over the stored series, with
/// Prometheus 2.42's semantics and JSON shapes, so Grafana can use Burnrate as a Prometheus data source.
enum QueryRoutes {
    /// Prometheus' limit on points per series in a range query.
    static let maxPoints: Int64 = 11_000

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        let engine = Engine()
        let query: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let expr = try parse(parameters)
                let time = try parameters.time("time") ?? now()
                let value: Value
                do {
                    value = try await engine.instantQuery(expr, at: time, reader: state.store)
                } catch let error as EvaluationError {
                    throw apiError(error)
                }
                return APIResponse.json(QueryResultJSON.envelope(value))
            }
        }
        router.get("/api/v1/query", use: query)
        router.post("/api/v1/query", use: query)

        let queryRange: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let expr = try parse(parameters)
                guard let start = try parameters.time("start") else { throw APIError.badData("invalid parameter \"start\": missing") }
                guard let end = try parameters.time("end") else { throw APIError.badData("invalid parameter \"end\": missing") }
                let step = try stepParameter(parameters)
                guard end >= start else { throw APIError.badData("invalid parameter \"end\": end timestamp must not be before start time") }
                guard step > 0 else {
                    throw APIError.badData("invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer")
                }
                guard (end - start) / step <= maxPoints else {
                    throw APIError.badData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")
                }
                let value: Value
                do {
                    value = try await engine.rangeQuery(expr, start: start, end: end, step: step, reader: state.store)
                } catch let error as EvaluationError {
                    throw apiError(error)
                }
                return APIResponse.json(QueryResultJSON.envelope(value))
            }
        }
        router.get("/api/v1/query_range", use: queryRange)
        router.post("/api/v1/query_range", use: queryRange)
    }

    private static func parse(_ parameters: APIParameters) throws(APIError) -> Expr {
        guard let text = parameters.get("query"), !text.isEmpty else {
            throw APIError.badData("invalid parameter \"query\": query is empty")
        }
        do {
            return try Parser.parse(text)
        } catch {
            throw APIError.badData("invalid parameter \"query\": \(error)")
        }
    }

    /// `step` as seconds (fractions allowed) or a Prometheus duration (`15s`, `1m`); milliseconds.
    private static func stepParameter(_ parameters: APIParameters) throws(APIError) -> Int64 {
        guard let text = parameters.get("step"), !text.isEmpty else { throw APIError.badData("invalid parameter \"step\": missing") }
        if let seconds = Double(text), seconds.isFinite { return Int64((seconds * 1000).rounded()) }
        if let duration = try? PromDuration(parsing: text) { return duration.milliseconds }
        throw APIError.badData("invalid parameter \"step\": cannot parse \"\(text)\" to a valid duration")
    }

    private static func apiError(_ error: EvaluationError) -> APIError {
        switch error.code {
        case .execution: APIError(status: .unprocessableContent, type: .execution, message: error.message)
        case .badData: APIError.badData(error.message)
        case .storage: APIError(status: .serviceUnavailable, type: .internalError, message: error.message)
        }
    }

    private static func now() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }
}
