import Testing
import XieshangStore

/// Schema migrations: ordered, run once, all-or-nothing, and a newer file is refused.
struct MigratorTests {
    let steps = [
        Migration(version: 1, summary: "a", sql: "CREATE TABLE a (x INTEGER)"),
        Migration(version: 2, summary: "b", sql: "CREATE TABLE b (x INTEGER); INSERT INTO a VALUES (2)"),
        Migration(version: 3, summary: "c", sql: "ALTER TABLE a ADD COLUMN y TEXT DEFAULT 'three'"),
    ]

    @Test func migrationsRunInOrderOnceFromTheRecordedVersion() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("m.db"))
        #expect(try Migrator(migrations: Array(steps.prefix(2))).migrate(db) == (0, 2))
        #expect(try Migrator.version(of: db) == 2)
        // Running again from version 2: only step 3 runs (steps 1 and 2 would fail if rerun: tables exist).
        #expect(try Migrator(migrations: steps).migrate(db) == (2, 3))
        #expect(try Migrator(migrations: steps).migrate(db) == (3, 3))
        #expect(try db.rows("SELECT x, y FROM a") == [[2, "three"]])
    }

    /// Another layer (the accounts module) keeps its own version table: its steps are numbered 1, 2, 3… on their own
    /// and neither history moves the other.
    @Test func aLayerWithItsOwnVersionTableMigratesIndependently() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("m.db"))
        #expect(try Migrator(migrations: steps).migrate(db) == (0, 3))
        let layer = [Migration(version: 1, summary: "layer", sql: "CREATE TABLE layer_t (x INTEGER)")]
        #expect(try Migrator(migrations: layer, versionTable: "layer_schema_version").migrate(db) == (0, 1))
        #expect(try Migrator.version(of: db) == 3)
        #expect(try Migrator.version(of: db, versionTable: "layer_schema_version") == 1)
        #expect(try Migrator(migrations: layer, versionTable: "layer_schema_version").migrate(db) == (1, 1))
        #expect(try Migrator(migrations: steps).migrate(db) == (3, 3))
    }

    @Test func aFailingMigrationLeavesTheOldVersion() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("m.db"))
        try Migrator(migrations: [steps[0]]).migrate(db)
        let bad = [steps[0], steps[1], Migration(version: 3, summary: "broken", sql: "ALTER TABLE nowhere ADD COLUMN z")]
        #expect { try Migrator(migrations: bad).migrate(db) } throws: { error in
            let e = error as? StoreError
            return e?.message.contains("schema version 3 (broken)") == true && e?.message.contains("nowhere") == true
        }
        #expect(try Migrator.version(of: db) == 1)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'") == .integer(0), "step 2 was rolled back too")
    }

    @Test func aStoreRecordsItsSchemaVersionAndRefusesANewerFile() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        do {
            let store = try Store(path: path)
            #expect(try store.write { (db) throws(StoreError) in try Migrator.version(of: db) } == Store.schemaVersion)
        }
        do {
            let raw = try rawDatabase(path)
            try raw.execute("UPDATE schema_version SET version = 99")
        }
        #expect { try Store(path: path) } throws: { error in
            guard let e = error as? StoreError else { return false }
            return e.code == .newerSchema && e.path == path && e.message.contains("99") && e.message.contains(path)
        }
        // Refused, not modified.
        #expect(try Migrator.version(of: rawDatabase(path)) == 99)
    }
}
