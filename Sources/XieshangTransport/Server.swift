#if canImport(Glibc)
import Glibc
#endif

/// A gRPC server over HTTP/2 (nghttp2) on TCP and Unix sockets, with handlers on raw message bytes, and plain HTTP
/// routes (``HTTPRoutes``) on the same connection core, under the same limits and budgets.
///
/// Calls are routed by path, `POST /<package>.<Service>/<Method>`; unknown paths get UNIMPLEMENTED. Handlers run on
/// Swift concurrency's executors, never on the reactor thread, so a slow handler never stalls other connections.
public final class Server: Sendable {
    let core: ServerCore

    /// A server with `handlers` keyed by full method path (e.g. `/xieshang.v1.Diagnostics/Echo`), and optionally
    /// plain HTTP `routes` on the same connections: a request whose content-type is not `application/grpc` goes to
    /// `routes` (without them it gets 415, as the gRPC spec asks).
    /// - Parameters:
    ///   - log: receives one line per notable event (refused connection, protocol error); nil to drop them.
    ///   - events: receives the events an owner acts on as data (``ServerEvent``: a refused TLS handshake, a failed
    ///     `accept`), on the reactor thread; nil: their lines go to `log`.
    /// - Throws: ``TransportError`` `.tls` when the TLS configuration cannot be loaded.
    public init(handlers: [String: RPCHandler], routes: HTTPRoutes? = nil, configuration: ServerConfiguration = ServerConfiguration(),
                log: (@Sendable (String) -> Void)? = nil, events: (@Sendable (ServerEvent) -> Void)? = nil) throws(TransportError) {
        try Reactor.checkStarted(handlers: true)
        let tls = try configuration.tls.map { c throws(TransportError) in try TLSContext(c, server: true) }
        core = ServerCore(handlers: handlers, routes: routes, configuration: configuration, tls: tls, log: log, events: events)
    }

    /// Starts listening on `endpoint` (TCP port 0 picks a free port; a Unix socket file gets mode 0600).
    /// - Returns: the bound endpoint, with the actual port.
    /// - Throws: ``TransportError`` `.address` when the address cannot be bound.
    @discardableResult
    public func listen(on endpoint: Endpoint) throws(TransportError) -> Endpoint {
        let (fd, bound) = try Socket.listen(on: endpoint)
        let listener = Listener(fd: fd, endpoint: bound, core: core)
        let core = self.core
        Reactor.shared.execute { core.add(listener: listener) }
        return bound
    }

    /// Serves an already-connected stream socket (one end of a socketpair, a socket handed over by a supervisor) as
    /// if it had been accepted from `peer`; the server owns and closes `fd`. Subject to the same limits and budgets.
    public func serve(connectedSocket fd: Int32, peer: String) {
        Socket.setNonBlocking(fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let core = self.core
        Reactor.shared.execute { core.accepted(fd: fd, peer: peer, address: peer) }
    }

    /// The server's counters.
    public var metrics: TransportMetrics.Snapshot { core.metrics.snapshot }

    /// Graceful shutdown: stops listening, sends GOAWAY so new calls are refused, lets running calls finish for up
    /// to `gracePeriodSeconds`, then closes every connection.
    public func shutdown(gracePeriodSeconds: Double = 10) async {
        let core = self.core
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            Reactor.shared.execute { core.shutdown(grace: gracePeriodSeconds, done: c) }
        }
    }
}
