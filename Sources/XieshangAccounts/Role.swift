/// A user's role at this body (角色), as issue 17 lists them:
/// `office` (办公室: everything at this body, users), `committee` (提案委: proposals), `clerk` (联络组/工委 clerk:
/// activities, suggestions, opinion reports), `unit:<name>` (承办单位: its assigned proposals), `member:<id>` (委员: their
/// own proposals, reports, ratings and duty record), `viewer` (leaders 领导: figures and reports).
public enum Role: Hashable, Sendable, CustomStringConvertible {
    /// 办公室 — the body's office.
    case office
    /// 提案委员会 — the proposals committee.
    case committee
    /// 联络组文书 — the clerk who records activities, suggestions and opinion reports.
    case clerk
    /// 承办单位 — a handling unit, by name.
    case unit(String)
    /// 委员 — a member, by member id.
    case member(String)
    /// 领导（只读）— a leader who reads figures and reports.
    case viewer

    /// Which records of an area a role sees (the web layer filters by it).
    public enum RecordScope: Hashable, Sendable {
        /// Every record of the body.
        case all
        /// Proposals assigned to this handling unit.
        case assignedTo(unit: String)
        /// The member's own proposals, reports, ratings and duty record.
        case ownedBy(member: String)
    }

    /// Parses `office`, `committee`, `clerk`, `unit:<name>`, `member:<id>` or `viewer`. A unit's name may be Chinese;
    /// a name or id is 1–64 characters without control, format (bidi) or separator characters other than a space.
    /// - Throws: ``AccountsError`` `.invalidRole` listing the accepted forms.
    public init(parsing text: String) throws(AccountsError) {
        func bad(_ why: String) -> AccountsError {
            AccountsError(.invalidRole, "role '\(Names.visible(text))' \(why); use office, committee, clerk, unit:<name>, member:<id> or viewer",
                          chinese: "角色“\(Names.visible(text))”无效：应为 office、committee、clerk、unit:<单位名称>、member:<委员编号> 或 viewer")
        }
        switch text {
        case "office": self = .office
        case "committee": self = .committee
        case "clerk": self = .clerk
        case "viewer": self = .viewer
        default:
            if text.hasPrefix("unit:") || text.hasPrefix("member:") {
                let isUnit = text.hasPrefix("unit:")
                let name = String(text.dropFirst(isUnit ? 5 : 7))
                guard Names.isCleanName(name, maxCharacters: 64), name.trimmingSpaces() == name else {
                    throw bad("has an empty, over-long or unprintable name after the colon")
                }
                self = isUnit ? .unit(name) : .member(name)
            } else {
                throw bad("is not known")
            }
        }
    }

    /// The text form stored and shown to IT staff: `office`, `unit:交通局`, `member:M001`.
    public var description: String {
        switch self {
        case .office: return "office"
        case .committee: return "committee"
        case .clerk: return "clerk"
        case .unit(let name): return "unit:" + name
        case .member(let id): return "member:" + id
        case .viewer: return "viewer"
        }
    }

    /// The Chinese label people read.
    public var label: String {
        switch self {
        case .office: return "办公室"
        case .committee: return "提案委员会"
        case .clerk: return "联络组文书"
        case .unit(let name): return "承办单位（\(name)）"
        case .member(let id): return "委员（\(id)）"
        case .viewer: return "领导（只读）"
        }
    }

    /// Which records this role sees in the areas it may view.
    public var recordScope: RecordScope {
        switch self {
        case .office, .committee, .clerk, .viewer: return .all
        case .unit(let name): return .assignedTo(unit: name)
        case .member(let id): return .ownedBy(member: id)
        }
    }

    /// Whether this role may do `action` — the one permission check the web layer calls for every route.
    ///
    /// The table (RoleTests.everyRoleAndActionMatchesTheIssue checks every cell): the office may do everything; the
    /// committee reads figures and reports and handles proposals (and sees members, whom proposals name); a clerk
    /// reads figures and reports and records activities, suggestions and opinion reports, reads plans (what its
    /// activities answer) and reports its body's stage of a plan item; a unit sees and replies to its proposals; a member submits and rates proposals, submits
    /// opinion reports and sees their duty record; a viewer reads figures and reports only. Users, the audit trail and
    /// the IT page are the office's. Every role may change its own password.
    public func may(_ action: WebAction) -> Bool {
        if case .changeOwnPassword = action { return true }
        switch self {
        case .office:
            return true
        case .committee:
            switch action {
            case .viewFigures, .viewReports: return true
            case .viewRecords(let area): return [.proposals, .members, .dutyRecords].contains(area)
            case .proposal(let step): return step == .submit || step == .handle
            default: return false
            }
        case .clerk:
            switch action {
            case .viewFigures, .viewReports: return true
            case .viewRecords(let area): return [.activities, .suggestions, .opinions, .plans].contains(area)
            case .record(let area): return [.activities, .suggestions, .opinions].contains(area)
            case .reportPlanStage: return true
            default: return false
            }
        case .unit:
            switch action {
            case .viewRecords(let area): return area == .proposals
            case .proposal(let step): return step == .reply
            default: return false
            }
        case .member:
            switch action {
            case .viewRecords(let area): return [.proposals, .opinions, .dutyRecords].contains(area)
            case .record(let area): return area == .opinions
            case .proposal(let step): return step == .submit || step == .evaluate
            default: return false
            }
        case .viewer:
            switch action {
            case .viewFigures, .viewReports: return true
            default: return false
            }
        }
    }
}
