/// One call of a ``Client`` as its caller sees it: queued responses, a send budget, and the way to reach its
/// stream on the reactor.
///
/// Invariant: `stream` is touched only on the reactor thread (it is set and read only inside reactor jobs);
/// everything else is immutable or synchronized, which is why the class is `@unchecked Sendable`.
final class ClientCall: @unchecked Sendable {
    let path: String
    let metadata: [(String, String)]
    let timeoutNanoseconds: UInt64
    let maxMessageBytes: Int
    let responses: MessageQueue
    let budget: SendBudget
    weak var stream: ClientStream?
    private let reactor = Reactor.shared

    init(path: String, metadata: [(String, String)], timeoutNanoseconds: UInt64, configuration: ClientConfiguration) {
        self.path = path
        self.metadata = metadata
        self.timeoutNanoseconds = timeoutNanoseconds
        maxMessageBytes = configuration.maxMessageBytes
        budget = SendBudget(limit: configuration.sendBufferBytes)
        let box = WeakCall()
        let reactor = Reactor.shared
        responses = MessageQueue(onTaken: { n in
            reactor.execute { box.call?.stream?.taken() }
        })
        box.call = self
    }

    func write(_ message: [UInt8]) async throws {
        guard message.count <= maxMessageBytes else {
            throw TransportError(.limit, status: .resourceExhausted,
                                 "request message of \(message.count) bytes exceeds the \(maxMessageBytes)-byte limit")
        }
        let framed = MessageFramer.frame(message)
        try await budget.reserve(framed.count)
        reactor.execute { [self] in stream?.enqueue(framed, end: false) }
    }

    func finishRequests() {
        reactor.execute { [self] in stream?.enqueue(nil, end: true) }
    }

    func cancel(_ error: TransportError) {
        reactor.execute { [self] in stream?.fail(error, reset: true) }
    }
}

/// A weak reference the response queue's callback uses to find its call without a retain cycle.
/// Invariant: `call` is written once, before the queue can call back.
final class WeakCall: @unchecked Sendable {
    weak var call: ClientCall?
}
