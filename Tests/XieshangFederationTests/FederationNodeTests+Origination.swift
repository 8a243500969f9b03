import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// Records, for each note it applies, how many events a separate read connection sees committed at that moment —
/// constant across a group only when the group is one transaction. Fails on a note whose text is "fail".
struct CommitWitness: Projector {
    let path: String
    let name = "commit_witness"
    let version = 1
    let tables = ["commit_witness"]
    let schema = "CREATE TABLE commit_witness (position INTEGER PRIMARY KEY, committed INTEGER NOT NULL)"
    let kinds: Set<Int32>? = [EventKind.note.protoValue]
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
        LocalCommand(kind: .note, payload: Note(text: text, amount: 1).serializedBytes(), scope: route.scope)
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
        let county = net.events("county").filter { $0.origin == "town" && $0.seq > before && $0.kind == EventKind.note.protoValue }
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
        let notes = net.events("county").filter { $0.origin == "town" && $0.kind == EventKind.note.protoValue }
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
        #expect(Self.refusals(outputs).allSatisfy { $0.contains("restoring its own events") })
        #expect(try town.store.reader.count() == 0)
        #expect(town.handle(.originateMany([]), now: net.now).isEmpty)
    }
}
