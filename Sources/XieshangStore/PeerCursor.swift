/// A durable position per peer and direction: how far a link has got, kept in the same transaction as its work.
///
/// For ``Direction/outbound`` it is the log position up to which the peer has acknowledged what we sent; for
/// ``Direction/inbound`` it is what we have acknowledged to the peer (the peer's own position for its stream).
/// A link that was down resumes from its cursor (store and forward, DESIGN.md §6).
public struct PeerCursor: Hashable, Sendable {
    /// Which way the events flow.
    public enum Direction: String, Hashable, Sendable, CaseIterable {
        /// Events we send to the peer; the cursor is what it acknowledged.
        case outbound
        /// Events the peer sends us; the cursor is what we acknowledged.
        case inbound
    }

    /// The peer's node id.
    public var peer: String
    /// Which way.
    public var direction: Direction
    /// The position reached.
    public var position: Int64

    /// Makes a cursor value.
    public init(peer: String, direction: Direction, position: Int64) {
        self.peer = peer
        self.direction = direction
        self.position = position
    }
}
