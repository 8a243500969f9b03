/// The queue of local commands (排队记录) a node accepted while it could not originate: durable rows in
/// `queued_commands`, each an opaque entry the layer above wrote (the node: the Submit request that passed the body's
/// rules), in the order they were accepted.
///
/// An entry leaves the queue in the same transaction that stores the events made from it (``dequeue(_:in:)`` inside
/// ``append(_:cursors:alongside:)``), so a kill between the two can neither duplicate nor lose it; an entry a rule
/// refused later stays, marked refused with the rule's message (nothing is silently dropped).
extension Store {
    /// One queued entry.
    public struct QueuedEntry: Hashable, Sendable {
        /// Its id: the order entries were accepted in (ascending).
        public var id: Int64
        /// What the layer above stored (opaque to the store).
        public var entry: [UInt8]
        /// When it was accepted (ms, the node's clock).
        public var queuedAtMs: Int64
        /// Why a rule refused it once it could be originated; nil while it waits.
        public var refusal: String?
    }

    /// Stores `entry` at the end of the queue in one durable transaction; returns its id.
    /// - Throws: ``StoreError`` when the row cannot be written (nothing was queued then).
    public func enqueue(_ entry: [UInt8], atMs: Int64) throws(StoreError) -> Int64 {
        try db.transaction { () throws(StoreError) -> Int64 in
            try db.execute("INSERT INTO queued_commands (entry, state, queued_at) VALUES (?, 'queued', ?)", [.blob(entry), .integer(atMs)])
            guard case .integer(let id)? = try db.scalar("SELECT last_insert_rowid()") else {
                throw StoreError(.sqlite, "queued_commands in \(path) returned no row id for a new entry; nothing was queued", path: path)
            }
            return id
        }
    }

    /// The first `limit` entries still waiting, oldest first.
    public func waitingEntries(limit: Int) throws(StoreError) -> [QueuedEntry] {
        try entries(state: "queued", limit: limit)
    }

    /// The refused entries (newest first), at most `limit`.
    public func refusedEntries(limit: Int) throws(StoreError) -> [QueuedEntry] {
        try entries(state: "refused", limit: limit)
    }

    /// How many entries wait, and how many were refused.
    public func queueCounts() throws(StoreError) -> (waiting: Int, refused: Int) {
        var counts = (waiting: 0, refused: 0)
        for row in try db.rows("SELECT state, count(*) FROM queued_commands GROUP BY state") {
            guard row.count == 2, case .text(let state) = row[0], case .integer(let n) = row[1], let count = Int(exactly: n) else { continue }
            if state == "queued" { counts.waiting = count } else { counts.refused = count }
        }
        return counts
    }

    /// Removes waiting entry `id`, inside the transaction of `db` (``append(_:cursors:alongside:)``'s `alongside`):
    /// the events made from it and its removal commit together.
    /// - Throws: ``StoreError`` when the entry is not waiting (the transaction then rolls back: nothing is stored twice).
    public static func dequeue(_ id: Int64, in db: Database) throws(StoreError) {
        try db.execute("DELETE FROM queued_commands WHERE id = ? AND state = 'queued'", [.integer(id)])
        guard case .integer(let changed)? = try db.scalar("SELECT changes()"), changed == 1 else {
            throw StoreError(.invalidEvent, "queued entry \(id) in \(db.path) is not waiting any more; nothing of it was stored again", path: db.path)
        }
    }

    /// Marks waiting entry `id` refused with `reason`, keeping it.
    public func refuseQueued(_ id: Int64, reason: String, atMs: Int64) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            try db.execute("UPDATE queued_commands SET state = 'refused', reason = ?, done_at = ? WHERE id = ? AND state = 'queued'",
                           [.text(reason), .integer(atMs), .integer(id)])
        }
    }

    private func entries(state: String, limit: Int) throws(StoreError) -> [QueuedEntry] {
        let order = state == "queued" ? "ASC" : "DESC"
        return try db.rows("SELECT id, entry, queued_at, reason FROM queued_commands WHERE state = ? ORDER BY id \(order) LIMIT ?",
                           [.text(state), .integer(Int64(max(0, limit)))]).compactMap { row -> QueuedEntry? in
            guard row.count == 4, case .integer(let id) = row[0], case .integer(let at) = row[2] else { return nil }
            let entry: [UInt8]
            switch row[1] {
            case .blob(let b): entry = b
            default: entry = []
            }
            var reason: String?
            if state == "refused", case .text(let r) = row[3] { reason = r }
            return QueuedEntry(id: id, entry: entry, queuedAtMs: at, refusal: reason)
        }
    }
}
