import XieshangWire

extension ProposalEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.ProposalEvent {
        typealias W = XieshangWire.ProposalEvent
        func assignment(_ a: Assignment) -> W.Assigned {
            switch a.mode {
            case .lead(let lead, let co): return W.Assigned(mode: .lead, leadUnit: lead, units: co, due: a.due?.description ?? "")
            case .split(let units): return W.Assigned(mode: .split, units: units, due: a.due?.description ?? "")
            }
        }
        let wireStep: W.Step
        switch step {
        case .submitted(let s):
            let kind: XieshangWire.ProposalKind = switch s.kind {
            case .individual: .individual
            case .joint: .joint
            case .collective: .collective
            case .fromLowerBody: .fromLowerBody
            }
            wireStep = .submitted(W.Submitted(title: s.title, text: s.text, kind: kind, firstProposer: s.firstProposer,
                                              cosigners: s.cosigners, cosignDeadline: s.cosignDeadline?.description ?? "",
                                              collectiveName: s.collectiveName, fromBody: s.fromBody, channel: s.channel.wireValue))
        case .cosignerConfirmed(let m): wireStep = .cosignerConfirmed(W.CosignerConfirmed(memberId: m))
        case .withdrawn(let by, let reason): wireStep = .withdrawn(W.Withdrawn(by: by, reason: reason))
        case .reviewed(let review):
            switch review {
            case .registered(let number):
                wireStep = .reviewed(W.Reviewed(outcome: .registered, registrationNumber: number))
            case .notRegistered(let reason, let notice, let conversion):
                wireStep = .reviewed(W.Reviewed(outcome: .notRegistered, reasonCode: reason, notice: notice,
                                                convertToOpinion: conversion != nil,
                                                opinionReportId: conversion?.reportID ?? "",
                                                consentBy: conversion?.consentBy ?? ""))
            case .merged(let into):
                wireStep = .reviewed(W.Reviewed(outcome: .merged, mergedInto: into))
            }
        case .assigned(let a): wireStep = .assigned(assignment(a))
        case .objected(let unit, let reason): wireStep = .objected(W.Objected(unit: unit, reason: reason))
        case .reassigned(let a): wireStep = .reassigned(W.Reassigned(assignment: assignment(a)))
        case .extended(let due, let reason): wireStep = .extended(W.Extended(newDue: due.description, reason: reason))
        case .coHandlingOpinion(let unit, let text): wireStep = .coHandlingOpinion(W.CoHandlingOpinion(unit: unit, text: text))
        case .replied(let unit, let cls, let text): wireStep = .replied(W.Replied(unit: unit, replyClass: cls, text: text))
        case .evaluated(let m, let rating, let comment):
            wireStep = .evaluated(W.Evaluated(memberId: m, rating: rating.wire, comment: comment))
        case .rehandled(let reason, let due, let byAppraisal):
            wireStep = .rehandled(W.Rehandled(reason: reason, due: due?.description ?? "", byAppraisal: byAppraisal))
        case .closed(let note): wireStep = .closed(W.Closed(note: note))
        case .keyProposal(let supervisor): wireStep = .keyProposal(W.KeyProposal(supervisor: supervisor))
        case .appraised(let a):
            wireStep = .appraised(W.Appraised(quarter: a.quarter.description, satisfied: Int32(clamping: a.satisfied),
                                              basicallySatisfied: Int32(clamping: a.basicallySatisfied),
                                              unsatisfied: Int32(clamping: a.unsatisfied), thresholdPercent: Int32(clamping: a.thresholdPercent)))
        case .explained(let unit, let text): wireStep = .explained(W.Explained(unit: unit, text: text))
        case .instructed(let i):
            wireStep = .instructed(W.LeaderInstruction(leaderLevel: i.leaderLevel, leader: i.leader, text: i.text))
        case .supervised(let outcome, let note):
            let o: XieshangWire.SupervisionOutcome = switch outcome {
            case .inProgress: .inProgress
            case .implemented: .implemented
            case .partlyImplemented: .partlyImplemented
            case .notImplemented: .notImplemented
            }
            wireStep = .supervised(W.Supervised(outcome: o, note: note))
        }
        return W(proposalId: proposalID, on: on.description, policyVersion: Int32(clamping: policyVersion), step: wireStep)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, an unset step or an unknown enum value.
    public init(wire m: XieshangWire.ProposalEvent) throws {
        func assignment(_ a: XieshangWire.ProposalEvent.Assigned?) throws -> Assignment {
            guard let a else { throw wireMissing("ProposalEvent.Reassigned.assignment") }
            let due = try wireOptionalDay(a.due, "ProposalEvent.Assigned.due")
            switch a.mode {
            case .lead: return Assignment(.lead(a.leadUnit, coHandling: a.units), due: due)
            case .split: return Assignment(.split(a.units), due: due)
            default: throw wireMissing("ProposalEvent.Assigned.mode")
            }
        }
        guard let wireStep = m.step else { throw wireMissing("ProposalEvent.step") }
        let step: Step
        switch wireStep {
        case .submitted(let s):
            let kind: Kind
            switch s.kind {
            case .individual: kind = .individual
            case .joint: kind = .joint
            case .collective: kind = .collective
            case .fromLowerBody: kind = .fromLowerBody
            default: throw wireMissing("ProposalEvent.Submitted.kind")
            }
            step = .submitted(Submission(title: s.title, text: s.text, kind: kind, firstProposer: s.firstProposer,
                                         cosigners: s.cosigners,
                                         cosignDeadline: try wireOptionalDay(s.cosignDeadline, "ProposalEvent.Submitted.cosign_deadline"),
                                         collectiveName: s.collectiveName, fromBody: s.fromBody,
                                         channel: try IntakeChannel(wire: s.channel)))
        case .cosignerConfirmed(let c): step = .cosignerConfirmed(member: c.memberId)
        case .withdrawn(let w): step = .withdrawn(by: w.by, reason: w.reason)
        case .reviewed(let r):
            switch r.outcome {
            case .registered: step = .reviewed(.registered(number: r.registrationNumber))
            case .notRegistered:
                let conversion = r.convertToOpinion ? Conversion(reportID: r.opinionReportId, consentBy: r.consentBy) : nil
                step = .reviewed(.notRegistered(reason: r.reasonCode, notice: r.notice, conversion: conversion))
            case .merged: step = .reviewed(.merged(into: r.mergedInto))
            default: throw wireMissing("ProposalEvent.Reviewed.outcome")
            }
        case .assigned(let a): step = .assigned(try assignment(a))
        case .objected(let o): step = .objected(unit: o.unit, reason: o.reason)
        case .reassigned(let r): step = .reassigned(try assignment(r.assignment))
        case .extended(let e): step = .extended(newDue: try wireDay(e.newDue, "ProposalEvent.Extended.new_due"), reason: e.reason)
        case .coHandlingOpinion(let o): step = .coHandlingOpinion(unit: o.unit, text: o.text)
        case .replied(let r): step = .replied(unit: r.unit, replyClass: r.replyClass, text: r.text)
        case .evaluated(let e):
            guard let rating = Rating(wire: e.rating) else { throw wireMissing("ProposalEvent.Evaluated.rating") }
            step = .evaluated(member: e.memberId, rating: rating, comment: e.comment)
        case .rehandled(let r):
            step = .rehandled(reason: r.reason, due: try wireOptionalDay(r.due, "ProposalEvent.Rehandled.due"),
                              byAppraisal: r.byAppraisal)
        case .closed(let c): step = .closed(note: c.note)
        case .keyProposal(let k): step = .keyProposal(supervisor: k.supervisor)
        case .appraised(let a):
            let quarter: Period
            do { quarter = try Period.domain(a.quarter) } catch {
                throw DomainError(.invalidInput, rule: "wire.period", zh: "ProposalEvent.Appraised.quarter 不是期间：\(a.quarter)",
                                  en: "ProposalEvent.Appraised.quarter '\(a.quarter)' is not a period: \(error)")
            }
            step = .appraised(Appraisal(quarter: quarter, satisfied: int(a.satisfied), basicallySatisfied: int(a.basicallySatisfied),
                                        unsatisfied: int(a.unsatisfied), thresholdPercent: int(a.thresholdPercent)))
        case .explained(let x): step = .explained(unit: x.unit, text: x.text)
        case .instructed(let i): step = .instructed(Instruction(leaderLevel: i.leaderLevel, leader: i.leader, text: i.text))
        case .supervised(let v):
            let outcome: SupervisionOutcome
            switch v.outcome {
            case .inProgress: outcome = .inProgress
            case .implemented: outcome = .implemented
            case .partlyImplemented: outcome = .partlyImplemented
            case .notImplemented: outcome = .notImplemented
            default: throw wireMissing("ProposalEvent.Supervised.outcome")
            }
            step = .supervised(outcome: outcome, note: v.note)
        }
        self.init(m.proposalId, on: try wireDay(m.on, "ProposalEvent.on"), step, policyVersion: int(m.policyVersion))
    }
}

extension ProposalEvent.Rating {
    /// The wire enum `Rating` (proposals.proto), shared by evaluations 测评 and democratic appraisals 民主评议.
    public var wire: XieshangWire.Rating {
        switch self {
        case .satisfied: .satisfied
        case .basicallySatisfied: .basicallySatisfied
        case .unsatisfied: .unsatisfied
        }
    }

    /// From the wire enum; nil for RATING_UNSPECIFIED or an unknown value.
    public init?(wire: XieshangWire.Rating) {
        switch wire {
        case .satisfied: self = .satisfied
        case .basicallySatisfied: self = .basicallySatisfied
        case .unsatisfied: self = .unsatisfied
        default: return nil
        }
    }
}
