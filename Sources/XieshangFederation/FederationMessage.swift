import XieshangWire

/// A runtime-assigned id of one connection (an HTTP/2 connection, or a simulated one).
public struct ConnectionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The raw value; unique per runtime.
    public var raw: UInt64
    /// Wraps a raw id.
    public init(_ raw: UInt64) { self.raw = raw }
    public static func < (a: ConnectionID, b: ConnectionID) -> Bool { a.raw < b.raw }
    public var description: String { "conn\(raw)" }
}

/// One message of the Federation service (federation.proto) as the node sees it.
///
/// Mapping onto gRPC: on a connection the node DIALED (client side), it sends `hello`, `prove`, `push` and `pull`
/// and receives `helloResponse`, `proveResponse`, `ack` and `pullResponse`. On a connection it ACCEPTED (server
/// side) it is the other way round. `hello`/`prove`/`pull` are unary calls (request → response); `push` and `ack`
/// are the two directions of the `Push` bidirectional stream.
public enum FederationMessage: Sendable, Hashable {
    /// `Hello` request (client → server).
    case hello(HelloRequest)
    /// `Hello` response (server → client).
    case helloResponse(HelloResponse)
    /// `Prove` request (client → server).
    case prove(ProveRequest)
    /// `Prove` response (server → client).
    case proveResponse(ProveResponse)
    /// One message of the `Push` request stream (client → server).
    case push(EventBatch)
    /// One message of the `Push` response stream (server → client).
    case ack(Ack)
    /// `Pull` request (client → server).
    case pull(PullRequest)
    /// `Pull` response (server → client).
    case pullResponse(EventBatch)

    /// The message's name, for logs.
    public var name: String {
        switch self {
        case .hello: "Hello"
        case .helloResponse: "HelloResponse"
        case .prove: "Prove"
        case .proveResponse: "ProveResponse"
        case .push: "Push"
        case .ack: "Ack"
        case .pull: "Pull"
        case .pullResponse: "PullResponse"
        }
    }
}

/// Timers a node asks its runtime to set; setting one again replaces it. A fired timer comes back as
/// ``FederationInput/timer(_:)``; the node ignores fires that are no longer due.
public enum FederationTimer: Hashable, Sendable, Comparable {
    /// Dial this peer again (exponential backoff with jitter).
    case reconnect(String)
    /// Resend from the durable cursor if this peer's link made no progress.
    case retransmit(String)
    /// Emit the debounced rollups.
    case rollup
    /// Write the outbound cursors acknowledged since the last commit (when no other commit carried them).
    case saveCursors
    /// Originate the next queued local commands (``FederationInput/enqueue(entry:)``): a long queue drains a chunk
    /// per turn, so the runtime answers other inputs in between.
    case drainQueue
}

/// Something that happened to a node: its runtime calls ``FederationNode/handle(_:now:)`` with each.
public enum FederationInput: Sendable {
    /// The node starts (or restarts after a crash): it dials its peers and emits what is due.
    case start
    /// A connection the node asked for (``FederationOutput/dial(peer:)``) is open; the node is its client.
    case connected(ConnectionID, peer: String)
    /// Dialing `peer` failed; the node retries with backoff.
    case dialFailed(peer: String)
    /// A peer opened a connection to this node; the node is its server. The peer says who it is in `Hello`.
    case accepted(ConnectionID)
    /// A connection closed (either side, any reason).
    case disconnected(ConnectionID)
    /// A message arrived on a connection.
    case received(ConnectionID, FederationMessage)
    /// A timer fired.
    case timer(FederationTimer)
    /// A local operator's command: originate an event.
    case originate(LocalCommand)
    /// Several local commands originated together, in order, in ONE store transaction (one fsync), all or nothing:
    /// the outputs hold one ``FederationOutput/originated(origin:seq:)`` per command in order, or — when any command
    /// is refused (a fenced node, an event that cannot be signed, a failed commit) — one
    /// ``FederationOutput/commandRefused(reason:)`` per command in order, each naming the command that was refused
    /// (its index in the group) and why; nothing of the group is stored then. An empty group does nothing.
    case originateMany([LocalCommand])
    /// A local command accepted while the node may not originate (it is fenced): `entry` is stored durably at the end
    /// of the node's queue (``FederationOutput/commandQueued(id:)``) and, once the parent confirmed the node's chain,
    /// turned into commands by the node's ``QueuedCommandRules`` and originated in order. Without rules it is refused.
    case enqueue(entry: [UInt8])
}

/// A local command to originate one event (the Admin API's submit, the simulator's workload).
public struct LocalCommand: Sendable, Hashable {
    /// The event kind.
    public var kind: EventKind
    /// The encoded payload for `kind`.
    public var payload: [UInt8]
    /// Where the event goes.
    public var scope: Scope
    /// Who made it (``XieshangWire/EventBody/actor``: `web:<username>`, `os:<name>(uid N)`); empty when unknown.
    public var actor: String
    /// Makes a command.
    public init(kind: EventKind, payload: [UInt8], scope: Scope, actor: String = "") {
        self.kind = kind
        self.payload = payload
        self.scope = scope
        self.actor = actor
    }
}

/// What a node asks its runtime to do.
public enum FederationOutput: Sendable, Hashable {
    /// Open a connection to `peer` (the runtime knows its address); answer with `connected` or `dialFailed`.
    case dial(peer: String)
    /// Send a message on a connection.
    case send(ConnectionID, FederationMessage)
    /// Close a connection (a refused handshake, a second live copy).
    case close(ConnectionID, reason: String)
    /// Set (or replace) a timer to fire at `atMs` (the runtime's clock, as given in `now`).
    case setTimer(FederationTimer, atMs: Int64)
    /// A record for the node's log: level, code, the peer it concerns, the message.
    case log(LogRecord)
    /// An alert this node raised (also stored and sent up as an `EVENT_KIND_ALERT` event).
    case alert(Alert)
    /// The node originated (and durably stored) an event.
    case originated(origin: String, seq: UInt64)
    /// A local command was refused (fenced, store failure); nothing was stored. For
    /// ``FederationInput/originateMany(_:)`` there is one per command of the refused group, in order.
    case commandRefused(reason: String)
    /// A local command was stored in the node's durable queue under `id` (``FederationInput/enqueue(entry:)``); it is
    /// originated once the node may originate.
    case commandQueued(id: Int64)
}
