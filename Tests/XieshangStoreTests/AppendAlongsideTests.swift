import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// The append seam for rows of other tables (`Store.append(_:cursors:alongside:)`) and the commit counter that
/// measures it (`Store.commitCount`, SQLite's commit hook), on real SQLite files.
struct AppendAlongsideTests {
    static let receipts = "CREATE TABLE receipts (origin TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (origin, seq)) WITHOUT ROWID"

    /// Finding (issue 6 regression, p99 475 → 832 ms): a caller that needed rows of its own next to an append (a
    /// federation node's report receipts) had to write them with `write`, a second commit (a second fsync) per batch.
    /// Now they go into the append's transaction: one commit, counted by SQLite's commit hook.
    @Test func rowsAlongsideAnAppendCommitWithIt() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        try store.write { (db) throws(StoreError) in try db.execute(AppendAlongsideTests.receipts) }
        var chain = EventChainBuilder(origin: "town", key: testKey("town"))
        let events = makeEvents(&chain, 3)
        let before = store.commitCount
        try store.append(events) { (db) throws(StoreError) in
            try db.execute("INSERT INTO receipts (origin, seq) VALUES ('town', 3)")
        }
        #expect(store.commitCount - before == 1)
        #expect(try store.reader.count() == 3)
        #expect(try store.reader.rows("SELECT origin, seq FROM receipts") == [[.text("town"), .integer(3)]])
        // The counter counts every commit of the writing connection: a `write` is one more.
        try store.write { (db) throws(StoreError) in try db.execute("DELETE FROM receipts") }
        #expect(store.commitCount - before == 2)
    }

    /// Nothing half-written: when the rows alongside fail (here a trigger refuses the second one), the events already
    /// inserted in the same transaction, their cursor and the first row are rolled back too, and the chain head the
    /// store caches stays where it was (the same events append afterwards).
    @Test func aFailureAlongsideRollsBackTheEventsToo() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        try store.write { (db) throws(StoreError) in
            try db.execute(AppendAlongsideTests.receipts)
            try db.execute("CREATE TRIGGER refuse AFTER INSERT ON receipts WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'refused by test'); END")
        }
        var chain = EventChainBuilder(origin: "town", key: testKey("town"))
        let events = makeEvents(&chain, 2)
        let before = store.commitCount
        #expect(throws: StoreError.self) {
            try store.append(events, cursors: [PeerCursor(peer: "p", direction: .inbound, position: 2)]) { (db) throws(StoreError) in
                try db.execute("INSERT INTO receipts (origin, seq) VALUES ('town', 1)")
                try db.execute("INSERT INTO receipts (origin, seq) VALUES ('town', 2)")
            }
        }
        #expect(store.commitCount == before)
        #expect(try store.reader.count() == 0)
        #expect(try store.reader.rows("SELECT * FROM receipts").isEmpty)
        #expect(try store.reader.cursor(peer: "p", direction: .inbound) == nil)
        // The store did not keep the failed batch's chain head: the same batch appends now.
        let result = try store.append(events)
        #expect(result.stored == events.map(\.ref))
    }
}
