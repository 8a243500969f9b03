import CSQLite
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// A node's durable store (存储): the signed-event log, peer cursors and projections in one SQLite file.
///
/// `Store` owns the single writing connection and is confined to one thread (wrap it in ``GroupCommitter`` to
/// share it). Opening a store checks the file (header, `integrity_check` or `quick_check`), runs migrations and
/// catches up every projection that lags the log; a damaged or unreadable file stops with an error naming it —
/// never a silent reset. Every write is one transaction, committed with `synchronous=FULL` in WAL mode: when a
/// write method returns, its data is on disk. Reads go through ``reader``, a separate read-only connection, so
/// they never wait for the writer.
public final class Store {
    /// Tunables for ``init(path:projectors:options:)``.
    public struct Options: Sendable {
        /// Files up to this size get the full `PRAGMA integrity_check` at open; larger ones `quick_check`.
        public var integrityCheckLimitBytes: Int64 = 64 << 20
        /// How long a statement waits for another connection's lock.
        public var busyTimeoutMs: Int32 = 5_000
        /// Default options.
        public init() {}
    }

    /// The database file.
    public let path: String
    /// The projectors kept in step with the log.
    public let registry: ProjectorRegistry
    /// A read-only connection for queries; it never blocks the writer.
    /// Declared before ``db`` so it is released first: the writing connection then closes last, which lets SQLite
    /// checkpoint the WAL and remove it (a read-only connection cannot).
    public let reader: EventReader
    /// The writing connection. Use it only inside ``write(_:)`` or from a projector.
    let db: Database
    /// The last (seq, hash) of each origin seen since open, as committed — saves a query per origin per batch.
    /// Only appends write `events`, and they update this after their commit.
    var chainHeads: [String: ChainHead] = [:]

    /// Opens (or creates) the store at `path`.
    /// - Parameters:
    ///   - path: the database file; its directory must exist.
    ///   - projectors: projections to keep; ones that lag the log (or changed version) are caught up or rebuilt now.
    /// - Throws: ``StoreError`` naming the file: `.notADatabase`, `.truncated`, `.corrupt`, `.readOnly`,
    ///   `.cannotOpen`, `.newerSchema`, or a projector's error.
    public init(path: String, projectors: [any Projector] = [], options: Options = Options()) throws(StoreError) {
        self.path = path
        self.registry = try ProjectorRegistry(projectors)
        let exists = try DatabaseFile.inspect(path)
        if !exists { try Store.create(path: path, options: options) }
        DatabaseFile.makePrivate(path)

        let db = try Database(path: path, create: false, busyTimeoutMs: options.busyTimeoutMs)
        if sqlite3_db_readonly(db.handle, "main") == 1 {
            throw StoreError(.readOnly, "database file \(path) is read-only for this process; make the file and its directory writable by the node's user",
                             path: path)
        }
        try Store.configure(db)
        try Store.checkIntegrity(db, options: options)
        try Migrator(migrations: StoreSchema.migrations).migrate(db)
        // Proves we can take the write lock and write the WAL (a read-only directory fails here, not at the first append).
        try db.transaction { () throws(StoreError) in
            try db.execute("INSERT OR IGNORE INTO projections (name, version, applied_through) VALUES ('', 0, 0)")
            try db.execute("DELETE FROM projections WHERE name = ''")
        }
        self.db = db
        reader = try EventReader(path: path, busyTimeoutMs: options.busyTimeoutMs)
        try catchUpProjections()
    }

    /// Empties the page caches of both connections, the writer's and the reader's (``Database/releaseMemory()``), on
    /// the thread that uses the store. A node calls it once it has gone quiet: after a year of records, or after the
    /// open's integrity check and the replay that read the whole file, each cache held up to SQLite's 2 MB default
    /// that an idle node does not read (issue 17: an idle township within 24 MB).
    public func releaseMemory() {
        db.releaseMemory()
        reader.db.releaseMemory()
    }

