@testable import Delivery
import Foundation
import Testing

@Suite struct RetryPolicyTests {
    typealias F = DeliveryFixtures

    private func record(attempts: Int = 0, createdAt: Int64 = F.start) -> OutboxRecord {
        OutboxRecord(message: F.message("m", at: createdAt), sequence: 1, attempts: attempts, nextAttemptAt: createdAt)
    }

    @Test func backoffDoublesUpToTheCapWithEqualJitter() {
        let policy = F.policy
        #expect((1...6).map { policy.backoff(attempt: $0, jitter: 1) } == [1, 2, 4, 8, 8, 8].map { Duration.seconds($0) })
        #expect((1...5).map { policy.backoff(attempt: $0, jitter: 0) } == [500, 1000, 2000, 4000, 4000].map { Duration.milliseconds($0) })
        #expect(policy.backoff(attempt: 3, jitter: 0.25) == .milliseconds(2500))
        #expect(RetryPolicy().backoff(attempt: 1000, jitter: 1) == .seconds(300))
    }

    @Test func twoHundredsAreDelivered() {
        for status in [200, 201, 202, 204, 299] {
            #expect(F.policy.outcome(of: .response(status: status, retryAfter: nil, body: ""), for: record(), now: F.start, jitter: { 0 })
                == .delivered(status: status))
        }
    }

    @Test func connectionErrorsAndServerErrorsAreRetriedWithBackoff() {
        let failure = F.policy.outcome(of: .failure("connection refused"), for: record(attempts: 2), now: F.start + 10, jitter: { 0.5 })
        #expect(failure == .retry(at: F.start + 10 + 3000, status: nil, error: "connection refused"))
        for status in [500, 502, 503, 504] {
            let outcome = F.policy.outcome(
                of: .response(status: status, retryAfter: nil, body: "busy"), for: record(), now: F.start, jitter: { 1 })
            #expect(outcome == .retry(at: F.start + 1000, status: status, error: "HTTP \(status): busy"))
        }
    }

    @Test func tooManyRequestsHonoursRetryAfter() {
        let seconds = F.policy.outcome(of: .response(status: 429, retryAfter: "7", body: ""), for: record(), now: F.start, jitter: { 0 })
        #expect(seconds == .retry(at: F.start + 7000, status: 429, error: "HTTP 429"))
        // An HTTP-date, 90 s after now.
        let now = Int64(1_445_412_480_000)  // Wed, 21 Oct 2015 07:28:00 GMT
        let date = F.policy.outcome(
            of: .response(status: 429, retryAfter: "Wed, 21 Oct 2015 07:29:30 GMT", body: ""), for: record(createdAt: now), now: now,
            jitter: { 0 })
        #expect(date == .retry(at: now + 90_000, status: 429, error: "HTTP 429"))
        // A date in the past: at once.
        let past = F.policy.outcome(
            of: .response(status: 429, retryAfter: "Wed, 21 Oct 2015 07:27:00 GMT", body: ""), for: record(createdAt: now), now: now,
            jitter: { 0 })
        #expect(past == .retry(at: now, status: 429, error: "HTTP 429"))
        // Capped, and without (or with a garbled) Retry-After the backoff applies.
        let capped = F.policy.outcome(of: .response(status: 429, retryAfter: "99999", body: ""), for: record(), now: F.start, jitter: { 0 })
        #expect(capped == .retry(at: F.start + 600_000, status: 429, error: "HTTP 429"))
        let none = F.policy.outcome(of: .response(status: 429, retryAfter: nil, body: ""), for: record(), now: F.start, jitter: { 1 })
        #expect(none == .retry(at: F.start + 1000, status: 429, error: "HTTP 429"))
        let garbled = F.policy.outcome(of: .response(status: 429, retryAfter: "soon", body: ""), for: record(), now: F.start, jitter: { 1 })
        #expect(garbled == .retry(at: F.start + 1000, status: 429, error: "HTTP 429"))
        // 503 may carry it too.
        let unavailable = F.policy.outcome(of: .response(status: 503, retryAfter: "3", body: ""), for: record(), now: F.start, jitter: { 0 })
        #expect(unavailable == .retry(at: F.start + 3000, status: 503, error: "HTTP 503"))
    }

    @Test func otherClientErrorsAndRedirectsAreDeadLetters() {
        for status in [301, 400, 401, 403, 404, 410, 413, 422] {
            let outcome = F.policy.outcome(
                of: .response(status: status, retryAfter: "1", body: "no"), for: record(), now: F.start, jitter: { 0 })
            #expect(outcome == .dead(status: status, error: "HTTP \(status): no"))
        }
    }

    @Test func messagesOlderThanTheMaximumAgeAreDeadLetters() {
        let young = F.policy.outcome(of: .failure("timeout"), for: record(attempts: 9), now: F.start + 3_599_999, jitter: { 0 })
        #expect(young == .retry(at: F.start + 3_599_999 + 4000, status: nil, error: "timeout"))
        let old = F.policy.outcome(of: .response(status: 502, retryAfter: nil, body: ""), for: record(attempts: 9), now: F.start + 3_600_000, jitter: { 0 })
        guard case .dead(let status, let error) = old else {
            Issue.record("expected a dead letter, got \(old)")
            return
        }
        #expect(status == 502)
        #expect(error.hasPrefix("gave up after 10 attempts"))
        #expect(error.hasSuffix("HTTP 502"))
        // Without a maximum age: retried forever.
        let forever = RetryPolicy(maxAge: nil)
        let outcome = forever.outcome(of: .failure("timeout"), for: record(attempts: 500), now: F.start + 86_400_000 * 30, jitter: { 1 })
        #expect(outcome == .retry(at: F.start + 86_400_000 * 30 + 300_000, status: nil, error: "timeout"))
    }

    @Test func retryAfterParsesSecondsAndTheThreeDateForms() {
        let now = Int64(784_111_777_000)  // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.milliseconds("120", now: now) == 120_000)
        #expect(RetryAfter.milliseconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.milliseconds("Sun, 06 Nov 1994 08:49:47 GMT", now: now) == 10_000)
        #expect(RetryAfter.milliseconds("Sunday, 06-Nov-94 08:49:47 GMT", now: now) == 10_000)
        #expect(RetryAfter.milliseconds("Sun Nov  6 08:49:47 1994", now: now) == 10_000)
        #expect(RetryAfter.milliseconds("-5", now: now) == nil)
        #expect(RetryAfter.milliseconds("1.5", now: now) == nil)
        #expect(RetryAfter.milliseconds("", now: now) == nil)
    }
}
