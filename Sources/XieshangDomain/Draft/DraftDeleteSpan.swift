/// A run of characters of one replica, `seq ..< seq + length`, deleted by one operation.
///
/// The deleting operation's own sequence numbers map onto the span's characters in ascending order, or in
/// descending order when `reversed` (backspacing deletes right to left). Both orders delete the same set; the
/// mapping only matters when an operation is cut into pieces (see ``DraftOp/slice(from:to:)``).
public struct DraftDeleteSpan: Hashable, Sendable {
    /// Node id of the replica that inserted the deleted characters.
    public var replica: String
    /// First sequence number of the run.
    public var seq: UInt32
    /// Number of characters, at least 1.
    public var length: UInt32
    /// Whether the deleting operation's sequence numbers run from the end of the span to its start.
    public var reversed: Bool

    /// Creates a span.
    public init(replica: String, seq: UInt32, length: UInt32, reversed: Bool = false) {
        self.replica = replica
        self.seq = seq
        self.length = length
        self.reversed = reversed
    }
}
