internal import HTTPTypes
internal import Hummingbird
internal import Ingest
internal import Logging
internal import NIOCore

/// `POST /api/v1/write` (remote-write 1.0 and 2.0) and `GET /api/v1/status/ingest`.
enum IngestRoutes {
    static func add(to router: Router<BasicRequestContext>, state: ServerState, authenticator: WriteAuthenticator) {
        router.post("/api/v1/write") { request, _ in
            guard authenticator.allows(authorization: request.headers[.authorization]) else {
                var response = APIResponse.text("unauthorized\n", status: .unauthorized)
                if let challenge = authenticator.challenge { response.headers[.wwwAuthenticate] = challenge }
                return response
            }
            let limit = state.ingestor.maxBodyBytes
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                return APIResponse.text("request body of \(length) bytes exceeds the limit of \(limit) bytes\n", status: .contentTooLarge)
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: limit)
            } catch {
                return APIResponse.text("request body exceeds the limit of \(limit) bytes\n", status: .contentTooLarge)
            }
            // Decoded where it lies in the request's buffer, not copied into an array first.
            let result = await state.ingestor.ingest(body: buffer.readableBytesView, contentType: request.headers[.contentType])
            var response = result.isSuccess
                ? Response(status: .init(code: result.status))
                : APIResponse.text(result.message + "\n", status: .init(code: result.status))
            for (name, value) in result.headers {
                if let field = HTTPField.Name(name) { response.headers[field] = value }
            }
            if !result.isSuccess {
                state.logger.debug("remote-write request refused", metadata: ["status": "\(result.status)", "error": "\(result.message)"])
            }
            return response
        }
        router.get("/api/v1/status/ingest") { _, _ in
            let statistics = await state.ingestor.statistics
            let filter = await state.ingestor.currentFilter
            return APIResponse.success(IngestStatusDocument(statistics: statistics, filter: filter))
        }
    }
}
