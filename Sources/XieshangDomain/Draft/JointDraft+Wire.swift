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
    /// version sent), with the version their author held when it made them (`seen`; nil: this draft's current
    /// version, right for operations made on it).
    public func editEvent(_ ops: [DraftOp], seen: DraftVersion? = nil) -> DraftEvent {
        var batch = DraftOpCodec.message(ops)
        batch.seen = (seen ?? text.version).counts
        return DraftEvent(draftId: id, change: .operations(batch))
    }

    /// Applies a received draft event: text operations are merged; a creation event must repeat this draft's header.
    ///
    /// Every operation must be `origin`'s own (the node that signed the event): a member can only edit as itself,
    /// so no one can forge, or equivocate on, another member's sequence numbers. Every character an operation refers
    /// to (its origins, the characters it deletes) must lie inside the batch's `seen` version — the author's version
    /// when it made the operations — and the batch is applied only once this draft holds that version (the author's
    /// own operations aside; until then it waits in ``waitingBatches``). So an author cannot make an operation on
    /// characters it never saw: every operation is applied after everything it causally follows, on every member.
    /// - Parameters:
    ///   - origin: node id of the event's origin (from the signed envelope).
    /// - Throws: ``DomainError/Code/malformedOperation`` for an event of another draft, a conflicting header, an
    ///   operation of another replica, a batch without its `seen` version or an operation that refers to a character
    ///   outside it (nothing of the event is applied then), and what applying the operations throws.
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
            let seen = DraftVersion(batch.seen)
            try Self.checkCausal(ops, seen: seen, origin: origin, draft: id)
            var required = seen
            required.counts[origin] = nil
            try apply(ops, after: required)
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

    /// Refuses a batch whose operations refer to characters of other replicas outside `seen`.
    static func checkCausal(_ ops: [DraftOp], seen: DraftVersion, origin: String, draft: String) throws(DomainError) {
        guard !ops.isEmpty else { return }
        guard !seen.counts.isEmpty else {
            throw DomainError(.malformedOperation, "event of \(origin) on draft \(draft) carries operations without the "
                              + "version its author had seen; it is refused", replica: origin)
        }
        func unseen(_ replica: String, _ end: UInt64, _ op: DraftOp, _ what: String) throws(DomainError) {
            guard replica != origin, end > UInt64(seen[replica]) else { return }
            throw DomainError(.malformedOperation, "draft operation \(op.replica)@\(op.seq) on draft \(draft) refers to "
                              + "\(what), which its author had not seen (its version \(seen)); a crafted operation is "
                              + "refused", replica: origin)
        }
        for op in ops {
            switch op.edit {
            case .insert(_, let left, let right):
                for c in [left, right].compactMap({ $0 }) { try unseen(c.replica, UInt64(c.seq) + 1, op, "\(c)") }
            case .delete(let spans):
                for s in spans {
                    try unseen(s.replica, UInt64(s.seq) + UInt64(s.length), op, "\(s.replica)@\(s.seq)..<\(UInt64(s.seq) + UInt64(s.length))")
                }
            }
        }
    }
}
