import Foundation
import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// The core hands its runtime typed log records (issue 20 item 5): level, code, peer and, for refusals, the rule's
/// code, so the runtime counts and shows them by their fields, never by searching the message for words.
@Suite struct LogRecordTests {
    /// A link that comes up is an info record naming the peer; an impostor's Hello is a warning refusal naming the
    /// id it claimed; a clone's second live copy likewise.
    @Test func handshakesAreTypedRecordsNamingThePeer() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        #expect(net.records.contains { $0.code == .linkUp && $0.level == .info && $0.peer == "county" })
        let before = net.records.count
        net.nodes["town"] = nil
        var impostor = net.configs["town"]!
        impostor.privateKey = try Ed25519.PrivateKey(seed: Array(repeating: 3, count: 32))
        net.conns = [:]
        try net.start("town", config: impostor, path: net.directory + "/impostor.sqlite")
        net.run(forMs: 100)
        let refusals = net.records[before...].filter(\.isRefusal)
        #expect(refusals.contains { $0.code == .connectionRefused && $0.peer == "town" && $0.level == .warning },
                "the county refused the Hello naming town: \(refusals)")
        #expect(!net.records[before...].contains { $0.code == .linkUp && $0.peer == "county" }, "the impostor's link never came up")
    }

    /// A clone (same id and key, another store) while the original is connected: refused with a record naming it.
    @Test func secondLiveCopyIsARefusalNamingThePeer() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])])
        net.run()
        let before = net.records.count
        try net.start("town", config: net.configs["town"]!, path: net.directory + "/clone.sqlite")
        net.run(forMs: 100)
        #expect(net.records[before...].contains { $0.code == .connectionRefused && $0.peer == "town" && $0.isRefusal && $0.message.contains("second live copy") },
                "\(net.records[before...])")
    }

    /// An event whose signature does not verify is refused with a warning record carrying the rule's code
    /// (`bad_signature`) and the peer that delivered it, counting the events it cuts off.
    @Test func refusedEventsCarryTheRuleCodeAndThePeer() throws {
        let auth = AuthorizationTests()
        let net = try auth.setUp()
        let (h, hash) = auth.head(net, "county", "town1")
        var event = try auth.note("town1", seq: h + 1, prev: hash, key: net.key("town1"))
        event.signature = Array(repeating: 7, count: 64)
        let before = net.records.count
        _ = net.inject([event], from: "town1", to: "county")
        let refused = net.records[before...].filter { $0.code == .eventRefused }
        #expect(refused.count == 1 && refused.first?.peer == "town1" && refused.first?.rule == "bad_signature"
                && refused.first?.level == .warning && refused.first?.count == 1, "\(net.records[before...])")
    }
}
