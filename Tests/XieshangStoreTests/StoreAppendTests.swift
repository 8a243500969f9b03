import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// The event log: chains, duplicates, equivocation, gaps, reads, cursors — and nothing partial on any error.
struct StoreAppendTests {
    /// Everything that must stay unchanged when a batch is rejected.
    func state(_ store: Store) throws -> [String: [String]] {
        try dumpTables(store.reader, ["events", "peer_cursors"])
    }

    @Test func appendsAndReadsByOriginScopeKind() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "city", key: testKey("city"))
        var b = EventChainBuilder(origin: "county-1", key: testKey("county-1"))
        let up = makeEvents(&a, 3, scope: "up", kind: 7)
        let down = makeEvents(&b, 2, scope: "down", kind: 9)
        let alliance = makeEvents(&a, 2, scope: "alliance:wuling", kind: 7)
        let result = try store.append(up + down + alliance)
        #expect(result.stored.count == 7)
        #expect(result.duplicates.isEmpty)
        #expect(result.positions == 1...7)
        let r = store.reader
        #expect(try r.events(origin: "city", seqs: 2...4) == Array(up[1...2]) + [alliance[0]])
        #expect(try r.entries(scope: "down").map(\.event) == down)
        #expect(try r.entries(scope: "alliance:wuling").map(\.event) == alliance)
        #expect(try r.entries(kind: 7).map(\.event) == up + alliance)
        #expect(try r.entries(kind: 7, after: 3).map(\.event) == alliance)
        #expect(try r.highestSeq(origin: "city") == 5)
        #expect(try r.highestSeq(origin: "nobody") == 0)
        #expect(try r.highestSeqs() == ["city": 5, "county-1": 2])
        // The stored bytes are exactly the given ones, and still verify.
        for e in try r.entries() { #expect(EventChainBuilder.verify(e.event, publicKey: testKey(e.event.origin).publicKey)) }
    }

    @Test func duplicatesAreReportedAndNewEventsInTheSameBatchAreStored() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        let first = makeEvents(&a, 3)
        try store.append(first)
        let more = makeEvents(&a, 2)
        // Old events again, one repeated inside the batch, then two new ones.
        let result = try store.append([first[1], first[2], first[2]] + more,
                                      cursors: [PeerCursor(peer: "p", direction: .inbound, position: 5)])
        #expect(result.duplicates == [first[1].ref, first[2].ref, first[2].ref])
        #expect(result.stored == more.map(\.ref))
        #expect(try store.reader.count() == 5)
        #expect(try store.reader.cursor(peer: "p", direction: .inbound)?.position == 5)
        // A batch of duplicates only is a no-op that succeeds.
        let again = try store.append(first)
        #expect(again.stored.isEmpty && again.duplicates.count == 3 && again.positions == nil)
        #expect(try store.reader.count() == 5)
    }

    @Test func equivocationNamesBothHashesAndWritesNothing() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        let stored = makeEvents(&a, 2)
        try store.append(stored, cursors: [PeerCursor(peer: "p", direction: .inbound, position: 2)])
        let before = try state(store)
        // Another event with seq 2: same predecessor, different content.
        var fork = EventChainBuilder(origin: "a", key: testKey("a"), after: 1, lastHash: stored[0].hash)
        let forged = try fork.next(payload: Array("other".utf8))
        var b = EventChainBuilder(origin: "b", key: testKey("b"))
        let innocent = makeEvents(&b, 2)
        do {
            try store.append(innocent + [forged], cursors: [PeerCursor(peer: "p", direction: .inbound, position: 9)])
            Issue.record("expected equivocation")
        } catch {
            #expect(error.code == .equivocation)
            #expect(error.origin == "a" && error.seq == 2)
            #expect(error.hashes?.stored == stored[1].hash)
            #expect(error.hashes?.offered == forged.hash)
            #expect(error.message.contains(hexString(stored[1].hash)) && error.message.contains(hexString(forged.hash)))
        }
        #expect(try state(store) == before, "no event, no cursor of the rejected batch was written")
    }

    @Test func equivocationInsideOneBatchIsCaughtToo() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        let events = makeEvents(&a, 3)
        var fork = EventChainBuilder(origin: "a", key: testKey("a"))
        let forged = try fork.next(payload: Array("forged first event".utf8))
        #expect {
            try store.append(events + [forged])
        } throws: { error in
            let e = error as? StoreError
            return e?.code == .equivocation && e?.hashes?.stored == events[0].hash && e?.hashes?.offered == forged.hash
        }
        #expect(try store.reader.count() == 0)
        // The rejected batch left no trace in the chain heads either: the real chain still appends.
        #expect(try store.append(events).stored.count == 3)
    }

    @Test func gapNamesTheMissingRangeAndWritesNothing() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        let events = makeEvents(&a, 7)
        try store.append(Array(events[0..<2]))
        let before = try state(store)
        do {
            // seq 3 is fine, seq 6 skips 4 and 5.
            try store.append([events[2], events[5]], cursors: [PeerCursor(peer: "p", direction: .outbound, position: 3)])
            Issue.record("expected a gap")
        } catch {
            #expect(error.code == .gap)
            #expect(error.missing == 4...5)
            #expect(error.message.contains("4…5"))
        }
        #expect(try state(store) == before)
        // A new origin must start at seq 1.
        var c = EventChainBuilder(origin: "c", key: testKey("c"))
        let cEvents = makeEvents(&c, 3)
        #expect {
            try store.append([cEvents[2]])
        } throws: { ($0 as? StoreError)?.missing == 1...2 }
        #expect(try state(store) == before)
    }

    @Test func brokenPrevHashAndMalformedEventsAreRejected() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let store = try Store(path: dir.file("node.db"))
        var a = EventChainBuilder(origin: "a", key: testKey("a"))
        var events = makeEvents(&a, 3)
        try store.append([events[0]])
        let before = try state(store)
        events[1].prevHash = Array(repeating: 7, count: 32)
        #expect { try store.append([events[1]]) } throws: { ($0 as? StoreError)?.code == .brokenChain }
        var first = events[0]
        first.origin = "z"
        first.prevHash = [1]
        #expect { try store.append([first]) } throws: { ($0 as? StoreError)?.code == .brokenChain }
        var zero = events[0]
        zero.seq = 0
        #expect { try store.append([zero]) } throws: { ($0 as? StoreError)?.code == .invalidEvent }
        #expect(try state(store) == before)
    }

    @Test func cursorsMoveWithTheirWorkAndCanBeReset() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        do {
            let store = try Store(path: path)
            var a = EventChainBuilder(origin: "a", key: testKey("a"))
            try store.append(makeEvents(&a, 4), cursors: [PeerCursor(peer: "county", direction: .outbound, position: 4),
                                                           PeerCursor(peer: "county", direction: .inbound, position: 10)])
            // Appended cursors only move forward.
            try store.append([], cursors: [PeerCursor(peer: "county", direction: .outbound, position: 2)])
            #expect(try store.reader.cursor(peer: "county", direction: .outbound)?.position == 4)
            // An explicit reset may move back (a peer restored from a backup).
            try store.setCursor(PeerCursor(peer: "county", direction: .inbound, position: 3))
        }
        let reopened = try Store(path: path)
        #expect(try reopened.reader.cursor(peer: "county", direction: .outbound)?.position == 4)
        #expect(try reopened.reader.cursor(peer: "county", direction: .inbound)?.position == 3)
        #expect(try reopened.reader.cursor(peer: "township", direction: .inbound) == nil)
    }
}
