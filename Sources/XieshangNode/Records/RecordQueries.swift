import XieshangDomain
import XieshangStore

/// Typed reads of the record projections for the operators' CLI 查询: lists and details of proposals, opinion
/// reports, activities, plan items with their stage, overdue items, proposals past due, members with duty scores,
/// and figures for a period.
///
/// Reads go to `database` (the store's connection or a read-only one on the same file); figures and duty scores come
/// from the projector's ``DomainState``, brought in step with what `database` holds.
public struct RecordQueries {
    /// The connection read from.
    public let database: Database
    /// The projector whose tables are read.
    public let projector: DomainProjector

    /// Queries over `database`, whose records are kept by `projector`.
    public init(database: Database, projector: DomainProjector) {
        self.database = database
        self.projector = projector
    }

    static let proposalColumns = "id, title, kind, first_proposer, status, submitted_on, register_number, lead_unit, units, due, round, closed_on, supervisor, "
        + "(SELECT group_concat(member, ',') FROM proposal_cosigners c WHERE c.proposal_id = proposals.id), "
        + "(SELECT group_concat(member, ',') FROM proposal_cosigners c WHERE c.proposal_id = proposals.id AND confirmed = 0)"

    static func proposalRow(_ r: RecordRow) -> ProposalRow {
        ProposalRow(id: r.text(0), title: r.text(1), kind: r.text(2), firstProposer: r.text(3), status: r.text(4),
                    submittedOn: r.text(5), registerNumber: r.optionalText(6), leadUnit: r.optionalText(7), units: r.list(8),
                    due: r.optionalText(9), round: r.int(10), closedOn: r.optionalText(11), supervisor: r.optionalText(12),
                    cosigners: r.list(13), awaitingCosigners: r.list(14))
    }

    /// Proposals ordered by id, optionally only those in `status` (a `Proposal.Status`).
    public func proposals(status: Proposal.Status? = nil) throws(StoreError) -> [ProposalRow] {
        let filter = status == nil ? "" : " WHERE status = ?"
        return try database.records("SELECT \(Self.proposalColumns) FROM proposals\(filter) ORDER BY id",
                                    status.map { [.text($0.rawValue)] } ?? []).map(Self.proposalRow)
    }

    /// One proposal with its co-signers, replies and evaluations; nil when there is none with that id.
    public func proposal(_ id: String) throws(StoreError) -> ProposalDetail? {
        guard let row = try database.records("SELECT \(Self.proposalColumns), text FROM proposals WHERE id = ?", [.text(id)]).first else {
            return nil
        }
        let cosigners = try database.records("SELECT member, confirmed FROM proposal_cosigners WHERE proposal_id = ? ORDER BY ordinal", [.text(id)])
        let replies = try database.records("SELECT round, unit, reply_class, text, on_day, on_time FROM proposal_replies WHERE proposal_id = ? ORDER BY ordinal", [.text(id)])
        let evaluations = try database.records("SELECT round, member, rating, on_day FROM proposal_evaluations WHERE proposal_id = ? ORDER BY ordinal", [.text(id)])
        return ProposalDetail(
            proposal: Self.proposalRow(row), text: row.text(15),
            cosignerIDs: cosigners.map { $0.text(0) }, cosignerConfirmed: cosigners.map { $0.bool(1) },
            replies: replies.map { .init(round: $0.int(0), unit: $0.text(1), replyClass: $0.text(2), text: $0.text(3), on: $0.text(4), onTime: $0.bool(5)) },
            evaluations: evaluations.map { .init(round: $0.int(0), member: $0.text(1), rating: $0.text(2), on: $0.text(3)) })
    }

    /// Proposals assigned (or being reassigned) whose reply due day is before `day` and that are not yet replied.
    public func proposalsPastDue(asOf day: Day) throws(StoreError) -> [ProposalRow] {
        try database.records("SELECT \(Self.proposalColumns) FROM proposals WHERE status IN ('assigned', 'reassigning') AND due < ? ORDER BY due, id",
                             [.text(day.description)]).map(Self.proposalRow)
    }

    /// Opinion reports this body holds, ordered by provenance, optionally only those in `status`.
    public func opinions(status: OpinionReport.Status? = nil) throws(StoreError) -> [OpinionRow] {
        let filter = status == nil ? "" : " WHERE status = ?"
        return try opinionRows(database.records("SELECT \(Self.opinionColumns) FROM opinions\(filter) ORDER BY origin_body, origin_report_id",
                                                status.map { [.text($0.rawValue)] } ?? []))
    }

    static let opinionColumns = "origin_body, origin_report_id, author, title, status, bulletin_issue, forwarded_to"

