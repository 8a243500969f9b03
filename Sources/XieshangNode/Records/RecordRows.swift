import XieshangDomain
import XieshangStore

/// Writes the projection rows of the records one domain event touched, from the state after the event.
///
/// Each touched record's rows (and its child rows) are deleted and written again from the state, so the rows depend
/// only on the state — which is what makes a rebuild byte-identical to the live tables.
struct RecordRows {
    let db: Database

    /// A record an event may touch.
    enum Target: Hashable {
        case member(String), policy, proposal(String), opinion(OpinionKey), activity(String), suggestion(String)
        case plan(PlanKey), duty
        /// A sub-body unit: no rows of its own (answered from the folded state, the body's and its subtree's alike).
        case station(String)
    }

    /// The records `event` may touch (a merge also touches the proposal merged into; a conversion creates a report).
    static func targets(of event: DomainEvent, in s: DomainState) -> [Target] {
        switch event {
        case .member(let e): return [.member(e.memberID)]
        case .policy: return [.policy]
        case .proposal(let e):
            var targets: [Target] = [.proposal(e.proposalID)]
            if case .reviewed(.merged(let into)) = e.step { targets.append(.proposal(into)) }
            if case .reviewed(.notRegistered(_, _, let conversion?)) = e.step {
                targets.append(.opinion(OpinionKey(originBody: s.body.id, originReportID: conversion.reportID)))
            }
            return targets
        case .opinion(let e): return [.opinion(e.report.key)]
        case .activity(let a): return [.activity(a.id)]
        case .suggestion(let e): return [.suggestion(e.suggestionID)]
        case .plan(let e): return [.plan(e.key)]
        case .duty: return [.duty]
        case .station(let e): return [.station(e.stationID)]
        // Research and inspection reports have no table: their queries read the state (``DomainSubmit/research(_:_:)``).
        case .research: return []
        }
    }

    /// The state's value of a target, compared before and after an event (only the touched records are copied,
    /// never the whole state).
    static func value(of target: Target, in s: DomainState) -> AnyHashable? {
        switch target {
        case .member(let id): return s.members[id]
        case .policy: return s.policyHistory.count
        case .proposal(let id): return s.proposals[id]
        case .opinion(let key): return s.opinions[key]
        case .activity(let id): return s.activities[id]
        case .suggestion(let id): return s.suggestions[id]
        case .plan(let key): return s.plans[key]
        case .duty: return s.dutyRecords.count
        case .station(let id): return s.stations[id]
        }
    }

    /// Rewrites the rows of each target whose value changed from `before` (same order as `targets`).
    func write(_ targets: [Target], before: [AnyHashable?], after s: DomainState) throws(StoreError) {
        for (target, old) in zip(targets, before) where Self.value(of: target, in: s) != old {
            switch target {
            case .member(let id): try member(id, s)
            case .policy: for p in s.policyHistory { try policy(p) }
            case .proposal(let id): try proposal(id, s)
            case .opinion(let key): try opinion(key, s)
            case .activity(let id): try activity(id, s)
            case .suggestion(let id): try suggestion(id, s)
            case .plan(let key): try plan(key, s)
            case .duty:
                let from = (old as? Int) ?? 0
                for i in from..<s.dutyRecords.count { try duty(i, s.dutyRecords[i]) }
            case .station: break
            }
        }
    }

    // MARK: Rows per record

    private func member(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM members WHERE id = ?", [.text(id)])
        guard let m = s.members[id] else { return }
        try insert("members", [.text(m.id), .text(m.name), .text(m.sector), .text(m.body), int(m.term), list(m.roles),
                               bool(m.active), bool(m.invited), day(m.joined), day(m.left)])
    }

    private func policy(_ p: Policy) throws(StoreError) {
        try db.execute("DELETE FROM policy_versions WHERE version = ?", [int(p.version)])
        try insert("policy_versions", [int(p.version), day(p.effective), int(p.replyMonths), int(p.maxExtensionMonths),
                                       int(p.objectionWindowDays), int(p.cosignWindowDays), int(p.evaluationWindowDays),
                                       list(p.replyClasses.map(\.code)), .text(p.satisfactionFormula.rawValue),
                                       int(p.appraisalThresholdPercent), int(p.opinionMaxChars), bool(p.registersProposals)])
    }

    private func proposal(_ id: String, _ s: DomainState) throws(StoreError) {
        for t in ["proposals"] { try db.execute("DELETE FROM \(t) WHERE id = ?", [.text(id)]) }
        for t in ["proposal_cosigners", "proposal_replies", "proposal_evaluations"] {
            try db.execute("DELETE FROM \(t) WHERE proposal_id = ?", [.text(id)])
        }
        guard let p = s.proposals[id] else { return }
        let sub = p.submission
        var review: DatabaseValue = .null, number: DatabaseValue = .null, reason: DatabaseValue = .null, into: DatabaseValue = .null
        switch p.review {
        case .registered(let n)?: review = .text("registered"); number = .text(n)
        case .notRegistered(let r, _, _)?: review = .text("notRegistered"); reason = .text(r)
        case .merged(let i)?: review = .text("merged"); into = .text(i)
        case nil: break
        }
        var mode: DatabaseValue = .null, lead: DatabaseValue = .null
        switch p.assignment?.mode {
        case .lead(let l, _)?: mode = .text("lead"); lead = .text(l)
        case .split?: mode = .text("split")
        case nil: break
        }
        try insert("proposals", [
            .text(p.id), .text(sub.title), .text(sub.text), .text(sub.kind.rawValue), .text(sub.firstProposer),
            .text(sub.collectiveName), .text(sub.fromBody), day(p.submittedOn), day(sub.cosignDeadline),
            .text(p.status.rawValue), day(p.decidedOn), review, number, reason, into, list(p.mergedFrom),
            mode, lead, list(p.assignment?.units ?? []), day(p.firstAssignedOn), day(p.roundStartedOn), day(p.due),
            int(p.round), list(p.objections), day(p.repliedOn), day(p.closedOn), text(p.supervisor), day(p.keyOn),
        ])
        for (i, m) in sub.cosigners.enumerated() {
            try insert("proposal_cosigners", [.text(id), int(i), .text(m), bool(p.confirmedCosigners.contains(m))])
        }
        for (i, r) in p.replies.enumerated() {
            try insert("proposal_replies", [.text(id), int(i), int(r.round), .text(r.unit), .text(r.replyClass), .text(r.text),
                                            day(r.on), day(r.due), bool(r.onTime)])
        }
        for (i, e) in p.evaluations.enumerated() {
            try insert("proposal_evaluations", [.text(id), int(i), int(e.round), .text(e.member), .text(e.rating.rawValue), day(e.on)])
        }
    }

