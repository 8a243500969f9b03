import Foundation

/// Group commit (组提交): one writer thread that owns a ``Store`` and commits the appends of many concurrent callers
/// together, one transaction and one fsync for all of them.
///
/// Callers hand in batches from any thread or task. The writer takes everything that arrived while the previous
/// commit was running (optionally lingering a little for more), up to ``Options/maxEvents`` events, and commits it
/// with ``Store/appendBatches(_:)`` — each caller's batch in its own savepoint, so one caller's gap or equivocation
/// does not touch the others. A caller is resumed only after the `COMMIT` has returned, so an acknowledged event is
/// on disk.
public final class GroupCommitter: @unchecked Sendable {
    // @unchecked Sendable invariant: `queue`, `queuedEvents`, `state` and `openResult` are read and written only
    // while `condition` is locked; the `Store` never leaves the writer thread (it is created and dropped there).

    /// Tunables for the writer.
    public struct Options: Sendable {
        /// Most events committed in one transaction; a larger single batch still goes alone.
        public var maxEvents = 1_000
        /// How long the writer waits for more callers once it has work, if fewer than ``maxEvents`` events are
        /// queued. Zero (the default) commits at once: the group is then whatever arrived during the previous
        /// commit, which adapts the window to the disk's fsync time without adding latency.
        public var linger: Duration = .zero
        /// Default options.
        public init() {}
    }

    private struct Request {
        var events: [StoredEvent]
        var cursors: [PeerCursor]
        var work: (@Sendable (Store) -> Void)?
        var completion: @Sendable (Result<AppendResult, StoreError>) -> Void
    }

    private enum State { case opening, running, closing, closed }

    private let condition = NSCondition()
    private var queue: [Request] = []
    private var queuedEvents = 0
    private var state = State.opening
    private var openResult: Result<Void, StoreError>?
    private let options: Options
    private var commits = 0
    private var writerWaiting = false
    /// The database file.
    public let path: String

    /// Opens the store at `path` on a new writer thread.
    /// - Throws: whatever ``Store/init(path:projectors:options:)`` throws.
    public init(path: String, projectors: [any Projector] = [], storeOptions: Store.Options = Store.Options(),
                options: Options = Options()) throws(StoreError) {
        self.path = path
        self.options = options
        let thread = Thread { [self] in self.run(projectors: projectors, storeOptions: storeOptions) }
        thread.name = "xieshang-store-writer"
        thread.start()
        condition.lock()
        while openResult == nil { condition.wait() }
        let result = openResult!
        condition.unlock()
        try result.get()
    }

    deinit {
        close()
    }