    /// Opinion reports from their rows (``opinionColumns``), each with its adopting bodies and instructions.
    func opinionRows(_ rows: [RecordRow]) throws(StoreError) -> [OpinionRow] {
        var result: [OpinionRow] = []
        for r in rows {
            let k: [DatabaseValue] = [.text(r.text(0)), .text(r.text(1))]
            let adoptedBy = try database.records("SELECT body FROM opinion_adoptions WHERE origin_body = ? AND origin_report_id = ? ORDER BY ordinal", k).map { $0.text(0) }
            let instructions = try database.records("SELECT leader || '：' || text FROM opinion_instructions WHERE origin_body = ? AND origin_report_id = ? ORDER BY ordinal", k).map { $0.text(0) }
            result.append(OpinionRow(key: OpinionKey(originBody: r.text(0), originReportID: r.text(1)), author: r.text(2), title: r.text(3),
                                     status: r.text(4), bulletinIssue: r.optionalText(5), forwardedTo: r.optionalText(6),
                                     adoptedBy: adoptedBy, instructions: instructions))
        }
        return result
    }

    /// Activities ordered by day and id, optionally only those held in `period`.
    public func activities(in period: Period? = nil) throws(StoreError) -> [ActivityRow] {
        let filter = period == nil ? "" : " WHERE date BETWEEN ? AND ?"
        let values: [DatabaseValue] = period.map { [.text($0.start.description), .text($0.end.description)] } ?? []
        return try database.records("SELECT \(Self.activityColumns) FROM activities\(filter) ORDER BY date, id", values).map(Self.activityRow)
    }

    static let activityColumns = "id, kind, form, date, topic, host_bodies, participants, sectors, target_unit, result, station"

    static func activityRow(_ r: RecordRow) -> ActivityRow {
        ActivityRow(id: r.text(0), kind: r.text(1), form: r.optionalText(2), date: r.text(3), topic: r.text(4),
                    hostBodies: r.list(5), participants: r.int(6), sectors: r.list(7), targetUnit: r.optionalText(8),
                    result: r.optionalText(9), station: r.text(10))
    }

    /// Every plan item with its stage as of `day` (the least advanced assignee's) and who is overdue.
    public func planItems(asOf day: Day) throws(StoreError) -> [PlanItemRow] {
        let items = try database.records("SELECT issuer, plan_id, item_id, topic, department, deadline, assignees FROM plan_items ORDER BY issuer, plan_id, ordinal")
        var progress: [String: [(body: String, rank: Int, on: String)]] = [:]
        for p in try database.records("SELECT issuer, plan_id, item_id, body, stage_rank, on_day FROM plan_progress ORDER BY issuer, plan_id, item_id, ordinal") {
            progress[p.text(0) + "\u{1F}" + p.text(1) + "\u{1F}" + p.text(2), default: []].append((p.text(3), p.int(4), p.text(5)))
        }
        let asOf = day.description
        return items.map { r in
            let reports = (progress[r.text(0) + "\u{1F}" + r.text(1) + "\u{1F}" + r.text(2)] ?? []).filter { $0.on <= asOf }
            let deadline = r.text(5)
            let assignees = r.list(6)
            let stages = assignees.map { a in reports.filter { $0.body == a }.map(\.rank).max() ?? ItemStage.assigned.rawValue }
            let overdue = deadline < asOf ? assignees.filter { a in
                let held = reports.filter { $0.body == a && $0.rank >= ItemStage.held.rawValue }.map(\.on).min()
                return held.map { $0 > deadline } ?? true
            } : []
            return PlanItemRow(issuer: r.text(0), planID: r.text(1), itemID: r.text(2), topic: r.text(3), department: r.text(4),
                               deadline: deadline, assignees: assignees,
                               stage: ItemStage(rawValue: stages.min() ?? ItemStage.assigned.rawValue) ?? .assigned,
                               overdueFor: overdue)
        }
    }

    /// Plan items overdue 逾期 as of `day`.
    public func overdueItems(asOf day: Day) throws(StoreError) -> [PlanItemRow] {
        try planItems(asOf: day).filter(\.isOverdue)
    }

    /// This body's members ordered by id with their duty score for `year` (up to `day` when given).
    public func membersWithDuty(year: Int, upTo day: Day? = nil) throws(StoreError) -> [MemberDutyRow] {
        let assessments = try projector.state(in: database).dutyAssessments(year: year, upTo: day)
        return try database.records("SELECT id, name, sector, active FROM members WHERE body = ? ORDER BY id", [.text(projector.body.id)]).map { r in
            let a = assessments[r.text(0)]
            return MemberDutyRow(id: r.text(0), name: r.text(1), sector: r.text(2), active: r.bool(3),
                                 totalTenths: a?.totalTenths ?? 0, needsTalk: a?.needsTalk ?? false,
                                 resignationRecommended: a?.resignationRecommended ?? false, minimumsMissed: a?.minimumsMissed ?? [])
        }
    }

    /// The body's figures for `period`, from the projection's state.
    public func figures(for period: Period) throws(StoreError) -> Figures {
        try projector.state(in: database).figures(for: period)
    }

    /// Events the projection could not use, in log order.
    public func problems() throws(StoreError) -> [ProjectionProblem] {
        try database.records("SELECT origin, seq, position, kind, reason FROM projection_problems ORDER BY position").map {
            ProjectionProblem(origin: $0.text(0), seq: UInt64($0.int(1)), position: Int64($0.int(2)), kind: Int32($0.int(3)), reason: $0.text(4))
        }
    }
}
