import CNghttp2
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `seconds` as nanoseconds, saturating: negative or NaN gives 0, beyond ~584 years gives UInt64.max (a plain
/// `UInt64(seconds * 1e9)` traps on both).
func nanoseconds(_ seconds: Double) -> UInt64 {
    let ns = seconds * 1e9
    guard ns > 0 else { return 0 }
    return ns < 18_446_744_073_709_549_568 ? UInt64(ns) : .max
}

/// Something the reactor wakes when its file descriptor is ready.
protocol ReactorHandler: AnyObject {
    /// Called on the reactor thread with what epoll reported.
    func reactorEvent(readable: Bool, writable: Bool, hangup: Bool)
}

/// The one I/O thread of the process: an epoll loop over non-blocking sockets, timers, and a queue of jobs
/// other threads hand to it.
///
/// Invariant: `handlers`, `timers` and every object registered here are touched only on the reactor thread;
/// `jobs` is the only state shared with other threads and sits behind a mutex. ``checkOnReactor()`` verifies
/// the invariant at run time in the entry points of the objects it owns.
final class Reactor: @unchecked Sendable {
    /// The process-wide reactor, started on first use.
    static let shared = Reactor()

    private let epfd: Int32
    private let wakeFD: Int32
    private var handlers: [Int32: ReactorHandler] = [:]
    private var interest: [Int32: UInt32] = [:]
    private let jobs = Mutex<(list: [@Sendable () -> Void], sleeping: Bool)>(([], false))
    private var timerHeap: [(at: UInt64, id: UInt64)] = []
    private var timerActions: [UInt64: () -> Void] = [:]
    private var nextTimerID: UInt64 = 1
    private nonisolated(unsafe) var threadID: pthread_t = 0
    /// Why the reactor could not start (no descriptor for epoll or eventfd, no thread), nil when it runs. Servers and
    /// clients check it and throw instead of waiting on a loop that never runs.
    private(set) var startFailure: String?
    /// A 256 KiB buffer every connection reads into (only one runs at a time on this thread).
    let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)

    private init() {
        // OpenSSL writes to sockets with write(2), which raises SIGPIPE on a peer that closed; a server must not die
        // of that, so the process ignores SIGPIPE (plain sockets use MSG_NOSIGNAL anyway).
        signal(SIGPIPE, SIG_IGN)
        epfd = epoll_create1(Int32(EPOLL_CLOEXEC))
        let epollError = errno
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epfd >= 0 && wakeFD >= 0 else {
            startFailure = "epoll_create1/eventfd failed (\(Socket.errorText(epfd < 0 ? epollError : errno))): the process is out of descriptors; raise its open-files limit"
            return
        }
        var ev = epoll_event()
        ev.events = EPOLLIN.rawValue
        ev.data.fd = wakeFD
        _ = epoll_ctl(epfd, EPOLL_CTL_ADD, wakeFD, &ev)
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        let box = Unmanaged.passRetained(self).toOpaque()
        var tid = pthread_t()
        let rc = pthread_create(&tid, &attr, { arg in
            let reactor = Unmanaged<Reactor>.fromOpaque(arg!).takeRetainedValue()
            reactor.run()
            return nil
        }, box)
        pthread_attr_destroy(&attr)
        if rc != 0 {
            Unmanaged<Reactor>.fromOpaque(box).release()
            startFailure = "cannot start the reactor thread: pthread_create failed (\(Socket.errorText(rc))); raise the process's thread limit"
        }
    }

    /// Throws when the reactor (or the handler threads, for servers) could not start.
    static func checkStarted(handlers: Bool) throws(TransportError) {
        if let failure = shared.startFailure { throw TransportError(.io, status: .unavailable, failure) }
        if handlers, let failure = HandlerExecutor.shared.startFailure { throw TransportError(.io, status: .unavailable, failure) }
    }

    /// Whether the caller runs on the reactor thread.
    var isOnReactor: Bool { pthread_equal(pthread_self(), threadID) != 0 }

    /// Stops with a message when called off the reactor thread (a programmer error).
    @inline(__always) func checkOnReactor() {
        precondition(isOnReactor, "reactor-confined object touched off the reactor thread")
    }

    /// Runs `job` on the reactor thread soon (in order with other jobs).
    func execute(_ job: @escaping @Sendable () -> Void) {
        let wake = jobs.withLock { state -> Bool in
            state.list.append(job)
            if state.sleeping { state.sleeping = false; return true }
            return false
        }
        if wake {
            var one: UInt64 = 1
            _ = write(wakeFD, &one, 8)
        }
    }

    /// Registers `fd` for read readiness (and write when `writable`). Reactor thread only.
    func register(_ fd: Int32, _ handler: ReactorHandler, writable: Bool = false) {
        checkOnReactor()
        handlers[fd] = handler
        var ev = epoll_event()
        ev.events = EPOLLIN.rawValue | EPOLLRDHUP.rawValue | (writable ? EPOLLOUT.rawValue : 0)
        ev.data.fd = fd
        interest[fd] = ev.events
        _ = epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev)
    }

    /// Changes what `fd` waits for. Reactor thread only.
    func update(_ fd: Int32, readable: Bool, writable: Bool) {
        checkOnReactor()
        let events = (readable ? EPOLLIN.rawValue | EPOLLRDHUP.rawValue : 0) | (writable ? EPOLLOUT.rawValue : 0)
        guard interest[fd] != events, handlers[fd] != nil else { return }
        interest[fd] = events
        var ev = epoll_event()
        ev.events = events
        ev.data.fd = fd
        _ = epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev)
    }

    /// Forgets `fd` (the caller closes it). Reactor thread only.
    func unregister(_ fd: Int32) {
        checkOnReactor()
        guard handlers.removeValue(forKey: fd) != nil else { return }
        interest[fd] = nil
        _ = epoll_ctl(epfd, EPOLL_CTL_DEL, fd, nil)
    }

    /// Monotonic time in nanoseconds.
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Runs `action` on the reactor thread after `nanoseconds`. Reactor thread only.
    /// - Returns: an id for ``cancelTimer(_:)``.
    @discardableResult
    func schedule(afterNanoseconds ns: UInt64, _ action: @escaping () -> Void) -> UInt64 {
        checkOnReactor()
        let id = nextTimerID
        nextTimerID += 1
        timerActions[id] = action
        heapPush((Reactor.now() &+ ns, id))
        return id
    }

    /// Cancels a timer that has not fired. Reactor thread only.
    func cancelTimer(_ id: UInt64) {
        checkOnReactor()
        timerActions[id] = nil
    }

    private func heapPush(_ e: (at: UInt64, id: UInt64)) {
        timerHeap.append(e)
        var i = timerHeap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if timerHeap[p].at <= timerHeap[i].at { break }
            timerHeap.swapAt(p, i)
            i = p
        }
    }

    private func heapPop() {
        let last = timerHeap.removeLast()
        guard !timerHeap.isEmpty else { return }
        timerHeap[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < timerHeap.count && timerHeap[l].at < timerHeap[m].at { m = l }
            if r < timerHeap.count && timerHeap[r].at < timerHeap[m].at { m = r }
            if m == i { break }
            timerHeap.swapAt(i, m)
            i = m
        }
    }

    private func runTimers() -> Int32 {
        let now = Reactor.now()
        while let top = timerHeap.first {
            if timerActions[top.id] == nil { heapPop(); continue }
            if top.at > now { return Int32(min((top.at - now) / 1_000_000 + 1, 1000)) }
            heapPop()
            if let action = timerActions.removeValue(forKey: top.id) { action() }
        }
        return -1
    }

    private func runJobs() {
        while true {
            let batch = jobs.withLock { state -> [@Sendable () -> Void] in
                let l = state.list
                state.list.removeAll(keepingCapacity: true)
                return l
            }
            if batch.isEmpty { return }
            for job in batch { job() }
        }
    }

    private func run() {
        threadID = pthread_self()
        var events = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            runJobs()
            var timeout = runTimers()
            runJobs()
            let goSleep = jobs.withLock { state -> Bool in
                if state.list.isEmpty { state.sleeping = true; return true }
                return false
            }
            if !goSleep { timeout = 0 }
            let n = epoll_wait(epfd, &events, Int32(events.count), timeout)
            jobs.withLock { $0.sleeping = false }
            if n <= 0 { continue }
            for i in 0..<Int(n) {
                let ev = events[i]
                let fd = ev.data.fd
                if fd == wakeFD {
                    var v: UInt64 = 0
                    _ = read(wakeFD, &v, 8)
                    continue
                }
                guard let h = handlers[fd] else { continue }
                let e = ev.events
                h.reactorEvent(readable: e & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0,
                               writable: e & EPOLLOUT.rawValue != 0,
                               hangup: e & (EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0)
            }
        }
    }
}
