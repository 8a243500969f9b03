/// Group commit (组提交): one writer thread that owns a ``Store`` and commits the appends of many concurrent callers
/// together, one transaction and one fsync for all of them.
///
/// Callers hand in batches from any thread or task. The writer takes everything that arrived while the previous
/// commit was running, gathers a little longer while more keeps arriving (``Options``), and commits it
/// with ``Store/appendBatches(_:)`` — each caller's batch succeeds or fails on its own, so one caller's gap or
/// equivocation does not touch the others. A caller is resumed only after the `COMMIT` has returned, so an
/// acknowledged event is on disk. ``close()`` (or dropping the last reference) commits what is queued and closes
/// the database.
public final class GroupCommitter: Sendable {
    /// Tunables for the writer: how a group is gathered.
    ///
    /// Once work is queued, the writer keeps gathering while requests keep arriving — it stops when none arrived
    /// for ``settle``, when ``maxEvents`` are queued, or ``maxDelay`` after it started. With many busy callers the
    /// group fills up (fewer commits, less work per event); a lone caller waits at most ``settle`` extra.
    public struct Options: Sendable {
        /// Most events committed in one transaction; a larger single batch still goes alone.
        public var maxEvents = 1_000
        /// Stop gathering when no new request arrived for this long. Zero commits at once: the group is then
        /// whatever arrived during the previous commit.
        public var settle: Duration = .microseconds(100)
        /// The longest the writer gathers before it commits.
        public var maxDelay: Duration = .milliseconds(2)
        /// Default options: up to 1,000 events, 100 µs settle, 2 ms window.
        public init() {}
    }

    private let writer: GroupCommitWriter

    /// The database file.
    public var path: String { writer.path }

    /// Opens the store at `path` on a new writer thread.
    /// - Throws: whatever ``Store/init(path:projectors:options:)`` throws.
    public init(path: String, projectors: [any Projector] = [], storeOptions: Store.Options = Store.Options(),
                options: Options = Options()) throws(StoreError) {
        writer = try GroupCommitWriter(path: path, projectors: projectors, storeOptions: storeOptions, options: options)
    }

    deinit {
        writer.close()
    }

    /// Appends `events` and applies `cursors` in the next group transaction; returns once it is committed.
    /// - Throws: the batch's own ``StoreError`` (equivocation, gap, …), or the commit's, or `.closed`.
    @discardableResult
    public func append(_ events: [StoredEvent], cursors: [PeerCursor] = []) async throws(StoreError) -> AppendResult {
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<AppendResult, StoreError>, Never>) in
            writer.submit(.init(events: events, cursors: cursors, work: nil, completion: { c.resume(returning: $0) }))
        }
        return try result.get()
    }

    /// The blocking form of ``append(_:cursors:)`` for threads that are not in Swift concurrency (the runtime's
    /// reactor): blocks the calling thread until the commit returned.
    @discardableResult
    public func appendAndWait(_ events: [StoredEvent], cursors: [PeerCursor] = []) throws(StoreError) -> AppendResult {
        let box = ResultBox()
        writer.submit(.init(events: events, cursors: cursors, work: nil, completion: { box.set($0) }))
        return try box.wait().get()
    }

    /// Runs `body` on the writer thread with the store, between group commits (rebuilds, cursor resets, reads that
    /// must see the writer's state), and returns its result.
    public func perform<T: Sendable>(_ body: @escaping @Sendable (Store) throws(StoreError) -> T) async throws(StoreError) -> T {
        let box = ValueBox<T>()
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<AppendResult, StoreError>, Never>) in
            writer.submit(.init(events: [], cursors: [], work: { store in
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
    public var commitCount: Int { writer.commitCount }

    /// Commits what is queued, stops the writer thread and closes the database. Later appends fail with `.closed`.
    public func close() { writer.close() }
}

/// One result handed from the writer thread to a blocked caller.
private final class ResultBox: @unchecked Sendable {
    // Invariant: `result` is guarded by `condition`.
    private let condition = WriterCondition()
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
