import Synchronization

/// The transport connection a call arrived on, as its handlers see it (连接): an id unique in the process, whether the
/// peer proved who it is, and what to do when the connection closes.
///
/// State a service keeps per peer connection (a handshake, a session) belongs to this connection, not to anything a
/// client writes in a header: register ``onClose(_:)`` to drop it. A server configured with
/// ``ServerConfiguration/unauthenticated`` keeps a connection on small budgets until a handler calls
/// ``markAuthenticated()`` (for example once the peer signed a challenge with its pinned key).
///
/// Invariant: the mutable state sits behind a mutex; the connection itself is reached only through the reactor.
public final class ConnectionHandle: Sendable {
    private struct State {
        var authenticated: Bool
        var closed = false
        var onClose: [@Sendable () -> Void] = []
        /// The reactor-confined connection, cleared when it closes (so the handle does not keep it alive).
        var connection: ServerConnection?
    }

    /// Unique among the connections of this process.
    public let id: UInt64
    /// The connecting process's user, group and pid on a Unix socket (`SO_PEERCRED`); nil on TCP.
    public let peerCredentials: PeerCredentials?
    private let state: Mutex<State>

    private static let nextID = Atomic<UInt64>(1)

    init(authenticated: Bool, peerCredentials: PeerCredentials? = nil) {
        id = ConnectionHandle.nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        self.peerCredentials = peerCredentials
        state = Mutex(State(authenticated: authenticated))
    }

    /// Links the handle to its connection (reactor, once the connection is made).
    func attach(_ connection: ServerConnection) {
        state.withLock { $0.connection = connection }
    }

    /// Whether the peer proved its identity (or the server trusts every connection).
    public var isAuthenticated: Bool { state.withLock { $0.authenticated } }

    /// Whether the connection has closed.
    public var isClosed: Bool { state.withLock { $0.closed } }

    /// Marks the peer as authenticated: the connection leaves the pre-authentication budgets (stream limit, message
    /// size, authentication deadline, per-address count) for the server's full limits.
    public func markAuthenticated() {
        let connection = state.withLock { s -> ServerConnection? in
            if s.authenticated || s.closed { return nil }
            s.authenticated = true
            return s.connection
        }
        guard let connection else { return }
        Reactor.shared.execute { connection.authenticated() }
    }

    /// Runs `body` once when the connection closes (at once, on the caller's thread, when it already has).
    public func onClose(_ body: @escaping @Sendable () -> Void) {
        let now = state.withLock { s -> Bool in
            if s.closed { return true }
            s.onClose.append(body)
            return false
        }
        if now { body() }
    }

    /// Closes the connection after what is already queued for it (GOAWAY, then the socket).
    public func close() {
        guard let connection = state.withLock({ $0.connection }) else { return }
        Reactor.shared.execute { connection.beginGoingAway() }
    }

    /// Closes the connection now, its open streams too (a long-lived stream would keep ``close()`` waiting): for a
    /// peer that is no longer trusted.
    public func terminate() {
        guard let connection = state.withLock({ $0.connection }) else { return }
        Reactor.shared.execute { connection.terminate() }
    }

    /// The connection closed (reactor): runs the close handlers.
    func closed() {
        let handlers = state.withLock { s -> [@Sendable () -> Void] in
            s.closed = true
            s.connection = nil
            let h = s.onClose
            s.onClose = []
            return h
        }
        for h in handlers { h() }
    }
}
