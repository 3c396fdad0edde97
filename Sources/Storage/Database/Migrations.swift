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
        migrator.registerMigration("v4-silences") { db in
            // Silences (SQLiteSilenceStore in Notify): matchers as a JSON array of
            // {name, op, value}; times in milliseconds since the epoch.
            try db.execute(sql: """
                CREATE TABLE silences (
                    id TEXT PRIMARY KEY,
                    matchers TEXT NOT NULL,
                    starts_at INTEGER NOT NULL,
                    ends_at INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    comment TEXT NOT NULL,
                    updated_at INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
            try db.execute(sql: "CREATE INDEX silences_ends_at ON silences (ends_at)")
        }
        registerOutbox(&migrator)
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

// MARK: - Delivery (v5-outbox)

extension Migrations {
    /// The notification outbox and log (`SQLiteOutbox` in Delivery). Registered after the
    /// Notify migrations ("v4-silences").
    static func registerOutbox(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-outbox") { db in
            // One row per decided notification, written before it is sent and kept until it is
            // delivered or dead (then pruned after a while). `id` is the `webhook-id`;
            // `sequence` orders the messages of a group; each state change is one transaction.
            try db.execute(sql: """
                CREATE TABLE notification_outbox (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    receiver TEXT NOT NULL,
                    integration TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    body BLOB NOT NULL,
                    created_at INTEGER NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL,
                    last_attempt_at INTEGER,
                    last_status INTEGER,
                    last_error TEXT,
                    delivered_at INTEGER
                )
                """)
            // The heads of the groups: the oldest pending message of each integration and group.
            try db.execute(sql: """
                CREATE INDEX notification_outbox_pending
                    ON notification_outbox (receiver, integration, group_key, sequence) WHERE state = 'pending'
                """)
            // Counts per state, dead letters by time, pruning.
            try db.execute(sql: "CREATE INDEX notification_outbox_state ON notification_outbox (state, last_attempt_at)")
            // The dispatcher's notification log, written in the same transaction as the messages.
            try db.execute(sql: """
                CREATE TABLE notification_log (
                    key TEXT PRIMARY KEY,
                    payload BLOB NOT NULL,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID
                """)
        }
    }
}
