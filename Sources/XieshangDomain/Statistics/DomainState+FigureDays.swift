/// Which periods an event's figures touch: the own dates of the records it adds or changes (China Standard Time days
/// as the records carry them), so a rollup re-rolls exactly those periods.
extension DomainState {
    /// The days of every record `event` adds or changes — ask after applying it — and the day from which stocks
    /// (members, plan items, duty scores at a period's end) change.
    ///
    /// A later step of an earlier record (a reply, an adoption, a closing) returns the record's own dates as well
    /// as the step's, since cohort figures (办结率 of the proposals registered in a period) and latest-round figures
    /// of the record's periods change with it.
    public func figureDays(of event: DomainEvent) -> (days: [Day], stocksFrom: Day?) {
        switch event {
        case .activity(let a):
            return ([a.date], a.date)
        case .suggestion(let e):
            guard let s = suggestions[e.suggestionID] else { return ([e.on], e.on) }
            return ([e.on, s.madeOn] + [s.adoptedOn, s.closedOn].compactMap { $0 }, e.on)
        case .proposal(let e):
            guard let p = proposals[e.proposalID] else { return ([e.on], e.on) }
            var days = [e.on, p.submittedOn] + [p.decidedOn, p.firstAssignedOn, p.closedOn, p.keyOn].compactMap { $0 }
            days += p.replies.map(\.on) + p.evaluations.map(\.on) + p.rehandledOn
            return (days, e.on)
        case .opinion(let e):
            guard let r = opinions[e.report.key] else { return ([e.on], e.on) }
            var days = [e.on, r.receivedOn] + [r.decidedOn, r.forwardedOn].compactMap { $0 }
            days += r.higherAdoptions.map(\.on) + r.instructions.map(\.date)
            return (days, min(days.min() ?? e.on, e.on))
        case .plan(let e):
            // Overdue flips the day after a deadline: those days' periods are re-rolled too.
            let deadlines = plans[e.key]?.items.map { $0.deadline.adding(days: 1) } ?? []
            return ([e.on] + deadlines, e.on)
        case .member(let m):
            return ([m.effective], m.effective)
        case .duty(let d):
            return ([d.on], d.on)
        case .research(let e):
            guard let r = researchReports[e.reportID] else { return ([e.on], e.on) }
            return ([e.on, r.reportedOn] + r.instructions.map(\.on) + r.conversions.map(\.on), e.on)
        case .policy(let p):
            return ([], p.effective)
        case .station:
            // A unit counts nothing itself: its activities count at the body, by their own days.
            return ([], nil)
        }
    }
}
