import Foundation
import Incidents
import Logging
import Storage
import Testing

/// Incidents survive a restart: a new tracker over the same SQLite file carries on.
@Suite struct IncidentRestartTests {
    @Test func incidentSpansARestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("incidents-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let logger = Logger(label: "test")
        let page = sloAlert()
        let ticket = sloAlert(severity: "ticket")
        do {
            let database = try BurnrateDatabase.open(path: path, logger: logger)
            let tracker = IncidentTracker(store: SQLiteIncidentStore(database: database), logger: logger)
            try await tracker.observe(alerts: [firing(page, since: minutes(10))], at: minutes(10))
            _ = try await tracker.acknowledge(id: 1, by: "alice", at: minutes(12))
            _ = try await tracker.addNote(id: 1, author: "alice", text: "looking", at: minutes(13))
        }
        let database = try BurnrateDatabase.open(path: path, logger: logger)
        let sink = MemoryIncidentEventSink()
        let tracker = IncidentTracker(store: SQLiteIncidentStore(database: database), sink: sink, logger: logger)
        // The scheduler restored the same firing alert: no new incident; a ticket attaches.
        try await tracker.observe(alerts: [firing(page, since: minutes(10)), firing(ticket, since: minutes(20))], at: minutes(20))
        var incidents = try await tracker.incidents()
        #expect(incidents.count == 1)
        var incident = try #require(incidents.first)
        #expect(incident.status == .acknowledged && incident.acknowledgedBy == "alice" && incident.notes.map(\.text) == ["looking"])
        #expect(incident.alerts.count == 2)
        try await tracker.observe(
            alerts: [resolved(page, firedAt: minutes(10), at: minutes(30)), resolved(ticket, firedAt: minutes(20), at: minutes(31))], at: minutes(31))
        // Another restart, then a flap within 30 minutes reopens the stored incident.
        let again = IncidentTracker(store: SQLiteIncidentStore(database: database), sink: sink, logger: logger)
        try await again.observe(alerts: [firing(page, since: minutes(50))], at: minutes(50))
        incidents = try await again.incidents()
        incident = try #require(incidents.first)
        #expect(incidents.count == 1 && incident.status == .open && incident.flapCount == 1)
        #expect(await sink.events.map(\.kind) == [.resolved, .reopened])
        // New ids continue after the stored ones.
        try await again.observe(alerts: [firing(page, since: minutes(50)), firing(sloAlert("search-availability"), since: minutes(51))], at: minutes(51))
        #expect(try await again.incidents(IncidentFilter(slo: "search-availability")).map(\.id) == [2])
        #expect(try await again.incidents(IncidentFilter(statuses: [.open], since: minutes(40))).map(\.id) == [2, 1])
    }
}
