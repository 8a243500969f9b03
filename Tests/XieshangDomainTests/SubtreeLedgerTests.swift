import Testing
@testable import XieshangDomain

/// Issue 18, "a member's 履职档案 that includes their activities at any body of the subtree (a county member who joins
/// a township's consultation)": a township names members of the bodies above it as guests of its activity; their body
/// keeps that activity apart (``DomainState/applyActivityElsewhere(_:at:)``) and counts it in their ledger, citing the
/// record and the body where it happened, never in its own records or figures.
@Suite struct SubtreeLedgerTests {
    var township = Node(townshipBody)
    var county = Node(countyBody)

    init() throws {
        try township.addMembers(["t1"])
        try county.addMembers(["m1", "m2"])
    }

    func inspection(_ id: String = "HD-1", participants: Int = 5, members: [String] = ["t1"],
                    guests: [Activity.Guest] = [.init(body: countyBody.id, member: "m1")]) -> Activity {
        Activity(id: id, kind: .inspection, date: day("2026-03-12"), topic: "农村饮水安全", participants: participants,
                 members: members, guests: guests)
    }

    /// A guest must name another body and a member there, once each, and count among the participants; each refusal is
    /// named and records nothing.
    @Test mutating func guestsAreMembersOfAnotherBodyNamedOnce() throws {
        let me = Activity.Guest(body: townshipBody.id, member: "t1")
        expectRefused("activity.guest.body") { try township.record(.activity(inspection(guests: [me])), by: .office) }
        expectRefused("activity.guest.fields") {
            try township.record(.activity(inspection(guests: [.init(body: countyBody.id, member: "")])), by: .office)
        }
        expectRefused("activity.guest.fields") {
            try township.record(.activity(inspection(guests: [.init(body: "a/b", member: "m1")])), by: .office)
        }
        let m1 = Activity.Guest(body: countyBody.id, member: "m1")
        expectRefused("activity.guest.once") { try township.record(.activity(inspection(guests: [m1, m1])), by: .office) }
        expectRefused("activity.participants.members") {
            try township.record(.activity(inspection(participants: 1, guests: [m1])), by: .office)
        }
        #expect(township.state.activities.isEmpty && township.log.count == 1)
        try township.record(.activity(inspection()), by: .office)
        #expect(township.state.activities["HD-1"]?.guests == [m1])
    }

    /// "BODY/MEMBER" is read at the first slash; a part left empty reads as nothing.
    @Test func guestParsing() {
        #expect(Activity.Guest(parsing: "cn.gz.wanshan/M-1/2") == Activity.Guest(body: "cn.gz.wanshan", member: "M-1/2"))
        #expect(Activity.Guest(parsing: "M1") == nil && Activity.Guest(parsing: "/M1") == nil && Activity.Guest(parsing: "body/") == nil)
        #expect(Activity.Guest(body: "b", member: "m").description == "b/m")
    }

    /// The county keeps the township's inspection for its guest m1: m1's ledger counts it under 调研视察 citing the
    /// township's record and the township; m2's does not; the county's activities and figures are unchanged. It is
    /// kept once, and an activity naming no member of the county, or recorded by the county itself, is not kept.
    @Test mutating func aCountyMembersLedgerCountsATownshipActivity() throws {
        let events = try township.record(.activity(inspection()), by: .office)
        guard case .activity(let a) = try #require(events.first) else { Issue.record("not an activity"); return }
        let before = county.state.figures(for: .year(2026))
        let kept = county.state.applyActivityElsewhere(a, at: townshipBody.id)
        let again = county.state.applyActivityElsewhere(a, at: townshipBody.id)
        #expect(kept && !again)
        let entries = county.state.dutyEntries(member: "m1", year: 2026)
        #expect(entries.count == 1)
        let e = try #require(entries.first)
        #expect(e.source == .activityAt(body: townshipBody.id, id: "HD-1") && e.elsewhere == townshipBody.id
                && e.source.key == "activity:\(townshipBody.id)/HD-1" && e.category == .research
                && e.tenths == county.state.policy.duty.researchTenths && e.rule == "duty.research")
        #expect(county.state.dutyAssessment(member: "m1", year: 2026).categoryTenths[.research] == county.state.policy.duty.researchTenths)
        #expect(county.state.dutyEntries(member: "m2", year: 2026).isEmpty)
        #expect(county.state.activities.isEmpty && county.state.figures(for: .year(2026)) == before)
        // The township's own member is counted at the township, citing its own record.
        #expect(township.state.dutyEntries(member: "t1", year: 2026).map(\.source) == [.activity("HD-1")])
        #expect(township.state.dutyEntries(member: "t1", year: 2026).first?.elsewhere == nil)

        let other = inspection("HD-2", guests: [.init(body: cityBody.id, member: "c1")])
        let noneOfOurs = county.state.applyActivityElsewhere(other, at: townshipBody.id)
        let ours = county.state.applyActivityElsewhere(inspection("HD-3"), at: countyBody.id)
        #expect(!noneOfOurs && !ours)
        #expect(county.state.activitiesElsewhere.mapValues { Array($0.keys) } == [townshipBody.id: ["HD-1"]])
    }
}
