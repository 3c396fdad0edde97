internal import GRDB

/// The versioned schema migrations, applied in order and never edited once released:
/// a change to the schema is a new migration appended here.
enum Migrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-metadata") { db in
            // Facts about the database itself (schema owner, creation time, instance id).
            try db.create(table: "burnrate_meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO burnrate_meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")
        }
        migrator.registerMigration("v2-samples") { db in
            // One row per series: its label set in canonical form (Labels+Encoding) and metric
            // name. AUTOINCREMENT, so an id is never reused by a later series.
            try db.execute(sql: """
                CREATE TABLE series (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    metric TEXT NOT NULL,
                    labels BLOB NOT NULL UNIQUE
                )
                """)
            // Compressed chunks (EncodedChunk bytes) with their serialized ChunkSummary,
            // clustered by series and end time: a range read is one index range scan.
            try db.execute(sql: """
                CREATE TABLE chunks (
                    series_id INTEGER NOT NULL,
                    max_t INTEGER NOT NULL,
                    min_t INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    summary BLOB NOT NULL,
                    PRIMARY KEY (series_id, max_t)
                ) WITHOUT ROWID
                """)
            // One row per committed append: the samples it added (WALRecordWriter format) that
            // may not be in a chunk yet. Replayed into the head at open.
            try db.execute(sql: """
                CREATE TABLE sample_wal (
                    id INTEGER PRIMARY KEY,
                    samples INTEGER NOT NULL,
                    data BLOB NOT NULL
                )
                """)
            try db.execute(sql: """
                CREATE TABLE metric_metadata (
                    metric TEXT PRIMARY KEY,
                    type TEXT NOT NULL,
                    help TEXT NOT NULL,
                    unit TEXT NOT NULL
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v3-alert-state") { db in
            // The alerts of every alerting rule (SQLiteAlertStateStore in Alerting): one row per
            // alert, a group's rows replaced in one transaction after each evaluation that
            // changed them. Labels and annotations as JSON objects with sorted keys.
            try db.execute(sql: """
                CREATE TABLE alert_state (
                    group_key TEXT NOT NULL,
                    rule_index INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    labels TEXT NOT NULL,
                    phase TEXT NOT NULL,
                    active_at INTEGER NOT NULL,
                    fired_at INTEGER,
                    resolved_at INTEGER,
                    keep_firing_since INTEGER,
                    value REAL,
                    value_bits INTEGER NOT NULL,
                    annotations TEXT NOT NULL,
                    PRIMARY KEY (group_key, rule_index, labels)
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v6-incidents") { db in
            // Incidents (SQLiteIncidentStore in Incidents): the columns queries filter on, and the
            // whole incident (alerts, timeline, notes) as a JSON document with sorted keys.
            try db.execute(sql: """
                CREATE TABLE incidents (
                    id INTEGER PRIMARY KEY,
                    incident_key TEXT NOT NULL,
                    slo TEXT,
                    service TEXT,
                    status TEXT NOT NULL,
                    detected_at INTEGER NOT NULL,
                    resolved_at INTEGER,
                    document TEXT NOT NULL
                )
                """)
            try db.execute(sql: "CREATE INDEX incidents_by_key ON incidents (incident_key, id)")
            try db.execute(sql: "CREATE INDEX incidents_by_detection ON incidents (detected_at)")
        }
        return migrator
    }()
}
