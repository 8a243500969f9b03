import Synchronization
import XieshangWire

/// Signatures a runtime verified before handing a batch to the core (预验签), so Ed25519 verification — the slowest
/// step of replication — runs on other threads than the node's serial executor.
///
/// The core stays the judge: it asks the cache only "was the signature of the event with this hash verified against
/// this key?" (an event's hash covers its body and its signature, so a forged signature has another hash), still
/// checks every hash link, every role and every content rule, and verifies inline whenever the answer is no.
public protocol SignatureCache: AnyObject, Sendable {
    /// Whether the signature of the event whose ``SignedEvent/hash`` is `eventHash` verified against `key`.
    func isVerified(eventHash: [UInt8], key: Ed25519.PublicKey) -> Bool

    /// This node's signature over a handshake transcript, made by the runtime off the executor (a Hello's answer
    /// depends only on the request), taken once; nil when there is none (the core then signs inline).
    func takeHandshakeSignature(for transcript: [UInt8]) -> [UInt8]?
}

extension SignatureCache {
    /// No handshake signatures made ahead: the core signs inline.
    public func takeHandshakeSignature(for transcript: [UInt8]) -> [UInt8]? { nil }
}

/// A key directory snapshot the core publishes for pre-verification: pinned peers, keys vouched for by rosters, and
/// the node's own key, by node id. Sendable, immutable.
public struct KeyDirectory: Sendable {
    /// Keys by node id.
    public let keys: [String: Ed25519.PublicKey]

    /// Makes a directory.
    public init(keys: [String: Ed25519.PublicKey]) { self.keys = keys }

    /// The key that signs the chain `origin`, if known.
    public func key(forOrigin origin: String) -> Ed25519.PublicKey? { keys[ChainName.node(of: origin)] }
}

/// The thread-safe ``SignatureCache`` a runtime fills from other threads: ``preverify(_:keys:)`` checks the
/// signatures the core would check for a batch and records those that verify; ``forget(_:)`` drops them once the core
/// has handled the batch.
public final class VerifiedSignatures: SignatureCache {
    /// One verified signature: the event's hash and the key it verified against.
    public struct Entry: Hashable, Sendable {
        /// ``SignedEvent/hash`` of the event (covers its signature).
        public var eventHash: [UInt8]
        /// The raw public key.
        public var key: [UInt8]
    }

    /// Counters for status and tests.
    public struct Counters: Sendable, Equatable {
        /// Signatures verified by ``preverify(_:keys:)``.
        public var preverified: UInt64 = 0
        /// Of those, the ones that did not verify (the core will verify inline and refuse).
        public var failed: UInt64 = 0
        /// Lookups by the core that found a verified entry.
        public var hits: UInt64 = 0
        /// Lookups by the core that found none (it verified inline).
        public var misses: UInt64 = 0
        /// Handshake transcripts signed off the executor by ``presignHandshake(_:with:)``.
        public var handshakesPresigned: UInt64 = 0
        /// Of those, the ones the core took (a Hello answered with no signature on the executor).
        public var handshakesTaken: UInt64 = 0
    }

    /// The most handshake signatures held at once: a Hello the core refuses before signing leaves its entry behind,
    /// so the map is bounded (past it, a Hello is signed inline, as without the cache).
    public static let handshakeCapacity = 256

    private struct State {
        var entries: [Entry: Int] = [:]
        var handshakes: [[UInt8]: [UInt8]] = [:]
        var counters = Counters()
    }

    private let state = Mutex(State())

    /// Makes an empty cache.
    public init() {}

    /// The counters so far.
    public var counters: Counters { state.withLock { $0.counters } }

    /// Entries currently held (a runtime forgets each batch's entries after the core handled it).
    public var count: Int { state.withLock { $0.entries.count } }

    public func isVerified(eventHash: [UInt8], key: Ed25519.PublicKey) -> Bool {
        let entry = Entry(eventHash: eventHash, key: key.rawRepresentation)
        return state.withLock {
            let hit = $0.entries[entry] != nil
            if hit { $0.counters.hits += 1 } else { $0.counters.misses += 1 }
            return hit
        }
    }

    /// Signs `transcript` with `key` on the calling thread and keeps the signature for the core to take; false when
    /// the map is full or signing failed (the core then signs inline).
    @discardableResult
    public func presignHandshake(_ transcript: [UInt8], with key: Ed25519.PrivateKey) -> Bool {
        guard state.withLock({ $0.handshakes.count < Self.handshakeCapacity }),
              let signature = try? key.signature(for: transcript) else { return false }
        return state.withLock {
            guard $0.handshakes.count < Self.handshakeCapacity else { return false }
            $0.handshakes[transcript] = signature
            $0.counters.handshakesPresigned += 1
            return true
        }
    }

    public func takeHandshakeSignature(for transcript: [UInt8]) -> [UInt8]? {
        state.withLock {
            guard let signature = $0.handshakes.removeValue(forKey: transcript) else { return nil }
            $0.counters.handshakesTaken += 1
            return signature
        }
    }

    /// The events of `events` whose signature the core checks: the last event of each contiguous run of one origin
    /// (in batch order), and the last event of each origin over the whole batch (the core authenticates all of an
    /// origin's linked events in a batch by it). A lone event is a run of one.
    public static func signaturesToCheck(in events: [SignedEvent]) -> [(origin: String, event: SignedEvent)] {
        var chosen: Set<Int> = []
        var origins: [Int: String] = [:]
        var lastOfOrigin: [String: Int] = [:]
        var previous: (origin: String, index: Int)?
        for (i, e) in events.enumerated() {
            // Events that do not decode are refused by the core and do not cut a run (as in the core's grouping).
            guard let body = try? e.decodedBody() else { continue }
            if let previous, previous.origin != body.origin { chosen.insert(previous.index) }
            previous = (body.origin, i)
            origins[i] = body.origin
            lastOfOrigin[body.origin] = i
        }
        if let previous { chosen.insert(previous.index) }
        chosen.formUnion(lastOfOrigin.values)
        return chosen.sorted().map { (origins[$0]!, events[$0]) }
    }

    /// Verifies, on the calling thread, the signatures the core will check in `events` against `keys`, records those
    /// that verify and returns their entries (pass them to ``forget(_:)`` after the core handled the batch).
    /// Origins missing from `keys` are skipped: the core verifies them inline.
    public func preverify(_ events: [SignedEvent], keys: KeyDirectory) -> [Entry] {
        preverify(Self.signaturesToCheck(in: events), keys: keys)
    }

    /// Verifies the given signatures (from ``signaturesToCheck(in:)``, possibly a slice of them) and records the good ones.
    public func preverify(_ items: some Sequence<(origin: String, event: SignedEvent)>, keys: KeyDirectory) -> [Entry] {
        var good: [Entry] = []
        var checked: UInt64 = 0
        for (origin, e) in items {
            guard let key = keys.key(forOrigin: origin) else { continue }
            checked += 1
            if key.isValidSignature(e.signature, for: e.body) {
                good.append(Entry(eventHash: e.hash, key: key.rawRepresentation))
            }
        }
        let failed = checked - UInt64(good.count)
        state.withLock {
            for g in good { $0.entries[g, default: 0] += 1 }
            $0.counters.preverified += checked
            $0.counters.failed += failed
        }
        return good
    }

    /// Drops entries recorded by ``preverify(_:keys:)`` (each once; an entry recorded twice stays until forgotten twice).
    public func forget(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        state.withLock {
            for g in entries {
                guard let n = $0.entries[g] else { continue }
                if n <= 1 { $0.entries[g] = nil } else { $0.entries[g] = n - 1 }
            }
        }
    }
}
