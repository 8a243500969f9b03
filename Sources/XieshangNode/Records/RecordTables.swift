import XieshangDomain
import XieshangStore

/// The projection tables of each record type, with named columns 记录类型的投影表.
///
/// Chinese text is stored as TEXT as recorded; days as the domain's `YYYY-MM-DD`; lists of ids joined with `,`;
/// booleans as 0/1. Child rows (co-signers, replies, evaluations, adoptions, instructions, progress, sign-offs) carry
/// an `ordinal`, their index in the record, so a rebuild writes exactly the same rows. The domain projector's schema
/// is the tables of every domain record type plus ``RecordTables/domainOwn``; the alliance projector's likewise.
enum RecordTables {
    // MARK: Proposals 提案
    static let proposals = TableSpec("proposals", key: ["id"], [
        .text("id"), .text("title"), .text("text"), .text("kind"), .text("first_proposer"), .text("collective_name"),
        .text("from_body"), .text("submitted_on"), .text("cosign_deadline", null: true), .text("status"),
        .text("decided_on", null: true), .text("review", null: true), .text("register_number", null: true),
        .text("not_registered_reason", null: true), .text("merged_into", null: true), .text("merged_from"),
        .text("assignment_mode", null: true), .text("lead_unit", null: true), .text("units"),
        .text("first_assigned_on", null: true), .text("round_started_on", null: true), .text("due", null: true),
        .int("round"), .text("objections"), .text("replied_on", null: true), .text("closed_on", null: true),
        .text("supervisor", null: true), .text("key_on", null: true),
    ], indexes: [("proposals_status", ["status", "due"])])
    static let proposalCosigners = TableSpec("proposal_cosigners", key: ["proposal_id", "ordinal"], [
        .text("proposal_id"), .int("ordinal"), .text("member"), .int("confirmed"),
    ])
    static let proposalReplies = TableSpec("proposal_replies", key: ["proposal_id", "ordinal"], [
        .text("proposal_id"), .int("ordinal"), .int("round"), .text("unit"), .text("reply_class"), .text("text"),
        .text("on_day"), .text("due"), .int("on_time"),
    ])
    static let proposalEvaluations = TableSpec("proposal_evaluations", key: ["proposal_id", "ordinal"], [
        .text("proposal_id"), .int("ordinal"), .int("round"), .text("member"), .text("rating"), .text("on_day"),
    ])

    // MARK: Opinion reports 社情民意
    static let opinions = TableSpec("opinions", key: ["origin_body", "origin_report_id"], [
        .text("origin_body"), .text("origin_report_id"), .text("author"), .text("author_kind"), .text("title"), .text("text"),
        .text("received_on"), .text("received_from", null: true), .text("converted_from_proposal", null: true), .text("status"),
        .text("bulletin_issue", null: true), .text("decided_on", null: true), .text("forwarded_to", null: true),
        .text("forwarded_on", null: true),
    ])
    static let opinionAdoptions = TableSpec("opinion_adoptions", key: ["origin_body", "origin_report_id", "ordinal"], [
        .text("origin_body"), .text("origin_report_id"), .int("ordinal"), .text("body"), .text("tier"), .text("bulletin_issue"),
        .text("on_day"),
    ])
    static let opinionInstructions = TableSpec("opinion_instructions", key: ["origin_body", "origin_report_id", "ordinal"], [
        .text("origin_body"), .text("origin_report_id"), .int("ordinal"), .text("leader_level"), .text("leader"), .text("date"),
        .text("text"), .text("recorded_by"),
    ])

    // MARK: Activities 履职活动 and suggestions 意见建议
    static let activities = TableSpec("activities", key: ["id"], [
        .text("id"), .text("kind"), .text("form", null: true), .text("form_other"), .text("date"), .text("topic"),
        .text("host_bodies"), .int("participants"), .text("members"), .text("suggestion_ids"), .text("report_ids"),
        .text("plan_item"), .text("sectors"), .text("target_unit", null: true), .text("result", null: true), .text("station"),
    ], indexes: [("activities_date", ["date"])])
    static let suggestions = TableSpec("suggestions", key: ["id"], [
        .text("id"), .text("text"), .text("addressee"), .text("activity_id"), .text("members"), .text("status"), .text("made_on"),
        .text("adopted_on", null: true), .text("adopted_by", null: true), .text("closed_on", null: true),
    ])

    // MARK: Consultation plans 协商计划
    static let plans = TableSpec("plans", key: ["issuer", "plan_id"], [
        .text("issuer"), .text("plan_id"), .int("year"), .text("title"), .text("status"), .text("solicit_deadline", null: true),
        .text("document", null: true), .text("issued_on", null: true), .int("topics"),
    ])
    static let planItems = TableSpec("plan_items", key: ["issuer", "plan_id", "item_id"], [
        .text("issuer"), .text("plan_id"), .text("item_id"), .int("ordinal"), .text("category"), .text("topic"), .text("form"),
        .text("lead_leader"), .text("department"), .text("person"), .text("deadline"), .text("assignees"),
        .text("parent_issuer", null: true), .text("parent_plan_id", null: true), .text("parent_item_id", null: true),
    ], indexes: [("plan_items_deadline", ["deadline"])])
    static let planProgress = TableSpec("plan_progress", key: ["issuer", "plan_id", "item_id", "ordinal"], [
        .text("issuer"), .text("plan_id"), .text("item_id"), .int("ordinal"), .text("body"), .text("stage"), .int("stage_rank"),
        .text("on_day"), .text("note"),
    ])

