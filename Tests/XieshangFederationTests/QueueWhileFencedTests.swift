import Foundation
import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Test rules for queued entries: an entry is a ``Note``; it becomes one up-scoped note, and is refused when the
/// node already holds a note of its own with the same text (as the domain refuses a record id it already holds — for
/// a restored store, an id it learned back from its parent after the entry was queued).
final class UniqueNoteRules: QueuedCommandRules {
    let store: Store
    let node: String
    /// Runs before each answer (a test's fault injection).
    var before: (() -> Void)?
    init(store: Store, node: String) {
        self.store = store
        self.node = node
    }

    func commands(for entry: [UInt8]) -> Result<[LocalCommand], QueuedCommandRefusal> {
        before?()
        guard let note = try? Note(serializedBytes: entry) else { return .failure(QueuedCommandRefusal("not a note")) }
        if QueueWhileFencedTests.ownNotes(store, node).contains(note.text) {
            return .failure(QueuedCommandRefusal("note '\(note.text)' is already recorded at \(node)"))
        }
        return .success([LocalCommand(kind: .testNote, payload: entry, scope: Route.up.scope)])
    }
}

/// Recording while fenced (issue 20 item 1): a node that restarted without its parent queues local commands durably
/// and originates them only once the parent confirmed its chain, in order, each through the rules again — never a
/// fork of its chain after a restore, never a refused one dropped silently.
struct QueueWhileFencedTests {
    /// Texts of `node`'s own notes in chain order.
    static func ownNotes(_ store: Store, _ node: String) -> [String] {
        let entries = (try? store.reader.entries(after: 0, limit: 100_000).map(\.event)) ?? []
        return entries.filter { $0.origin == node && $0.kind == EventKind.testNote.protoValue }.sorted { $0.seq < $1.seq }.compactMap {
            (try? SignedEvent(body: $0.body, signature: $0.signature).decodedBody()).flatMap { try? Note(serializedBytes: $0.payload) }?.text
        }
    }

    static func enqueue(_ net: TestNetwork, _ id: String, _ text: String) -> [FederationOutput] {
        net.nodes[id]!.handle(.enqueue(entry: Note(text: text, amount: 1).serializedBytes()), now: net.now)
    }

    static func queuedIds(_ outputs: [FederationOutput]) -> [Int64] {
        outputs.compactMap { if case .commandQueued(let id) = $0 { return id } else { return nil } }
    }

    /// Drops `id` and every connection to it (a process that stopped).
    static func stop(_ net: TestNetwork, _ id: String) {
        for c in net.conns.keys where net.conns[c]!.client == id || net.conns[c]!.server == id {
            let other = net.conns[c]!.client == id ? net.conns[c]!.server : net.conns[c]!.client
            net.feed(other, .disconnected(c))
        }
        net.conns = net.conns.filter { $0.value.client != id && $0.value.server != id }
        net.pending.removeAll()
        net.nodes[id] = nil
    }

