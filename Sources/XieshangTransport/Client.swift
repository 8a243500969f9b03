/// A gRPC client over HTTP/2 (nghttp2): one connection multiplexing every call, on raw message bytes.
///
/// Every call has a deadline (``CallOptions/timeoutSeconds`` or the configuration's default), sent as
/// `grpc-timeout`. When the connection is broken the client backs off (capped exponential, with jitter) and calls
/// made meanwhile fail at once with UNAVAILABLE instead of waiting. Cancelling the calling task cancels the call.
public final class Client: Sendable {
    let channel: ClientChannel
    private let configuration: ClientConfiguration

    /// A client for the server at `target`. Connects on the first call.
    /// - Throws: ``TransportError`` `.tls` when the TLS configuration cannot be loaded.
    public init(target: Endpoint, configuration: ClientConfiguration = ClientConfiguration()) throws(TransportError) {
        self.configuration = configuration
        try Reactor.checkStarted(handlers: false)
        let tls = try configuration.tls.map { c throws(TransportError) in try TLSContext(c, server: false) }
        channel = ClientChannel(endpoint: target, configuration: configuration, tls: tls)
    }

    deinit {
        let channel = self.channel
        Reactor.shared.execute { channel.close() }
    }

    /// The client's counters.
    public var metrics: TransportMetrics.Snapshot { channel.metrics.snapshot }

    /// Closes the connection; calls in flight and later calls fail with UNAVAILABLE.
    public func close() {
        let channel = self.channel
        Reactor.shared.execute { channel.close() }
    }

    private func start(_ path: String, _ options: CallOptions, initial: [UInt8]?, end: Bool) throws(TransportError)
        -> ClientCall {
        if let initial, initial.count > configuration.maxMessageBytes {
            throw TransportError(.limit, status: .resourceExhausted,
                                 "\(path): request message of \(initial.count) bytes exceeds the \(configuration.maxMessageBytes)-byte limit")
        }
        let seconds = options.timeoutSeconds ?? configuration.defaultTimeoutSeconds
        let call = ClientCall(path: path, metadata: options.metadata,
                              timeoutNanoseconds: max(1_000, nanoseconds(seconds)), configuration: configuration)
        let framed = initial.map(MessageFramer.frame)
        let channel = self.channel
        Reactor.shared.execute { channel.start(call, initial: framed, end: end) }
        return call
    }

    private func cancellable<R>(_ call: ClientCall, _ body: () async throws -> R) async throws -> R {
        try await withTaskCancellationHandler {
            do {
                return try await body()
            } catch is CancellationError {
                throw TransportError(.cancelled, status: .cancelled, "\(call.path): the caller cancelled the call")
            }
        } onCancel: {
            call.cancel(TransportError(.cancelled, status: .cancelled, "\(call.path): the caller cancelled the call"))
        }
    }

    /// A unary call: one request, one response.
    ///
    /// A call whose stream the server refused unprocessed (``TransportError/Code/refused``: it sent GOAWAY as the
    /// call started, e.g. closing an idle connection) is made once more, on a new connection, within the call's
    /// deadline — what gRPC calls a transparent retry; nothing reached the handler the first time.
    /// - Throws: ``TransportError`` with the call's status (e.g. UNAVAILABLE, DEADLINE_EXCEEDED, or the server's).
    public func unary(_ path: String, _ request: [UInt8], options: CallOptions = CallOptions()) async throws -> [UInt8] {
        let started = Reactor.now()
        do {
            return try await unaryOnce(path, request, options: options)
        } catch let error as TransportError where error.code == .refused && !Task.isCancelled {
            let seconds = options.timeoutSeconds ?? configuration.defaultTimeoutSeconds
            let left = seconds - Double(Reactor.now() &- started) / 1e9
            guard left > 0.001 else { throw error }
            channel.metrics.update { $0.callsRetried += 1 }
            var again = options
            again.timeoutSeconds = left
            return try await unaryOnce(path, request, options: again)
        }
    }

    private func unaryOnce(_ path: String, _ request: [UInt8], options: CallOptions) async throws -> [UInt8] {
        let call = try start(path, options, initial: request, end: true)
        return try await cancellable(call) {
            guard let response = try await call.responses.next() else {
                throw TransportError(.protocolViolation, status: .internal, "\(path): the server sent OK without a response message")
            }
            guard try await call.responses.next() == nil else {
                throw TransportError(.protocolViolation, status: .internal, "\(path): the server sent more than one response to a unary call")
            }
            return response
        }
    }

    /// A server-streaming call: one request; `body` reads the responses. The call is cancelled if `body` returns
    /// before the server finished.
    public func serverStreaming<R: Sendable>(_ path: String, _ request: [UInt8], options: CallOptions = CallOptions(),
                                             _ body: (ResponseStream) async throws -> R) async throws -> R {
        let call = try start(path, options, initial: request, end: true)
        defer { call.cancel(TransportError(.cancelled, status: .cancelled, "\(path): the caller stopped reading")) }
        return try await cancellable(call) { try await body(ResponseStream(call: call)) }
    }

    /// A client-streaming call: `body` writes the requests (the request side ends when it returns); one response.
    public func clientStreaming(_ path: String, options: CallOptions = CallOptions(),
                                _ body: (RequestWriter) async throws -> Void) async throws -> [UInt8] {
        let call = try start(path, options, initial: nil, end: false)
        defer { call.cancel(TransportError(.cancelled, status: .cancelled, "\(path): the caller left the call")) }
        return try await cancellable(call) {
            try await body(RequestWriter(call: call))
            call.finishRequests()
            guard let response = try await call.responses.next() else {
                throw TransportError(.protocolViolation, status: .internal, "\(path): the server sent OK without a response message")
            }
            guard try await call.responses.next() == nil else {
                throw TransportError(.protocolViolation, status: .internal, "\(path): the server sent more than one response")
            }
            return response
        }
    }

    /// A bidirectional-streaming call: `body` writes requests and reads responses concurrently as it likes. The
    /// call is cancelled if `body` returns before the server finished; the request side ends when `body` calls
    /// ``RequestWriter/finish()`` (or returns).
    public func bidirectionalStreaming<R: Sendable>(_ path: String, options: CallOptions = CallOptions(),
                                                    _ body: (RequestWriter, ResponseStream) async throws -> R)
        async throws -> R {
        let call = try start(path, options, initial: nil, end: false)
        defer { call.cancel(TransportError(.cancelled, status: .cancelled, "\(path): the caller left the call")) }
        return try await cancellable(call) { try await body(RequestWriter(call: call), ResponseStream(call: call)) }
    }
}
