import Testing
import XieshangWire
@testable import XieshangDomain

/// 界别 on activities (issue 18): each sector named, bounded, once; a 界别协商 names one; figures per sector. 民主评议:
/// the unit appraised is required, only an appraisal carries one, and each unit's results are listed for a year.
@Suite struct ActivitySectorTests {
    static func activity(_ id: String, _ kind: Activity.Kind = .research, form: Activity.Form? = nil, on: String = "2026-03-01",
                         participants: Int = 10, sectors: [String] = [], appraisal: Activity.Appraisal? = nil) -> Activity {
        Activity(id: id, kind: kind, form: form, date: day(on), topic: "议题\(id)", participants: participants, sectors: sectors,
                 appraisal: appraisal)
    }

    /// Expects `a` refused by `rule` at a fresh county, with nothing recorded.
    static func refused(_ rule: String, _ a: Activity, sourceLocation: SourceLocation = #_sourceLocation) {
        var node = Node(countyBody)
        let before = node.state
        expectRefused(rule, sourceLocation: sourceLocation) { try node.record(.activity(a), by: .office) }
        #expect(node.state == before && node.log.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func aSectorConsultationNamesAtLeastOneSector() throws {
        Self.refused("activity.sector.required", Self.activity("A1", .consultation, form: .sector))
        var node = Node(countyBody)
        try node.record(.activity(Self.activity("A1", .consultation, form: .sector, sectors: ["经济界", "农业界"])), by: .office)
        #expect(node.state.activities["A1"]?.sectors == ["经济界", "农业界"])
        // Another form may name sectors, or none.
        try node.record(.activity(Self.activity("A2", .consultation, form: .topical)), by: .office)
        try node.record(.activity(Self.activity("A3", .inspection, sectors: ["教育界"])), by: .office)
    }

    @Test func aSectorNameIsNonEmptyBoundedAndCommaFree() {
        Self.refused("activity.sector.name", Self.activity("A1", sectors: [""]))
        Self.refused("activity.sector.name", Self.activity("A1", sectors: ["经济界", "  "]))
        Self.refused("activity.sector.name", Self.activity("A1", sectors: [String(repeating: "界", count: Activity.maxSectorLength + 1)]))
        Self.refused("activity.sector.name", Self.activity("A1", sectors: ["经济界,农业界"]))
    }

    @Test func aSectorIsNamedOnceAndTheirNumberIsBounded() throws {
        Self.refused("activity.sector.once", Self.activity("A1", sectors: ["经济界", "农业界", "经济界"]))
        Self.refused("activity.sector.count", Self.activity("A1", sectors: (0...Activity.maxSectors).map { "界别\($0)" }))
        var node = Node(countyBody)
        try node.record(.activity(Self.activity("A1", sectors: (1...Activity.maxSectors).map { "界别\($0)" })), by: .office)
    }

    @Test func anAppraisalNamesTheUnitAppraised() throws {
        Self.refused("activity.appraisal.target", Self.activity("P1", .appraisal))
        Self.refused("activity.appraisal.target", Self.activity("P1", .appraisal, appraisal: .init(targetUnit: " ", result: .satisfied)))
        Self.refused("activity.appraisal.kind", Self.activity("P1", .inspection, appraisal: .init(targetUnit: "县交通运输局")))
        var node = Node(countyBody)
        try node.record(.activity(Self.activity("P1", .appraisal, appraisal: .init(targetUnit: "县交通运输局", result: .basicallySatisfied))),
                        by: .office)
        // The result may follow the appraisal's record (not yet known when it is held).
        try node.record(.activity(Self.activity("P2", .appraisal, appraisal: .init(targetUnit: "县国土局"))), by: .office)
        #expect(node.state.activities["P1"]?.appraisal == .init(targetUnit: "县交通运输局", result: .basicallySatisfied))
        #expect(node.state.activities["P2"]?.appraisal?.result == nil)
    }

