import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// Counts events and payload bytes per kind; reads every kind.
struct KindCountProjector: Projector {
    var version = 1
    let name = "kind_counts"
    let tables = ["kind_counts"]
    let schema = "CREATE TABLE kind_counts (kind INTEGER PRIMARY KEY, n INTEGER NOT NULL, bytes INTEGER NOT NULL, share REAL NOT NULL)"
    let kinds: Set<Int32>? = nil
    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        try db.execute("""
            INSERT INTO kind_counts (kind, n, bytes, share) VALUES (?, 1, ?, ?)
            ON CONFLICT (kind) DO UPDATE SET n = n + 1, bytes = bytes + excluded.bytes, share = share + excluded.share
            """, [.integer(Int64(event.kind)), .integer(Int64(event.body.count)), .real(1.0 / Double(event.body.count))])
    }
}

/// The latest event per origin and a history table; reads kinds 7 and 8 only. Fails on a body containing "poison".
struct OriginProjector: Projector {
    var version = 1
    let name = "origins"
    let tables = ["origin_latest", "origin_history"]
    let schema = """
        CREATE TABLE origin_latest (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash BLOB NOT NULL, scope TEXT NOT NULL);
        CREATE TABLE origin_history (position INTEGER PRIMARY KEY, origin TEXT NOT NULL, seq INTEGER NOT NULL, note TEXT);
        """
    let kinds: Set<Int32>? = [7, 8]
    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        if String(decoding: event.body, as: UTF8.self).contains("poison") {
            throw StoreError(.projector, "poisoned event")
        }
        try db.execute("INSERT OR REPLACE INTO origin_latest VALUES (?, ?, ?, ?)",
                       [.text(event.origin), .integer(Int64(event.seq)), .blob(event.hash), .text(event.scope)])
        try db.execute("INSERT INTO origin_history VALUES (?, ?, ?, ?)",
                       [.integer(position), .text(event.origin), .integer(Int64(event.seq)), event.seq % 2 == 0 ? .null : .text("奇")])
    }
}

let projectionTables = ["kind_counts", "origin_latest", "origin_history"]

/// Projections: applied with the append, rebuilt from the log to identical tables, caught up at open.
struct ProjectorTests {
    /// Appends a varied workload: several origins, kinds, scopes, batch sizes, and some duplicates.
    func workload(_ store: Store, origins: [String] = ["city", "county-1", "county-2"], rounds: Int = 6) throws {
        var chains = origins.map { EventChainBuilder(origin: $0, key: testKey($0)) }
        for round in 0..<rounds {
            var batch: [StoredEvent] = []
            for i in chains.indices {
                let kind: Int32 = [7, 8, 9][(round + i) % 3]
                batch += makeEvents(&chains[i], 1 + (round + i) % 4, scope: round % 2 == 0 ? "up" : "alliance:wuling", kind: kind)
            }
            try store.append(batch)
            try store.append(Array(batch.prefix(2)))  // duplicates change nothing
        }
    }

