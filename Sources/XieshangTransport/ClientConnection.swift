import CNghttp2
#if canImport(Glibc)
import Glibc
#endif

/// One client connection: connect, optional TLS handshake, an nghttp2 client session, and its streams.
///
/// Invariant: reactor-confined (every entry point runs on the reactor thread, checked on socket events).
final class ClientConnection: ReactorHandler, HTTP2SessionDelegate, @unchecked Sendable {
    private enum State { case connecting, handshaking, ready, closed }
    unowned let owner: ClientChannel
    let endpoint: Endpoint
    let peer: String
    private var state = State.connecting
    private var fd: Int32 = -1
    private var channel: ByteChannel?
    private var session: HTTP2Session!
    private var streams: [Int32: ClientStream] = [:]
    private var waiting: [ClientStream] = []
    private var out: [UInt8] = []
    private var outOffset = 0
    private var flushScheduled = false
    private var pendingResets: [(Int32, UInt32)] = []
    private(set) var goingAway = false
    private let reactor = Reactor.shared
    private var config: ClientConfiguration { owner.configuration }
    private var connectTimer: UInt64?
    private var closeError: TransportError?

    var isClosed: Bool { state == .closed }
    var isUsable: Bool { state != .closed && !goingAway }

    init(owner: ClientChannel, endpoint: Endpoint) {
        self.owner = owner
        self.endpoint = endpoint
        peer = owner.configuration.serverName ?? "\(endpoint)"
    }

    /// Starts connecting. Failures are reported to the owner.
    func connect() {
        do {
            fd = try Socket.connect(to: endpoint)
        } catch {
            fail(error)
            return
        }
        reactor.register(fd, self, writable: true)
        owner.metrics.update { $0.connectionsOpened += 1; $0.connectionsOpen += 1 }
        connectTimer = reactor.schedule(afterNanoseconds: 20_000_000_000) { [weak self] in
            guard let self, self.state == .connecting || self.state == .handshaking else { return }
            self.fail(TransportError(.connect, status: .unavailable, "connecting to \(self.endpoint) timed out after 20 s",
                                     peer: self.peer))
        }
    }

    /// Runs `stream` on this connection (now, or once connected).
    func start(_ stream: ClientStream) {
        stream.connection = self
        if state == .closed {
            var e = closeError ?? TransportError(.connectionClosed, status: .unavailable, "the connection closed")
            e.message = "\(stream.call.path): \(e.message)"
            stream.fail(e, reset: false)
        } else if state == .ready {
            submit(stream)
            scheduleFlush()
        } else {
            waiting.append(stream)
        }
    }

    private func submit(_ s: ClientStream) {
        guard !s.finished else { return }
        let remaining = s.call.timeoutNanoseconds
        var headers: [(String, [UInt8])] = [
            (":method", Array("POST".utf8)),
            (":scheme", Array((config.tls == nil ? "http" : "https").utf8)),
            (":path", Array(s.call.path.utf8)),
            (":authority", Array(authority.utf8)),
            ("content-type", Array("application/grpc".utf8)),
            ("te", Array("trailers".utf8)),
            ("grpc-timeout", Array(timeoutText(remaining).utf8)),
        ]
        for (n, v) in s.call.metadata { headers.append((n, Array(v.utf8))) }
        let id = session.submitRequest(headers: headers)
        guard id > 0 else {
            // Nothing was sent (e.g. the peer's GOAWAY arrived first): the call may be repeated on a new connection.
            s.fail(TransportError(.refused, status: .unavailable,
                                  "\(s.call.path): cannot open a stream to \(peer) (nghttp2 error \(id)); nothing was sent", peer: peer),
                   reset: false)
            return
        }
        s.id = id
        streams[id] = s
        owner.metrics.update { $0.streamsOpened += 1; $0.streamsOpen += 1 }
    }

    private var authority: String {
        switch endpoint {
        case .tcp: return "\(endpoint)"
        case .unix: return "localhost"
        }
    }

    private func timeoutText(_ ns: UInt64) -> String {
        let ms = max(1, ns / 1_000_000)
        if ms < 100_000_000 { return "\(ms)m" }
        return "\(min(ns / 1_000_000_000, 99_999_999))S"
    }

    func resume(_ s: ClientStream) {
        guard state == .ready, streams[s.id] === s else { return }
        session.resume(s.id)
        scheduleFlush()
    }

    func consumeStream(_ s: ClientStream, _ n: Int) {
        guard state == .ready, streams[s.id] === s else { return }
        session.consumeStream(s.id, n)
        scheduleFlush()
    }

