import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// The drill-down from a figure to its signed records (下钻到原始记录): admin query `figure_records` with filters
/// `body`, `period` and `figure` (a stats.proto counter name, e.g. `research_visits`, `replies_by_class.A`) answers
/// one row per signed event behind that figure of that body — `origin`, `seq`, `hash` (hex), `kind`, `record`
/// (the record's id), `date` (the record's own date), `actor` (who made it at its origin, ``EventActor``).
///
/// "Behind a figure" is exact, not a guess from kinds and dates: the body's records as this node holds them (its own
/// events and the cross-body steps that count there, ``NodeFigures/bodiesCounting(_:signer:)`` and
/// ``NodeFigures/countsHere(_:from:at:)`` — plans issued to it included) are replayed in log
/// order, and an event is listed when applying it changes the figure for the period. Every body's records travel up
/// to every ancestor, so the city drills into any body of its subtree.
enum FigureRecords {
    /// The admin query's name (its entry is in ``QueryCatalog``).
    static let recordType = "figure_records"
    /// The record type answering a descendant's own figures as this node recomputes them (filters `body`, `period`):
    /// one row, counter name → value, what the core compares that body's reports with.
    static let recomputedType = "recomputed_figures"
    /// The columns of its rows.
    static let columns = ["origin", "seq", "hash", "kind", "record", "date", "actor"]

    /// One signed event behind a figure.
    struct Row: Hashable, Sendable {
        var origin: String
        var seq: UInt64
        var hash: [UInt8]
        var kind: String
        var record: String
        var date: Day
        /// Who made it at its origin (``EventActor``); empty when the event does not say.
        var actor: String
    }

    /// Answers the query on the node's executor.
    static func query(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        let body = request.filter["body"] ?? runtime.config.nodeId
        let figure = request.filter["figure"] ?? ""
        guard Figures.labelKey(ofName: figure) != nil else {
            return .failure(TransportError.status(.invalidArgument,
                "query figure_records: '\(figure)' is not a figure; name a stats.proto counter such as research_visits or replies_by_class.A"))
        }
        let period: Period
        do { period = try Period.domain(request.filter["period"] ?? "") } catch {
            return .failure(TransportError.status(.invalidArgument, "query figure_records: \(error)"))
        }
        let info = body == runtime.config.nodeId
            ? XieshangDomain.BodyInfo(id: body, name: runtime.config.name, tier: runtime.config.tier, parent: runtime.config.parent?.nodeId)
            : XieshangDomain.BodyInfo(id: body, name: body, tier: "")
        do throws(StoreError) {
            let rows = try records(of: info, figure: figure, period: period, in: runtime.core.store.reader)
            return .success(QueryRows(rows.map { r in
                ["origin": r.origin, "seq": r.seq, "hash": hexString(r.hash), "kind": r.kind,
                 "record": r.record, "date": r.date.description, "actor": r.actor]
            }))
        } catch {
            return .failure(TransportError.status(.internal, "query figure_records of \(body): \(error.message)"))
        }
    }

    /// Answers `recomputed_figures` on the node's executor.
    static func recomputed(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<QueryRows, TransportError> {
        let body = request.filter["body"] ?? ""
        let period = request.filter["period"] ?? ""
        guard let r = runtime.core.recomputedFigures(of: body, period: period) else {
            return .failure(TransportError.status(.invalidArgument,
                "query recomputed_figures: \(runtime.config.nodeId) recomputes no figures of '\(body)' for '\(period)' (a descendant body and a period such as 2026-Q3)"))
        }
        var row: [String: Any] = [:]
        for (k, v) in r.figures where r.compares(k) { row[k] = v }
        return .success(QueryRows([row], varying: row.keys.sorted()))
    }

    /// The events behind `figure` of `body` for `period`, in log order.
    /// - Throws: ``StoreError`` when the log cannot be read.
    static func records(of body: XieshangDomain.BodyInfo, figure: String, period: Period, in reader: EventReader) throws(StoreError) -> [Row] {
        var state = DomainState(body: body)
        var out: [Row] = []
        try forEachDomainEvent(in: reader) { e, signed, event in
            guard NodeFigures.bodiesCounting(event, signer: ChainName.node(of: e.origin)).contains(body.id)
                    || NodeFigures.countsHere(event, from: ChainName.node(of: e.origin), at: body.id) else { return }
            let before = state.figures(for: period).namedCounts[figure] ?? 0
            state.apply(event)
            guard (state.figures(for: period).namedCounts[figure] ?? 0) != before else { return }
            let (record, date) = identity(event)
            out.append(Row(origin: e.origin, seq: e.seq, hash: e.hash, kind: "\(signed.kind)", record: record, date: date, actor: EventActor.bounded(signed.actor)))
        }
        return out
    }

    /// Calls `visit` with every domain event of the log that decodes (the stored event, its signed body, the domain
    /// event), in log order, reading the log in pages of 2,000.
    /// - Throws: ``StoreError`` when the log cannot be read.
    static func forEachDomainEvent(in reader: EventReader, _ visit: (StoredEvent, EventBody, DomainEvent) -> Void) throws(StoreError) {
        var position: Int64 = 0
        while true {
            let entries = try reader.entries(after: position, limit: 2_000)
            guard let last = entries.last else { break }
            position = last.position
            for entry in entries where DomainProjector.domainKinds.contains(entry.event.kind) {
                let e = entry.event
                guard let decoded = try? SignedEvent(body: e.body, signature: e.signature).decodedBody(),
                      let event = try? DomainEvent(kind: decoded.kind, payload: decoded.payload) else { continue }
                visit(e, decoded, event)
            }
        }
    }

    /// A domain event's record id and own date (the day it happened, China Standard Time).
    static func identity(_ event: DomainEvent) -> (record: String, date: Day) {
        switch event {
        case .activity(let a): return (a.id, a.date)
        case .suggestion(let e): return (e.suggestionID, e.on)
        case .proposal(let e): return (e.proposalID, e.on)
        case .opinion(let e): return (e.report.key.description, e.on)
        case .plan(let e): return (e.key.issuer + "/" + e.key.planID, e.on)
        case .member(let m): return (m.memberID, m.effective)
        case .duty(let d): return (d.memberID, d.on)
        case .policy(let p): return ("policy", p.effective)
        case .station(let e): return (e.stationID, e.on)
        case .research(let e): return (e.reportID, e.on)
        }
    }
}
