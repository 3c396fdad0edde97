import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Rules
import Testing

/// `/api/v1/query` and `/api/v1/query_range` evaluate PromQL over what was written.
@Suite struct QueryRoutesTests {
    @Test func promQLOverStoredSeries() async throws {
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            // 0, 60, 120, ... per minute for 10 minutes: a rate of exactly 1/s.
            let samples: [(code: String, t: Int64, v: Double)] = (0...10).map { ("200", Int64($0) * 60_000, Double($0 * 60)) }
            let headers = IngestRoutesTests.headers
            try await client.execute(uri: "/api/v1/write", method: .post, headers: headers, body: IngestRoutesTests.body(samples)) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/query?query=sum(rate(http_requests_total%5B5m%5D))&time=600", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[600,"1"]}]}}"#)
            }
            try await client.execute(uri: "/api/v1/query?query=1%2B1&time=5", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"status":"success","data":{"resultType":"scalar","result":[5,"2"]}}"#)
            }
            let expected = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"http_requests_total","code":"200","job":"api"},"values":[[0,"0"],[60,"60"],[120,"120"]]}]}}"#
            try await client.execute(uri: "/api/v1/query_range?query=http_requests_total&start=0&end=120&step=60", method: .get) { response in
                #expect(String(buffer: response.body) == expected)
            }
            try await client.execute(uri: "/api/v1/query_range?query=http_requests_total&start=0&end=120&step=1m", method: .get) { response in
                #expect(String(buffer: response.body) == expected)
            }
            try await client.execute(uri: "/api/v1/query_range?query=http_requests_total&start=120&end=0&step=60", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/query_range?query=http_requests_total&start=0&end=120", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("step"))
            }
            try await client.execute(uri: "/api/v1/query_range?query=http_requests_total%5B5m%5D&start=0&end=120&step=60", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("must be Scalar or instant Vector"))
            }
            try await client.execute(uri: "/api/v1/query?query=http_requests_total%20%2B%20on()%20http_requests_total&time=600", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func manyToManyMatchingIsAnExecutionError() async throws {
        var config = BurnrateConfig()
        config.ingest.keepAll = true
        let server = try await TestServer(files: [:], config: config)
        try await server.test { client in
            let samples: [(code: String, t: Int64, v: Double)] = [("200", 0, 1), ("500", 0, 1)]
            try await client.execute(uri: "/api/v1/write", method: .post, headers: IngestRoutesTests.headers, body: IngestRoutesTests.body(samples)) { response in
                #expect(response.status == .noContent)
            }
            let query = "http_requests_total%20%2B%20on(job)%20http_requests_total"
            try await client.execute(uri: "/api/v1/query?query=\(query)&time=10", method: .get) { response in
                #expect(response.status == .unprocessableContent)
                let body = try json(response.body)
                #expect(body["errorType"] as? String == "execution")
                #expect((body["error"] as? String)?.contains("many-to-many matching not allowed") == true)
            }
        }
    }
}
