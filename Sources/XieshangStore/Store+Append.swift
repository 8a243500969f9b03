import XieshangWire

/// Appending events and moving cursors.
///
/// Batch rule: a batch is checked and written in one transaction. Duplicates (same origin, seq and hash) are skipped
/// and reported, and the batch's new events are stored. Any other problem — equivocation, a gap, a broken
/// prev_hash, a malformed event, a failing projector — rejects the whole batch: nothing of it (events, cursors,
/// projection rows) is written.
extension Store {
    /// Appends `events` and applies `cursors` in one durable transaction, with the caller's own rows.
    ///
    /// `alongside` writes rows of the caller's tables (a federation node's report receipts) in the same transaction,
    /// after the events and their projection rows: one commit for all of it, and when anything fails — a chain
    /// check, a projector, `alongside` itself, the commit — none of it is written. It must not write `events`.
    /// - Returns: which events were stored and which were duplicates.
    /// - Throws: ``StoreError`` `.equivocation` (both hashes in ``StoreError/hashes``), `.gap` (the hole in
    ///   ``StoreError/missing``), `.brokenChain`, `.invalidEvent`, an SQLite / projector error, or what
    ///   `alongside` threw.
    @discardableResult
    public func append(_ events: [StoredEvent], cursors: [PeerCursor] = [],
                       alongside: (Database) throws(StoreError) -> Void = { _ in }) throws(StoreError) -> AppendResult {
        var overlay: [String: ChainHead] = [:]
        let result = try db.transaction { () throws(StoreError) -> AppendResult in
            let plan = try self.plan(events, base: [:])
            overlay = plan.heads
            let result = try write(plan, cursors: cursors, now: Store.nowMs())
            try recordHighWaterMark(result.positions?.upperBound)
            try alongside(db)
            return result
        }
        chainHeads.merge(overlay) { $1 }
        return result
    }

    /// Appends several independent batches in ONE transaction (group commit). Each batch succeeds or fails on its
    /// own: a batch whose chain check fails writes nothing and the others go on. Results are in the order of
    /// `batches`; when the commit itself fails, every batch gets that error.
    ///
    /// Chain checks happen before anything of a batch is written, so the common path needs no savepoints; if a
    /// batch fails while being written (a projector error), the transaction is rolled back and the group is run
    /// again with one savepoint per batch.
    public func appendBatches(_ batches: [(events: [StoredEvent], cursors: [PeerCursor])]) -> [Result<AppendResult, StoreError>] {
        if let results = runGroup(batches, isolated: false) { return results }
        return runGroup(batches, isolated: true)!
    }

    /// One group transaction; nil when a batch failed after writing and `isolated` is false (retry isolated).
    private func runGroup(_ batches: [(events: [StoredEvent], cursors: [PeerCursor])], isolated: Bool) -> [Result<AppendResult, StoreError>]? {
        var results: [Result<AppendResult, StoreError>] = []
        results.reserveCapacity(batches.count)
        var overlay: [String: ChainHead] = [:]
        var retryIsolated = false
        do throws(StoreError) {
            try db.transaction { () throws(StoreError) in
                let now = Store.nowMs()
                var last: Int64?
                for batch in batches {
                    let plan: Plan
                    do throws(StoreError) {
                        plan = try self.plan(batch.events, base: overlay)
                    } catch {
                        results.append(.failure(error))
                        continue
                    }
                    do throws(StoreError) {
                        let r = isolated
                            ? try db.savepoint { () throws(StoreError) -> AppendResult in try write(plan, cursors: batch.cursors, now: now) }
                            : try write(plan, cursors: batch.cursors, now: now)
                        overlay.merge(plan.heads) { $1 }
                        if let p = r.positions?.upperBound { last = p }
                        results.append(.success(r))
                    } catch {
                        if !isolated {
                            retryIsolated = true
                            throw error
                        }
                        results.append(.failure(error))
                    }
                }
                try recordHighWaterMark(last)
            }
        } catch {
            if retryIsolated { return nil }
            return batches.map { _ in .failure(error) }
        }
        chainHeads.merge(overlay) { $1 }
        return results
    }

