import XieshangWire

/// A joint proposal being drafted across alliance members (联名提案草稿), with its sign-offs (签署).
///
/// Rules (pure state, no I/O; the federation carries operations and sign-offs as alliance events):
/// - Any member edits the text (``DraftText``); edits merge the same way everywhere.
/// - A required co-sponsor signs the SHA-256 of the exact content (``DraftDocument/contentHash``) at a named
///   text version (``CoSponsorSignOff``). Sign-offs from bodies that are not required co-sponsors and signatures that
///   do not verify against the signer's pinned key are refused; so is a sign-off whose hash is not the hash of the
///   content at the version it names.
/// - A sign-off is *void* when the content changed after it: while the draft is not submitted, every sign-off whose
///   hash differs from the current content's hash is void. Void sign-offs stay in ``signOffs`` (history).
/// - When every required co-sponsor has signed one and the same hash, the draft is submitted (``submission``):
///   that content and the signatures are fixed, and local edits are refused (frozen). If, through concurrency,
///   several hashes are fully signed, the one with the smallest bytes is chosen, so every node agrees.
/// - Everything here depends only on the set of operations and sign-offs held, never on their arrival order, so
///   all members reach the same text, the same void marks and the same submission.
public struct JointDraft: Sendable {
    /// The draft's id, unique in its alliance.
    public let id: String
    /// The title.
    public let title: String
    /// Node ids of the required co-sponsors, in byte order.
    public let coSponsors: [String]
    /// The replicated text (it keeps merging operations that arrive after submission, so replicas stay equal).
    public private(set) var text: DraftText
    /// Accepted sign-offs, in order of arrival on this node (history; see ``isVoid(_:)``).
    public private(set) var signOffs: [CoSponsorSignOff] = []
    /// Sign-offs whose signature checked out but whose text version has not fully arrived.
    public private(set) var waitingSignOffs: [CoSponsorSignOff] = []
    /// The submitted proposal, once every co-sponsor signed the same content.
    public private(set) var submission: DraftSubmission?
    /// Received batches of operations waiting until the text holds the version their author had seen.
    public private(set) var waitingBatches: [(ops: [DraftOp], after: DraftVersion)] = []

    /// A new, empty draft edited locally as `replica` (this node's id).
    public init(id: String, title: String, coSponsors: [String], replica: String) {
        self.id = id
        self.title = title
        self.coSponsors = DraftDocument.canonicalOrder(coSponsors)
        self.text = DraftText(replica: replica)
    }

    /// The content now: the submitted content once submitted, else the current text.
    public var document: DraftDocument { submission?.document ?? currentDocument }

    /// The current text's content, even after submission.
    public var currentDocument: DraftDocument {
        DraftDocument(id: id, title: title, coSponsors: coSponsors, text: text.text)
    }

    /// Whether the draft was submitted (and is frozen).
    public var isSubmitted: Bool { submission != nil }

    /// Whether a sign-off no longer counts: the content it signed is not the content now.
    public func isVoid(_ signOff: CoSponsorSignOff) -> Bool {
        if let submission { return signOff.contentHash != submission.contentHash }
        return signOff.contentHash != currentDocument.contentHash
    }

    /// The content at a text version this draft holds entirely.
    public func document(at version: DraftVersion) -> DraftDocument {
        if version == text.version { return currentDocument }
        var snapshot = DraftText(replica: text.replica)
        // The operations come from this replica's own log, so they are well formed.
        try? snapshot.apply(text.ops(since: DraftVersion(), upTo: version))
        return DraftDocument(id: id, title: title, coSponsors: coSponsors, text: snapshot.text)
    }

    // MARK: Edits

    /// Makes local edits.
    /// - Throws: ``DomainError/Code/frozen`` once submitted, or what `change` throws.
    public mutating func edit(_ change: (inout DraftText) throws(DomainError) -> Void) throws(DomainError) {
        guard submission == nil else {
            throw DomainError(.frozen, "draft \(id) was submitted with every co-sponsor's signature and takes no "
                              + "more edits; start a new draft to change it", replica: text.replica)
        }
        try change(&text)
        settle()
    }

    /// Applies other members' operations (see ``DraftText/apply(_:)``), then re-checks waiting sign-offs.
    /// - Throws: what ``DraftText/apply(_:)`` throws, or ``DomainError/Code/contentMismatch`` for a waiting
    ///   sign-off that turned out not to match its version's content (it is dropped).
    public mutating func apply(_ ops: [DraftOp]) throws(DomainError) {
        try apply(ops, after: DraftVersion())
    }

