import XieshangWire

/// Builds a valid signed chain of events for one origin: seq 1, 2, 3…, each `prevHash` the previous `hash`,
/// each body signed with Ed25519 and hashed with SHA-256.
///
/// For the store's tests, its crash test and its benchmark. The federation layer builds real `SignedEvent`
/// envelopes; this helper frames `body` and `signature` the way the envelope does (protobuf fields 1 and 2, both
/// length-delimited) so that `hash` is the SHA-256 of bytes shaped like the real thing.
public struct EventChainBuilder: Sendable {
    /// The origin node id.
    public let origin: String
    /// The origin's signing key.
    public let key: Ed25519.PrivateKey
    /// The seq of the last event made (0 before the first).
    public private(set) var seq: UInt64
    /// The hash of the last event made (empty before the first).
    public private(set) var lastHash: [UInt8]

    /// A chain for `origin` signed with `key`, continuing after (`seq`, `lastHash`) — (0, []) for a new origin.
    public init(origin: String, key: Ed25519.PrivateKey, after seq: UInt64 = 0, lastHash: [UInt8] = []) {
        self.origin = origin
        self.key = key
        self.seq = seq
        self.lastHash = lastHash
    }

    /// The bytes of a `SignedEvent` with this `body` and `signature` (fields 1 and 2).
    public static func envelope(body: [UInt8], signature: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + signature.count + 8)
        func field(_ number: UInt8, _ bytes: [UInt8]) {
            out.append(number << 3 | 2)
            var n = UInt64(bytes.count)
            while n >= 0x80 { out.append(UInt8(n & 0x7f) | 0x80); n >>= 7 }
            out.append(UInt8(n))
            out.append(contentsOf: bytes)
        }
        field(1, body)
        field(2, signature)
        return out
    }

    /// The next event of the chain, with `payload` in its body (the body also names origin and seq).
    public mutating func next(payload: [UInt8], scope: String = "up", kind: Int32 = 1, timeMs: Int64 = 0) throws(WireError) -> StoredEvent {
        let seq = self.seq + 1
        let body = Array("\(origin)|\(seq)|".utf8) + payload
        let signature = try key.signature(for: body)
        let hash = SHA256.hash(EventChainBuilder.envelope(body: body, signature: signature))
        let event = StoredEvent(origin: origin, seq: seq, prevHash: lastHash, hash: hash, timeMs: timeMs, scope: scope,
                                kind: kind, body: body, signature: signature)
        self.seq = seq
        lastHash = hash
        return event
    }

    /// Whether `event` is correctly hashed and signed by `key` (the check a receiving node makes).
    public static func verify(_ event: StoredEvent, publicKey: Ed25519.PublicKey) -> Bool {
        SHA256.hash(envelope(body: event.body, signature: event.signature)) == event.hash
            && publicKey.isValidSignature(event.signature, for: event.body)
    }
}
