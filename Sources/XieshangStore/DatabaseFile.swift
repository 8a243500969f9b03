#if canImport(Glibc)
import Glibc
#endif

/// Checks on a database file made before SQLite sees it, so a damaged file gives an error that names it and says
/// what is wrong, instead of an empty database or a late failure. Nothing here ever modifies the file.
enum DatabaseFile {
    /// The 16-byte header every SQLite 3 database starts with.
    static let magic: [UInt8] = Array("SQLite format 3".utf8) + [0]

    /// Whether `path` exists; throws when it exists but cannot be a usable database.
    static func inspect(_ path: String) throws(StoreError) -> Bool {
        var st = stat()
        if stat(path, &st) != 0 {
            let err = errno
            if err == ENOENT { return false }
            throw StoreError(.cannotOpen, "cannot inspect database file \(path): \(String(cString: strerror(err)))", path: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw StoreError(.cannotOpen, "database path \(path) is a directory; give the path of a file", path: path)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let err = errno
            throw StoreError(.cannotOpen, "cannot read database file \(path): \(String(cString: strerror(err))); check its permissions", path: path)
        }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 100)
        let n = header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 100, 0) }
        let size = Int64(st.st_size)
        if n == 0 || size == 0 {
            throw StoreError(.notADatabase,
                             "database file \(path) is empty (0 bytes); Xieshang creates its files complete, so this one was emptied or made by something else: restore it from a backup or from the federation",
                             path: path)
        }
        if Array(header.prefix(min(n, 16))) != Array(magic.prefix(min(n, 16))) {
            throw StoreError(.notADatabase,
                             "file \(path) is not an SQLite database (it does not start with the SQLite header); restore the node's database from a backup or point the node at the right file",
                             path: path)
        }
        if n < 100 {
            throw StoreError(.truncated, "database file \(path) is \(size) bytes, shorter than SQLite's 100-byte header: it was cut short; restore it from a backup",
                             path: path)
        }
        // Page size at offset 16 (big-endian; 1 means 65536); page count at 28, valid when the change counter at 24
        // equals "version-valid-for" at 92 (https://www.sqlite.org/fileformat2.html#database_header).
        func be32(_ o: Int) -> UInt32 { header[o..<o + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        let rawPageSize = Int64(header[16]) << 8 | Int64(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pageCount = Int64(be32(28))
        // With a non-empty WAL beside it, the main file may legitimately lag its header until recovery replays the
        // WAL (a crash during a checkpoint); SQLite's own checks then decide.
        var walStat = stat()
        let walHasFrames = stat(path + "-wal", &walStat) == 0 && walStat.st_size > 0
        if be32(24) == be32(92), pageCount > 0, !walHasFrames, size < pageCount * pageSize {
            throw StoreError(.truncated,
                             "database file \(path) is \(size) bytes but its header says \(pageCount) pages of \(pageSize) bytes (\(pageCount * pageSize) bytes): the file was cut short; restore it from a backup",
                             path: path)
        }
        return true
    }

    /// Whether `directory` exists and this process may create files in it.
    static func checkDirectoryWritable(_ directory: String, for path: String) throws(StoreError) {
        if access(directory, W_OK | X_OK) != 0 {
            let err = errno
            if err == ENOENT || err == ENOTDIR {
                throw StoreError(.cannotOpen, "cannot create database file \(path): directory \(directory) does not exist; create it or fix the path",
                                 path: path)
            }
            throw StoreError(err == EROFS || err == EACCES || err == EPERM ? .readOnly : .cannotOpen,
                             "cannot create database file \(path): directory \(directory) is not writable (\(String(cString: strerror(err)))); make it writable by this user or choose another data directory",
                             path: path)
        }
    }

    /// The directory part of `path` ("." when there is none).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// Makes the database and its WAL and shared-memory files private to the node's user (mode 0600: records of a
    /// body are not for other accounts on the server). SQLite creates `-wal` and `-shm` with the mode of the database
    /// file, so a database made private stays private; an older one made world-readable is tightened here.
    static func makePrivate(_ path: String) {
        for suffix in ["", "-wal", "-shm"] {
            var st = stat()
            if lstat(path + suffix, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o077 != 0 {
                _ = chmod(path + suffix, st.st_mode & 0o700)
            }
        }
    }

    /// Creates an empty file at `path` with mode 0600 for SQLite to make a database in (SQLite would create it with
    /// 0644 less the umask).
    static func createPrivate(_ path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            throw StoreError(.cannotOpen, "cannot create database file \(path): \(String(cString: strerror(errno)))", path: path)
        }
        _ = fchmod(fd, 0o600)
        close(fd)
    }
}
