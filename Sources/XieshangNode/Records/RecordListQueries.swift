import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The queries answered from the records projection 业务记录 (``RecordQueries``), on a read-only connection of their
/// own (they never wait for the writer); their entries are in ``QueryCatalog``. Each row type's cells are written by
/// one function here, which the web's paged lists use too.
enum RecordListQueries {
    /// The columns of a `proposals` row (and the first of a `proposal` row).
    static let proposalColumns = ["id", "title", "kind", "first_proposer", "status", "submitted_on", "register_number", "lead_unit",
                                  "units", "due", "round", "closed_on", "supervisor", "cosigners"]
    /// The columns of an `opinions` row.
    static let opinionColumns = ["origin_body", "origin_report_id", "author", "title", "status", "bulletin_issue", "forwarded_to",
                                 "adopted_by", "instructions"]
    /// The columns of an `activities` row.
    static let activityColumns = ["id", "kind", "form", "date", "topic", "host_bodies", "participants", "sectors", "target_unit", "result", "station"]

    /// A proposal's cells as the `proposals` query answers them.
    static func cells(_ p: RecordQueries.ProposalRow) -> [String: Any] {
        ["id": p.id, "title": p.title, "kind": p.kind, "first_proposer": p.firstProposer, "status": p.status,
         "submitted_on": p.submittedOn, "register_number": p.registerNumber ?? JSONNull(), "lead_unit": p.leadUnit ?? JSONNull(),
         "units": p.units, "due": p.due ?? JSONNull(), "round": p.round, "closed_on": p.closedOn ?? JSONNull(),
         "supervisor": p.supervisor ?? JSONNull(),
         "cosigners": p.cosigners.map { $0 + (p.awaitingCosigners.contains($0) ? "（待确认）" : "（已确认）") }]
    }

    /// An opinion report's cells as the `opinions` query answers them.
    static func cells(_ o: RecordQueries.OpinionRow) -> [String: Any] {
        ["origin_body": o.key.originBody, "origin_report_id": o.key.originReportID, "author": o.author, "title": o.title,
         "status": o.status, "bulletin_issue": o.bulletinIssue ?? JSONNull(), "forwarded_to": o.forwardedTo ?? JSONNull(),
         "adopted_by": o.adoptedBy, "instructions": o.instructions]
    }

    /// An activity's cells as the `activities` query answers them.
    static func cells(_ a: RecordQueries.ActivityRow) -> [String: Any] {
        ["id": a.id, "kind": a.kind, "form": a.form ?? JSONNull(), "date": a.date, "topic": a.topic,
         "host_bodies": a.hostBodies, "participants": a.participants, "sectors": a.sectors,
         "target_unit": a.targetUnit ?? JSONNull(), "result": a.result ?? JSONNull(), "station": a.station]
    }

    /// A plan item's cells as the `plan_items` query answers them.
    static func cells(_ i: RecordQueries.PlanItemRow) -> [String: Any] {
        ["issuer": i.issuer, "plan_id": i.planID, "item_id": i.itemID, "topic": i.topic, "department": i.department,
         "deadline": i.deadline, "assignees": i.assignees, "stage": String(describing: i.stage), "overdue_for": i.overdueFor]
    }

    /// A member's cells as the `members` query answers them.
    static func cells(_ m: RecordQueries.MemberDutyRow) -> [String: Any] {
        ["id": m.id, "name": m.name, "sector": m.sector, "active": m.active, "duty_total_tenths": m.totalTenths,
         "minimums_missed": m.minimumsMissed.map(\.rawValue), "needs_talk": m.needsTalk, "resignation_recommended": m.resignationRecommended]
    }

    static func proposals(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        read(runtime, request) { try $0.proposals().map(cells) }
    }

    static func opinions(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        read(runtime, request) { try $0.opinions().map(cells) }
    }

    static func activities(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        read(runtime, request) { try $0.activities().map(cells) }
    }

    static func problems(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        read(runtime, request) { queries in
            try queries.problems().map { ["origin": $0.origin, "seq": $0.seq, "position": $0.position, "kind": $0.kind, "reason": $0.reason] }
        }
    }

    /// The plan items as of the `as_of` filter (default today in Beijing time).
    static func planItems(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        asOf(runtime, request).flatMap { day in read(runtime, request) { try $0.planItems(asOf: day).map(cells) } }
    }

    /// The members with their duty for the `year` filter (default this year) up to the `as_of` filter (default today).
    static func members(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        asOf(runtime, request).flatMap { day in
            DomainSubmit.yearFilter(runtime, request).flatMap { year in
                read(runtime, request) { try $0.membersWithDuty(year: year, upTo: day).map(cells) }
            }
        }
    }

    /// The `as_of` filter's day (default `otherwise`, or today in Beijing time).
    static func asOf(_ runtime: NodeRuntime, _ request: QueryRequest, otherwise: Day? = nil) -> Result<Day, TransportError> {
        guard let text = request.filter["as_of"] else { return .success(otherwise ?? Day(chinaTimeMs: runtime.now())) }
        do { return .success(try Day.domain(text, field: "as_of")) } catch {
            return .failure(TransportError.status(.invalidArgument, "query \(request.recordType): filter as_of '\(text)' is not a day YYYY-MM-DD: \(error)"))
        }
    }

    /// `rows` of the records projection, read on a read-only connection of its own.
    static func read(_ runtime: NodeRuntime, _ request: QueryRequest, _ rows: (RecordQueries) throws -> [[String: Any]]) -> Result<QueryRows, TransportError> {
        let path = runtime.core.store.path
        do {
            let database = try Database(path: path, readOnly: true, create: false)
            return .success(QueryRows(try rows(RecordQueries(database: database, projector: runtime.records))))
        } catch {
            return .failure(TransportError.status(.internal, "query \(request.recordType) on \(path): \(error)"))
        }
    }
}
