/// A body's policy settings 规则设置, versioned; recorded as a `PolicySet` event.
///
/// Every local rule is a setting with the default of shared/DOMAIN.md, never a constant in code.
public struct Policy: Hashable, Sendable {
    /// How the satisfaction rate 满意率 is counted.
    public enum SatisfactionFormula: String, Hashable, Sendable {
        /// (满意 + 基本满意) / evaluations (default).
        case satisfiedOrBasic
        /// 满意 / evaluations.
        case satisfiedOnly
    }

    /// Version, 1 for the defaults; each new version is one above the previous.
    public var version: Int = 1
    /// Day from which the version applies.
    public var effective: Day = Day(year: 2000, month: 1, day: 1)!
    /// Months from assignment to the reply due date (default 3).
    public var replyMonths: Int = 3
    /// The due date may not pass assignment + this many months (default 6).
    public var maxExtensionMonths: Int = 6
    /// Days after assignment during which a unit may object (default 10).
    public var objectionWindowDays: Int = 10
    /// Days after submission during which co-signers may confirm (default 7).
    public var cosignWindowDays: Int = 7
    /// Days after the reply after which a proposal may close without every evaluation (default 30).
    public var evaluationWindowDays: Int = 30
    /// Reply classes 答复类别 (default A/B/C).
    public var replyClasses: [PolicyChoice] = [
        PolicyChoice(code: "A", labelZh: "已经解决或基本解决", labelEn: "solved or basically solved"),
        PolicyChoice(code: "B", labelZh: "部分解决或已列入计划解决", labelEn: "partly solved or planned"),
        PolicyChoice(code: "C", labelZh: "因条件限制留作参考", labelEn: "kept for reference"),
    ]
    /// Reasons for not registering 不予立案 a proposal.
    public var notRegisteredReasons: [PolicyChoice] = [
        PolicyChoice(code: "not_in_scope", labelZh: "不属于政协提案范围", labelEn: "not within the scope of proposals"),
        PolicyChoice(code: "multiple_issues", labelZh: "一案多事", labelEn: "more than one issue"),
        PolicyChoice(code: "no_substance", labelZh: "内容空泛", labelEn: "no concrete content"),
        PolicyChoice(code: "under_litigation", labelZh: "涉及诉讼案件", labelEn: "concerns a case before a court"),
        PolicyChoice(code: "personal_matter", labelZh: "个人事务", labelEn: "a personal matter"),
    ]
    /// How the satisfaction rate is counted (default (满意 + 基本满意) / evaluations).
    public var satisfactionFormula: SatisfactionFormula = .satisfiedOrBasic
    /// Quarterly appraisal threshold in percent (default 80).
    public var appraisalThresholdPercent: Int = 80
    /// Longest opinion report, in characters (default 1,500).
    public var opinionMaxChars: Int = 1500
    /// Duty scoring table.
    public var duty = DutyScoring()
    /// Whether the body registers proposals (city and county: yes; township liaison groups: no).
    public var registersProposals: Bool = true

    /// The defaults of shared/DOMAIN.md for a body (a township liaison group registers no proposals).
    public static func defaults(for body: BodyInfo) -> Policy {
        var policy = Policy()
        policy.registersProposals = body.registersProposalsByDefault
        return policy
    }

    /// The defaults (a city or county body).
    public init() {}

    /// The reply class with this code, if the policy has it.
    public func replyClass(_ code: String) -> PolicyChoice? { replyClasses.first { $0.code == code } }
}
