import XieshangDomain
import struct XieshangWire.Roster
import enum XieshangFederation.Route

extension DomainProjector {
    /// The records folded from the log, keyed by the body that owns them: this body's own state, and the records
    /// of other bodies (descendants' own records reaching it) kept by owner for drill-down.
    ///
    /// Every event goes through ``fold(_:signer:arrived:)``, which consults ``DomainEvent/reach(signer:at:arrived:)``
    /// (the ``CrossBodyStep`` table): the same decision live and in a rebuild, so both give the same state.
    struct Folded {
        /// This body's records: its own events and the cross-body steps for it.
        var own: DomainState
        /// Other bodies' own records, by owner; never part of ``own``.
        var others: [String: DomainState] = [:]
        /// The bodies below this one: its children in the config, and every body a roster sent up names or signs (an
        /// `up` event reaches a node only from its subtree, and a roster precedes the events of the bodies it vouches
        /// for). Judges the way a `direct:` event travels (``direction(scope:signer:)``), the same live and in a rebuild.
        var below: Set<String> = []

        /// Notes the bodies a stored roster names, when it was sent up (from this body or its subtree); a roster sent
        /// down (the parent's directory) or one that does not decode names none.
        mutating func noteRoster(_ envelope: [UInt8], scope: String, signer: String) {
            guard DomainProjector.direction(scope: scope) == .up,
                  let roster = DomainProjector.decodeRoster(envelope) else { return }
            if signer != own.body.id { below.insert(signer) }
            for e in roster.entries where e.nodeId != own.body.id { below.insert(e.nodeId) }
        }

        /// The way an event signed by `signer` with the stored scope `scope` travelled to this body: up or down by its
        /// scope; a `direct:<body>` one (records stopped at a tier, ``DomainSubmit/scope(_:recordedAt:core:)``) travelled
        /// up when its signer is below this body, and neither way otherwise (a step from above or aside is refused).
        func direction(scope: String, signer: String) -> CrossBodyStep.Direction? {
            if case .direct = Route(text: scope) { return below.contains(signer) ? .up : nil }
            return DomainProjector.direction(scope: scope)
        }

        /// Folds `event`, signed by `signer` and stored with `scope`: a cross-body step sent `direct:<body>` must be
        /// addressed to that body (its recipient), and travels up only from below (``direction(scope:signer:)``).
        mutating func fold(_ event: DomainEvent, signer: String, scope: String) -> Outcome {
            if case .direct(let target) = Route(text: scope), signer != own.body.id, let m = CrossBodyStep.match(event),
               let recipient = m.recipient, recipient != target {
                return .refused("\(event.eventKind.protoValueName ?? "domain event") step \(m.step.rawValue) of \(signer) is for \(recipient), but it was sent \(scope); not applied at \(own.body.id)")
            }
            return fold(event, signer: signer, arrived: direction(scope: scope, signer: signer))
        }

        /// An empty record set for another body, known only by its id (its records say the rest).
        static func fresh(_ body: String) -> DomainState { DomainState(body: BodyInfo(id: body, name: body, tier: "")) }

        /// What one event did.
        enum Outcome {
            /// Applied to this body's records: the targets it may touch and their values before.
            case own([RecordRows.Target], before: [AnyHashable?])
            /// Kept with its owner's records, or passing through (nothing of this body changed).
            case kept
            /// Not applied anywhere; the reason is recorded as a projection problem.
            case refused(String)
        }

        /// Folds `event`, signed by `signer` and arriving in `direction`, into the records of its owner.
        mutating func fold(_ event: DomainEvent, signer: String, arrived direction: CrossBodyStep.Direction?) -> Outcome {
            switch event.reach(signer: signer, at: own.body.id, arrived: direction) {
            case .own, .crossBody:
                let targets = RecordRows.targets(of: event, in: own)
                let before = targets.map { RecordRows.value(of: $0, in: own) }
                own.apply(event)
                return .own(targets, before: before)
            case .passingThrough(_, let recipient):
                // Kept with the recipient's records (a descendant's copy, for drill-down), never this body's.
                others[recipient, default: Folded.fresh(recipient)].apply(event)
                return .kept
            case .othersRecord:
                // Applied in place (no copy of the owner's records per event); undone only when it created nothing.
                let existed = others[signer] != nil
                let (targets, before) = { () -> ([RecordRows.Target], [AnyHashable?]) in
                    let state = others[signer] ?? Folded.fresh(signer)
                    let targets = RecordRows.targets(of: event, in: state)
                    return (targets, targets.map { RecordRows.value(of: $0, in: state) })
                }()
                others[signer, default: Folded.fresh(signer)].apply(event)
                let changed = others[signer].map { state in
                    zip(targets, before).contains { RecordRows.value(of: $0, in: state) != $1 }
                } ?? false
                guard changed else {
                    if !existed { others[signer] = nil }
                    return .refused("\(event.eventKind.protoValueName ?? "domain event") signed by \(signer) refers to a record \(signer) does not hold (it names none of its records), so it is not applied")
                }
                // An activity of a body below that members of this body joined as guests: kept apart in this
                // body's state for their 履职档案, never in its records (no rows) or figures.
                if case .activity(let a) = event { own.applyActivityElsewhere(a, at: signer) }
                return .kept
            case .refused(let reason):
                return .refused(reason + "; not applied at \(own.body.id)")
            }
        }
    }
}
