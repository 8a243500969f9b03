import Testing
import XieshangFederation
import XieshangSimulation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// A test figures source that recomputes descendants' own figures as the node's domain source does: the body's own
/// notes as ``NoteFigures`` counts them, and for each descendant a ``NoteFigures`` of the notes on that body's up
/// chain (the chain its reports travel on) — so an ancestor can compare a report's `own` with its records.
///
/// A descendant's tally is the list of its up-chain events held here, counted afresh on each question, so events
/// pending with a report are counted on trial without being kept.
final class RecomputingNotes: FiguresSource {
    private let own = NoteFigures()
    private var descendants: [String: [EventBody]] = [:]

    func recorded(_ event: EventBody, node: String) -> FiguresTouch {
        let signer = ChainName.node(of: event.origin)
        if signer != node, event.origin == signer { descendants[signer, default: []].append(event) }
        return own.recorded(event, node: node)
    }

    func ownFigures(for period: Period) throws(FederationError) -> [String: Int64] { try own.ownFigures(for: period) }

    func recomputedFigures(of body: String, for period: Period, adding pending: [EventBody]) -> RecomputedFigures? {
        let tally = NoteFigures()
        for event in descendants[body, default: []] + pending where event.origin == body { _ = tally.recorded(event, node: body) }
        return RecomputedFigures(figures: (try? tally.ownFigures(for: period)) ?? [:])
    }
}

/// #15 item 5, verifiable all the way down: an ancestor recomputes each descendant's own figures from the signed
/// records it holds and refuses a report whose own figures differ.
@Suite struct OwnFiguresTests {
    /// The next event of `origin`'s chain after what `node` holds (its real key), and the event after that.
    static func nextEvents(_ net: TestNetwork, at node: String, origin: String, _ items: [(EventKind, [UInt8])]) throws -> [SignedEvent] {
        var seq = try net.nodes[node]!.store.reader.highestSeq(origin: origin)
        var hash = try #require(net.nodes[node]!.store.reader.events(origin: origin, seqs: seq...seq).first).hash
        var out: [SignedEvent] = []
        for (kind, payload) in items {
            seq += 1
            let e = try SignedEvent.signing(EventBody(origin: origin, seq: seq, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                      kind: kind, payload: payload), with: net.key(origin))
            out.append(e)
            hash = e.hash
        }
        return out
    }