    /// A stream's outcome is decided; reset it on the wire when asked or when our side is still open.
    func streamFinished(_ s: ClientStream, reset: Bool) {
        if let i = waiting.firstIndex(where: { $0 === s }) { waiting.remove(at: i) }
        guard s.id > 0, streams[s.id] === s, state == .ready else { return }
        if reset || !s.requestEnded || s.hasPendingBody {
            pendingResets.append((s.id, reset ? NGHTTP2_CANCEL.rawValue : NGHTTP2_NO_ERROR.rawValue))
            scheduleFlush()
        }
    }

    // MARK: I/O

    func reactorEvent(readable: Bool, writable: Bool, hangup: Bool) {
        reactor.checkOnReactor()
        switch state {
        case .closed:
            return
        case .connecting:
            let err = Socket.pendingError(fd)
            if err != 0 || (hangup && !writable) {
                fail(TransportError(.connect, status: .unavailable, "cannot connect to \(endpoint)", peer: peer,
                                    cause: Socket.errorText(err == 0 ? ECONNREFUSED : err)))
                return
            }
            guard writable else { return }
            do {
                if let tls = owner.tls {
                    channel = try TLSChannel(fd: fd, context: tls, server: false, peerName: peer)
                } else {
                    channel = PlainChannel(fd: fd)
                }
            } catch {
                fail(error)
                return
            }
            state = .handshaking
            continueHandshake()
        case .handshaking:
            continueHandshake()
        case .ready:
            if readable || hangup { readAvailable() }
            if state == .ready { flush() }
        }
    }

    private func continueHandshake() {
        guard let channel else { return }
        switch channel.handshake() {
        case .done:
            do {
                session = try HTTP2Session(server: false, delegate: self, settings: .init(
                    maxConcurrentStreams: 100, initialWindowSize: UInt32(config.streamWindowBytes),
                    maxHeaderListSize: 64 * 1024))
            } catch {
                fail(error)
                return
            }
            state = .ready
            if let t = connectTimer { reactor.cancelTimer(t); connectTimer = nil }
            owner.connectionReady(self)
            let w = waiting
            waiting.removeAll()
            for s in w { submit(s) }
            flush()
        case .wantRead:
            reactor.update(fd, readable: true, writable: false)
        case .wantWrite:
            reactor.update(fd, readable: true, writable: true)
        case .failed(let e):
            fail(e)
        }
    }

