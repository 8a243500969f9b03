import Testing
import XieshangWire
@testable import XieshangDomain

/// "四个一" complete (a proposal, an opinion report, a research or inspection, a good deed 公益), training 履职培训 in
/// the ledger, the ranking 履职排名 and the awards 优秀委员 by policy (issue 18, item 2).
extension DutyAssessmentTests {
    /// The county's policy as version 2 from 2026-01-01 with `change` made to its duty table.
    func nextPolicy(_ change: (inout XieshangDomain.DutyScoring) -> Void) -> Policy {
        var policy = county.state.policy
        policy.version = 2
        policy.effective = day("2026-01-01")
        change(&policy.duty)
        return policy
    }

    mutating func activity(_ id: String, _ kind: Activity.Kind, members: [String], on: String = "2026-05-01") throws {
        try county.record(.activity(Activity(id: id, kind: kind, date: day(on), topic: id, participants: members.count, members: members)),
                          by: .office)
    }

    /// Each of the four is counted and named when missed: b lacks only the good deed, and is named for it alone.
    @Test mutating func everyMinimumOfTheFourIsNamedWhenMissed() throws {
        try proposal("P1", by: "a", cosigners: ["b"], confirm: ["b"])
        try report("R1", by: "a", adopt: false)
        try report("R2", by: "b", adopt: false)
        try activity("V1", .inspection, members: ["a", "b"])
        try activity("V2", .research, members: ["a", "d"])
        try activity("W1", .welfare, members: ["a", "c"])
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.minimumsMissed == [])
        #expect(a.minimums.map(\.count) == [1, 1, 2, 1] && a.minimums.allSatisfy(\.met))
        #expect(a.minimums.map(\.category) == [.proposals, .opinions, .research, .welfare])
        #expect(county.state.dutyAssessment(member: "b", year: 2026).minimumsMissed == [.welfare])
        #expect(county.state.dutyAssessment(member: "c", year: 2026).minimumsMissed == [.proposals, .opinions, .research])
        #expect(county.state.dutyAssessment(member: "d", year: 2026).minimumsMissed == [.proposals, .opinions, .welfare])
        #expect(county.state.dutyAssessment(member: "new", year: 2026).minimumsMissed == [.proposals, .opinions, .research, .welfare])
        // The policy sets them: no good-deed minimum → b meets all four; two research visits → a still meets, b misses.
        try county.record(.policy(nextPolicy { $0.minimumWelfare = 0; $0.minimumResearch = 2 }), by: .office)
        #expect(county.state.dutyAssessment(member: "a", year: 2026).minimumsMissed == [])
        #expect(county.state.dutyAssessment(member: "b", year: 2026).minimumsMissed == [.research])
        #expect(county.state.dutyAssessments(year: 2026)["b"]?.minimumsMissed == [.research])
    }

    /// Training 履职培训 is its own category: 2 points each by default, capped at 10; the policy sets both.
    @Test mutating func trainingIsCountedAndCapped() throws {
        for i in 1...6 { try activity("T\(i)", .training, members: ["a"], on: "2026-04-0\(i)") }
        try activity("T7", .training, members: ["b"])
        let a = county.state.dutyAssessment(member: "a", year: 2026)
        #expect(a.entries.filter { $0.category == .training }.map(\.tenths) == Array(repeating: 20, count: 6))
        #expect(a.entries.allSatisfy { $0.rule == "duty.training" })
        #expect(a.trainingCount == 6)
        #expect(a.categoryTenths[.training] == 100)                        // 6 × 2 = 12 → cap 10
        #expect(a.totalTenths == 600 + 100)
        #expect(county.state.dutyAssessment(member: "b", year: 2026).categoryTenths[.training] == 20)
        try county.record(.policy(nextPolicy { $0.trainingTenths = 50; $0.capTenths[.training] = 150 }), by: .office)
        #expect(county.state.dutyAssessment(member: "a", year: 2026).categoryTenths[.training] == 150)
        #expect(county.state.dutyAssessment(member: "b", year: 2026).categoryTenths[.training] == 50)
        // A training is neither research nor welfare: it meets none of the four.
        #expect(county.state.dutyAssessment(member: "b", year: 2026).minimumsMissed.count == 4)
    }

    static func assessment(_ member: String, _ total: Int, missed: [DutyCategory] = [], talk: Bool = false) -> DutyAssessment {
        DutyAssessment(member: member, year: 2026, entries: [], categoryTenths: [:], totalTenths: total, proposalCount: 0, opinionCount: 0,
                       minimums: [], trainingCount: 0, minimumsMissed: missed, needsTalk: talk, resignationRecommended: false)
    }

    /// Equal totals share a rank and the next rank skips (1, 1, 3); the order within a tie is by id.
    @Test func equalTotalsShareARank() {
        let ranking = DutyRanking(year: 2026, assessments: [Self.assessment("d", 600), Self.assessment("b", 850), Self.assessment("a", 850),
                                                            Self.assessment("c", 700), Self.assessment("e", 600)], scoring: XieshangDomain.DutyScoring())
        #expect(ranking.standings.map(\.assessment.member) == ["a", "b", "c", "d", "e"])
        #expect(ranking.standings.map(\.rank) == [1, 1, 3, 4, 4])
        #expect(DutyRanking(year: 2026, assessments: [DutyAssessment](), scoring: XieshangDomain.DutyScoring()).standings.isEmpty)
    }

    /// Award places: round half up of percent × members / 100, the percent held to 0…100 (no overflow).
    @Test func awardPlacesRoundHalfUp() {
        #expect(DutyRanking.places(percent: 10, members: 25) == 3)     // 2.5 → 3
        #expect(DutyRanking.places(percent: 10, members: 24) == 2)     // 2.4 → 2
        #expect(DutyRanking.places(percent: 10, members: 5) == 1)      // 0.5 → 1
        #expect(DutyRanking.places(percent: 10, members: 4) == 0)      // 0.4 → 0
        #expect(DutyRanking.places(percent: 100, members: 7) == 7)
        #expect(DutyRanking.places(percent: 0, members: 7) == 0)
        #expect(DutyRanking.places(percent: Int.max, members: 10) == 10)
        #expect(DutyRanking.places(percent: -5, members: 10) == 0)
        #expect(DutyRanking.places(percent: 100, members: Int.max) > 0)
    }

    /// 优秀委员: at least the award line, no minimum missed, not below the talk line, ranked within the places; members
    /// tied at the last place all qualify (two awards for one place). Every other member is told why not.
    @Test func awardsFollowTheLineTheMinimumsAndThePlaces() {
        var scoring = XieshangDomain.DutyScoring()
        scoring.awardTopPercent = 20                                      // 6 members → (120 + 50) / 100 = 1 place
        let members = [Self.assessment("a", 950), Self.assessment("b", 950), Self.assessment("c", 920),
                       Self.assessment("d", 920, missed: [.welfare]), Self.assessment("e", 800), Self.assessment("f", 500, talk: true)]
        let ranking = DutyRanking(year: 2026, assessments: members, scoring: scoring)
        #expect(ranking.places == 1)
        #expect(ranking.awarded.map(\.assessment.member) == ["a", "b"])   // tied at the last place
        let why = Dictionary(uniqueKeysWithValues: ranking.standings.map { ($0.assessment.member, $0.notAwarded) })
        #expect(why["c"] == ["duty.award.places"])
        #expect(why["d"] == ["duty.award.minimums", "duty.award.places"])
        #expect(why["e"] == ["duty.award.total", "duty.award.places"])
        #expect(why["f"] == ["duty.award.total", "duty.award.talk", "duty.award.places"])
        // More places: c qualifies; d, tied with c at rank 3, still not (a minimum missed) though within the places.
        scoring.awardTopPercent = 50                                      // (300 + 50) / 100 = 3 places
        let wider = DutyRanking(year: 2026, assessments: members, scoring: scoring)
        #expect(wider.awarded.map(\.assessment.member) == ["a", "b", "c"])
        #expect(wider.standings.first { $0.assessment.member == "d" }?.notAwarded == ["duty.award.minimums"])
        // A higher line: nobody qualifies.
        scoring.awardMinTenths = 960
        #expect(DutyRanking(year: 2026, assessments: members, scoring: scoring).awarded.isEmpty)
    }

    /// From the records with the default policy: a, who did all four, is the one 优秀委员 of five (10% → 1 place).
    @Test mutating func theBodyRankingFromRecords() throws {
        try proposal("P1", by: "a")                                        // 10 + 15
        try report("R1", by: "a", adopt: true)                             // 10 + 5
        try activity("V1", .research, members: ["a", "b"])                 // 5 each
        try activity("W1", .welfare, members: ["a"])                       // 5
        let ranking = county.state.dutyRanking(year: 2026)
        #expect(ranking.standings.map(\.assessment.member) == ["a", "b", "c", "d", "new"])
        #expect(ranking.standings.map(\.rank) == [1, 2, 3, 3, 3])
        #expect(ranking.standings[0].assessment.totalTenths == 1100)
        #expect(ranking.places == 1 && ranking.awarded.map(\.assessment.member) == ["a"])
        #expect(ranking.standings[1].notAwarded == ["duty.award.total", "duty.award.minimums", "duty.award.talk", "duty.award.places"])
    }

    /// The new settings are bounded when a policy is recorded, naming the field.
    @Test mutating func newSettingsAreBounded() throws {
        typealias Change = (inout XieshangDomain.DutyScoring) -> Void
        let changes: [(String, Change)] = [("duty.award_top_percent", { $0.awardTopPercent = 101 }),
                                           ("duty.minimum_welfare", { $0.minimumWelfare = -1 }),
                                           ("duty.minimum_research", { $0.minimumResearch = 1_001 }),
                                           ("duty.cap_training_tenths", { $0.capTenths[.training] = -1 }),
                                           ("duty.training_tenths", { $0.trainingTenths = 1_000_001 }),
                                           ("duty.award_min_tenths", { $0.awardMinTenths = Int.min })]
        for (field, change) in changes {
            let policy = nextPolicy(change)
            let before = county.state
            do {
                _ = try county.record(.policy(policy), by: .office)
                Issue.record("a policy with \(field) out of bounds was recorded")
            } catch let error as DomainError {
                #expect(error.rule == "policy.values" && "\(error)".contains(field), "\(error)")
            }
            #expect(county.state == before)
        }
    }

    /// Fields 21–26 of DutyScoring came later: a policy recorded before them reads each as its default; a policy with
    /// them round-trips.
    @Test func policiesRecordedBeforeTheNewFieldsReadTheDefaults() throws {
        var old = Policy().wireMessage
        old.version = 2
        old.duty?.trainingTenths = nil
        old.duty?.capTrainingTenths = nil
        old.duty?.minimumResearch = nil
        old.duty?.minimumWelfare = nil
        old.duty?.awardMinTenths = nil
        old.duty?.awardTopPercent = nil
        old.duty?.welfareTenths = 70
        let read = try Policy(wire: XieshangWire.PolicySet(serializedBytes: old.serializedBytes()))
        #expect(read.duty.welfareTenths == 70)
        #expect(read.duty.trainingTenths == 20 && read.duty.capTenths[.training] == 100)
        #expect(read.duty.minimumResearch == 1 && read.duty.minimumWelfare == 1)
        #expect(read.duty.awardMinTenths == 900 && read.duty.awardTopPercent == 10)
        var changed = Policy()
        changed.duty.trainingTenths = 0
        changed.duty.capTenths[.training] = 30
        changed.duty.minimumResearch = 0
        changed.duty.minimumWelfare = 2
        changed.duty.awardMinTenths = 850
        changed.duty.awardTopPercent = 15
        #expect(try Policy(wire: XieshangWire.PolicySet(serializedBytes: changed.wireMessage.serializedBytes())) == changed)
    }
}
