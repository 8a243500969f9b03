import XieshangWire

/// Everything a member body holds of its alliances (片区协作台账): each alliance's ``AllianceBook``, the joint drafts
/// (``JointDraft``) with their hosts, and the joint proposals received from below or forwarded upward.
///
/// It folds replicated events (``apply(kind:payload:originNode:scope:seq:)``) in any order with the same result:
/// draft events and sign-offs that arrive before their draft's creation wait in ``pending`` and are applied when it
/// arrives. Commands of the local operator are checked in ``AllianceLedger+Commands``.
public struct AllianceLedger: Sendable {
    /// A joint draft with where it lives.
    public struct DraftEntry: Sendable {
        /// The alliance whose members replicate it.
        public var alliance: String
        /// The body that created it (the host, who forwards the submitted proposal upward).
        public var host: String
        /// The draft.
        public var draft: JointDraft
        /// Seq of the host's forwarding event (`up` chain), once forwarded.
        public var forwardedSeq: UInt64?
    }

    /// A draft event or sign-off waiting for its draft's creation.
    public enum Waiting: Sendable {
        /// A draft event and the node that originated it.
        case event(DraftEvent, origin: String)
        /// A sign-off and the node that originated it.
        case signOff(DraftSignOff, origin: String)
    }

    /// What an applied event changed.
    public enum Change: Hashable, Sendable {
        /// A charter version of an alliance.
        case charter(alliance: String)
        /// A joint activity of an alliance.
        case activity(alliance: String, id: String)
        /// A draft (its text, sign-offs or status).
        case draft(id: String)
        /// A joint proposal received from a body below.
        case proposal(origin: String, draftID: String)
        /// Nothing to show yet (an event waiting for its draft).
        case none
    }

    /// Most events that may wait for their drafts' creations at once; more is a peer misbehaving.
    public static let maxWaiting = 10_000

    /// This node's id (the replica its local edits are made under).
    public let node: String
    /// Pinned public keys of the bodies whose sign-offs this node checks (alliance members and itself).
    public let keys: [String: Ed25519.PublicKey]
    /// The alliances this node belongs to, each with its configured members (this node included).
    public let configured: [String: Set<String>]
    /// Books by alliance id.
    public private(set) var books: [String: AllianceBook] = [:]
    /// Drafts by id.
    public private(set) var drafts: [String: DraftEntry] = [:]
    /// Events waiting for their drafts' creation, by draft id.
    public private(set) var pending: [String: [Waiting]] = [:]
    /// Joint proposals received from bodies below, by (origin node, draft id).
    public private(set) var proposals: [String: JointProposal] = [:]

    /// An empty ledger of `node`, checking sign-offs against `keys`; `configured` lists the alliances the node
    /// belongs to with their members from its configuration (the node included).
    public init(node: String, keys: [String: Ed25519.PublicKey], configured: [String: Set<String>] = [:]) {
        self.node = node
        self.keys = keys
        self.configured = configured
    }

    /// The book of `alliance` (empty when nothing is recorded).
    public func book(_ alliance: String) -> AllianceBook { books[alliance] ?? AllianceBook(id: alliance) }

    /// Drafts this node hosts that every co-sponsor signed and that it has not forwarded upward yet.
    public var unforwarded: [String] {
        drafts.filter { $0.value.host == node && $0.value.draft.isSubmitted && $0.value.forwardedSeq == nil }.keys.sorted()
    }

    /// The joint proposal to forward for a submitted draft (nil while it is not submitted).
    public func jointProposal(_ id: String) -> JointProposal? {
        guard let entry = drafts[id], let submission = entry.draft.submission else { return nil }
        return JointProposal(allianceId: entry.alliance, draftId: id, host: entry.host, title: submission.document.title,
                             coSponsors: submission.document.coSponsors, text: submission.document.text,
                             contentHash: submission.contentHash,
                             signOffs: submission.signOffs.map { $0.message(draftID: id) })
    }

    /// The key of a received proposal in ``proposals``.
    public static func proposalKey(origin: String, draftID: String) -> String { origin + "\u{0}" + draftID }

    // MARK: Folding events

