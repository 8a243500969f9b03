/// Keeping projections in step with the log: catch-up at open, and drop-and-rebuild.
extension Store {
    /// Rebuilds projection `name` from the log in one transaction: drops its tables, runs its schema, applies every
    /// event of its kinds in log order. The result is the same tables as if it had seen every append.
    /// - Throws: ``StoreError`` `.projector` when `name` is not registered or a step fails (nothing changes then).
    public func rebuildProjection(named name: String) throws(StoreError) {
        guard let projector = registry.projector(named: name) else {
            throw StoreError(.projector, "no projector named \(name) is registered with the store at \(path)", path: path)
        }
        try db.transaction { () throws(StoreError) in try rebuild(projector) }
    }

    /// Rebuilds every registered projection, each in its own transaction.
    public func rebuildAllProjections() throws(StoreError) {
        for p in registry.all { try rebuildProjection(named: p.name) }
    }

    /// The position up to which projection `name` has applied the log, or nil if it has never run here.
    public func projectionHighWaterMark(_ name: String) throws(StoreError) -> Int64? {
        guard case .integer(let v)? = try db.scalar("SELECT applied_through FROM projections WHERE name = ?", [.text(name)]) else {
            return nil
        }
        return v
    }

    /// Brings each registered projection up to the end of the log: a new one or one whose version changed is
    /// rebuilt; one that lags (its high-water mark is below the last position) applies the missing events.
    func catchUpProjections() throws(StoreError) {
        guard !registry.all.isEmpty else { return }
        let last = try lastPosition()
        for p in registry.all {
            let row = try db.rows("SELECT version, applied_through FROM projections WHERE name = ?", [.text(p.name)]).first
            guard let row, case .integer(let version) = row[0], case .integer(let through) = row[1],
                  version == Int64(p.version) else {
                try db.transaction { () throws(StoreError) in try rebuild(p) }
                continue
            }
            if through < last {
                try db.transaction { () throws(StoreError) in
                    try replay(p, after: through)
                    try db.execute("UPDATE projections SET applied_through = ? WHERE name = ?", [.integer(last), .text(p.name)])
                }
            }
        }
    }

    func lastPosition() throws(StoreError) -> Int64 {
        if case .integer(let v)? = try db.scalar("SELECT max(position) FROM events") { return v }
        return 0
    }

    private func rebuild(_ p: any Projector) throws(StoreError) {
        for table in p.tables { try db.executeScript("DROP TABLE IF EXISTS \(Database.quote(identifier: table))") }
        do {
            try db.executeScript(p.schema)
        } catch {
            throw StoreError(.projector, "projector \(p.name) schema failed on \(path): \(error.message)", path: path,
                             sql: error.sql, sqliteCode: error.sqliteCode, underlying: error)
        }
        try replay(p, after: 0)
        try db.execute("""
            INSERT INTO projections (name, version, applied_through) VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET version = excluded.version, applied_through = excluded.applied_through
            """, [.text(p.name), .integer(Int64(p.version)), .integer(try lastPosition())])
    }

    /// Applies every event after `position` that `p` reads, in log order, on the writing connection.
    private func replay(_ p: any Projector, after position: Int64) throws(StoreError) {
        var sql = "SELECT \(EventReader.columns) FROM events WHERE position > ?"
        if let kinds = p.kinds {
            if kinds.isEmpty { return }
            sql += " AND kind IN (\(kinds.sorted().map(String.init).joined(separator: ",")))"
        }
        sql += " ORDER BY position"
        // A separate statement (not the cached one used by appends) reads while the projector writes.
        let stmt = try Statement(database: db, sql: sql)
        try stmt.bind(position, at: 1)
        while try stmt.step() {
            let entry = try EventReader.entry(stmt)
            do {
                try p.apply(entry.event, position: entry.position, in: db)
            } catch {
                throw StoreError(.projector, "projector \(p.name) failed replaying event \(entry.event.ref) on \(path): \(error.message)",
                                 path: path, sql: error.sql, sqliteCode: error.sqliteCode,
                                 origin: entry.event.origin, seq: entry.event.seq, underlying: error)
            }
        }
    }
}
