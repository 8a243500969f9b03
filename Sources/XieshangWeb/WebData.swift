import XieshangDomain
import XieshangReport
import XieshangWire

/// What the web pages read from their node (网页数据源): the node implements it over its runtime — the same status,
/// Stats and record queries the admin socket answers — so the pages never compute figures of their own.
public protocol WebData: Sendable {
    /// This body's status (what `xieshang status` shows); nil while the node cannot answer. It reads the store (links'
    /// backlogs, the event count): the status and IT pages ask for it, the other pages ask ``identity()``.
    func status() async -> StatusResponse?
    /// This body as its config describes it (id, name, tier, parent), without reading the store: what every page's
    /// heading and the drill-down's top need.
    func identity() async -> XieshangDomain.BodyInfo?
    /// The figures of `period` ("" for this year) from `body` (nil for this body) down, as the report shows them.
    func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError>
    /// Every record of `kind` this body holds (its admin query), cells as display text.
    func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError>
    /// One page of `kind`'s list with `filter` applied (the whole list's counts and status choices with it). The
    /// default reads ``records(_:)`` and filters and pages it (``RecordsPage/page(_:_:_:)``); a node answers it with
    /// the filters and the page in SQL where it can, equal to that.
    func recordPage(_ kind: RecordKind, _ filter: RecordsPage.Filter) async -> Result<RecordPage, WebDataError>
    /// The signed events that made or moved record `id` of `kind`, in log order.
    func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError>
    /// What the kind's detail query adds to record `id` beyond the columns its list row `shown` already (a proposal's
    /// text, co-signers, replies and evaluations; a draft's text and sign-offs); empty for kinds without one.
    func details(_ kind: RecordKind, id: String, shown: [String]) async -> Result<[RecordSection], WebDataError>
    /// Records `commands` (in order, all or nothing) as `actor` through the node's own recording path (the rules and
    /// transaction of the admin Submit), each event signed with `madeBy` (`user:<username>`) as who made it; answers
    /// the seqs of the events originated, the queue entry while the node is fenced, or the rule's message.
    func record(_ commands: [DomainEvent], actor: Actor, madeBy: String) async -> Result<RecordOutcome, WebDataError>
    /// This body's own records as the domain folds them (proposals, members, policy …), for the pages that show a
    /// record's state and the steps its rules allow (the proposal desk, the duty record); the node's cached fold.
    func domainState() async -> Result<DomainState, WebDataError>
    /// The software's version, for the IT page.
    func version() -> String
    /// This body's consultation plans and those it received, as its rules hold them (the plan board, ``PlanPages``).
    func plans() async -> Result<[ConsultationPlan], WebDataError>
    /// The sub-plans of the bodies below as they reported their decompositions up, with their assignees' progress
    /// (kept with the owners' records for drill-down, never this body's): the plan board follows its items down the
    /// tree with them (``PlanTree``).
    func plansBelow() async -> Result<[ConsultationPlan], WebDataError>
    /// The opinion reports this body holds, as its rules hold them (the editing desk, ``OpinionDesk``).
    func opinionReports() async -> Result<[OpinionReport], WebDataError>
    /// This body and the bodies below it that it knows (their names, for a plan CSV's 承办单位 column).
    func bodies() async -> [XieshangDomain.BodyInfo]
    /// The joint drafts this node holds, with their alliance and host (``DraftPages``).
    func jointDrafts() async -> Result<[AllianceLedger.DraftEntry], WebDataError>
    /// Records an alliance command (`DraftAction` of kind DRAFT, `DraftSign` of kind DRAFT_SIGN_OFF) through the
    /// admin Submit's alliance path (its rules and transaction), signed with `madeBy` as who made it.
    func recordAlliance(_ kind: EventKind, payload: [UInt8], madeBy: String) async -> Result<RecordOutcome, WebDataError>
    /// The node's metrics in Prometheus' text format (`/metrics`); nil while the node cannot answer.
    func metrics() async -> String?
}

