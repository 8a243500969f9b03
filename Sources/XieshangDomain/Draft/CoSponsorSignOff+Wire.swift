import XieshangWire

extension CoSponsorSignOff {
    /// A sign-off from its event payload (`xieshang.v1.DraftSignOff`, event kind `EVENT_KIND_DRAFT_SIGN_OFF`).
    public init(message: DraftSignOff) {
        self.init(signer: message.signer, version: DraftVersion(message.version), contentHash: message.contentHash,
                  signature: message.signature)
    }

    /// The event payload for this sign-off on draft `draftID`.
    public func message(draftID: String) -> DraftSignOff {
        DraftSignOff(draftId: draftID, signer: signer, version: version.counts, contentHash: contentHash,
                     signature: signature)
    }
}