    private func opinion(_ key: OpinionKey, _ s: DomainState) throws(StoreError) {
        let k: [DatabaseValue] = [.text(key.originBody), .text(key.originReportID)]
        for t in ["opinions", "opinion_adoptions", "opinion_instructions"] {
            try db.execute("DELETE FROM \(t) WHERE origin_body = ? AND origin_report_id = ?", k)
        }
        guard let r = s.opinions[key] else { return }
        try insert("opinions", k + [.text(r.author), .text(r.authorKind.rawValue), .text(r.title), .text(r.text),
                                    day(r.receivedOn), text(r.receivedFrom), text(r.convertedFromProposal),
                                    .text(r.status.rawValue), text(r.bulletinIssue), day(r.decidedOn),
                                    text(r.forwardedTo), day(r.forwardedOn)])
        for (i, a) in r.higherAdoptions.enumerated() {
            try insert("opinion_adoptions", k + [int(i), .text(a.body), .text(a.tier), .text(a.bulletinIssue), day(a.on)])
        }
        for (i, n) in r.instructions.enumerated() {
            try insert("opinion_instructions", k + [int(i), .text(n.leaderLevel), .text(n.leader), day(n.date), .text(n.text),
                                                    .text(n.recordedBy)])
        }
    }

    private func activity(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM activities WHERE id = ?", [.text(id)])
        guard let a = s.activities[id] else { return }
        try insert("activities", [.text(a.id), .text(a.kind.rawValue), text(a.form?.rawValue), .text(a.formOther), day(a.date),
                                  .text(a.topic), list(a.hostBodies), int(a.participants), list(a.members),
                                  list(a.suggestionIDs), list(a.reportIDs), .text(a.planItem), list(a.sectors),
                                  text(a.appraisal?.targetUnit), text(a.appraisal?.result?.rawValue), .text(a.station)])
    }

    private func suggestion(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM suggestions WHERE id = ?", [.text(id)])
        guard let g = s.suggestions[id] else { return }
        try insert("suggestions", [.text(g.id), .text(g.text), .text(g.addressee), .text(g.activityID), list(g.members),
                                   .text(g.status.rawValue), day(g.madeOn), day(g.adoptedOn), text(g.adoptedBy), day(g.closedOn)])
    }

    private func plan(_ key: PlanKey, _ s: DomainState) throws(StoreError) {
        let k: [DatabaseValue] = [.text(key.issuer), .text(key.planID)]
        for t in ["plans", "plan_items", "plan_progress"] {
            try db.execute("DELETE FROM \(t) WHERE issuer = ? AND plan_id = ?", k)
        }
        guard let p = s.plans[key] else { return }
        try insert("plans", k + [int(p.year), .text(p.title), .text(p.status.rawValue), day(p.solicitDeadline), text(p.document),
                                 day(p.issuedOn), int(p.topics.count)])
        for (i, item) in p.items.enumerated() {
            try insert("plan_items", k + [.text(item.id), int(i), .text(item.category), .text(item.topic), .text(item.form),
                                          .text(item.leadLeader), .text(item.department), .text(item.person), day(item.deadline),
                                          list(item.assignees), text(item.parent?.issuer), text(item.parent?.planID),
                                          text(item.parent?.itemID)])
            for (j, g) in item.progress.enumerated() {
                try insert("plan_progress", k + [.text(item.id), int(j), .text(g.body), .text(g.stage.name),
                                                 int(g.stage.rawValue), day(g.on), .text(g.note)])
            }
        }
    }

    private func duty(_ ordinal: Int, _ e: DutyEvent) throws(StoreError) {
        switch e.record {
        case .attendance(let meeting, let attendance):
            try insert("duty_records", [int(ordinal), .text(e.memberID), day(e.on), "attendance", .text(meeting),
                                        .text(attendance.rawValue), .null, .null, .null])
        case .adjustment(let category, let tenths, let reason):
            try insert("duty_records", [int(ordinal), .text(e.memberID), day(e.on), "adjustment", .null, .null,
                                        .text(category.rawValue), int(tenths), .text(reason)])
        }
    }

    // MARK: Values

    private func insert(_ table: String, _ values: [DatabaseValue]) throws(StoreError) {
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.execute("INSERT INTO \(table) VALUES (\(marks))", values)
    }
    private func int(_ v: Int) -> DatabaseValue { .integer(Int64(v)) }
    private func bool(_ v: Bool) -> DatabaseValue { .integer(v ? 1 : 0) }
    private func day(_ d: Day?) -> DatabaseValue { d.map { .text($0.description) } ?? .null }
    private func text(_ s: String?) -> DatabaseValue { s.map { .text($0) } ?? .null }
    private func list(_ items: [String]) -> DatabaseValue { .text(items.joined(separator: ",")) }
}
