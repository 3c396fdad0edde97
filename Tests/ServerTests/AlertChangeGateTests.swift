@testable import Server
import Testing

/// What follows an evaluation runs when the alerts changed, and at least every minute.
@Suite struct AlertChangeGateTests {
    @Test func runsOnAChangeAndOnTheRefreshOnly() {
        let gate = AlertChangeGate(refresh: 60_000)
        #expect(gate.shouldRun(version: 0, now: 1_000), "the first time")
        #expect(!gate.shouldRun(version: 0, now: 2_000), "nothing changed")
        #expect(gate.shouldRun(version: 1, now: 3_000), "the alerts changed")
        #expect(!gate.shouldRun(version: 1, now: 62_999))
        #expect(gate.shouldRun(version: 1, now: 63_000), "a minute since the last run")
        #expect(gate.shouldRun(version: 1, now: 10_000), "the wall clock went back")
    }
}
