import Synchronization

/// Counters kept in memory for a node's status command: connections, streams, bytes and calls by status.
public final class TransportMetrics: Sendable {
    /// A copy of the counters at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Connections accepted (server) or made (client) since start.
        public var connectionsOpened = 0
        /// Connections open now.
        public var connectionsOpen = 0
        /// Connections refused because the connection limit was reached.
        public var connectionsRefused = 0
        /// Streams (calls) started since start.
        public var streamsOpened = 0
        /// Streams open now.
        public var streamsOpen = 0
        /// Bytes read from sockets.
        public var bytesIn = 0
        /// Bytes written to sockets.
        public var bytesOut = 0
        /// Finished calls by gRPC status code.
        public var callsByStatus: [Int: Int] = [:]
        /// Plain HTTP responses sent (``HTTPRoutes``), refusals included.
        public var httpResponses = 0
        /// Connections closed because the peer broke HTTP/2.
        public var protocolErrors = 0
        /// Unauthenticated connections closed to make room for new ones (limit reached, or out of descriptors).
        public var connectionsEvicted = 0
        /// Connections closed for missing a deadline: TLS handshake, HTTP/2 preface and SETTINGS, or authentication.
        public var connectionsTimedOut = 0
        /// `accept` failures for lack of descriptors or memory (the listener pauses briefly after each).
        public var acceptFailures = 0
        /// TLS handshakes refused (a key that does not match its pin, no certificate, a client that gave up).
        public var tlsRefused = 0
        /// Unary calls repeated on a new connection because the server refused their stream unprocessed (client).
        public var callsRetried = 0
        /// The most bytes one connection held at once (received and not yet taken, plus responses not yet written):
        /// the figure ``ServerConfiguration/maxBufferedBytesPerConnection`` bounds.
        public var bufferedBytesHighWater = 0
    }

    private let state = Mutex(Snapshot())

    /// A consistent copy of all counters.
    public var snapshot: Snapshot { state.withLock { $0 } }

    func update(_ body: (inout Snapshot) -> Void) { state.withLock { body(&$0) } }
}
