internal import Foundation
internal import Hummingbird
internal import Notify
internal import Rules

/// Silences in Alertmanager's API v2 shapes (so `amtool` and existing scripts work):
/// `GET /api/v1/silences[?filter=matcher…]`, `POST /api/v1/silences` (create, or update with
/// `id`) answering `{"silenceID": …}`, `GET /api/v1/silence/{id}`, `DELETE /api/v1/silence/{id}`
/// (expire); the same under `/api/v2/`.
enum SilenceRoutes {
    struct MatcherDocument: Codable, Sendable {
        let name: String
        let value: String
        let isRegex: Bool
        let isEqual: Bool?
    }

    struct StatusDocument: Codable, Sendable {
        let state: String
    }

    struct SilenceDocument: Codable, Sendable {
        let id: String?
        let matchers: [MatcherDocument]
        let startsAt: String
        let endsAt: String
        let createdBy: String
        let comment: String
        let updatedAt: String?
        let status: StatusDocument?
    }

    struct CreatedDocument: Encodable, Sendable {
        let silenceID: String
    }

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        for version in ["v1", "v2"] {
            router.get("/api/\(version)/silences") { request, _ in
                await handle {
                    let parameters = try await APIParameters.read(request)
                    var filters: [AlertMatcher] = []
                    for text in parameters.all("filter") {
                        do {
                            filters += try AlertMatcher.parseList(text)
                        } catch {
                            throw APIError.badData("invalid parameter \"filter\": \(error)")
                        }
                    }
                    let now = wallClock()
                    let silences = try await all(state).filter { silence in
                        filters.allSatisfy { filter in
                            silence.matchers.contains { $0.name == filter.name && filter.matches($0.value) }
                        }
                    }
                    return json(silences.map { document($0, now: now) })
                }
            }
            router.get("/api/\(version)/silence/:id") { _, context in
                await handle {
                    let id = context.parameters.get("id") ?? ""
                    guard let silence = try await all(state).first(where: { $0.id == id }) else {
                        throw APIError(status: .notFound, type: .notFound, message: "no silence with id \"\(id)\"")
                    }
                    return json(document(silence, now: wallClock()))
                }
            }
            router.post("/api/\(version)/silences") { request, _ in
                await handle {
                    let body = try await request.body.collect(upTo: 1 << 20)
                    let posted: SilenceDocument
                    do {
                        posted = try JSONDecoder().decode(SilenceDocument.self, from: Data(String(buffer: body).utf8))
                    } catch {
                        throw APIError.badData("invalid silence: \(error)")
                    }
                    let now = wallClock()
                    let silence = try silence(from: posted, now: now)
                    if let id = posted.id, !id.isEmpty {
                        guard let existing = try await all(state).first(where: { $0.id == id }) else {
                            throw APIError(status: .notFound, type: .notFound, message: "no silence with id \"\(id)\"")
                        }
                        guard existing.state(at: now) != .expired else {
                            throw APIError.badData("silence \(id) has expired and cannot be updated")
                        }
                    }
                    do {
                        try await state.silences.save(silence)
                    } catch {
                        throw APIError.internalError("cannot save the silence: \(error)")
                    }
                    return json(CreatedDocument(silenceID: silence.id))
                }
            }
            router.delete("/api/\(version)/silence/:id") { _, context in
                await handle {
                    let id = context.parameters.get("id") ?? ""
                    let expired: Silence?
                    do {
                        expired = try await state.silences.expire(id: id, now: wallClock())
                    } catch {
                        throw APIError.internalError("cannot expire the silence: \(error)")
                    }
                    guard expired != nil else {
                        throw APIError(status: .notFound, type: .notFound, message: "no silence with id \"\(id)\"")
                    }
                    return Response(status: .ok)
                }
            }
        }
    }

    static func silence(from posted: SilenceDocument, now: Int64) throws(APIError) -> Silence {
        guard !posted.matchers.isEmpty else { throw APIError.badData("invalid silence: at least one matcher is required") }
        var matchers: [AlertMatcher] = []
        for matcher in posted.matchers {
            let op: AlertMatcher.Operator = switch (matcher.isRegex, matcher.isEqual ?? true) {
            case (false, true): .equal
            case (false, false): .notEqual
            case (true, true): .regexMatch
            case (true, false): .regexNoMatch
            }
            do {
                matchers.append(try AlertMatcher(name: matcher.name, op: op, value: matcher.value))
            } catch {
                throw APIError.badData("invalid silence: matcher \(matcher.name): \(error)")
            }
        }
        guard let startsAt = time(posted.startsAt), let endsAt = time(posted.endsAt) else {
            throw APIError.badData("invalid silence: startsAt and endsAt must be RFC 3339 times")
        }
        let silence = Silence(
            id: posted.id.flatMap { $0.isEmpty ? nil : $0 } ?? UUID().uuidString.lowercased(), matchers: matchers,
            startsAt: max(startsAt, posted.id == nil ? now : startsAt), endsAt: endsAt, createdBy: posted.createdBy,
            comment: posted.comment, updatedAt: now)
        if let problem = silence.problems.first { throw APIError.badData("invalid silence: \(problem)") }
        return silence
    }

    static func document(_ silence: Silence, now: Int64) -> SilenceDocument {
        SilenceDocument(
            id: silence.id,
            matchers: silence.matchers.map { matcher in
                MatcherDocument(
                    name: matcher.name, value: matcher.value, isRegex: matcher.op == .regexMatch || matcher.op == .regexNoMatch,
                    isEqual: matcher.op == .equal || matcher.op == .regexMatch)
            },
            startsAt: RFC3339Time.format(milliseconds: silence.startsAt), endsAt: RFC3339Time.format(milliseconds: silence.endsAt),
            createdBy: silence.createdBy, comment: silence.comment, updatedAt: RFC3339Time.format(milliseconds: silence.updatedAt),
            status: StatusDocument(state: silence.state(at: now).rawValue))
    }

    private static func all(_ state: ServerState) async throws(APIError) -> [Silence] {
        do {
            return try await state.silences.silences()
        } catch {
            throw APIError.internalError("cannot read silences: \(error)")
        }
    }

    private static func time(_ text: String) -> Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    private static func wallClock() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1000).rounded())
    }

    private static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        return APIResponse.json(text)
    }
}
