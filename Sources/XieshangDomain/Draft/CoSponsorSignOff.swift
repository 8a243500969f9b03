import XieshangWire

/// A co-sponsor's sign-off on a joint draft (联名单位签署): an Ed25519 signature by the signing body's node key
/// over the draft id and the SHA-256 of the exact content it approves, at a named version of the text.
public struct CoSponsorSignOff: Hashable, Sendable {
    /// Node id of the signing body.
    public var signer: String
    /// The version of the text that was signed (so every node can rebuild exactly that content).
    public var version: DraftVersion
    /// ``DraftDocument/contentHash`` of the signed content (32 bytes).
    public var contentHash: [UInt8]
    /// Ed25519 signature over ``message(draftID:contentHash:)``.
    public var signature: [UInt8]

    /// Creates a sign-off from its parts (as received).
    public init(signer: String, version: DraftVersion, contentHash: [UInt8], signature: [UInt8]) {
        self.signer = signer
        self.version = version
        self.contentHash = contentHash
        self.signature = signature
    }

    /// Signs the draft's current content as `signer` with the body's node key.
    /// - Throws: ``DomainError`` when libcrypto fails to sign.
    public init(signing draft: JointDraft, as signer: String, key: Ed25519.PrivateKey) throws(DomainError) {
        let document = draft.document
        let hash = document.contentHash
        let signature: [UInt8]
        do {
            signature = try key.signature(for: Self.message(draftID: document.id, contentHash: hash))
        } catch {
            throw DomainError(.badSignature, "cannot sign draft \(document.id) as \(signer): \(error.message)",
                              replica: signer, cause: error)
        }
        self.init(signer: signer, version: draft.text.version, contentHash: hash, signature: signature)
    }

    /// The signed bytes: the ASCII tag `xieshang-draft-signoff-v1`, a zero byte, the draft id's byte length
    /// (4 bytes, big-endian) and UTF-8 bytes, then the 32-byte content hash.
    public static func message(draftID: String, contentHash: [UInt8]) -> [UInt8] {
        var out = Array("xieshang-draft-signoff-v1".utf8)
        out.append(0)
        let id = Array(draftID.utf8)
        let n = UInt32(truncatingIfNeeded: id.count)
        out.append(contentsOf: [UInt8(n >> 24), UInt8(truncatingIfNeeded: n >> 16),
                                UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)])
        out.append(contentsOf: id)
        out.append(contentsOf: contentHash)
        return out
    }
}
