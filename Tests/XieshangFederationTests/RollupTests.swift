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
        net.originate("t2", amount: 0)
        net.originate("t2", .activity)                    // not a record of the test source: counts nothing
        net.originate("c0", amount: 10)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let report = try #require(net.nodes["city"]!.latestReport(period: period))
        #expect(report.totals["notes"] == 4 && report.totals["note_amount"] == 17 && report.totals["activity"] == nil)
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
        let fake = ChildReport(ref: EventRef(origin: "town", seq: 99, hash: Array(repeating: 1, count: 32)), totals: ["notes": 50], subtreeBodies: 1)
        let report = AggregateReport(period: period, body: "county", own: [:], totals: ["notes": 50], children: [fake], subtreeBodies: 2)
        let event = try SignedEvent.signing(EventBody(origin: "county", seq: seq + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                      kind: .aggregateReport, payload: report.serializedBytes()), with: net.key("county"))
        let ack = net.inject([event], from: "county", to: "city")
        #expect(ack?.refused.map(\.code) == ["rollup_mismatch"])
        #expect(net.alerts["city"]?.first?.subject == "county")
    }
}

/// The figures seam: a record counts in the periods of its own date, the source is asked again for exactly the
/// periods an event touches, and sums never trap.
@Suite struct FiguresSeamTests {
    /// A record dated 31 March and entered on 2 April counts in March, Q1, H1 and the year — not in April or Q2 (the
    /// core used to bucket events by the time they were entered, in UTC).
    @Test func aRecordCountsInThePeriodsOfItsOwnDateNotOfItsEntry() throws {
        let net = TestNetwork()
        net.now = Day(unchecked: 2026, 4, 2).startMsChinaTime + 10 * 3_600_000
        try net.tree([("city", ["county"]), ("county", ["t0"])])
        net.run()
        net.originate("t0", amount: 5, dated: "2026-03-31")
        net.originate("t0", amount: 2)                       // entered and dated 2 April
        net.run()
        let city = net.nodes["city"]!
        for period in ["2026-03", "2026-Q1"] {
            #expect(city.latestReport(period: period)?.totals == ["notes": 1, "note_amount": 5], "\(period)")
        }
        for period in ["2026-H1", "2026"] {
            #expect(city.latestReport(period: period)?.totals == ["notes": 2, "note_amount": 7], "\(period)")
        }
        for period in ["2026-04", "2026-Q2"] {
            #expect(city.latestReport(period: period)?.totals == ["notes": 1, "note_amount": 2], "\(period)")
        }
        // The township's own figures come from the source, and survive a restart (the log is shown to a new source).
        #expect(net.nodes["t0"]!.ownFigures(period: "2026-03") == ["notes": 1, "note_amount": 5])
        net.nodes["t0"] = nil
        try net.start("t0")
        #expect(net.nodes["t0"]!.ownFigures(period: "2026-03") == ["notes": 1, "note_amount": 5])
        #expect(net.nodes["t0"]!.ownFigures(period: "2026-13") == [:])   // no such period: nothing, no trap
    }

    /// Session periods (届次会议以来) roll up beside the calendar ones: a record dated after the plenary session counts
    /// in its session period, one dated before it in none.
    @Test func sessionPeriodsRollUpByRecordDate() throws {
        let net = TestNetwork()
        net.now = Day(unchecked: 2026, 4, 2).startMsChinaTime
        try net.tree([("city", ["t0"])], sessions: SessionCalendar(dates: [Day(unchecked: 2026, 1, 15)]))
        net.run()
        net.originate("t0", amount: 5, dated: "2026-03-31")
        net.originate("t0", amount: 2, dated: "2026-01-10")
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: "2026-01-15~")?.totals == ["notes": 1, "note_amount": 5])
        #expect(net.nodes["city"]!.latestReport(period: "2026-Q1")?.totals == ["notes": 2, "note_amount": 7])
    }

    /// Amounts from outside that sum past Int64.max are an error naming the period, not a trap and not a wrapped
    /// negative total: the node reports nothing for that period and keeps running.
    @Test func figuresSummingPastInt64MaxAreRefusedNotTrapped() throws {
        let net = TestNetwork()
        try net.tree([("county", ["t0"])])
        net.run()
        net.originate("t0", amount: .max)
        net.originate("t0", amount: 1)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        #expect(net.nodes["t0"]!.latestReport(period: period) == nil)
        #expect(net.logs.contains { $0.contains("no rollup for \(period)") })
        // Two children whose totals together pass Int64.max: the parent refuses to sum them.
        let sum = FigureMap.sum(["notes": .max], ["notes": 1])
        if case .failure(let overflow) = sum { #expect(overflow.figure == "notes") } else { Issue.record("summed past Int64.max") }
    }
}
