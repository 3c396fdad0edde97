import Delivery

/// A scripted `HTTPTransport`: answers each request with what `respond` says (by the request and
/// how many times its `webhook-id` was sent before), records every request, counts requests in
/// flight, and can hold requests until the test releases them.
actor FakeTransport: HTTPTransport {
    enum Answer: Sendable {
        case status(Int, headers: [HTTPHeader] = [])
        case failure(String)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let respond: @Sendable (WebhookRequest, Int) -> Answer
    private(set) var requests: [WebhookRequest] = []
    private(set) var inFlight = 0
    private(set) var maxInFlight = 0
    private(set) var inFlightGroups: [String: Int] = [:]
    private(set) var maxInFlightPerGroup = 0
    private var holding = false
    private var held: [CheckedContinuation<Void, Never>] = []

    init(respond: @escaping @Sendable (WebhookRequest, Int) -> Answer = { _, _ in .status(200) }) {
        self.respond = respond
    }

    /// Holds every request until `release()`.
    func hold() { holding = true }

    /// How many requests wait to be released.
    var heldCount: Int { held.count }

    /// Lets the held requests go on.
    func release() {
        let waiting = held
        held = []
        for continuation in waiting { continuation.resume() }
    }

    /// Stops holding and lets everything go on.
    func stopHolding() {
        holding = false
        release()
    }

    /// The `webhook-id`s of the requests, in the order they were sent.
    var ids: [String] { requests.map { $0.header("webhook-id") ?? "" } }

    func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        let id = request.header("webhook-id") ?? ""
        let previous = requests.count { $0.header("webhook-id") == id }
        requests.append(request)
        let group = String(decoding: request.body, as: UTF8.self).split(separator: "|").first.map(String.init) ?? ""
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        inFlightGroups[group, default: 0] += 1
        maxInFlightPerGroup = max(maxInFlightPerGroup, inFlightGroups[group] ?? 0)
        if holding { await withCheckedContinuation { held.append($0) } }
        inFlight -= 1
        inFlightGroups[group, default: 0] -= 1
        switch respond(request, previous) {
        case .status(let status, let headers): return WebhookResponse(status: status, headers: headers)
        case .failure(let text): throw Failure(description: text)
        }
    }
}
