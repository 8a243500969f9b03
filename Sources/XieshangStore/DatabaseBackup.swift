import CSQLite
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// Online backups 在线备份 of a node's database with SQLite's backup API, and the checks a restore makes on one.
///
/// The copy reads through a connection of its own that holds one read transaction for the whole copy: in WAL mode
/// the node's writer keeps committing meanwhile (its commits go to the WAL, past the copy's snapshot), and because
/// the snapshot stays fixed, `sqlite3_backup_step` never has to restart when the node writes — so the copy runs in
/// small steps (with progress) and still finishes under load. The copy is a consistent picture of the database at
/// the moment the read transaction began.
public enum DatabaseBackup {
    /// How far a copy is.
    public struct Progress: Sendable {
        /// Pages copied.
        public let pagesDone: Int
        /// Pages in the database.
        public let pagesTotal: Int
    }

    /// A finished copy.
    public struct Copy: Sendable {
        /// The backup file.
        public let path: String
        /// Its size in bytes.
        public let bytes: Int64
        /// SHA-256 of the file.
        public let sha256: [UInt8]
        /// Events in the copy, all origins.
        public let events: Int64
        /// Highest seq of `origin`'s chain in the copy (0 for none).
        public let originSeq: UInt64
        /// Schema version of the copy.
        public let schemaVersion: Int
    }

