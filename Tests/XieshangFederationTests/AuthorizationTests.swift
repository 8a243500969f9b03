import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// One test per attack (issue 5, item 5 and the adversary mode): each must be refused with its code, raised as an
/// Alert event, and leave nothing stored.
@Suite struct AuthorizationTests {
    /// city ← county ← (town0, town1); town1 is the attacker, county the victim.
    func setUp() throws -> TestNetwork {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town0", "town1"])])
        net.run()
        net.originate("town0", amount: 5)
        net.originate("town1", amount: 7)
        net.run()
        return net
    }

    func head(_ net: TestNetwork, _ at: String, _ origin: String) -> (UInt64, [UInt8]) {
        let seq = (try? net.nodes[at]!.store.reader.highestSeq(origin: origin)) ?? 0
        let hash = seq == 0 ? [] : ((try? net.nodes[at]!.store.reader.events(origin: origin, seqs: seq...seq).first?.hash) ?? [])
        return (seq, hash)
    }

    /// Asserts the refusal, the alert (output and stored Alert event, which also reached the city) and that the
    /// event is stored nowhere.
    func expectRefused(_ net: TestNetwork, _ ack: Ack?, _ event: SignedEvent, code: String, storedElsewhere: Bool = false) {
        #expect(ack?.refused.map(\.code).contains(code) == true, "refusals: \(ack?.refused.map(\.code) ?? [])")
        #expect(net.alerts["county"]?.contains { $0.code == code } == true)
        net.run()
        #expect(net.storedAlerts("county").contains { $0.code == code && !$0.evidence.isEmpty })
        #expect(net.events("city").contains { $0.kind == EventKind.alert.protoValue && $0.origin == "county" })
        if !storedElsewhere {
            for id in ["city", "county", "town0", "town1"] {
                #expect(!net.events(id).contains { $0.hash == event.hash }, "stored at \(id)")
            }
        }
    }

    func note(_ origin: String, seq: UInt64, prev: [UInt8], route: Route = .up, key: Ed25519.PrivateKey, amount: Int64 = 999) throws -> SignedEvent {
        try SignedEvent.signing(EventBody(origin: ChainName.chain(node: origin, route: route), seq: seq, prevHash: prev, timeMs: 1,
                                          scope: route.scope, kind: .testNote, payload: Note(text: "x", amount: amount).serializedBytes()), with: key)
    }

    /// `count` linked notes of `origin` following what `at` holds, each signed by `origin`'s key.
    func linkedNotes(_ net: TestNetwork, _ origin: String, at: String, count: Int) throws -> [SignedEvent] {
        var (h, hash) = head(net, at, origin)
        var out: [SignedEvent] = []
        for _ in 0..<count {
            let e = try note(origin, seq: h + 1, prev: hash, key: net.key(origin), amount: 1)
            out.append(e)
            h += 1
            hash = e.hash
        }
        return out
    }

    @Test func linkedRunIsAuthenticatedByItsLastSignature() throws {
        let net = try setUp()
        let run = try linkedNotes(net, "town1", at: "county", count: 6)
        let before = net.nodes["county"]!.signaturesVerified
        let ack = net.inject(run, from: "town1", to: "county")
        #expect(ack?.refused.isEmpty == true)
        #expect(net.nodes["county"]!.signaturesVerified - before == 1)
        for e in run { #expect(net.events("county").contains { $0.hash == e.hash }) }
    }

    @Test func interleavedOriginsAreAuthenticatedByOneSignatureEach() throws {
        let net = try setUp()
        // The county relays its townships' events to the city in one batch, interleaved.
        let a = try linkedNotes(net, "town0", at: "city", count: 4)
        let b = try linkedNotes(net, "town1", at: "city", count: 4)
        let batch = zip(a, b).flatMap { [$0, $1] }
        let before = net.nodes["city"]!.signaturesVerified
        let ack = net.inject(batch, from: "county", to: "city")
        #expect(ack?.refused.isEmpty == true)
        #expect(net.nodes["city"]!.signaturesVerified - before == 2)
        for e in batch { #expect(net.events("city").contains { $0.hash == e.hash }) }
    }

    @Test func runWithForgedLastSignatureKeepsTheVerifiedPrefix() throws {
        let net = try setUp()
        var run = try linkedNotes(net, "town1", at: "county", count: 4)
        run[3].signature = Array(repeating: 9, count: 64)
        let before = net.nodes["county"]!.signaturesVerified
        let ack = net.inject(run, from: "town1", to: "county")
        #expect(ack?.refused.map(\.code) == ["bad_signature"])
        let badSeq = try run[3].decodedBody().seq
        #expect(ack?.refused.first?.seq == badSeq)
        // The run's signature failed, then each event was verified alone: the three good ones are stored.
        #expect(net.nodes["county"]!.signaturesVerified - before == 5)
        for e in run.prefix(3) { #expect(net.events("county").contains { $0.hash == e.hash }) }
        #expect(!net.events("county").contains { $0.hash == run[3].hash })
    }

    @Test func forgedSignatureIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town1")
        var event = try note("town1", seq: h + 1, prev: hash, key: net.key("town1"))
        event.signature = Array(repeating: 7, count: 64)
        expectRefused(net, net.inject([event], from: "town1", to: "county"), event, code: "bad_signature")
    }

    @Test func eventSignedWithAnotherKeyIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town1")
        let event = try note("town1", seq: h + 1, prev: hash, key: net.key("town0"))
        expectRefused(net, net.inject([event], from: "town1", to: "county"), event, code: "bad_signature")
    }

    @Test func replayedSiblingEventIsRefused() throws {
        let net = try setUp()
        let sibling = try #require(net.events("county").first { $0.origin == "town0" })
        let event = SignedEvent(body: sibling.body, signature: sibling.signature)
        let before = net.events("county").filter { $0.origin == "town0" }.count
        let ack = net.inject([event], from: "town1", to: "county")
        #expect(net.events("county").filter { $0.origin == "town0" }.count == before)
        expectRefused(net, ack, event, code: "not_in_subtree", storedElsewhere: true)
    }

    @Test func equivocationIsRefused() throws {
        let net = try setUp()
        let (h, _) = head(net, "county", "town1")
        let prev = h == 1 ? [] : try #require(net.nodes["county"]!.store.reader.events(origin: "town1", seqs: (h - 1)...(h - 1)).first).hash
        let event = try note("town1", seq: h, prev: prev, key: net.key("town1"))
        let ack = net.inject([event], from: "town1", to: "county")
        expectRefused(net, ack, event, code: "equivocation")
        // The evidence holds both signed events.
        #expect(net.storedAlerts("county").first { $0.code == "equivocation" }?.evidence.count == 2)
    }

    @Test func downEventFromChildIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town1@down")
        let event = try note("town1", seq: h + 1, prev: hash, route: .down(only: []), key: net.key("town1"))
        expectRefused(net, net.inject([event], from: "town1", to: "county"), event, code: "scope_not_allowed")
    }

