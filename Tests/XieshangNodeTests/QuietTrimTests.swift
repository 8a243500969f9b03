import Foundation
import Testing
@testable import XieshangNode

/// The node hands freed memory back once it has gone quiet (``QuietTrim``): once per quiet log end, never while
/// events are being stored.
@Suite struct QuietTrimTests {
    @Test func trimsOnceWhenTheLogEndStaysAndAgainOnlyAfterItMoved() {
        let quiet = QuietTrim()
        var trims = 0
        func check(_ position: Int64) -> Bool { quiet.check(position: position) { trims += 1 } }
        #expect(!check(5), "the first look has nothing to compare with")
        #expect(check(5), "quiet over one interval: trims")
        #expect(!check(5) && !check(5), "still quiet, already trimmed at this end")
        #expect(!check(6) && !check(9), "events stored: no trim while the log moves")
        #expect(check(9), "quiet again at the new end")
        #expect(trims == 2)
    }

    /// What a quiet node hands back includes the store's page caches (``NodeRuntime/releaseMemory()``): after reading
    /// its whole log they are emptied, and the log still reads the same.
    @Test func aQuietNodeEmptiesItsStoresPageCaches() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.originate(50)
        let runtime = pair.county.runtime
        let (full, emptied, same) = await runtime.read { () -> (Int, Int, Bool) in
            let store = runtime.core.store
            let log = try? store.reader.entries(after: 0, limit: 10_000)
            let full = store.pageCacheBytes
            runtime.releaseMemory()
            return (full, store.pageCacheBytes, (try? store.reader.entries(after: 0, limit: 10_000)) == log)
        }
        await pair.close()
        #expect(full > 0 && emptied < full / 4, "page caches: \(full) → \(emptied) bytes")
        #expect(same, "the log reads the same after the release")
    }
}
