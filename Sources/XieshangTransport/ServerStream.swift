/// One call on a server connection, owned by its ``ServerConnection``.
/// Invariant: reactor-confined; handler tasks only carry it inside closures that run on the reactor.
final class ServerStream: @unchecked Sendable {
    let id: Int32
    var method = ""
    var path = ""
    var contentType = ""
    var encoding = ""
    var timeout: String?
    var metadata: [(String, String)] = []
    var headerBytes = 0
    var headersDone = false
    /// A plain HTTP request (routed to ``HTTPRoutes``), not a gRPC call: its response ends with END_STREAM on the
    /// last DATA frame instead of trailers.
    var isHTTP = false
    var authority = ""
    /// Every non-pseudo request header, for HTTP routes.
    var headers: [(String, String)] = []
    /// An HTTP request's body so far (at most ``HTTPRoutes/maxBodyBytes``).
    var body: [UInt8] = []

    var handler: RPCHandler?
    var deframer: MessageDeframer
    /// Unary: the request messages seen so far.
    var unaryRequests: [[UInt8]] = []
    /// Streaming: what the handler reads.
    var queue: MessageQueue?
    var budget: SendBudget?
    /// Stream window bytes withheld because the handler is not reading (or the connection is over its budget).
    var owed = 0
    /// Bytes of complete request messages waiting for a unary handler, or queued for a streaming one and not taken.
    var waitingBytes = 0
    /// What this stream adds to its connection's received and outgoing totals (see ServerConnection's budget).
    var heldIn = 0
    var heldOut = 0
    /// A unary handler's guess of its response size, counted against the budget while it runs (its request's size).
    var reserved = 0

    /// Response body bytes queued for nghttp2.
    var outChunks: [[UInt8]] = []
    var outHead = 0
    var outOffset = 0
    var responseStarted = false
    var deferred = false
    /// Set once the call's outcome is decided; later outcomes are ignored.
    var trailers: (StatusCode, String)?
    var completed: Bool { trailers != nil }
    var remoteOpen = true
    var task: Task<Void, Never>?
    var deadlineTimer: UInt64?
    var lastReceived: UInt64

    init(id: Int32, maxMessageBytes: Int, now: UInt64) {
        self.id = id
        deframer = MessageDeframer(maxMessageBytes: maxMessageBytes)
        lastReceived = now
    }

    var hasPendingBody: Bool { outHead < outChunks.count }

    /// Copies queued body bytes into `buffer`; returns the count.
    func copyBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        while written < buffer.count && outHead < outChunks.count {
            let chunk = outChunks[outHead]
            let n = min(chunk.count - outOffset, buffer.count - written)
            chunk.withUnsafeBytes { src in
                (buffer.baseAddress! + written).copyMemory(from: src.baseAddress! + outOffset, byteCount: n)
            }
            written += n
            outOffset += n
            if outOffset == chunk.count {
                outHead += 1
                outOffset = 0
            }
        }
        if outHead == outChunks.count {
            outChunks.removeAll(keepingCapacity: true)
            outHead = 0
        }
        return written
    }
}
