import Testing
@testable import XieshangDomain

/// Member duty scoring 委员履职考核: a worked example per rule of the default table (base 60; proposal 10,
/// registered +15, co-signers half; opinion 10, adopted +5; research 5; welfare 5; attendance 2; unexcused −30;
/// caps meetings 20, proposals 40, opinions 30, research 20, welfare 10; talk below 75; two years → 劝退).
@Suite struct DutyAssessmentTests {
    var county: Node

    init() throws {
        county = Node(countyBody)
        try county.addMembers(["a", "b", "c", "d"], joined: day("2024-01-01"))
        try county.addMembers(["new"], joined: day("2026-01-01"))
    }

    mutating func proposal(_ id: String, by first: String, cosigners: [String] = [], confirm: [String] = [],
                           on: String = "2026-02-01", register: Bool = true) throws {
        let kind: ProposalEvent.Kind = cosigners.isEmpty ? .individual : .joint
        try county.record(.proposal(ProposalEvent(id, on: day(on), .submitted(.init(
            title: id, text: "……", kind: kind, firstProposer: first, cosigners: cosigners)))), by: .member(first))
        for c in confirm { try county.record(.proposal(ProposalEvent(id, on: day(on), .cosignerConfirmed(member: c))), by: .member(c)) }
        if register {
            try county.record(.proposal(ProposalEvent(id, on: day(on).adding(days: 10), .reviewed(.registered(number: id)))),
                              by: .committee)
        }
    }

    mutating func report(_ id: String, by member: String, adopt: Bool, on: String = "2026-03-01") throws {
        let prov = OpinionEvent.Provenance(originBody: countyBody.id, originReportID: id, author: member, authorKind: .member)
        try county.record(.opinion(OpinionEvent(prov, at: countyBody.id, on: day(on), .submitted(title: id, text: "……"))), by: .office)
        if adopt {
            try county.record(.opinion(OpinionEvent(prov, at: countyBody.id, on: day(on), .adopted(bulletinIssue: "第1期"))), by: .office)
        }
    }

    mutating func attend(_ member: String, _ meeting: String, _ attendance: DutyEvent.Attendance, on: String = "2026-01-15") throws {
        try county.record(.duty(DutyEvent(member, on: day(on), .attendance(meetingID: meeting, attendance))), by: .office)
    }

    @Test mutating func jointProposalFirstProposerFullCosignersHalf() throws {
        try proposal("P1", by: "a", cosigners: ["b", "c"], confirm: ["b"])
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        let b = county.state.dutyAssessment(member: "b", year: 2026)
        let c = county.state.dutyAssessment(member: "c", year: 2026)
        #expect(a.categoryTenths[.proposals] == 250)   // 10 + 15
        #expect(b.categoryTenths[.proposals] == 125)   // (10 + 15) / 2 = 12.5
        #expect(c.categoryTenths[.proposals] == 0)     // never confirmed
        #expect(b.entries.map(\.rule) == ["duty.proposal.cosigner", "duty.proposal.registered.cosigner"])
        #expect(b.entries.allSatisfy { $0.source == .proposal("P1") })
        #expect(a.totalTenths == 600 + 250 && a.totalText == "85.0")
    }

