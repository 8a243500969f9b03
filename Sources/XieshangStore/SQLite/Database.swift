import CSQLite

/// One SQLite connection (`sqlite3*`) with a prepared-statement cache and typed errors.
///
/// A `Database` is confined: it is not `Sendable`, so the compiler keeps it on the thread or actor that made it.
/// Every failing SQLite call becomes a ``StoreError`` that carries SQLite's extended result code, its message
/// (`sqlite3_errmsg`), the SQL text and the file path.
public final class Database {
    let handle: OpaquePointer
    /// The file this connection has open.
    public let path: String
    /// Whether the connection was opened read-only.
    public let isReadOnly: Bool
    private var cache: [String: Statement] = [:]
    private var transactionDepth = 0
    /// Counts the commits SQLite carries out on this connection (its commit hook); none on a read-only one.
    private let commits = CommitCounter()
    /// How long this connection's write transactions took (``transaction(_:)``, from BEGIN to COMMIT returned).
    public private(set) var commitLatency = CommitLatency()

    /// Opens a connection.
    /// - Parameters:
    ///   - path: the database file.
    ///   - readOnly: open with `SQLITE_OPEN_READONLY` (a reader beside the writer).
    ///   - create: create the file when it does not exist (ignored for read-only connections).
    ///   - busyTimeoutMs: how long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    /// - Throws: ``StoreError`` `.cannotOpen` (or the code SQLite's result maps to) naming the file.
    public init(path: String, readOnly: Bool = false, create: Bool = true, busyTimeoutMs: Int32 = 5_000) throws(StoreError) {
        var db: OpaquePointer?
        // NOMUTEX: the connection is confined to one thread by the type system, so SQLite's own mutex is not needed.
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        if readOnly {
            flags |= SQLITE_OPEN_READONLY
        } else {
            flags |= SQLITE_OPEN_READWRITE
            if create { flags |= SQLITE_OPEN_CREATE }
        }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
            if let db { sqlite3_close_v2(db) }
            throw StoreError(Database.code(for: rc, defaultCode: .cannotOpen),
                             "cannot open database file \(path): \(message); check that the file and its directory exist and are accessible",
                             path: path, sqliteCode: rc)
        }
        self.handle = db
        self.path = path
        self.isReadOnly = readOnly
        sqlite3_busy_timeout(db, busyTimeoutMs)
        if !readOnly {
            // The hook runs on this connection's thread, inside sqlite3_step of a COMMIT (or of a statement that
            // commits on its own); returning 0 lets the commit go on. `commits` lives as long as the connection.
            sqlite3_commit_hook(db, { context in
                if let context { Unmanaged<CommitCounter>.fromOpaque(context).takeUnretainedValue().count += 1 }
                return 0
            }, Unmanaged.passUnretained(commits).toOpaque())
        }
    }

    /// How many transactions SQLite has committed on this connection since it was opened (explicit `COMMIT`s and
    /// statements that committed on their own), as SQLite's commit hook saw them: what costs an fsync each.
    public var commitCount: Int { commits.count }

    /// Bytes this connection's page cache holds now (`SQLITE_DBSTATUS_CACHE_USED`).
    public var pageCacheBytes: Int {
        var current: Int32 = 0, highwater: Int32 = 0
        return sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0) == SQLITE_OK ? Int(current) : 0
    }

    /// Frees the pages this connection's cache holds and does not need (`sqlite3_db_release_memory`): the next read of
    /// them comes from the file (the system's file cache) again. Returns to malloc what `malloc_trim` can then hand back.
    public func releaseMemory() {
        _ = sqlite3_db_release_memory(handle)
    }

    deinit {
        cache.removeAll()
        // close_v2 defers the close until every statement is finalized; the cache was just emptied.
        sqlite3_close_v2(handle)
    }

    // MARK: Errors

    static func code(for rc: Int32, defaultCode: StoreError.Code = .sqlite) -> StoreError.Code {
        switch rc & 0xff {
        case SQLITE_CORRUPT: return .corrupt
        case SQLITE_NOTADB: return .notADatabase
        case SQLITE_CANTOPEN: return .cannotOpen
        case SQLITE_READONLY: return .readOnly
        default: return defaultCode
        }
    }

    /// A ``StoreError`` for result `rc` of `sql`, with SQLite's message for this connection.
    func error(_ rc: Int32, sql: String, doing: String = "execute") -> StoreError {
        let message = String(cString: sqlite3_errmsg(handle))
        var hint = ""
        switch rc & 0xff {
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            hint = "; the file is damaged or not a database: restore it from a backup or from the federation, do not delete it"
        case SQLITE_READONLY, SQLITE_CANTOPEN:
            hint = "; make the file and its directory writable by this user"
        case SQLITE_FULL:
            hint = "; free disk space"
        case SQLITE_BUSY:
            hint = "; another process holds the database: only one node may use a data directory"
        default: break
        }
        return StoreError(Database.code(for: rc), "cannot \(doing) SQL on \(path): \(message)\(hint)",
                          path: path, sql: sql, sqliteCode: rc)
    }

    /// Throws unless `rc` is `SQLITE_OK` (or `SQLITE_ROW` / `SQLITE_DONE`), attaching SQLite's message and `sql`.
    public func check(_ rc: Int32, sql: String) throws(StoreError) {
        guard rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE else { throw error(rc, sql: sql) }
    }

    // MARK: Statements

    /// The prepared statement for `sql`, from the cache when it was prepared before; reset and unbound.
    public func statement(_ sql: String) throws(StoreError) -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        let stmt = try Statement(database: self, sql: sql)
        cache[sql] = stmt
        return stmt
    }

    /// Runs one or more SQL statements without parameters (schema scripts, pragmas).
    public func executeScript(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw StoreError(Database.code(for: rc), "cannot execute SQL on \(path): \(text)",
                             path: path, sql: sql, sqliteCode: rc)
        }
    }

    /// Runs one statement with `values` bound to its parameters, to completion.
    public func execute(_ sql: String, _ values: [DatabaseValue] = []) throws(StoreError) {
        let stmt = try statement(sql)
        defer { stmt.reset() }
        try stmt.bind(values)
        while try stmt.step() {}
    }

    /// Runs a query and calls `row` with the statement positioned on each result row.
    public func forEachRow(_ sql: String, _ values: [DatabaseValue] = [],
                           _ row: (Statement) throws(StoreError) -> Void) throws(StoreError) {
        let stmt = try statement(sql)
        defer { stmt.reset() }
        try stmt.bind(values)
        while try stmt.step() { try row(stmt) }
    }

    /// Every row of a query, as values.
    public func rows(_ sql: String, _ values: [DatabaseValue] = []) throws(StoreError) -> [[DatabaseValue]] {
        var out: [[DatabaseValue]] = []
        try forEachRow(sql, values) { stmt in out.append(stmt.row()) }
        return out
    }

    /// The first column of the first row, or `nil` when the query returns no row.
    public func scalar(_ sql: String, _ values: [DatabaseValue] = []) throws(StoreError) -> DatabaseValue? {
        let stmt = try statement(sql)
        defer { stmt.reset() }
        try stmt.bind(values)
        return try stmt.step() ? stmt.value(at: 0) : nil
    }

    /// `name` as an SQL identifier in double quotes, with inner quotes doubled.
    public static func quote(identifier name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The rowid of the last successful INSERT.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    // MARK: Transactions

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE` (the write lock is taken at once, so the commit cannot fail
    /// with `SQLITE_BUSY` half way) and `COMMIT`, or `ROLLBACK` when `body` throws. Nested calls use savepoints.
    /// With `synchronous=FULL` in WAL mode, the commit has reached the disk when this returns.
    public func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if transactionDepth > 0 { return try savepoint(body) }
        let started = WriterCondition.uptimeNanoseconds()
        try execute("BEGIN IMMEDIATE")
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let result = try body()
            try execute("COMMIT")
            commitLatency.record(nanoseconds: WriterCondition.uptimeNanoseconds() &- started)
            return result
        } catch {
            rollbackQuietly()
            throw error
        }
    }

    /// Runs `body` inside a savepoint of the current transaction (or a new one): on error only `body`'s writes
    /// are undone and the error is rethrown.
    public func savepoint<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        let name = "sp\(transactionDepth)"
        try execute("SAVEPOINT \(name)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try execute("RELEASE \(name)")
            return result
        } catch {
            // ROLLBACK TO keeps the savepoint open; RELEASE then removes it (SQLite's savepoint docs).
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            throw error
        }
    }

    /// Whether a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    private func rollbackQuietly() {
        // A failed COMMIT (e.g. disk full) may already have rolled back; ROLLBACK then reports "no transaction".
        if isInTransaction { try? execute("ROLLBACK") }
    }
}

@available(*, unavailable)
extension Database: Sendable {}

/// The counter behind ``Database/commitCount``, handed to SQLite's commit hook as its context.
private final class CommitCounter {
    var count = 0
}