    /// Folds one replicated event.
    /// - Parameters:
    ///   - originNode: the node that originated it (from the signed envelope).
    ///   - scope: its scope text (`alliance:<id>` for alliance events).
    ///   - seq: its seq in the origin's chain.
    /// - Throws: ``DomainError`` when the payload does not decode or breaks the replication rules (a draft operation
    ///   of another replica, a forged sign-off…); what the event carried validly is kept, the rest is dropped.
    @discardableResult
    public mutating func apply(kind: EventKind, payload: [UInt8], originNode: String, scope: String, seq: UInt64)
        throws(DomainError) -> Change {
        let alliance = scope.hasPrefix("alliance:") ? String(scope.dropFirst("alliance:".count)) : ""
        switch kind {
        case .allianceCharter:
            let charter = try decode(AllianceCharter.self, payload)
            guard !alliance.isEmpty, charter.allianceId == alliance else { throw misrouted("charter", charter.allianceId, scope) }
            books[alliance, default: AllianceBook(id: alliance)].store(charter)
            return .charter(alliance: alliance)
        case .jointActivity:
            let activity = try decode(JointActivity.self, payload)
            guard !alliance.isEmpty, activity.allianceId == alliance else { throw misrouted("joint activity", activity.allianceId, scope) }
            books[alliance, default: AllianceBook(id: alliance)].store(activity)
            return .activity(alliance: alliance, id: activity.id)
        case .draft:
            let event = try decode(DraftEvent.self, payload)
            guard !alliance.isEmpty else { throw misrouted("draft event", "", scope) }
            return try applyDraft(event, origin: originNode, alliance: alliance)
        case .draftSignOff:
            let signOff = try decode(DraftSignOff.self, payload)
            return try applySignOff(signOff, origin: originNode)
        case .jointProposal:
            let proposal = try decode(JointProposal.self, payload)
            if originNode == node {
                drafts[proposal.draftId]?.forwardedSeq = seq
                return .draft(id: proposal.draftId)
            }
            proposals[Self.proposalKey(origin: originNode, draftID: proposal.draftId)] = proposal
            return .proposal(origin: originNode, draftID: proposal.draftId)
        default:
            return .none
        }
    }

    private mutating func applyDraft(_ event: DraftEvent, origin: String, alliance: String) throws(DomainError) -> Change {
        let id = event.draftId
        if drafts[id] != nil {
            // In place (no copy of the text); what the event carried validly stays applied even when it throws.
            try drafts[id]!.draft.apply(event, from: origin)
            return .draft(id: id)
        }
        guard case .created? = event.change else {
            try wait(.event(event, origin: origin), for: id)
            return .none
        }
        let draft = try JointDraft(creation: event, replica: node)
        drafts[id] = DraftEntry(alliance: alliance, host: origin, draft: draft)
        var firstError: DomainError?
        for waiting in pending.removeValue(forKey: id) ?? [] {
            do throws(DomainError) {
                switch waiting {
                case .event(let e, let o): try drafts[id]!.draft.apply(e, from: o)
                case .signOff(let s, let o): _ = try applySignOff(s, origin: o)
                }
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        if let firstError { throw firstError }
        return .draft(id: id)
    }

    private mutating func applySignOff(_ signOff: DraftSignOff, origin: String) throws(DomainError) -> Change {
        guard signOff.signer == origin else {
            throw DomainError(.badSignature, "sign-off on draft \(signOff.draftId) names signer \(signOff.signer) but was "
                              + "originated by \(origin); a body only signs for itself", replica: origin)
        }
        guard drafts[signOff.draftId] != nil else {
            try wait(.signOff(signOff, origin: origin), for: signOff.draftId)
            return .none
        }
        try drafts[signOff.draftId]!.draft.record(signOff, signerKey: keys[signOff.signer])
        return .draft(id: signOff.draftId)
    }

    private mutating func wait(_ waiting: Waiting, for id: String) throws(DomainError) {
        guard pending.values.reduce(0, { $0 + $1.count }) < Self.maxWaiting else {
            throw DomainError(.pendingOverflow, "more than \(Self.maxWaiting) draft events wait for drafts that were never "
                              + "created; event for draft \(id) dropped")
        }
        pending[id, default: []].append(waiting)
    }

    private func decode<M: ProtoMessage>(_ type: M.Type, _ payload: [UInt8]) throws(DomainError) -> M {
        do { return try M(serializedBytes: payload) } catch {
            throw DomainError(.invalidEncoding, "the \(M.protoName) payload does not decode: \(error)", cause: error)
        }
    }

    private func misrouted(_ what: String, _ named: String, _ scope: String) -> DomainError {
        DomainError(.malformedOperation, "a \(what) of alliance '\(named)' came with scope '\(scope)'; alliance records "
                    + "travel with scope alliance:<their alliance id>")
    }
}
