import CNghttp2
#if canImport(Glibc)
import Glibc
#endif

private let h2Status200: [(String, [UInt8])] = [(":status", Array("200".utf8)),
                                                ("content-type", Array("application/grpc".utf8))]

/// One accepted connection: a socket (plain or TLS), its nghttp2 server session and its calls.
///
/// Invariant: every member is touched only on the reactor thread (checked in the entry points); handler tasks
/// reach it only through `Reactor.execute`, which is why the class may be captured by `@Sendable` closures.
final class ServerConnection: ReactorHandler, HTTP2SessionDelegate, @unchecked Sendable {
    let core: ServerCore
    let channel: ByteChannel
    /// The peer's address; after a TLS handshake with pins, the pinned name of its key.
    private(set) var peer: String
    /// The peer's IP address alone (per-address limits).
    let address: String
    /// What handlers see of this connection.
    let handle: ConnectionHandle
    /// Monotonic time of accept: handshake and authentication deadlines count from it.
    let acceptedAt = Reactor.now()
    /// Whether the peer authenticated (always, when the server has no ``UnauthenticatedLimits``).
    private(set) var isAuthenticated: Bool
    /// Whether the client's preface and first SETTINGS arrived.
    private var prefaceReceived = false
    /// Bytes held for request messages (partial, or complete and not yet taken by a handler) and for responses not
    /// yet handed to nghttp2; `reserved` counts running unary handlers' expected responses. See `overBudget`.
    private var heldIn = 0
    private var heldOut = 0
    private var reserved = 0
    private var highWater = 0
    /// Connection window bytes withheld while over the budget.
    private var connectionOwed = 0
    /// Unary calls whose request is complete, waiting for the budget to start their handler.
    private var deferredUnary: [ServerStream] = []
    /// Shared by every streaming writer of this connection, so 100 streams cannot each queue a full send buffer.
    private let sendBudget: SendBudget
    private var session: HTTP2Session!
    private var streams: [Int32: ServerStream] = [:]
    private var out: [UInt8] = []
    private var outOffset = 0
    private var handshaking = true
    private(set) var closed = false
    private var readPaused = false
    private var flushScheduled = false
    private var pendingResets: [(Int32, UInt32)] = []
    private var lastActivity = Reactor.now()
    private var goingAway = false
    /// Set while the connection lingers: its sending side is shut down and what still arrives is read and dropped
    /// until the client closes, this time passes, or ``lingerMaxBytes`` arrived.
    private var lingerUntil: UInt64?
    private var lingerDrained = 0
    private let reactor = Reactor.shared
    private var config: ServerConfiguration { core.configuration }

    init(core: ServerCore, channel: ByteChannel, peer: String, address: String, authenticated: Bool) throws(TransportError) {
        self.core = core
        self.channel = channel
        self.peer = peer
        self.address = address
        isAuthenticated = authenticated
        handle = ConnectionHandle(authenticated: authenticated, peerCredentials: PeerCredentials.of(socket: channel.fd))
        let c = core.configuration
        sendBudget = SendBudget(limit: c.maxBufferedBytesPerConnection)
        var streams = c.maxConcurrentStreams
        if !authenticated, let limits = c.unauthenticated { streams = min(streams, limits.maxConcurrentStreams) }
        session = try HTTP2Session(server: true, delegate: self, settings: .init(
            maxConcurrentStreams: UInt32(clamping: streams), initialWindowSize: UInt32(clamping: c.streamWindowBytes),
            maxHeaderListSize: UInt32(clamping: c.maxHeaderListBytes)))
        handle.attach(self)
    }

    /// The peer proved who it is (``ConnectionHandle/markAuthenticated()``): lift the pre-authentication budgets.
    func authenticated() {
        reactor.checkOnReactor()
        guard !closed, !isAuthenticated else { return }
        isAuthenticated = true
        core.connectionAuthenticated(self)
        if config.unauthenticated != nil {
            session.announceMaxConcurrentStreams(UInt32(clamping: config.maxConcurrentStreams))
            scheduleFlush()
        }
    }

    var streamCount: Int { streams.count }

    // MARK: I/O

    func start() {
        reactor.register(channel.fd, self)
        continueHandshake()
    }

