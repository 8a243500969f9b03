/// Every figure 统计数字 of shared/DOMAIN.md for one body (or a subtree) and one period (payload `Figures` of
/// stats.proto, carried upward by the federation's AggregateReport).
///
/// Counters are summable: a subtree's figures are the plain sum (`+`) of its bodies' figures. Flows count
/// events dated in the period; plan-item and member counters are stocks at the period's end. Rates are
/// derived from the counters (`completionRate`, `satisfactionRate(_:)`, …), never stored.
public struct Figures: Hashable, Sendable {
    /// The period.
    public var period: Period

    /// 提案提交数.
    public var proposalsFiled: Int64 = 0
    /// 立案数.
    public var proposalsRegistered: Int64 = 0
    /// 不予立案数.
    public var proposalsNotRegistered: Int64 = 0
    /// 并案数.
    public var proposalsMerged: Int64 = 0
    /// 撤回数.
    public var proposalsWithdrawn: Int64 = 0
    /// 交办数.
    public var proposalsAssigned: Int64 = 0
    /// 按期答复数.
    public var repliesOnTime: Int64 = 0
    /// 逾期答复数.
    public var repliesLate: Int64 = 0
    /// 答复数（按类别）, by reply class code.
    public var repliesByClass: [String: Int64] = [:]
    /// 满意.
    public var evaluationsSatisfied: Int64 = 0
    /// 基本满意.
    public var evaluationsBasicallySatisfied: Int64 = 0
    /// 不满意.
    public var evaluationsUnsatisfied: Int64 = 0
    /// 办结数.
    public var proposalsClosed: Int64 = 0
    /// 退回重办数.
    public var proposalsRehandled: Int64 = 0
    /// 重点提案数.
    public var keyProposals: Int64 = 0
    /// 办结率的分子: proposals registered in the period and closed by its end (the cohort of `proposalsRegistered`).
    public var proposalsClosedOfRegistered: Int64 = 0
    /// 满意 in each proposal's latest round (as of the period's end), given in the period.
    public var latestRoundSatisfied: Int64 = 0
    /// 基本满意 in each proposal's latest round.
    public var latestRoundBasicallySatisfied: Int64 = 0
    /// 不满意 in each proposal's latest round.
    public var latestRoundUnsatisfied: Int64 = 0
    /// 提案受理渠道, by intake channel (`IntakeChannel` raw value): the proposals filed, split.
    public var proposalsByChannel: [String: Int64] = [:]
    /// 提案领导批示: leaders' instructions recorded on proposals.
    public var proposalsInstructed: Int64 = 0
    /// 重点提案督办: supervision steps recorded on key proposals.
    public var keyProposalsSupervised: Int64 = 0
    /// Of the key proposals marked in the period (`keyProposals`), those closed by its end.
    public var keyProposalsClosedOfMarked: Int64 = 0
    /// Of the key proposals marked in the period, those whose latest supervision result by its end is 已落实.
    public var keyProposalsImplementedOfMarked: Int64 = 0

    /// 收到社情民意信息.
    public var opinionsReceived: Int64 = 0
    /// 本级录用.
    public var opinionsAdopted: Int64 = 0
    /// 上级录用（按级别）, by adopting tier.
    public var opinionsAdoptedHigher: [String: Int64] = [:]
    /// 领导批示.
    public var opinionsInstructed: Int64 = 0
    /// 报送上级.
    public var opinionsForwarded: Int64 = 0
    /// 信息受理渠道, by intake channel: reports received at their origin body, split.
    public var opinionsByChannel: [String: Int64] = [:]
    /// 报送省政协 (counted at the body that records the step).
    public var opinionsSentProvincial: Int64 = 0
    /// 报送全国政协 (counted at the body that records the step).
    public var opinionsSentNational: Int64 = 0
    /// 省政协采用 (counted at the body that records the step).
    public var opinionsAdoptedProvincial: Int64 = 0
    /// 全国政协采用 (counted at the body that records the step).
    public var opinionsAdoptedNational: Int64 = 0
    /// 转送部门 (counted at the body that records the step).
    public var opinionsToDepartments: Int64 = 0
    /// 部门已采纳 (counted at the body that records the step).
    public var opinionsDepartmentAdopted: Int64 = 0
    /// 部门部分采纳 (counted at the body that records the step).
    public var opinionsDepartmentPartlyAdopted: Int64 = 0
    /// 部门留作参考 (counted at the body that records the step).
    public var opinionsDepartmentForReference: Int64 = 0
    /// 部门未采纳 (counted at the body that records the step).
    public var opinionsDepartmentNotAdopted: Int64 = 0

    /// 协商活动.
    public var consultations: Int64 = 0
    /// 协商参加人次.
    public var consultationParticipants: Int64 = 0
    /// 调研.
    public var researchVisits: Int64 = 0
    /// 视察.
    public var inspections: Int64 = 0
    /// 民主评议.
    public var appraisals: Int64 = 0
    /// 培训.
    public var trainings: Int64 = 0
    /// 公益活动.
    public var welfareActivities: Int64 = 0
    /// 活动参加人次.
    public var activityParticipants: Int64 = 0
    /// 协商活动（按形式）, by form name.
    public var consultationsByForm: [String: Int64] = [:]

