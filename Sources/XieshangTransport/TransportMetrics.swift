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
        /// Connections closed because the peer broke HTTP/2.
        public var protocolErrors = 0
    }

    private let state = Mutex(Snapshot())

    /// A consistent copy of all counters.
    public var snapshot: Snapshot { state.withLock { $0 } }

    func update(_ body: (inout Snapshot) -> Void) { state.withLock { body(&$0) } }
}
