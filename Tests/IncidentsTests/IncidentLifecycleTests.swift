import Alerting
import Incidents
import Testing

/// The incident lifecycle driven by alerts on an injected clock: open, attach, resolve, reopen.
@Suite struct IncidentLifecycleTests {
    @Test func cleanIncidentOpensAttachesAndResolves() async throws {
        let (tracker, sink) = memoryTracker()
        let page = sloAlert()
        let ticket = sloAlert(severity: "ticket")
        // A ticket alert alone opens nothing (default open_on: page).
        try await tracker.observe(alerts: [firing(ticket, since: minutes(1))], at: minutes(1))
        #expect(try await tracker.incidents().isEmpty)

        let events = try await tracker.observe(alerts: [firing(ticket, since: minutes(1)), firing(page, since: minutes(3))], at: minutes(3))
        #expect(events.map(\.kind) == [.opened])
        var incident = try #require(try await tracker.incidents().first)
        #expect(incident.id == 1)
        #expect(incident.key == "sloth_id=\"checkout-availability\"")
        #expect(incident.slo == "checkout-availability" && incident.service == "checkout")
        #expect(incident.status == .open && incident.detectedAt == minutes(3) && incident.severity == "page")
        // The ticket alert of the same key attached, firing since before.
        #expect(incident.alerts.map(\.severity).sorted() == ["page", "ticket"])

        // The same alerts again change nothing.
        #expect(try await tracker.observe(alerts: [firing(ticket, since: minutes(1)), firing(page, since: minutes(3))], at: minutes(4)).isEmpty)

        // The page resolves first: still open while the ticket fires.
        try await tracker.observe(alerts: [firing(ticket, since: minutes(1)), resolved(page, firedAt: minutes(3), at: minutes(20))], at: minutes(20))
        incident = try #require(try await tracker.incident(id: 1))
        #expect(incident.status == .open && incident.resolvedAt == nil)
        let last = try await tracker.observe(
            alerts: [resolved(ticket, firedAt: minutes(1), at: minutes(25)), resolved(page, firedAt: minutes(3), at: minutes(20))], at: minutes(25))
        #expect(last.map(\.kind) == [.resolved])
        incident = try #require(try await tracker.incident(id: 1))
        #expect(incident.status == .resolved && incident.resolvedAt == minutes(25) && incident.resolvedBy == nil)
        #expect(incident.flapCount == 0)
        #expect(incident.timeline.map(\.kind) == [.opened, .alertFiring, .alertResolved, .alertResolved, .resolved])
        #expect(await sink.events.map(\.kind) == [.opened, .resolved])
    }

    @Test func flappingAlertReopensTheSameIncident() async throws {
        let (tracker, sink) = memoryTracker()
        let page = sloAlert()
        try await tracker.observe(alerts: [firing(page, since: minutes(0))], at: minutes(0))
        try await tracker.observe(alerts: [resolved(page, firedAt: minutes(0), at: minutes(10))], at: minutes(10))
        // Fires again 20 minutes after resolving (within 30m): the same incident, one flap.
        try await tracker.observe(alerts: [firing(page, since: minutes(30))], at: minutes(30))
        try await tracker.observe(alerts: [resolved(page, firedAt: minutes(30), at: minutes(35))], at: minutes(35))
        // And again 29 minutes later: a second flap.
        try await tracker.observe(alerts: [firing(page, since: minutes(64))], at: minutes(64))
        try await tracker.observe(alerts: [resolved(page, firedAt: minutes(64), at: minutes(70))], at: minutes(70))
        var all = try await tracker.incidents()
        #expect(all.count == 1)
        let incident = try #require(all.first)
        #expect(incident.flapCount == 2 && incident.detectedAt == 0 && incident.resolvedAt == minutes(70))
        #expect(incident.timeline.filter { $0.kind == .reopened }.map(\.time) == [minutes(30), minutes(64)])
        #expect(await sink.events.map(\.kind) == [.opened, .resolved, .reopened, .resolved, .reopened, .resolved])

        // 31 minutes after the last resolution: a new incident.
        try await tracker.observe(alerts: [firing(page, since: minutes(101))], at: minutes(101))
        all = try await tracker.incidents()
        #expect(all.map(\.id) == [2, 1])
        #expect(all[0].flapCount == 0 && all[0].status == .open)
    }

