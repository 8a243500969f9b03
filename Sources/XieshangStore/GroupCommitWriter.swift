/// The writer thread behind ``GroupCommitter``: a queue of requests and the thread that owns the ``Store``.
///
/// Kept apart from the public type so that the thread holds only this object: when the last ``GroupCommitter``
/// reference goes away its `deinit` closes the writer, which then ends its thread.
final class GroupCommitWriter: @unchecked Sendable {
    // @unchecked Sendable invariant: `queue`, `queuedEvents`, `state`, `openResult`, `commits` and `writerWaiting`
    // are read and written only while `condition` is locked; the `Store` never leaves the writer thread (it is
    // created and dropped there).

    struct Request {
        var events: [StoredEvent]
        var cursors: [PeerCursor]
        var work: (@Sendable (Store) -> Void)?
        var completion: @Sendable (Result<AppendResult, StoreError>) -> Void
    }

    private enum State { case opening, running, closing, closed }

    private let condition = WriterCondition()
    private var queue: [Request] = []
    private var queuedEvents = 0
    private var state = State.opening
    private var openResult: Result<Void, StoreError>?
    private var commits = 0
    private var writerWaiting = false
    private let options: GroupCommitter.Options
    let path: String

    /// Starts the writer thread, which opens the store; returns once it is open (or failed to open).
    init(path: String, projectors: [any Projector], storeOptions: Store.Options, options: GroupCommitter.Options) throws(StoreError) {
        self.path = path
        self.options = options
        let started = WriterCondition.startThread(name: "xs-store-writer") { [self] in
            self.run(projectors: projectors, storeOptions: storeOptions)
        }
        guard started else {
            throw StoreError(.cannotOpen, "could not start the writer thread for the store at \(path) (out of threads or memory?); "
                                + "free resources and start again", path: path)
        }
        condition.lock()
        while openResult == nil { condition.wait() }
        let result = openResult!
        condition.unlock()
        try result.get()
    }

    var commitCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return commits
    }

    /// Queues a request, or completes it at once with `.closed`.
    func submit(_ request: Request) {
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

    /// Lets the writer commit what is queued, then stops it; returns when the store is closed.
    func close() {
        condition.lock()
        if state == .running || state == .opening { state = .closing }
        condition.broadcast()
        while state != .closed { condition.wait() }
        condition.unlock()
    }

    private func run(projectors: [any Projector], storeOptions: Store.Options) {
        // The store lives only inside `serve`, so its connections are closed before `close()` is told `.closed`.
        if let store = openStore(projectors: projectors, storeOptions: storeOptions) { serve(store) }
        condition.lock()
        state = .closed
        condition.broadcast()
        condition.unlock()
    }

    private func openStore(projectors: [any Projector], storeOptions: Store.Options) -> Store? {
        let store: Store
        do throws(StoreError) {
            store = try Store(path: path, projectors: projectors, options: storeOptions)
        } catch {
            condition.lock()
            openResult = .failure(error)
            condition.unlock()
            return nil
        }
        condition.lock()
        openResult = .success(())
        if state == .opening { state = .running }
        condition.broadcast()
        condition.unlock()
        return store
    }

    private func serve(_ store: Store) {
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
    }

    private func nanoseconds(_ d: Duration) -> UInt64 {
        let (s, atto) = d.components
        return UInt64(max(0, s)) * 1_000_000_000 + UInt64(max(0, atto)) / 1_000_000_000
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
        if options.settle > .zero, queue[0].work == nil {
            let settle = nanoseconds(options.settle)
            let start = WriterCondition.uptimeNanoseconds()
            let end = start &+ nanoseconds(options.maxDelay)
            var lastArrival = start
            var seen = queue.count
            writerWaiting = true
            while queuedEvents < options.maxEvents, state == .running {
                let deadline = min(lastArrival &+ settle, end)
                let now = WriterCondition.uptimeNanoseconds()
                if now >= deadline { break }  // quiet for `settle`, or the window is over
                condition.wait(untilUptimeNanoseconds: deadline)
                if queue.count != seen {
                    seen = queue.count
                    lastArrival = WriterCondition.uptimeNanoseconds()
                }
            }
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
