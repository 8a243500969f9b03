import Testing
import XieshangFederation
import XieshangSimulation
import XieshangStore
import XieshangWire

/// A figures source like the node's: the body's own notes, and for each descendant the notes it signed on any of
/// its chains that reached this node (records stopped at a tier travel on the body's `direct:` chain to that tier).
final class DescendantNotes: FiguresSource {
    private let own = NoteFigures()
    private var descendants: [String: [EventBody]] = [:]

    func recorded(_ event: EventBody, node: String) -> FiguresTouch {
        let signer = ChainName.node(of: event.origin)
        if signer != node, event.kind == .testNote { descendants[signer, default: []].append(event) }
        return own.recorded(event, node: node)
    }

    func ownFigures(for period: Period) throws(FederationError) -> [String: Int64] { try own.ownFigures(for: period) }

    /// Counted afresh on each question, `pending` on trial (kept nowhere).
    func recomputedFigures(of body: String, for period: Period, adding pending: [EventBody]) -> RecomputedFigures? {
        let tally = NoteFigures()
        for event in descendants[body, default: []] + pending where event.kind == .testNote && ChainName.node(of: event.origin) == body {
            _ = tally.recorded(event, node: body)
        }
        return RecomputedFigures(figures: (try? tally.ownFigures(for: period)) ?? [:])
    }
}

/// #15 item 5: `records_up_to_tier` (FederationConfig.recordsUpToTier) stops bodies' own records at a tier for
/// federations deeper than a city's; the ancestors above rely on that tier's verified reports.
@Suite struct RecordsUpToTierTests {
    static let tiers = ["city": "city", "county": "county", "town1": "township", "town2": "township"]

    /// A city, a county and two townships, with records stopped at the county tier (or not, `stop` nil).
    func network(stop: String?) throws -> TestNetwork {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["town1", "town2"])], figures: { DescendantNotes() }) { c in
            c.tier = RecordsUpToTierTests.tiers[c.nodeId] ?? ""
            if let parent = c.parent?.id { c.parent?.tier = RecordsUpToTierTests.tiers[parent] ?? "" }
            for i in c.children.indices { c.children[i].tier = RecordsUpToTierTests.tiers[c.children[i].id] ?? "" }
            c.recordsUpToTier = stop
        }
        net.run()
        return net
    }

    /// Notes originated as records (the route the setting gives them) at every body.
    func record(_ net: TestNetwork) {
        for (id, amount) in [("town1", Int64(3)), ("town1", 4), ("town2", 5), ("county", 7), ("city", 11)] {
            net.originate(id, amount: amount, route: net.nodes[id]!.recordsRoute(.up))
        }
        net.run()
    }

    /// With the setting at the county tier: a township's records go to its county only, the county keeps its own,
    /// the city holds no township (or county) record — yet the city's figures are right (it does not recompute the
    /// bodies whose records stop below it: without that, it would compare their reports with zero records and refuse
    /// them) — and the county still refuses a township report whose own figures its records do not give.
    @Test func recordsStopAtTheCountyTheCityFiguresAreRightAndTheCountyStillRefusesAForgedReport() throws {
        let net = try network(stop: "county")
        #expect(net.nodes["town1"]!.recordsRoute(.up) == .direct("county"))
        #expect(net.nodes["county"]!.recordsRoute(.up) == .local)
        #expect(net.nodes["city"]!.recordsRoute(.up) == .up)
        record(net)
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description

        let notesAt = { (node: String) in net.events(node).filter { $0.kind == EventKind.testNote.protoValue }.map { ChainName.node(of: $0.origin) } }
        #expect(Set(notesAt("city")) == ["city"], "the city holds no record of a township or the county: \(notesAt("city"))")
        #expect(notesAt("county").sorted() == ["county", "town1", "town1", "town2"])
        // Reports still travel up to every ancestor: the city holds the townships' reports.
        let reportsAtCity = Set(net.events("city").filter { $0.kind == EventKind.aggregateReport.protoValue }.map(\.origin))
        #expect(reportsAtCity.isSuperset(of: ["county", "town1", "town2"]), "\(reportsAtCity)")

        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 5, "note_amount": 30])
        #expect(net.nodes["city"]!.holdsRecords(of: "town1") == false && net.nodes["city"]!.holdsRecords(of: "county") == false)
        #expect(net.nodes["county"]!.holdsRecords(of: "town1"))
        #expect(!(net.alerts["city"] ?? []).contains { $0.code == "own_mismatch" }, "\(net.alerts["city"] ?? [])")

        // The township's real key signs a report claiming 50 notes: the county, which holds its records, refuses it.
        let inflated = AggregateReport(period: period, body: "town1", own: ["notes": 50, "note_amount": 7],
                                       totals: ["notes": 50, "note_amount": 7], subtreeBodies: 1)
        let forged = try OwnFiguresTests.nextEvents(net, at: "county", origin: "town1", [(.aggregateReport, inflated.serializedBytes())])
        #expect(net.inject(forged, from: "town1", to: "county")?.refused.map(\.code) == ["own_mismatch"])
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 5, "note_amount": 30])
    }

    /// Deeper than a city's (province, city, county, township) with records stopped at the city tier: a township
    /// finds its city through its county's directory roster (the county is its parent, the city two levels up), so
    /// its records reach the county and the city and not the province; the province's figures are still right.
    @Test func inADeeperFederationATownshipsRecordsStopAtItsCity() throws {
        let tiers = ["province": "province", "city": "city", "county": "county", "town": "township"]
        let net = TestNetwork()
        try net.tree([("province", ["city"]), ("city", ["county"]), ("county", ["town"])], figures: { DescendantNotes() }) { c in
            c.tier = tiers[c.nodeId] ?? ""
            if let parent = c.parent?.id { c.parent?.tier = tiers[parent] ?? "" }
            for i in c.children.indices { c.children[i].tier = tiers[c.children[i].id] ?? "" }
            c.recordsUpToTier = "city"
        }
        net.run()
        #expect(net.nodes["town"]!.recordsRoute(.up) == .direct("city"))
        #expect(net.nodes["county"]!.recordsRoute(.up) == .direct("city"))
        for (id, amount) in [("town", Int64(2)), ("county", 3), ("city", 5), ("province", 7)] {
            net.originate(id, amount: amount, route: net.nodes[id]!.recordsRoute(.up))
        }
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let notesAt = { (node: String) in Set(net.events(node).filter { $0.kind == EventKind.testNote.protoValue }.map { ChainName.node(of: $0.origin) }) }
        #expect(notesAt("city") == ["city", "county", "town"])
        #expect(notesAt("province") == ["province"])
        #expect(net.nodes["province"]!.latestReport(period: period)?.totals == ["notes": 4, "note_amount": 17])
        #expect(!(net.alerts["province"] ?? []).contains { $0.code == "own_mismatch" })
    }

    /// Without the setting every record travels up to every ancestor (as before) and the city recomputes every body.
    @Test func withoutTheSettingRecordsTravelToEveryAncestor() throws {
        let net = try network(stop: nil)
        #expect(net.nodes["town1"]!.recordsRoute(.up) == .up)
        record(net)
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let atCity = net.events("city").filter { $0.kind == EventKind.testNote.protoValue }.map { ChainName.node(of: $0.origin) }
        #expect(atCity.sorted() == ["city", "county", "town1", "town1", "town2"])
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == ["notes": 5, "note_amount": 30])
        #expect(net.nodes["city"]!.holdsRecords(of: "town1"))
    }
}
