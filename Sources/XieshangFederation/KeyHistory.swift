import XieshangWire

/// The signing keys of one node over the positions of its chains (密钥轮换与吊销), as its key records say.
///
/// A node's identity is its id; its first key is the one its neighbours pin and rosters vouch for (the *base* key,
/// kept by the caller). Each ``KeyRotation`` the node signed with the key valid at that position and with the new
/// key moves the key forward from the positions it names; each ``KeyRevocation`` its parent signed refuses a key from
/// the positions it names. Built in log order, on receipt and again when the store is replayed at open, so an event is
/// always checked against the key valid at its own position — never simply the newest key.
struct KeyHistory: Sendable {
    /// A rotation the node announced (one entry however many chains carried a copy).
    struct Rotation: Sendable, Equatable {
        /// The key it replaces.
        var oldKey: [UInt8]
        /// The new key.
        var newKey: Ed25519.PublicKey
        /// Chain → first seq the new key signs; a chain not named starts with the new key at seq 1.
        var starts: [String: UInt64]
    }

    /// A revocation by the node's parent.
    struct Revocation: Sendable, Equatable {
        /// The revoked key.
        var key: [UInt8]
        /// Chain → first seq at which the key's signatures are refused.
        var starts: [String: UInt64]
        /// For chains `starts` does not name: the seq the receiver held when it applied the revocation (refused after).
        var held: [String: UInt64]
        /// The parent that signed it.
        var signer: String

        /// The first refused seq of `chain`.
        func from(_ chain: String) -> UInt64 {
            if let start = starts[chain] { return start }
            guard let held = held[chain] else { return 1 }
            let (next, overflow) = held.addingReportingOverflow(1)
            return overflow ? .max : next
        }
    }

    /// Rotations in the order they were applied (each one's old key is the previous one's new key).
    var rotations: [Rotation] = []
    /// Revocations in the order they were applied.
    var revocations: [Revocation] = []

    /// The key valid at `seq` of `chain`, starting from `base`.
    func key(base: Ed25519.PublicKey, chain: String, seq: UInt64) -> Ed25519.PublicKey {
        var key = base
        for r in rotations {
            guard seq >= r.starts[chain] ?? 1 else { break }
            key = r.newKey
        }
        return key
    }

    /// The newest key (the one the node signs new chains with).
    func latest(base: Ed25519.PublicKey) -> Ed25519.PublicKey { rotations.last?.newKey ?? base }

    /// Every key the node has had, oldest first.
    func keys(base: Ed25519.PublicKey) -> [Ed25519.PublicKey] { [base] + rotations.map(\.newKey) }

    /// The revocation that refuses `key` at `seq` of `chain`, if any.
    func revocation(of key: Ed25519.PublicKey, chain: String, seq: UInt64) -> Revocation? {
        revocations.first { $0.key == key.rawRepresentation && seq >= $0.from(chain) }
    }

    /// Whether `key` is revoked anywhere (a link may not authenticate with it any more).
    func isRevoked(_ key: Ed25519.PublicKey) -> Bool { revocations.contains { $0.key == key.rawRepresentation } }

    /// The rotation that superseded `key` (the one whose old key it is), if any.
    func rotation(replacing key: Ed25519.PublicKey) -> Rotation? {
        rotations.first { $0.oldKey == key.rawRepresentation }
    }

    /// The bytes the new key signs in a rotation: a context text, then the rotation without its new-key signature.
    static func statement(_ rotation: KeyRotation) -> [UInt8] {
        var unsigned = rotation
        unsigned.newKeySignature = []
        return Array("xieshang-key-rotation-v1".utf8) + [0] + unsigned.serializedBytes()
    }

    /// The starts of a rotation or revocation as a map; nil when a chain is named twice or a seq is 0.
    static func startMap(_ starts: [ChainStart]) -> [String: UInt64]? {
        var out: [String: UInt64] = [:]
        for s in starts {
            guard s.fromSeq >= 1, !s.chain.isEmpty, out[s.chain] == nil else { return nil }
            out[s.chain] = s.fromSeq
        }
        return out
    }
}
