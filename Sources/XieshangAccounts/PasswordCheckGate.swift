import Dispatch
import Synchronization

/// How a check gets a slot.
private enum Admission { case now, wait, refuse }

/// Runs password checks (scrypt) on Dispatch threads of their own, at most ``limit`` at once, with at most
/// ``maxWaiting`` waiting: the node's memory for hashing stays bounded (limit × 16 MiB at the default parameters),
/// Swift's cooperative pool and the transport's reactor never run a 50 ms hash, and a flood of logins is refused
/// ("busy") instead of queueing without end.
///
/// Invariant: `state` is guarded by its mutex; a waiter's continuation is resumed exactly once (by ``release()``).
public final class PasswordCheckGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
        var peakRunning = 0
    }

    /// Checks that run at once.
    public let limit: Int
    /// Checks that may wait.
    public let maxWaiting: Int
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "xieshang.accounts.password-checks", attributes: .concurrent)

    /// A gate for `limit` concurrent checks and `maxWaiting` waiting ones.
    public init(limit: Int, maxWaiting: Int) {
        precondition(limit >= 1, "a password check gate needs room for one check")
        // Each check's buffer must go back to the system when it ends, or the node keeps it (MallocTuning).
        MallocTuning.returnLargeBuffersToTheSystem()
        self.limit = limit
        self.maxWaiting = maxWaiting
    }

    /// The most checks that ran at once so far (tests of the bound).
    public var peakRunning: Int { state.withLock { $0.peakRunning } }

    /// Runs `work` on the gate's threads once a slot is free.
    /// - Throws: ``AccountsError`` `.busy` when ``maxWaiting`` checks wait already (nothing runs); `work`'s error.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws(AccountsError) -> T) async throws(AccountsError) -> T {
        let admission = state.withLock { s -> Admission in
            if s.running < limit {
                s.running += 1
                s.peakRunning = max(s.peakRunning, s.running)
                return .now
            }
            return s.waiting.count < maxWaiting ? .wait : .refuse
        }
        switch admission {
        case .refuse:
            throw AccountsError(.busy, "\(maxWaiting) password checks are waiting already; try again in a moment",
                                chinese: "登录人数过多，请稍后再试")
        case .wait:
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let admitted = state.withLock { s -> Bool in
                    // A slot may have been freed between the check above and now.
                    if s.running < limit {
                        s.running += 1
                        s.peakRunning = max(s.peakRunning, s.running)
                        return true
                    }
                    s.waiting.append(c)
                    return false
                }
                if admitted { c.resume() }
            }
        case .now:
            break
        }
        defer { release() }
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<T, AccountsError>, Never>) in
            queue.async {
                let result: Result<T, AccountsError>
                do throws(AccountsError) { result = .success(try work()) } catch { result = .failure(error) }
                // What the check freed goes back to the system before the slot is free again (MallocTuning).
                MallocTuning.releaseFreedMemory()
                c.resume(returning: result)
            }
        }
        return try result.get()
    }

    /// Frees a slot: hands it to the first waiter (which then counts as running) or lowers the count.
    private func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            if s.waiting.isEmpty {
                s.running -= 1
                return nil
            }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}
