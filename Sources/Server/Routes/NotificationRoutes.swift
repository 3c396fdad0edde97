internal import Delivery
internal import Hummingbird

/// The notification outbox: `GET /api/v1/notifications/status` (how many are pending, delivered,
/// dead) and `GET /api/v1/notifications/dead-letters[?limit=N]` (the notifications given up on:
/// a 4xx answer other than 429, or retried past their maximum age), newest last.
enum NotificationRoutes {
    struct StatusDocument: Encodable, Sendable {
        let pending: Int
        let delivered: Int
        let dead: Int
    }

    struct DeadLetterDocument: Encodable, Sendable {
        let id: String
        let receiver: String
        let integration: String
        let groupKey: String
        let createdAt: String
        let attempts: Int
        let lastStatus: Int?
        let lastError: String?
        let body: String
    }

    static func add(to router: Router<BasicRequestContext>, state: ServerState) {
        router.get("/api/v1/notifications/status") { _, _ in
            await handle {
                do {
                    let counts = try await state.outbox.counts()
                    return APIResponse.success(StatusDocument(pending: counts.pending, delivered: counts.delivered, dead: counts.dead))
                } catch {
                    throw APIError.internalError("cannot read the outbox: \(error)")
                }
            }
        }
        router.get("/api/v1/notifications/dead-letters") { request, _ in
            await handle {
                let parameters = try await APIParameters.read(request)
                var limit = 1000
                if let text = parameters.get("limit") {
                    guard let value = Int(text), value > 0 else {
                        throw APIError.badData("invalid parameter \"limit\": \"\(text)\" is not a positive integer")
                    }
                    limit = value
                }
                do {
                    let records = try await state.outbox.records(in: .dead, limit: limit)
                    return APIResponse.success(records.map { record in
                        DeadLetterDocument(
                            id: record.message.id, receiver: record.message.receiver, integration: record.message.integration,
                            groupKey: record.message.groupKey, createdAt: RFC3339Time.format(milliseconds: record.message.createdAt),
                            attempts: record.attempts, lastStatus: record.lastStatus, lastError: record.lastError,
                            body: String(decoding: record.message.body, as: UTF8.self))
                    })
                } catch {
                    throw APIError.internalError("cannot read the outbox: \(error)")
                }
            }
        }
    }
}
