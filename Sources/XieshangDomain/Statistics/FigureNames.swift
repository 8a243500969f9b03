/// How figures are shown (统计数字的标签), shared by the CLI (`stats`, `report --html`, `demo`) and the web dashboard: labels of the stats.proto counters a rollup carries (from `Labels`, XieshangDomain), the
/// rates derived from them with numerator and denominator, the drill-down's headline columns, and the labels of
/// record-table columns that `Labels` does not name.
public enum FigureNames {
    /// A rate shown with its numerator and denominator (办结率 12/15 80.0%).
    public struct ShownRate: Sendable {
        /// stats.proto-style name: "completion_rate".
        public var name: String
        /// Label key in `Labels` ("rate.completionRate").
        public var labelKey: String
        /// Counted part.
        public var numerator: Int64
        /// Whole; 0 means no data.
        public var denominator: Int64
        /// Percent with one decimal, nil without data.
        public var percent: Double? { Rate(numerator, of: denominator).permille.map { Double($0) / 10 } }
        /// "80.0% (12/15)", "—" without data.
        public var text: String { "\(Rate(numerator, of: denominator)) (\(numerator)/\(denominator))" }
    }

    /// Every rate of a figure map (stats.proto names), from its counters: 办结率 by cohort, 满意率 from the latest
    /// rounds (the default formula, 满意 + 基本满意), 建议采纳率/办结率, 信息录用率, 按期答复率.
    ///
    /// Names no figure has are left out; a name that looks like a figure's but is none (`proposals_filed.x`,
    /// `replies_by_class` without its key) gives no rates at all, as ``Figures/init(period:namedCounts:)`` refuses it.
    /// Only the scalar counters are read (no rate reads a keyed counter): a drill-down's model asks this for every body,
    /// zone and month (profiled, issue 17: filtering the map and building the keyed counters was most of the model).
    public static func rates(_ counts: [String: Int64]) -> [ShownRate] {
        guard let f = Figures.scalars(of: counts) else { return [] }
        let values: [Rate] = [
            f.completionRate, f.satisfactionRate(.satisfiedOrBasic), f.suggestionAdoptionRate, f.suggestionClosingRate,
            f.opinionAdoptionRate, f.onTimeReplyRate, f.keyProposalImplementationRate,
        ]
        return zip(rateKeys, values).map { ShownRate(name: $0.0.name, labelKey: $0.0.labelKey, numerator: $0.1.numerator, denominator: $0.1.denominator) }
    }

    /// The rates ``rates(_:)`` gives, in its order: stats.proto name and label key, worked out once.
    static let rateKeys: [(name: String, labelKey: String)] = [
        "completionRate", "satisfactionRate", "suggestionAdoptionRate", "suggestionClosingRate", "opinionAdoptionRate",
        "onTimeReplyRate", "keyProposalImplementationRate",
    ].map { (Figures.protoName($0), "rate." + $0) }

    /// The stats.proto-style names of the rates ``rates(_:)`` gives ("completion_rate").
    static let rateNames: Set<String> = Set(Figures.rates.map(Figures.protoName))

    /// The columns of a drill-down table (the figures the city office reports): 活动 by kind and 人次; 提案 立案, 办结率,
    /// 满意率; 社情民意 收到/录用/上报/批示; 建议 采纳率/办结率; 计划 完成/逾期; 委员 低于合格线; 调研视察报告 and those instructed.
    public static let headline: [(key: String, zh: String, en: String)] = [
        ("consultations", "协商", "consult."), ("research_visits", "调研", "research"), ("inspections", "视察", "inspect."),
        ("appraisals", "评议", "apprais."), ("trainings", "培训", "training"), ("welfare_activities", "公益", "welfare"),
        ("activity_participants", "人次", "people"), ("proposals_registered", "立案", "registered"),
        ("proposals_closed_of_registered", "办结", "closed"), ("completion_rate", "办结率", "closed %"),
        ("satisfaction_rate", "满意率", "satisfied %"), ("opinions_received", "信息收到", "reports in"),
        ("opinions_adopted", "录用", "adopted"), ("opinions_forwarded", "上报", "forwarded"), ("opinions_instructed", "批示", "instructed"),
        ("suggestions_made", "建议", "suggest."), ("suggestion_adoption_rate", "采纳率", "adopted %"),
        ("suggestion_closing_rate", "建议办结率", "closed %"), ("plan_items_done", "计划完成", "plan done"),
        ("plan_items_overdue", "逾期", "overdue"), ("members_below_threshold", "低于合格线", "below bar"),
        ("research_reports", "调研报告", "res. rep."), ("inspection_reports", "视察报告", "insp. rep."),
        ("research_reports_instructed", "报告获批示", "rep. instr."),
    ]

    /// A headline cell of a figure map: a counter's value, or a rate as "80.0% (12/15)".
    public static func cell(_ key: String, _ counts: [String: Int64]) -> String {
        // Only a rate's cell needs the rates (a table computed them all for every cell of every body, issue 15).
        if rateNames.contains(key), let r = rates(counts).first(where: { $0.name == key }) { return r.denominator == 0 ? "—" : r.text }
        return String(counts[key] ?? 0)
    }

