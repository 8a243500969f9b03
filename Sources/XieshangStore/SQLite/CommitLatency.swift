/// How long a connection's write transactions took (提交耗时), from `BEGIN IMMEDIATE` until `COMMIT` returned (with
/// `synchronous=FULL` that includes the fsync): a histogram with fixed bounds, as Prometheus reads one.
public struct CommitLatency: Sendable, Equatable {
    /// Upper bounds of the buckets, in seconds (a last `+Inf` bucket is implied).
    public static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    /// Transactions per bucket (not cumulative): `buckets[i]` counts those at most `bounds[i]` and above the bound
    /// before; the last entry counts those above every bound.
    public private(set) var buckets = [UInt64](repeating: 0, count: CommitLatency.bounds.count + 1)
    /// Transactions committed.
    public private(set) var count: UInt64 = 0
    /// Their total duration, in seconds.
    public private(set) var sumSeconds: Double = 0

    /// An empty histogram.
    public init() {}

    /// Counts one transaction of `nanoseconds`.
    public mutating func record(nanoseconds: UInt64) {
        let seconds = Double(nanoseconds) / 1e9
        let i = CommitLatency.bounds.firstIndex { seconds <= $0 } ?? CommitLatency.bounds.count
        buckets[i] &+= 1
        count &+= 1
        sumSeconds += seconds
    }
}
