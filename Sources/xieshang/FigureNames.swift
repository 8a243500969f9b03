import XieshangDomain

/// Labels of the figure keys a rollup carries that `Labels` (XieshangDomain) does not name: the federation counts
/// each body's events per kind (活动记录, 提案办理记录 …) until the rollups carry the domain figures, and
/// record-table columns. Keys with a `Labels` entry (`figure.…`, `state.…`) are looked up there first.
enum FigureNames {
    static let table: [String: (zh: String, en: String)] = [
        // Rollup figures: events per kind.
        "activity": ("履职活动（场）", "activities"), "activity_participants": ("活动参加人次", "activity participants"),
        "proposal": ("提案办理记录", "proposal steps"), "opinion": ("社情民意记录", "opinion report steps"),
        "suggestion": ("意见建议记录", "suggestion steps"), "plan": ("协商计划记录", "plan steps"),
        "member_recorded": ("委员登记记录", "member records"), "duty": ("履职考核记录", "duty records"),
        "policy_set": ("规则设置", "policy versions"), "note": ("备注事件", "notes"), "note_amount": ("备注数量合计", "note amounts"),
        "draft": ("联名提案草稿操作", "joint draft operations"), "draft_sign_off": ("联名提案签署", "draft sign-offs"),
        "joint_activity": ("联合活动", "joint activities"), "alliance_charter": ("联席会章程", "alliance charters"),
        "escalation": ("上报转发", "escalations"),
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
        "activity_id": ("来源活动", "activity"), "members": ("委员", "members"), "made_on": ("提出日期", "made"),
        "adopted_on": ("采纳日期", "adopted"), "closed_on_s": ("办结日期", "closed"), "year": ("年度", "year"),
        "plan_status": ("计划状态", "plan status"), "document": ("文号", "document"), "category": ("类别", "category"),
        "lead_leader": ("牵头领导", "lead leader"), "person": ("责任人", "person"), "parent": ("上级事项", "parent item"),
        "stages": ("各单位进度", "stages"), "origin": ("来源", "origin"), "seq": ("序号", "seq"), "position": ("位置", "position"),
        "reason": ("原因", "reason"),
    ]

    /// The label of a key that `Labels` does not know (the key itself when nobody does).
    static func fallback(_ key: String, _ language: Invocation.Language) -> String {
        guard let l = table[key] else { return key }
        return language == .zh ? l.zh : l.en
    }

    /// A figure's label: `figure.<key>` from `Labels`, else the rollup names above.
    static func figure(_ key: String, _ language: Invocation.Language) -> String {
        if let l = Labels.label("figure." + key) ?? Labels.label("rate." + key) { return language == .zh ? l.zh : l.en }
        return fallback(key, language)
    }

    /// Figure keys in display order: the domain counters first (stats.proto order), then the rest by name.
    static func ordered(_ keys: some Sequence<String>) -> [String] {
        let domain = Figures.counters.map(\.1)
        let rollup = ["activity", "activity_participants", "proposal", "opinion", "suggestion", "plan", "member_recorded", "duty",
                      "draft", "draft_sign_off", "joint_activity", "note", "note_amount"]
        let order = Dictionary(uniqueKeysWithValues: (domain + rollup).enumerated().map { ($1, $0) })
        return Set(keys).sorted { (order[$0] ?? 1000, $0) < (order[$1] ?? 1000, $1) }
    }
}
