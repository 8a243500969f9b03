/// The member duty scoring table 委员履职考核计分办法. Points are in tenths (10 = 1 point) so halves stay exact.
public struct DutyScoring: Hashable, Sendable {
    /// Base score of every member for the year (default 60 points).
    public var baseTenths: Int = 600
    /// A meeting attended (default 2).
    public var attendanceTenths: Int = 20
    /// An excused absence 请假 (default 0).
    public var excusedAbsenceTenths: Int = 0
    /// An unexcused absence 无故缺席 (default −30, never capped).
    public var unexcusedAbsenceTenths: Int = -300
    /// A proposal, first proposer (default 10).
    public var proposalTenths: Int = 100
    /// Extra when registered 立案 (default 15).
    public var proposalRegisteredTenths: Int = 150
    /// A co-signer's share of the first proposer's points, percent (default 50: half).
    public var cosignerPercent: Int = 50
    /// An opinion report (default 10).
    public var opinionTenths: Int = 100
    /// Extra when the report is adopted 录用 (default 5, once).
    public var opinionAdoptedTenths: Int = 50
    /// Research 调研 or inspection 视察 taken part in (default 5).
    public var researchTenths: Int = 50
    /// Public welfare 公益 taken part in (default 5).
    public var welfareTenths: Int = 50
    /// A training 履职培训 taken part in (default 2, as a meeting: the seeds count training but give no points).
    public var trainingTenths: Int = 20
    /// Caps per category of the positive points (defaults: meetings 20, proposals 40, opinions 30,
    /// research 20, welfare 10, training 10).
    public var capTenths: [DutyCategory: Int] = [.meetings: 200, .proposals: 400, .opinions: 300,
                                                  .research: 200, .welfare: 100, .training: 100]
    /// Below this total a member is called for a talk 约谈 (default 75).
    public var talkBelowTenths: Int = 750
    /// Years running below the threshold before resignation is recommended 劝退 (default 2).
    public var resignationAfterYears: Int = 2
    /// Yearly minimum of proposals ("四个一", default 1).
    public var minimumProposals: Int = 1
    /// Yearly minimum of opinion reports ("四个一", default 1).
    public var minimumOpinions: Int = 1
    /// Yearly minimum of research visits or inspections taken part in ("四个一", default 1).
    public var minimumResearch: Int = 1
    /// Yearly minimum of public-welfare activities taken part in — the good deed for the people ("四个一", default 1).
    public var minimumWelfare: Int = 1
    /// 优秀委员: at least this total (default 90 points), every yearly minimum met, not below the talk line.
    public var awardMinTenths: Int = 900
    /// 优秀委员: at most this percent of the members assessed (default 10, seed: 每年对XX％的优秀委员进行表彰).
    /// Places = (percent × members + 50) / 100 (round half up); every member tied at the last place qualifies.
    public var awardTopPercent: Int = 10

    /// The most years a resignation rule may look back (a policy with more is refused; a stored one is read as this).
    public static let maxResignationYears = 50

    /// The defaults of shared/DOMAIN.md.
    public init() {}
}

extension DutyScoring {
    /// `resignationAfterYears` held to 1…``maxResignationYears``: how many years an assessment looks at, this one
    /// included (a stored policy from before the bound cannot make it loop for billions of years).
    static func yearsLookedBack(_ years: Int) -> Int { min(max(1, years), maxResignationYears) }
}

extension Int {
    /// `self + other`, held at Int's bounds instead of trapping (duty points summed from a policy's settings).
    func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }

    /// `self × other`, held at Int's bounds instead of trapping.
    func saturatingMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) == (other < 0) ? .max : .min) : product
    }
}
