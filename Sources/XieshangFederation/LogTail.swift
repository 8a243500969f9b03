import XieshangStore

/// The newest entries of a node's log, kept in memory so that links which keep up push straight from it instead of
/// reading SQLite once per pump and link (日志尾部缓存).
///
/// The node is the only writer of its store's `events` table (the runtime hands the store to the node), so after
/// each of its own appends it knows the log's last position and the entries just written. The tail holds at most
/// about twice ``capacity`` entries (trimmed to ``capacity`` when it reaches that), all committed and immutable;
/// a link that lags further behind reads the store. If an append does not continue the tail (another writer came
/// in between), the tail restarts at that append, so it never serves a range with a hole in it.
struct LogTail {
    /// One committed log entry: its position and event, and what routing reads from it, parsed once (a node pumps
    /// every new entry past each of its links). A class, so that handing entries to each link copies one reference,
    /// not the event's arrays and strings.
    final class Entry {
        let position: Int64
        let event: StoredEvent
        /// The event's scope, parsed.
        let route: Route
        /// The node that signed the event's chain.
        let originNode: String

        init(position: Int64, event: StoredEvent) {
            self.position = position
            self.event = event
            route = Route(text: event.scope)
            originNode = ChainName.node(of: event.origin)
        }
    }
    /// Entries kept after a trim.
    let capacity: Int
    /// Contiguous entries, oldest first, from ``first``.
    private var entries: [Entry] = []
    private var first = 0
    /// The store's last position as this node knows it (nil until known).
    private(set) var end: Int64?

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Entries held.
    var count: Int { entries.count - first }

    /// Records the log's last position without entries (an empty store, or after a replay).
    mutating func reset(end: Int64) {
        entries = []
        first = 0
        self.end = end
    }

    /// Adds committed entries in log order.
    mutating func append(_ entry: Entry) {
        if let last = entries.last, last.position &+ 1 != entry.position {
            entries = []
            first = 0
        }
        entries.append(entry)
        end = entry.position
        if entries.count - first >= 2 * capacity {
            first = entries.count - capacity
        }
        if first >= capacity {
            entries.removeFirst(first)
            first = 0
        }
    }

    /// Drops the entries at or before `position`: every link has them acknowledged, so none pushes them again from
    /// here (a link that resumes further back, on a new connection, reads the store). Without this a quiet node's
    /// tail held its whole log up to ``capacity`` (a township's year: about 1,000 events, ≈ 1 MB).
    mutating func drop(through position: Int64) {
        guard first < entries.count, entries[first].position <= position else { return }
        first = entries[first...].firstIndex { $0.position > position } ?? entries.count
        entries.removeFirst(first)
        first = 0
    }

    /// Adds what one append stored: `events` as offered, `result` as the store answered (duplicates skipped).
    mutating func appended(_ events: [StoredEvent], _ result: AppendResult) {
        guard let positions = result.positions else { return }
        var i = 0
        for e in events where i < result.stored.count && e.origin == result.stored[i].origin && e.seq == result.stored[i].seq {
            append(Entry(position: positions.lowerBound + Int64(i), event: e))
            i += 1
        }
        if i != result.stored.count || positions.upperBound != end {
            end = nil  // not what we expected: read the store until the next append
            entries = []
            first = 0
        }
    }

    /// Entries after `position`, at most `limit`; nil when the tail does not cover that range (read the store).
    func entries(after position: Int64, limit: Int) -> ArraySlice<Entry>? {
        guard let end else { return nil }
        if position >= end { return [] }
        guard first < entries.count, position >= entries[first].position &- 1 else { return nil }
        let (offset, overflow) = position.subtractingReportingOverflow(entries[first].position &- 1)
        guard !overflow, offset <= Int64(entries.count - first) else { return nil }
        let start = first + Int(offset)
        return entries[start..<min(start + limit, entries.count)]
    }
}