extension WebData {
    /// The id, name and tier of ``status()``: for a source that keeps no cheaper answer.
    public func identity() async -> XieshangDomain.BodyInfo? {
        await status().map { XieshangDomain.BodyInfo(id: $0.nodeId, name: $0.name, tier: $0.tier) }
    }
    /// The page read from the whole list, filtered and paged here.
    public func recordPage(_ kind: RecordKind, _ filter: RecordsPage.Filter) async -> Result<RecordPage, WebDataError> {
        await records(kind).map { RecordsPage.page($0, kind, filter) }
    }
    /// No details beyond the list row.
    public func details(_ kind: RecordKind, id: String, shown: [String]) async -> Result<[RecordSection], WebDataError> { .success([]) }
    /// Records nothing: a source without a recording path.
    public func record(_ commands: [DomainEvent], actor: Actor, madeBy: String) async -> Result<RecordOutcome, WebDataError> {
        .failure(.unavailable("本数据源不能录入 (this data source records nothing)"))
    }
    /// No domain state: a source without records.
    public func domainState() async -> Result<DomainState, WebDataError> {
        .failure(.unavailable("本数据源没有业务记录 (this data source holds no records)"))
    }
    /// No version known.
    public func version() -> String { "" }
    /// No plans: a source without records.
    public func plans() async -> Result<[ConsultationPlan], WebDataError> { .success([]) }
    /// No plans below: a source without records.
    public func plansBelow() async -> Result<[ConsultationPlan], WebDataError> { .success([]) }
    /// No opinion reports: a source without records.
    public func opinionReports() async -> Result<[OpinionReport], WebDataError> { .success([]) }
    /// Only this body.
    public func bodies() async -> [XieshangDomain.BodyInfo] { await identity().map { [$0] } ?? [] }
    /// No drafts: a source without an alliance.
    public func jointDrafts() async -> Result<[AllianceLedger.DraftEntry], WebDataError> { .success([]) }
    /// Records nothing: a source without a recording path.
    public func recordAlliance(_ kind: EventKind, payload: [UInt8], madeBy: String) async -> Result<RecordOutcome, WebDataError> {
        .failure(.unavailable("本数据源不能录入 (this data source records nothing)"))
    }
    /// No metrics: a source without a running node.
    public func metrics() async -> String? { nil }
}

/// What became of commands the rules accepted (录入结果).
public enum RecordOutcome: Equatable, Sendable {
    /// Recorded now: the seqs of the events originated.
    case recorded(seqs: [UInt64])
    /// Queued (已排队): the node has not reached its parent since it started (fenced), so the commands wait in its
    /// durable queue under this number and are recorded in order, checked again, once the parent confirmed its chain.
    case queued(UInt64)
}

/// A part of a record's detail page beyond its list row: a text, facts, or a table.
public struct RecordSection: Sendable {
    /// What the section holds.
    public enum Content: Sendable {
        /// A text (正文), shown with its line breaks.
        case text(String)
        /// Label–value pairs.
        case facts([(label: String, value: String)])
        /// Rows of a sub-list (答复, 测评 …).
        case table(RecordListing)
    }
    /// The section's Chinese heading.
    public var title: String
    /// Its content.
    public var content: Content
    /// Makes a section.
    public init(title: String, content: Content) {
        self.title = title
        self.content = content
    }
}

/// The dashboard's content: the report model of the subtree and this body's alerts.
public struct Dashboard: Sendable {
    /// Figures, rates, drill-down, trend, completeness and approvals, as `report --html` shows them.
    public var model: ReportModel
    /// This body's recent alerts 提醒: (subject, message).
    public var alerts: [(subject: String, message: String)]
    /// Whether the model was a kept one (no event stored since it was built), not built for this view.
    public var kept: Bool
    /// Makes a dashboard.
    public init(model: ReportModel, alerts: [(subject: String, message: String)], kept: Bool = false) {
        self.model = model
        self.alerts = alerts
        self.kept = kept
    }
}

