#if canImport(Glibc)
import Glibc
#endif

/// Reconnect delays: exponential in the number of failures, capped, with random jitter so many clients that lost
/// the same server do not come back in lockstep.
struct Backoff {
    let initial: Double
    let maximum: Double
    let multiplier: Double
    let jitter: Double

    init(_ c: ClientConfiguration) {
        initial = c.initialBackoffSeconds
        maximum = c.maxBackoffSeconds
        multiplier = c.backoffMultiplier
        jitter = c.backoffJitter
    }

    /// Seconds to wait after the `failures`-th consecutive failure (1-based); `unit` is a random number in -1…1.
    func delay(afterFailures failures: Int, unit: Double) -> Double {
        let base = min(maximum, initial * pow(multiplier, Double(max(0, failures - 1))))
        return max(0.001, base * (1 + jitter * max(-1, min(1, unit))))
    }
}