    /// Applies operations once the text holds `required` (the version their author had seen); until then they wait
    /// in ``waitingBatches``. Every batch applied may let waiting ones proceed.
    /// - Throws: as ``apply(_:)``, or ``DomainError/Code/pendingOverflow`` when too many operations wait.
    public mutating func apply(_ ops: [DraftOp], after required: DraftVersion) throws(DomainError) {
        var failure: DomainError?
        if text.version.includes(required) {
            do throws(DomainError) { try text.apply(ops) } catch { failure = error }
        } else {
            let waiting = waitingBatches.reduce(0) { $0 + $1.ops.count }
            guard waiting + ops.count <= DraftText.maxPendingOperations else {
                throw DomainError(.pendingOverflow, "\(waiting + ops.count) operations on draft \(id) would wait for "
                                  + "versions not held (limit \(DraftText.maxPendingOperations)); batch dropped")
            }
            waitingBatches.append((ops, required))
        }
        var progress = true
        while progress && !waitingBatches.isEmpty {
            progress = false
            for (i, batch) in waitingBatches.enumerated() where text.version.includes(batch.after) {
                waitingBatches.remove(at: i)
                do throws(DomainError) { try text.apply(batch.ops) } catch { if failure == nil { failure = error } }
                progress = true
                break
            }
        }
        if let error = settle(), failure == nil { failure = error }
        if let failure { throw failure }
    }

    // MARK: Sign-offs

    /// What became of a sign-off.
    public enum SignOffOutcome: Hashable, Sendable {
        /// Recorded (it may be void already, if the content changed since).
        case accepted
        /// The signature is good; the content check waits for the text operations of its version.
        case waitingForText
        /// Already held.
        case duplicate
    }

    /// Records a co-sponsor's sign-off.
    /// - Parameters:
    ///   - signerKey: the signer's pinned public key from the alliance configuration, or nil if none is known.
    /// - Throws: ``DomainError/Code/notCoSponsor``, ``DomainError/Code/unknownKey``,
    ///   ``DomainError/Code/badSignature`` (forged or corrupted), ``DomainError/Code/contentMismatch``.
    @discardableResult
    public mutating func record(_ signOff: CoSponsorSignOff, signerKey: Ed25519.PublicKey?) throws(DomainError)
        -> SignOffOutcome {
        guard coSponsors.contains(signOff.signer) else {
            throw DomainError(.notCoSponsor, "sign-off on draft \(id) by \(signOff.signer), which is not one of its "
                              + "required co-sponsors \(coSponsors); only co-sponsors sign", replica: signOff.signer)
        }
        guard let signerKey else {
            throw DomainError(.unknownKey, "no pinned key for co-sponsor \(signOff.signer) of draft \(id); add the "
                              + "member's key to the alliance configuration", replica: signOff.signer)
        }
        let message = CoSponsorSignOff.message(draftID: id, contentHash: signOff.contentHash)
        guard signOff.contentHash.count == 32, signerKey.isValidSignature(signOff.signature, for: message) else {
            throw DomainError(.badSignature, "sign-off on draft \(id) claimed to be by \(signOff.signer) does not "
                              + "verify against its pinned key \(signerKey.fingerprint); it is forged or corrupted",
                              replica: signOff.signer)
        }
        if signOffs.contains(signOff) || waitingSignOffs.contains(signOff) { return .duplicate }
        guard text.version.includes(signOff.version) else {
            waitingSignOffs.append(signOff)
            return .waitingForText
        }
        try checkContent(signOff)
        signOffs.append(signOff)
        settle()
        return .accepted
    }

    private func checkContent(_ signOff: CoSponsorSignOff) throws(DomainError) {
        guard document(at: signOff.version).contentHash == signOff.contentHash else {
            throw DomainError(.contentMismatch, "sign-off on draft \(id) by \(signOff.signer) names content hash "
                              + "\(hexString(signOff.contentHash.prefix(8)))… which is not the content at version "
                              + "\(signOff.version); it is refused", replica: signOff.signer)
        }
    }

    /// Moves sign-offs whose version arrived into the history and re-evaluates the submission.
    @discardableResult
    private mutating func settle() -> DomainError? {
        var firstError: DomainError?
        if !waitingSignOffs.isEmpty {
            var still: [CoSponsorSignOff] = []
            for s in waitingSignOffs {
                if !text.version.includes(s.version) {
                    still.append(s)
                    continue
                }
                do throws(DomainError) {
                    try checkContent(s)
                    signOffs.append(s)
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
            waitingSignOffs = still
        }
        // Fully signed hashes; the smallest wins.
        var signers: [[UInt8]: Set<String>] = [:]
        for s in signOffs { signers[s.contentHash, default: []].insert(s.signer) }
        let complete = signers.filter { $0.value.isSuperset(of: coSponsors) }.keys
            .sorted { $0.lexicographicallyPrecedes($1) }
        if let hash = complete.first, !coSponsors.isEmpty {
            if submission?.contentHash != hash {
                let chosen = coSponsors.compactMap { c in signOffs.first { $0.signer == c && $0.contentHash == hash } }
                let version = chosen[0].version
                submission = DraftSubmission(document: document(at: version), contentHash: hash, version: version,
                                             signOffs: chosen)
            }
        }
        return firstError
    }
}
