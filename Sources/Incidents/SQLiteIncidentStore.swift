internal import Foundation
internal import GRDB
public import Storage

/// The `IncidentStore` of the service: the `incidents` table of the Burnrate database. The
/// columns queries filter on are stored apart; the whole incident (alerts, timeline, notes) as a
/// JSON document beside them. Each save is one committed transaction.
public struct SQLiteIncidentStore: IncidentStore {
    private let database: BurnrateDatabase

    /// A store over `database`.
    public init(database: BurnrateDatabase) {
        self.database = database
    }

    /// See `IncidentStore.save(_:)`.
    public func save(_ incident: Incident) async throws(IncidentStoreError) {
        let document: String
        do {
            document = String(decoding: try Self.encoder.encode(incident), as: UTF8.self)
        } catch {
            throw IncidentStoreError("cannot encode incident \(incident.id): \(error)")
        }
        do {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO incidents (id, incident_key, slo, service, status, detected_at, resolved_at, document)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        incident.id, incident.key, incident.slo, incident.service, incident.status.rawValue, incident.detectedAt,
                        incident.resolvedAt, document,
                    ])
            }
        } catch {
            throw IncidentStoreError("cannot save incident \(incident.id): \(error)")
        }
    }

    /// See `IncidentStore.incident(id:)`.
    public func incident(id: Int64) async throws(IncidentStoreError) -> Incident? {
        try fetch("SELECT id, document FROM incidents WHERE id = ?", [id]).first
    }

    /// See `IncidentStore.incidents(_:)`.
    public func incidents(_ filter: IncidentFilter) async throws(IncidentStoreError) -> [Incident] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if !filter.statuses.isEmpty {
            conditions.append("status IN (" + filter.statuses.map { _ in "?" }.joined(separator: ", ") + ")")
            for status in filter.statuses.sorted(by: { $0.rawValue < $1.rawValue }) { arguments.append(status.rawValue) }
        }
        if let slo = filter.slo {
            conditions.append("slo = ?")
            arguments.append(slo)
        }
        if let service = filter.service {
            conditions.append("service = ?")
            arguments.append(service)
        }
        if let key = filter.key {
            conditions.append("incident_key = ?")
            arguments.append(key)
        }
        if let since = filter.since {
            conditions.append("(detected_at >= ? OR resolved_at IS NULL OR resolved_at >= ?)")
            arguments.append(since)
            arguments.append(since)
        }
        var sql = "SELECT id, document FROM incidents"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id DESC"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try fetch(sql, StatementArguments(arguments))
    }

    /// See `IncidentStore.largestID()`.
    public func largestID() async throws(IncidentStoreError) -> Int64 {
        do {
            return try await database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM incidents") ?? 0 }
        } catch {
            throw IncidentStoreError("cannot read incidents: \(error)")
        }
    }

    private func fetch(_ sql: String, _ arguments: StatementArguments) throws(IncidentStoreError) -> [Incident] {
        let rows: [Row]
        do {
            rows = try database.writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        } catch {
            throw IncidentStoreError("cannot read incidents: \(error)")
        }
        var incidents: [Incident] = []
        for row in rows {
            let id: Int64 = row["id"]
            let document: String = row["document"]
            do {
                incidents.append(try JSONDecoder().decode(Incident.self, from: Data(document.utf8)))
            } catch {
                throw IncidentStoreError("incidents row \(id) is corrupt: \(error)")
            }
        }
        return incidents
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
