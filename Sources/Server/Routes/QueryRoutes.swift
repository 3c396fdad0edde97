internal import Foundation
internal import Hummingbird
internal import PromQL
internal import Storage

/// `GET|POST /api/v1/query` for series selectors: an instant selector (`up{job="api"}`) or a range
/// selector (`up[5m]`), answered with exactly the stored samples in Prometheus' JSON shape.
/// Full PromQL evaluation replaces this with the evaluator.
enum QueryRoutes {
    /// Prometheus' default lookback for instant selectors.
    static let lookback: Int64 = 5 * 60 * 1000

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        let query: @Sendable (Request, BasicRequestContext) async -> Response = { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                guard let text = parameters.get("query"), !text.isEmpty else {
                    throw APIError.badData("invalid parameter \"query\": query is empty")
                }
                let time = try parameters.time("time") ?? Int64((Date().timeIntervalSince1970 * 1000).rounded())
                let expr: Expr
                do {
                    expr = try Parser.parse(text)
                } catch {
                    throw APIError.badData("invalid parameter \"query\": \(error)")
                }
                switch expr.unwrappingParens {
                case .vectorSelector(let selector):
                    let at = evaluationTime(time, selector)
                    let series = try await state.store.select(matchers: try SelectorMatchers.convert(selector), start: at - lookback, end: at)
                    return APIResponse.json(instant(series, at: time))
                case .matrixSelector(let matrix):
                    let at = evaluationTime(time, matrix.selector)
                    let series = try await state.store.select(
                        matchers: try SelectorMatchers.convert(matrix.selector), start: at - matrix.range.milliseconds, end: at)
                    return APIResponse.json(range(series))
                default:
                    throw APIError(
                        status: .badRequest, type: .badData,
                        message: "only series selectors (e.g. up{job=\"api\"} or up[5m]) are evaluated by this version; got \(expr)")
                }
            }
        }
        router.get("/api/v1/query", use: query)
        router.post("/api/v1/query", use: query)
    }

    /// The time a selector reads at: `@` replaces the evaluation time, `offset` moves it back.
    static func evaluationTime(_ time: Int64, _ selector: VectorSelector) -> Int64 {
        var at = time
        if case .timestamp(let milliseconds) = selector.at { at = milliseconds }
        return at - (selector.offset?.milliseconds ?? 0)
    }

    /// The newest sample of each series within the lookback, stale markers ending a series.
    static func instant(_ series: [SeriesSamples], at time: Int64) -> String {
        var items: [String] = []
        for entry in series {
            guard let last = entry.samples.last, !last.isStaleMarker else { continue }
            items.append("{\"metric\":\(labelsJSON(entry.labels)),\"value\":[\(SampleFormat.timestamp(milliseconds: time)),\"\(SampleFormat.value(last.v))\"]}")
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[\(items.joined(separator: ","))]}}"
    }

    /// Every sample of each series in the range, stale markers left out.
    static func range(_ series: [SeriesSamples]) -> String {
        var items: [String] = []
        for entry in series {
            let values = entry.samples.filter { !$0.isStaleMarker }
                .map { "[\(SampleFormat.timestamp(milliseconds: $0.t)),\"\(SampleFormat.value($0.v))\"]" }
            guard !values.isEmpty else { continue }
            items.append("{\"metric\":\(labelsJSON(entry.labels)),\"values\":[\(values.joined(separator: ","))]}")
        }
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\(items.joined(separator: ","))]}}"
    }

    static func labelsJSON(_ labels: Labels) -> String {
        "{" + labels.map { "\(jsonString($0.name)):\(jsonString($0.value))" }.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