    /// 提出建议.
    public var suggestionsMade: Int64 = 0
    /// 建议采纳.
    public var suggestionsAdopted: Int64 = 0
    /// 建议办结.
    public var suggestionsClosed: Int64 = 0

    /// 承担计划事项.
    public var planItemsAssigned: Int64 = 0
    /// 已完成事项.
    public var planItemsDone: Int64 = 0
    /// 逾期事项.
    public var planItemsOverdue: Int64 = 0
    /// 征集议题 proposed for plans this body issues (from lower bodies, departments, the public, members).
    public var topicsProposed: Int64 = 0
    /// 议题采纳列入计划.
    public var topicsAdopted: Int64 = 0
    /// 议题合并.
    public var topicsMerged: Int64 = 0
    /// 议题不予采纳.
    public var topicsNotAdopted: Int64 = 0

    /// 调研报告.
    public var researchReports: Int64 = 0
    /// 视察报告.
    public var inspectionReports: Int64 = 0
    /// 获批示的调研视察报告 (one per report, in the period of its first instruction).
    public var researchReportsInstructed: Int64 = 0
    /// 成果转化为提案.
    public var researchConvertedToProposals: Int64 = 0
    /// 成果转化为社情民意信息.
    public var researchConvertedToOpinions: Int64 = 0
    /// 成果转化为建议案.
    public var researchConvertedToAdvice: Int64 = 0

    /// 委员人数.
    public var members: Int64 = 0
    /// 低于考核线的委员.
    public var membersBelowThreshold: Int64 = 0

    /// Bodies summed (1 for one body).
    public var bodies: Int64 = 0

    /// Empty figures for a period.
    public init(period: Period) { self.period = period }

    /// Evaluations of all ratings.
    public var evaluations: Int64 { evaluationsSatisfied + evaluationsBasicallySatisfied + evaluationsUnsatisfied }

    /// Evaluations of each proposal's latest round, all ratings.
    public var latestRoundEvaluations: Int64 { latestRoundSatisfied + latestRoundBasicallySatisfied + latestRoundUnsatisfied }

    /// 办结率 by cohort = of the proposals registered in the period, those closed by its end / registered.
    public var completionRate: Rate { Rate(proposalsClosedOfRegistered, of: proposalsRegistered) }

    /// 满意率 with the body's formula, from each proposal's latest round (a re-handled proposal counts its new round's
    /// evaluations, not the superseded ones).
    public func satisfactionRate(_ formula: Policy.SatisfactionFormula) -> Rate {
        switch formula {
        case .satisfiedOrBasic: return Rate(latestRoundSatisfied + latestRoundBasicallySatisfied, of: latestRoundEvaluations)
        case .satisfiedOnly: return Rate(latestRoundSatisfied, of: latestRoundEvaluations)
        }
    }

    /// 建议采纳率 = adopted / made.
    public var suggestionAdoptionRate: Rate { Rate(suggestionsAdopted, of: suggestionsMade) }

    /// 建议办结率 = closed / made.
    public var suggestionClosingRate: Rate { Rate(suggestionsClosed, of: suggestionsMade) }

    /// 信息录用率 = adopted here / received.
    public var opinionAdoptionRate: Rate { Rate(opinionsAdopted, of: opinionsReceived) }

    /// 按期答复率 = on time / all replies.
    public var onTimeReplyRate: Rate { Rate(repliesOnTime, of: repliesOnTime + repliesLate) }

    /// 重点提案落实率 by cohort = of the key proposals marked in the period, those implemented by its end / marked
    /// (遵义: 16 of 16).
    public var keyProposalImplementationRate: Rate { Rate(keyProposalsImplementedOfMarked, of: keyProposals) }

    /// The sum of two bodies' figures for the same period.
    public static func + (a: Figures, b: Figures) -> Figures {
        var s = a
        s.add(b)
        return s
    }

    /// Adds another body's figures (same period) to these. Sums saturate at Int64's bounds instead of trapping:
    /// figures from a peer are input, and a rollup check that compares totals will flag an absurd one.
    public mutating func add(_ o: Figures) {
        for (path, _) in Figures.counters { self[keyPath: path] = Figures.saturating(self[keyPath: path], o[keyPath: path]) }
        repliesByClass.merge(o.repliesByClass, uniquingKeysWith: Figures.saturating)
        opinionsAdoptedHigher.merge(o.opinionsAdoptedHigher, uniquingKeysWith: Figures.saturating)
        consultationsByForm.merge(o.consultationsByForm, uniquingKeysWith: Figures.saturating)
        proposalsByChannel.merge(o.proposalsByChannel, uniquingKeysWith: Figures.saturating)
        opinionsByChannel.merge(o.opinionsByChannel, uniquingKeysWith: Figures.saturating)
    }

