/// Statistics 统计: the figures of one body for one period, computed from its records (never typed in).
extension DomainState {
    /// This body's own figures for `period` (children's figures are added by the rollup, not here).
    public func figures(for period: Period) -> Figures {
        var f = Figures(period: period)
        f.bodies = 1
        let end = period.end

        for p in proposals.values {
            if period.contains(p.submittedOn) {
                f.proposalsFiled += 1
                f.proposalsByChannel[p.submission.channel.rawValue, default: 0] += 1
            }
            if period.contains(p.decidedOn) {
                switch p.review {
                case .registered:
                    f.proposalsRegistered += 1
                    // 办结率 by cohort: of the proposals registered in the period, those closed by its end.
                    if let closed = p.closedOn, closed <= end { f.proposalsClosedOfRegistered += 1 }
                case .notRegistered: f.proposalsNotRegistered += 1
                case .merged: f.proposalsMerged += 1
                case nil: if p.status == .withdrawn { f.proposalsWithdrawn += 1 }
                }
            }
            if period.contains(p.firstAssignedOn) { f.proposalsAssigned += 1 }
            for r in p.replies where period.contains(r.on) {
                if r.onTime { f.repliesOnTime += 1 } else { f.repliesLate += 1 }
            }
            // Reply classes per proposal: its final class (the last reply given by the period's end), counted in the
            // period of that reply.
            if let last = p.replies.last(where: { $0.on <= end }), period.contains(last.on) {
                f.repliesByClass[last.replyClass, default: 0] += 1
            }
            // 满意率 from each proposal's latest round (as of the period's end): its evaluations given in the period.
            if let latest = p.evaluations.last(where: { $0.on <= end })?.round {
                for e in p.evaluations where e.round == latest && e.on <= end && period.contains(e.on) {
                    switch e.rating {
                    case .satisfied: f.latestRoundSatisfied += 1
                    case .basicallySatisfied: f.latestRoundBasicallySatisfied += 1
                    case .unsatisfied: f.latestRoundUnsatisfied += 1
                    }
                }
            }
            for e in p.evaluations where period.contains(e.on) {
                switch e.rating {
                case .satisfied: f.evaluationsSatisfied += 1
                case .basicallySatisfied: f.evaluationsBasicallySatisfied += 1
                case .unsatisfied: f.evaluationsUnsatisfied += 1
                }
            }
            if period.contains(p.closedOn) { f.proposalsClosed += 1 }
            f.proposalsRehandled += Int64(p.rehandledOn.filter(period.contains).count)
            if period.contains(p.keyOn) {
                // 重点提案 outcomes by cohort: of the key proposals marked in the period, closed / implemented by its end.
                f.keyProposals += 1
                if let closed = p.closedOn, closed <= end { f.keyProposalsClosedOfMarked += 1 }
                if p.supervisionOutcome(asOf: end) == .implemented { f.keyProposalsImplementedOfMarked += 1 }
            }
            f.proposalsInstructed += Int64(p.instructions.filter { period.contains($0.on) }.count)
            f.keyProposalsSupervised += Int64(p.supervisions.filter { period.contains($0.on) }.count)
        }

        for r in opinions.values {
            if period.contains(r.receivedOn) {
                f.opinionsReceived += 1
                if r.receivedFrom == nil { f.opinionsByChannel[r.channel.rawValue, default: 0] += 1 }
            }
            if r.status == .adopted && period.contains(r.decidedOn) { f.opinionsAdopted += 1 }
            if period.contains(r.forwardedOn) { f.opinionsForwarded += 1 }
            for h in r.higherAdoptions where period.contains(h.on) { f.opinionsAdoptedHigher[h.tier, default: 0] += 1 }
            f.opinionsInstructed += Int64(r.instructions.filter { period.contains($0.date) }.count)
            countBeyond(r, in: period, into: &f)
        }

        for a in activities.values where period.contains(a.date) {
            f.activityParticipants += Int64(a.participants)
            switch a.kind {
            case .consultation:
                f.consultations += 1
                f.consultationParticipants += Int64(a.participants)
                if let form = a.form { f.consultationsByForm[form.rawValue, default: 0] += 1 }
            case .research: f.researchVisits += 1
            case .inspection: f.inspections += 1
            case .appraisal: f.appraisals += 1
            case .training: f.trainings += 1
            case .welfare: f.welfareActivities += 1
            case .meeting: break
            }
        }

        for s in suggestions.values {
            if period.contains(s.madeOn) { f.suggestionsMade += 1 }
            if period.contains(s.adoptedOn) { f.suggestionsAdopted += 1 }
            if period.contains(s.closedOn) { f.suggestionsClosed += 1 }
        }

        for plan in plans.values where plan.status == .issued && (plan.issuedOn.map { $0 <= end } ?? false) {
            for item in plan.items where item.assignees.contains(body.id) {
                f.planItemsAssigned += 1
                if item.stage(of: body.id, asOf: end) >= .held { f.planItemsDone += 1 }
                if item.isOverdue(for: body.id, asOf: end) { f.planItemsOverdue += 1 }
            }
        }

        // 议题征集 for the plans this body issues: topics by the day proposed, decisions by the day taken.
        for plan in plans.values where plan.key.issuer == body.id {
            f.topicsProposed += Int64(plan.topics.filter { period.contains($0.proposedOn) }.count)
            for d in plan.topicDecisions.values where period.contains(d.on) {
                switch d.outcome {
                case .adopted: f.topicsAdopted += 1
                case .decided(.merged): f.topicsMerged += 1
                case .decided(.notAdopted): f.topicsNotAdopted += 1
                }
            }
        }

        addResearchFigures(&f, period)

        let assessments = dutyAssessments(year: period.year, upTo: end)
        f.members = Int64(assessments.count)
        f.membersBelowThreshold = Int64(assessments.values.filter(\.needsTalk).count)
        return f
    }
}
