#if canImport(Glibc)
import Glibc
#endif

/// The threads request handlers run on: a small fixed pool, separate from the reactor thread, fed by a queue.
///
/// Handler tasks are started with this executor as their preference, so a call's whole handler (and everything it
/// awaits that has no executor of its own) runs here: never on the reactor, so a slow handler never stalls other
/// connections. Compared with the global concurrent executor, a worker that is already awake takes the next job
/// without a thread wake-up, which is most of the cost of a small call.
///
/// Invariant: `jobs` and `sleepers` are guarded by `mutex`; the threads live for the whole process.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    /// The process-wide pool: one worker per core.
    static let shared = HandlerExecutor(threads: max(2, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))

    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var sleepers = 0
    /// Why no handler thread could start, nil when at least one runs (servers check it and throw).
    private(set) var startFailure: String?

    private init(threads: Int) {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
        var started = 0
        var lastError: Int32 = 0
        for _ in 0..<threads {
            let box = Unmanaged.passRetained(self).toOpaque()
            var tid = pthread_t()
            let rc = pthread_create(&tid, nil, { arg in
                Unmanaged<HandlerExecutor>.fromOpaque(arg!).takeRetainedValue().work()
                return nil
            }, box)
            if rc == 0 {
                started += 1
            } else {
                // Fewer threads than cores still serve; none is an error reported to whoever starts a server.
                Unmanaged<HandlerExecutor>.fromOpaque(box).release()
                lastError = rc
            }
        }
        startFailure = started > 0 ? nil
            : "cannot start any handler thread: pthread_create failed (\(Socket.errorText(lastError))); raise the process's thread limit"
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        pthread_mutex_lock(&mutex)
        jobs.append(unowned)
        let wake = sleepers > 0
        pthread_mutex_unlock(&mutex)
        if wake { pthread_cond_signal(&condition) }
    }

    private func work() {
        let executor = asUnownedTaskExecutor()
        while true {
            pthread_mutex_lock(&mutex)
            while head == jobs.count {
                sleepers += 1
                pthread_cond_wait(&condition, &mutex)
                sleepers -= 1
            }
            // One job at a time, so a slow handler holds only its own thread; the other workers keep taking jobs.
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head > 1024 && head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            pthread_mutex_unlock(&mutex)
            job.runSynchronously(on: executor)
        }
    }
}
