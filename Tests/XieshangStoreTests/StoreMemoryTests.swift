import Testing
@testable import XieshangStore
import XieshangStoreTesting

/// An idle node empties its store's page caches (issue 17, an idle township within 24 MB): after the open's integrity
/// check, a replay or a year of records, each connection kept up to SQLite's 2 MB default of pages nothing idle reads.
@Suite struct StoreMemoryTests {
    @Test func releasingMemoryEmptiesBothPageCachesAndTheLogReadsTheSame() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var chain = EventChainBuilder(origin: "county1-town1", key: testKey("county1-town1"))
        for _ in 0..<20 { _ = try store.append(makeEvents(&chain, 100)) }
        // Read the whole log on both connections, as a replay and the pages do.
        let before = try store.reader.entries(after: 0, limit: 5_000)
        _ = try store.db.rows("SELECT count(*), sum(length(body)) FROM events")
        #expect(before.count == 2_000)
        let full = store.pageCacheBytes
        #expect(full > 200_000, "the caches hold the pages read (\(full) bytes)")

        store.releaseMemory()
        let emptied = store.pageCacheBytes
        #expect(emptied < full / 10, "released: \(full) → \(emptied) bytes")

        // Nothing is lost: the next reads load their pages again.
        #expect(try store.reader.entries(after: 0, limit: 5_000) == before)
        #expect(store.pageCacheBytes > emptied)
    }
}