    /// a + b, clamped to Int64's range.
    static func saturating(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int64.max : Int64.min) : sum
    }

    /// Every scalar counter with its label key (the same order as stats.proto). Built once: it was a computed property,
    /// and a dashboard built its 62 key paths for every rate of every body, zone and month (profiled, issue 17).
    public static let counters: [(WritableKeyPath<Figures, Int64> & Sendable, String)] = [
        (\.proposalsFiled, "proposalsFiled"), (\.proposalsRegistered, "proposalsRegistered"),
        (\.proposalsNotRegistered, "proposalsNotRegistered"), (\.proposalsMerged, "proposalsMerged"),
        (\.proposalsWithdrawn, "proposalsWithdrawn"), (\.proposalsAssigned, "proposalsAssigned"),
        (\.repliesOnTime, "repliesOnTime"), (\.repliesLate, "repliesLate"),
        (\.evaluationsSatisfied, "evaluationsSatisfied"),
        (\.evaluationsBasicallySatisfied, "evaluationsBasicallySatisfied"),
        (\.evaluationsUnsatisfied, "evaluationsUnsatisfied"), (\.proposalsClosed, "proposalsClosed"),
        (\.proposalsRehandled, "proposalsRehandled"), (\.keyProposals, "keyProposals"),
        (\.proposalsClosedOfRegistered, "proposalsClosedOfRegistered"), (\.latestRoundSatisfied, "latestRoundSatisfied"),
        (\.latestRoundBasicallySatisfied, "latestRoundBasicallySatisfied"), (\.latestRoundUnsatisfied, "latestRoundUnsatisfied"),
        (\.proposalsInstructed, "proposalsInstructed"), (\.keyProposalsSupervised, "keyProposalsSupervised"),
        (\.keyProposalsClosedOfMarked, "keyProposalsClosedOfMarked"),
        (\.keyProposalsImplementedOfMarked, "keyProposalsImplementedOfMarked"),
        (\.opinionsReceived, "opinionsReceived"), (\.opinionsAdopted, "opinionsAdopted"),
        (\.opinionsInstructed, "opinionsInstructed"), (\.opinionsForwarded, "opinionsForwarded"),
        (\.opinionsSentProvincial, "opinionsSentProvincial"),
        (\.opinionsSentNational, "opinionsSentNational"),
        (\.opinionsAdoptedProvincial, "opinionsAdoptedProvincial"),
        (\.opinionsAdoptedNational, "opinionsAdoptedNational"),
        (\.opinionsToDepartments, "opinionsToDepartments"),
        (\.opinionsDepartmentAdopted, "opinionsDepartmentAdopted"),
        (\.opinionsDepartmentPartlyAdopted, "opinionsDepartmentPartlyAdopted"),
        (\.opinionsDepartmentForReference, "opinionsDepartmentForReference"),
        (\.opinionsDepartmentNotAdopted, "opinionsDepartmentNotAdopted"),
        (\.consultations, "consultations"), (\.consultationParticipants, "consultationParticipants"),
        (\.researchVisits, "researchVisits"), (\.inspections, "inspections"), (\.appraisals, "appraisals"),
        (\.trainings, "trainings"), (\.welfareActivities, "welfareActivities"),
        (\.activityParticipants, "activityParticipants"), (\.suggestionsMade, "suggestionsMade"),
        (\.suggestionsAdopted, "suggestionsAdopted"), (\.suggestionsClosed, "suggestionsClosed"),
        (\.planItemsAssigned, "planItemsAssigned"), (\.planItemsDone, "planItemsDone"),
        (\.planItemsOverdue, "planItemsOverdue"), (\.topicsProposed, "topicsProposed"), (\.topicsAdopted, "topicsAdopted"),
        (\.topicsMerged, "topicsMerged"), (\.topicsNotAdopted, "topicsNotAdopted"),
        (\.researchReports, "researchReports"), (\.inspectionReports, "inspectionReports"),
        (\.researchReportsInstructed, "researchReportsInstructed"), (\.researchConvertedToProposals, "researchConvertedToProposals"),
        (\.researchConvertedToOpinions, "researchConvertedToOpinions"), (\.researchConvertedToAdvice, "researchConvertedToAdvice"),
        (\.members, "members"),
        (\.membersBelowThreshold, "membersBelowThreshold"), (\.bodies, "bodies"),
    ]

    /// Label keys of the keyed counters (maps).
    public static let keyedCounters = ["repliesByClass", "opinionsAdoptedHigher", "consultationsByForm", "proposalsByChannel",
                                       "opinionsByChannel"]

    /// Label keys of the derived rates.
    public static let rates = ["completionRate", "satisfactionRate", "suggestionAdoptionRate", "suggestionClosingRate",
                               "opinionAdoptionRate", "onTimeReplyRate", "keyProposalImplementationRate"]
}
