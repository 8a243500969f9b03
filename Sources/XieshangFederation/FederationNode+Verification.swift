import XieshangWire

/// Pre-verification support (see ``SignatureCache``): the keys the runtime may verify with off the executor, and the
/// one place the core checks an event's own signature.
extension FederationNode {
    /// A snapshot of every key this node verifies events with now: its own, its pinned peers' and those vouched for by
    /// rosters. A runtime pre-verifies batches against it; a key missing or changed since only costs an inline check.
    public func keyDirectory() -> KeyDirectory {
        var keys = keyCache
        for (node, peer) in pins { keys[node] = peer.publicKey }
        // A rotated key replaces the old one: events older than a rotation only cost an inline check.
        for node in keyHistories.keys { if let latest = latestKey(of: node) { keys[node] = latest } }
        keys[id] = signingKey.publicKey
        return KeyDirectory(keys: keys)
    }

    /// Whether `e`'s own signature verifies against `key`: a pre-verified entry of the signature cache, else inline.
    func signatureVerifies(_ e: SignedEvent, key: Ed25519.PublicKey) -> Bool {
        signatureVerifies(e, hash: e.hash, key: key)
    }

    /// ``signatureVerifies(_:key:)`` for an event whose hash the caller already computed (`hash` == `e.hash`).
    func signatureVerifies(_ e: SignedEvent, hash: [UInt8], key: Ed25519.PublicKey) -> Bool {
        if let cache = config.signatureCache, cache.isVerified(eventHash: hash, key: key) { return true }
        signaturesVerified += 1
        return key.isValidSignature(e.signature, for: e.body)
    }
}
