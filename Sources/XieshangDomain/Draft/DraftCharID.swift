/// The identity of one character of a joint draft (联名提案草稿): the replica (node id of the body that typed it)
/// and that replica's sequence number for it.
///
/// Every operation of a replica consumes sequence numbers 0, 1, 2, … in order: an insert one per inserted scalar,
/// a delete one per deleted scalar. So `(replica, seq)` names a character for ever, on every node.
public struct DraftCharID: Hashable, Sendable, CustomStringConvertible {
    /// Node id of the replica that inserted the character.
    public var replica: String
    /// The replica's sequence number of the character.
    public var seq: UInt32

    /// Creates an id.
    public init(replica: String, seq: UInt32) {
        self.replica = replica
        self.seq = seq
    }

    /// `replica@seq`.
    public var description: String { "\(replica)@\(seq)" }
}
