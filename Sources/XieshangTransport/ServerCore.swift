#if canImport(Glibc)
import Glibc
#endif

/// A server's state on the reactor: its handlers, configuration, listeners and connections.
///
/// Invariant: `handlers`, `routes` and `configuration` never change after init; `listeners`, `connections` and the shutdown
/// state are touched only on the reactor thread (checked on entry).
final class ServerCore: @unchecked Sendable {
    let handlers: [String: RPCHandler]
    let routes: HTTPRoutes?
    let configuration: ServerConfiguration
    let metrics = TransportMetrics()
    let tls: TLSContext?
    private let log: (@Sendable (String) -> Void)?
    private let events: (@Sendable (ServerEvent) -> Void)?
    var listeners: [Listener] = []
    private var connections: [ObjectIdentifier: ServerConnection] = [:]
    /// Connections whose peer has not authenticated yet, and how many of them each address holds.
    private var unauthenticated: [ObjectIdentifier: ServerConnection] = [:]
    private var unauthenticatedByAddress: [String: Int] = [:]
    private var shuttingDown = false
    private var drained: [CheckedContinuation<Void, Never>] = []
    private var sweepTimer: UInt64?
    private let reactor = Reactor.shared

    init(handlers: [String: RPCHandler], routes: HTTPRoutes? = nil, configuration: ServerConfiguration, tls: TLSContext?,
         log: (@Sendable (String) -> Void)?, events: (@Sendable (ServerEvent) -> Void)? = nil) {
        self.handlers = handlers
        self.routes = routes
        self.configuration = configuration
        self.tls = tls
        self.log = log
        self.events = events
    }

    func note(_ text: String) { log?(text) }

    /// Reports `event` to the owner as data; a server without an `events` callback logs its line instead.
    func report(_ event: ServerEvent) {
        if let events { events(event) } else { log?(event.message) }
    }

    func add(listener: Listener) {
        reactor.checkOnReactor()
        if shuttingDown {
            listener.close()
            return
        }
        listeners.append(listener)
        listener.start()
        if sweepTimer == nil { scheduleSweep() }
    }

    private func scheduleSweep() {
        var shortest = min(configuration.silentStreamTimeoutSeconds, configuration.idleTimeoutSeconds,
                           configuration.handshakeTimeoutSeconds)
        if let limits = configuration.unauthenticated { shortest = min(shortest, limits.authenticationTimeoutSeconds) }
        let period = max(0.05, min(1.0, shortest / 4))
        sweepTimer = reactor.schedule(afterNanoseconds: nanoseconds(period)) { [self] in
            let now = Reactor.now()
            for c in Array(connections.values) { c.sweep(now: now) }
            if !shuttingDown || !connections.isEmpty { scheduleSweep() } else { sweepTimer = nil }
        }
    }

    /// A socket was accepted from `peer` (address and port); `address` is the peer's IP address alone.
    func accepted(fd: Int32, peer: String, address: String) {
        reactor.checkOnReactor()
        guard !shuttingDown, connections.count < configuration.maxConnections else {
            metrics.update { $0.connectionsRefused += 1 }
            note("refusing connection from \(peer): \(shuttingDown ? "shutting down" : "connection limit \(configuration.maxConnections) reached")")
            Glibc.close(fd)
            return
        }
        if let limits = configuration.unauthenticated {
            guard unauthenticatedByAddress[address, default: 0] < limits.maxConnectionsPerAddress else {
                metrics.update { $0.connectionsRefused += 1 }
                note("refusing connection from \(peer): \(address) already holds \(limits.maxConnectionsPerAddress) unauthenticated connections")
                Glibc.close(fd)
                return
            }
            if unauthenticated.count >= limits.maxConnections { evictOldestUnauthenticated() }
        }
        let channel: ByteChannel
        if let tls {
            do { channel = try TLSChannel(fd: fd, context: tls, server: true, peerName: peer) } catch {
                note("TLS setup for \(peer) failed: \(error)")
                Glibc.close(fd)
                return
            }
        } else {
            channel = PlainChannel(fd: fd)
        }
        do {
            let c = try ServerConnection(core: self, channel: channel, peer: peer, address: address,
                                         authenticated: configuration.unauthenticated == nil)
            connections[ObjectIdentifier(c)] = c
            if !c.isAuthenticated {
                unauthenticated[ObjectIdentifier(c)] = c
                unauthenticatedByAddress[address, default: 0] += 1
            }
            metrics.update { $0.connectionsOpened += 1; $0.connectionsOpen += 1 }
            c.start()
        } catch {
            note("cannot serve \(peer): \(error)")
            channel.close()
        }
    }

    /// Closes the unauthenticated connection accepted first, to make room (limit reached, or out of descriptors).
    /// - Returns: whether one was closed.
    @discardableResult
    func evictOldestUnauthenticated() -> Bool {
        guard let oldest = unauthenticated.values.min(by: { $0.acceptedAt < $1.acceptedAt }) else { return false }
        metrics.update { $0.connectionsEvicted += 1 }
        note("closing unauthenticated connection from \(oldest.peer) to make room for a new one")
        oldest.close()
        return true
    }

    /// A connection's peer authenticated: it no longer counts against the pre-authentication budgets.
    func connectionAuthenticated(_ c: ServerConnection) {
        forgetUnauthenticated(c)
    }

    private func forgetUnauthenticated(_ c: ServerConnection) {
        guard unauthenticated.removeValue(forKey: ObjectIdentifier(c)) != nil else { return }
        let left = unauthenticatedByAddress[c.address, default: 1] - 1
        unauthenticatedByAddress[c.address] = left > 0 ? left : nil
    }

    func connectionClosed(_ c: ServerConnection) {
        guard connections.removeValue(forKey: ObjectIdentifier(c)) != nil else { return }
        forgetUnauthenticated(c)
        metrics.update { $0.connectionsOpen -= 1 }
        if shuttingDown && connections.isEmpty { resumeDrained() }
    }

    /// Stops accepting, sends GOAWAY everywhere, and closes what is left after `grace` seconds.
    func shutdown(grace: Double, done: CheckedContinuation<Void, Never>) {
        reactor.checkOnReactor()
        drained.append(done)
        if !shuttingDown {
            shuttingDown = true
            for l in listeners { l.close() }
            listeners.removeAll()
            for c in Array(connections.values) { c.beginGoingAway() }
            reactor.schedule(afterNanoseconds: nanoseconds(grace)) { [self] in
                for c in Array(connections.values) { c.close() }
            }
        }
        if connections.isEmpty { resumeDrained() }
    }

    private func resumeDrained() {
        let d = drained
        drained.removeAll()
        for c in d { c.resume() }
    }
}
