/// A version of a joint draft's text: for each replica (node id), how many of its sequence numbers are included.
///
/// Because every replica's operations are applied in sequence order, this version vector names exactly the set of
/// operations a replica holds, and ``DraftText/ops(since:)`` uses it to send only what a peer lacks.
public struct DraftVersion: Hashable, Sendable, CustomStringConvertible {
    /// Replica node id → number of its sequence numbers included (the next expected `seq`).
    public var counts: [String: UInt32]

    /// Creates a version; the empty version holds nothing.
    public init(_ counts: [String: UInt32] = [:]) {
        self.counts = counts.filter { $0.value > 0 }
    }

    /// Number of `replica`'s sequence numbers included.
    public subscript(replica: String) -> UInt32 { counts[replica] ?? 0 }

    /// Whether every operation included in `other` is included here.
    public func includes(_ other: DraftVersion) -> Bool {
        other.counts.allSatisfy { self[$0.key] >= $0.value }
    }

    /// The smallest version that includes both.
    public func union(_ other: DraftVersion) -> DraftVersion {
        DraftVersion(counts.merging(other.counts, uniquingKeysWith: max))
    }

    /// `{a: 3, b: 7}` with replicas in byte order.
    public var description: String {
        "{" + counts.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
