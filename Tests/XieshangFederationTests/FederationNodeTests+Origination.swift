import Foundation
import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Records, for each note it applies, how many events a separate read connection sees committed at that moment —
/// constant across a group only when the group is one transaction. Fails on a note whose text is "fail".
struct CommitWitness: Projector {
    let path: String
    let name = "commit_witness"
    let version = 1
    let tables = ["commit_witness"]
    let schema = "CREATE TABLE commit_witness (position INTEGER PRIMARY KEY, committed INTEGER NOT NULL)"
    let kinds: Set<Int32>? = [EventKind.testNote.protoValue]
    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        let body = try? SignedEvent(body: event.body, signature: event.signature).decodedBody()
        if let payload = body?.payload, (try? Note(serializedBytes: payload))?.text == "fail" {
            throw StoreError(.projector, "the witness refuses note \(event.origin)#\(event.seq)")
        }
        let committed = try EventReader(path: path).count()
        try db.execute("INSERT INTO commit_witness (position, committed) VALUES (?, ?)", [.integer(position), .integer(Int64(committed))])
    }
}

/// ``FederationInput/originateMany(_:)``: several local commands in one store transaction, all or nothing.
extension FederationNodeTests {
    static func note(_ text: String, _ route: Route = .up) -> LocalCommand {
        LocalCommand(kind: .testNote, payload: Note(text: text, amount: 1).serializedBytes(), scope: route.scope)
    }

    static func originated(_ outputs: [FederationOutput]) -> [(String, UInt64)] {
        outputs.compactMap { if case .originated(let o, let s) = $0 { return (o, s) } else { return nil } }
    }

    static func refusals(_ outputs: [FederationOutput]) -> [String] {
        outputs.compactMap { if case .commandRefused(let r) = $0 { return r } else { return nil } }
    }

    @Test func originateManyStoresTheGroupInOneTransactionInOrderAndReplicatesIt() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.nodes["town"] = nil
        try net.start("town", projectors: [CommitWitness(path: net.path("town"))])
        net.run()
        let town = net.nodes["town"]!
        let before = try town.store.reader.highestSeq(origin: "town")
        let group = (0..<5).map { Self.note("n\($0)") } + [Self.note("d", .direct("county"))]
        let outputs = town.handle(.originateMany(group), now: net.now)
        net.carry("town", outputs)
        let done = Self.originated(outputs)
        #expect(Self.refusals(outputs).isEmpty)
        #expect(done.map(\.0) == ["town", "town", "town", "town", "town", "town@direct:county"])
        #expect(done.prefix(5).map(\.1) == Array((before + 1)...(before + 5)))
        #expect(done.last?.1 == 1)
        // Every note of the group was applied while an outside reader still saw none of it: one transaction.
        let seen = try town.store.reader.rows("SELECT committed FROM commit_witness ORDER BY position")
        #expect(seen.count == 6 && Set(seen.map { $0.first }).count == 1)
        // The chain is linked in command order, and the county gets all of it.
        net.run()
        let county = net.events("county").filter { $0.origin == "town" && $0.seq > before && $0.kind == EventKind.testNote.protoValue }
        #expect(county.map(\.seq) == Array((before + 1)...(before + 5)))
        let texts = county.compactMap { (try? SignedEvent(body: $0.body, signature: $0.signature).decodedBody()).flatMap { try? Note(serializedBytes: $0.payload).text } }
        #expect(texts == ["n0", "n1", "n2", "n3", "n4"])
        #expect(net.events("county").contains { $0.origin == "town@direct:county" })
    }

    @Test func aRefusedCommandRefusesItsWholeGroupAndNamesIt() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        let town = net.nodes["town"]!
        let count = try town.store.reader.count()
        let roster = LocalCommand(kind: .roster, payload: Roster().serializedBytes(), scope: Route.up.scope)
        let outputs = town.handle(.originateMany([Self.note("a"), roster, Self.note("b")]), now: net.now)
        let refusals = Self.refusals(outputs)
        #expect(Self.originated(outputs).isEmpty)
        #expect(refusals.count == 3)
        #expect(refusals[1].contains("command 2 of 3 refused") && refusals[1].contains("made by the node itself"))
        #expect(refusals[0].contains("command 2 of the group was refused") && refusals[2].contains("command 2 of the group was refused"))
        #expect(try town.store.reader.count() == count)
        // A single command of a node-made kind is refused the same way.
        let single = town.handle(.originate(roster), now: net.now)
        #expect(Self.refusals(single).count == 1 && Self.originated(single).isEmpty)
    }

    @Test func aGroupWhoseCommitFailsStoresNothingAndRefusesEveryCommand() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.nodes["town"] = nil
        try net.start("town", projectors: [CommitWitness(path: net.path("town"))])
        net.run()
        let town = net.nodes["town"]!
        let count = try town.store.reader.count()
        let head = try town.store.reader.highestSeq(origin: "town")
        let outputs = town.handle(.originateMany([Self.note("a"), Self.note("b"), Self.note("fail")]), now: net.now)
        #expect(Self.originated(outputs).isEmpty)
        #expect(Self.refusals(outputs).count == 3)
        #expect(Self.refusals(outputs).allSatisfy { $0.contains("nothing of the group was stored") })
        #expect(try town.store.reader.count() == count)
        // The node's chain head did not move: the next group follows the stored chain and replicates.
        let next = town.handle(.originateMany([Self.note("c"), Self.note("d")]), now: net.now)
        net.carry("town", next)
        #expect(Self.originated(next).map(\.1) == [head + 1, head + 2])
        net.run()
        let notes = net.events("county").filter { $0.origin == "town" && $0.kind == EventKind.testNote.protoValue }
        #expect(notes.suffix(2).map(\.seq) == [head + 1, head + 2])
    }

    @Test func aFencedNodeRefusesAGroupAndAnEmptyGroupDoesNothing() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        var config = net.configs["town"]!
        config.restored = true
        net.nodes["county"] = nil
        net.nodes["town"] = nil
        net.conns = [:]
        try net.start("town", config: config, path: net.directory + "/fresh.sqlite")
        let town = net.nodes["town"]!
        let outputs = town.handle(.originateMany([Self.note("a"), Self.note("b")]), now: net.now)
        #expect(Self.refusals(outputs).count == 2 && Self.originated(outputs).isEmpty)
        #expect(Self.refusals(outputs).allSatisfy { $0.contains("has not yet heard from its parent county") })
        #expect(try town.store.reader.count() == 0)
        #expect(town.handle(.originateMany([]), now: net.now).isEmpty)
    }
}

