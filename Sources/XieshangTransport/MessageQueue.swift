import Synchronization

/// Messages received on one stream, waiting for the handler or caller that reads them.
///
/// The reactor pushes; one reader task pulls. Taking a message reports its size back (``onTaken``), which reopens
/// the HTTP/2 stream window: a reader that stops reading stops the peer through flow control, so the queue never
/// grows past one window plus one message.
final class MessageQueue: Sendable {
    private struct State {
        var messages: [[UInt8]] = []
        var head = 0
        var bytes = 0
        var end: Result<Void, TransportError>?
        var waiter: CheckedContinuation<[UInt8]?, any Error>?
    }
    private let state = Mutex(State())
    /// Called (from the reader's thread) with the size of each message taken.
    private let onTaken: @Sendable (Int) -> Void

    init(onTaken: @escaping @Sendable (Int) -> Void) { self.onTaken = onTaken }

    /// Bytes queued and not yet taken.
    var bufferedBytes: Int { state.withLock { $0.bytes } }

    /// Adds a message (reactor).
    func push(_ message: [UInt8]) {
        let waiter = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
            guard s.end == nil else { return nil }
            if let w = s.waiter {
                s.waiter = nil
                return w
            }
            s.messages.append(message)
            s.bytes += message.count
            return nil
        }
        if let waiter {
            waiter.resume(returning: message)
            onTaken(message.count)
        }
    }

    /// Ends the sequence: successfully (the reader sees nil after the queued messages) or with an error.
    func finish(_ result: Result<Void, TransportError>) {
        let waiter = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
            guard s.end == nil else { return nil }
            s.end = result
            if case .failure = result {
                s.messages.removeAll()
                s.head = 0
                s.bytes = 0
            }
            let w = s.waiter
            s.waiter = nil
            return w
        }
        if let waiter {
            switch result {
            case .success: waiter.resume(returning: nil)
            case .failure(let e): waiter.resume(throwing: e)
            }
        }
    }

    /// The next message, nil at the end.
    /// - Throws: the ``TransportError`` the stream ended with, or `CancellationError` when the task is cancelled.
    func next() async throws -> [UInt8]? {
        enum Immediate { case message([UInt8]), end(Result<Void, TransportError>), wait }
        let now = state.withLock { s -> Immediate in
            if s.head < s.messages.count {
                let m = s.messages[s.head]
                s.head += 1
                s.bytes -= m.count
                if s.head == s.messages.count { s.messages.removeAll(keepingCapacity: true); s.head = 0 }
                return .message(m)
            }
            if let end = s.end { return .end(end) }
            return .wait
        }
        switch now {
        case .message(let m):
            onTaken(m.count)
            return m
        case .end(.success): return nil
        case .end(.failure(let e)): throw e
        case .wait: break
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<[UInt8]?, any Error>) in
                let immediate = state.withLock { s -> Result<[UInt8]?, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if s.head < s.messages.count {
                        let m = s.messages[s.head]
                        s.head += 1
                        s.bytes -= m.count
                        return .success(m)
                    }
                    if let end = s.end {
                        switch end {
                        case .success: return .success(nil)
                        case .failure(let e): return .failure(e)
                        }
                    }
                    s.waiter = c
                    return nil
                }
                if let immediate {
                    if case .success(let m?) = immediate { onTaken(m.count) }
                    c.resume(with: immediate)
                }
            }
        } onCancel: {
            let w = state.withLock { s -> CheckedContinuation<[UInt8]?, any Error>? in
                let w = s.waiter
                s.waiter = nil
                return w
            }
            w?.resume(throwing: CancellationError())
        }
    }
}

/// The sending side's budget: how many bytes a writer may have queued for the reactor before it waits.
///
/// The writer adds what it queues; the reactor subtracts what nghttp2 takes (which it does only as the peer's flow
/// control window allows). A peer that never reads therefore parks its writer instead of growing a buffer.
final class SendBudget: Sendable {
    private struct State {
        var queued = 0
        var waiter: CheckedContinuation<Void, any Error>?
        var closed: TransportError?
    }
    private let state = Mutex(State())
    let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Waits until fewer than `limit` bytes are queued, then counts `n` more.
    /// - Throws: the error the stream closed with, or `CancellationError`.
    func reserve(_ n: Int) async throws {
        enum Now { case ok, wait, fail(TransportError) }
        let now = state.withLock { s -> Now in
            if let e = s.closed { return .fail(e) }
            if s.queued < limit { s.queued += n; return .ok }
            return .wait
        }
        switch now {
        case .ok: return
        case .fail(let e): throw e
        case .wait: break
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                let immediate = state.withLock { s -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let e = s.closed { return .failure(e) }
                    if s.queued < limit { s.queued += n; return .success(()) }
                    s.waiter = c
                    return nil
                }
                if let immediate { c.resume(with: immediate) }
            }
        } onCancel: {
            let w = state.withLock { s -> CheckedContinuation<Void, any Error>? in
                let w = s.waiter
                s.waiter = nil
                return w
            }
            w?.resume(throwing: CancellationError())
        }
        // The waiter was resumed by release(); count our bytes now.
        state.withLock { $0.queued += n }
    }

    /// The reactor handed `n` bytes to nghttp2.
    func release(_ n: Int) {
        let w = state.withLock { s -> CheckedContinuation<Void, any Error>? in
            s.queued -= n
            if s.queued < limit, let w = s.waiter {
                s.waiter = nil
                return w
            }
            return nil
        }
        w?.resume()
    }

    /// Fails current and later reservations with `error`.
    func close(_ error: TransportError) {
        let w = state.withLock { s -> CheckedContinuation<Void, any Error>? in
            if s.closed == nil { s.closed = error }
            let w = s.waiter
            s.waiter = nil
            return w
        }
        w?.resume(throwing: error)
    }
}
