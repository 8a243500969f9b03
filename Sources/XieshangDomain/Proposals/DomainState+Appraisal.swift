/// Quarterly appraisal 季度测评: a unit whose satisfaction is below the policy threshold has its replies
/// returned for re-handling with a written explanation.
extension DomainState {
    /// One unit's satisfaction in a quarter.
    public struct UnitSatisfaction: Hashable, Sendable {
        /// The unit.
        public var unit: String
        /// Its satisfaction rate with the body's formula.
        public var rate: Rate
        /// Whether it is below the threshold.
        public var belowThreshold: Bool
    }

    /// Appraises the units for a quarter and returns their satisfaction and the re-handling commands for the
    /// replied proposals of units below the threshold (record each with `record(_:by: .committee)`).
    public func quarterlyAppraisal(_ quarter: Period, on day: Day) -> (units: [UnitSatisfaction], returns: [ProposalEvent]) {
        var counts: [String: (good: Int64, strict: Int64, all: Int64)] = [:]
        for p in proposals.values {
            for e in p.evaluations where quarter.contains(e.on) {
                for unit in ratedUnits(p, e) {
                    var c = counts[unit] ?? (0, 0, 0)
                    c.all += 1
                    if e.rating != .unsatisfied { c.good += 1 }
                    if e.rating == .satisfied { c.strict += 1 }
                    counts[unit] = c
                }
            }
        }
        let units = counts.keys.sorted().map { unit -> UnitSatisfaction in
            let c = counts[unit, default: (0, 0, 0)]
            let rate = Rate(policy.satisfactionFormula == .satisfiedOnly ? c.strict : c.good, of: c.all)
            return UnitSatisfaction(unit: unit, rate: rate, belowThreshold: rate.isBelow(percent: policy.appraisalThresholdPercent))
        }
        let below = Set(units.filter(\.belowThreshold).map(\.unit))
        let returns = proposals.values
            .filter { p in (p.status == .replied || p.status == .evaluated)
                && p.currentReplies.contains { below.contains($0.unit) } }
            .sorted { $0.id < $1.id }
            .map { p in
                let unit = p.currentReplies.map(\.unit).filter(below.contains).sorted().joined(separator: "、")
                return ProposalEvent(p.id, on: day, .rehandled(
                    reason: "季度测评：\(unit) 满意率低于 \(policy.appraisalThresholdPercent)%，退回重办并书面说明",
                    due: nil, byAppraisal: true))
            }
        return (units, returns)
    }

    /// One proposal's quarterly appraisal 逐个提案测评 as the list of a quarter shows it.
    public struct ProposalAppraisal: Hashable, Sendable {
        /// The proposal.
        public var proposalID: String
        /// The appraisal.
        public var appraisal: Proposal.Appraisal
        /// The written explanations 书面说明 the units gave for the returned reply (empty when not returned).
        public var explanations: [Proposal.Explanation]
    }

    /// The proposals rated at the appraisal of `quarter`, ordered by proposal id; only those below the threshold
    /// (compared unrounded, with the threshold in force when rated) when `belowOnly`.
    public func proposalAppraisals(_ quarter: Period, belowOnly: Bool = false) -> [ProposalAppraisal] {
        proposals.values.sorted { $0.id < $1.id }.flatMap { p in
            p.appraisals.filter { $0.quarter == quarter && (!belowOnly || $0.belowThreshold) }.map { a in
                ProposalAppraisal(proposalID: p.id, appraisal: a,
                                  explanations: a.belowThreshold ? p.explanations.filter { $0.round == a.round } : [])
            }
        }
    }
}
