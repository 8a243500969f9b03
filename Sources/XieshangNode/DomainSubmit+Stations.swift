import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The queries of sub-body units 基层协商平台: `stations` (the units a body registered, retired ones too, in tree order)
/// and `station_figures` (its activities and 人次 of a `period` at the body itself and at each unit — ``StationFigures``,
/// computed from the records held, not from the signed rollup). Both answer for this body and every body below whose
/// records it holds (their units travel up with their other records); filter `body` for one of them.
extension DomainSubmit {
    /// The states the `body` filter names (default: this body's, then those below it that registered units, by id).
    static func stationStates(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState, below: [String: DomainState])
        -> Result<[DomainState], TransportError> {
        guard let only = request.filter["body"], !only.isEmpty else {
            return .success([state] + below.keys.sorted().compactMap { below[$0] }.filter { !$0.stations.isEmpty })
        }
        if only == state.body.id { return .success([state]) }
        guard let s = below[only] else {
            return .failure(TransportError.status(.notFound,
                "[station.body] \(only) is neither \(state.body.id) nor a body below it whose records \(state.body.id) holds (\(only) 不是本级或已报送记录的下级组织)"))
        }
        return .success([s])
    }

    /// One row per unit: body, id, name, kind, parent, depth, established, retired_on.
    static func stations(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState, below: [String: DomainState])
        -> Result<QueryRows, TransportError> {
        let states: [DomainState]
        switch stationStates(runtime, request, state, below: below) {
        case .success(let s): states = s
        case .failure(let e): return .failure(e)
        }
        var rows: [[String: Any]] = []
        for s in states {
            for (u, depth) in s.stationTree {
                let parent: Any = u.parent ?? JSONNull(), retired: Any = u.retiredOn?.description ?? JSONNull()
                rows.append(["body": s.body.id, "id": u.id, "name": u.name, "kind": u.kind.rawValue, "parent": parent,
                             "depth": depth, "established": u.established.description, "retired_on": retired])
            }
        }
        return .success(QueryRows(rows))
    }

    /// The dashboard's cells per unit 分站点 (body name, unit indented by depth, kind, activities and 人次 there and with the
    /// units under it) for this body and every body below that registered units.
    static func stationRows(_ state: DomainState, below: [String: DomainState], period: Period, names: [String: String]) -> [[String]] {
        ([state] + below.keys.sorted().compactMap { below[$0] }).flatMap { s in
            StationFigures(s, in: period).rows.map { (r: StationFigures.Row) -> [String] in
                var unit = Labels.zh("station.body"), kind = "—"
                if let u = r.station {
                    let retired: String = u.retiredOn.map { "（\($0) 撤销）" } ?? ""
                    unit = String(repeating: "　", count: min(r.depth, 3)) + u.name + retired
                    kind = Labels.zh("station." + u.kind.rawValue)
                }
                return [names[s.body.id] ?? s.body.id, unit, kind, String(r.activities), String(r.participants),
                        String(r.totalActivities), String(r.totalParticipants)]
            }
        }
    }

    /// One row per body that registered units and per unit: activities and 人次 held there, and with the units under it
    /// (the body's row: every activity of the body, so its `total_activities` is the body's activity figure).
    static func stationFigures(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState, below: [String: DomainState])
        -> Result<QueryRows, TransportError> {
        let period: Period, states: [DomainState]
        switch queryPeriod(runtime, request) {
        case .success(let p): period = p.period
        case .failure(let e): return .failure(e)
        }
        switch stationStates(runtime, request, state, below: below) {
        case .success(let s): states = s
        case .failure(let e): return .failure(e)
        }
        let rows: [[String: Any]] = states.flatMap { s in
            StationFigures(s, in: period).rows.map { (r: StationFigures.Row) -> [String: Any] in
                let parent: Any = r.station?.parent ?? JSONNull(), retired: Any = r.station?.retiredOn?.description ?? JSONNull()
                let name: String = r.station?.name ?? Labels.zh("station.body"), kind: String = r.station?.kind.rawValue ?? "body"
                return ["body": s.body.id, "station": r.station?.id ?? "", "name": name, "kind": kind, "parent": parent,
                        "depth": r.depth, "retired_on": retired, "activities": r.activities, "participants": r.participants,
                        "total_activities": r.totalActivities, "total_participants": r.totalParticipants]
            }
        }
        return .success(QueryRows(rows))
    }
}
