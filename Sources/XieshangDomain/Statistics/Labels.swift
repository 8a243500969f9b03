/// Report labels 报表标签: label key → Chinese and English, for every figure, rate, state and rule shown.
public enum Labels {
    /// A label in both languages.
    public struct Label: Hashable, Sendable {
        /// 中文.
        public let zh: String
        /// English.
        public let en: String
    }

    /// The label of a key, or nil when the key has none.
    public static func label(_ key: String) -> Label? { table[key] }

    /// Chinese label of a key, or the key itself when it has none.
    public static func zh(_ key: String) -> String { table[key]?.zh ?? key }

    /// Every label.
    public static let table: [String: Label] = {
        var t: [String: Label] = [:]
        func put(_ key: String, _ zh: String, _ en: String) { t[key] = Label(zh: zh, en: en) }
        // Figures
        put("figure.proposalsFiled", "提案提交数", "proposals filed")
        put("figure.proposalsRegistered", "立案数", "proposals registered")
        put("figure.proposalsNotRegistered", "不予立案数", "proposals not registered")
        put("figure.proposalsMerged", "并案数", "proposals merged")
        put("figure.proposalsWithdrawn", "撤回数", "proposals withdrawn")
        put("figure.proposalsAssigned", "交办数", "proposals assigned")
        put("figure.repliesOnTime", "按期答复数", "replies on time")
        put("figure.repliesLate", "逾期答复数", "replies late")
        put("figure.repliesByClass", "答复类别分布", "replies by class")
        put("figure.evaluationsSatisfied", "满意", "evaluations: satisfied")
        put("figure.evaluationsBasicallySatisfied", "基本满意", "evaluations: basically satisfied")
        put("figure.evaluationsUnsatisfied", "不满意", "evaluations: unsatisfied")
        put("figure.proposalsClosed", "办结数", "proposals closed")
        put("figure.proposalsRehandled", "退回重办数", "proposals returned for re-handling")
        put("figure.keyProposals", "重点提案数", "key proposals")
        put("figure.proposalsClosedOfRegistered", "当期立案已办结", "registered in the period and closed by its end")
        put("figure.latestRoundSatisfied", "满意（最新一轮）", "satisfied (latest round)")
        put("figure.latestRoundBasicallySatisfied", "基本满意（最新一轮）", "basically satisfied (latest round)")
        put("figure.latestRoundUnsatisfied", "不满意（最新一轮）", "unsatisfied (latest round)")
        put("figure.proposalsByChannel", "提案受理渠道分布", "proposals by intake channel")
        put("figure.proposalsInstructed", "提案领导批示", "leaders' instructions on proposals")
        put("figure.keyProposalsSupervised", "重点提案督办", "key-proposal supervision steps")
        put("figure.keyProposalsClosedOfMarked", "当期重点提案已办结", "key proposals marked in the period and closed by its end")
        put("figure.keyProposalsImplementedOfMarked", "当期重点提案已落实", "key proposals marked in the period and implemented by its end")
        put("figure.opinionsByChannel", "信息受理渠道分布", "opinion reports by intake channel")
        put("figure.opinionsReceived", "收到社情民意信息", "opinion reports received")
        put("figure.opinionsAdopted", "本级录用", "opinion reports adopted here")
        put("figure.opinionsAdoptedHigher", "上级录用", "opinion reports adopted higher up")
        put("figure.opinionsInstructed", "领导批示", "leaders' instructions")
        put("figure.opinionsForwarded", "报送上级", "opinion reports forwarded")
        put("figure.consultations", "协商活动", "consultations")
        put("figure.consultationParticipants", "协商参加人次", "consultation participants")
        put("figure.researchVisits", "调研", "research visits")
        put("figure.inspections", "视察", "inspections")
        put("figure.appraisals", "民主评议", "democratic appraisals")
        put("figure.trainings", "培训", "trainings")
        put("figure.welfareActivities", "公益活动", "public-welfare activities")
        put("figure.activityParticipants", "活动参加人次", "activity participants")
        put("figure.consultationsByForm", "协商形式分布", "consultations by form")
        put("figure.suggestionsMade", "提出意见建议", "suggestions made")
        put("figure.suggestionsAdopted", "建议批示采纳", "suggestions adopted")
        put("figure.suggestionsClosed", "建议办结", "suggestions closed")
        put("figure.planItemsAssigned", "承担协商计划事项", "plan items assigned")
        put("figure.planItemsDone", "已完成事项", "plan items done")
        put("figure.planItemsOverdue", "逾期事项", "plan items overdue")
        put("figure.topicsProposed", "征集议题", "topics proposed")
        put("figure.topicsAdopted", "议题采纳", "topics adopted")
        put("figure.topicsMerged", "议题合并", "topics merged")
        put("figure.topicsNotAdopted", "议题未采纳", "topics not adopted")
        put("figure.researchReports", "调研报告", "research reports")
        put("figure.inspectionReports", "视察报告", "inspection reports")
        put("figure.researchReportsInstructed", "调研视察报告获批示", "reports instructed")
        put("figure.researchConvertedToProposals", "成果转化为提案", "turned into proposals")
        put("figure.researchConvertedToOpinions", "成果转化为社情民意信息", "turned into opinion reports")
        put("figure.researchConvertedToAdvice", "成果转化为建议案", "turned into recommendations (建议案)")
        put("figure.members", "委员人数", "members")
        put("figure.membersBelowThreshold", "考核低于合格线委员", "members below the threshold")
        put("figure.bodies", "统计组织数", "bodies counted")
        // Rates
        put("rate.completionRate", "办结率", "completion rate")
        put("rate.satisfactionRate", "满意率", "satisfaction rate")
        put("rate.suggestionAdoptionRate", "建议采纳率", "suggestion adoption rate")
        put("rate.suggestionClosingRate", "建议办结率", "suggestion closing rate")
        put("rate.opinionAdoptionRate", "信息录用率", "opinion report adoption rate")
        put("rate.onTimeReplyRate", "按期答复率", "on-time reply rate")
        put("rate.keyProposalImplementationRate", "重点提案落实率", "key-proposal implementation rate")
        // Intake channels
        put("channel.web", "网上", "online")
        put("channel.chatGroup", "微信/QQ群", "WeChat/QQ group")
        put("channel.paper", "纸质", "paper")
        put("channel.session", "大会期间", "at the session")
        // Supervision outcomes
        put("supervision.inProgress", "督办进展", "in progress")
        put("supervision.implemented", "已落实", "implemented")
        put("supervision.partlyImplemented", "部分落实", "partly implemented")
        put("supervision.notImplemented", "未落实", "not implemented")
        // Proposal states
        put("state.proposal.submitted", "已提交", "submitted")
        put("state.proposal.withdrawn", "已撤回", "withdrawn")
        put("state.proposal.registered", "已立案", "registered")
        put("state.proposal.notRegistered", "不予立案", "not registered")
        put("state.proposal.merged", "已并案", "merged")
        put("state.proposal.assigned", "办理中", "assigned")
        put("state.proposal.reassigning", "待重新交办", "awaiting reassignment")
        put("state.proposal.replied", "已答复", "replied")
        put("state.proposal.evaluated", "已测评", "evaluated")
        put("state.proposal.closed", "已办结", "closed")
        put("proposalKind.individual", "个人提案", "individual")
        put("proposalKind.joint", "联名提案", "joint")
        put("proposalKind.collective", "集体提案", "collective")
        put("proposalKind.fromLowerBody", "下级政协提案", "from a lower body")
        put("rating.satisfied", "满意", "satisfied")
        put("rating.basicallySatisfied", "基本满意", "basically satisfied")
        put("rating.unsatisfied", "不满意", "unsatisfied")
        // Opinion report states
        put("state.opinion.submitted", "待处理", "submitted")
        put("state.opinion.editing", "编辑中", "editing")
        put("state.opinion.adopted", "已录用", "adopted")
        put("state.opinion.archived", "已存档", "archived")
        put("authorKind.member", "委员", "member")
        put("authorKind.liaisonGroup", "联络组", "liaison group")
        put("authorKind.informant", "特邀信息员", "informant")
        // Suggestions
        put("state.suggestion.made", "已提出", "made")
        put("state.suggestion.adopted", "已批示采纳", "adopted")
        put("state.suggestion.closed", "已办结", "closed")
        // Research and inspection reports: conversions 成果转化
        put("conversion.proposal", "提案", "proposal")
        put("conversion.opinion", "社情民意信息", "opinion report")
        put("conversion.advice", "建议案", "recommendation (建议案)")
        // Activities
        for (source, zh, en) in [("lowerBody", "下级政协", "lower body"), ("department", "部门", "department"),
                                 ("society", "社会公众", "the public"), ("member", "委员", "member")] {
            put("topicSource." + source, zh, en)
        }
        for (decision, zh, en) in [("open", "待处理", "open"), ("adopted", "采纳列入计划", "adopted"), ("merged", "合并", "merged"),
                                   ("notAdopted", "不予采纳", "not adopted")] {
            put("topicDecision." + decision, zh, en)
        }
        put("activity.consultation", "协商", "consultation")
        put("activity.research", "调研", "research")
        put("activity.inspection", "视察", "inspection")
        put("activity.appraisal", "民主评议", "democratic appraisal")
        put("activity.training", "培训", "training")
        put("activity.welfare", "公益", "public welfare")
        put("activity.meeting", "会议", "meeting")
        put("form.topical", "专题协商", "topical consultation")
        put("form.counterpart", "对口协商", "counterpart consultation")
        put("form.sector", "界别协商", "sector consultation")
        put("form.proposalHandling", "提案办理协商", "proposal-handling consultation")
        put("form.chairTalk", "主席约谈", "chair's talk")
        put("form.pleaseCome", "请你来协商", "\"please come\" consultation")
        put("form.online", "网络协商", "online consultation")
        put("form.quarterly", "季度议政会", "quarterly deliberation")
        put("form.standingCommittee", "常委会视察", "standing committee inspection")
        put("form.other", "其他形式", "other form")
        // Plans
        put("state.plan.soliciting", "征集议题", "soliciting topics")
        put("state.plan.drafted", "草案", "draft")
        put("state.plan.reviewed", "主席会议已审议", "reviewed")
        put("state.plan.approved", "党委常委会已审定", "approved")
        put("state.plan.issued", "已印发", "issued")
        put("stage.assigned", "已交办", "assigned")
        put("stage.preparing", "筹备中", "preparing")
        put("stage.held", "已召开", "held")
        put("stage.resultsReported", "成果已报送", "results reported")
        put("stage.feedbackReceived", "已反馈", "feedback received")
        put("stage.tracked", "跟踪落实", "tracked")
        // Duty
        put("dutyCategory.meetings", "会议出席", "meetings")
        put("dutyCategory.proposals", "提案", "proposals")
        put("dutyCategory.opinions", "社情民意信息", "opinion reports")
        put("dutyCategory.research", "调研视察", "research and inspection")
        put("dutyCategory.welfare", "公益活动", "public welfare")
        put("duty.attendance.present", "出席会议", "meeting attended")
        put("duty.attendance.excused", "请假", "excused absence")
        put("duty.attendance.unexcused", "无故缺席", "unexcused absence")
        put("duty.adjustment", "加减分", "adjustment")
        put("duty.proposal.first", "提案（第一提案人）", "proposal, first proposer")
        put("duty.proposal.cosigner", "提案（附议人）", "proposal, co-signer")
        put("duty.proposal.registered", "提案立案", "proposal registered")
        put("duty.proposal.registered.cosigner", "提案立案（附议人）", "proposal registered, co-signer")
        put("duty.opinion", "社情民意信息", "opinion report")
        put("duty.opinion.adopted", "信息录用", "opinion report adopted")
        put("duty.research", "参加调研视察", "research or inspection")
        put("duty.welfare", "参加公益活动", "public-welfare activity")
        put("duty.talk", "约谈", "talk")
        put("duty.resignation", "劝退", "resignation recommended")
        // Periods
        put("period.month", "月度", "month")
        put("period.quarter", "季度", "quarter")
        put("period.half", "半年度", "half-year")
        put("period.session", "届次会议以来", "since the plenary session")
        put("period.year", "年度", "year")
        return t
    }()
}
