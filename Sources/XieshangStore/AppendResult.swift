/// What an append did: which events were stored and which were already there.
///
/// Duplicates (same origin, seq and hash as a stored event) are not errors: the batch's new events are stored and
/// the duplicates are listed here, so the caller can acknowledge them too (exactly-once effect, DESIGN.md §6).
public struct AppendResult: Hashable, Sendable {
    /// Events newly written, in batch order.
    public var stored: [EventRef] = []
    /// Events that were already in the log with the same hash (or repeated within the batch).
    public var duplicates: [EventRef] = []
    /// Log positions given to the stored events, or nil when nothing new was stored.
    public var positions: ClosedRange<Int64>?

    /// An empty result.
    public init() {}
}