    /// Bytes the page caches of both connections hold now.
    public var pageCacheBytes: Int { db.pageCacheBytes + reader.db.pageCacheBytes }

    /// The schema version this build writes.
    public static var schemaVersion: Int { StoreSchema.migrations.count }

    // MARK: Open helpers

    static func configure(_ db: Database) throws(StoreError) {
        guard case .text(let mode)? = try db.scalar("PRAGMA journal_mode = WAL"), mode.lowercased() == "wal" else {
            throw StoreError(.cannotOpen, "database file \(db.path) cannot be switched to WAL mode; check that its directory is writable",
                             path: db.path)
        }
        // FULL: in WAL mode the WAL is fsynced at every commit, so a returned COMMIT survives power loss.
        try db.executeScript("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    }

    static func checkIntegrity(_ db: Database, options: Options) throws(StoreError) {
        var st = stat()
        let size = stat(db.path, &st) == 0 ? Int64(st.st_size) : 0
        let pragma = size <= options.integrityCheckLimitBytes ? "integrity_check" : "quick_check"
        let rows = try db.rows("PRAGMA \(pragma)(20)")
        let lines = rows.compactMap { row -> String? in if case .text(let t)? = row.first { return t } else { return nil } }
        if lines != ["ok"] {
            throw StoreError(.corrupt,
                             "database file \(db.path) failed PRAGMA \(pragma): \(lines.prefix(5).joined(separator: "; ")); the node stops rather than lose records: restore the file from a backup or re-sync it from the federation",
                             path: db.path, sql: "PRAGMA \(pragma)")
        }
    }

    /// Creates a new database beside `path`, migrates it, then renames it into place: a file at `path` is
    /// therefore always a complete database, and an empty one there is an error, not a new node.
    static func create(path: String, options: Options) throws(StoreError) {
        let directory = DatabaseFile.directory(of: path)
        try DatabaseFile.checkDirectoryWritable(directory, for: path)
        let temp = path + ".creating"
        for suffix in ["", "-wal", "-shm"] { unlink(temp + suffix) }  // a leftover of a crash during creation
        try DatabaseFile.createPrivate(temp)
        do {
            let fresh = try Database(path: temp, create: true, busyTimeoutMs: options.busyTimeoutMs)
            try configure(fresh)
            try Migrator(migrations: StoreSchema.migrations).migrate(fresh)
            // Leave WAL mode's sidecar files behind: closing the last connection checkpoints and removes the WAL.
        }
        guard rename(temp, path) == 0 else {
            let err = errno
            throw StoreError(.cannotOpen, "cannot move new database \(temp) to \(path): \(String(cString: strerror(err)))", path: path)
        }
        DurableFile.syncDirectory(of: path)
    }

    // MARK: Writing

    /// Runs `body` in one write transaction on the writing connection; cursors and other writes made in `body`
    /// commit together (or not at all). Never write the `events` table here: events go through ``append(_:cursors:)``,
    /// which checks chains and keeps projections and the cached chain heads in step.
    public func write<T>(_ body: (Database) throws(StoreError) -> T) throws(StoreError) -> T {
        try db.transaction { () throws(StoreError) -> T in try body(db) }
    }

    /// How many transactions the writing connection has committed since the store was opened (SQLite's commit hook:
    /// the opening's own writes, every append, ``write(_:)`` and cursor save) — each one an fsync.
    public var commitCount: Int { db.commitCount }

    /// How long the writer's transactions took, from BEGIN to COMMIT returned (the node's commit latency metric).
    public var commitLatency: CommitLatency { db.commitLatency }

    /// Current time in milliseconds since 1970, for `received_at` and cursor timestamps.
    static func nowMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

@available(*, unavailable)
extension Store: Sendable {}

/// The last event of one origin's chain: its seq (0 for none) and hash (empty for none).
struct ChainHead {
    var seq: UInt64
    var hash: [UInt8]
}
