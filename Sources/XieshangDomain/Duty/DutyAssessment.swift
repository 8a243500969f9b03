/// A member's duty assessment 年度履职考核 for one year.
public struct DutyAssessment: Hashable, Sendable {
    /// Member id.
    public var member: String
    /// Year.
    public var year: Int
    /// Every entry, in a stable order (day, category, rule, source).
    public var entries: [DutyEntry]
    /// Points per category after the cap of its positive part (penalties are never capped).
    public var categoryTenths: [DutyCategory: Int]
    /// Base + categories, in tenths.
    public var totalTenths: Int
    /// Proposals counted toward the yearly minimum.
    public var proposalCount: Int
    /// Opinion reports counted toward the yearly minimum.
    public var opinionCount: Int
    /// The yearly minimums ("四个一": proposals, opinion reports, research or inspection, public welfare), each with
    /// the member's count and the policy's minimum, in that order.
    public var minimums: [DutyMinimum]
    /// Trainings 履职培训 taken part in.
    public var trainingCount: Int
    /// Yearly minimums missed ("四个一"), in the order of ``minimums``.
    public var minimumsMissed: [DutyCategory]
    /// Below the talk threshold → talk 约谈.
    public var needsTalk: Bool
    /// Below the threshold for the policy's number of years running → resignation recommended 劝退.
    public var resignationRecommended: Bool

    /// The total in points, as text with one decimal ("72.5").
    public var totalText: String {
        let sign = totalTenths < 0 ? "-" : ""
        let v = totalTenths.magnitude
        return "\(sign)\(v / 10).\(v % 10)"
    }
}

/// One yearly minimum of "四个一" for a member: what they did against what the policy asks.
public struct DutyMinimum: Hashable, Sendable {
    /// The category counted (proposals, opinions, research, welfare).
    public var category: DutyCategory
    /// How many the member did in the year (proposals and activities counted once each).
    public var count: Int
    /// The policy's yearly minimum (0: no minimum).
    public var required: Int
    /// Whether the minimum is met.
    public var met: Bool { count >= required }
}
