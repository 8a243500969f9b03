import Testing
@testable import XieshangFederation
import XieshangStore

/// The log's tail keeps only what a link may still push from it (``LogTail/drop(through:)``): a township's tail held
/// its whole year (≈ 1,000 events, ≈ 1 MB of its RSS) because nothing dropped what its one link had acknowledged.
@Suite struct LogTailTests {
    static func entry(_ position: Int64) -> LogTail.Entry {
        LogTail.Entry(position: position, event: StoredEvent(origin: "town", seq: UInt64(position), prevHash: [], hash: [], timeMs: 0,
                                                            scope: "up", kind: 0, body: Array(repeating: 7, count: 100), signature: []))
    }

    @Test func droppingAcknowledgedEntriesKeepsTheRestServedAndSendsOlderReadsToTheStore() {
        var tail = LogTail(capacity: 1_024)
        for p in 1...10 { tail.append(Self.entry(Int64(p))) }
        #expect(tail.count == 10)
        tail.drop(through: 4)
        #expect(tail.count == 6)
        #expect(tail.entries(after: 4, limit: 100)?.map(\.position) == [5, 6, 7, 8, 9, 10])
        #expect(tail.entries(after: 6, limit: 2)?.map(\.position) == [7, 8])
        #expect(tail.entries(after: 3, limit: 100) == nil, "a range before the tail is read from the store")
        tail.drop(through: 2)  // behind the tail: nothing changes
        #expect(tail.count == 6)
        tail.drop(through: 10)
        #expect(tail.count == 0)
        #expect(tail.entries(after: 10, limit: 100)?.isEmpty == true, "a link at the end has nothing to push")
        #expect(tail.entries(after: 9, limit: 100) == nil)
        tail.append(Self.entry(11))
        #expect(tail.entries(after: 10, limit: 100)?.map(\.position) == [11], "the tail goes on from the next append")
    }
}
