import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// A filter an admin query accepts: its name in `QueryRequest.filter` and what it means.
public struct QueryFilter: Sendable, Hashable {
    public let name: String
    public let meaning: String

    init(_ name: String, _ meaning: String) {
        self.name = name
        self.meaning = meaning
    }

    static let period = QueryFilter("period", "a year, quarter or month like 2026, 2026-Q2 or 2026-11 (default this year)")
    static let asOf = QueryFilter("as_of", "the day YYYY-MM-DD it is answered for (default today in China Standard Time)")
    static let year = QueryFilter("year", "a year like 2026 (default this year)")
    static let plan = QueryFilter("plan", "one plan's id")
    static let alliance = QueryFilter("alliance", "one alliance's id")
    static let body = QueryFilter("body", "one body's node id")
}

/// The rows an answer function builds, before ``QueryCatalog`` checks them against the query's columns.
struct QueryRows {
    var rows: [[String: Any]]
    /// The query's columns that depend on the data (``QuerySpec/varying``), in order; empty for a query without.
    var varying: [String] = []

    init(_ rows: [[String: Any]], varying: [String] = []) {
        self.rows = rows
        self.varying = varying
    }
}

/// One admin query 查询类型, described once: its name, the record type it reads (nil for the node's own system
/// queries), what it answers, the filters it accepts, the columns of every row it answers and the function that
/// answers it. ``QueryCatalog`` is the only dispatcher.
public struct QuerySpec: Sendable {
    public let name: String
    /// The record type whose records it reads; nil for the node's own queries (events, alerts, figures, bodies …).
    public let recordType: RecordType?
    /// One line.
    public let summary: String
    public let filters: [QueryFilter]
    /// The columns of each row, in order: a row carries exactly these (and the varying ones), no more, no fewer.
    public let columns: [String]
    /// What the columns that depend on the data are (one per reply class …), when the query has any.
    public let varying: String?
    /// The columns of its record type's CSV file (`xieshang export`, one file per query that has them, named after
    /// it); nil when the query is not exported.
    public let export: [String]?
    let answer: @Sendable (NodeRuntime, QueryRequest) -> Result<QueryRows, TransportError>

    init(_ name: String, _ recordType: RecordType?, _ summary: String, filters: [QueryFilter] = [], columns: [String],
         varying: String? = nil, export: [String]? = nil, answer: @escaping @Sendable (NodeRuntime, QueryRequest) -> Result<QueryRows, TransportError>) {
        self.name = name
        self.recordType = recordType
        self.summary = summary
        self.filters = filters
        self.columns = columns
        self.varying = varying
        self.export = export
        self.answer = answer
    }
}

/// Every admin query the node answers (``QuerySpec``): the admin Query, the web's lists and `xieshang query --help`
/// read it here. A request naming no query, or a filter its query does not take, is INVALID_ARGUMENT; every row
/// answered is checked against the query's columns (a row missing one or carrying another is an internal error, never
/// sent).
public enum QueryCatalog {
    public static let entries: [QuerySpec] = system + records + state + alliance

    static let byName: [String: QuerySpec] = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The query named `name`.
    public static func entry(_ name: String) -> QuerySpec? { byName[name] }

