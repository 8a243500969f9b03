import XieshangDomain

/// A kind of record the web lists (业务记录类型), described once: its URL segment, Chinese name, the node's admin
/// query that answers it, the columns that make its id, the columns the list shows, the date its period filter reads
/// and the status its status filter reads. ``all`` is what the routes, the navigation and the node iterate over.
public struct RecordKind: Sendable, Hashable {
    /// URL segment: `/records/<key>`.
    public let key: String
    /// Chinese name, e.g. 提案.
    public let title: String
    /// The admin query's record type answering it (`proposals`, `plan_items`, …).
    public let query: String
    /// The columns whose values, joined by `/`, make a record's id.
    public let idColumns: [String]
    /// The columns the list shows, in order.
    public let columns: [String]
    /// The column (YYYY-MM-DD) the period filter reads; nil when the kind has no date.
    public let dateColumn: String?
    /// The column the status filter reads; nil when the kind has no status.
    public let statusColumn: String?
    /// Columns whose values have Chinese labels, with their `Labels` key prefix (`status` → `state.proposal.`).
    public let valueLabels: [String: String]
    /// The admin query answering one record with more than its list row (`proposal`, `draft`); empty when none.
    public let detailQuery: String
    /// The record type listed (``RecordType``): its signed events make a record's history when it is one of the
    /// body's own records (``hasHistory``).
    public let type: RecordType

    /// Whether a record's detail page shows its history: the body's own records, whose signed domain events the node
    /// matches to the record (an alliance draft shows its sign-offs instead).
    public var hasHistory: Bool { type.family == .domain }

    /// Every kind, in the navigation's order: 提案, 社情民意, 履职活动, 意见建议, 调研视察报告, 协商计划, 委员, 联名提案草稿.
    public static let all: [RecordKind] = [
        RecordKind(key: "proposals", title: "提案", query: "proposals", idColumns: ["id"],
                   columns: ["id", "title", "first_proposer", "cosigners", "status", "submitted_on", "lead_unit", "due"],
                   dateColumn: "submitted_on", statusColumn: "status", valueLabels: ["status": "state.proposal."], detailQuery: "proposal", type: .proposal),
        RecordKind(key: "opinions", title: "社情民意信息", query: "opinions", idColumns: ["origin_body", "origin_report_id"],
                   columns: ["origin_report_id", "title", "author", "origin_body", "status", "adopted_by"],
                   dateColumn: nil, statusColumn: "status", valueLabels: ["status": "state.opinion."], detailQuery: "", type: .opinion),
        RecordKind(key: "activities", title: "履职活动", query: "activities", idColumns: ["id"],
                   columns: ["id", "date", "kind", "topic", "participants", "host_bodies", "sectors", "target_unit", "result", "station"],
                   dateColumn: "date", statusColumn: nil, valueLabels: ["kind": "activity.", "form": "form.", "result": "rating."],
                   detailQuery: "", type: .activity),
        RecordKind(key: "suggestions", title: "意见建议", query: "suggestions", idColumns: ["id"],
                   columns: ["id", "text", "addressee", "status", "made_on", "adopted_on"],
                   dateColumn: "made_on", statusColumn: "status", valueLabels: ["status": "state.suggestion."], detailQuery: "", type: .suggestion),
        RecordKind(key: "research", title: "调研视察报告", query: "research", idColumns: ["id"],
                   columns: ["id", "title", "kind", "activity_id", "reported_on", "instructed", "converted"],
                   dateColumn: "reported_on", statusColumn: nil, valueLabels: ["kind": "activity."], detailQuery: "research_report",
                   type: .research),
        RecordKind(key: "plans", title: "协商计划事项", query: "plan_items", idColumns: ["issuer", "plan_id", "item_id"],
                   columns: ["item_id", "topic", "department", "deadline", "stage", "assignees"],
                   dateColumn: "deadline", statusColumn: "stage", valueLabels: ["stage": "stage."], detailQuery: "", type: .plan),
        RecordKind(key: "members", title: "委员", query: "members", idColumns: ["id"],
                   columns: ["id", "name", "sector", "active", "duty_total_tenths", "needs_talk"],
                   dateColumn: nil, statusColumn: nil, valueLabels: [:], detailQuery: "", type: .member),
        RecordKind(key: "drafts", title: "联名提案草稿", query: "drafts", idColumns: ["id"],
                   columns: ["id", "title", "alliance", "host", "status", "signed"],
                   dateColumn: nil, statusColumn: "status", valueLabels: [:], detailQuery: "draft", type: .draft),
    ]

    /// The kind with URL segment `key`.
    public static func named(_ key: String) -> RecordKind? { all.first { $0.key == key } }

    /// A cell as shown: a value with a label in Chinese (调研, 已办结), any other as it is.
    public func display(_ column: String, _ value: String) -> String {
        guard let prefix = valueLabels[column], !value.isEmpty else { return value }
        return Labels.label(prefix + value)?.zh ?? value
    }

    /// The id of `row`: its id columns' values joined by `/`.
    public func id(of row: [String: String]) -> String { idColumns.map { row[$0] ?? "" }.joined(separator: "/") }
}