    /// Labels of record-table columns that `Labels` does not name: key → (中文, English).
    public static let table: [String: (zh: String, en: String)] = [
        // Record columns.
        "id": ("编号", "id"), "title": ("标题", "title"), "kind": ("类型", "kind"), "first_proposer": ("第一提案人", "first proposer"),
        "status": ("状态", "status"), "submitted_on": ("提交日期", "submitted"), "register_number": ("立案号", "register no."),
        "lead_unit": ("主办单位", "lead unit"), "units": ("承办单位", "units"), "due": ("答复期限", "due"), "round": ("办理轮次", "round"),
        "closed_on": ("办结日期", "closed"), "supervisor": ("领衔督办", "supervisor"), "text": ("正文", "text"),
        "origin_body": ("来源组织", "origin body"), "origin_report_id": ("信息编号", "report id"), "author": ("作者", "author"),
        "bulletin_issue": ("期号", "bulletin issue"), "forwarded_to": ("报送至", "forwarded to"), "adopted_by": ("录用单位", "adopted by"),
        "instructions": ("领导批示", "instructions"), "form": ("协商形式", "form"), "date": ("日期", "date"), "topic": ("议题", "topic"),
        "host_bodies": ("主办组织", "hosts"), "participants": ("参加人次", "participants"), "issuer": ("制定组织", "issuer"),
        "plan_id": ("计划编号", "plan"), "item_id": ("事项编号", "item"), "department": ("责任部门", "department"),
        "deadline": ("完成时限", "deadline"), "assignees": ("承办组织", "assignees"), "stage": ("进度", "stage"),
        "overdue_for": ("逾期单位", "overdue for"), "name": ("姓名", "name"), "sector": ("界别", "sector"), "active": ("在任", "active"),
        "duty_total_tenths": ("履职得分×10", "duty score ×10"), "needs_talk": ("需约谈", "talk needed"),
        "resignation_recommended": ("建议劝退", "resignation recommended"), "addressee": ("报送对象", "addressee"),
        "minimums_missed": ("四个一未完成", "minimums missed"), "rank": ("名次", "rank"), "total": ("总分", "total"),
        "award": ("优秀委员", "outstanding member"),
        "activity_id": ("来源活动", "activity"), "members": ("委员", "members"), "made_on": ("提出日期", "made"),
        "adopted_on": ("采纳日期", "adopted"), "closed_on_s": ("办结日期", "closed"), "year": ("年度", "year"),
        "plan_status": ("计划状态", "plan status"), "document": ("文号", "document"), "category": ("类别", "category"),
        "lead_leader": ("牵头领导", "lead leader"), "person": ("责任人", "person"), "parent": ("上级事项", "parent item"),
        "stages": ("各单位进度", "stages"), "depth": ("分解层级", "level"), "sub_issuer": ("分解组织", "decomposed by"),
        "sub_plan_id": ("子计划", "sub-plan"), "sub_item_id": ("子事项", "sub-item"), "assignee": ("承办单位", "assignee"),
        "is_overdue": ("逾期", "overdue"), "origin": ("来源", "origin"), "seq": ("序号", "seq"), "position": ("位置", "position"),
        "reason": ("原因", "reason"), "sectors": ("界别", "sectors"), "target_unit": ("被评议单位", "unit appraised"),
        "result": ("评议结果", "result"),
        "beyond_step": ("环节", "step"), "beyond_to": ("报送/转送对象", "to"), "recorded_by": ("记录组织", "recorded by"),
        "handling_result": ("办理结果", "result"), "handling": ("办理情况", "handling"), "handling_on": ("答复日期", "replied"),
        "waiting_days": ("已等待天数", "days waiting"),
        "body": ("组织", "body"), "station": ("站点", "unit"), "established": ("设立日期", "set up"), "retired_on": ("撤销日期", "retired"),
        "total_activities": ("含下属活动", "with units under it"), "total_participants": ("含下属人次", "participants with units under it"),
        "votes": ("满意/基本满意/不满意", "satisfied/basic/unsatisfied"), "rate": ("满意度", "satisfaction"),
        "threshold_percent": ("要求(%)", "threshold %"), "below_threshold": ("低于要求", "below"), "explanations": ("书面说明", "explanations"),
        // Detail parts of a proposal and a joint draft.
        "cosigners": ("附议委员", "co-signers"), "member": ("委员", "member"), "confirmed": ("已确认", "confirmed"),
        "replies": ("答复", "replies"), "unit": ("承办单位", "unit"), "reply_class": ("答复类别", "reply class"), "on": ("日期", "on"),
        "on_time": ("按期", "on time"), "evaluations": ("满意度测评", "evaluations"), "rating": ("评价", "rating"),
        "sign_offs": ("联署确认", "sign-offs"), "signer": ("联署方", "signer"), "content_hash": ("内容哈希", "content hash"),
        "version": ("版本", "version"), "void": ("已作废", "void"), "submitted_hash": ("提交时内容哈希", "submitted hash"),
        "forwarded_seq": ("上报序号", "forwarded seq"), "co_sponsors": ("联署方", "co-sponsors"), "alliance": ("联席会", "alliance"),
        "host": ("牵头方", "host"), "signed": ("已联署", "signed"),
        // The handling table of the units (承办单位办理情况).
        "assigned": ("交办件数", "assigned"), "replying": ("主办/分办", "lead or split"),
        "replied_on_time": ("按期答复", "on time"), "replied_late": ("逾期答复", "late"), "overdue": ("逾期未答复", "overdue"),
        "on_time_rate": ("按期答复率", "on-time rate"), "satisfied": ("满意", "satisfied"),
        "basically_satisfied": ("基本满意", "basically satisfied"), "unsatisfied": ("不满意", "unsatisfied"),
        "satisfaction_rate": ("满意率", "satisfaction rate"),
        // 批示 and 督办 of a proposal.
        "channel": ("受理渠道", "channel"), "leader": ("批示领导", "leader"), "leader_level": ("领导层级", "leader level"),
        "outcome": ("督办结果", "outcome"), "note": ("督办情况", "note"),
        // 议题征集.
        "topic_id": ("议题编号", "topic"), "source": ("议题来源", "source"), "proposer": ("提出方", "proposed by"),
        "proposed_on": ("提出日期", "proposed"), "decision": ("处理结果", "decision"), "item": ("列入事项", "item"),
        "merged_into": ("并入议题", "merged into"), "not_adopted_reason": ("不予采纳理由", "reason not adopted"),
        "decided_on": ("处理日期", "decided"),
        // 调研视察报告.
        "reported_on": ("报告日期", "reported"), "instructed": ("批示数", "instructions"), "converted": ("成果转化", "turned into"),
        "level": ("领导层级", "level"), "conversion": ("转化形式", "turned into"), "target": ("转化成果", "what"),
        "conversions": ("成果转化情况", "conversions"),
    ]