    @Test func projectionsFollowAppendsAndAFailingProjectorRejectsTheBatch() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"), projectors: [KindCountProjector(), OriginProjector()])
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        try store.append(makeEvents(&a, 3, kind: 7) + makeEvents(&a, 2, kind: 9))
        #expect(try store.reader.rows("SELECT kind, n FROM kind_counts ORDER BY kind") == [[7, 3], [9, 2]])
        #expect(try store.reader.rows("SELECT origin, seq FROM origin_latest") == [["a", 3]])
        #expect(try store.projectionHighWaterMark("origins") == 5)
        let before = try dumpTables(store.reader, projectionTables + ["events"])
        let good = makeEvents(&a, 1, kind: 7)
        let poisoned = try a.next(payload: Array("poison".utf8), kind: 8)
        #expect { try store.append(good + [poisoned]) } throws: { ($0 as? StoreError)?.code == .projector }
        #expect(try dumpTables(store.reader, projectionTables + ["events"]) == before)
    }

    @Test func rebuildingEveryProjectionGivesByteIdenticalTables() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"), projectors: [KindCountProjector(), OriginProjector()])
        try workload(store)
        let live = try dumpTables(store.reader, projectionTables)
        #expect(live["origin_history"]!.count > 10)
        // Damage the projections behind the store's back; a rebuild must restore them exactly.
        try store.write { (db) throws(StoreError) in
            try db.execute("DELETE FROM origin_history WHERE seq % 3 = 0")
            try db.execute("UPDATE kind_counts SET n = n * 2")
        }
        #expect(try dumpTables(store.reader, projectionTables) != live)
        try store.rebuildAllProjections()
        #expect(try dumpTables(store.reader, projectionTables) == live)
        // And rebuilding one at a time, twice, changes nothing either.
        try store.rebuildProjection(named: "origins")
        try store.rebuildProjection(named: "kind_counts")
        #expect(try dumpTables(store.reader, projectionTables) == live)
        #expect { try store.rebuildProjection(named: "nope") } throws: { ($0 as? StoreError)?.code == .projector }
    }

    @Test func projectionsThatLagTheLogAreCaughtUpAtOpen() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        do {
            let store = try Store(path: path, projectors: [KindCountProjector(), OriginProjector()])
            try workload(store, origins: ["a"])
        }
        do {
            // Opened without projectors (an older binary, or a projector registered later): the log moves on.
            let store = try Store(path: path)
            try workload(store, origins: ["b", "c"])
        }
        let store = try Store(path: path, projectors: [KindCountProjector(), OriginProjector()])
        let last = try store.reader.lastPosition()
        #expect(try store.projectionHighWaterMark("kind_counts") == last)
        #expect(try store.projectionHighWaterMark("origins") == last)
        let caughtUp = try dumpTables(store.reader, projectionTables)
        #expect(try store.reader.rows("SELECT sum(n) FROM kind_counts") == [[.integer(last)]])
        try store.rebuildAllProjections()
        #expect(try dumpTables(store.reader, projectionTables) == caughtUp)
    }

    @Test func aProjectorLeftOutForAWhileIsCaughtUpWhenItReturns() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        do {
            let store = try Store(path: path, projectors: [KindCountProjector(), OriginProjector()])
            try workload(store, origins: ["a"])
        }
        do {
            // Only one of the two registered: the other's high-water mark must not move.
            let store = try Store(path: path, projectors: [KindCountProjector()])
            try workload(store, origins: ["b"])
            #expect(try store.projectionHighWaterMark("origins")! < store.reader.lastPosition())
        }
        let store = try Store(path: path, projectors: [KindCountProjector(), OriginProjector()])
        let caughtUp = try dumpTables(store.reader, projectionTables)
        try store.rebuildAllProjections()
        #expect(try dumpTables(store.reader, projectionTables) == caughtUp)
        #expect(try store.reader.rows("SELECT origin FROM origin_latest ORDER BY origin") == [["a"], ["b"]])
    }

    @Test func aNewProjectorVersionIsRebuiltAtOpen() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        var expected: [String: [String]] = [:]
        do {
            let store = try Store(path: path, projectors: [KindCountProjector()])
            try workload(store)
            expected = try dumpTables(store.reader, ["kind_counts"])
            try store.write { (db) throws(StoreError) in try db.execute("INSERT INTO kind_counts VALUES (99, 1, 1, 0.5)") }
        }
        var v2 = KindCountProjector()
        v2.version = 2
        let store = try Store(path: path, projectors: [v2])
        #expect(try dumpTables(store.reader, ["kind_counts"]) == expected)
    }

    @Test func registryRefusesClashingNamesAndTables() throws {
        #expect { try ProjectorRegistry([KindCountProjector(), KindCountProjector()]) } throws: { ($0 as? StoreError)?.code == .projector }
        struct Greedy: Projector {
            let name = "greedy", version = 1, tables = ["events"], schema = "", kinds: Set<Int32>? = []
            func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {}
        }
        #expect { try ProjectorRegistry([Greedy()]) } throws: { ($0 as? StoreError)?.message.contains("events") == true }
        let registry = try ProjectorRegistry([KindCountProjector(), OriginProjector()])
        #expect(registry.projectors(for: 7).map(\.name) == ["kind_counts", "origins"])
        #expect(registry.projectors(for: 1).map(\.name) == ["kind_counts"])
    }
}
