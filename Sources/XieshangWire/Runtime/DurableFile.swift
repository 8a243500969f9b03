#if canImport(Glibc)
import Glibc
#endif

/// Writing a small file so that it is either wholly there or not at all, and stays there after a power loss
/// (持久写入): the bytes go to `path.tmp` (created with `mode`), which is fsynced, renamed over `path`, and then the
/// directory is fsynced so the rename itself is durable. Used for key files and node configs.
public enum DurableFile {
    /// Why a write failed: the step and the system's reason.
    public struct Failure: Error, Sendable {
        /// What failed, e.g. "cannot create /srv/xs/node.json.tmp: Permission denied".
        public let message: String
    }

    /// Writes `bytes` to `path` with `mode` (set with `fchmod` too, whatever the umask).
    /// - Throws: ``Failure`` naming the step that failed; a temporary file is removed on failure.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t) throws(Failure) {
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw Failure(message: "cannot create \(temp): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            written += n
        }
        let reason = written == bytes.count ? nil : String(cString: strerror(errno))
        let modeSet = fchmod(fd, mode) == 0  // in case the umask or the filesystem changed the mode given to open
        let synced = fsync(fd) == 0
        close(fd)
        guard reason == nil, modeSet, synced, rename(temp, path) == 0 else {
            let why = reason ?? String(cString: strerror(errno))
            unlink(temp)
            throw Failure(message: "cannot write \(path): \(why)")
        }
        syncDirectory(of: path)
    }

    /// fsync of the directory holding `path`, so a file created or renamed in it survives a power loss.
    public static func syncDirectory(of path: String) {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
