/// Figures per sub-body unit 分站点统计: a body's activities of a period and their 人次 broken down by the unit they were
/// held at — the body itself (本级, every activity that names no unit, as all did before units were recorded) and each
/// unit it registered, with each unit's total of itself and the units under it.
///
/// The rows at the body itself and at each unit partition the body's activities: each activity is in exactly one of
/// them, so they add up to the body's activity figures (the signed rollup counts each activity once, at the body, as
/// before). Computed where they are read, from the records a body holds — its own and those of the bodies below it —
/// never part of the signed rollup, like ``SectorFigures``.
public struct StationFigures: Hashable, Sendable {
    /// One row: the body itself or one of its units.
    public struct Row: Hashable, Sendable {
        /// The unit; nil for the body itself (activities that name no unit).
        public var station: Station?
        /// How deep it sits: 0 for the body and its direct units, 1 under those, …
        public var depth: Int = 0
        /// Activities held there.
        public var activities: Int64 = 0
        /// Their 人次.
        public var participants: Int64 = 0
        /// Activities held there and at the units under it (the body's row: every activity of the body).
        public var totalActivities: Int64 = 0
        /// Their 人次.
        public var totalParticipants: Int64 = 0
    }

    /// The body whose figures these are.
    public var body: String
    /// The body's row first, then its units in tree order (each unit followed by the units under it, by id).
    public var rows: [Row]

    /// The figures of `state`'s body in `period`; empty rows when it registered no unit. A unit whose parent chain does
    /// not end at the body (a record another body holds that no rule checked here) is listed at depth 0
    /// (``DomainState/stationTree``).
    public init(_ state: DomainState, in period: Period) {
        body = state.body.id
        rows = []
        let stations = state.stations
        guard !stations.isEmpty else { return }
        var own: [String: (Int64, Int64)] = [:], total: [String: (Int64, Int64)] = [:]
        var body = Row(station: nil)
        for a in state.activities.values where period.contains(a.date) {
            let n = Int64(a.participants)
            body.totalActivities += 1
            body.totalParticipants += n
            guard !a.station.isEmpty, stations[a.station] != nil else {
                body.activities += 1
                body.participants += n
                continue
            }
            own[a.station, default: (0, 0)].0 += 1
            own[a.station, default: (0, 0)].1 += n
            for id in state.stationChain(a.station) {
                total[id, default: (0, 0)].0 += 1
                total[id, default: (0, 0)].1 += n
            }
        }
        rows = [body] + state.stationTree.map { s, depth in
            Row(station: s, depth: depth, activities: own[s.id]?.0 ?? 0, participants: own[s.id]?.1 ?? 0,
                totalActivities: total[s.id]?.0 ?? 0, totalParticipants: total[s.id]?.1 ?? 0)
        }
    }
}
