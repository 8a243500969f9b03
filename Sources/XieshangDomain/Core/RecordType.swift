import enum XieshangWire.EventKind

/// A type of record a body keeps 业务记录类型, described once: the envelope kinds of its events, which of them a
/// command submits, the family whose projector folds it, its Chinese and English names, the CLI group that records
/// it, and the web list that shows it.
///
/// Everything that iterates over record types reads this description: the kinds the admin Submit accepts
/// (`DomainSubmit`, `AllianceRecorder`), the kinds each projector folds (`DomainProjector`, `AllianceProjector`), the
/// projection tables (`RecordType.tables` in XieshangNode), the admin queries (`QueryCatalog`), the CLI's command
/// list and the web's record lists. Each property is an exhaustive `switch`, so a new case makes the compiler point
/// at every description it needs. Adding a record type, in order: its schema in `Protos/` (the message and its
/// `EventKind`), its rules in `XieshangDomain` (a `DomainEvent` case, decoded in `DomainEvent+Wire.swift`), its case
/// here, its tables and row writer (`RecordTables.swift`, `RecordRows.swift`), its queries (`QueryCatalog`), its
/// CLI group (`Sources/xieshang`) and its labels (`DisplayText`).
public enum RecordType: String, CaseIterable, Sendable, Hashable {
    // The body's own records 业务记录, folded by the domain projector.
    case member, policy, proposal, opinion, activity, suggestion, plan, duty, station, research
    // The alliance's records 片区协作记录, folded by the alliance projector.
    case charter, jointActivity = "joint_activity", draft, jointProposal = "joint_proposal"

    /// The projector family that folds a record type's events.
    public enum Family: String, Sendable, Hashable {
        /// ``DomainEvent``s, checked by ``DomainState`` (the domain projector).
        case domain
        /// The alliance's charters, joint activities, drafts and joint proposals (``AllianceLedger``).
        case alliance
    }

    /// The family whose projector folds this record type.
    public var family: Family {
        switch self {
        case .member, .policy, .proposal, .opinion, .activity, .suggestion, .plan, .duty, .station, .research: .domain
        case .charter, .jointActivity, .draft, .jointProposal: .alliance
        }
    }

    /// The envelope kinds of its events.
    public var eventKinds: [EventKind] {
        switch self {
        case .member: [.memberRecorded]
        case .policy: [.policySet]
        case .proposal: [.proposal]
        case .opinion: [.opinion]
        case .activity: [.activity]
        case .suggestion: [.suggestion]
        case .plan: [.plan]
        case .duty: [.duty]
        case .station: [.station]
        case .research: [.research]
        case .charter: [.allianceCharter]
        case .jointActivity: [.jointActivity]
        case .draft: [.draft, .draftSignOff]
        // Originated by the host when every co-sponsor signed, never submitted.
        case .jointProposal: [.jointProposal]
        }
    }

    /// The kinds an admin Submit (or a web form) may carry as a command: every kind but the joint proposal, which
    /// the host node originates itself.
    public var submittedKinds: [EventKind] {
        switch self {
        case .jointProposal: []
        default: eventKinds
        }
    }

    /// Its name in Chinese, as people read it.
    public var zh: String {
        switch self {
        case .member: "委员"
        case .policy: "规则设置"
        case .proposal: "提案"
        case .opinion: "社情民意信息"
        case .activity: "履职活动"
        case .suggestion: "意见建议"
        case .plan: "协商计划"
        case .duty: "出席与履职记录"
        case .station: "基层协商平台"
        case .research: "调研视察报告"
        case .charter: "片区章程"
        case .jointActivity: "联席会议与联合调研"
        case .draft: "联名提案草稿"
        case .jointProposal: "联名提案"
        }
    }

    /// Its name in English.
    public var en: String {
        switch self {
        case .member: "members"
        case .policy: "policy"
        case .proposal: "proposals"
        case .opinion: "opinion reports"
        case .activity: "activities"
        case .suggestion: "suggestions"
        case .plan: "consultation plans"
        case .duty: "attendance and duty records"
        case .station: "sub-body units"
        case .research: "research and inspection reports"
        case .charter: "alliance charters"
        case .jointActivity: "joint meetings and joint research"
        case .draft: "joint drafts"
        case .jointProposal: "joint proposals"
        }
    }

    /// The `xieshang` command groups that record it (attendance is `member attendance`; a joint proposal is made
    /// by signing its draft, so it has none of its own).
    public var commandGroups: [String] {
        switch self {
        case .member, .duty: ["member"]
        case .policy: ["policy"]
        case .proposal: ["proposal"]
        case .opinion: ["opinion"]
        case .activity: ["activity"]
        case .suggestion: ["suggestion"]
        case .plan: ["plan"]
        case .station: ["station"]
        case .research: ["research"]
        case .charter: ["charter"]
        case .jointActivity: ["meeting", "research"]
        case .draft, .jointProposal: ["draft"]
        }
    }

    /// The record type whose events have envelope kind `kind`; nil for a kind that is no record's (figures,
    /// rosters, approvals, keys …).
    public init?(kind: EventKind) {
        guard let type = Self.allCases.first(where: { $0.eventKinds.contains(kind) }) else { return nil }
        self = type
    }

    /// The record types of `family`.
    public static func of(_ family: Family) -> [RecordType] { allCases.filter { $0.family == family } }

    /// The envelope kinds of every record type of `family`.
    public static func eventKinds(of family: Family) -> Set<EventKind> { Set(of(family).flatMap(\.eventKinds)) }

    /// The kinds a command of `family` may submit.
    public static func submittedKinds(of family: Family) -> Set<EventKind> { Set(of(family).flatMap(\.submittedKinds)) }
}

extension DomainEvent {
    /// The record type this event belongs to.
    public var recordType: RecordType {
        switch self {
        case .member: .member
        case .policy: .policy
        case .proposal: .proposal
        case .opinion: .opinion
        case .activity: .activity
        case .suggestion: .suggestion
        case .plan: .plan
        case .duty: .duty
        case .station: .station
        case .research: .research
        }
    }
}
