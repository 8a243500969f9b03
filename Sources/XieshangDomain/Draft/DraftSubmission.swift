/// A submitted joint proposal (提交的联名提案): the exact content every required co-sponsor signed, with their
/// signatures attached. The host body forwards it upward (scope `up`) to its parent body.
public struct DraftSubmission: Hashable, Sendable {
    /// The submitted content.
    public var document: DraftDocument
    /// Its content hash.
    public var contentHash: [UInt8]
    /// The text version that was signed.
    public var version: DraftVersion
    /// One sign-off per required co-sponsor, in the order of ``DraftDocument/coSponsors``.
    public var signOffs: [CoSponsorSignOff]
}
