#if canImport(Glibc)
import Glibc
#endif

/// A client's connection management on the reactor: one connection for all calls, reconnecting after failures with
/// capped exponential backoff and jitter; while backing off, calls fail fast with UNAVAILABLE.
///
/// Invariant: mutable state is touched only on the reactor thread (every method runs inside a reactor job).
final class ClientChannel: @unchecked Sendable {
    let endpoint: Endpoint
    let configuration: ClientConfiguration
    let metrics = TransportMetrics()
    let tls: TLSContext?
    private var current: ClientConnection?
    private var draining: [ObjectIdentifier: ClientConnection] = [:]
    private var failures = 0
    private var backoffUntil: UInt64 = 0
    private var lastError: TransportError?
    private var reconnectTimer: UInt64?
    private var closed = false
    private let reactor = Reactor.shared

    init(endpoint: Endpoint, configuration: ClientConfiguration, tls: TLSContext?) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.tls = tls
    }

    /// Starts `call` with its first request bytes (and half-closes when `end`).
    func start(_ call: ClientCall, initial: [UInt8]?, end: Bool) {
        let stream = ClientStream(call: call, windowBytes: configuration.streamWindowBytes)
        call.stream = stream
        if let initial { stream.outChunks.append(initial) }
        stream.requestEnded = end
        if closed {
            stream.fail(TransportError(.shutdown, status: .unavailable, "\(call.path): the client is closed"), reset: false)
            return
        }
        stream.deadlineTimer = reactor.schedule(afterNanoseconds: call.timeoutNanoseconds) { [weak stream] in
            guard let stream else { return }
            stream.deadlineTimer = nil
            stream.fail(TransportError(.deadline, status: .deadlineExceeded,
                                       "\(call.path): the deadline of \(Double(call.timeoutNanoseconds) / 1e9) s passed",
                                       streamID: stream.id > 0 ? stream.id : nil, peer: "\(self.endpoint)"), reset: true)
        }
        if let c = current, c.isUsable {
            c.start(stream)
            return
        }
        let now = Reactor.now()
        if now < backoffUntil {
            let wait = Double(backoffUntil - now) / 1e9
            stream.fail(TransportError(.connectionClosed, status: .unavailable,
                                       "\(call.path): the connection to \(endpoint) is down; next attempt in \(String(format: wait)) s",
                                       peer: "\(endpoint)", cause: lastError?.description), reset: false)
            return
        }
        let c = connect()
        c.start(stream)
    }

    private func connect() -> ClientConnection {
        if let t = reconnectTimer { reactor.cancelTimer(t); reconnectTimer = nil }
        let c = ClientConnection(owner: self, endpoint: endpoint)
        current = c
        c.connect()
        return c
    }

    func connectionReady(_ c: ClientConnection) {
        failures = 0
        backoffUntil = 0
        lastError = nil
    }

    func connectionFailed(_ c: ClientConnection, _ error: TransportError) {
        guard current === c || current == nil, !closed else { return }
        current = nil
        failures += 1
        lastError = error
        let seconds = Backoff(configuration).delay(afterFailures: failures, unit: Double.random(in: -1...1))
        let ns = nanoseconds(seconds)
        backoffUntil = Reactor.now() &+ ns
        // Reconnect on our own once the wait is over, so the link heals without waiting for a call.
        reconnectTimer = reactor.schedule(afterNanoseconds: ns) { [weak self] in
            guard let self, !self.closed, self.current == nil else { return }
            self.reconnectTimer = nil
            _ = self.connect()
        }
    }

    func connectionDraining(_ c: ClientConnection) {
        if current === c {
            current = nil
            draining[ObjectIdentifier(c)] = c
        }
    }

    func connectionClosed(_ c: ClientConnection) {
        draining[ObjectIdentifier(c)] = nil
        if current === c { current = nil }
    }

    /// Closes every connection; later calls fail with UNAVAILABLE.
    func close() {
        closed = true
        if let t = reconnectTimer { reactor.cancelTimer(t); reconnectTimer = nil }
        let e = TransportError(.shutdown, status: .unavailable, "the client was closed")
        current?.close(e)
        for c in Array(draining.values) { c.close(e) }
        current = nil
        draining.removeAll()
    }
}

private extension String {
    init(format seconds: Double) {
        let tenths = Int((seconds * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
