import Alerting
import Storage
import Testing

@Suite struct AlertStateTests {
    let minute: Int64 = 60_000

    func alert(for hold: Int64, keepFiringFor: Int64 = 0) -> AlertState {
        AlertState(labels: ["alertname": "A"], activeAt: 0, value: 1, annotations: [:], holdDuration: hold, keepFiringFor: keepFiringFor)
    }

    @Test func pendingThenFiringAfterFor() {
        var state = alert(for: 2 * minute)
        #expect(state.on(.present(at: 0, value: 1, annotations: [:])) == .record(.pending))
        #expect(state.on(.present(at: minute, value: 2, annotations: ["a": "b"])) == .record(.pending))
        #expect(state.on(.present(at: 2 * minute, value: 3, annotations: [:])) == .record(.firing))
        #expect(state.firedAt == 2 * minute)
        #expect(state.activeAt == 0)
        #expect(state.value == 3)
    }

    @Test func zeroForFiresAtOnce() {
        var state = alert(for: 0)
        #expect(state.on(.present(at: 0, value: 1, annotations: [:])) == .record(.firing))
    }

    @Test func pendingThatGoesAwayIsForgotten() {
        var state = alert(for: 5 * minute)
        _ = state.on(.present(at: 0, value: 1, annotations: [:]))
        #expect(state.on(.absent(at: minute)) == .forget)
    }

    @Test func keepFiringForHoldsTheAlert() {
        var state = alert(for: 0, keepFiringFor: 3 * minute)
        _ = state.on(.present(at: 0, value: 1, annotations: [:]))
        #expect(state.on(.absent(at: minute)) == .record(.firing))
        #expect(state.on(.absent(at: 3 * minute)) == .record(.firing))
        #expect(state.on(.absent(at: 4 * minute)) == .keep)
        #expect(state.phase == .inactive)
        #expect(state.resolvedAt == 4 * minute)
    }

    @Test func conditionReturningResetsKeepFiring() {
        var state = alert(for: 0, keepFiringFor: 2 * minute)
        _ = state.on(.present(at: 0, value: 1, annotations: [:]))
        _ = state.on(.absent(at: minute))
        #expect(state.keepFiringSince == minute)
        _ = state.on(.present(at: 2 * minute, value: 1, annotations: [:]))
        #expect(state.keepFiringSince == nil)
        #expect(state.on(.absent(at: 3 * minute)) == .record(.firing))
    }

    @Test func resolvedKeptFifteenMinutes() {
        var state = alert(for: 0)
        _ = state.on(.present(at: 0, value: 1, annotations: [:]))
        #expect(state.on(.absent(at: minute)) == .keep)
        #expect(state.phase == .inactive)
        #expect(state.on(.absent(at: 16 * minute)) == .keep)
        #expect(state.on(.absent(at: 16 * minute + 1)) == .forget)
    }

    @Test func resolvedAlertThatReturnsIsNew() {
        var state = alert(for: minute)
        _ = state.on(.present(at: 0, value: 1, annotations: [:]))
        _ = state.on(.present(at: minute, value: 1, annotations: [:]))
        _ = state.on(.absent(at: 2 * minute))
        #expect(state.on(.present(at: 3 * minute, value: 1, annotations: [:])) == .record(.pending))
        #expect(state.activeAt == 3 * minute)
    }
}
