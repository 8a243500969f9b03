import Dispatch
import FoundationEssentials
import Glibc
import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The record types the CLI needs beyond the projection's lists, answered from the body's ``DomainState``:
/// `proposal` (one proposal with co-signers, replies and evaluations; `id`), `suggestions`, `plans` (every item with
/// all its columns, for plan export and `plan show`; filter `plan`), `figures` (the body's own figures 统计数字 for a
/// `period`, with its rates), `bodies` (this body and every body of its subtree with name, tier and parent, from the
/// config and the rosters its children vouched for — so a city can name its townships).
extension DomainSubmit {
    /// Record types answered here.
    static let queryTypes = ["proposal", "suggestions", "plans", "figures", "bodies"]

    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryResponse, TransportError> {
        let path = runtime.core.store.path
        if request.recordType == "bodies" { return bodies(runtime) }
        do {
            let database = try Database(path: path, readOnly: true, create: false)
            let state = try runtime.records.state(in: database)
            switch request.recordType {
            case "proposal":
                let id = request.id.isEmpty ? (request.filter["id"] ?? "") : request.id
                guard let d = try RecordQueries(database: database, projector: runtime.records).proposal(id) else {
                    return .failure(TransportError.status(.notFound,
                        "[proposal.exists] there is no proposal \(id) at \(runtime.config.nodeId) (提案 \(id) 不存在); list them with `xieshang proposal list`"))
                }
                let p = d.proposal
                let row: [String: Any] = [
                    "id": p.id, "title": p.title, "kind": p.kind, "first_proposer": p.firstProposer, "status": p.status,
                    "submitted_on": p.submittedOn, "register_number": p.registerNumber ?? JSONNull(), "lead_unit": p.leadUnit ?? JSONNull(),
                    "units": p.units, "due": p.due ?? JSONNull(), "round": p.round, "closed_on": p.closedOn ?? JSONNull(),
                    "supervisor": p.supervisor ?? JSONNull(), "text": d.text,
                    "cosigners": d.cosigners.map { ["member": $0.member, "confirmed": $0.confirmed] },
                    "replies": d.replies.map { ["round": $0.round, "unit": $0.unit, "reply_class": $0.replyClass, "text": $0.text, "on": $0.on, "on_time": $0.onTime] },
                    "evaluations": d.evaluations.map { ["round": $0.round, "member": $0.member, "rating": $0.rating, "on": $0.on] },
                ]
                return .success(QueryResponse(columns: Array(row.keys).sorted(), rowsJson: [AdminHandlers.json(row)]))
            case "suggestions":
                let columns = ["id", "text", "addressee", "activity_id", "members", "status", "made_on", "adopted_on", "adopted_by", "closed_on"]
                let rows: [[String: Any]] = state.suggestions.values.sorted { $0.id < $1.id }.map { s in
                    ["id": s.id, "text": s.text, "addressee": s.addressee, "activity_id": s.activityID, "members": s.members,
                     "status": s.status.rawValue, "made_on": s.madeOn.description, "adopted_on": s.adoptedOn?.description ?? JSONNull(),
                     "adopted_by": s.adoptedBy ?? JSONNull(), "closed_on": s.closedOn?.description ?? JSONNull()]
                }
                return .success(QueryResponse(columns: columns, rowsJson: rows.map(AdminHandlers.json)))
            case "plans":
                let columns = ["issuer", "plan_id", "year", "title", "plan_status", "document", "item_id", "category", "topic", "form",
                               "lead_leader", "department", "person", "deadline", "assignees", "parent", "stages"]
                var rows: [[String: Any]] = []
                for plan in state.plans.values.sorted(by: { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) }) {
                    if let only = request.filter["plan"], only != plan.key.planID { continue }
                    for item in plan.items {
                        let stages = Dictionary(item.assignees.map { a in (a, item.stage(of: a, asOf: Day(year: 9999, month: 12, day: 31)!).name) },
                                                uniquingKeysWith: { a, _ in a })
                        rows.append(["issuer": plan.key.issuer, "plan_id": plan.key.planID, "year": plan.year, "title": plan.title,
                                     "plan_status": "\(plan.status)", "document": plan.document ?? JSONNull(), "item_id": item.id,
                                     "category": item.category, "topic": item.topic, "form": item.form, "lead_leader": item.leadLeader,
                                     "department": item.department, "person": item.person, "deadline": item.deadline.description,
                                     "assignees": item.assignees,
                                     "parent": item.parent.map { "\($0.issuer)/\($0.planID)/\($0.itemID)" } ?? JSONNull(),
                                     "stages": stages])
                    }
                }
                return .success(QueryResponse(columns: columns, rowsJson: rows.map(AdminHandlers.json)))
            default:
                let text = request.filter["period"] ?? String(Day(chinaTimeMs: runtime.now()).year)
                let period: Period
                do { period = try Period.domain(text) } catch {
                    return .failure(TransportError.status(.invalidArgument, "query figures: \(error)"))
                }
                let (f, rates) = ownFigures(runtime, period: period, state: state)
                var row: [String: Any] = ["period": text, "body": runtime.config.nodeId]
                for (path, key) in Figures.counters { row[key] = f[keyPath: path] }
                row["repliesByClass"] = f.repliesByClass
                row["opinionsAdoptedHigher"] = f.opinionsAdoptedHigher
                row["consultationsByForm"] = f.consultationsByForm
                for (key, r) in rates { row[key] = ["numerator": r.numerator, "denominator": r.denominator] }
                return .success(QueryResponse(columns: Array(row.keys).sorted(), rowsJson: [AdminHandlers.json(row)]))
            }
        } catch {
            return .failure(TransportError.status(.internal, "query \(request.recordType) on \(path): \(error)"))
        }
    }

    /// The body's own figures for `period` as it reports them (its figures source: its own records and the cross-body
    /// steps that count here), never a descendant's records passing through on their way up; with its rates by label
    /// key (`completionRate`, the satisfaction rate by the body's policy formula …). The admin query `figures` and
    /// the web dashboard both read them here.
    static func ownFigures(_ runtime: NodeRuntime, period: Period, state: DomainState) -> (XieshangDomain.Figures, [String: Rate]) {
        let f = (try? Figures(period: period, namedCounts: runtime.core.ownFigures(period: period.description))) ?? Figures(period: period)
        return (f, ["completionRate": f.completionRate, "satisfactionRate": f.satisfactionRate(state.policy.satisfactionFormula),
                    "suggestionAdoptionRate": f.suggestionAdoptionRate, "suggestionClosingRate": f.suggestionClosingRate,
                    "opinionAdoptionRate": f.opinionAdoptionRate, "onTimeReplyRate": f.onTimeReplyRate])
    }

    /// This body, its configured children and every body named in a roster this node holds.
    static func bodies(_ runtime: NodeRuntime) -> Result<QueryResponse, TransportError> {
        let config = runtime.config
        var rows: [String: [String: Any]] = [config.nodeId: ["node_id": config.nodeId, "name": config.name, "tier": config.tier,
                                                               "parent": config.parent?.nodeId ?? ""]]
        for c in config.children { rows[c.nodeId] = ["node_id": c.nodeId, "name": c.name, "tier": c.tier, "parent": config.nodeId] }
        let reader = runtime.core.store.reader
        do {
            let latest = try reader.rows("SELECT origin, max(seq) FROM events WHERE kind = ? GROUP BY origin ORDER BY origin",
                                         [.integer(Int64(EventKind.roster.protoValue))])
            for r in latest {
                guard case .text(let origin) = r[0], case .integer(let seq) = r[1], seq > 0,
                      let event = try reader.events(origin: origin, seqs: UInt64(seq)...UInt64(seq)).first,
                      let body = try? SignedEvent(body: event.body, signature: event.signature).decodedBody(),
                      let roster = try? Roster(serializedBytes: body.payload) else { continue }
                for e in roster.entries where rows[e.nodeId] == nil || (rows[e.nodeId]?["name"] as? String ?? "").isEmpty {
                    rows[e.nodeId] = ["node_id": e.nodeId, "name": e.name, "tier": e.tier, "parent": e.parent]
                }
            }
        } catch {
            return .failure(TransportError.status(.internal, "query bodies: \(error.message)"))
        }
        return .success(QueryResponse(columns: ["node_id", "name", "tier", "parent"],
                                      rowsJson: rows.keys.sorted().map { AdminHandlers.json(rows[$0]!) }))
    }
}