    @Test func eachUnitsAppraisalsOfAYearAreListedByUnit() throws {
        var node = Node(countyBody)
        let a = [("P1", "县交通运输局", "2026-05-01", ProposalEvent.Rating.unsatisfied), ("P2", "县国土局", "2026-02-01", .satisfied),
                 ("P3", "县交通运输局", "2026-01-10", .satisfied), ("P4", "县交通运输局", "2025-12-30", .satisfied)]
        for (id, unit, on, result) in a {
            try node.record(.activity(Self.activity(id, .appraisal, on: on, appraisal: .init(targetUnit: unit, result: result))), by: .office)
        }
        try node.record(.activity(Self.activity("R1", on: "2026-03-01")), by: .office)
        let year = node.state.activityAppraisals(in: .year(2026))
        // By unit (县交通运输局 sorts before 县国土局: 交 U+4EA4 < 国 U+56FD), then by day.
        #expect(year.map(\.activity.id) == ["P3", "P1", "P2"])
        #expect(node.state.activityAppraisals(in: .year(2026), unit: "县交通运输局").map { $0.appraisal.result } == [.satisfied, .unsatisfied])
        #expect(node.state.activityAppraisals(in: .year(2025)).map(\.activity.id) == ["P4"])
    }

    @Test func figuresPerSectorCountActivitiesAndParticipantsOfThePeriodAcrossTheSubtree() throws {
        var county = Node(countyBody), township = Node(townshipBody)
        try county.record(.activity(Self.activity("C1", .consultation, form: .sector, participants: 30, sectors: ["经济界", "农业界"])), by: .office)
        try county.record(.activity(Self.activity("C2", participants: 12, sectors: ["经济界"])), by: .office)
        try county.record(.activity(Self.activity("C3", on: "2025-12-31", participants: 99, sectors: ["经济界"])), by: .office)
        try county.record(.activity(Self.activity("C4", participants: 7)), by: .office)
        try township.record(.activity(Self.activity("T1", participants: 8, sectors: ["农业界"])), by: .office)

        let own = SectorFigures([county.state], in: .year(2026))
        #expect(own.rows == [.init(sector: "经济界", activities: 2, participants: 42), .init(sector: "农业界", activities: 1, participants: 30)])
        let subtree = SectorFigures([county.state, township.state], in: .year(2026))
        #expect(subtree.bySector["农业界"] == .init(sector: "农业界", activities: 2, participants: 38))
        #expect(subtree.bySector["经济界"] == own.bySector["经济界"])
        #expect(SectorFigures([county.state], in: .quarter(2025, 4)).rows == [.init(sector: "经济界", activities: 1, participants: 99)])
        // Figures of the rollup are unchanged by sectors: the activity counts once in activities and participants.
        let f = county.state.figures(for: .year(2026))
        #expect(f.consultations == 1 && f.researchVisits == 2 && f.activityParticipants == 30 + 12 + 7)
    }

    @Test func sectorsAndAppraisalsRoundTripAndOldEventsDecodeAsBefore() throws {
        let new = DomainEvent.activity(Self.activity("P1", .appraisal, sectors: ["经济界", "农业界"],
                                                     appraisal: .init(targetUnit: "县交通运输局", result: .basicallySatisfied)))
        let bytes = new.payloadBytes()
        #expect(try DomainEvent(kind: .activity, payload: bytes) == new)
        let pending = DomainEvent.activity(Self.activity("P2", .appraisal, appraisal: .init(targetUnit: "县国土局")))
        #expect(try DomainEvent(kind: .activity, payload: pending.payloadBytes()) == pending)

        // An event recorded before the fields existed: the same bytes as an activity without them, decoding to it.
        let old = XieshangWire.ActivityRecorded(activityId: "A1", kind: .appraisal, date: "2025-06-01", topic: "评议",
                                                hostBodies: [countyBody.id], participants: 5)
        let oldBytes = old.serializedBytes()
        let decoded = try DomainEvent(kind: .activity, payload: oldBytes)
        guard case .activity(let a) = decoded else { Issue.record("not an activity"); return }
        #expect(a.sectors.isEmpty && a.appraisal == nil)
        #expect(decoded.payloadBytes() == oldBytes)

        // A result this build does not know is refused by the wire rule, not read as "no result".
        var unknown = old
        unknown.appraisal = XieshangWire.AppraisalOutcome(targetUnit: "县国土局", result: .unrecognized(9))
        expectRefused("wire.field") { _ = try DomainEvent(kind: .activity, payload: unknown.serializedBytes()) }
    }
}
