/// The body's members ranked by their year's duty total 年度履职排名, and who qualifies as an outstanding member
/// 优秀委员 by the policy (seeds: 每年对XX％的优秀委员进行表彰，对考核后XX名的委员进行约谈).
public struct DutyRanking: Hashable, Sendable {
    /// One member's place and award.
    public struct Standing: Hashable, Sendable {
        /// The member's assessment.
        public var assessment: DutyAssessment
        /// 1 for the highest total; equal totals share a rank and the next rank skips (1, 1, 3).
        public var rank: Int
        /// Whether the member qualifies as 优秀委员.
        public var award: Bool
        /// Why not, as label keys (empty when `award`): `duty.award.total` (below the award line),
        /// `duty.award.minimums` (a "四个一" minimum missed), `duty.award.talk` (below the talk line),
        /// `duty.award.places` (ranked after the places).
        public var notAwarded: [String]
    }

    /// Year.
    public var year: Int
    /// Every member assessed, by rank, then id.
    public var standings: [Standing]
    /// Award places: ``places(percent:members:)`` of the policy's percent and the members ranked.
    public var places: Int
    /// The policy's award line, in tenths.
    public var awardMinTenths: Int
    /// The policy's award percent.
    public var awardTopPercent: Int

    /// Award places for `percent` of `members`: round half up of percent × members / 100 (10% of 25 → 3, of 24 → 2,
    /// of 4 → 0). The percent is held to 0…100, so the product never overflows.
    public static func places(percent: Int, members: Int) -> Int {
        let p = min(max(0, percent), 100), n = max(0, members)
        return n.saturatingMultiplied(by: p).saturatingAdding(50) / 100
    }

    /// Ranks `assessments` of `year` by total (ties by member id for the order only) and applies the award rule of
    /// `scoring`: at least `awardMinTenths`, every yearly minimum met, not below the talk line, and a rank within
    /// the places — members tied at the last place all qualify, so the awards may exceed the places then.
    public init(year: Int, assessments: some Collection<DutyAssessment>, scoring: DutyScoring) {
        self.year = year
        awardMinTenths = scoring.awardMinTenths
        awardTopPercent = scoring.awardTopPercent
        places = Self.places(percent: scoring.awardTopPercent, members: assessments.count)
        let sorted = assessments.sorted { ($1.totalTenths, $0.member) < ($0.totalTenths, $1.member) }
        var out: [Standing] = []
        out.reserveCapacity(sorted.count)
        for (i, a) in sorted.enumerated() {
            let rank = i > 0 && out[i - 1].assessment.totalTenths == a.totalTenths ? out[i - 1].rank : i + 1
            var why: [String] = []
            if a.totalTenths < scoring.awardMinTenths { why.append("duty.award.total") }
            if !a.minimumsMissed.isEmpty { why.append("duty.award.minimums") }
            if a.needsTalk { why.append("duty.award.talk") }
            if rank > places { why.append("duty.award.places") }
            out.append(Standing(assessment: a, rank: rank, award: why.isEmpty, notAwarded: why))
        }
        standings = out
    }

    /// The members who qualify as 优秀委员, by rank.
    public var awarded: [Standing] { standings.filter(\.award) }
}

extension DomainState {
    /// The ranking of this body's members active at the end of `upTo` (or of the year), with the awards by policy.
    public func dutyRanking(year: Int, upTo: Day? = nil) -> DutyRanking {
        DutyRanking(year: year, assessments: dutyAssessments(year: year, upTo: upTo).values, scoring: policy.duty)
    }
}