    /// Appends `events` and applies `cursors` in the next group transaction; returns once it is committed.
    /// - Throws: the batch's own ``StoreError`` (equivocation, gap, …), or the commit's, or `.closed`.
    @discardableResult
    public func append(_ events: [StoredEvent], cursors: [PeerCursor] = []) async throws(StoreError) -> AppendResult {
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<AppendResult, StoreError>, Never>) in
            submit(Request(events: events, cursors: cursors, work: nil, completion: { c.resume(returning: $0) }))
        }
        return try result.get()
    }

    /// The blocking form of ``append(_:cursors:)`` for threads that are not in Swift concurrency (the runtime's
    /// reactor): blocks the calling thread until the commit returned.
    @discardableResult
    public func appendAndWait(_ events: [StoredEvent], cursors: [PeerCursor] = []) throws(StoreError) -> AppendResult {
        let box = ResultBox()
        submit(Request(events: events, cursors: cursors, work: nil, completion: { box.set($0) }))
        return try box.wait().get()
    }

    /// Runs `body` on the writer thread with the store, between group commits (rebuilds, cursor resets, reads that
    /// must see the writer's state), and returns its result.
    public func perform<T: Sendable>(_ body: @escaping @Sendable (Store) throws(StoreError) -> T) async throws(StoreError) -> T {
        let box = ValueBox<T>()
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<AppendResult, StoreError>, Never>) in
            submit(Request(events: [], cursors: [], work: { store in
                do throws(StoreError) {
                    box.value = try body(store)
                    c.resume(returning: .success(AppendResult()))
                } catch {
                    c.resume(returning: .failure(error))
                }
            }, completion: { c.resume(returning: $0) }))
        }
        _ = try result.get()
        return box.value!
    }

    /// How many group transactions the writer has committed so far (one per group, whatever its size).
    public var commitCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return commits
    }

    /// Commits what is queued, stops the writer thread and closes the database. Later appends fail with `.closed`.
    public func close() {
        condition.lock()
        if state == .running || state == .opening { state = .closing }
        condition.broadcast()
        while state != .closed { condition.wait() }
        condition.unlock()
    }

    // MARK: Writer thread

    private func submit(_ request: Request) {
        condition.lock()
        guard state == .running else {
            condition.unlock()
            request.completion(.failure(StoreError(.closed, "the store at \(path) is closed; the append was not written", path: path)))
            return
        }
        queue.append(request)
        queuedEvents += request.events.count
        // Wake the writer only when it sleeps; while it commits, requests just queue up for the next group.
        if writerWaiting { condition.signal() }
        condition.unlock()
    }

    private func run(projectors: [any Projector], storeOptions: Store.Options) {
        let store: Store
        do throws(StoreError) {
            store = try Store(path: path, projectors: projectors, options: storeOptions)
        } catch {
            condition.lock()
            openResult = .failure(error)
            state = .closed
            condition.broadcast()
            condition.unlock()
            return
        }
        condition.lock()
        openResult = .success(())
        if state == .opening { state = .running }
        condition.broadcast()
        condition.unlock()

        while let group = nextGroup() {
            if let work = group.first?.work, group.count == 1 {
                work(store)
                continue
            }
            let results = store.appendBatches(group.map { ($0.events, $0.cursors) })
            condition.lock()
            commits += 1
            condition.unlock()
            for (request, result) in zip(group, results) { request.completion(result) }
        }
        condition.lock()
        state = .closed
        condition.broadcast()
        condition.unlock()
    }

    /// The next requests to commit together, or nil when closing and nothing is left. A `perform` request always
    /// travels alone.
    private func nextGroup() -> [Request]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if state != .running { return nil }
            writerWaiting = true
            condition.wait()
            writerWaiting = false
        }
        if options.linger > .zero, queuedEvents < options.maxEvents, state == .running {
            let (s, atto) = options.linger.components
            let deadline = Date(timeIntervalSinceNow: Double(s) + Double(atto) / 1e18)
            writerWaiting = true
            while queuedEvents < options.maxEvents, state == .running, condition.wait(until: deadline) {}
            writerWaiting = false
        }
        if queue[0].work != nil {
            return [queue.removeFirst()]
        }
        var taken = 0
        var count = 0
        while count < queue.count, queue[count].work == nil {
            let n = queue[count].events.count
            if count > 0, taken + n > options.maxEvents { break }
            taken += n
            count += 1
        }
        let group = Array(queue.prefix(count))
        queue.removeFirst(count)
        queuedEvents -= taken
        return group
    }
}

/// One result handed from the writer thread to a blocked caller.
private final class ResultBox: @unchecked Sendable {
    // Invariant: `result` is guarded by `condition`.
    private let condition = NSCondition()
    private var result: Result<AppendResult, StoreError>?

    func set(_ r: Result<AppendResult, StoreError>) {
        condition.lock()
        result = r
        condition.signal()
        condition.unlock()
    }

    func wait() -> Result<AppendResult, StoreError> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}

/// A value written by the writer thread before it resumes the continuation that reads it.
private final class ValueBox<T: Sendable>: @unchecked Sendable {
    // Invariant: written once on the writer thread, then read after the continuation resumed (happens-before).
    var value: T?
}