/// Fencing before the parent confirmed: a store restored from a backup (without being told so) originates nothing
/// — no roster, rollup, alert or local command — until its parent said how far its own chain goes.
extension FederationNodeTests {
    @Test func aRestoredNodeOriginatesNothingBeforeItsParentConfirmedItsChain() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        net.originate("town")
        net.run()
        // A backup taken right after a note whose rollup is not emitted yet (a dirty period in the backup).
        net.originate("town")
        net.nodes["town"] = nil
        let backup = net.directory + "/town-backup.sqlite"
        try FileManager.default.copyItem(atPath: net.path("town"), toPath: backup)
        try net.start("town")
        net.run()
        net.originate("town")
        net.run()
        let countyHolds = try net.nodes["county"]!.store.reader.highestSeq(origin: "town")
        // The town goes down; its backup comes back while the county is unreachable.
        for c in net.conns.keys where net.conns[c]!.client == "town" || net.conns[c]!.server == "town" { net.feed("county", .disconnected(c)) }
        net.conns = net.conns.filter { $0.value.client != "town" && $0.value.server != "town" }
        net.nodes["town"] = nil
        let county = net.nodes["county"]!
        net.nodes["county"] = nil
        try net.start("town", config: net.configs["town"]!, path: backup)   // restored = false: it cannot know
        let town = net.nodes["town"]!
        let before = try town.store.reader.count()
        let head = try town.store.reader.highestSeq(origin: "town")
        #expect(head < countyHolds)
        #expect(town.fenced)
        net.run(forMs: 10_000)                                              // dials fail, rollup and retry timers fire
        let refused = town.handle(.originate(Self.note("too early")), now: net.now)
        #expect(Self.originated(refused).isEmpty && Self.refusals(refused).first?.contains("has not yet heard from its parent") == true)
        #expect(try town.store.reader.count() == before)                    // no roster, rollup, alert or note
        #expect(try town.store.reader.highestSeq(origin: "town") == head)
        // The county returns: the town pulls its own events back, then originates again, and nothing equivocates.
        net.nodes["county"] = county
        net.run(forMs: 60_000)
        #expect(!town.fenced)
        #expect(try town.store.reader.highestSeq(origin: "town") >= countyHolds)
        let later = town.handle(.originate(Self.note("after")), now: net.now)
        net.carry("town", later)
        #expect(Self.originated(later).count == 1)
        net.run()
        #expect(net.alerts["county"]?.contains { $0.code == "equivocation" } != true)
        #expect(try county.store.reader.highestSeq(origin: "town") > countyHolds)
    }
}

extension FederationNodeTests {
    /// A fenced county cannot emit the roster that vouches for a new child to its parent, so it stores none of that
    /// child's events (not refused: the child resends) until it could — else the city would refuse them as of an
    /// unknown origin and they would never arrive.
    @Test func aFencedNodeDefersEventsOfOriginsItsRosterDoesNotVouchForYet() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town"])])
        net.nodes["city"] = nil                                   // unreachable before any handshake completed
        net.run(forMs: 3_000)
        let county = net.nodes["county"]!
        #expect(county.fenced && !net.nodes["town"]!.fenced)
        net.originate("town")
        net.run(forMs: 500)
        #expect(!net.events("county").contains { $0.origin == "town" })
        let acks = net.acks["town"] ?? []
        #expect(acks.contains { $0.missingFrom.contains { $0.origin == "town" } })
        #expect(acks.allSatisfy { $0.refused.isEmpty } && net.alerts["county"] == nil)
        try net.start("city")                                     // the city comes back
        net.run(forMs: 30_000)
        #expect(!county.fenced)
        #expect(net.events("county").contains { $0.origin == "town" && $0.kind == EventKind.testNote.protoValue })
        #expect(net.events("city").contains { $0.origin == "town" && $0.kind == EventKind.testNote.protoValue })
        #expect(net.alerts["city"]?.contains { $0.code == "unknown_origin" } != true)
    }
}