    /// Finding: a body could sign a report whose own figures its records do not give (a township claiming 50 notes
    /// for its 1), and every ancestor summed it — the rollup check only proved totals = own + children. Now the
    /// county refuses it (`own_mismatch` naming body, period and figure), the alert goes up to the city, and the
    /// city's figures stay right; a county's forged own figures are refused at the city the same way.
    @Test func aReportWhoseOwnFiguresDoNotMatchItsRecordsIsRefusedAndAlertedUp() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town"])], figures: { RecomputingNotes() })
        net.run()
        net.originate("town", amount: 3)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 1, "note_amount": 3])

        // The township's real key signs a report claiming 50 notes (totals consistent with its own: arithmetic holds).
        let inflated = AggregateReport(period: period, body: "town", own: ["notes": 50, "note_amount": 3],
                                       totals: ["notes": 50, "note_amount": 3], subtreeBodies: 1)
        let forged = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town", [(.aggregateReport, inflated.serializedBytes())])
        let ack = net.inject(forged, from: "town", to: "county")
        #expect(ack?.refused.map(\.code) == ["own_mismatch"])
        let alert = try #require(net.alerts["county"]?.first { $0.code == "own_mismatch" })
        #expect(alert.subject == "town" && alert.period == period && alert.figure == "notes")
        net.run()
        // The alert travelled up: the city holds the county's signed alert naming the township.
        let atCity = net.events("city").filter { $0.kind == EventKind.alert.protoValue && $0.origin == "county" }
            .compactMap { (try? SignedEvent(body: $0.body, signature: $0.signature).decodedBody()).flatMap { try? Alert(serializedBytes: $0.payload) } }
        #expect(atCity.contains { $0.code == "own_mismatch" && $0.subject == "town" && $0.figure == "notes" })
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 1, "note_amount": 3])

        // The county's real key signs a report claiming 7 notes of its own (it recorded none): refused at the city.
        let countyReport = AggregateReport(period: period, body: "county", own: ["notes": 7], totals: ["notes": 7], subtreeBodies: 1)
        let forgedCounty = try OwnFiguresTests.nextEvents(net, at: "city", origin: "county", [(.aggregateReport, countyReport.serializedBytes())])
        #expect(net.inject(forgedCounty, from: "county", to: "city")?.refused.map(\.code) == ["own_mismatch"])
        #expect(net.alerts["city"]?.contains { $0.code == "own_mismatch" && $0.subject == "county" && $0.period == period } == true)
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 1, "note_amount": 3])
    }

    /// Ordering: a report delivered in the same batch as the record it counts (record first, as in the township's
    /// chain) is compared only after that record is stored and counted — accepted, not refused as a mismatch.
    @Test func aReportInTheSameBatchAsItsRecordsIsAccepted() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])], figures: { RecomputingNotes() })
        net.run()
        net.originate("town", amount: 3)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let honest = AggregateReport(period: period, body: "town", own: ["notes": 2, "note_amount": 7],
                                     totals: ["notes": 2, "note_amount": 7], subtreeBodies: 1)
        let batch = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town",
                                                   [(.testNote, Note(text: "t", amount: 4).serializedBytes()), (.aggregateReport, honest.serializedBytes())])
        let ack = net.inject(batch, from: "town", to: "county")
        #expect(ack?.refused.isEmpty == true, "\(ack?.refused.map(\.reason) ?? [])")
        #expect(net.nodes["county"]!.currentReport(period: period).totals == ["notes": 2, "note_amount": 7])
    }

    /// Compatibility of the smaller reports: a report now leaves its zero figures out, where one stored before named
    /// them ("note_amount": 0). An old-style report from a child still verifies (arithmetic, and its own figures
    /// against the records it counts), is cited and summed without its zeros, and equals the new one: a node that
    /// finds its own old-style report last in its log at restart emits no new report for the period (so an approval
    /// of it stands, and an upgrade does not re-sign every period).
    @Test func anOldStyleReportWithExplicitZerosVerifiesAndEqualsTheNewOne() throws {
        let net = TestNetwork()
        try net.tree([("county", ["town"])], figures: { RecomputingNotes() })
        net.run()
        net.originate("town", amount: 0)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let new = try #require(net.nodes["town"]!.latestReport(period: period))
        #expect(new.own == ["notes": 1] && new.totals == ["notes": 1])

        // The same figures the old way, signed by the township as its next event.
        let old = AggregateReport(period: period, body: "town", own: ["notes": 1, "note_amount": 0],
                                  totals: ["notes": 1, "note_amount": 0], subtreeBodies: 1)
        let events = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town", [(.aggregateReport, old.serializedBytes())])
        let oldSeq = try events[0].decodedBody().seq
        let ack = net.inject(events, from: "town", to: "county")
        #expect(ack?.refused.isEmpty == true, "\(ack?.refused.map(\.reason) ?? [])")
        #expect(net.alerts["county", default: []].isEmpty)
        let county = net.nodes["county"]!.currentReport(period: period)
        #expect(county.children.map(\.ref?.seq) == [oldSeq] && county.children.map(\.totals) == [["notes": 1]])
        #expect(county.totals == ["notes": 1])

        // The township restarts on a log that ends with the old-style report: the same figures, nothing re-emitted.
        net.nodes["town"] = nil
        do {
            let store = try Store(path: net.path("town"))
            let body = try events[0].decodedBody()
            try store.append([StoredEvent(origin: body.origin, seq: body.seq, prevHash: body.prevHash, hash: events[0].hash, timeMs: body.timeMs,
                                          scope: (Route(body.scope) ?? .up).text, kind: body.kind.protoValue, body: events[0].body, signature: events[0].signature)])
        }
        try net.start("town")
        net.run(forMs: 5_000)
        let reports = net.events("town").filter { $0.origin == "town" && $0.kind == EventKind.aggregateReport.protoValue }
        #expect(reports.last?.seq == oldSeq, "the restarted township re-emitted its report")
        #expect(net.nodes["town"]!.latestReport(period: period) == old)
        #expect(net.alerts["town", default: []].isEmpty && net.alerts["county", default: []].isEmpty)
    }
}
