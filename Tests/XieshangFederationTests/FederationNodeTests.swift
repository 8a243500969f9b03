import Foundation
import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// Links, handshake, replication and fencing of ``FederationNode`` on real SQLite files.
@Suite struct FederationNodeTests {
    @Test func eventsReachEveryNodeTheirScopeNames() throws {
        let net = TestNetwork()
        try net.tree([("city", ["c0", "c1"]), ("c0", ["t0", "t1"]), ("c1", ["t2"])])
        net.run()
        net.originate("t0", amount: 2)                                   // up → c0, city
        net.originate("city", route: .down(only: ["t2"]))                // down to t2 only (through c1)
        net.originate("t1", route: .direct("t2"))                        // direct, relayed t1 → c0 → city → c1 → t2
        net.run()
        func has(_ id: String, _ origin: String) -> Bool { net.events(id).contains { $0.origin == origin } }
        #expect(has("c0", "t0") && has("city", "t0") && !has("c1", "t0") && !has("t1", "t0"))
        #expect(has("c1", "city@down:t2") && has("t2", "city@down:t2") && !has("c0", "city@down:t2") && !has("t0", "city@down:t2"))
        #expect(has("t2", "t1@direct:t2") && has("city", "t1@direct:t2") && !has("t0", "t1@direct:t2"))
    }

