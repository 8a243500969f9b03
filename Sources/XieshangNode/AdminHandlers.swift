import Dispatch
import FoundationEssentials
import Glibc
import XieshangAccounts
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// The Admin service (管理服务) on the node's Unix socket: Status, Submit, Query, Stats. Every call reads or feeds
/// the federation core on its executor.
enum AdminHandlers {
    static func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw TransportError.status(.invalidArgument, "\(M.protoName) does not decode: \(error)")
        }
    }

    /// The service's handlers; a domain Submit is audited in `accounts` with the caller's OS user (``SubmitAudit``).
    static func handlers(_ runtime: NodeRuntime, startedAt: Date, accounts: AccountBook? = nil) -> [String: RPCHandler] {
        [
            AdminService.status.path: .unary { bytes, _ in
                let request = try decode(StatusRequest.self, bytes)
                return await runtime.read { status(runtime, request, startedAt: startedAt) }.serializedBytes()
            },
            AdminService.submit.path: .unary { bytes, context in
                let request = try decode(SubmitRequest.self, bytes)
                // A record's command goes to its family's recorder (RecordType), audited with the caller's OS user.
                if let type = RecordType(kind: request.kind) {
                    return try await SubmitAudit.submit(runtime, request, type: type, accounts: accounts,
                                                        actor: AccountsHandlers.actor(context)).serializedBytes()
                }
                if NodeApproval.kinds.contains(request.kind) { return try await NodeApproval.submit(runtime, request).serializedBytes() }
                let scope = request.scope ?? Scope(target: .up(true))
                if let why = await runtime.read({ FederationNode.refusal(of: request.kind, testKinds: runtime.core.config.testKinds) }) {
                    throw TransportError.status(.failedPrecondition, why)
                }
                // While the node cannot originate (or older queued commands wait), the command is queued durably.
                let entry = request.serializedBytes()
                if let queued = await runtime.read({ runtime.queuesLocalCommands() ? QueuedSubmit.enqueue(runtime, entry) : nil }) {
                    return try queued.get().serializedBytes()
                }
                let outputs = await runtime.submit(.originate(LocalCommand(kind: request.kind, payload: request.payload, scope: scope)))
                for output in outputs {
                    if case .originated(let origin, let seq) = output {
                        let hash = await runtime.read { (try? runtime.core.store.reader.events(origin: origin, seqs: seq...seq))?.first?.hash ?? [] }
                        return SubmitResponse(seq: seq, hash: hash, seqs: [seq]).serializedBytes()
                    }
                    if case .commandRefused(let reason) = output {
                        throw TransportError.status(.failedPrecondition, reason)
                    }
                }
                throw TransportError.status(.internal, "the node neither stored nor refused the command")
            },
            AdminService.query.path: .unary { bytes, _ in
                let request = try decode(QueryRequest.self, bytes)
                return try await runtime.read { () -> Result<QueryResponse, TransportError> in
                    query(runtime, request)
                }.get().serializedBytes()
            },
            AdminService.stats.path: .unary { bytes, _ in
                let request = try decode(StatsRequest.self, bytes)
                // The same periods the CLI accepts (`xieshang stats --period`), checked here too: the admin socket is an
                // API of its own, and an out-of-range year must be an answer, not arithmetic on it.
                if !request.period.isEmpty {
                    do { _ = try XieshangDomain.Period(parsing: request.period) } catch {
                        throw TransportError.status(.invalidArgument, "stats: period '\(DisplayText.escaped(request.period))' is not a "
                            + "year, quarter or month from 1 to 9999 such as 2026, 2026-Q3 or 2026-11")
                    }
                }
                return await runtime.read { stats(runtime, request) }.serializedBytes()
            },
        ]
    }

    static func status(_ runtime: NodeRuntime, _ request: StatusRequest, startedAt: Date) -> StatusResponse {
        let core = runtime.core
        let reader = core.store.reader
        var links: [LinkStatus] = []
        for (peer, role) in runtime.roles.sorted(by: { $0.key < $1.key }) {
            let info = runtime.peers[peer] ?? NodeRuntime.PeerInfo()
            // lag: events routed to the peer after its acknowledged position; queued: events of the link in memory.
            let backlog = core.backlog(of: peer)
            let state: String
            if core.isLinkUp(peer) { state = "up" } else if runtime.addresses[peer] == nil { state = "inbound-only" }
            else if info.lastErrorIsRefusal { state = "refused" }
            else { state = "connecting" }
            links.append(LinkStatus(peer: peer, role: role, state: state, address: runtime.addresses[peer]?.description ?? "",
                                    acked: UInt64(max(0, backlog.ackedPosition)), lag: backlog.unacknowledged, queued: backlog.queued,
                                    lastError: info.lastError, lastSeenMs: info.lastSeenMs, refused: info.refused))
        }
        let limit = Int(request.recentAlerts == 0 ? 20 : request.recentAlerts)
        return StatusResponse(nodeId: runtime.config.nodeId, name: runtime.config.name, tier: runtime.config.tier,
                              publicKey: core.config.privateKey.publicKey.text,
                              ownSeq: (try? reader.highestSeq(origin: runtime.config.nodeId)) ?? 0,
                              eventsStored: UInt64(core.storedEventCount()), links: links,
                              alerts: Array(runtime.alerts.prefix(limit)),
                              uptimeSeconds: UInt64(max(0, Date().timeIntervalSince(startedAt))), fenced: core.fenced,
                              queued: UInt64(core.queuedWaiting), queuedRefused: UInt64(core.queuedRefused))
    }

    static func json(_ object: [String: Any]) -> String {
        JSONText.compact(object) ?? "{}"
    }

    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        let reader = runtime.core.store.reader
        switch request.recordType {
        case "events":
            var sql = "SELECT origin, seq, hex(hash), kind, scope, body FROM events"
            var values: [DatabaseValue] = []
            if let origin = request.filter["origin"] {
                sql += " WHERE origin = ?"
                values.append(.text(origin))
            }
            sql += " ORDER BY origin, seq"
            if request.limit > 0 { sql += " LIMIT \(request.limit)" }
            do {
                let rows = try reader.rows(sql, values)
                // actor: who made the event at its origin (EventActor), from the signed body; empty when it does not say.
                return .success(QueryResponse(columns: ["origin", "seq", "hash", "kind", "scope", "actor"], rowsJson: rows.map { r in
                    var actor = ""
                    if case .blob(let body) = r[5], let decoded = try? EventBody(serializedBytes: body) { actor = EventActor.bounded(decoded.actor) }
                    return json(["origin": text(r[0]), "seq": int(r[1]), "hash": text(r[2]).lowercased(), "kind": int(r[3]), "scope": text(r[4]),
                                 "actor": actor])
                }))
            } catch {
                return .failure(TransportError.status(.internal, "query events: \(error.message)"))
            }
        case "origins":
            do {
                let rows = try reader.rows("SELECT origin, count(*), min(seq), max(seq) FROM events GROUP BY origin ORDER BY origin")
                return .success(QueryResponse(columns: ["origin", "count", "min_seq", "max_seq"], rowsJson: rows.map { r in
                    json(["origin": text(r[0]), "count": int(r[1]), "min_seq": int(r[2]), "max_seq": int(r[3])])
                }))
            } catch {
                return .failure(TransportError.status(.internal, "query origins: \(error.message)"))
            }
        case "alerts":
            return .success(QueryResponse(columns: ["time_ms", "subject", "code", "message"], rowsJson: runtime.alerts.map {
                json(["time_ms": $0.timeMs, "subject": $0.subject, "code": $0.code, "message": $0.message])
            }))
        case let type where AllianceQueries.types.contains(type):
            return AllianceQueries.answer(runtime, request)
        case let type where recordTypes.contains(type):
            return records(runtime, request)
        case let type where DomainSubmit.queryTypes.contains(type):
            return DomainSubmit.query(runtime, request)
        case FigureRecords.recordType:
            return FigureRecords.query(runtime, request)
        case FigureRecords.recomputedType:
            return FigureRecords.recomputed(runtime, request)
        default:
            return .failure(TransportError.status(.invalidArgument,
                "unknown record type '\(request.recordType)'; this node answers \((["events", "origins", "alerts"] + recordTypes + AllianceQueries.types + DomainSubmit.queryTypes + [FigureRecords.recordType, FigureRecords.recomputedType]).joined(separator: ", "))"))
        }
    }

    /// The record types answered from the CPPCC records projection 业务记录 (``RecordQueries``).
    static let recordTypes = ["proposals", "opinions", "activities", "plan_items", "members", "problems"]

    /// Answers a record-type query from the records projection, on a read-only connection of its own (it never
    /// waits for the writer). Filters: `as_of` (YYYY-MM-DD, plan items; default today in Beijing time), `year`
    /// (members' duty scores; default this year).
    static func records(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        recordRows(runtime, request).map { QueryResponse(columns: $0.columns, rowsJson: $0.rows.map(json)) }
    }

    /// The rows of a record-type query before they are written as JSON: what the web's list pages read (writing
    /// each row as JSON text only to parse it back was half of a list page's time at a township, profiled).
    static func recordRows(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<(columns: [String], rows: [[String: Any]]), TransportError> {
        let path = runtime.core.store.path
        let today = Day(chinaTimeMs: runtime.now())
        let asOf: Day
        do {
            asOf = try request.filter["as_of"].map { try Day.domain($0, field: "as_of") } ?? today
        } catch {
            return .failure(TransportError.status(.invalidArgument, "query \(request.recordType): filter as_of '\(request.filter["as_of"] ?? "")' is not a day YYYY-MM-DD: \(error)"))
        }
        var year = today.year
        if let text = request.filter["year"] {
            guard let y = Int(text), (1900...9999).contains(y) else {
                return .failure(TransportError.status(.invalidArgument, "query \(request.recordType): filter year '\(text)' is not a year like 2026"))
            }
            year = y
        }
        let columns: [String]
        var rows: [[String: Any]]
        do {
            let database = try Database(path: path, readOnly: true, create: false)
            let queries = RecordQueries(database: database, projector: runtime.records)
            switch request.recordType {
            case "proposals":
                columns = ["id", "title", "kind", "first_proposer", "status", "submitted_on", "register_number", "lead_unit",
                           "units", "due", "round", "closed_on", "supervisor", "cosigners"]
                rows = try queries.proposals().map { cells($0) }
            case "opinions":
                columns = ["origin_body", "origin_report_id", "author", "title", "status", "bulletin_issue", "forwarded_to",
                           "adopted_by", "instructions"]
                rows = try queries.opinions().map { cells($0) }
            case "activities":
                columns = ["id", "kind", "form", "date", "topic", "host_bodies", "participants", "sectors", "target_unit", "result", "station"]
                rows = try queries.activities().map { cells($0) }
            case "plan_items":
                columns = ["issuer", "plan_id", "item_id", "topic", "department", "deadline", "assignees", "stage", "overdue_for"]
                rows = try queries.planItems(asOf: asOf).map {
                    ["issuer": $0.issuer, "plan_id": $0.planID, "item_id": $0.itemID, "topic": $0.topic, "department": $0.department,
                     "deadline": $0.deadline, "assignees": $0.assignees, "stage": String(describing: $0.stage), "overdue_for": $0.overdueFor]
                }
            case "members":
                columns = ["id", "name", "sector", "active", "duty_total_tenths", "minimums_missed", "needs_talk", "resignation_recommended"]
                rows = try queries.membersWithDuty(year: year, upTo: asOf).map {
                    ["id": $0.id, "name": $0.name, "sector": $0.sector, "active": $0.active, "duty_total_tenths": $0.totalTenths,
                     "minimums_missed": $0.minimumsMissed.map(\.rawValue),
                     "needs_talk": $0.needsTalk, "resignation_recommended": $0.resignationRecommended]
                }
            default:
                columns = ["origin", "seq", "position", "kind", "reason"]
                rows = try queries.problems().map {
                    ["origin": $0.origin, "seq": $0.seq, "position": $0.position, "kind": $0.kind, "reason": $0.reason]
                }
            }
        } catch {
            return .failure(TransportError.status(.internal, "query \(request.recordType) on \(path): \(error.message)"))
        }
        if request.limit > 0, rows.count > Int(request.limit) { rows = Array(rows.prefix(Int(request.limit))) }
        return .success((columns, rows))
    }

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

    static func text(_ v: DatabaseValue) -> String {
        if case .text(let s) = v { return s }
        return ""
    }

    static func int(_ v: DatabaseValue) -> Int64 {
        if case .integer(let i) = v { return i }
        return 0
    }

    /// `Stats`: this body's current report for the period and, with `drill`, every report it cites down the tree; own
    /// figures and totals name every stats.proto counter, zeros included (reports carry only those that are not zero).
    /// With `reports`, the cited reports are decoded once and kept there (``StoredReports``): the web dashboard's
    /// Stats after a stored event reads again only the reports that changed.
    static func stats(_ runtime: NodeRuntime, _ request: StatsRequest, reports: StoredReports? = nil) -> StatsResponse {
        let core = runtime.core
        let period = request.period.isEmpty ? String(Day(chinaTimeMs: runtime.now()).year) : request.period
        let report = core.currentReport(period: period)
        var bodies = [BodyFigures(body: core.id, name: runtime.config.name, tier: runtime.config.tier,
                                  parent: runtime.config.parent?.nodeId ?? "", own: Figures.everyCounter(report.own),
                                  totals: Figures.everyCounter(report.totals),
                                  source: nil, verified: true)]
        NodeApproval.annotate(&bodies[0], runtime, report: report, period: period)
        if request.drill {
            var queue: [(parent: String, ref: XieshangWire.EventRef)] = report.children.compactMap { c in c.ref.map { (core.id, $0) } }
            while !queue.isEmpty {
                let (parent, ref) = queue.removeFirst()
                guard let child = StoredReports.read(ref, from: core.store.reader, keptIn: reports) else { continue }
                let known = runtime.config.children.first { $0.nodeId == child.body }
                let vouched = known == nil ? core.subtreeEntry(child.body) : nil
                bodies.append(BodyFigures(body: child.body, name: known?.name ?? vouched?.name ?? "", tier: known?.tier ?? vouched?.tier ?? "",
                                          parent: parent, own: Figures.everyCounter(child.own),
                                          totals: Figures.everyCounter(child.totals), source: ref, verified: true,
                                          zone: known != nil ? runtime.config.zone(of: child.body) : vouched?.zone ?? ""))
                NodeApproval.annotate(&bodies[bodies.count - 1], runtime, report: child, period: period)
                queue += child.children.compactMap { c in c.ref.map { (child.body, $0) } }
            }
        }
        return StatsResponse(period: period, bodies: bodies, expectedChildren: report.expectedChildren,
                             reportedChildren: report.reportedChildren, onTimeChildren: report.onTimeChildren,
                             coverage: request.drill ? coverage(core.subtreeRoster(), reporting: Set(bodies.dropFirst().map(\.body))) : [])
    }

    /// Coverage by tier 报送情况: per tier of the subtree's roster (in order of first appearance: counties before
    /// townships), the bodies in it and those of them whose report for the period reached this node.
    static func coverage(_ roster: [RosterEntry], reporting: Set<String>) -> [TierCoverage] {
        var order: [String] = []
        var counts: [String: (reporting: UInt32, expected: UInt32)] = [:]
        var seen: Set<String> = []
        for e in roster where seen.insert(e.nodeId).inserted {
            if counts[e.tier] == nil { order.append(e.tier) }
            var c = counts[e.tier] ?? (0, 0)
            c.expected += 1
            if reporting.contains(e.nodeId) { c.reporting += 1 }
            counts[e.tier] = c
        }
        return order.map { TierCoverage(tier: $0, reporting: counts[$0]?.reporting ?? 0, expected: counts[$0]?.expected ?? 0) }
    }
}
