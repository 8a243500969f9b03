import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWire

/// The queries of 界别 and 民主评议 on activities: `sector_figures` (activities and 人次 per sector for a `period`, this
/// body's own and its subtree's — computed from the records it holds, not from the signed rollup: ``SectorFigures``)
/// and `activity_appraisals` (the democratic appraisals of a `period` with their unit appraised and result, by unit;
/// filter `unit` for one unit).
extension DomainSubmit {
    /// The period of a query's `period` filter (default this year in Beijing time).
    static func queryPeriod(_ runtime: NodeRuntime, _ request: QueryRequest) -> Result<(text: String, period: Period), TransportError> {
        let text = request.filter["period"] ?? String(Day(chinaTimeMs: runtime.now()).year)
        do { return .success((text, try Period.domain(text))) } catch {
            return .failure(TransportError.status(.invalidArgument,
                "query \(request.recordType): filter period '\(text)' is not a period like 2026, 2026-Q2 or 2026-11: \(error)"))
        }
    }

    /// Activities and 人次 per 界别: one row per sector with this body's own figures and its subtree's (itself and every
    /// body below whose records it holds), most subtree activities first.
    static func sectorFigures(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState, below: [String: DomainState])
        -> Result<QueryRows, TransportError> {
        let period: Period
        switch queryPeriod(runtime, request) {
        case .success(let p): period = p.period
        case .failure(let e): return .failure(e)
        }
        let rows: [[String: Any]] = sectorFigures(state, below: below, period: period).map { r in
            ["sector": r.subtree.sector, "activities": r.own.activities, "participants": r.own.participants,
             "subtree_activities": r.subtree.activities, "subtree_participants": r.subtree.participants]
        }
        return .success(QueryRows(rows))
    }

    /// Per 界别, this body's own figures (zero when it held none) and its subtree's: the body's state and the states of
    /// the bodies below it that it holds, most subtree activities first. What `stats` and the dashboard show.
    static func sectorFigures(_ state: DomainState, below: [String: DomainState], period: Period)
        -> [(own: SectorFigures.Row, subtree: SectorFigures.Row)] {
        let own = SectorFigures([state], in: period)
        let subtree = SectorFigures([state] + below.keys.sorted().compactMap { below[$0] }, in: period)
        return subtree.rows.map { (own.bySector[$0.sector] ?? SectorFigures.Row(sector: $0.sector), $0) }
    }

    /// The democratic appraisals 民主评议 of the `period` filter: unit appraised, day, activity, topic, result.
    static func activityAppraisals(_ runtime: NodeRuntime, _ request: QueryRequest, _ state: DomainState) -> Result<QueryRows, TransportError> {
        let period: Period
        switch queryPeriod(runtime, request) {
        case .success(let p): period = p.period
        case .failure(let e): return .failure(e)
        }
        let unit = request.filter["unit"].flatMap { $0.isEmpty ? nil : $0 }
        let rows: [[String: Any]] = state.activityAppraisals(in: period, unit: unit).map { r in
            ["target_unit": r.appraisal.targetUnit, "date": r.activity.date.description, "id": r.activity.id, "topic": r.activity.topic,
             "result": r.appraisal.result?.rawValue ?? JSONNull(), "participants": r.activity.participants]
        }
        return .success(QueryRows(rows))
    }
}