    private func readAvailable() {
        guard let channel else { return }
        let buffer = reactor.readBuffer
        var total = 0
        defer { if total > 0 { owner.metrics.update { $0.bytesIn += total } } }
        for _ in 0..<16 {
            switch channel.read(into: buffer) {
            case .bytes(let n):
                total += n
                do {
                    try session.receive(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                } catch {
                    fail(error)
                    return
                }
                if state != .ready { return }
                if n < buffer.count { return }
            case .wouldBlock:
                return
            case .closed(let reason):
                fail(TransportError(.connectionClosed, status: .unavailable,
                                    "the connection to \(peer) closed", peer: peer, cause: reason))
                return
            }
        }
    }

    func scheduleFlush() {
        guard !flushScheduled, state == .ready else { return }
        flushScheduled = true
        reactor.execute { [self] in
            flushScheduled = false
            if state == .ready { flush() }
        }
    }

    private func flush() {
        guard state == .ready, let channel else { return }
        var written = 0
        defer { if written > 0 { owner.metrics.update { $0.bytesOut += written } } }
        while true {
            for (id, code) in pendingResets { session.reset(id, errorCode: code) }
            pendingResets.removeAll()
            if out.count - outOffset < 64 * 1024 {
                if outOffset > 0 { out.removeFirst(outOffset); outOffset = 0 }
                do { try session.produce(into: &out, limit: 256 * 1024) } catch {
                    fail(error)
                    return
                }
            }
            if outOffset == out.count { break }
            let r = out.withUnsafeBytes { channel.write(UnsafeRawBufferPointer(rebasing: $0[outOffset...])) }
            switch r {
            case .bytes(let n):
                outOffset += n
                written += n
                if outOffset == out.count { out.removeAll(keepingCapacity: out.capacity <= 1024 * 1024); outOffset = 0 }
                continue
            case .wouldBlock:
                break
            case .closed(let reason):
                fail(TransportError(.connectionClosed, status: .unavailable, "the connection to \(peer) closed",
                                    peer: peer, cause: reason))
                return
            }
            break
        }
        let pending = out.count - outOffset
        if !session.wantsRead && !session.wantsWrite && pending == 0 {
            close(TransportError(.connectionClosed, status: .unavailable, "the server \(peer) closed the connection",
                                 peer: peer))
            return
        }
        reactor.update(fd, readable: true, writable: pending > 0)
    }

    /// Fails every call and tells the owner the connection broke (it backs off before the next attempt).
    private func fail(_ error: TransportError) {
        guard state != .closed else { return }
        close(error)
        owner.connectionFailed(self, error)
    }

    /// Closes the socket; calls still running fail with `error`.
    func close(_ error: TransportError) {
        guard state != .closed else { return }
        let wasOpen = fd >= 0
        state = .closed
        closeError = error
        if let t = connectTimer { reactor.cancelTimer(t); connectTimer = nil }
        if fd >= 0 {
            reactor.unregister(fd)
            if let channel { channel.close() } else { Glibc.close(fd) }
        }
        if wasOpen { owner.metrics.update { $0.connectionsOpen -= 1 } }
        let all = Array(streams.values) + waiting
        streams.removeAll()
        waiting.removeAll()
        for s in all where !s.finished {
            owner.metrics.update { $0.streamsOpen -= s.id > 0 ? 1 : 0 }
            var e = error
            e.streamID = s.id > 0 ? s.id : nil
            e.message = "\(s.call.path): \(error.message)"
            s.fail(e, reset: false)
        }
        owner.connectionClosed(self)
    }

    // MARK: HTTP2SessionDelegate

    func streamHeadersBegan(_ streamID: Int32) {}

    func header(_ streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)
        throws(TransportError) -> Bool {
        guard let s = streams[streamID] else { return true }
        switch String(decoding: name, as: UTF8.self) {
        case ":status": s.httpStatus = String(decoding: value, as: UTF8.self)
        case "content-type": s.contentType = String(decoding: value, as: UTF8.self)
        case "grpc-status": s.grpcStatus = Int(String(decoding: value, as: UTF8.self)) ?? StatusCode.unknown.rawValue
        case "grpc-message": s.grpcMessage = PercentEncoding.decode(value)
        default: break
        }
        return true
    }

    func headersComplete(_ streamID: Int32, endStream: Bool) {
        guard let s = streams[streamID], endStream else { return }
        s.complete(errorCode: 0)
    }

    func data(_ streamID: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let s = streams[streamID], !s.finished else {
            session.consume(streamID, bytes.count)
            return
        }
        let queue = s.call.responses
        let failure = s.deframer.append(bytes) { queue.push($0) }
        if queue.bufferedBytes < s.windowBytes && s.owed == 0 {
            session.consume(streamID, bytes.count)
        } else {
            session.consumeConnection(bytes.count)
            s.owed += bytes.count
        }
        if let failure {
            let e: TransportError = switch failure {
            case .tooLarge(let length, let limit):
                TransportError(.limit, status: .resourceExhausted,
                               "\(s.call.path): response message of \(length) bytes exceeds the \(limit)-byte limit",
                               streamID: streamID, peer: peer)
            case .compressed:
                TransportError(.protocolViolation, status: .internal,
                               "\(s.call.path): the server sent a compressed message; this client negotiates none",
                               streamID: streamID, peer: peer)
            case .badFlag(let f):
                TransportError(.protocolViolation, status: .internal,
                               "\(s.call.path): message flag byte \(f) is neither 0 nor 1", streamID: streamID, peer: peer)
            }
            s.fail(e, reset: true)
        }
    }

    func peerEnded(_ streamID: Int32) {
        guard let s = streams[streamID] else { return }
        s.complete(errorCode: 0)
    }

    func streamClosed(_ streamID: Int32, errorCode: UInt32) {
        guard let s = streams.removeValue(forKey: streamID) else { return }
        owner.metrics.update { $0.streamsOpen -= 1 }
        if !s.finished { s.complete(errorCode: errorCode) }
    }

    func readBody(_ streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, eof: Bool)? {
        guard let s = streams[streamID], !s.finished else { return (0, true) }
        let n = s.copyBody(into: buffer)
        if !s.hasPendingBody && s.requestEnded { return (n, true) }
        if n == 0 {
            s.deferred = true
            return nil
        }
        return (n, false)
    }

    func goawayReceived(lastStreamID: Int32) {
        goingAway = true
        owner.connectionDraining(self)
    }

    func endStreamSent(_ streamID: Int32) {}

    func settingsReceived() {}
}
