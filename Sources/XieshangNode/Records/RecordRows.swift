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
        try db.insert(RecordTables.members, [
            "id": .text(m.id), "name": .text(m.name), "sector": .text(m.sector), "body": .text(m.body), "term": int(m.term),
            "roles": list(m.roles), "active": bool(m.active), "invited": bool(m.invited), "joined": day(m.joined), "left_on": day(m.left),
        ])
    }

    private func policy(_ p: Policy) throws(StoreError) {
        try db.execute("DELETE FROM policy_versions WHERE version = ?", [int(p.version)])
        try db.insert(RecordTables.policyVersions, Self.policyRow(p))
    }

    /// The row of a policy version (also the schema's first row, ``DomainProjector/schema``).
    static func policyRow(_ p: Policy) -> KeyValuePairs<String, DatabaseValue> {
        [
            "version": .integer(Int64(p.version)), "effective": .text(p.effective.description),
            "reply_months": .integer(Int64(p.replyMonths)), "max_extension_months": .integer(Int64(p.maxExtensionMonths)),
            "objection_window_days": .integer(Int64(p.objectionWindowDays)), "cosign_window_days": .integer(Int64(p.cosignWindowDays)),
            "evaluation_window_days": .integer(Int64(p.evaluationWindowDays)),
            "reply_classes": .text(p.replyClasses.map(\.code).joined(separator: ",")),
            "satisfaction_formula": .text(p.satisfactionFormula.rawValue),
            "appraisal_threshold_percent": .integer(Int64(p.appraisalThresholdPercent)),
            "opinion_max_chars": .integer(Int64(p.opinionMaxChars)), "registers_proposals": .integer(p.registersProposals ? 1 : 0),
        ]
    }

    private func proposal(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM proposals WHERE id = ?", [.text(id)])
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
        try db.insert(RecordTables.proposals, [
            "id": .text(p.id), "title": .text(sub.title), "text": .text(sub.text), "kind": .text(sub.kind.rawValue),
            "first_proposer": .text(sub.firstProposer), "collective_name": .text(sub.collectiveName), "from_body": .text(sub.fromBody),
            "submitted_on": day(p.submittedOn), "cosign_deadline": day(sub.cosignDeadline), "status": .text(p.status.rawValue),
            "decided_on": day(p.decidedOn), "review": review, "register_number": number, "not_registered_reason": reason,
            "merged_into": into, "merged_from": list(p.mergedFrom), "assignment_mode": mode, "lead_unit": lead,
            "units": list(p.assignment?.units ?? []), "first_assigned_on": day(p.firstAssignedOn),
            "round_started_on": day(p.roundStartedOn), "due": day(p.due), "round": int(p.round), "objections": list(p.objections),
            "replied_on": day(p.repliedOn), "closed_on": day(p.closedOn), "supervisor": text(p.supervisor), "key_on": day(p.keyOn),
        ])
        for (i, m) in sub.cosigners.enumerated() {
            try db.insert(RecordTables.proposalCosigners, [
                "proposal_id": .text(id), "ordinal": int(i), "member": .text(m), "confirmed": bool(p.confirmedCosigners.contains(m)),
            ])
        }
        for (i, r) in p.replies.enumerated() {
            try db.insert(RecordTables.proposalReplies, [
                "proposal_id": .text(id), "ordinal": int(i), "round": int(r.round), "unit": .text(r.unit),
                "reply_class": .text(r.replyClass), "text": .text(r.text), "on_day": day(r.on), "due": day(r.due), "on_time": bool(r.onTime),
            ])
        }
        for (i, e) in p.evaluations.enumerated() {
            try db.insert(RecordTables.proposalEvaluations, [
                "proposal_id": .text(id), "ordinal": int(i), "round": int(e.round), "member": .text(e.member),
                "rating": .text(e.rating.rawValue), "on_day": day(e.on),
            ])
        }
    }

    private func opinion(_ key: OpinionKey, _ s: DomainState) throws(StoreError) {
        let body: DatabaseValue = .text(key.originBody), report: DatabaseValue = .text(key.originReportID)
        for t in ["opinions", "opinion_adoptions", "opinion_instructions"] {
            try db.execute("DELETE FROM \(t) WHERE origin_body = ? AND origin_report_id = ?", [body, report])
        }
        guard let r = s.opinions[key] else { return }
        try db.insert(RecordTables.opinions, [
            "origin_body": body, "origin_report_id": report, "author": .text(r.author), "author_kind": .text(r.authorKind.rawValue),
            "title": .text(r.title), "text": .text(r.text), "received_on": day(r.receivedOn), "received_from": text(r.receivedFrom),
            "converted_from_proposal": text(r.convertedFromProposal), "status": .text(r.status.rawValue),
            "bulletin_issue": text(r.bulletinIssue), "decided_on": day(r.decidedOn), "forwarded_to": text(r.forwardedTo),
            "forwarded_on": day(r.forwardedOn),
        ])
        for (i, a) in r.higherAdoptions.enumerated() {
            try db.insert(RecordTables.opinionAdoptions, [
                "origin_body": body, "origin_report_id": report, "ordinal": int(i), "body": .text(a.body), "tier": .text(a.tier),
                "bulletin_issue": .text(a.bulletinIssue), "on_day": day(a.on),
            ])
        }
        for (i, n) in r.instructions.enumerated() {
            try db.insert(RecordTables.opinionInstructions, [
                "origin_body": body, "origin_report_id": report, "ordinal": int(i), "leader_level": .text(n.leaderLevel),
                "leader": .text(n.leader), "date": day(n.date), "text": .text(n.text), "recorded_by": .text(n.recordedBy),
            ])
        }
    }

    private func activity(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM activities WHERE id = ?", [.text(id)])
        guard let a = s.activities[id] else { return }
        try db.insert(RecordTables.activities, [
            "id": .text(a.id), "kind": .text(a.kind.rawValue), "form": text(a.form?.rawValue), "form_other": .text(a.formOther),
            "date": day(a.date), "topic": .text(a.topic), "host_bodies": list(a.hostBodies), "participants": int(a.participants),
            "members": list(a.members), "suggestion_ids": list(a.suggestionIDs), "report_ids": list(a.reportIDs),
            "plan_item": .text(a.planItem), "sectors": list(a.sectors), "target_unit": text(a.appraisal?.targetUnit),
            "result": text(a.appraisal?.result?.rawValue), "station": .text(a.station),
        ])
    }

    private func suggestion(_ id: String, _ s: DomainState) throws(StoreError) {
        try db.execute("DELETE FROM suggestions WHERE id = ?", [.text(id)])
        guard let g = s.suggestions[id] else { return }
        try db.insert(RecordTables.suggestions, [
            "id": .text(g.id), "text": .text(g.text), "addressee": .text(g.addressee), "activity_id": .text(g.activityID),
            "members": list(g.members), "status": .text(g.status.rawValue), "made_on": day(g.madeOn), "adopted_on": day(g.adoptedOn),
            "adopted_by": text(g.adoptedBy), "closed_on": day(g.closedOn),
        ])
    }

    private func plan(_ key: PlanKey, _ s: DomainState) throws(StoreError) {
        let issuer: DatabaseValue = .text(key.issuer), planID: DatabaseValue = .text(key.planID)
        for t in ["plans", "plan_items", "plan_progress"] {
            try db.execute("DELETE FROM \(t) WHERE issuer = ? AND plan_id = ?", [issuer, planID])
        }
        guard let p = s.plans[key] else { return }
        try db.insert(RecordTables.plans, [
            "issuer": issuer, "plan_id": planID, "year": int(p.year), "title": .text(p.title), "status": .text(p.status.rawValue),
            "solicit_deadline": day(p.solicitDeadline), "document": text(p.document), "issued_on": day(p.issuedOn),
            "topics": int(p.topics.count),
        ])
        for (i, item) in p.items.enumerated() {
            try db.insert(RecordTables.planItems, [
                "issuer": issuer, "plan_id": planID, "item_id": .text(item.id), "ordinal": int(i), "category": .text(item.category),
                "topic": .text(item.topic), "form": .text(item.form), "lead_leader": .text(item.leadLeader),
                "department": .text(item.department), "person": .text(item.person), "deadline": day(item.deadline),
                "assignees": list(item.assignees), "parent_issuer": text(item.parent?.issuer),
                "parent_plan_id": text(item.parent?.planID), "parent_item_id": text(item.parent?.itemID),
            ])
            for (j, g) in item.progress.enumerated() {
                try db.insert(RecordTables.planProgress, [
                    "issuer": issuer, "plan_id": planID, "item_id": .text(item.id), "ordinal": int(j), "body": .text(g.body),
                    "stage": .text(g.stage.name), "stage_rank": int(g.stage.rawValue), "on_day": day(g.on), "note": .text(g.note),
                ])
            }
        }
    }

    private func duty(_ ordinal: Int, _ e: DutyEvent) throws(StoreError) {
        switch e.record {
        case .attendance(let meeting, let attendance):
            try db.insert(RecordTables.dutyRecords, [
                "ordinal": int(ordinal), "member_id": .text(e.memberID), "on_day": day(e.on), "record": "attendance",
                "meeting_id": .text(meeting), "attendance": .text(attendance.rawValue), "category": .null, "tenths": .null, "reason": .null,
            ])
        case .adjustment(let category, let tenths, let reason):
            try db.insert(RecordTables.dutyRecords, [
                "ordinal": int(ordinal), "member_id": .text(e.memberID), "on_day": day(e.on), "record": "adjustment",
                "meeting_id": .null, "attendance": .null, "category": .text(category.rawValue), "tenths": int(tenths), "reason": .text(reason),
            ])
        }
    }

    // MARK: Values

    private func int(_ v: Int) -> DatabaseValue { .integer(Int64(v)) }
    private func bool(_ v: Bool) -> DatabaseValue { .integer(v ? 1 : 0) }
    private func day(_ d: Day?) -> DatabaseValue { d.map { .text($0.description) } ?? .null }
    private func text(_ s: String?) -> DatabaseValue { s.map { .text($0) } ?? .null }
    private func list(_ items: [String]) -> DatabaseValue { .text(items.joined(separator: ",")) }
}