    /// The node's own queries: its log, its alerts, its figures and bodies.
    static let system: [QuerySpec] = [
        QuerySpec("events", nil, "the events stored, by origin and sequence, with who made each at its origin",
                  filters: [QueryFilter("origin", "one origin's events")], columns: ["origin", "seq", "hash", "kind", "scope", "actor"],
                  answer: { r, q in SystemQueries.events(r, q) }),
        QuerySpec("origins", nil, "per origin: how many events are stored and their first and last sequence",
                  columns: ["origin", "count", "min_seq", "max_seq"], answer: { r, _ in SystemQueries.origins(r) }),
        QuerySpec("alerts", nil, "the node's standing alerts", columns: ["time_ms", "subject", "code", "message"],
                  answer: { r, _ in .success(QueryRows(r.alerts.map { ["time_ms": $0.timeMs, "subject": $0.subject, "code": $0.code, "message": $0.message] })) }),
        QuerySpec("problems", nil, "the events the records projection could not fold, with the reason",
                  columns: ["origin", "seq", "position", "kind", "reason"], answer: { r, q in RecordListQueries.problems(r, q) }),
        QuerySpec("figures", nil, "the body's own figures 统计数字 for a period, with its rates", filters: [.period],
                  columns: ["period", "body"] + Figures.counters.map(\.1)
                      + ["repliesByClass", "opinionsAdoptedHigher", "consultationsByForm", "proposalsByChannel", "opinionsByChannel"]
                      + DomainSubmit.rateKeys,
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.figures(r, q, s) } }),
        QuerySpec("bodies", nil, "this body and every body of its subtree it knows, with name, tier and parent",
                  columns: ["node_id", "name", "tier", "parent"], answer: { r, _ in DomainSubmit.bodies(r) }),
        QuerySpec(FigureRecords.recordType, nil, "the signed events behind one figure of a body for a period 下钻到原始记录",
                  filters: [.body, QueryFilter("period", "a period like 2026 or 2026-Q3"),
                            QueryFilter("figure", "a stats.proto counter name, e.g. research_visits or replies_by_class.A")],
                  columns: FigureRecords.columns, answer: { r, q in FigureRecords.query(r, q) }),
        QuerySpec(FigureRecords.recomputedType, nil, "a descendant's own figures as this node recomputes them, counter → value",
                  filters: [QueryFilter("body", "a descendant body's node id"), QueryFilter("period", "a period like 2026-Q3")],
                  columns: [], varying: "one per counter compared", answer: { r, q in FigureRecords.recomputed(r, q) }),
    ]

    /// The record lists of the records projection 业务记录 (``RecordQueries``).
    static let records: [QuerySpec] = [
        QuerySpec("proposals", .proposal, "every proposal 提案 with its status, units, deadline and co-signers",
                  columns: RecordListQueries.proposalColumns, export: ["id", "title", "kind", "first_proposer", "status", "submitted_on", "register_number", "lead_unit", "units", "due", "round", "closed_on", "supervisor"],
                  answer: { r, q in RecordListQueries.proposals(r, q) }),
        QuerySpec("opinions", .opinion, "every opinion report 社情民意信息 with its status, bulletin, forwarding and adoptions",
                  columns: RecordListQueries.opinionColumns, export: ["origin_body", "origin_report_id", "author", "title", "status", "bulletin_issue", "forwarded_to", "adopted_by", "instructions"],
                  answer: { r, q in RecordListQueries.opinions(r, q) }),
        QuerySpec("activities", .activity, "every activity 履职活动 with its form, day, hosts, 人次, sectors and unit",
                  columns: RecordListQueries.activityColumns, export: ["id", "kind", "form", "date", "topic", "host_bodies", "participants", "sectors", "target_unit", "result", "station"],
                  answer: { r, q in RecordListQueries.activities(r, q) }),
        QuerySpec("plan_items", .plan, "every item of the consultation plans with its stage and who is overdue", filters: [.asOf],
                  columns: ["issuer", "plan_id", "item_id", "topic", "department", "deadline", "assignees", "stage", "overdue_for"],
                  export: ["issuer", "plan_id", "item_id", "topic", "department", "deadline", "assignees", "stage", "overdue_for"],
                  answer: { r, q in RecordListQueries.planItems(r, q) }),
        QuerySpec("members", .member, "every member 委员 with the year's duty total and the minimums missed",
                  filters: [.year, QueryFilter("as_of", "the day YYYY-MM-DD the year's duty is counted up to (default today)")],
                  columns: ["id", "name", "sector", "active", "duty_total_tenths", "minimums_missed", "needs_talk", "resignation_recommended"],
                  export: ["id", "name", "sector", "active", "duty_total_tenths", "needs_talk", "resignation_recommended"],
                  answer: { r, q in RecordListQueries.members(r, q) }),
    ]

    /// The queries answered from the body's ``DomainState``.
    static let state: [QuerySpec] = [
        QuerySpec("proposal", .proposal, "one proposal with its text, co-signers, replies, evaluations, appraisals and instructions",
                  filters: [QueryFilter("id", "the proposal's id (or QueryRequest.id)")],
                  columns: RecordListQueries.proposalColumns + ["text", "replies", "evaluations", "appraisals", "explanations", "channel",
                                                                "instructions", "supervisions"],
                  answer: { r, q in DomainSubmit.withState(r, q) { db, s in try DomainSubmit.proposal(r, q, db, s) } }),
        QuerySpec("appraisals", .proposal, "the proposals rated at a quarter's appraisal 逐个提案测评, with votes, rate and explanations",
                  filters: [QueryFilter("quarter", "a quarter like 2026-Q2"), QueryFilter("below", "true: only those below the threshold")],
                  columns: ["id", "title", "units", "quarter", "on", "satisfied", "basically_satisfied", "unsatisfied", "rate",
                            "rate_numerator", "rate_denominator", "threshold_percent", "below_threshold", "explanations"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.appraisals(q, s) } }),
        QuerySpec("units", .proposal, "the handling table of the units 承办单位办理情况 for a period, with the replies overdue",
                  filters: [.period, QueryFilter("as_of", "the day YYYY-MM-DD replies are overdue on (default today, never after the period)")],
                  columns: ["unit", "assigned", "replying", "replied_on_time", "replied_late", "overdue", "on_time_rate",
                            "satisfied", "basically_satisfied", "unsatisfied", "satisfaction_rate", "period", "as_of"],
                  varying: "class_<code>: replies of each reply class", answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.units(r, q, s) } }),
        QuerySpec("suggestions", .suggestion, "every suggestion 意见建议 with its addressee, status and adoption",
                  columns: ["id", "text", "addressee", "activity_id", "members", "status", "made_on", "adopted_on", "adopted_by", "closed_on"],
                  export: ["id", "text", "addressee", "activity_id", "members", "status", "made_on", "adopted_on", "adopted_by", "closed_on"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in .success(DomainSubmit.suggestions(s)) } }),
        QuerySpec("plans", .plan, "every item of the plans with all its columns (plan export, `plan show`)", filters: [.plan],
                  columns: ["issuer", "plan_id", "year", "title", "plan_status", "document", "item_id", "category", "topic", "form",
                            "lead_leader", "department", "person", "deadline", "assignees", "parent", "stages"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in .success(DomainSubmit.plans(q, s)) } }),
        QuerySpec("plan_tree", .plan, "every item followed down the tree 逐级分解进度: one row per assignee, with stage and overdue flag",
                  filters: [.plan, .asOf],
                  columns: ["issuer", "plan_id", "item_id", "topic", "depth", "sub_issuer", "sub_plan_id", "sub_item_id", "deadline", "assignee",
                            "stage", "is_overdue", "as_of"],
                  answer: { r, q in DomainSubmit.withState(r, q) { db, s in
                      DomainSubmit.planTree(r, q, s, below: DomainSubmit.plansBelow(try r.records.descendantStates(in: db)))
                  } }),
        QuerySpec("topics", .plan, "the topics 征集议题 of the plans, with source, proposer and what became of each", filters: [.plan],
                  columns: ["issuer", "plan_id", "topic_id", "source", "proposer", "topic", "reason", "proposed_on", "decision", "item",
                            "merged_into", "not_adopted_reason", "decided_on"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in .success(DomainSubmit.topics(q, s)) } }),
        QuerySpec("duty", .duty, "one member's duty record 履职档案 for a year: every entry, the points per category, the total",
                  filters: [QueryFilter("member", "the member's id (or QueryRequest.id)"), .year],
                  columns: ["member", "name", "body", "year", "total_tenths", "categories", "proposal_count", "opinion_count", "minimums_missed",
                            "needs_talk", "minimums", "training_count", "resignation_recommended", "entries"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.duty(r, q, s) } }),
        QuerySpec("duty_ranking", .duty, "the members ranked by their duty total for a year, with the award rule applied", filters: [.year],
                  columns: ["rank", "member", "name", "sector", "total_tenths", "minimums_missed", "needs_talk", "resignation_recommended",
                            "award", "not_awarded", "minimums", "members", "places", "award_min_tenths", "award_top_percent", "year"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.dutyRanking(r, q, s) } }),
        QuerySpec("policy", .policy, "the policy the body's records apply now, every setting, and the versions recorded",
                  columns: DomainSubmit.policyColumns, answer: { r, q in DomainSubmit.withState(r, q) { _, s in .success(QueryRows([DomainSubmit.policy(s)])) } }),
        QuerySpec("sector_figures", .activity, "activities and 人次 per 界别 for a period, this body's own and its subtree's", filters: [.period],
                  columns: ["sector", "activities", "participants", "subtree_activities", "subtree_participants"],
                  answer: { r, q in DomainSubmit.withState(r, q) { db, s in DomainSubmit.sectorFigures(r, q, s, below: try r.records.descendantStates(in: db)) } }),
        QuerySpec("activity_appraisals", .activity, "the democratic appraisals 民主评议 of a period with unit appraised and result",
                  filters: [.period, QueryFilter("unit", "one unit appraised")],
                  columns: ["target_unit", "date", "id", "topic", "result", "participants"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.activityAppraisals(r, q, s) } }),
        QuerySpec("opinion_beyond", .opinion, "the steps of the reports beyond the federation 联邦之外的流转: sent up, adopted, sent to departments",
                  filters: [QueryFilter("awaiting", "true: only the departments' replies still awaited, longest first"), .asOf],
                  columns: DomainSubmit.opinionBeyondColumns,
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.opinionBeyond(r, q, s) } }),
        QuerySpec("stations", .station, "the sub-body units 基层协商平台 registered, retired ones too, in tree order", filters: [.body],
                  columns: ["body", "id", "name", "kind", "parent", "depth", "established", "retired_on"],
                  export: ["body", "id", "name", "kind", "parent", "established", "retired_on"],
                  answer: { r, q in DomainSubmit.withState(r, q) { db, s in DomainSubmit.stations(r, q, s, below: try r.records.descendantStates(in: db)) } }),
        QuerySpec("station_figures", .station, "activities and 人次 of a period at the body and at each unit", filters: [.period, .body],
                  columns: ["body", "station", "name", "kind", "parent", "depth", "retired_on", "activities", "participants",
                            "total_activities", "total_participants"],
                  answer: { r, q in DomainSubmit.withState(r, q) { db, s in DomainSubmit.stationFigures(r, q, s, below: try r.records.descendantStates(in: db)) } }),
        QuerySpec("research", .research, "every research and inspection report 调研视察报告 with its instructions and conversions",
                  columns: DomainSubmit.researchColumns, export: ["id", "title", "kind", "activity_id", "reported_on", "instructed", "converted"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in .success(DomainSubmit.research(s)) } }),
        QuerySpec("research_report", .research, "one research or inspection report with its text, instructions and conversions",
                  filters: [QueryFilter("id", "the report's id (or QueryRequest.id)")],
                  columns: DomainSubmit.researchColumns + ["text", "instructions", "conversions"],
                  answer: { r, q in DomainSubmit.withState(r, q) { _, s in DomainSubmit.researchReport(r, q, s) } }),
    ]

    /// The alliance's records 片区协作 (``AllianceQueries``).
    static let alliance: [QuerySpec] = [
        QuerySpec("charters", .charter, "the alliance charter versions 章程 with their members", filters: [.alliance],
                  columns: ["alliance", "version", "name", "members", "effective", "text"], export: ["alliance", "version", "name", "members", "effective"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.charters) }),
        QuerySpec("meetings", .jointActivity, "the joint meetings 联席会议 with host, attendees, agenda and minutes", filters: [.alliance],
                  columns: ["alliance", "id", "date", "host", "attendees", "topic", "agenda", "minutes", "next_host", "participants"],
                  export: ["alliance", "id", "date", "host", "attendees", "topic", "next_host", "participants"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.meetings) }),
        QuerySpec("joint_research", .jointActivity, "the joint research and inspections 联合调研视察",
                  filters: [.alliance, QueryFilter("kind", "research or inspection")],
                  columns: ["alliance", "id", "kind", "topic", "date", "end_date", "hosts", "attendees", "participants", "findings"],
                  export: ["alliance", "id", "kind", "topic", "date", "end_date", "hosts", "attendees", "participants"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.jointResearch) }),
        QuerySpec("drafts", .draft, "the joint drafts 联名提案草稿 with their status and who signed",
                  filters: [.alliance, QueryFilter("status", "one status (drafting, submitted …)"), QueryFilter("host", "the host body's node id")],
                  columns: ["id", "alliance", "host", "title", "co_sponsors", "status", "content_hash", "signed"],
                  export: ["id", "alliance", "host", "title", "co_sponsors", "status", "signed"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.drafts) }),
        QuerySpec("draft", .draft, "one joint draft (QueryRequest.id) with its text and every sign-off",
                  columns: ["id", "alliance", "host", "title", "co_sponsors", "status", "content_hash", "version", "text",
                            "submitted_hash", "forwarded_seq", "sign_offs"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.draft) }),
        QuerySpec("joint_proposals", .jointProposal, "the joint proposals 联名提案 the hosts originated once every co-sponsor signed",
                  filters: [.alliance], columns: ["origin", "draft_id", "alliance", "host", "title", "co_sponsors", "content_hash", "signers", "text"],
                  export: ["origin", "draft_id", "alliance", "host", "title", "co_sponsors", "signers"],
                  answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.jointProposals) }),
        QuerySpec("alliance_problems", nil, "the alliance events the alliance projection could not fold, with the reason",
                  columns: ["origin", "seq", "position", "kind", "reason"], answer: { r, q in AllianceQueries.answer(r, q, AllianceQueries.problems) }),
    ]

    /// The rows of `request`'s query, checked: its filters against the query's, each row's keys against its columns;
    /// at most `limit` rows when the request sets one. What the admin Query writes as JSON and the web lists read.
    static func rows(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<(columns: [String], rows: [[String: Any]]), TransportError> {
        guard let spec = byName[request.recordType] else { return .failure(unknown(request.recordType)) }
        if let refusal = refusal(of: request, by: spec) { return .failure(refusal) }
        let answered: QueryRows
        switch spec.answer(runtime, request) {
        case .success(let a): answered = a
        case .failure(let e): return .failure(e)
        }
        let columns = spec.columns + answered.varying
        var rows = answered.rows
        if request.limit > 0, rows.count > Int(request.limit) { rows = Array(rows.prefix(Int(request.limit))) }
        for row in rows {
            if let mismatch = mismatch(row, columns) { return .failure(.status(.internal, "query \(spec.name): \(mismatch)")) }
        }
        return .success((columns, rows))
    }

    /// The admin Query: the rows of ``rows(_:_:)`` as JSON objects, one per row.
    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        rows(runtime, request).map { QueryResponse(columns: $0.columns, rowsJson: $0.rows.map(AdminHandlers.json)) }
    }

    /// What is wrong with `row` against `columns` (a column missing, one not declared); nil when it carries exactly them.
    static func mismatch(_ row: [String: Any], _ columns: [String]) -> String? {
        if row.count == columns.count, columns.allSatisfy({ row[$0] != nil }) { return nil }
        let missing = columns.filter { row[$0] == nil }, extra = row.keys.filter { !columns.contains($0) }.sorted()
        return "a row " + [missing.isEmpty ? nil : "misses the declared column(s) " + missing.joined(separator: ", "),
                           extra.isEmpty ? nil : "carries the undeclared column(s) " + extra.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: " and ")
    }

    /// INVALID_ARGUMENT for a query type this node does not answer: every name it answers, and the closest one.
    static func unknown(_ name: String) -> TransportError {
        let hint = NameHint.closest(to: name, among: entries.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
        return .status(.invalidArgument, "unknown record type '\(name)'\(hint); this node answers \(entries.map(\.name).joined(separator: ", "))")
    }

    /// INVALID_ARGUMENT for a filter `spec` does not take, naming it and those it takes; nil when every filter is its.
    static func refusal(of request: QueryRequest, by spec: QuerySpec) -> TransportError? {
        let accepted = spec.filters.map(\.name)
        guard let bad = request.filter.keys.sorted().first(where: { !accepted.contains($0) }) else { return nil }
        let takes = accepted.isEmpty ? "it takes no filter" : "it takes " + accepted.joined(separator: ", ")
        let hint = NameHint.closest(to: bad, among: accepted).map { " (did you mean '\($0)'?)" } ?? ""
        return .status(.invalidArgument, "query \(spec.name) does not take the filter '\(bad)'\(hint); \(takes)")
    }
}

