import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// Rollups: totals add up the subtree, completeness counts, and a parent's rollup does not change when its
/// children's reports are replayed, duplicated or reordered.
@Suite struct RollupTests {
    /// The core dates an event in China Standard Time: 2026-10-31T16:00:05Z is 2026-11-01 in Beijing (the old UTC
    /// calendar put it in October).
    @Test func periodsOfATimestampAreChinaStandardTime() {
        let t = Day(unchecked: 2026, 11, 1).startMsChinaTime + 5
        #expect(Period.all(containing: Day(chinaTimeMs: t)).map(\.description) == ["2026-11", "2026-Q4", "2026-H2", "2026"])
        #expect(Period.all(containing: Day(chinaTimeMs: t - 10)).map(\.description) == ["2026-10", "2026-Q4", "2026-H2", "2026"])
    }

    @Test func cityRollupIsTheSumOfItsSubtreeWithCompleteness() throws {
        let net = TestNetwork()
        try net.tree([("city", ["c0", "c1", "c2"]), ("c0", ["t0", "t1"]), ("c1", ["t2"])])
        net.run()
        net.originate("t0", amount: 3)
        net.originate("t1", amount: 4)
        net.originate("t2", .activity)
        net.originate("c0", amount: 10)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let report = try #require(net.nodes["city"]!.latestReport(period: period))
        #expect(report.totals["note"] == 3 && report.totals["note_amount"] == 17 && report.totals["activity"] == 1)
        #expect(report.expectedChildren == 3 && report.reportedChildren == 2 && report.onTimeChildren == 2)
        #expect(report.subtreeBodies == 6)
    }

    /// The county's reports as the city would receive them, delivered in three different ways.
    @Test func parentRollupUnchangedByReplayDuplicationAndReordering() throws {
        // Produce a township's chain with several successive reports.
        let source = TestNetwork()
        try source.tree([("county", ["town"])])
        source.run()
        for amount in [1, 2, 3] as [Int64] {
            source.originate("town", amount: amount)
            source.run()
        }
        let chain = source.events("town").filter { $0.origin == "town" }.map { SignedEvent(body: $0.body, signature: $0.signature) }
        #expect(chain.filter { (try? $0.decodedBody().kind) == .aggregateReport }.count >= 3)
        let period = Period.all(containing: Day(chinaTimeMs: source.now))[0].description

        func rollup(_ deliveries: [[SignedEvent]]) throws -> AggregateReport {
            let net = TestNetwork()
            net.keys = source.keys
            try net.tree([("county", ["town"])])
            net.run()
            net.nodes["town"] = nil                      // the county only hears the batches below
            for batch in deliveries { _ = net.inject(batch, from: "town", to: "county") }
            net.run()
            return net.nodes["county"]!.currentReport(period: period)
        }
        let inOrder = try rollup([chain])
        let duplicated = try rollup([chain, chain, Array(chain.prefix(3)), chain])
        let reordered = try rollup([Array(chain.suffix(from: 3)), Array(chain.prefix(3)), Array(chain.suffix(from: 3)), Array(chain.prefix(1))])
        let replayedOld = try rollup([chain, Array(chain.prefix(chain.count - 1))])
        #expect(inOrder.totals["note_amount"] == 6)
        for other in [duplicated, reordered, replayedOld] {
            #expect(other.totals == inOrder.totals)
            #expect(other.children.map(\.ref) == inOrder.children.map(\.ref))
        }
    }

    @Test func reportCitingAnUnheldChildReportIsRefused() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town"])])
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let seq = try net.nodes["city"]!.store.reader.highestSeq(origin: "county")
        let hash = try #require(net.nodes["city"]!.store.reader.events(origin: "county", seqs: seq...seq).first).hash
        let fake = ChildReport(ref: EventRef(origin: "town", seq: 99, hash: Array(repeating: 1, count: 32)), totals: ["note": 50], subtreeBodies: 1)
        let report = AggregateReport(period: period, body: "county", own: [:], totals: ["note": 50], children: [fake], subtreeBodies: 2)
        let event = try SignedEvent.signing(EventBody(origin: "county", seq: seq + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                      kind: .aggregateReport, payload: report.serializedBytes()), with: net.key("county"))
        let ack = net.inject([event], from: "county", to: "city")
        #expect(ack?.refused.map(\.code) == ["rollup_mismatch"])
        #expect(net.alerts["city"]?.first?.subject == "county")
    }
}