    /// Finding (issue 16, 4): duty points from a policy's settings were summed and multiplied with `+` and `*`, so
    /// extreme settings (a policy stored before settings were bounded) trapped every assessment, and a resignation
    /// rule of 2^31 years looped for ever. Now sums saturate and the look-back is bounded; recording such a policy is
    /// refused naming the field.
    @Test mutating func extremePolicyValuesSaturateAndAreRefusedWhenRecorded() throws {
        var absurd = Policy()
        absurd.duty.baseTenths = Int.max - 5
        absurd.duty.proposalTenths = Int.max
        absurd.duty.proposalRegisteredTenths = Int.max
        absurd.duty.capTenths[.proposals] = Int.max
        absurd.duty.unexcusedAbsenceTenths = Int.min
        absurd.duty.resignationAfterYears = Int.max
        county.state = DomainState(body: countyBody, policy: absurd)
        try county.addMembers(["a", "b"], joined: day("2024-01-01"))
        try proposal("P1", by: "a", cosigners: ["b"], confirm: ["b"])
        try proposal("P2", by: "a", cosigners: ["b"], confirm: ["b"], on: "2026-03-01")
        try attend("b", "M1", .unexcused)
        try attend("b", "M2", .unexcused, on: "2026-02-15")
        let all = county.state.dutyAssessments(year: 2026)
        #expect(all["a"]?.totalTenths == Int.max, "saturates at Int.max")
        #expect(all["b"]?.categoryTenths[.meetings] == Int.min, "penalties saturate at Int.min")
        #expect(county.state.dutyAssessment(member: "b", year: 2026).totalText.isEmpty == false)

        var next = Policy()
        next.version = 2
        next.duty.proposalTenths = Int.max
        county.state = DomainState(body: countyBody)
        do {
            _ = try county.state.record(.policy(next), by: .office)
            Issue.record("a policy with duty.proposal_tenths = Int.max was recorded")
        } catch let error as DomainError {
            #expect(error.rule == "policy.values")
            #expect("\(error)".contains("duty.proposal_tenths"), "\(error)")
        }
    }