/// The closest known name to a mistyped one, for "did you mean" hints.
public enum NameHint {
    /// The name of `names` nearest `word` by edit distance, when it is at most 2 away; nil otherwise. Only names
    /// within 2 characters of `word`'s length are compared, so a long word from a request costs no more than a short
    /// one (a distance is at least the difference of the lengths).
    public static func closest(to word: String, among names: [String]) -> String? {
        let length = word.count
        return names.filter { abs($0.count - length) <= 2 }.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?.0
    }

    /// The Levenshtein distance between `a` and `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}

/// The node's log queries (`events`, `origins`).
enum SystemQueries {
    static func events(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        var sql = "SELECT origin, seq, hex(hash), kind, scope, body FROM events"
        var values: [DatabaseValue] = []
        if let origin = request.filter["origin"] {
            sql += " WHERE origin = ?"
            values.append(.text(origin))
        }
        sql += " ORDER BY origin, seq"
        if request.limit > 0 { sql += " LIMIT \(request.limit)" }
        do {
            let rows = try runtime.core.store.reader.rows(sql, values)
            // actor: who made the event at its origin (EventActor), from the signed body; empty when it does not say.
            return .success(QueryRows(rows.map { r in
                var actor = ""
                if case .blob(let body) = r[5], let decoded = try? EventBody(serializedBytes: body) { actor = EventActor.bounded(decoded.actor) }
                return ["origin": AdminHandlers.text(r[0]), "seq": AdminHandlers.int(r[1]), "hash": AdminHandlers.text(r[2]).lowercased(),
                        "kind": AdminHandlers.int(r[3]), "scope": AdminHandlers.text(r[4]), "actor": actor]
            }))
        } catch {
            return .failure(TransportError.status(.internal, "query events: \(error.message)"))
        }
    }

    static func origins(_ runtime: NodeRuntime) -> Result<QueryRows, TransportError> {
        do {
            let rows = try runtime.core.store.reader.rows("SELECT origin, count(*), min(seq), max(seq) FROM events GROUP BY origin ORDER BY origin")
            return .success(QueryRows(rows.map { r in
                ["origin": AdminHandlers.text(r[0]), "count": AdminHandlers.int(r[1]), "min_seq": AdminHandlers.int(r[2]), "max_seq": AdminHandlers.int(r[3])]
            }))
        } catch {
            return .failure(TransportError.status(.internal, "query origins: \(error.message)"))
        }
    }
}