    /// The label of a reply-class column of the units' table ("class_A" → 答复A类), nil for another key.
    public static func replyClassColumn(_ key: String, zh: Bool) -> String? {
        guard key.hasPrefix("class_") else { return nil }
        let code = key.dropFirst(6)
        return zh ? "答复\(code)类" : "class \(code)"
    }

    /// The label of a key that `Labels` does not know (the key itself when nobody does).
    public static func fallback(_ key: String, zh: Bool) -> String {
        guard let l = table[key] else { return replyClassColumn(key, zh: zh) ?? key }
        return zh ? l.zh : l.en
    }

    /// A figure's label: `figure.<key>` from `Labels` (by label key or stats.proto name, "replies_by_class.A" as
    /// 答复类别分布·A), else the names above.
    public static func figure(_ key: String, zh: Bool) -> String {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let labelKey = Figures.labelKey(ofName: key) ?? key
        if let l = Labels.label("figure." + labelKey) ?? Labels.label("rate." + labelKey) {
            let base = zh ? l.zh : l.en
            return parts.count == 2 ? base + "·" + parts[1] : base
        }
        return fallback(key, zh: zh)
    }

    /// Figure keys in display order: the domain counters first (stats.proto order), then the rest by name.
    public static func ordered(_ keys: some Sequence<String>) -> [String] {
        let domain = Figures.counters.map { Figures.protoName($0.1) }
        let order = Dictionary(domain.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        return Set(keys).sorted { (order[$0] ?? 1000, $0) < (order[$1] ?? 1000, $1) }
    }
}

extension FigureNames {
    /// The rates charted per county and township and by month (report and dashboard): 办结率, 满意率, 建议采纳率,
    /// 社情民意录用率, as (stats.proto name, label).
    public static let chartedRates: [(key: String, label: String)] = [
        ("completion_rate", "办结率"), ("satisfaction_rate", "满意率"), ("suggestion_adoption_rate", "建议采纳率"),
        ("opinion_adoption_rate", "社情民意录用率"),
    ]

    /// A tier's label: 市, 县区, 乡镇, 村（社区）; the tier itself when unknown, 未分级 when empty.
    public static func tierLabel(_ tier: String, zh: Bool) -> String {
        let labels: [String: (zh: String, en: String)] = [
            "city": ("市", "city"), "county": ("县区", "county"), "township": ("乡镇", "township"), "village": ("村（社区）", "village"),
        ]
        guard let l = labels[tier] else { return tier.isEmpty ? (zh ? "未分级" : "no tier") : tier }
        return zh ? l.zh : l.en
    }

    /// A body's approval state 审核 for a period (`StatsResponse` body `approval`): 已审核, 已审核（数字已变）, 已退回, 未审核.
    public static func approvalLabel(_ approval: String, zh: Bool) -> String {
        switch approval {
        case "approved": return zh ? "已审核" : "approved"
        case "superseded": return zh ? "已审核（数字已变）" : "approved, figures changed since"
        case "returned": return zh ? "已退回" : "returned"
        default: return zh ? "未审核" : "not approved"
        }
    }
}