    @Test("queued while the parent is away: nothing originates until the parent confirms the chain, then all in order")
    func queuedCommandsOriginateOnlyAfterTheParentConfirmedInOrder() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        net.originate("town", dated: "before")
        net.run()
        QueueWhileFencedTests.stop(net, "county")
        QueueWhileFencedTests.stop(net, "town")
        try net.start("town")                      // restarts while its county is down: fenced
        let town = try #require(net.nodes["town"])
        town.queueRules = UniqueNoteRules(store: town.store, node: "town")
        #expect(town.fenced)
        let seqBefore = try town.store.reader.highestSeq(origin: "town")
        var ids: [Int64] = []
        for i in 1...5 { ids += QueueWhileFencedTests.queuedIds(QueueWhileFencedTests.enqueue(net, "town", "q\(i)")) }
        #expect(ids.count == 5 && ids == ids.sorted(), "each command is answered queued, in order: \(ids)")
        net.run(forMs: 30_000)                     // reconnects fail: still fenced, nothing originated
        #expect(town.fenced)
        #expect(try town.store.reader.highestSeq(origin: "town") == seqBefore, "a queued command was originated before the parent confirmed the chain")
        #expect(town.queuedWaiting == 5)
        try net.start("county")
        net.run(forMs: 60_000)
        #expect(!town.fenced)
        #expect(town.queuedWaiting == 0)
        #expect(try town.store.queueCounts().waiting == 0)
        let notes = QueueWhileFencedTests.ownNotes(town.store, "town")
        #expect(notes.suffix(5) == ["q1", "q2", "q3", "q4", "q5"], "queued commands originated out of order: \(notes)")
        #expect(QueueWhileFencedTests.ownNotes(net.nodes["county"]!.store, "town") == notes, "the county does not hold the town's chain as the town does")
    }

    @Test("after a restore, queued commands originate after the chain pulled back (no fork); a rule refusal is kept with an alert")
    func queuedAfterRestoreNeverForksAndARefusalIsKept() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        net.originate("town", dated: "a")
        net.run()
        // Back up the town's store, let it record b1…b3 (the county holds them), then restore the backup while the
        // county is down.
        QueueWhileFencedTests.stop(net, "town")
        let backup = net.directory + "/town-backup.sqlite"
        try FileManager.default.copyItem(atPath: net.path("town"), toPath: backup)
        try net.start("town")
        net.run()
        for t in ["b1", "b2", "b3"] { net.originate("town", dated: t) }
        net.run()
        let countyChain = try net.nodes["county"]!.store.reader.events(origin: "town", seqs: 1...1_000)
        QueueWhileFencedTests.stop(net, "county")
        QueueWhileFencedTests.stop(net, "town")
        var config = net.configs["town"]!
        config.restored = true
        try net.start("town", config: config, path: backup)
        let town = try #require(net.nodes["town"])
        town.queueRules = UniqueNoteRules(store: town.store, node: "town")
        #expect(QueueWhileFencedTests.ownNotes(town.store, "town") == ["a"], "the backup holds only the first note")
        // b2 passes the rules now (the restored store does not know it) but is a duplicate of what the county holds.
        for t in ["c1", "b2", "c2"] { #expect(QueueWhileFencedTests.queuedIds(QueueWhileFencedTests.enqueue(net, "town", t)).count == 1) }
        try net.start("county")
        net.run(forMs: 60_000)
        #expect(!town.fenced)
        let chain = QueueWhileFencedTests.ownNotes(town.store, "town")
        #expect(chain == ["a", "b1", "b2", "b3", "c1", "c2"], "queued notes must come after the chain pulled back, b2 refused: \(chain)")
        // No fork: every seq the county held before keeps its hash, and the county holds the town's chain as the town does.
        let townChain = try town.store.reader.events(origin: "town", seqs: 1...1_000)
        for e in countyChain { #expect(townChain.first { $0.seq == e.seq }?.hash == e.hash, "seq \(e.seq) forked") }
        let countyNow = try net.nodes["county"]!.store.reader.events(origin: "town", seqs: 1...1_000)
        #expect(countyNow.map(\.hash) == townChain.map(\.hash))
        #expect(net.alerts["county"]?.contains { $0.code == "equivocation" } != true)
        // The refusal: kept in the queue with the rule's message, and an alert stored and sent up.
        let refused = try town.store.refusedEntries(limit: 10)
        #expect(refused.count == 1)
        #expect(refused.first.flatMap { try? Note(serializedBytes: $0.entry) }?.text == "b2")
        #expect(refused.first?.refusal?.contains("already recorded") == true)
        #expect(town.queuedRefused == 1 && town.queuedWaiting == 0)
        #expect(net.storedAlerts("town").contains { $0.code == "queued_refused" && $0.message.contains("already recorded") })
        let countyAlerts = try net.nodes["county"]!.store.reader.entries(after: 0, limit: 100_000).map(\.event)
            .filter { $0.origin == "town" && $0.kind == EventKind.alert.protoValue }
        #expect(!countyAlerts.isEmpty, "the queued_refused alert did not reach the county")
    }

    @Test("a queued command's events and its removal from the queue commit together: if the removal fails, nothing is stored")
    func originationAndDequeueAreOneTransaction() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        QueueWhileFencedTests.stop(net, "county")
        QueueWhileFencedTests.stop(net, "town")
        try net.start("town")
        let town = try #require(net.nodes["town"])
        let rules = UniqueNoteRules(store: town.store, node: "town")
        town.queueRules = rules
        _ = QueueWhileFencedTests.enqueue(net, "town", "x1")
        _ = QueueWhileFencedTests.enqueue(net, "town", "x2")
        // Once, as x1 is about to be originated, its queue row stops waiting (as if another drain had taken it): the
        // removal inside the append's transaction fails, so x1's event must not be stored; the drain stops there and
        // tries again later, when x2 goes on in order.
        rules.before = {
            rules.before = nil
            try? town.store.write { (db) throws(StoreError) in
                try db.execute("UPDATE queued_commands SET state = 'refused' WHERE id = (SELECT min(id) FROM queued_commands)")
            }
        }
        try net.start("county")
        net.run(forMs: 60_000)
        #expect(!town.fenced)
        #expect(!QueueWhileFencedTests.ownNotes(town.store, "town").contains("x1"), "x1 was stored although its queue row could not be removed")
        #expect(net.logs.contains { $0.contains("cannot originate queued command") && $0.contains("nothing of it was stored") })
        #expect(QueueWhileFencedTests.ownNotes(town.store, "town") == ["x2"], "the drain did not go on with x2 after the retry")
        #expect(try town.store.queueCounts().waiting == 0)
        _ = QueueWhileFencedTests.enqueue(net, "town", "x3")
        #expect(QueueWhileFencedTests.ownNotes(town.store, "town") == ["x2", "x3"])
    }

    @Test("without queue rules a fenced node refuses a command to queue (the pre-queue behaviour, nothing stored)")
    func withoutRulesNothingIsQueued() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        QueueWhileFencedTests.stop(net, "county")
        QueueWhileFencedTests.stop(net, "town")
        try net.start("town")
        let outputs = QueueWhileFencedTests.enqueue(net, "town", "n")
        #expect(outputs.contains { if case .commandRefused = $0 { return true } else { return false } })
        #expect(try net.nodes["town"]!.store.queueCounts().waiting == 0)
    }
}
