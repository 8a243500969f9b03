#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock a node process holds on its database (库锁) while it runs: `flock` on `<database>.lock`, a file
/// beside the database holding the holder's pid.
///
/// SQLite lets two processes open the same file and serializes their transactions, so two node processes on one data
/// directory would both originate events under the same id (the federation only notices at the parent). The lock
/// makes the second one stop at start, and lets `xieshang restore` refuse while the node runs. The kernel releases
/// the lock when the holder exits, however it exits (kill -9 included), so a stale lock file never blocks anything.
/// (`flock` locks are independent of the POSIX `fcntl` locks SQLite itself takes on Linux.)
public final class StoreLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    /// The lock file of the database at `databasePath`.
    public static func path(forDatabase databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the lock of the database at `databasePath`, or throws at once when another process holds it.
    /// - Parameter holder: what to call the holder in the lock file (for the message a refused process prints).
    /// - Throws: ``StoreError`` `.locked` naming the lock file and the holder's pid; `.cannotOpen` when the lock file
    ///   cannot be created.
    public init(databasePath: String, holder: String = "xieshang node") throws(StoreError) {
        let path = StoreLock.path(forDatabase: databasePath)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else {
            let err = errno
            throw StoreError(.cannotOpen, "cannot open the lock file \(path): \(String(cString: strerror(err))); check the data directory is writable by this user",
                             path: path)
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = errno
            let owner = StoreLock.holder(fd)
            close(fd)
            if err == EWOULDBLOCK {
                throw StoreError(.locked, "database \(databasePath) is in use: \(owner.isEmpty ? "another process" : owner) holds its lock \(path); stop that node first (systemctl stop xieshang-node@…, or kill the pid)",
                                 path: databasePath)
            }
            throw StoreError(.cannotOpen, "cannot lock \(path): \(String(cString: strerror(err)))", path: path)
        }
        let text = Array("\(holder) pid \(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
        self.path = path
    }

    /// Releases the lock (also released when the process exits).
    public func release() {
        _ = flock(descriptor, LOCK_UN)
    }

    deinit { close(descriptor) }

    /// What the lock file says about its holder ("xieshang node pid 4242"), trimmed; empty when unreadable.
    private static func holder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 127, 0) }
        guard n > 0 else { return "" }
        let text = String(decoding: buffer.prefix(n), as: UTF8.self)
        return String(text.prefix { $0 != "\n" && $0 != "\r" }.filter { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 } })
    }
}
