import XieshangWire

/// The state of a connection this node dialed (gRPC client side): handshake, then pushing its own outgoing events.
struct ClientLink {
    enum State: Equatable { case helloSent, proveSent, up }
    /// A pushed batch not yet acknowledged (or a skipped stretch of the log, ``count`` 0, already done).
    struct Inflight {
        var batchId: UInt64
        var through: Int64
        var count: Int
        var done: Bool
    }
    var connection: ConnectionID
    var peer: String
    var state: State = .helloSent
    var challenge: [UInt8] = []
    var session: [UInt8] = []
    /// Log position the peer has acknowledged (the durable outbound cursor).
    var ackedPosition: Int64 = 0
    /// Log position read up to (pushed or skipped).
    var scanPosition: Int64 = 0
    var inflight: [Inflight] = []
    var nextBatchId: UInt64 = 1
    var lastProgressMs: Int64 = 0
    var highestSeqReported: UInt64 = 0
}

/// The state of a connection a peer dialed (gRPC server side): the peer's handshake, then its pushes and pulls.
struct ServerLink {
    enum State: Equatable { case awaitingHello, helloAnswered, up }
    var connection: ConnectionID
    var state: State = .awaitingHello
    var peer: String?
    /// The key the peer presented in its Hello (its pin, or a key its rotations announced).
    var peerKey: Ed25519.PublicKey?
    var incarnation: [UInt8] = []
    var challenge: [UInt8] = []
    var session: [UInt8] = []
    /// The next batch id expected: batches are applied in the sender's order (a later one waits for a resend).
    var expectedBatch: UInt64 = 1
}

/// A run of events held back because it does not follow what the node holds (a gap being pulled).
struct HeldRun {
    var peer: String
    var origin: String
    var firstSeq: UInt64
    var events: [SignedEvent]
}

/// A child's latest report for one period, as the parent keeps it.
struct ChildReportState {
    var seq: UInt64
    var hash: [UInt8]
    var report: AggregateReport
    /// When this node received the report (its own clock): timeliness is judged by it, not by the child's claim.
    var receivedMs: Int64
}
