import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Production code without test code (issue 20 item 7): the Note is a kind the product schema reserves for tests
/// (`EVENT_KIND_TEST_NOTE`, its payload only in XieshangTestKinds). A core whose config does not enable it — the
/// production wiring enables none — refuses to originate one and refuses one from a peer (`test_kind`, alerted, nothing
/// stored); the link keeps working for the other events it carries.
@Suite struct TestKindTests {
    /// city ← county ← (town0, town1); the county is wired as production is: no test kinds.
    func shippedCounty() throws -> TestNetwork {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town0", "town1"])], configure: { config in
            if config.nodeId == "county" { config.testKinds = [] }
        })
        net.run()
        return net
    }

    @Test func aNodeWithoutTestKindsRefusesANoteFromAPeerAndKeepsTheLink() throws {
        let net = try shippedCounty()
        let town1 = "town1"
        let held = (try? net.nodes["county"]!.store.reader.highestSeq(origin: town1)) ?? 0
        let hash = held == 0 ? [] : ((try? net.nodes["county"]!.store.reader.events(origin: town1, seqs: held...held).first?.hash) ?? [])
        let note = try SignedEvent.signing(EventBody(origin: town1, seq: held + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                     kind: .testNote, payload: Note(text: "x", amount: 1).serializedBytes()),
                                           with: net.key(town1))
        let ack = net.inject([note], from: town1, to: "county")
        #expect(ack?.refused.map(\.code) == ["test_kind"], "refusals: \(ack?.refused.map(\.code) ?? [])")
        let reason = ack?.refused.first?.reason ?? ""
        #expect(reason.contains("EVENT_KIND_TEST_NOTE") && reason.contains("reserved for tests"), "\(reason)")
        #expect(net.alerts["county"]?.contains { $0.code == "test_kind" && $0.subject == town1 } == true)
        net.run()
        #expect(!net.events("county").contains { $0.hash == note.hash }, "the note was stored")
        #expect(!net.events("county").contains { $0.kind == EventKind.testNote.protoValue })
        #expect(net.storedAlerts("county").contains { $0.code == "test_kind" && !$0.evidence.isEmpty })
        // The link keeps working: the other township's events still reach the county and the city.
        let before = net.events("city").filter { $0.origin == "town0" }.count
        net.originate("town0", .activity, amount: 1)
        net.run()
        #expect(net.events("city").filter { $0.origin == "town0" }.count > before)
    }

    @Test func aNodeWithoutTestKindsRefusesToOriginateANoteAndOneWithThemDoes() throws {
        let net = try shippedCounty()
        let note = LocalCommand(kind: .testNote, payload: Note(text: "x", amount: 1).serializedBytes(), scope: Route.up.scope)
        let refused = net.nodes["county"]!.handle(.originate(note), now: net.now)
        let reason = refused.compactMap { if case .commandRefused(let r) = $0 { return r } else { return nil } }.first
        #expect(reason?.contains("reserved for tests") == true, "\(refused)")
        #expect(FederationNode.refusal(of: .testNote, testKinds: []) != nil)
        #expect(FederationNode.refusal(of: .testNote, testKinds: TestKinds.all) == nil)
        let made = net.nodes["town0"]!.handle(.originate(note), now: net.now)
        #expect(made.contains { if case .originated = $0 { return true } else { return false } }, "\(made)")
    }
}
