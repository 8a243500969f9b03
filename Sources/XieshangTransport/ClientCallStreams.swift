/// The response messages of a client call, in order; ends when the server sends an OK status.
///
/// Reading is what opens the server's flow-control window: a caller that stops reading stops the server.
public struct ResponseStream: AsyncSequence, Sendable {
    /// One gRPC message, as bytes.
    public typealias Element = [UInt8]
    let call: ClientCall

    /// Iterates the messages.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let call: ClientCall
        /// The next message; nil once the server ended the call with OK.
        public mutating func next() async throws -> [UInt8]? { try await call.responses.next() }
    }

    /// An iterator over the messages.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(call: call) }

    /// The next message; nil once the server ended the call with OK.
    /// - Throws: ``TransportError`` with the call's non-OK status.
    public func next() async throws -> [UInt8]? { try await call.responses.next() }
}

/// Sends the request messages of a client- or bidirectional-streaming call.
public struct RequestWriter: Sendable {
    let call: ClientCall

    /// Sends one message; waits while the server is not reading (flow control).
    /// - Throws: ``TransportError`` when the call already ended or the message is over the size limit.
    public func write(_ message: [UInt8]) async throws { try await call.write(message) }

    /// Ends the request side (the server sees the end of its request stream).
    public func finish() { call.finishRequests() }
}