    @Test func keyMismatchWithThePinIsRefused() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        #expect(net.nodes["county"]!.isLinkUp("town"))
        // A node calling itself "town" with another key.
        net.nodes["town"] = nil
        var impostor = net.configs["town"]!
        impostor.privateKey = try Ed25519.PrivateKey(seed: Array(repeating: 3, count: 32))
        net.conns = [:]
        try net.start("town", config: impostor, path: net.directory + "/impostor.sqlite")
        net.run(forMs: 100)
        #expect(net.logs.contains { $0.contains("does not match its pin") })
        #expect(!net.nodes["town"]!.isLinkUp("county"))
    }

    @Test func secondLiveCopyIsRefused() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        // A clone: same id and key, another store (so another incarnation), while the first is connected.
        let original = net.nodes["town"]!
        try net.start("town", config: net.configs["town"]!, path: net.directory + "/clone.sqlite")
        net.run(forMs: 100)
        #expect(net.logs.contains { $0.contains("second live copy") })
        #expect(!net.nodes["town"]!.isLinkUp("county"))
        #expect(original.incarnation != net.nodes["town"]!.incarnation)
    }

    @Test func duplicatesAreAckedAndDropped() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        net.originate("town")
        net.run()
        let stored = try #require(net.events("county").first { $0.origin == "town" && $0.kind == EventKind.testNote.protoValue })
        let count = net.events("county").count
        let ack = try #require(net.inject([SignedEvent(body: stored.body, signature: stored.signature)], from: "town", to: "county"))
        #expect(ack.refused.isEmpty && ack.missingFrom.isEmpty)
        #expect(ack.highWater.first?.seq ?? 0 >= stored.seq)
        #expect(net.events("county").count == count)
    }

    @Test func gapIsHeldAndRepairedByPull() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        // Cut the town → county link's pushes while the town originates three events.
        net.intercept = { _, toClient, m in if !toClient, case .push = m { return false }; return true }
        for _ in 0..<3 { net.originate("town") }
        net.run(forMs: 10)
        net.intercept = nil
        let chain = net.events("town").filter { $0.origin == "town" }
        let held = try net.nodes["county"]!.store.reader.highestSeq(origin: "town")
        let later = chain.filter { $0.seq > held + 1 }.map { SignedEvent(body: $0.body, signature: $0.signature) }
        try #require(!later.isEmpty)
        let ack = try #require(net.inject(later, from: "town", to: "county"))
        #expect(ack.missingFrom.first?.origin == "town" && ack.missingFrom.first?.seq == held + 1)
        #expect(try net.nodes["county"]!.store.reader.highestSeq(origin: "town") == held)  // held back, not stored
        net.run(forMs: 50)                                                           // the Pull answers
        #expect(try net.nodes["county"]!.store.reader.highestSeq(origin: "town") == chain.last!.seq)
    }

    @Test func downLinkResumesFromItsCursorAndHoldsBoundedMemory() throws {
        var options = TestNetwork.options
        options.batchSize = 4
        options.window = 2
        let net = TestNetwork()
        try net.tree([("county", ["town"])], options: options)
        net.run()
        net.nodes["county"] = nil                                   // the county goes away (crash: memory lost)
        for c in net.conns.keys { net.feed("town", .disconnected(c)) }
        net.conns = [:]
        for _ in 0..<100 { net.originate("town") }
        net.run(forMs: 60_000)                                      // a minute of retries with backoff
        #expect(net.nodes["town"]!.bufferedEvents <= options.window * options.batchSize)
        let reconnects = net.timers.filter { $0.0 == "town" && $0.1 == .reconnect("county") }
        #expect(reconnects.allSatisfy { $0.2 - net.now <= options.backoffCapMs })
        try net.start("county")                                     // back: the town resumes on its own
        net.run(forMs: 60_000)
        #expect(try net.nodes["county"]!.store.reader.highestSeq(origin: "town") == net.nodes["town"]!.store.reader.highestSeq(origin: "town"))
        let cursor = try net.nodes["town"]!.store.reader.cursor(peer: "county", direction: .outbound)
        #expect(cursor?.position == (try net.nodes["town"]!.store.reader.lastPosition()))
    }

    @Test func restoredNodeIsFencedUntilItPulledItsOwnEventsBack() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        net.originate("town")
        net.run()
        // Back up the town's store now, let it originate more, then restore the backup.
        net.nodes["town"] = nil
        let backup = net.directory + "/town-backup.sqlite"
        let fm = FileManager.default
        try fm.copyItem(atPath: net.path("town"), toPath: backup)
        try net.start("town")
        net.run()
        for _ in 0..<3 { net.originate("town") }
        net.run()
        let countyHolds = try net.nodes["county"]!.store.reader.highestSeq(origin: "town")
        for c in net.conns.keys where net.conns[c]!.client == "town" || net.conns[c]!.server == "town" {
            net.feed("county", .disconnected(c))
        }
        net.conns = net.conns.filter { $0.value.client != "town" && $0.value.server != "town" }
        net.nodes["town"] = nil
        var config = net.configs["town"]!
        config.restored = true
        try net.start("town", config: config, path: backup)
        #expect(net.nodes["town"]!.fenced)
        let before = try net.nodes["town"]!.store.reader.highestSeq(origin: "town")
        #expect(before < countyHolds)
        net.run()
        #expect(!net.nodes["town"]!.fenced)
        #expect(try net.nodes["town"]!.store.reader.highestSeq(origin: "town") >= countyHolds)
        net.originate("town")
        net.run()
        #expect(net.alerts["county"]?.contains { $0.code == "equivocation" } != true)
        #expect(try net.nodes["county"]!.store.reader.highestSeq(origin: "town") > countyHolds)
    }

    @Test func fencedNodeRefusesLocalCommands() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        var config = net.configs["town"]!
        config.restored = true
        net.nodes["county"] = nil
        net.nodes["town"] = nil
        net.conns = [:]
        try net.start("town", config: config, path: net.directory + "/fresh.sqlite")
        let outputs = net.nodes["town"]!.handle(.originate(LocalCommand(kind: .testNote, payload: [], scope: Route.up.scope)), now: net.now)
        #expect(outputs.contains { if case .commandRefused = $0 { return true } else { return false } })
    }

    @Test func escalationCarriesTheOriginalSignature() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town"])])
        net.run()
        net.originate("town", .opinion)
        net.run()
        let original = try #require(net.events("county").first { $0.origin == "town" && $0.kind == EventKind.opinion.protoValue })
        net.carry("county", try net.nodes["county"]!.escalate(origin: "town", seq: original.seq, note: "adopted", decision: "forward", now: net.now))
        net.run()
        let escalation = try #require(net.events("city").first { $0.kind == EventKind.escalation.protoValue })
        let body = try SignedEvent(body: escalation.body, signature: escalation.signature).decodedBody()
        let inner = try SignedEvent(serializedBytes: Escalation(serializedBytes: body.payload).original)
        #expect(try inner.verifiedBody(originKey: net.key("town").publicKey).origin == "town")
        // A forged wrapper is refused.
        var forged = inner
        forged.signature = Array(repeating: 5, count: 64)
        let (h, hash): (UInt64, [UInt8]) = (escalation.seq, escalation.hash)
        let bad = try SignedEvent.signing(EventBody(origin: "county", seq: h + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope, kind: .escalation,
                                                    payload: Escalation(original: forged.serializedBytes()).serializedBytes()), with: net.key("county"))
        let head = try net.nodes["city"]!.store.reader.highestSeq(origin: "county")
        if head == h {
            let ack = net.inject([bad], from: "county", to: "city")
            #expect(ack?.refused.map(\.code) == ["bad_escalation"])
        }
    }

    /// Plan events travel as any other: the issuer's plan reaches the assignees it names, an assignee's progress
    /// reaches the issuer through the county (the plan's rules live in the domain, not in the core).
    @Test func plansGoDownAndProgressComesBack() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["t0", "t1", "t2"])])
        net.run()
        let day = Day(chinaTimeMs: net.now).description
        func plan(_ step: PlanEvent.Step, scope: Scope) -> LocalCommand {
            LocalCommand(kind: .plan, payload: PlanEvent(planId: "2026", issuer: "city", on: day, step: step).serializedBytes(), scope: scope)
        }
        let item = PlanItem(itemId: "3-07", topic: "河道治理", leadLeader: "副主席", department: "水务局", deadline: day, assignees: ["t0", "t1"])
        let down = Route.down(only: ["t0", "t1"]).scope
        net.feed("city", .originateMany([plan(.drafted(.init(year: 2026, title: "计划")), scope: down), plan(.itemAdded(item), scope: down),
                                         plan(.issued(.init(document: "铜政发〔2026〕3号")), scope: down)]))
        net.run()
        func plans(_ node: String, from origin: String) -> Int {
            net.events(node).filter { ChainName.node(of: $0.origin) == origin && $0.kind == EventKind.plan.protoValue }.count
        }
        #expect(plans("t0", from: "city") == 3 && plans("t1", from: "city") == 3 && plans("t2", from: "city") == 0)
        net.feed("t0", .originate(plan(.stageReported(.init(itemId: "3-07", byBody: "t0", stage: .held)), scope: Route.up.scope)))
        net.run()
        #expect(plans("city", from: "t0") == 1 && plans("t1", from: "t0") == 0)
    }
}