    /// Sets `peer`'s cursor in `direction` to `position` (it may move back: a peer restored from a backup).
    public func setCursor(_ cursor: PeerCursor) throws(StoreError) {
        try write { (db) throws(StoreError) in try Store.saveCursor(cursor, in: db, now: Store.nowMs(), monotonic: false) }
    }

    // MARK: Inside the transaction

    static func saveCursor(_ c: PeerCursor, in db: Database, now: Int64, monotonic: Bool) throws(StoreError) {
        let sql = monotonic
            ? "INSERT INTO peer_cursors (peer, direction, position, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (peer, direction) DO UPDATE SET position = max(position, excluded.position), updated_at = excluded.updated_at"
            : "INSERT INTO peer_cursors (peer, direction, position, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (peer, direction) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at"
        try db.execute(sql, [.text(c.peer), .text(c.direction.rawValue), .integer(c.position), .integer(now)])
    }

    /// A checked batch: the events to insert, the duplicates found, and the chain heads after it.
    struct Plan {
        var inserts: [StoredEvent] = []
        var duplicates: [EventRef] = []
        var heads: [String: ChainHead] = [:]
    }

    /// The head of `origin`'s chain as this transaction sees it: the transaction's own overlay, then the cache of
    /// committed heads, then the database.
    private func head(of origin: String, overlay: [String: ChainHead]) throws(StoreError) -> ChainHead {
        if let h = overlay[origin] ?? chainHeads[origin] { return h }
        return try loadHead(origin)
    }

    /// Checks a batch against the chains without writing anything. `base` holds the heads moved by earlier batches
    /// of the same transaction; the plan's ``Plan/heads`` are the heads this batch moves.
    /// - Throws: the batch's chain error; nothing has been written then.
    func plan(_ events: [StoredEvent], base: [String: ChainHead]) throws(StoreError) -> Plan {
        var plan = Plan()
        var newHashes: [EventRef: [UInt8]] = [:]
        for e in events {
            try Store.validate(e)
            let head: ChainHead
            if let moved = plan.heads[e.origin] { head = moved } else { head = try self.head(of: e.origin, overlay: base) }
            if e.seq <= head.seq {
                var stored = head.hash
                if e.seq < head.seq {
                    if let inBatch = newHashes[e.ref] { stored = inBatch } else { stored = try storedHash(e.origin, e.seq) }
                }
                if stored == e.hash {
                    plan.duplicates.append(e.ref)
                    continue
                }
                var error = StoreError(.equivocation,
                                       "origin \(e.origin) signed two different events with seq \(e.seq): stored hash \(hexString(stored)), offered hash \(hexString(e.hash)); the batch was rejected — report the origin node",
                                       path: path, origin: e.origin, seq: e.seq)
                error.hashes = (stored, e.hash)
                throw error
            }
            if e.seq > head.seq + 1 {
                var error = StoreError(.gap,
                                       "event \(e.ref) does not follow the stored chain of \(e.origin), which ends at seq \(head.seq): seqs \(head.seq + 1)…\(e.seq - 1) are missing; pull them from the sender first (the batch was rejected)",
                                       path: path, origin: e.origin, seq: e.seq)
                error.missing = (head.seq + 1)...(e.seq - 1)
                throw error
            }
            if e.prevHash != head.hash {
                throw StoreError(.brokenChain,
                                 e.seq == 1
                                    ? "event \(e.ref) is the first of its origin but carries prev_hash \(hexString(e.prevHash)); the first event has an empty prev_hash (the batch was rejected)"
                                    : "event \(e.ref) has prev_hash \(hexString(e.prevHash)) but the stored event \(e.origin)#\(head.seq) has hash \(hexString(head.hash)); the chain is broken (the batch was rejected)",
                                 path: path, origin: e.origin, seq: e.seq)
            }
            plan.heads[e.origin] = ChainHead(seq: e.seq, hash: e.hash)
            if events.count > 1 { newHashes[e.ref] = e.hash }
            plan.inserts.append(e)
        }
        return plan
    }

