/// A signed event as the store keeps it: the envelope's fields, decoded by the caller, and the exact bytes.
///
/// The federation layer decodes a `SignedEvent` (事件), checks its signature, and fills this value; ``hash`` is the
/// SHA-256 of the `SignedEvent` bytes as received. The store checks only what it can without the schema: each
/// origin's chain (seq 1, 2, 3… with ``prevHash`` equal to the previous event's ``hash``), duplicates and
/// equivocation. ``body`` and ``signature`` are stored byte for byte so forwarders never re-encode them.
public struct StoredEvent: Hashable, Sendable {
    /// The node that originated (and signed) the event.
    public var origin: String
    /// Per-origin sequence number, from 1, without gaps.
    public var seq: UInt64
    /// The hash of the origin's previous event; empty for seq 1.
    public var prevHash: [UInt8]
    /// SHA-256 of the `SignedEvent` bytes; identifies the event.
    public var hash: [UInt8]
    /// The origin's timestamp, milliseconds since 1970 (informational; never used for ordering).
    public var timeMs: Int64
    /// Routing scope: `up`, `down`, `alliance:<id>` or `direct:<node>`.
    public var scope: String
    /// The event kind (the `EventKind` enum's raw value); projectors select events by kind.
    public var kind: Int32
    /// The exact `EventBody` bytes that were signed.
    public var body: [UInt8]
    /// The origin's Ed25519 signature over ``body``.
    public var signature: [UInt8]

    /// Makes an event value; see the properties for what each field holds.
    public init(origin: String, seq: UInt64, prevHash: [UInt8], hash: [UInt8], timeMs: Int64, scope: String,
                kind: Int32, body: [UInt8], signature: [UInt8]) {
        self.origin = origin
        self.seq = seq
        self.prevHash = prevHash
        self.hash = hash
        self.timeMs = timeMs
        self.scope = scope
        self.kind = kind
        self.body = body
        self.signature = signature
    }

    /// The (origin, seq) pair that names this event.
    public var ref: EventRef { EventRef(origin: origin, seq: seq) }
}

/// The name of an event: its origin node and per-origin seq.
public struct EventRef: Hashable, Sendable, CustomStringConvertible {
    /// The originating node.
    public var origin: String
    /// The per-origin sequence number.
    public var seq: UInt64
    /// Makes a reference.
    public init(origin: String, seq: UInt64) {
        self.origin = origin
        self.seq = seq
    }
    public var description: String { "\(origin)#\(seq)" }
}

/// An event with its place in this node's log: ``position`` increases with every stored event (the `events` rowid).
public struct LogEntry: Hashable, Sendable {
    /// Position in the local log, from 1; later events have larger positions.
    public var position: Int64
    /// The event.
    public var event: StoredEvent
    /// When this node stored it, milliseconds since 1970.
    public var receivedAtMs: Int64
}
