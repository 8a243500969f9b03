/// A read-only connection to a store's file: the log, chain heads and cursors.
///
/// Readers see the last committed state and never block the writer (WAL mode). Like ``Database`` a reader is
/// confined to one thread; open one per thread that reads.
public final class EventReader {
    let db: Database
    /// The read-only connection itself, for other reads of the same file on the reader's thread (the record pages'
    /// queries): one connection kept open, not one opened (and its schema parsed) per page.
    public var database: Database { db }

    /// Opens a read-only connection to an existing store file (open the ``Store`` first: it creates and checks it).
    public init(path: String, busyTimeoutMs: Int32 = 5_000) throws(StoreError) {
        db = try Database(path: path, readOnly: true, create: false, busyTimeoutMs: busyTimeoutMs)
    }

    static let columns = "position, origin, seq, prev_hash, hash, time_ms, scope, kind, body, signature, received_at"

    /// One row of `events` (selected with ``columns``), its integers checked: a damaged row is a `.corrupt` error
    /// naming the table and rowid, never a trap.
    static func entry(_ s: Statement) throws(StoreError) -> LogEntry {
        let position = s.int64(at: 0)
        let row = "row \(position) (rowid) of table events"
        return LogEntry(position: position,
                        event: StoredEvent(origin: s.string(at: 1), seq: try s.seq(at: 2, row), prevHash: s.bytes(at: 3),
                                           hash: s.bytes(at: 4), timeMs: try s.integer(at: 5, row), scope: s.string(at: 6),
                                           kind: try s.int32(at: 7, row), body: s.bytes(at: 8),
                                           signature: s.bytes(at: 9)),
                        receivedAtMs: try s.integer(at: 10, row))
    }

    private func entries(_ sql: String, _ values: [DatabaseValue]) throws(StoreError) -> [LogEntry] {
        var out: [LogEntry] = []
        try db.forEachRow(sql, values) { (s) throws(StoreError) in out.append(try EventReader.entry(s)) }
        return out
    }

    /// The events of `origin` with seq in `seqs`, in seq order.
    public func events(origin: String, seqs: ClosedRange<UInt64>) throws(StoreError) -> [StoredEvent] {
        let upper = Int64(clamping: seqs.upperBound)
        return try entries("SELECT \(EventReader.columns) FROM events WHERE origin = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                           [.text(origin), .integer(Int64(clamping: seqs.lowerBound)), .integer(upper)]).map(\.event)
    }

    /// Log entries after `position`, in log order, at most `limit`.
    public func entries(after position: Int64 = 0, limit: Int = 1_000) throws(StoreError) -> [LogEntry] {
        try entries("SELECT \(EventReader.columns) FROM events WHERE position > ? ORDER BY position LIMIT ?",
                    [.integer(position), .integer(Int64(limit))])
    }

    /// Log entries of `scope` after `position`, in log order, at most `limit`.
    public func entries(scope: String, after position: Int64 = 0, limit: Int = 1_000) throws(StoreError) -> [LogEntry] {
        try entries("SELECT \(EventReader.columns) FROM events WHERE scope = ? AND position > ? ORDER BY position LIMIT ?",
                    [.text(scope), .integer(position), .integer(Int64(limit))])
    }

    /// Log entries of `kind` after `position`, in log order, at most `limit`.
    public func entries(kind: Int32, after position: Int64 = 0, limit: Int = 1_000) throws(StoreError) -> [LogEntry] {
        try entries("SELECT \(EventReader.columns) FROM events WHERE kind = ? AND position > ? ORDER BY position LIMIT ?",
                    [.integer(Int64(kind)), .integer(position), .integer(Int64(limit))])
    }

    /// The highest stored seq of `origin` (0 when none).
    public func highestSeq(origin: String) throws(StoreError) -> UInt64 {
        var highest: UInt64 = 0
        try db.forEachRow("SELECT max(seq), (SELECT rowid FROM events WHERE origin = ?1 ORDER BY seq DESC LIMIT 1) FROM events WHERE origin = ?1 HAVING count(*) > 0",
                          [.text(origin)]) { (s) throws(StoreError) in
            highest = try s.seq(at: 0, "row \(s.int64(at: 1)) (rowid) of table events (origin \(origin))")
        }
        return highest
    }

    /// The highest stored seq of every origin.
    public func highestSeqs() throws(StoreError) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        try db.forEachRow("SELECT origin, max(seq), min(seq) FROM events GROUP BY origin") { (s) throws(StoreError) in
            let origin = s.string(at: 0)
            _ = try s.seq(at: 2, "a row of table events (origin \(origin), its lowest seq)")
            out[origin] = try s.seq(at: 1, "a row of table events (origin \(origin))")
        }
        return out
    }

    /// The last log position (0 for an empty log).
    public func lastPosition() throws(StoreError) -> Int64 {
        if case .integer(let v)? = try db.scalar("SELECT max(position) FROM events") { return v }
        return 0
    }

    /// Number of events stored.
    public func count() throws(StoreError) -> Int {
        if case .integer(let v)? = try db.scalar("SELECT count(*) FROM events") { return Int(v) }
        return 0
    }

    /// The cursor of `peer` in `direction`, or nil when none was recorded.
    public func cursor(peer: String, direction: PeerCursor.Direction) throws(StoreError) -> PeerCursor? {
        guard case .integer(let v)? = try db.scalar("SELECT position FROM peer_cursors WHERE peer = ? AND direction = ?",
                                                    [.text(peer), .text(direction.rawValue)]) else { return nil }
        return PeerCursor(peer: peer, direction: direction, position: v)
    }

    /// Every row of `table` ordered by all its columns, one deterministic line per row — for comparing tables
    /// byte for byte (a projection before and after a rebuild).
    public func dump(table: String) throws(StoreError) -> [String] {
        let quoted = Database.quote(identifier: table)
        var columnCount = 0
        try db.forEachRow("SELECT count(*) FROM pragma_table_info(?)", [.text(table)]) { s in columnCount = Int(s.int64(at: 0)) }
        guard columnCount > 0 else {
            throw StoreError(.sqlite, "table \(table) does not exist in \(db.path)", path: db.path)
        }
        let order = (1...columnCount).map(String.init).joined(separator: ", ")
        var lines: [String] = []
        try db.forEachRow("SELECT * FROM \(quoted) ORDER BY \(order)") { s in
            lines.append(s.row().map(\.description).joined(separator: "|"))
        }
        return lines
    }

    /// Every row of a read-only query (projection tables, reports), as values.
    public func rows(_ sql: String, _ values: [DatabaseValue] = []) throws(StoreError) -> [[DatabaseValue]] {
        try db.rows(sql, values)
    }

    /// Runs `body` in one read transaction, so all its queries see the same snapshot.
    public func snapshot<T>(_ body: (EventReader) throws(StoreError) -> T) throws(StoreError) -> T {
        try db.execute("BEGIN DEFERRED")
        defer { try? db.execute("COMMIT") }
        return try body(self)
    }
}

@available(*, unavailable)
extension EventReader: Sendable {}
