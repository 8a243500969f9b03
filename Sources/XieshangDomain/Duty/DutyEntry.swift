/// One ledger line of a member's duty score 履职积分, derived from a record it cites.
public struct DutyEntry: Hashable, Sendable {
    /// Which record the entry comes from.
    public enum Source: Hashable, Sendable {
        /// A proposal (id).
        case proposal(String)
        /// An opinion report (provenance key).
        case opinion(OpinionKey)
        /// An activity (id).
        case activity(String)
        /// An activity of another body (below this one) the member took part in as a guest: the body where it
        /// happened and its id there.
        case activityAt(body: String, id: String)
        /// Attendance at a meeting (id).
        case attendance(String)
        /// An adjustment (reason).
        case adjustment(String)

        /// A cheap, stable key ("proposal:P1") for ordering and de-duplication.
        public var key: String {
            switch self {
            case .proposal(let id): return "proposal:" + id
            case .opinion(let k): return "opinion:" + k.originBody + "/" + k.originReportID
            case .activity(let id): return "activity:" + id
            case .activityAt(let body, let id): return "activity:" + body + "/" + id
            case .attendance(let id): return "attendance:" + id
            case .adjustment(let reason): return "adjustment:" + reason
            }
        }
    }

    /// The body where the cited record was made, when it is another body's (an activity at a township).
    public var elsewhere: String? {
        if case .activityAt(let body, _) = source { return body }
        return nil
    }

    /// Member id.
    public var member: String
    /// Day of the record.
    public var on: Day
    /// Category.
    public var category: DutyCategory
    /// Points in tenths (negative for penalties).
    public var tenths: Int
    /// Rule applied, as a label key ("duty.proposal.cosigner").
    public var rule: String
    /// The record cited.
    public var source: Source
}
