/// A step of one body's work that changes another body's record 跨组织环节.
///
/// A record belongs to (and counts in) the body that originated it. A received event signed by another body never
/// changes this body's own records or rules, except by one of the steps below — the whole list, described once in
/// ``match(_:)``, which the projector consults for every event of another body (``DomainEvent/reach(signer:at:arrived:)``).
/// The step's "who" fields must name the signer.
public enum CrossBodyStep: String, Hashable, Sendable, CaseIterable {
    /// 报送: an opinion report forwarded up to me (I keep my copy). Who: the forwarding body.
    case reportForwarded
    /// 上级录用: my report adopted higher up (attributed to the adopting body's level). Who: the adopting body.
    case reportAdoptedHigher
    /// 批示: a leader's instruction on my report, recorded higher up. Who: the recording body.
    case reportInstruction
    /// 省政协/全国政协采用: my report adopted above the federation, recorded by the body that sent it up (counted there,
    /// not here). Who: the recording body.
    case reportAdoptedAbove
    /// 计划下达: a plan and its items issued to me, down from the issuer. Who: the issuer.
    case planIssued
    /// 征集议题: a topic proposed to me as issuer, up from a lower body. Who: the proposing body.
    case topicProposed
    /// 进度上报: progress reported to me as issuer, up from an assignee. Who: the assignee.
    case progressReported

    /// The way a step travels between bodies.
    public enum Direction: String, Hashable, Sendable {
        /// Towards the root (a child's event reaching its ancestors).
        case up
        /// Towards the leaves (an ancestor's event reaching its subtree).
        case down
    }

    /// One row of the table: the step an event is, which way it travels, which body it is for (nil: every body it
    /// reaches, as a plan issued to a subtree) and the bodies its "who" fields name.
    public struct Match: Hashable, Sendable {
        /// The step.
        public var step: CrossBodyStep
        /// The way it travels.
        public var direction: Direction
        /// The body whose record it changes (nil: every body it reaches).
        public var recipient: String?
        /// The bodies its "who" fields name; each must be the signer.
        public var who: [String]
        /// The body that owns the record, when it is not the recipient's (a forwarded report stays its origin's):
        /// it may not be the recipient.
        public var owner: String? = nil
    }

    /// The table: the cross-body step `event` is, or nil when it is none (a step of the signer's own records only).
    public static func match(_ event: DomainEvent) -> Match? {
        switch event {
        case .opinion(let e):
            switch e.step {
            case .forwarded(let to, _, _, _, _):
                return Match(step: .reportForwarded, direction: .up, recipient: to, who: [e.atBody], owner: e.report.originBody)
            case .adoptedHigher(let by, _, _):
                return Match(step: .reportAdoptedHigher, direction: .down, recipient: e.report.originBody, who: [by, e.atBody])
            case .instruction(let i):
                return Match(step: .reportInstruction, direction: .down, recipient: e.report.originBody, who: [i.recordedBy, e.atBody])
            case .adoptedAbove:
                return Match(step: .reportAdoptedAbove, direction: .down, recipient: e.report.originBody, who: [e.atBody])
            case .submitted, .edited, .adopted, .archived, .sentAbove, .sentToDepartment, .departmentReplied:
                return nil
            }
        case .plan(let e):
            switch e.step {
            case .topicProposed(_, let by, _, _):
                return Match(step: .topicProposed, direction: .up, recipient: e.issuer, who: [by])
            case .stageReported(_, let by, _, _):
                return Match(step: .progressReported, direction: .up, recipient: e.issuer, who: [by])
            case .decompositionReported:
                // The county's own sub-plan, travelling up beside its other records: kept by owner above, never a step
                // of the bodies it reaches (its owner, the issuer field, must be the signer).
                return nil
            case .topicsSolicited, .topicReceived, .topicPicked, .topicDecided, .drafted, .itemAdded, .reviewed, .approved, .issued,
                 .decomposed:
                return Match(step: .planIssued, direction: .down, recipient: nil, who: [e.issuer])
            }
        case .member, .policy, .proposal, .activity, .suggestion, .duty, .station, .research:
            return nil
        }
    }
}

/// What a received domain event may do at the body that receives it (``DomainEvent/reach(signer:at:arrived:)``).
public enum Reach: Hashable, Sendable {
    /// The body's own event: applied to its records.
    case own
    /// A listed cross-body step for this body: applied to its record.
    case crossBody(CrossBodyStep)
    /// A listed cross-body step for a third body (`to`), passing through (relayed up or down): not applied to this
    /// body's records, and never counted again at the bodies in between.
    case passingThrough(CrossBodyStep, to: String)
    /// A step of the signer's own records (a descendant's, kept by owner for drill-down): never this body's.
    case othersRecord
    /// Refused: it names records or rules that are not the signer's, or travels the wrong way. The reason says which.
    case refused(String)
}

extension DomainEvent {
    /// What this event, signed by `signer` and arriving in `direction` (nil: not up or down — local, alliance,
    /// direct), may do at body `me`.
    public func reach(signer: String, at me: String, arrived direction: CrossBodyStep.Direction?) -> Reach {
        if signer == me { return .own }
        let kind = eventKind.protoValueName ?? "domain event"
        if let m = CrossBodyStep.match(self) {
            if let other = m.who.first(where: { $0 != signer }) {
                return .refused("\(kind) step \(m.step.rawValue) names \(other) as the body that took it, but it is signed by \(signer)")
            }
            guard direction == m.direction else {
                return .refused("\(kind) step \(m.step.rawValue) of \(signer) travels \(m.direction.rawValue), but it arrived \(direction?.rawValue ?? "neither up nor down")")
            }
            if let owner = m.owner, owner == me {
                return .refused("\(kind) step \(m.step.rawValue) of \(signer) claims a record of \(me) as its own")
            }
            guard let recipient = m.recipient, recipient != me else { return .crossBody(m.step) }
            return .passingThrough(m.step, to: recipient)
        }
        if direction == .down {
            return .refused("\(kind) of \(signer) came down to \(me), but it is not one of the cross-body steps (a report's adoption or instruction, a plan issued)")
        }
        if let other = namedOwners(signer: signer).first(where: { $0 != signer }) {
            return .refused("\(kind) signed by \(signer) names a record of \(other); a body records only its own")
        }
        return .othersRecord
    }

    /// The bodies this event names as the owners of the records it changes (empty when it names none).
    func namedOwners(signer: String) -> [String] {
        switch self {
        case .member(let e): return [e.body] + (e.bodyInfo.map { [$0.id] } ?? [])
        case .opinion(let e):
            if case .submitted = e.step { return [e.atBody, e.report.originBody] }
            return [e.atBody]
        case .plan(let e): return [e.issuer]
        case .activity(let a): return a.hostBodies.isEmpty || a.hostBodies.contains(signer) ? [] : a.hostBodies
        case .policy, .proposal, .suggestion, .duty, .station, .research: return []
        }
    }
}
