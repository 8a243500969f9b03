import XieshangWire

extension JointDraft {
    /// A draft from its creation event (`DraftEvent` with `created`), edited locally as `replica`.
    /// - Throws: ``DomainError/Code/malformedOperation`` when the event is not a creation or names no co-sponsor.
    public init(creation event: DraftEvent, replica: String) throws(DomainError) {
        guard case .created(let created)? = event.change, !event.draftId.isEmpty else {
            throw DomainError(.malformedOperation, "draft event for '\(event.draftId)' is not a creation with a "
                              + "draft id; a draft starts with its DraftCreated event")
        }
        guard !created.coSponsors.isEmpty else {
            throw DomainError(.malformedOperation, "draft \(event.draftId) names no co-sponsors; a joint draft "
                              + "needs at least one required co-sponsor")
        }
        self.init(id: event.draftId, title: created.title, coSponsors: created.coSponsors, replica: replica)
    }

    /// The creation event's payload of this draft.
    public var creationEvent: DraftEvent {
        DraftEvent(draftId: id, change: .created(DraftCreated(title: title, coSponsors: coSponsors)))
    }

    /// The payload of an edit event carrying `ops` (for example ``DraftText/ops(since:upTo:)`` since the last
    /// version sent).
    public func editEvent(_ ops: [DraftOp]) -> DraftEvent {
        DraftEvent(draftId: id, change: .operations(DraftOpCodec.message(ops)))
    }

    /// Applies a received draft event: text operations are merged; a creation event must repeat this draft's header.
    ///
    /// Every operation must be `origin`'s own (the node that signed the event): a member can only edit as itself,
    /// so no one can forge, or equivocate on, another member's sequence numbers.
    /// - Parameters:
    ///   - origin: node id of the event's origin (from the signed envelope).
    /// - Throws: ``DomainError/Code/malformedOperation`` for an event of another draft, a conflicting header or an
    ///   operation of another replica (nothing of the event is applied then), and what applying the operations throws.
    public mutating func apply(_ event: DraftEvent, from origin: String) throws(DomainError) {
        guard event.draftId == id else {
            throw DomainError(.malformedOperation, "event for draft '\(event.draftId)' offered to draft '\(id)'",
                              replica: origin)
        }
        switch event.change {
        case .operations(let batch)?:
            let ops = try DraftOpCodec.ops(from: batch)
            if let foreign = ops.first(where: { $0.replica != origin }) {
                throw DomainError(.malformedOperation, "event of \(origin) on draft \(id) carries an operation of "
                                  + "\(foreign.replica); a node only sends its own edits", replica: origin)
            }
            try apply(ops)
        case .created(let created)?:
            guard created.title == title, DraftDocument.canonicalOrder(created.coSponsors) == coSponsors else {
                throw DomainError(.malformedOperation, "draft \(id) was created twice with different titles or "
                                  + "co-sponsors; the second creation is refused")
            }
        case nil:
            throw DomainError(.malformedOperation, "draft event for \(id) carries no change")
        }
    }

    /// Records a sign-off received as an event payload (see ``record(_:signerKey:)``).
    /// - Throws: ``DomainError/Code/malformedOperation`` for a sign-off of another draft, and what
    ///   ``record(_:signerKey:)`` throws.
    @discardableResult
    public mutating func record(_ message: DraftSignOff, signerKey: Ed25519.PublicKey?) throws(DomainError)
        -> SignOffOutcome {
        guard message.draftId == id else {
            throw DomainError(.malformedOperation, "sign-off for draft '\(message.draftId)' offered to draft '\(id)'",
                              replica: message.signer)
        }
        return try record(CoSponsorSignOff(message: message), signerKey: signerKey)
    }
}
