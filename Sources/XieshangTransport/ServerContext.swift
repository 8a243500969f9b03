/// What a handler knows about its call: method, deadline, peer, request metadata.
public struct ServerContext: Sendable {
    /// The full method path, `/<package>.<Service>/<Method>`.
    public let method: String
    /// The client's deadline as monotonic nanoseconds (see ``remainingSeconds``), when it sent `grpc-timeout`.
    public let deadlineNanoseconds: UInt64?
    /// The peer's address; on a TLS link with pinned keys, the pinned name of its key followed by the address.
    public let peer: String
    /// Request headers other than the HTTP/2 pseudo-headers and gRPC's own.
    public let metadata: [(String, String)]
    /// The connection the call arrived on: per-peer state belongs to it, and a handler marks it authenticated.
    public let connection: ConnectionHandle

    /// Seconds left before the deadline (nil when the client sent none).
    public var remainingSeconds: Double? {
        guard let d = deadlineNanoseconds else { return nil }
        let now = Reactor.now()
        return d > now ? Double(d - now) / 1e9 : 0
    }
}

/// The request messages of a streaming call, in order; ends when the client half-closes.
///
/// Reading is what opens the client's flow-control window: a handler that stops reading stops the client.
public struct RequestStream: AsyncSequence, Sendable {
    /// One gRPC message, as bytes.
    public typealias Element = [UInt8]
    let queue: MessageQueue

    /// Iterates the messages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let queue: MessageQueue
        /// The next message, nil when the client ended its side.
        public mutating func next() async throws -> [UInt8]? { try await queue.next() }
    }

    /// An iterator over the messages.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(queue: queue) }

    /// The next message, nil when the client ended its side.
    /// - Throws: ``TransportError`` when the call was cancelled, reset or ran past its deadline.
    public func next() async throws -> [UInt8]? { try await queue.next() }
}

/// Sends response messages of a streaming call. `write` waits while the client is not reading (flow control).
public struct ResponseWriter: Sendable {
    let budget: SendBudget
    /// The connection's budget, shared by its streams.
    let connectionBudget: SendBudget
    let send: @Sendable ([UInt8]) -> Void
    let maxMessageBytes: Int

    /// Sends one message.
    /// - Throws: ``TransportError`` when the call already ended (reset, deadline), or `.limit` when the message
    ///   exceeds the configured maximum.
    public func write(_ message: [UInt8]) async throws {
        guard message.count <= maxMessageBytes else {
            throw TransportError(.limit, status: .resourceExhausted,
                                 "response message of \(message.count) bytes exceeds the \(maxMessageBytes)-byte limit")
        }
        let framed = MessageFramer.frame(message)
        try await budget.reserve(framed.count)
        do {
            try await connectionBudget.reserve(framed.count)
        } catch {
            budget.release(framed.count)
            throw error
        }
        send(framed)
    }
}
