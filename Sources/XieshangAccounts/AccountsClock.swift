#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where the accounts module reads the time (ms since 1970, UTC): lockouts, idle and absolute session limits, audit
/// rows. Injected, so tests advance a ``ManualClock`` instead of sleeping.
public protocol AccountsClock: Sendable {
    /// Now, in milliseconds since 1970-01-01T00:00Z.
    func nowMs() -> Int64
}

/// The system's real-time clock (`CLOCK_REALTIME`).
public struct SystemClock: AccountsClock {
    /// The system clock.
    public init() {}

    /// Now, from `clock_gettime(CLOCK_REALTIME)`.
    public func nowMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// A clock that moves only when told to: tests (lockout release after 15 minutes, idle expiry) without sleeps.
public final class ManualClock: AccountsClock {
    private let now: Mutex<Int64>

    /// A clock showing `startMs`.
    public init(startMs: Int64) { now = Mutex(startMs) }

    /// The time it shows.
    public func nowMs() -> Int64 { now.withLock { $0 } }

    /// Moves the clock forward by `ms`.
    public func advance(ms: Int64) { now.withLock { $0 += ms } }

    /// Moves the clock forward by `minutes`.
    public func advance(minutes: Int64) { advance(ms: minutes * 60_000) }
}
