internal import Foundation
internal import GRDB
public import Storage

/// The `AlertStateStore` of the service: the `alert_state` table of the Burnrate database, so
/// that alert state survives a restart or a crash (each save is one committed transaction).
public struct SQLiteAlertStateStore: AlertStateStore {
    private let database: BurnrateDatabase

    /// A store over `database`.
    public init(database: BurnrateDatabase) {
        self.database = database
    }

    /// See `AlertStateStore.load()`.
    public func load() async throws(AlertStateStoreError) -> [String: [PersistedAlert]] {
        let rows: [Row]
        do {
            rows = try database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM alert_state ORDER BY group_key, rule_index, labels")
            }
        } catch {
            throw AlertStateStoreError("cannot read alert state: \(error)")
        }
        var groups: [String: [PersistedAlert]] = [:]
        for row in rows {
            let groupKey: String = row["group_key"]
            guard let labels = Self.decodeMap(row["labels"]), let annotations = Self.decodeMap(row["annotations"]),
                  let phase = AlertState.Phase(rawValue: row["phase"])
            else {
                throw AlertStateStoreError("alert_state row of group \(groupKey) is corrupt")
            }
            let bits: Int64 = row["value_bits"]
            groups[groupKey, default: []].append(PersistedAlert(
                rule: row["rule"], ruleIndex: row["rule_index"], labels: Labels(labels), phase: phase,
                activeAt: row["active_at"], firedAt: row["fired_at"], resolvedAt: row["resolved_at"],
                keepFiringSince: row["keep_firing_since"], value: Double(bitPattern: UInt64(bitPattern: bits)),
                annotations: annotations))
        }
        return groups
    }

    /// See `AlertStateStore.save(_:)`: one transaction.
    public func save(_ groups: [String: [PersistedAlert]]) async throws(AlertStateStoreError) {
        guard !groups.isEmpty else { return }
        do {
            try await database.writer.write { db in
                let delete = try db.cachedStatement(sql: "DELETE FROM alert_state WHERE group_key = ?")
                let insert = try db.cachedStatement(sql: """
                    INSERT OR REPLACE INTO alert_state (group_key, rule_index, rule, labels, phase, active_at, fired_at,
                        resolved_at, keep_firing_since, value, value_bits, annotations)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for groupKey in groups.keys.sorted() {
                    try delete.execute(arguments: [groupKey])
                    for alert in groups[groupKey] ?? [] {
                        var labels: [String: String] = [:]
                        for label in alert.labels { labels[label.name] = label.value }
                        try insert.execute(arguments: [
                            groupKey, alert.ruleIndex, alert.rule, Self.encodeMap(labels), alert.phase.rawValue, alert.activeAt,
                            alert.firedAt, alert.resolvedAt, alert.keepFiringSince, alert.value.isFinite ? alert.value : nil,
                            Int64(bitPattern: alert.value.bitPattern), Self.encodeMap(alert.annotations),
                        ])
                    }
                }
            }
        } catch {
            let keys = groups.keys.sorted()
            let named = keys.count == 1 ? "group \(keys[0])" : "\(keys.count) groups (\(keys[0]) …)"
            throw AlertStateStoreError("cannot save alert state of \(named): \(error)")
        }
    }

    private static func encodeMap(_ map: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(map)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    private static func decodeMap(_ text: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))
    }
}
