/// Figures per 界别 (sector) 分界别统计: the activities organised by or for each sector and their 人次, for a period.
///
/// Computed where they are read, from the records a body holds — its own and, for its subtree, each body's below that
/// it keeps for drill-down — never part of the signed rollup (stats.proto): sector names are each body's own words
/// (a county's 28 界别 are not a township's), so they are not counters with a fixed number an ancestor could compare.
/// An activity naming several sectors counts once in each, so the rows do not add up to the body's activity total.
public struct SectorFigures: Hashable, Sendable {
    /// One sector's figures.
    public struct Row: Hashable, Sendable {
        /// The sector 界别, as recorded.
        public var sector: String
        /// Activities that named it.
        public var activities: Int64 = 0
        /// Their participants 人次.
        public var participants: Int64 = 0

        /// A sector's figures (none yet by default).
        public init(sector: String, activities: Int64 = 0, participants: Int64 = 0) {
            self.sector = sector
            self.activities = activities
            self.participants = participants
        }
    }

    /// Rows by sector.
    public private(set) var bySector: [String: Row] = [:]

    /// No figures yet.
    public init() {}

    /// The figures of `states` (a body's own records, then those of the bodies below it) in `period`.
    public init(_ states: some Sequence<DomainState>, in period: Period) {
        for s in states { add(s, in: period) }
    }

    /// Adds the activities `state`'s body recorded in `period` (never the activities it keeps only because its members
    /// were guests there: those count at the body that held them). Each activity's 人次 is at most
    /// ``Activity/maxParticipants`` (checked when recorded and when decoded), so a sum stays far inside Int64.
    public mutating func add(_ state: DomainState, in period: Period) {
        for a in state.activities.values where period.contains(a.date) {
            for sector in a.sectors {
                var row = bySector[sector] ?? Row(sector: sector)
                row.activities += 1
                row.participants += Int64(a.participants)
                bySector[sector] = row
            }
        }
    }

    /// The rows, most activities first, then by sector name.
    public var rows: [Row] {
        bySector.values.sorted { ($1.activities, $0.sector) < ($0.activities, $1.sector) }
    }
}