    /// Writes a checked batch: its events, their projection rows and `cursors`. The caller holds the transaction
    /// and rolls back (or drops the savepoint) on error.
    func write(_ plan: Plan, cursors: [PeerCursor], now: Int64) throws(StoreError) -> AppendResult {
        var result = AppendResult()
        result.duplicates = plan.duplicates
        if !plan.inserts.isEmpty {
            let insert = try db.statement("""
                INSERT INTO events (origin, seq, prev_hash, hash, time_ms, scope, kind, body, signature, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            defer { insert.reset() }
            result.stored.reserveCapacity(plan.inserts.count)
            for e in plan.inserts {
                insert.reset()
                try insert.bind(e.origin, at: 1)
                try insert.bind(Int64(e.seq), at: 2)
                try insert.bind(e.prevHash, at: 3)
                try insert.bind(e.hash, at: 4)
                try insert.bind(e.timeMs, at: 5)
                try insert.bind(e.scope, at: 6)
                try insert.bind(Int64(e.kind), at: 7)
                try insert.bind(e.body, at: 8)
                try insert.bind(e.signature, at: 9)
                try insert.bind(now, at: 10)
                try insert.step()
                let position = db.lastInsertRowID
                result.stored.append(e.ref)
                result.positions = (result.positions?.lowerBound ?? position)...position
                for projector in registry.projectors(for: e.kind) {
                    do throws(StoreError) {
                        try projector.apply(e, position: position, in: db)
                    } catch {
                        throw StoreError(.projector, "projector \(projector.name) failed on event \(e.ref): \(error.message)",
                                         path: path, sql: error.sql, sqliteCode: error.sqliteCode,
                                         origin: e.origin, seq: e.seq, underlying: error)
                    }
                }
            }
        }
        for c in cursors { try Store.saveCursor(c, in: db, now: now, monotonic: true) }
        return result
    }

    /// Moves the high-water mark of every registered projection to the last stored position (they are all current
    /// after an append). Rows of projectors not registered now stay behind, so they are caught up when they return.
    func recordHighWaterMark(_ last: Int64?) throws(StoreError) {
        guard let last, !registry.all.isEmpty else { return }
        let names = registry.all.map { _ in "?" }.joined(separator: ", ")
        try db.execute("UPDATE projections SET applied_through = ? WHERE name IN (\(names))",
                       [.integer(last)] + registry.all.map { .text($0.name) })
    }

    static func validate(_ e: StoredEvent) throws(StoreError) {
        func fail(_ why: String) -> StoreError {
            StoreError(.invalidEvent, "event \(e.ref) is malformed: \(why) (the batch was rejected)", origin: e.origin, seq: e.seq)
        }
        if e.origin.isEmpty { throw fail("empty origin") }
        if e.seq == 0 { throw fail("seq 0; seqs start at 1") }
        if e.seq > UInt64(Int64.max) { throw fail("seq above 2^63-1") }
        if e.hash.isEmpty { throw fail("empty hash") }
    }

    func loadHead(_ origin: String) throws(StoreError) -> ChainHead {
        let stmt = try db.statement("SELECT seq, hash, rowid FROM events WHERE origin = ? ORDER BY seq DESC LIMIT 1")
        defer { stmt.reset() }
        try stmt.bind(origin, at: 1)
        guard try stmt.step() else { return ChainHead(seq: 0, hash: []) }
        return ChainHead(seq: try stmt.seq(at: 0, "row \(stmt.int64(at: 2)) (rowid) of table events"), hash: stmt.bytes(at: 1))
    }

    func storedHash(_ origin: String, _ seq: UInt64) throws(StoreError) -> [UInt8] {
        let stmt = try db.statement("SELECT hash FROM events WHERE origin = ? AND seq = ?")
        defer { stmt.reset() }
        try stmt.bind(origin, at: 1)
        try stmt.bind(Int64(seq), at: 2)
        // Chains are stored without gaps, so every seq at or below the head exists.
        return try stmt.step() ? stmt.bytes(at: 0) : []
    }
}