    @Test func eventOutsideSubtreeIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town0")
        let event = try note("town0", seq: h + 1, prev: hash, key: net.key("town0"))
        expectRefused(net, net.inject([event], from: "town1", to: "county"), event, code: "not_in_subtree")
    }

    @Test func upEventFromParentIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "city")
        let event = try note("city", seq: h + 1, prev: hash, key: net.key("city"))
        let ack = net.inject([event], from: "city", to: "county")
        #expect(ack?.refused.map(\.code) == ["scope_not_allowed"])
        #expect(!net.events("county").contains { $0.hash == event.hash })
    }

    @Test func inflatedRollupIsRefused() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town1")
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let own = net.nodes["town1"]!.ownFigures(period: period)
        var totals = own
        totals["note_amount", default: 0] += 1_000
        let report = AggregateReport(period: period, body: "town1", own: own, totals: totals, subtreeBodies: 1)
        let event = try SignedEvent.signing(EventBody(origin: "town1", seq: h + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                      kind: .aggregateReport, payload: report.serializedBytes()), with: net.key("town1"))
        let ack = net.inject([event], from: "town1", to: "county")
        expectRefused(net, ack, event, code: "rollup_mismatch")
        let alert = try #require(net.storedAlerts("county").first { $0.code == "rollup_mismatch" })
        #expect(alert.subject == "town1" && alert.period == period && alert.figure == "note_amount")
    }

    @Test func unknownOriginIsRefused() throws {
        let net = try setUp()
        let stranger = try Ed25519.PrivateKey(seed: Array(repeating: 9, count: 32))
        let event = try note("stranger", seq: 1, prev: [], key: stranger)
        let ack = net.inject([event], from: "town1", to: "county")
        #expect(ack?.refused.map(\.code) == ["unknown_origin"])
        #expect(!net.events("county").contains { $0.hash == event.hash })
    }

    @Test func honestNodesConvergeAfterAttacks() throws {
        let net = try setUp()
        let (h, hash) = head(net, "county", "town1")
        var forged = try note("town1", seq: h + 1, prev: hash, key: net.key("town1"))
        forged.signature = Array(repeating: 1, count: 64)
        _ = net.inject([forged], from: "town1", to: "county")
        net.originate("town1", amount: 3)
        net.originate("town0", amount: 4)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let total = net.nodes["city"]!.latestReport(period: period)?.totals["note_amount"] ?? 0
        #expect(total == 19)
        #expect(net.events("city").filter { $0.origin == "town1" }.count == net.events("town1").filter { $0.origin == "town1" }.count)
    }

    @Test func interleavedBatchIsAuthenticatedPerOriginAndStillRefusesAForgery() throws {
        let net = try setUp()
        // Hold back the county's pushes to the city while both townships originate.
        net.intercept = { c, toClient, m in
            if !toClient, net.conns[c]?.client == "county", case .push = m { return false }
            return true
        }
        for _ in 0..<3 { net.originate("town0"); net.originate("town1") }
        net.run(forMs: 10)
        net.intercept = nil
        let city = net.nodes["city"]!.store.reader
        let county = net.nodes["county"]!.store.reader
        func missing(_ origin: String) throws -> [SignedEvent] {
            let from = try city.highestSeq(origin: origin) + 1
            let to = try county.highestSeq(origin: origin)
            return try county.events(origin: origin, seqs: from...to).map { SignedEvent(body: $0.body, signature: $0.signature) }
        }
        let t0 = try missing("town0"), t1 = try missing("town1")
        try #require(t0.count >= 3 && t1.count >= 3)
        var forged = t1[t1.count - 1]
        forged.signature = Array(repeating: 2, count: 64)
        var batch: [SignedEvent] = []
        for i in 0..<max(t0.count, t1.count) {
            if i < t0.count { batch.append(t0[i]) }
            if i < t1.count { batch.append(i == t1.count - 1 ? forged : t1[i]) }
        }
        let ack = try #require(net.inject(batch, from: "county", to: "city"))
        #expect(ack.refused.map(\.code) == ["bad_signature"])
        #expect(try city.highestSeq(origin: "town0") == county.highestSeq(origin: "town0"))
        #expect(try city.highestSeq(origin: "town1") == county.highestSeq(origin: "town1") - 1)
        #expect(!net.events("city").contains { $0.hash == forged.hash })
    }
}