    /// Copies the live database at `source` to `destination`: written to `destination.partial` (mode 0600), switched to
    /// a rollback journal so the file stands alone (no `-wal` beside it), fsynced, renamed over `destination`, and the
    /// directory fsynced. An older file at `destination` stays until the new one is complete.
    /// - Parameters:
    ///   - origin: the node whose chain head is reported in ``Copy/originSeq``.
    ///   - pagesPerStep: pages copied per `sqlite3_backup_step`; progress is reported after each step.
    /// - Throws: ``StoreError`` naming the file that failed; the partial file is removed.
    public static func copy(from source: String, to destination: String, origin: String, pagesPerStep: Int32 = 1024,
                            progress: (Progress) -> Void) throws(StoreError) -> Copy {
        let partial = destination + ".partial"
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(partial + suffix) }  // a leftover of an interrupted backup
        try DatabaseFile.checkDirectoryWritable(DatabaseFile.directory(of: destination), for: destination)
        do throws(StoreError) {
            try copyPages(from: source, to: partial, pagesPerStep: pagesPerStep, progress: progress)
            try syncFile(partial)
            let (sha256, bytes) = try digest(of: partial)
            let (events, seq, version) = try summary(of: partial, origin: origin)
            guard rename(partial, destination) == 0 else {
                let err = errno
                throw StoreError(.cannotOpen, "cannot rename \(partial) to \(destination): \(String(cString: strerror(err)))", path: destination)
            }
            DurableFile.syncDirectory(of: destination)
            return Copy(path: destination, bytes: bytes, sha256: sha256, events: events, originSeq: seq, schemaVersion: version)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(partial + suffix) }
            throw error
        }
    }

    /// The backup API loop: one read snapshot of `source`, copied `pagesPerStep` pages at a time into a new `target`.
    static func copyPages(from source: String, to target: String, pagesPerStep: Int32, progress: (Progress) -> Void) throws(StoreError) {
        let src = try Database(path: source, readOnly: true, create: false)
        // BEGIN + a read starts the read transaction that pins the snapshot; backup_step then uses it instead of
        // opening (and after each step closing) its own, so the node's commits never restart the copy.
        try src.execute("BEGIN")
        defer { if src.isInTransaction { try? src.execute("COMMIT") } }
        _ = try src.scalar("SELECT count(*) FROM sqlite_master")
        try DatabaseFile.createPrivate(target)
        let dst = try Database(path: target, create: false)
        guard let backup = sqlite3_backup_init(dst.handle, "main", src.handle, "main") else {
            throw StoreError(.sqlite, "cannot start the backup of \(source) into \(target): \(String(cString: sqlite3_errmsg(dst.handle)))",
                             path: target, sqliteCode: sqlite3_errcode(dst.handle))
        }
        var rc = SQLITE_OK
        var busyRetries = 0
        while true {
            rc = sqlite3_backup_step(backup, pagesPerStep)
            let total = Int(sqlite3_backup_pagecount(backup)), remaining = Int(sqlite3_backup_remaining(backup))
            if rc == SQLITE_OK || rc == SQLITE_DONE { progress(Progress(pagesDone: max(0, total - remaining), pagesTotal: total)) }
            if rc == SQLITE_DONE { break }
            if rc == SQLITE_OK { busyRetries = 0; continue }
            // BUSY/LOCKED: the destination is briefly locked by someone else; retry for up to ~10 s.
            if (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED, busyRetries < 1_000 {
                busyRetries += 1
                usleep(10_000)
                continue
            }
            break
        }
        let finish = sqlite3_backup_finish(backup)
        if rc != SQLITE_DONE || finish != SQLITE_OK {
            let code = rc != SQLITE_DONE ? rc : finish
            throw StoreError(Database.code(for: code),
                             "backup of \(source) into \(target) failed: \(String(cString: sqlite3_errstr(code))) (\(String(cString: sqlite3_errmsg(dst.handle)))); check the free space and permissions of the backup folder",
                             path: target, sqliteCode: code)
        }
        // The copy carries the source's WAL flag in its header; a rollback journal makes it one self-contained file.
        _ = try dst.scalar("PRAGMA journal_mode = DELETE")
    }

    /// fsync of a file's data, so a backup that was reported done survives a power loss.
    static func syncFile(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let err = errno
            if fd >= 0 { close(fd) }
            throw StoreError(.cannotOpen, "cannot fsync \(path): \(String(cString: strerror(err)))", path: path)
        }
        close(fd)
    }

    /// SHA-256 and size of the file at `path`, read in 1 MiB chunks.
    /// - Throws: ``StoreError`` `.cannotOpen` naming the file when it cannot be read.
    public static func digest(of path: String) throws(StoreError) -> (sha256: [UInt8], bytes: Int64) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw StoreError(.cannotOpen, "cannot read \(path): \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(fd) }
        guard let hasher = SHA256.Hasher() else { throw StoreError(.cannotOpen, "cannot hash \(path): libcrypto is out of memory", path: path) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total: Int64 = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw StoreError(.cannotOpen, "cannot read \(path): \(String(cString: strerror(errno)))", path: path) }
            if n == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0.prefix(n))) }
            total += Int64(n)
        }
        return (hasher.finish(), total)
    }

    /// Events, `origin`'s chain head and the schema version in the database at `path`.
    static func summary(of path: String, origin: String) throws(StoreError) -> (Int64, UInt64, Int) {
        let db = try Database(path: path, readOnly: true, create: false)
        guard case .integer(let events)? = try db.scalar("SELECT count(*) FROM events") else { return (0, 0, 0) }
        var seq: UInt64 = 0
        if case .integer(let s)? = try db.scalar("SELECT max(seq) FROM events WHERE origin = ?", [.text(origin)]) { seq = UInt64(exactly: s) ?? 0 }
        return (events, seq, try Migrator.version(of: db))
    }

    /// Checks a backup file before it is installed: an SQLite database (header, not cut short), `integrity_check`
    /// clean, a schema this build can open (older ones are migrated when the node starts).
    /// - Throws: ``StoreError`` naming `path`: `.notADatabase`, `.truncated`, `.corrupt`, `.newerSchema`.
    public static func check(_ path: String) throws(StoreError) {
        guard try DatabaseFile.inspect(path) else {
            throw StoreError(.cannotOpen, "backup file \(path) does not exist", path: path)
        }
        let db = try Database(path: path, readOnly: true, create: false)
        try Store.checkIntegrity(db, options: Store.Options())
        let version = try Migrator.version(of: db)
        if version > Store.schemaVersion {
            throw StoreError(.newerSchema, "backup \(path) has schema version \(version) but this build knows versions up to \(Store.schemaVersion); restore it with a newer xieshang",
                             path: path)
        }
    }
}
