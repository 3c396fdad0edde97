internal import GRDB

extension SampleStore {
    /// Records the type, help and unit of a metric family, replacing what was recorded.
    public nonisolated func setMetadata(metric: String, type: MetricType, help: String, unit: String) async throws(StorageError) {
        try await setMetadata([MetricMetadata(metric: metric, type: type, help: help, unit: unit)])
    }

    /// Records several metric families' metadata in one transaction.
    public nonisolated func setMetadata(_ entries: [MetricMetadata]) async throws(StorageError) {
        guard !entries.isEmpty else { return }
        do {
            try await database.writer.write { db in
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO metric_metadata (metric, type, help, unit) VALUES (?, ?, ?, ?)
                    ON CONFLICT(metric) DO UPDATE SET type = excluded.type, help = excluded.help, unit = excluded.unit
                    """)
                for entry in entries {
                    try statement.execute(arguments: [entry.metric, entry.type.rawValue, entry.help, entry.unit])
                }
            }
        } catch {
            throw StorageError(.io, "cannot record metadata of \(entries.count) metrics: \(error)")
        }
    }

    /// The metadata recorded for `metric`, or `nil`.
    public nonisolated func metadata(metric: String) async throws(StorageError) -> MetricMetadata? {
        try await fetchMetadata(sql: "SELECT metric, type, help, unit FROM metric_metadata WHERE metric = ?", [metric]).first
    }

    /// Every metric family's metadata, sorted by metric name.
    public nonisolated func allMetadata() async throws(StorageError) -> [MetricMetadata] {
        try await fetchMetadata(sql: "SELECT metric, type, help, unit FROM metric_metadata ORDER BY metric", [])
    }

    private nonisolated func fetchMetadata(sql: String, _ arguments: StatementArguments) async throws(StorageError) -> [MetricMetadata] {
        do {
            return try await database.writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                    MetricMetadata(
                        metric: row[0], type: MetricType(rawValue: row[1]) ?? .unknown, help: row[2], unit: row[3])
                }
            }
        } catch {
            throw StorageError(.io, "cannot read metric metadata: \(error)")
        }
    }
}
