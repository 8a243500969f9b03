import Foundation
import Testing
@testable import XieshangFederation
import XieshangStore
import XieshangWire

/// A link's backlog (the status's and `/metrics`' lag) is counted from groups kept per peer and brought forward by
/// the log ranges that changed (``FederationNode/BacklogCounts``); it must stay exactly what the routing rules give
/// for every event after the peer's acknowledged position, read one by one.
@Suite struct BacklogCountTests {
    /// The reference: every stored event after the peer's acknowledged position that the routing rules send to it.
    static func scanned(_ node: FederationNode, _ peer: String) throws -> UInt64 {
        let acked = node.backlog(of: peer).ackedPosition
        let events = try node.store.reader.entries(after: acked, limit: 1_000_000).map(\.event)
        return UInt64(events.filter { node.routes($0, to: peer) }.count)
    }

    static func expectExact(_ net: TestNetwork, _ id: String, _ peers: [String], _ when: String) throws {
        let node = try #require(net.nodes[id])
        for peer in peers {
            let kept = node.backlog(of: peer).unacknowledged
            let routed = try scanned(node, peer), last = try node.store.reader.lastPosition()
            #expect(kept == routed, "\(id) → \(peer) \(when): kept counts \(kept), events routed \(routed)")
            #expect(node.backlogCounts[peer]?.through == last, "\(id) keeps \(peer)'s counts through the log's end")
        }
        let stored = try node.store.reader.count()
        #expect(node.storedEventCount() == stored, "\(id) \(when): events stored")
    }

    @Test func lagStaysExactAsTheLogGrowsAndPeersAcknowledge() throws {
        let net = TestNetwork()
        try net.tree([("city", ["c0", "c1"]), ("c0", ["t0", "t1"]), ("c1", ["t2"])])
        net.run()
        try Self.expectExact(net, "c0", ["city", "t0", "t1"], "after start")
        try Self.expectExact(net, "city", ["c0", "c1"], "after start")
        // Pushes from c0 to the city and from the city to c1 are lost: their lag grows while the others' does not.
        net.intercept = { c, toClient, m in
            guard let conn = net.conns[c], !toClient, case .push = m else { return true }
            return !((conn.client == "c0" && conn.server == "city") || (conn.client == "city" && conn.server == "c1"))
        }
        net.originate("t0", amount: 2)
        net.originate("t1")
        net.originate("c0")
        net.originate("city", route: .down(only: []))
        net.originate("city", route: .down(only: ["t2"]))
        net.originate("city", route: .down(only: ["t0"]))
        net.originate("t1", route: .direct("t2"))
        net.run(forMs: 500)
        try Self.expectExact(net, "c0", ["city", "t0", "t1"], "with pushes to the city lost")
        try Self.expectExact(net, "city", ["c0", "c1"], "with pushes to c1 lost")
        #expect(net.nodes["c0"]!.backlog(of: "city").unacknowledged >= 4)
        #expect(net.nodes["city"]!.backlog(of: "c1").unacknowledged >= 2)
        for _ in 0..<5 { net.originate("t0") }
        net.run(forMs: 500)
        try Self.expectExact(net, "c0", ["city", "t0", "t1"], "after more events")
        // The links carry again: the peers acknowledge, the kept counts lose what they acknowledged.
        net.intercept = nil
        net.run(forMs: 30_000)
        try Self.expectExact(net, "c0", ["city", "t0", "t1"], "after the city acknowledged")
        try Self.expectExact(net, "city", ["c0", "c1"], "after c1 acknowledged")
        #expect(net.nodes["c0"]!.backlog(of: "city").unacknowledged == 0)
        #expect(net.nodes["city"]!.backlog(of: "c1").unacknowledged == 0)
    }
}
