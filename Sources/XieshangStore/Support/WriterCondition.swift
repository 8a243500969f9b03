#if canImport(Glibc)
import Glibc
#endif

/// A mutex and a condition variable on the monotonic clock, for the group commit's writer thread and its callers.
///
/// pthread directly rather than Foundation's `NSCondition`, so the store links without Foundation. Lives on the
/// heap (a class) because a pthread mutex or condition must never move.
final class WriterCondition: @unchecked Sendable {
    // @unchecked Sendable invariant: the mutex and condition are pthread objects built for sharing between threads;
    // they are initialised once here and never moved (the storage is a heap allocation owned by this object).
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    func signal() { pthread_cond_signal(condition) }
    func broadcast() { pthread_cond_broadcast(condition) }

    /// Waits until signalled (or woken spuriously); the caller holds the lock.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Waits until signalled or until the monotonic clock reaches `deadline` nanoseconds; the caller holds the lock.
    func wait(untilUptimeNanoseconds deadline: UInt64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        _ = pthread_cond_timedwait(condition, mutex, &time)
    }

    /// The monotonic clock in nanoseconds (the clock ``wait(untilUptimeNanoseconds:)`` waits on).
    static func uptimeNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// Starts a detached thread named `name` (at most 15 bytes shown by the kernel) that runs `body`.
    /// - Returns: false when the system refused to create the thread.
    static func startThread(name: String, _ body: @escaping @Sendable () -> Void) -> Bool {
        let start = ThreadStart(name: name, body: body)
        let argument = Unmanaged.passRetained(start).toOpaque()
        var thread = pthread_t()
        guard pthread_create(&thread, nil, runThreadStart, argument) == 0 else {
            Unmanaged<ThreadStart>.fromOpaque(argument).release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}

/// What a new writer thread runs: handed to `pthread_create` as a retained pointer, consumed once by the thread.
private final class ThreadStart: Sendable {
    let name: String
    let body: @Sendable () -> Void
    init(name: String, body: @escaping @Sendable () -> Void) {
        self.name = name
        self.body = body
    }

    /// Names the calling thread for `ps -L`, `top -H` and debuggers (Glibc's module does not export
    /// `pthread_setname_np`; the kernel's file does the same). Best effort: a failure leaves the inherited name.
    func nameCurrentThread() {
        let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }
}

/// The `pthread_create` entry point of a writer thread.
private func runThreadStart(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let start = Unmanaged<ThreadStart>.fromOpaque(argument!).takeRetainedValue()
    start.nameCurrentThread()
    start.body()
    return nil
}
