/// An area of records the web shows and edits (业务记录): what a role may see or change is decided per area.
public enum RecordArea: String, CaseIterable, Hashable, Sendable {
    /// 提案 — proposals.
    case proposals
    /// 社情民意信息 — public-opinion reports.
    case opinions
    /// 履职活动 — activities.
    case activities
    /// 意见建议 — suggestions produced by activities.
    case suggestions
    /// 协商计划 — consultation plans and their items.
    case plans
    /// 委员 — members.
    case members
    /// 委员履职档案 — members' duty records.
    case dutyRecords
    /// 联名提案草稿 — joint drafts of an alliance.
    case jointDrafts
    /// 调研视察报告 — research and inspection reports, their instructions 批示 and conversions 成果转化.
    case research
}

/// A step of a proposal's handling, where roles differ most: members submit and rate, handling units reply, the
/// proposals committee and the office review, assign, extend, return and close.
public enum ProposalStep: String, CaseIterable, Hashable, Sendable {
    /// 提交 — submit (a member, or the office for a member).
    case submit
    /// 审查立案、交办、延期、退回重办、办结 — the office's and committee's handling.
    case handle
    /// 答复 — a handling unit's reply.
    case reply
    /// 满意度测评 — a member's rating of the reply.
    case evaluate
}

/// Something a signed-in user asks the web to do; ``Role/may(_:)`` answers whether their role allows it.
///
/// Record-level limits (a unit sees only proposals assigned to it, a member only their own) are not part of the action:
/// ``Role/recordScope`` tells the web layer which records to show.
public enum WebAction: Hashable, Sendable {
    /// The dashboard: this body's and its subtree's figures 数据看板.
    case viewFigures
    /// Printable reports 报告.
    case viewReports
    /// Lists and detail pages of an area.
    case viewRecords(RecordArea)
    /// Recording in an area (forms): activities, suggestions, opinion reports, plans, members, joint drafts.
    case record(RecordArea)
    /// A step of a proposal's handling.
    case proposal(ProposalStep)
    /// 进度上报 — reporting this body's stage of a plan item it was assigned (the office, and a township's clerk).
    case reportPlanStage
    /// 社情民意编辑 — the editing desk of opinion reports: adopt, archive, forward, 直通车, leaders' instructions.
    case editOpinions
    /// 规则设置 — recording the body's next policy version (reply deadlines, reply classes, duty scoring …).
    case setPolicy
    /// Accounts: add, disable, reset passwords 用户管理.
    case manageUsers
    /// The audit trail 审计记录 and its CSV export.
    case viewAudit
    /// The IT page: links, lag, alerts, version 运维.
    case viewSystem
    /// Changing one's own password (every role, and the only action of a session that must change it first).
    case changeOwnPassword

    /// Every action, for tables of role × action.
    public static var all: [WebAction] {
        [.viewFigures, .viewReports] + RecordArea.allCases.map(WebAction.viewRecords) + RecordArea.allCases.map(WebAction.record)
            + ProposalStep.allCases.map(WebAction.proposal) + [.reportPlanStage, .editOpinions, .setPolicy, .manageUsers, .viewAudit, .viewSystem, .changeOwnPassword]
    }
}
