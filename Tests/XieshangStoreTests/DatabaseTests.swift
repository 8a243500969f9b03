import Testing
import XieshangStore
import XieshangStoreTesting

/// The SQLite layer: typed binding and reading, statement cache, transactions, errors, pragmas, reader isolation.
struct DatabaseTests {
    @Test func typedValuesRoundTrip() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("t.db"))
        try db.executeScript("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        let values: [[DatabaseValue]] = [
            [.integer(Int64.min), .real(-0.5), .text("政协 协商"), .blob([0, 1, 255]), .null],
            [.integer(Int64.max), .real(1e300), .text(""), .blob([]), .null],
        ]
        for row in values { try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", row) }
        let back = try db.rows("SELECT i, r, s, b, n FROM t ORDER BY rowid")
        #expect(back == values)
        // An empty blob and an empty string are stored as such, not as NULL.
        #expect(try db.scalar("SELECT count(*) FROM t WHERE b IS NULL OR s IS NULL") == .integer(0))
    }

    @Test func statementsAreCachedAndReset() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("t.db"))
        let a = try db.statement("SELECT ? + 1")
        try a.bind(Int64(41), at: 1)
        #expect(try a.step())
        #expect(a.int64(at: 0) == 42)
        let b = try db.statement("SELECT ? + 1")
        #expect(a === b)
        #expect(try b.step())
        #expect(b.isNull(at: 0), "bindings are cleared when the cache hands the statement out again")
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("t.db"))
        do {
            try db.execute("INSERT INTO missing_table VALUES (1)")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .sqlite)
            #expect(error.sqliteCode == 1)
            #expect(error.sql == "INSERT INTO missing_table VALUES (1)")
            #expect(error.message.contains("no such table: missing_table"))
            #expect(error.path == dir.file("t.db"))
        }
        try db.executeScript("CREATE TABLE u (x INTEGER UNIQUE)")
        try db.execute("INSERT INTO u VALUES (1)")
        do {
            try db.execute("INSERT INTO u VALUES (?)", [.integer(1)])
            Issue.record("expected a constraint error")
        } catch {
            #expect(error.sqliteCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE (extended codes are on)
            #expect(error.message.contains("UNIQUE"))
        }
    }

    @Test func transactionRollsBackOnErrorAndSavepointsNest() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let db = try Database(path: dir.file("t.db"))
        try db.executeScript("CREATE TABLE t (x INTEGER)")
        #expect(throws: StoreError.self) {
            try db.transaction { () throws(StoreError) in
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO nowhere VALUES (1)")
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t") == .integer(0))
        #expect(!db.isInTransaction)
        try db.transaction { () throws(StoreError) in
            try db.execute("INSERT INTO t VALUES (1)")
            _ = try? db.savepoint { () throws(StoreError) in
                try db.execute("INSERT INTO t VALUES (2)")
                throw StoreError(.invalidEvent, "inner failure")
            }
            try db.execute("INSERT INTO t VALUES (3)")
        }
        #expect(try db.rows("SELECT x FROM t ORDER BY x") == [[.integer(1)], [.integer(3)]])
    }

    @Test func storeConnectionUsesWALFullSyncAndForeignKeys() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        try store.write { (db) throws(StoreError) in
            #expect(try db.scalar("PRAGMA journal_mode") == .text("wal"))
            #expect(try db.scalar("PRAGMA synchronous") == .integer(2))  // FULL
            #expect(try db.scalar("PRAGMA foreign_keys") == .integer(1))
        }
    }

    @Test func readerDoesNotBlockWriter() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var chain = EventChainBuilder(origin: "a", key: testKey("a"))
        try store.append(makeEvents(&chain, 3))
        let reader = try EventReader(path: dir.file("node.db"))
        try reader.snapshot { (r) throws(StoreError) in
            #expect(try r.count() == 3)
            // The writer commits while the reader holds its snapshot open (WAL: no SQLITE_BUSY)…
            try store.append(makeEvents(&chain, 2))
            // …and the reader keeps seeing its snapshot.
            #expect(try r.count() == 3)
        }
        #expect(try reader.count() == 5)
    }
}
