import XieshangStore
import XieshangWire

/// Builds a valid signed chain of events for one origin: real `SignedEvent` envelopes (an `EventBody` signed with
/// Ed25519), seq 1, 2, 3…, each `prevHash` the SHA-256 of the previous envelope.
///
/// For the store's tests, its crash test and its benchmark; the federation layer makes its events itself.
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

    /// The next event of the chain, with `payload` as the body's payload.
    /// - Parameters:
    ///   - scope: a scope name as ``StoredEvent/scopeName(_:)`` writes it (`up`, `alliance:<id>`, …).
    ///   - kind: the `EventKind` value (unknown values are kept as they are).
    public mutating func next(payload: [UInt8], scope: String = "up", kind: Int32 = 4, timeMs: Int64 = 0) throws(WireError) -> StoredEvent {
        let seq = self.seq + 1
        let body = EventBody(origin: origin, seq: seq, prevHash: lastHash, timeMs: timeMs,
                             scope: StoredEvent.scope(named: scope), kind: EventKind(protoValue: kind), payload: payload)
        let signed = try SignedEvent.signing(body, with: key)
        let hash = signed.hash
        let event = StoredEvent(origin: origin, seq: seq, prevHash: lastHash, hash: hash, timeMs: timeMs,
                                scope: StoredEvent.scopeName(body.scope), kind: kind, body: signed.body,
                                signature: signed.signature)
        self.seq = seq
        lastHash = hash
        return event
    }

    /// Whether `event` is correctly hashed and signed by `key` (the check a receiving node makes).
    public static func verify(_ event: StoredEvent, publicKey: Ed25519.PublicKey) -> Bool {
        event.signedEvent.hash == event.hash && publicKey.isValidSignature(event.signature, for: event.body)
    }
}
