import XieshangDomain

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
