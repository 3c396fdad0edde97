internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import Incidents
internal import PromQL
internal import Rules

/// The incidents API: `GET /api/v1/incidents` (filters `status`, `slo`, `service`, `since`,
/// `limit`), `GET /api/v1/incidents/stats` (`since`, `by`), `GET /api/v1/incidents/{id}`, and
/// `POST /api/v1/incidents/{id}/ack`, `/resolve`, `/notes`, `/flag`, which require the API token
/// when `web.api_token_file` is set. Parameters come from the query string or a form body.
enum IncidentRoutes {
    struct ListDocument: Encodable, Sendable {
        let incidents: [IncidentDocument]
    }

    static func add(to router: Router<BasicRequestContext>, state: ServerState, authenticator: WriteAuthenticator) {
        router.get("/api/v1/incidents") { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                var filter = IncidentFilter(slo: parameters.get("slo"), service: parameters.get("service"))
                for text in parameters.all("status") {
                    for name in text.split(separator: ",") {
                        guard let status = IncidentStatus(rawValue: String(name)) else {
                            throw APIError.badData("invalid parameter \"status\": \"\(name)\" is not open, acknowledged or resolved")
                        }
                        filter.statuses.insert(status)
                    }
                }
                filter.since = try since(parameters, now: now(state))
                if let text = parameters.get("limit") {
                    guard let limit = Int(text), limit > 0 else {
                        throw APIError.badData("invalid parameter \"limit\": \"\(text)\" is not a positive whole number")
                    }
                    filter.limit = limit
                }
                let incidents = try await tracked { () async throws(IncidentError) in try await state.incidents.incidents(filter) }
                return APIResponse.success(ListDocument(incidents: incidents.map(IncidentDocument.init)))
            }
        }

        router.get("/api/v1/incidents/stats") { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                let time = now(state)
                let start = try since(parameters, now: time) ?? (time - 30 * 86_400_000)
                let text = parameters.get("by") ?? "all"
                guard let grouping = IncidentGrouping(rawValue: text) else {
                    throw APIError.badData("invalid parameter \"by\": \"\(text)\" is not all, slo or service")
                }
                let incidents = try await tracked { () async throws(IncidentError) in
                    try await state.incidents.incidents(IncidentFilter(since: start))
                }.filter { $0.detectedAt >= start }
                return APIResponse.success(IncidentStatisticsDocument(
                    since: RFC3339Time.format(milliseconds: start), until: RFC3339Time.format(milliseconds: time), by: grouping.rawValue,
                    definitions: IncidentStatisticsDocument.definitions,
                    groups: IncidentStatistics.compute(incidents, by: grouping).map(IncidentStatisticsDocument.Group.init)))
            }
        }

        router.get("/api/v1/incidents/:id") { _, context in
            await handle {
                let id = try incidentID(context)
                guard let incident = try await tracked({ () async throws(IncidentError) in try await state.incidents.incident(id: id) }) else {
                    throw APIError(status: .notFound, type: .notFound, message: "no incident with id \(id)")
                }
                return APIResponse.success(IncidentDocument(incident: incident))
            }
        }

        mutation(router, "ack", state: state, authenticator: authenticator) { (id: Int64, parameters: APIParameters, time: Int64) async throws(IncidentError) -> Incident in
            try await state.incidents.acknowledge(id: id, by: try person(parameters), at: time)
        }
        mutation(router, "resolve", state: state, authenticator: authenticator) { (id: Int64, parameters: APIParameters, time: Int64) async throws(IncidentError) -> Incident in
            try await state.incidents.resolve(id: id, by: try person(parameters), at: time)
        }
        mutation(router, "notes", state: state, authenticator: authenticator) { (id: Int64, parameters: APIParameters, time: Int64) async throws(IncidentError) -> Incident in
            guard let text = parameters.get("text") else { throw IncidentError(.badInput, "missing parameter \"text\": the note") }
            return try await state.incidents.addNote(id: id, author: try person(parameters), text: text, at: time)
        }
        mutation(router, "flag", state: state, authenticator: authenticator) { (id: Int64, parameters: APIParameters, time: Int64) async throws(IncidentError) -> Incident in
            let text = parameters.get("flag") ?? ""
            let flag = IncidentFlag(rawValue: text)
            guard flag != nil || text == "none" else {
                throw IncidentError(.badInput, "invalid parameter \"flag\": \"\(text)\" is not maintenance, test or none")
            }
            return try await state.incidents.flag(id: id, as: flag, by: try person(parameters), at: time)
        }
    }

    /// `POST /api/v1/incidents/{id}/<action>`: checks the token, reads the parameters, performs
    /// `body` at now and answers with the incident.
    private static func mutation(
        _ router: Router<BasicRequestContext>, _ action: String, state: ServerState, authenticator: WriteAuthenticator,
        _ body: @escaping @Sendable (Int64, APIParameters, Int64) async throws(IncidentError) -> Incident
    ) {
        router.post("/api/v1/incidents/:id/\(action)") { request, context in
            guard authenticator.allows(authorization: request.headers[.authorization]) else {
                var response = APIError(status: .unauthorized, type: .unauthorized, message: "this endpoint requires the API token (Authorization: Bearer …)").response
                if let challenge = authenticator.challenge { response.headers[.wwwAuthenticate] = challenge }
                return response
            }
            return await handle {
                let id = try incidentID(context)
                let parameters = try await APIParameters.read(request)
                let time = now(state)
                let incident = try await tracked { () async throws(IncidentError) in try await body(id, parameters, time) }
                return APIResponse.success(IncidentDocument(incident: incident))
            }
        }
    }

    /// Runs a tracker call, turning its errors into API errors (404, 409, 400, 500).
    private static func tracked<T>(_ body: () async throws(IncidentError) -> T) async throws(APIError) -> T {
        do {
            return try await body()
        } catch {
            switch error.code {
            case .notFound: throw APIError(status: .notFound, type: .notFound, message: error.message)
            case .conflict: throw APIError(status: .conflict, type: .badData, message: error.message)
            case .badInput: throw APIError.badData(error.message)
            case .storage: throw APIError.internalError(error.message)
            }
        }
    }

    private static func incidentID(_ context: BasicRequestContext) throws(APIError) -> Int64 {
        let text = context.parameters.get("id") ?? ""
        guard let id = Int64(text), id > 0 else {
            throw APIError.badData("invalid incident id \"\(text)\": expected a positive whole number")
        }
        return id
    }

    /// Who: `by` (or `author` for notes).
    private static func person(_ parameters: APIParameters) throws(IncidentError) -> String {
        guard let name = parameters.get("by") ?? parameters.get("author") else {
            throw IncidentError(.badInput, "missing parameter \"by\": who does this")
        }
        return name
    }

    /// `since`: a duration back from now (`30d`) or a time (Unix seconds or RFC 3339).
    static func since(_ parameters: APIParameters, now: Int64) throws(APIError) -> Int64? {
        guard let text = parameters.get("since"), !text.isEmpty else { return nil }
        if let duration = (try? PromDuration(parsing: text))?.milliseconds, duration > 0 {
            return now - duration
        }
        do {
            return try parameters.time("since")
        } catch {
            throw APIError.badData("invalid parameter \"since\": \"\(text)\" is neither a duration such as 30d nor a time")
        }
    }

    /// Now less the rule query offset: the time axis of the alerts, which incidents share.
    static func now(_ state: ServerState) -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded()) - ServerState.milliseconds(state.config.ruleQueryOffset)
    }
}