    private func continueHandshake() {
        switch channel.handshake() {
        case .done:
            handshaking = false
            if let tls = channel as? TLSChannel, let name = tls.verifiedPeer { peer = "\(name) (\(peer))" }
            flush()
        case .wantRead:
            reactor.update(channel.fd, readable: true, writable: false)
        case .wantWrite:
            reactor.update(channel.fd, readable: true, writable: true)
        case .failed(let e):
            let pin = e.code == .peerKeyMismatch
            core.metrics.update { $0.tlsRefused += 1 }
            core.report(.tlsRefused(TLSRefusal(address: peer, claimedName: pin ? e.peer : nil, reason: pin ? .pinMismatch : .handshakeFailed,
                                               message: "TLS handshake with \(peer) failed: \(e)")))
            close()
        }
    }

    func reactorEvent(readable: Bool, writable: Bool, hangup: Bool) {
        reactor.checkOnReactor()
        if closed { return }
        if lingerUntil != nil {
            drainLingering()
            return
        }
        if handshaking {
            continueHandshake()
            if handshaking || closed { return }
        }
        if readable || hangup { readAvailable() }
        if !closed { flush() }
    }

    private func readAvailable() {
        let buffer = reactor.readBuffer
        var total = 0
        for _ in 0..<16 where !readPaused && !closed {
            switch channel.read(into: buffer) {
            case .bytes(let n):
                total += n
                lastActivity = Reactor.now()
                do {
                    try session.receive(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                } catch {
                    core.metrics.update { $0.protocolErrors += 1 }
                    core.note("closing connection from \(peer): \(error)")
                    // Let nghttp2 write its GOAWAY, then close (lingering, when all of it was written).
                    flush()
                    if lingerUntil == nil { close() }
                    return
                }
                if n < buffer.count { break }
                continue
            case .wouldBlock:
                break
            case .closed:
                close()
                return
            }
            break
        }
        if total > 0 { core.metrics.update { $0.bytesIn += total } }
    }

    /// Flushes on the next pass of the reactor, once for all the completions of this pass.
    func scheduleFlush() {
        guard !flushScheduled else { return }
        flushScheduled = true
        reactor.execute { [self] in
            flushScheduled = false
            if !closed { flush() }
        }
    }

    func flush() {
        if closed || handshaking || lingerUntil != nil { return }
        var written = 0
        while true {
            for (id, code) in pendingResets { session.reset(id, errorCode: code) }
            pendingResets.removeAll()
            if out.count - outOffset < 64 * 1024 {
                if outOffset > 0 {
                    out.removeFirst(outOffset)
                    outOffset = 0
                }
                do {
                    try session.produce(into: &out, limit: 256 * 1024)
                } catch {
                    core.note("closing connection from \(peer): \(error)")
                    close()
                    return
                }
            }
            if outOffset == out.count { break }
            noteHeld()
            let r = out.withUnsafeBytes { channel.write(UnsafeRawBufferPointer(rebasing: $0[outOffset...])) }
            switch r {
            case .bytes(let n):
                outOffset += n
                written += n
                if outOffset == out.count {
                    out.removeAll(keepingCapacity: out.capacity <= 1024 * 1024)
                    outOffset = 0
                }
                continue
            case .wouldBlock:
                break
            case .closed:
                close()
                return
            }
            break
        }
        if written > 0 {
            lastActivity = Reactor.now()
            core.metrics.update { $0.bytesOut += written }
        }
        let pending = out.count - outOffset
        // A client that does not read its responses: stop reading its requests until it catches up.
        readPaused = pending > 1024 * 1024
        if !overBudget && (connectionOwed > 0 || !deferredUnary.isEmpty) { releaseBudget() }
        if !session.wantsRead && !session.wantsWrite && pending == 0 {
            linger()
            return
        }
        reactor.update(channel.fd, readable: !readPaused, writable: pending > 0)
    }

    // MARK: Lingering close

    /// How long a finished connection keeps reading after it stopped sending.
    static let lingerSeconds = 2.0
    /// The most bytes a lingering connection reads and drops before it closes anyway.
    static let lingerMaxBytes = 1024 * 1024

    /// The session is over and everything it had to say was handed to the kernel (its GOAWAY last). Closing now
    /// with unread bytes from the client would make the kernel answer with a reset, and a reset throws away what
    /// is still queued for the client — the GOAWAY and the last responses (RFC 9113 §6.8 asks that GOAWAY be seen).
    /// So the connection shuts down its sending side, which the kernel ends with FIN after the queued bytes, and
    /// reads and drops what still comes until the client closes, for at most ``lingerSeconds``.
    private func linger() {
        guard streams.isEmpty, deferredUnary.isEmpty else {
            close()
            return
        }
        lingerUntil = Reactor.now() &+ nanoseconds(Self.lingerSeconds)
        channel.shutdownWrite()
        reactor.update(channel.fd, readable: true, writable: false)
    }

    private func drainLingering() {
        let buffer = reactor.readBuffer
        for _ in 0..<16 {
            switch channel.read(into: buffer) {
            case .bytes(let n):
                lingerDrained += n
                if lingerDrained > Self.lingerMaxBytes {
                    close()
                    return
                }
            case .wouldBlock:
                return
            case .closed:
                close()
                return
            }
        }
    }

    /// Closes the socket and cancels every call still running.
    func close() {
        guard !closed else { return }
        closed = true
        reactor.unregister(channel.fd)
        channel.close()
        let open = streams
        streams.removeAll()
        deferredUnary.removeAll()
        let e = TransportError(.connectionClosed, status: .unavailable, "the connection from \(peer) closed while the call was running")
        for (_, s) in open {
            var error = e
            error.streamID = s.id
            abandon(s, error)
        }
        sendBudget.close(e)
        core.connectionClosed(self)
        handle.closed()
    }

    // MARK: Shutdown and timeouts

    /// Sends GOAWAY: running calls finish, new streams are refused.
    func beginGoingAway() {
        guard !goingAway, !closed, lingerUntil == nil else { return }
        goingAway = true
        session.goaway()
        flush()
        if !closed && streams.isEmpty { closeAfterFlush() }
    }

    /// Ends the session now, streams and all (GOAWAY, then the socket): the peer it served was unpinned.
    func terminate() {
        guard !closed, lingerUntil == nil else { return }
        goingAway = true
        closeAfterFlush()
    }

    /// Ends the session after pending frames. May run inside an nghttp2 callback, so it never flushes directly
    /// (that would re-enter `mem_send`); the flush runs as the reactor's next job.
    private func closeAfterFlush() {
        session.terminate(errorCode: 0)
        scheduleFlush()
    }

    /// Resets silent streams and closes an idle connection. Called by the server's sweep timer.
    func sweep(now: UInt64) {
        guard !closed else { return }
        if let until = lingerUntil {
            if now >= until { close() }
            return
        }
        let age = now &- acceptedAt
        if (handshaking || !prefaceReceived) && age > nanoseconds(config.handshakeTimeoutSeconds) {
            timedOut(handshaking ? "its TLS handshake" : "the HTTP/2 preface and SETTINGS", config.handshakeTimeoutSeconds)
            return
        }
        if !isAuthenticated, let limits = config.unauthenticated, age > nanoseconds(limits.authenticationTimeoutSeconds) {
            timedOut("authentication", limits.authenticationTimeoutSeconds)
            return
        }
        let silentNS = nanoseconds(config.silentStreamTimeoutSeconds)
        for s in streams.values where s.remoteOpen && now &- s.lastReceived > silentNS {
            decide(s, .cancelled, "the client sent nothing for \(config.silentStreamTimeoutSeconds) s; stream reset")
            if !s.isHTTP { pendingResets.append((s.id, NGHTTP2_CANCEL.rawValue)) }  // decide resets an HTTP stream
        }
        if streams.isEmpty && now &- lastActivity > nanoseconds(config.idleTimeoutSeconds) {
            session.goaway()
            closeAfterFlush()
            return
        }
        flush()
    }

    private func timedOut(_ what: String, _ seconds: Double) {
        core.metrics.update { $0.connectionsTimedOut += 1 }
        core.note("closing connection from \(peer): \(what) did not complete within \(seconds) s")
        close()
    }

    // MARK: Budget

    /// Whether the connection holds more than its budget: the server then stops reopening flow-control windows and
    /// defers new unary handlers until handlers take messages and the client reads responses.
    private var overBudget: Bool { heldIn + heldOut + reserved > config.maxBufferedBytesPerConnection }

    /// Records the stream's current share of received bytes (nothing once its outcome is decided).
    private func recount(_ s: ServerStream) {
        let now = s.completed ? 0 : s.deframer.bufferedBytes + s.waitingBytes + s.body.count
        heldIn += now - s.heldIn
        s.heldIn = now
        noteHeld()
    }

    private func addOut(_ s: ServerStream, _ n: Int) {
        s.heldOut += n
        heldOut += n
        noteHeld()
    }

    /// Keeps the high-water mark (one metrics update per new maximum of this connection).
    private func noteHeld() {
        let total = heldIn + heldOut + reserved + (out.count - outOffset)
        guard total > highWater else { return }
        highWater = total
        core.metrics.update { $0.bufferedBytesHighWater = max($0.bufferedBytesHighWater, total) }
    }

    /// Under the budget again: reopen the windows withheld and start deferred unary handlers. Not called from
    /// inside an nghttp2 callback.
    private func releaseBudget() {
        if connectionOwed > 0 {
            session.consumeConnection(connectionOwed)
            connectionOwed = 0
        }
        for s in streams.values where s.owed > 0 && (s.queue == nil || s.waitingBytes < config.streamWindowBytes) {
            session.consumeStream(s.id, s.owed)
            s.owed = 0
        }
        while !deferredUnary.isEmpty && !overBudget {
            let s = deferredUnary.removeFirst()
            if streams[s.id] === s && !s.completed { if s.isHTTP { startHTTP(s) } else { startUnary(s) } }
        }
        scheduleFlush()  // the WINDOW_UPDATE frames
    }

    // MARK: HTTP2SessionDelegate

    func settingsReceived() { prefaceReceived = true }

    func streamHeadersBegan(_ streamID: Int32) {
        if streams[streamID] == nil {
            if goingAway { return }
            var limit = config.maxMessageBytes
            if !isAuthenticated, let limits = config.unauthenticated {
                // nghttp2 refuses streams past the announced limit once the client acknowledged it; until then, this.
                if streams.count >= limits.maxConcurrentStreams {
                    pendingResets.append((streamID, NGHTTP2_REFUSED_STREAM.rawValue))
                    return
                }
                limit = min(limit, limits.maxMessageBytes)
            }
            streams[streamID] = ServerStream(id: streamID, maxMessageBytes: limit, now: Reactor.now())
            core.metrics.update { $0.streamsOpened += 1; $0.streamsOpen += 1 }
        }
    }

    func header(_ streamID: Int32, name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>)
        throws(TransportError) -> Bool {
        guard let s = streams[streamID] else { return true }
        s.headerBytes += name.count + value.count + 32
        if s.headerBytes > 4 * config.maxHeaderListBytes {
            // Far past the announced SETTINGS_MAX_HEADER_LIST_SIZE: not a mistake but abuse; drop the connection.
            throw TransportError(.limit, status: .resourceExhausted,
                                 "client \(peer) sent over \(s.headerBytes) bytes of headers on stream \(streamID), 4× the \(config.maxHeaderListBytes)-byte limit; closing the connection",
                                 streamID: streamID, peer: peer)
        }
        if s.headerBytes > config.maxHeaderListBytes { return false }
        if s.headersDone { return true }  // trailers from a client are ignored
        let n = String(decoding: name, as: UTF8.self)
        let v = String(decoding: value, as: UTF8.self)
        if core.routes != nil && !n.hasPrefix(":") { s.headers.append((n, v)) }
        switch n {
        case ":method": s.method = v
        case ":path": s.path = v
        case ":authority": s.authority = v
        case "content-type": s.contentType = v
        case "grpc-timeout": s.timeout = v
        case "grpc-encoding": s.encoding = v
        case ":scheme", "te", "user-agent", "grpc-accept-encoding", "accept-encoding": break
        default: s.metadata.append((n, v))
        }
        return true
    }

    func headersComplete(_ streamID: Int32, endStream: Bool) {
        guard let s = streams[streamID] else { return }
        s.lastReceived = Reactor.now()
        if !s.headersDone {
            s.headersDone = true
            begin(s)
        }
        if endStream { peerEnded(streamID) }
    }

    func data(_ streamID: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let s = streams[streamID] else {
            session.consumeConnection(bytes.count)
            return
        }
        s.lastReceived = Reactor.now()
        if s.isHTTP {
            httpBody(s, bytes)
            return
        }
        if s.completed || s.handler == nil {
            // The call's outcome is decided; drop what the client still sends but keep the windows open.
            session.consume(streamID, bytes.count)
            return
        }
        let failure: MessageDeframer.Failure?
        if let queue = s.queue {
            failure = s.deframer.append(bytes) { s.waitingBytes += $0.count; queue.push($0) }
        } else {
            failure = s.deframer.append(bytes) { s.waitingBytes += $0.count; s.unaryRequests.append($0) }
        }
        recount(s)
        if overBudget {
            // Backpressure: neither window reopens until handlers take messages and the client reads responses.
            s.owed += bytes.count
            connectionOwed += bytes.count
        } else if s.queue != nil && (s.waitingBytes >= config.streamWindowBytes || s.owed > 0) {
            session.consumeConnection(bytes.count)
            s.owed += bytes.count
        } else {
            session.consume(streamID, bytes.count)
        }
        if s.queue == nil && s.unaryRequests.count > 1 {
            decide(s, .unimplemented, "\(s.path) is a unary method but the client sent more than one request")
            return
        }
        if let failure { refuse(s, failure) }
    }

    func peerEnded(_ streamID: Int32) {
        guard let s = streams[streamID] else { return }
        s.remoteOpen = false
        if s.isHTTP {
            guard !s.completed, s.task == nil else { return }
            if overBudget { deferredUnary.append(s) } else { startHTTP(s) }
            return
        }
        if s.completed || s.handler == nil { return }
        if s.deframer.hasPartialMessage {
            decide(s, .internal, "the client ended stream \(s.id) inside a message")
            return
        }
        if let queue = s.queue {
            queue.finish(.success(()))
            return
        }
        guard s.unaryRequests.count == 1 else {
            decide(s, .unimplemented, "\(s.path) is a unary method and needs exactly one request message, got \(s.unaryRequests.count)")
            return
        }
        if overBudget {
            deferredUnary.append(s)
            return
        }
        startUnary(s)
    }

    /// Runs a unary handler; its request's size counts as the expected size of its response until it answers.
    private func startUnary(_ s: ServerStream) {
        guard let h = s.handler?.unaryBody else { return }
        let request = s.unaryRequests[0]
        s.unaryRequests = []
        s.waitingBytes = 0
        recount(s)
        s.reserved = max(request.count, 1)
        reserved += s.reserved
        let context = makeContext(s)
        let reactor = self.reactor
        s.task = Task(executorPreference: HandlerExecutor.shared) { [self] in
            let result: Result<[UInt8], any Error>
            do { result = .success(try await h(request, context)) } catch { result = .failure(error) }
            reactor.execute { [self] in self.unaryFinished(s, result) }
        }
    }

    private func unreserve(_ s: ServerStream) {
        reserved -= s.reserved
        s.reserved = 0
    }

    func streamClosed(_ streamID: Int32, errorCode: UInt32) {
        guard let s = streams.removeValue(forKey: streamID) else { return }
        abandon(s, TransportError(.cancelled, status: .cancelled,
                                  "the client reset stream \(streamID) (HTTP/2 error \(errorCode))", streamID: streamID))
        if goingAway && streams.isEmpty { closeAfterFlush() }
    }

    func readBody(_ streamID: Int32, into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, eof: Bool)? {
        guard let s = streams[streamID] else { return (0, true) }
        let n = s.copyBody(into: buffer)
        if n > 0 {
            s.budget?.release(n)
            if s.queue != nil { sendBudget.release(n) }
            s.heldOut -= n
            heldOut -= n
        }
        if !s.hasPendingBody, let (status, message) = s.trailers {
            if s.isHTTP { return (n, true) }  // END_STREAM on this DATA frame (see bodyEndsStream)
            session.submitTrailers(streamID, trailerHeaders(status, message))
            return (n, true)
        }
        if n == 0 {
            s.deferred = true
            return nil
        }
        return (n, false)
    }

    func goawayReceived(lastStreamID: Int32) {}

    func bodyEndsStream(_ streamID: Int32) -> Bool { streams[streamID]?.isHTTP ?? false }

    func endStreamSent(_ streamID: Int32) {
        // gRPC: once the server has sent its status, a client still sending is told to stop (RST_STREAM NO_ERROR).
        if let s = streams[streamID], s.remoteOpen { pendingResets.append((streamID, NGHTTP2_NO_ERROR.rawValue)) }
    }

    // MARK: Calls

    private func begin(_ s: ServerStream) {
        if let routes = core.routes, !s.contentType.hasPrefix("application/grpc") {
            beginHTTP(s, routes)
            return
        }
        // Not gRPC at all: answer in plain HTTP, as the gRPC protocol spec asks (405 / 415, no grpc-status).
        guard s.method == "POST" else {
            refuseHTTP(s, "405", "method \(s.method) \(s.path): gRPC calls are POST")
            return
        }
        guard s.contentType.hasPrefix("application/grpc") else {
            refuseHTTP(s, "415", "content-type '\(s.contentType)' on \(s.path): gRPC needs application/grpc")
            return
        }
        guard let handler = core.handlers[s.path] else {
            decide(s, .unimplemented, "unknown method \(s.path)")
            return
        }
        s.handler = handler
        if let t = s.timeout {
            guard let ns = parseTimeout(t) else {
                decide(s, .internal, "grpc-timeout '\(t)' is malformed; write e.g. 500m or 10S")
                return
            }
            s.deadlineTimer = reactor.schedule(afterNanoseconds: ns) { [weak self, weak s] in
                guard let self, let s, self.streams[s.id] === s else { return }
                self.decide(s, .deadlineExceeded, "the deadline of \(s.path) (\(t)) passed before the handler answered")
                self.scheduleFlush()
            }
        }
        if handler.kind != .unary, let body = handler.streamingBody {
            let reactor = self.reactor
            let queue = MessageQueue(onTaken: { [self, weak s] n in
                guard let s else { return }
                reactor.execute { [self, s] in
                    guard streams[s.id] === s else { return }
                    s.waitingBytes = max(0, s.waitingBytes - n)
                    recount(s)
                    if !overBudget && s.owed > 0 && s.waitingBytes < config.streamWindowBytes {
                        session.consumeStream(s.id, s.owed)
                        s.owed = 0
                        scheduleFlush()
                    }
                    if connectionOwed > 0 || !deferredUnary.isEmpty { scheduleFlush() }
                }
            })
            let budget = SendBudget(limit: config.sendBufferBytes)
            s.queue = queue
            s.budget = budget
            let writer = ResponseWriter(budget: budget, connectionBudget: sendBudget, send: { [self, weak s] framed in
                guard let s else { return }
                reactor.execute { [self, s] in
                    guard streams[s.id] === s, !s.completed else {
                        sendBudget.release(framed.count)
                        return
                    }
                    enqueue(s, framed)
                }
            }, maxMessageBytes: config.maxMessageBytes)
            let context = makeContext(s)
            s.task = Task(executorPreference: HandlerExecutor.shared) { [self] in
                let failure: (any Error)?
                do { try await body(RequestStream(queue: queue), writer, context); failure = nil } catch { failure = error }
                reactor.execute { [self] in self.streamingFinished(s, failure) }
            }
        }
    }

    private func makeContext(_ s: ServerStream) -> ServerContext {
        var deadline: UInt64?
        if let t = s.timeout, let ns = parseTimeout(t) { deadline = Reactor.now() &+ ns }
        return ServerContext(method: s.path, deadlineNanoseconds: deadline, peer: peer, metadata: s.metadata,
                             connection: handle)
    }

    private func enqueue(_ s: ServerStream, _ framed: [UInt8]) {
        s.outChunks.append(framed)
        addOut(s, framed.count)
        if !s.responseStarted {
            s.responseStarted = true
            session.submitResponse(s.id, headers: h2Status200, body: true)
        } else if s.deferred {
            s.deferred = false
            session.resume(s.id)
        }
        scheduleFlush()
    }

    private func unaryFinished(_ s: ServerStream, _ result: Result<[UInt8], any Error>) {
        guard streams[s.id] === s, !s.completed else { return }
        s.task = nil
        unreserve(s)
        switch result {
        case .success(let response):
            guard response.count <= config.maxMessageBytes else {
                decide(s, .resourceExhausted, "the response of \(s.path) is \(response.count) bytes, over the \(config.maxMessageBytes)-byte limit")
                break
            }
            // A client that does not read its answers: the connection already holds responses beyond its budget, so
            // this one is refused instead of kept (its memory goes with the handler's task).
            guard heldOut == 0 || heldOut + response.count + 5 <= config.maxBufferedBytesPerConnection else {
                decide(s, .resourceExhausted, "the client has \(heldOut) bytes of responses unread, over the \(config.maxBufferedBytesPerConnection)-byte budget of its connection; read the answers before asking more")
                break
            }
            let framed = MessageFramer.frame(response)
            s.outChunks.append(framed)
            addOut(s, framed.count)
            decide(s, .ok, "")
        case .failure(let error):
            let (status, message) = statusOf(error)
            decide(s, status, message)
        }
        scheduleFlush()
    }

    private func streamingFinished(_ s: ServerStream, _ failure: (any Error)?) {
        guard streams[s.id] === s, !s.completed else { return }
        s.task = nil
        if let failure {
            let (status, message) = statusOf(failure)
            decide(s, status, message)
        } else {
            decide(s, .ok, "")
        }
        scheduleFlush()
    }

    private func statusOf(_ error: any Error) -> (StatusCode, String) {
        if let e = error as? TransportError { return (e.status, e.message) }
        if error is CancellationError { return (.cancelled, "the handler was cancelled") }
        return (.unknown, "handler error: \(error)")
    }

    /// Decides the call's status once: sends it (trailers, or a trailers-only response) and stops the handler.
    private func decide(_ s: ServerStream, _ status: StatusCode, _ message: String) {
        guard !s.completed else { return }
        if s.isHTTP {
            // An HTTP request ended without an answer (silent client): no gRPC status to send, so reset the stream.
            s.trailers = (status, message)
            s.body = []
            recount(s)
            s.task?.cancel()
            if !s.responseStarted { pendingResets.append((s.id, NGHTTP2_CANCEL.rawValue)) }
            return
        }
        s.trailers = (status, message)
        recount(s)
        if let t = s.deadlineTimer { reactor.cancelTimer(t); s.deadlineTimer = nil }
        core.metrics.update { $0.callsByStatus[status.rawValue, default: 0] += 1 }
        if status != .ok {
            s.task?.cancel()
            let e = TransportError(.rpc, status: status, message, streamID: s.id, peer: peer)
            s.queue?.finish(.failure(e))
            s.budget?.close(e)
        }
        if !s.responseStarted {
            s.responseStarted = true
            if s.hasPendingBody {
                session.submitResponse(s.id, headers: h2Status200, body: true)
            } else {
                // Trailers-only response: status in the single HEADERS frame, which ends the stream.
                session.submitResponse(s.id, headers: h2Status200 + trailerHeaders(status, message), body: false)
            }
        } else if s.deferred {
            s.deferred = false
            session.resume(s.id)
        }
    }

    // MARK: Plain HTTP (routes)

    private func beginHTTP(_ s: ServerStream, _ routes: HTTPRoutes) {
        s.isHTTP = true
        s.metadata = []
        guard s.path.hasPrefix("/") else {
            respondHTTP(s, routes.refusal(HTTPRefusal(status: 400, reason: "the request path must start with /")))
            return
        }
        if let length = s.headers.first(where: { $0.0 == "content-length" })?.1 {
            guard let n = Int(length), n >= 0 else {
                respondHTTP(s, routes.refusal(HTTPRefusal(status: 400, reason: "content-length is not a number")))
                return
            }
            if n > routes.maxBodyBytes { refuseBody(s, routes, n) }
        }
    }

    /// Body bytes of an HTTP request: kept up to the routes' limit, counted in the connection's budget (past it the
    /// windows stay closed, as for gRPC messages); past the limit, 413.
    private func httpBody(_ s: ServerStream, _ bytes: UnsafeRawBufferPointer) {
        guard !s.completed, let routes = core.routes else {
            session.consume(s.id, bytes.count)
            return
        }
        let (total, overflow) = s.body.count.addingReportingOverflow(bytes.count)
        guard !overflow, total <= routes.maxBodyBytes else {
            session.consume(s.id, bytes.count)
            refuseBody(s, routes, total)
            return
        }
        s.body.append(contentsOf: bytes)
        recount(s)
        if overBudget {
            s.owed += bytes.count
            connectionOwed += bytes.count
        } else {
            session.consume(s.id, bytes.count)
        }
    }

    private func refuseBody(_ s: ServerStream, _ routes: HTTPRoutes, _ size: Int) {
        core.note("\(peer): \(s.method) \(s.path): body of \(size) bytes over the \(routes.maxBodyBytes)-byte limit")
        respondHTTP(s, routes.refusal(HTTPRefusal(status: 413, reason: "the request body is over \(routes.maxBodyBytes) bytes")))
    }

    /// Runs the route for a complete request; its body's size counts against the budget until it answers.
    private func startHTTP(_ s: ServerStream) {
        guard let routes = core.routes else { return }
        let query = s.path.firstIndex(of: "?")
        let request = HTTPRequest(method: s.method, path: query.map { String(s.path[..<$0]) } ?? s.path,
                                  rawQuery: query.map { String(s.path[s.path.index(after: $0)...]) } ?? "",
                                  headers: s.headers, authority: s.authority, body: s.body, peer: address)
        s.body = []
        recount(s)
        s.reserved = max(request.body.count, 1)
        reserved += s.reserved
        let reactor = self.reactor
        s.task = Task(executorPreference: HandlerExecutor.shared) { [self] in
            let response = await routes.respond(request)
            reactor.execute { [self] in
                guard streams[s.id] === s, !s.completed else { return }
                s.task = nil
                unreserve(s)
                respondHTTP(s, response)
                scheduleFlush()
            }
        }
    }

    /// Sends an HTTP response (headers, then the body ending the stream) and decides the stream.
    private func respondHTTP(_ s: ServerStream, _ response: HTTPResponse) {
        guard !s.completed else { return }
        var response = response
        if response.body.count > config.maxMessageBytes || (heldOut > 0 && heldOut + response.body.count > config.maxBufferedBytesPerConnection) {
            core.note("\(peer): \(s.path): response of \(response.body.count) bytes refused (limit or unread responses)")
            response = HTTPResponse(status: 503, headers: [("content-type", "text/plain; charset=utf-8"), ("cache-control", "no-store")],
                                    body: Array("busy: read the earlier answers first\n".utf8))
        }
        s.trailers = (.ok, "")
        s.body = []
        recount(s)
        s.task?.cancel()
        if let t = s.deadlineTimer { reactor.cancelTimer(t); s.deadlineTimer = nil }
        s.responseStarted = true
        core.metrics.update { $0.httpResponses += 1 }
        let fields = responseHeaderFields(response)
        if response.body.isEmpty {
            session.submitResponse(s.id, headers: fields, body: false)
        } else {
            s.outChunks.append(response.body)
            addOut(s, response.body.count)
            session.submitResponse(s.id, headers: fields, body: true)
        }
    }

    /// Ends a request that is not gRPC with a bare HTTP status.
    private func refuseHTTP(_ s: ServerStream, _ httpStatus: String, _ message: String) {
        guard !s.completed else { return }
        s.trailers = (.internal, message)
        recount(s)
        s.responseStarted = true
        core.note("\(peer): \(message)")
        session.submitResponse(s.id, headers: [(":status", Array(httpStatus.utf8)),
                                               ("content-type", Array("text/plain".utf8))], body: false)
    }

    private func refuse(_ s: ServerStream, _ failure: MessageDeframer.Failure) {
        switch failure {
        case .tooLarge(let length, let limit):
            decide(s, .resourceExhausted, "request message of \(length) bytes on \(s.path) exceeds the \(limit)-byte limit")
        case .compressed:
            decide(s, .unimplemented, "compressed message on \(s.path): this server supports no compression (grpc-encoding identity)")
        case .badFlag(let f):
            decide(s, .internal, "message flag byte \(f) on \(s.path) is neither 0 nor 1")
        }
    }

    private func abandon(_ s: ServerStream, _ error: TransportError) {
        core.metrics.update { $0.streamsOpen -= 1 }
        heldIn -= s.heldIn
        heldOut -= s.heldOut
        if s.queue != nil && s.heldOut > 0 { sendBudget.release(s.heldOut) }
        s.heldIn = 0
        s.heldOut = 0
        unreserve(s)
        if let t = s.deadlineTimer { reactor.cancelTimer(t); s.deadlineTimer = nil }
        if !s.completed {
            s.trailers = (error.status, error.message)
            core.metrics.update { $0.callsByStatus[error.status.rawValue, default: 0] += 1 }
        }
        s.task?.cancel()
        s.queue?.finish(.failure(error))
        s.budget?.close(error)
        s.outChunks = []
    }

    private func trailerHeaders(_ status: StatusCode, _ message: String) -> [(String, [UInt8])] {
        var h: [(String, [UInt8])] = [("grpc-status", Array(String(status.rawValue).utf8))]
        if !message.isEmpty { h.append(("grpc-message", PercentEncoding.encode(message))) }
        return h
    }
}

/// The longest deadline a server honours: 100 years. A `grpc-timeout` beyond it (gRPC allows up to 99,999,999 hours,
/// more nanoseconds than a UInt64 holds) is clamped to it, so deadline arithmetic never overflows.
let longestDeadlineNanoseconds: UInt64 = 100 * 365 * 86_400 * 1_000_000_000

/// Parses a `grpc-timeout` value (at most 8 digits and a unit H, M, S, m, u, n) into nanoseconds, clamped to
/// ``longestDeadlineNanoseconds``; nil when the text is malformed.
func parseTimeout(_ text: String) -> UInt64? {
    let u = Array(text.utf8)
    guard u.count >= 2, u.count <= 9, let unitByte = u.last else { return nil }
    var value: UInt64 = 0
    for c in u.dropLast() {
        guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + UInt64(c - UInt8(ascii: "0"))  // at most 8 digits: no overflow
    }
    let unit: UInt64
    switch unitByte {
    case UInt8(ascii: "H"): unit = 3_600_000_000_000
    case UInt8(ascii: "M"): unit = 60_000_000_000
    case UInt8(ascii: "S"): unit = 1_000_000_000
    case UInt8(ascii: "m"): unit = 1_000_000
    case UInt8(ascii: "u"): unit = 1_000
    case UInt8(ascii: "n"): unit = 1
    default: return nil
    }
    let (ns, overflow) = value.multipliedReportingOverflow(by: unit)
    return overflow ? longestDeadlineNanoseconds : min(ns, longestDeadlineNanoseconds)
}