    @Test mutating func opinionReportAdoptionBonusOnce() throws {
        try report("R1", by: "a", adopt: true)
        try report("R2", by: "a", adopt: false)
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.categoryTenths[.opinions] == 100 + 50 + 100)
        #expect(a.entries.filter { $0.rule == "duty.opinion.adopted" }.map(\.source)
                == [.opinion(OpinionKey(originBody: countyBody.id, originReportID: "R1"))])
    }

    @Test mutating func unexcusedAbsencePenaltyIsNeverCapped() throws {
        try attend("a", "全会", .present)
        try attend("a", "常委会1", .present)
        try attend("a", "常委会2", .excused)
        try attend("a", "常委会3", .unexcused)
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.categoryTenths[.meetings] == 20 + 20 + 0 - 300)
        #expect(a.totalTenths == 600 - 260)
        expectRefused("duty.attendance.once") { try attend("a", "全会", .present) }
    }

    /// Attendance records 出席/请假 (`xieshang member attendance`) name a meeting and a member of this body: an empty
    /// meeting, a stranger and a member of another body are refused by name and record nothing.
    @Test mutating func attendanceNamesAMeetingAndAMemberOfThisBody() throws {
        let before = county.state
        expectRefused("duty.attendance.meeting") { try attend("a", "", .present) }
        expectRefused("duty.member") { try attend("stranger", "全会", .present) }
        // A township's member, known here from its roster (received, never recorded by this body).
        county.receive(.member(MemberRecorded(memberID: "t9", name: "乡镇委员", sector: "农业界", body: townshipBody.id, term: 9,
                                              effective: day("2024-01-01"))))
        let withOther = county.state
        expectRefused("duty.member") { try attend("t9", "全会", .excused) }
        #expect(county.state == withOther && withOther.dutyRecords == before.dutyRecords)
        try attend("a", "全会", .excused)
        #expect(county.state.dutyEntries(member: "a", year: 2026).map(\.rule) == ["duty.attendance.excused"])
    }

    @Test mutating func categoryCapsLimitPositivePoints() throws {
        for i in 1...5 { try proposal("P\(i)", by: "a") }            // 5 × 25 = 125 → cap 40
        for i in 1...5 {                                              // 5 × 5 = 25 → cap 10
            try county.record(.activity(Activity(id: "W\(i)", kind: .welfare, date: day("2026-05-0\(i)"), topic: "助学",
                                                 participants: 10, members: ["a"])), by: .office)
        }
        for i in 1...3 {                                              // 3 × 5 = 15, under the cap of 20
            try county.record(.activity(Activity(id: "V\(i)", kind: i == 1 ? .inspection : .research,
                                                 date: day("2026-06-0\(i)"), topic: "视察调研", participants: 8, members: ["a"])),
                              by: .office)
        }
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.categoryTenths[.proposals] == 400)
        #expect(a.categoryTenths[.welfare] == 100)
        #expect(a.categoryTenths[.research] == 150)
        #expect(a.entries.filter { $0.category == .proposals }.count == 10)   // every entry is kept, cited
        #expect(a.totalTenths == 600 + 400 + 100 + 150)
    }

    @Test mutating func convertedProposalIsNeverScoredTwice() throws {
        try proposal("P1", by: "a", register: false)
        try county.record(.proposal(ProposalEvent("P1", on: day("2026-02-10"), .reviewed(.notRegistered(
            reason: "no_substance", notice: "经本人同意转为社情民意信息", conversion: .init(reportID: "R-P1", consentBy: "a"))))),
                          by: .committee)
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.entries.map(\.rule) == ["duty.proposal.first"])
        #expect(a.categoryTenths[.opinions] == 0)
        #expect(county.state.opinions.count == 1)
    }

    @Test mutating func yearlyMinimumsFourOnes() throws {
        try proposal("P1", by: "a", cosigners: ["b"], confirm: ["b"])
        try report("R1", by: "b", adopt: false)
        // Nobody took part in research or welfare: those two of the four are missed by all (DutyRankingTests).
        #expect(county.state.dutyAssessment(member: "a", year: 2026).minimumsMissed == [.opinions, .research, .welfare])
        #expect(county.state.dutyAssessment(member: "b", year: 2026).minimumsMissed == [.research, .welfare])
        #expect(county.state.dutyAssessment(member: "c", year: 2026).minimumsMissed == [.proposals, .opinions, .research, .welfare])
    }

    @Test mutating func belowSeventyFiveTwoYearsRunningIsFlaggedForResignation() throws {
        // c: nothing in 2025 nor 2026 → 60 both years → talk, then resignation recommended.
        // a: 85 in 2026 → no talk.  new: joined 2026, below 75 once → talk only.
        try proposal("P1", by: "a")
        try proposal("P2", by: "d", on: "2025-03-01")
        try proposal("P3", by: "d", on: "2025-04-01")   // d: 2025 = 60 + 40 (capped) = 100; 2026 = 60
        let c = county.state.dutyAssessment(member: "c", year: 2026)
        #expect(c.totalTenths == 600 && c.needsTalk && c.resignationRecommended)
        #expect(county.state.dutyAssessment(member: "c", year: 2025).needsTalk)
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(!a.needsTalk && !a.resignationRecommended)
        let d = county.state.dutyAssessment(member: "d", year: 2026)
        #expect(d.needsTalk && !d.resignationRecommended)
        let n = county.state.dutyAssessment(member: "new", year: 2026)
        #expect(n.needsTalk && !n.resignationRecommended)
        let f = county.state.figures(for: .year(2026))
        #expect(f.members == 5 && f.membersBelowThreshold == 4)   // b, c, d, new
        // The one-pass assessment of every member agrees with the per-member one.
        let all = county.state.dutyAssessments(year: 2026)
        #expect(all.count == 5)
        for (id, assessment) in all { #expect(assessment == county.state.dutyAssessment(member: id, year: 2026)) }
    }

    @Test mutating func scoringFollowsThePolicy() throws {
        var policy = county.state.policy
        policy.version = 2
        policy.effective = day("2026-01-01")
        policy.duty.cosignerPercent = 30
        policy.duty.talkBelowTenths = 600
        try county.record(.policy(policy), by: .office)
        try proposal("P1", by: "a", cosigners: ["b"], confirm: ["b"])
        let b = county.state.dutyAssessment(member: "b", year: 2026)
        #expect(b.categoryTenths[.proposals] == 30 + 45)
        #expect(!county.state.dutyAssessment(member: "c", year: 2026).needsTalk)
        expectRefused("policy.version") { try county.record(.policy(policy), by: .office) }
    }
}
