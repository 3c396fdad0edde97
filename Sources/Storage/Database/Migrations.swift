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
        return migrator
    }()
}
