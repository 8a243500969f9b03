/// The handling table of the units 承办单位办理情况表: per unit, the proposals assigned, replies on time and late, the
/// replies overdue now, the reply classes and the proposers' satisfaction — for the units' performance reviews
/// (纳入部门绩效考核).
extension DomainState {
    /// One unit's line of the handling table.
    public struct UnitHandling: Hashable, Sendable {
        /// The unit.
        public var unit: String
        /// Proposals assigned to it in the period 交办件数 (lead, co-handling or split; by their first assignment day).
        public var assigned: Int = 0
        /// Of those, as lead or split unit (it replies).
        public var replying: Int = 0
        /// Replies it gave in the period by their due date 按期答复.
        public var repliedOnTime: Int = 0
        /// Replies it gave in the period after their due date 逾期答复.
        public var repliedLate: Int = 0
        /// Replies it owes that are past due on the day asked 逾期未答复 (``Proposal/isOverdue(asOf:)``).
        public var overdue: Int = 0
        /// Its replies in the period by reply class code.
        public var byClass: [String: Int] = [:]
        /// Evaluations 满意 in the period of the rounds it replied in.
        public var satisfied: Int = 0
        /// Evaluations 基本满意.
        public var basicallySatisfied: Int = 0
        /// Evaluations 不满意.
        public var unsatisfied: Int = 0

        /// Makes an empty line.
        public init(unit: String) { self.unit = unit }

        /// 按期答复率 = on time / replies.
        public var onTimeRate: Rate { Rate(Int64(repliedOnTime), of: Int64(repliedOnTime + repliedLate)) }

        /// 满意率 with the body's formula.
        public func satisfactionRate(_ formula: Policy.SatisfactionFormula) -> Rate {
            let all = Int64(satisfied + basicallySatisfied + unsatisfied)
            return Rate(Int64(formula == .satisfiedOnly ? satisfied : satisfied + basicallySatisfied), of: all)
        }
    }

    /// The units that replied in the round an evaluation rated: those its rating counts for.
    func ratedUnits(_ p: Proposal, _ e: Proposal.Evaluation) -> Set<String> {
        Set(p.replies.filter { $0.round == e.round }.map(\.unit))
    }

    /// The handling table for `period`, with the replies overdue on `day`, one line per unit ordered by unit.
    public func unitHandling(in period: Period, overdueOn day: Day) -> [UnitHandling] {
        var lines: [String: UnitHandling] = [:]
        func update(_ unit: String, _ change: (inout UnitHandling) -> Void) {
            var line = lines[unit] ?? UnitHandling(unit: unit)
            change(&line)
            lines[unit] = line
        }
        for p in proposals.values {
            if let a = p.assignment, period.contains(p.firstAssignedOn) {
                for unit in a.units {
                    update(unit) { $0.assigned += 1; if a.replyingUnits.contains(unit) { $0.replying += 1 } }
                }
            }
            for r in p.replies where period.contains(r.on) {
                update(r.unit) {
                    if r.onTime { $0.repliedOnTime += 1 } else { $0.repliedLate += 1 }
                    $0.byClass[r.replyClass, default: 0] += 1
                }
            }
            if p.isOverdue(asOf: day), let a = p.assignment {
                let replied = Set(p.currentReplies.map(\.unit))
                for unit in a.replyingUnits where !replied.contains(unit) { update(unit) { $0.overdue += 1 } }
            }
            for e in p.evaluations where period.contains(e.on) {
                for unit in ratedUnits(p, e) {
                    update(unit) {
                        switch e.rating {
                        case .satisfied: $0.satisfied += 1
                        case .basicallySatisfied: $0.basicallySatisfied += 1
                        case .unsatisfied: $0.unsatisfied += 1
                        }
                    }
                }
            }
        }
        return lines.keys.sorted().compactMap { lines[$0] }
    }
}