/// A record list as the node's query answers it: column keys in order, one row per record with every cell as display
/// text (lists joined by 、, an absent value empty).
public struct RecordListing: Sendable {
    /// Column keys (`id`, `title`, …).
    public var columns: [String]
    /// Rows: column key → text.
    public var rows: [[String: String]]
    /// Makes a listing.
    public init(columns: [String], rows: [[String: String]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// One page of a record list (记录列表的一页): its rows in the list's order, which page of how many it is, how many
/// rows pass the filter, how many the list has, and the statuses its rows have (the status filter's choices).
public struct RecordPage: Sendable, Equatable {
    /// The page's rows: column key → text, as in ``RecordListing``.
    public var rows: [[String: String]]
    /// The page shown, 1-based (the last one when a later one was asked for).
    public var page: Int
    /// Pages of the rows that pass the filter (at least 1).
    public var pages: Int
    /// Rows that pass the filter.
    public var matching: Int
    /// Rows of the whole list.
    public var total: Int
    /// The distinct statuses of the whole list's rows (not empty), sorted; empty when the kind has no status.
    public var statuses: [String]
    /// Makes a page.
    public init(rows: [[String: String]], page: Int, pages: Int, matching: Int, total: Int, statuses: [String]) {
        self.rows = rows
        self.page = page
        self.pages = pages
        self.matching = matching
        self.total = total
        self.statuses = statuses
    }
}

/// One step of a record's history 记录历程: which body signed it, when, and what it did.
public struct RecordEvent: Sendable {
    /// The signing body's node id.
    public var body: String
    /// Its display name (the id when unknown).
    public var bodyName: String
    /// The event's sequence number at that body.
    public var seq: UInt64
    /// When it was signed, milliseconds since 1970 (UTC).
    public var timeMs: Int64
    /// The record's own date of the step (YYYY-MM-DD, China Standard Time).
    public var day: String
    /// What happened, in Chinese where a label exists (已立案, 活动, …).
    public var step: String
    /// Who made it at the signing body (`user:<username>` on the web, `os:<name>(uid N)` with the CLI), as the
    /// signed event carries it; empty for events made before the field or by the node itself.
    public var actor: String
    /// Makes a history entry.
    public init(body: String, bodyName: String, seq: UInt64, timeMs: Int64, day: String, step: String, actor: String = "") {
        self.body = body
        self.bodyName = bodyName
        self.seq = seq
        self.timeMs = timeMs
        self.day = day
        self.step = step
        self.actor = actor
    }
}

/// Why the node could not answer a page: a query parameter it refuses (400 naming it), a body below this one with no
/// figures reported for the period (the dashboard says so: ``DashboardPage/unreported(_:)``), or a failure of its own (503).
public struct WebDataError: Error, Sendable {
    /// A body of the subtree (it reported in the period's year) without figures in the period itself.
    public struct Unreported: Sendable {
        /// The body's id, its name, and the period asked for.
        public var body: String, name: String, period: String
    }

    /// The query parameter at fault; nil when the node failed.
    public var parameter: String?
    /// What went wrong, for the page.
    public var message: String
    /// Set when the body asked for reported nothing in the period (not a fault of the request).
    public var unreported: Unreported?

    /// The body reported figures in `period`'s year but none in `period`: its drill-down page offers the period anyway.
    public static func unreported(body: String, name: String, period: String) -> WebDataError {
        WebDataError(parameter: nil, message: "单位“\(name)”在 \(period) 没有已报送的统计", unreported: Unreported(body: body, name: name, period: period))
    }

    /// A refused query parameter (400).
    public static func badParameter(_ name: String, _ message: String) -> WebDataError { WebDataError(parameter: name, message: message) }
    /// A failure of the node (503).
    public static func unavailable(_ message: String) -> WebDataError { WebDataError(parameter: nil, message: message) }
}