    @Test func manualResolutionDoesNotReopenOnTheSameFiring() async throws {
        let (tracker, _) = memoryTracker()
        let page = sloAlert()
        try await tracker.observe(alerts: [firing(page, since: minutes(0))], at: minutes(0))
        let done = try await tracker.resolve(id: 1, by: "alice", at: minutes(5))
        #expect(done.status == .resolved && done.resolvedBy == "alice" && done.resolvedAt == minutes(5))
        // The alert fires on: the same firing, no new incident, no reopening.
        try await tracker.observe(alerts: [firing(page, since: minutes(0))], at: minutes(6))
        #expect(try await tracker.incidents().map(\.status) == [.resolved])
        // A new firing after it resolved reopens it.
        try await tracker.observe(alerts: [resolved(page, firedAt: minutes(0), at: minutes(7))], at: minutes(7))
        try await tracker.observe(alerts: [firing(page, since: minutes(9))], at: minutes(9))
        let incident = try #require(try await tracker.incident(id: 1))
        #expect(incident.status == .open && incident.flapCount == 1 && incident.resolvedBy == nil)
    }

    @Test func acknowledgeNotesAndFlags() async throws {
        let (tracker, sink) = memoryTracker()
        try await tracker.observe(alerts: [firing(sloAlert(), since: minutes(2))], at: minutes(2))
        let acknowledged = try await tracker.acknowledge(id: 1, by: " bob ", at: minutes(4))
        #expect(acknowledged.status == .acknowledged && acknowledged.acknowledgedBy == "bob" && acknowledged.acknowledgedAt == minutes(4))
        await #expect(throws: IncidentError(.conflict, "incident 1 is already acknowledged by bob")) {
            try await tracker.acknowledge(id: 1, by: "carol", at: minutes(5))
        }
        await #expect(throws: IncidentError(.notFound, "no incident with id 7")) {
            try await tracker.acknowledge(id: 7, by: "carol", at: minutes(5))
        }
        await #expect(throws: IncidentError(.badInput, "say who: the name is empty")) {
            try await tracker.addNote(id: 1, author: "  ", text: "hi", at: minutes(5))
        }
        _ = try await tracker.addNote(id: 1, author: "bob", text: "rolled back v42", at: minutes(6))
        let flagged = try await tracker.flag(id: 1, as: .maintenance, by: "bob", at: minutes(7))
        #expect(flagged.flag == .maintenance)
        #expect(flagged.notes == [IncidentNote(time: minutes(6), author: "bob", text: "rolled back v42")])
        #expect(flagged.timeline.map(\.kind) == [.opened, .acknowledged, .note, .flagged])
        _ = try await tracker.resolve(id: 1, by: "bob", at: minutes(8))
        await #expect(throws: IncidentError(.conflict, "incident 1 is resolved")) {
            try await tracker.acknowledge(id: 1, by: "bob", at: minutes(9))
        }
        #expect(await sink.events.map(\.kind) == [.opened, .acknowledged, .resolved])
    }

    @Test func keysFollowGroupByAndKeyLabels() async throws {
        let (tracker, _) = memoryTracker(policy: IncidentPolicy(openOn: ["page", "critical"], keyLabels: ["alertname", "cluster"]))
        await tracker.apply(slos: [])
        // Rule alerts: keyed by alertname and cluster; the instance label does not split them.
        let gpuA = ["alertname": "GPUDown", "severity": "critical", "cluster": "eu", "instance": "a"]
        let gpuB = ["alertname": "GPUDown", "severity": "critical", "cluster": "eu", "instance": "b"]
        let gpuUS = ["alertname": "GPUDown", "severity": "critical", "cluster": "us", "instance": "c"]
        try await tracker.observe(alerts: [firing(gpuA, since: 0), firing(gpuB, since: minutes(1)), firing(gpuUS, since: minutes(1))], at: minutes(1))
        let incidents = try await tracker.incidents()
        #expect(incidents.map(\.key) == ["alertname=\"GPUDown\",cluster=\"us\"", "alertname=\"GPUDown\",cluster=\"eu\""])
        #expect(incidents[1].alerts.count == 2 && incidents[1].title == "GPUDown{cluster=\"eu\"}")
        // An attached alert that disappears (its rule went away) resolves at the observation time.
        try await tracker.observe(alerts: [firing(gpuUS, since: minutes(1))], at: minutes(9))
        let eu = try #require(try await tracker.incidents(IncidentFilter(key: "alertname=\"GPUDown\",cluster=\"eu\"")).first)
        #expect(eu.status == .resolved && eu.resolvedAt == minutes(9))
    }
}