    // MARK: Members 委员, duty records 出席与履职记录, policy versions 规则设置
    static let members = TableSpec("members", key: ["id"], [
        .text("id"), .text("name"), .text("sector"), .text("body"), .int("term"), .text("roles"), .int("active"), .int("invited"),
        .text("joined"), .text("left_on", null: true),
    ])
    static let dutyRecords = TableSpec("duty_records", key: ["ordinal"], [
        .int("ordinal"), .text("member_id"), .text("on_day"), .text("record"), .text("meeting_id", null: true),
        .text("attendance", null: true), .text("category", null: true), .int("tenths", null: true), .text("reason", null: true),
    ])
    static let policyVersions = TableSpec("policy_versions", key: ["version"], [
        .int("version"), .text("effective"), .int("reply_months"), .int("max_extension_months"), .int("objection_window_days"),
        .int("cosign_window_days"), .int("evaluation_window_days"), .text("reply_classes"), .text("satisfaction_formula"),
        .int("appraisal_threshold_percent"), .int("opinion_max_chars"), .int("registers_proposals"),
    ])

    // MARK: The domain projector's own: problems and cursor
    static let projectionProblems = TableSpec("projection_problems", key: ["origin", "seq"], [
        .text("origin"), .int("seq"), .int("position"), .int("kind"), .text("reason"),
    ])
    static let recordsCursor = TableSpec("records_cursor", key: ["id"], [.int("id"), .int("applied_through")], keyCheck: "id = 1")
    /// Tables of the domain projector that belong to no record type.
    static let domainOwn = [projectionProblems, recordsCursor]

    // MARK: Alliance 片区协作
    static let allianceCharters = TableSpec("alliance_charters", key: ["alliance", "version"], [
        .text("alliance"), .int("version"), .text("name"), .text("members"), .text("effective"), .text("text"),
    ])
    static let allianceActivities = TableSpec("alliance_activities", key: ["alliance", "id"], [
        .text("alliance"), .text("id"), .text("kind"), .text("date"), .text("end_date"), .text("hosts"), .text("attendees"),
        .text("topic"), .text("agenda"), .text("minutes"), .text("next_host"), .text("findings"), .int("participants"),
    ])
    static let allianceDrafts = TableSpec("alliance_drafts", key: ["id"], [
        .text("id"), .text("alliance"), .text("host"), .text("title"), .text("co_sponsors"), .text("text"), .text("content_hash"),
        .text("version"), .text("status"), .text("submitted_hash", null: true), .text("submitted_text", null: true),
        .int("forwarded_seq", null: true),
    ])
    static let allianceSignOffs = TableSpec("alliance_sign_offs", key: ["draft_id", "ordinal"], [
        .text("draft_id"), .int("ordinal"), .text("signer"), .text("content_hash"), .text("version"), .int("void"),
    ])
    static let jointProposals = TableSpec("joint_proposals", key: ["origin", "draft_id"], [
        .text("origin"), .text("draft_id"), .text("alliance"), .text("host"), .text("title"), .text("co_sponsors"), .text("text"),
        .text("content_hash"), .text("signers"),
    ])
    static let allianceProblems = TableSpec("alliance_problems", key: ["origin", "seq"], [
        .text("origin"), .int("seq"), .int("position"), .int("kind"), .text("reason"),
    ])
    static let allianceCursor = TableSpec("alliance_cursor", key: ["id"], [.int("id"), .int("applied_through")], keyCheck: "id = 1")
    /// Tables of the alliance projector that belong to no record type.
    static let allianceOwn = [allianceProblems, allianceCursor]

    /// The problems table of the projector of `family`: events it could not use, with the reason.
    static func problems(of family: RecordType.Family) -> TableSpec {
        switch family {
        case .domain: projectionProblems
        case .alliance: allianceProblems
        }
    }

    /// The cursor table of the projector of `family`: the log position its tables are applied through.
    static func cursor(of family: RecordType.Family) -> TableSpec {
        switch family {
        case .domain: recordsCursor
        case .alliance: allianceCursor
        }
    }

    /// The tables of the projector of `family`, in creation order: its record types' tables, then its own.
    static func tables(of family: RecordType.Family) -> [TableSpec] {
        RecordType.of(family).flatMap(\.tables) + (family == .domain ? domainOwn : allianceOwn)
    }

    /// The schema of the projector of `family`: every table's `CREATE` statements.
    static func sql(of family: RecordType.Family) -> String { tables(of: family).map(\.sql).joined() }
}

extension RecordType {
    /// The projection tables this record type's rows live in (none: its queries read the folded state).
    var tables: [TableSpec] {
        switch self {
        case .proposal: [RecordTables.proposals, RecordTables.proposalCosigners, RecordTables.proposalReplies, RecordTables.proposalEvaluations]
        case .opinion: [RecordTables.opinions, RecordTables.opinionAdoptions, RecordTables.opinionInstructions]
        case .activity: [RecordTables.activities]
        case .suggestion: [RecordTables.suggestions]
        case .plan: [RecordTables.plans, RecordTables.planItems, RecordTables.planProgress]
        case .member: [RecordTables.members]
        case .duty: [RecordTables.dutyRecords]
        case .policy: [RecordTables.policyVersions]
        // Sub-body units and research reports are answered from the folded state (their queries read DomainState).
        case .station, .research: []
        case .charter: [RecordTables.allianceCharters]
        case .jointActivity: [RecordTables.allianceActivities]
        case .draft: [RecordTables.allianceDrafts, RecordTables.allianceSignOffs]
        case .jointProposal: [RecordTables.jointProposals]
        }
    }
}
