extension Policy {
    /// One setting's bounds: its name as the wire and config spell it, its value, and what it may be.
    struct Limit {
        let field: String
        let value: Int
        let range: ClosedRange<Int>
    }

    /// The bounds of every numeric setting, wide enough for any real body's rules and narrow enough that no duty
    /// score, date or percentage computed from them can overflow (points in tenths: ±100,000 points per item).
    var limits: [Limit] {
        let points = -1_000_000...1_000_000
        let d = duty
        return [
            Limit(field: "reply_months", value: replyMonths, range: 1...120),
            Limit(field: "max_extension_months", value: maxExtensionMonths, range: 1...240),
            Limit(field: "objection_window_days", value: objectionWindowDays, range: 0...3_660),
            Limit(field: "cosign_window_days", value: cosignWindowDays, range: 0...3_660),
            Limit(field: "evaluation_window_days", value: evaluationWindowDays, range: 0...3_660),
            Limit(field: "appraisal_threshold_percent", value: appraisalThresholdPercent, range: 0...100),
            Limit(field: "opinion_max_chars", value: opinionMaxChars, range: 1...1_000_000),
            Limit(field: "duty.base_tenths", value: d.baseTenths, range: points),
            Limit(field: "duty.attendance_tenths", value: d.attendanceTenths, range: points),
            Limit(field: "duty.excused_absence_tenths", value: d.excusedAbsenceTenths, range: points),
            Limit(field: "duty.unexcused_absence_tenths", value: d.unexcusedAbsenceTenths, range: points),
            Limit(field: "duty.proposal_tenths", value: d.proposalTenths, range: points),
            Limit(field: "duty.proposal_registered_tenths", value: d.proposalRegisteredTenths, range: points),
            Limit(field: "duty.cosigner_percent", value: d.cosignerPercent, range: 0...100),
            Limit(field: "duty.opinion_tenths", value: d.opinionTenths, range: points),
            Limit(field: "duty.opinion_adopted_tenths", value: d.opinionAdoptedTenths, range: points),
            Limit(field: "duty.research_tenths", value: d.researchTenths, range: points),
            Limit(field: "duty.welfare_tenths", value: d.welfareTenths, range: points),
            Limit(field: "duty.training_tenths", value: d.trainingTenths, range: points),
            Limit(field: "duty.cap_meetings_tenths", value: d.capTenths[.meetings] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.cap_proposals_tenths", value: d.capTenths[.proposals] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.cap_opinions_tenths", value: d.capTenths[.opinions] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.cap_research_tenths", value: d.capTenths[.research] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.cap_welfare_tenths", value: d.capTenths[.welfare] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.cap_training_tenths", value: d.capTenths[.training] ?? 0, range: 0...1_000_000),
            Limit(field: "duty.talk_below_tenths", value: d.talkBelowTenths, range: points),
            Limit(field: "duty.resignation_after_years", value: d.resignationAfterYears, range: 1...DutyScoring.maxResignationYears),
            Limit(field: "duty.minimum_proposals", value: d.minimumProposals, range: 0...1_000),
            Limit(field: "duty.minimum_opinions", value: d.minimumOpinions, range: 0...1_000),
            Limit(field: "duty.minimum_research", value: d.minimumResearch, range: 0...1_000),
            Limit(field: "duty.minimum_welfare", value: d.minimumWelfare, range: 0...1_000),
            Limit(field: "duty.award_min_tenths", value: d.awardMinTenths, range: points),
            Limit(field: "duty.award_top_percent", value: d.awardTopPercent, range: 0...100),
        ]
    }

    /// Refuses a setting outside its bounds, naming the field, its value and the bounds (rule `policy.values`).
    /// - Throws: `DomainError` `.invalidInput`.
    func checkLimits() throws {
        for limit in limits where !limit.range.contains(limit.value) {
            throw DomainError(.invalidInput, rule: "policy.values",
                              zh: "规则设置 \(limit.field) 取值 \(limit.value) 超出范围（应为 \(limit.range.lowerBound) 至 \(limit.range.upperBound)）",
                              en: "policy field \(limit.field) is \(limit.value); it must be from \(limit.range.lowerBound) to \(limit.range.upperBound)")
        }
    }
}
