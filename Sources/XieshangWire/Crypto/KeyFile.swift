#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing a node's private key file.
///
/// The file is PEM-encoded PKCS#8 (`-----BEGIN PRIVATE KEY-----`), the form `openssl pkey` reads, written with
/// mode 0600 through a temporary file, `rename` and a directory fsync (``DurableFile``), so a crash never leaves a
/// half-written or vanished key. Loading refuses, as ssh does, a symbolic link, a file of another user and a file its
/// group or others may read, checked on the open descriptor.
public enum KeyFile {
    /// The fixed DER prefix of an Ed25519 PKCS#8 private key (RFC 8410 §7); the 32-byte seed follows it.
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
                                       0x04, 0x22, 0x04, 0x20]

    /// Writes `key` to `path` with mode 0600 (temporary file, fsync, rename, fsync of the directory).
    /// - Throws: ``WireError`` `.keyFile` when the file exists (unless `overwrite`) or cannot be written.
    public static func save(_ key: Ed25519.PrivateKey, to path: String, overwrite: Bool = false) throws(WireError) {
        if !overwrite && access(path, F_OK) == 0 {
            throw WireError(.keyFile, "key file \(path) already exists; refusing to replace a node's identity", path: path)
        }
        let der = pkcs8Prefix + key.seed
        let text = "-----BEGIN PRIVATE KEY-----\n" + Base64.encode(der) + "\n-----END PRIVATE KEY-----\n"
        do {
            try DurableFile.write(Array(text.utf8), to: path, mode: 0o600)
        } catch {
            throw WireError(.keyFile, "cannot write key file \(path): \(error.message)", path: path)
        }
    }

    /// Reads the private key at `path`.
    ///
    /// The file is opened without following a symbolic link (`O_NOFOLLOW`) and checked on the open descriptor
    /// (`fstat`), so what is checked is what is read: a regular file, owned by this process's user, with no group
    /// or other permission bits (as ssh requires of its keys).
    /// - Throws: ``WireError`` `.keyFile` when the file is missing, a link, owned by another user, open to group or
    ///   others, or not an Ed25519 PKCS#8 PEM key; the message names the file and the command that fixes it.
    public static func load(from path: String) throws(WireError) -> Ed25519.PrivateKey {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let err = errno
            if err == ELOOP {
                throw WireError(.keyFile, "key file \(path) is a symbolic link; a node reads its key only from a regular file: "
                    + "replace the link with the key file itself (mv \"$(readlink -f \(path))\" \(path))", path: path)
            }
            throw WireError(.keyFile, "cannot read key file \(path): \(String(cString: strerror(err))); "
                + "create one with `xieshang init`", path: path)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw WireError(.keyFile, "cannot inspect key file \(path): \(String(cString: strerror(errno)))", path: path)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw WireError(.keyFile, "key file \(path) is not a regular file; point key_file at the node's key", path: path)
        }
        let user = geteuid()
        if info.st_uid != user {
            throw WireError(.keyFile, "key file \(path) is owned by uid \(info.st_uid), not by this node's user (uid \(user)); "
                + "run chown \(user) \(path) (or run the node as the key's owner)", path: path)
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw WireError(.keyFile, "key file \(path) is readable by others (mode \(mode)); run chmod 600 \(path)",
                            path: path)
        }
        guard let text = readSmall(fd, limit: 4096) else {
            throw WireError(.keyFile, "cannot read key file \(path): \(String(cString: strerror(errno)))", path: path)
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces() }
        guard let begin = lines.firstIndex(of: "-----BEGIN PRIVATE KEY-----"),
              let end = lines.firstIndex(of: "-----END PRIVATE KEY-----"), begin < end,
              let der = Base64.decode(lines[(begin + 1)..<end].joined()),
              der.count == pkcs8Prefix.count + Ed25519.keyByteCount,
              Array(der.prefix(pkcs8Prefix.count)) == pkcs8Prefix
        else {
            throw WireError(.keyFile, "key file \(path) is not an Ed25519 private key in PKCS#8 PEM form", path: path)
        }
        return try Ed25519.PrivateKey(seed: Array(der.suffix(Ed25519.keyByteCount)))
    }

    /// Up to `limit` bytes of the open file `fd`, as text.
    static func readSmall(_ fd: Int32, limit: Int) -> String? {
        var buffer = [UInt8](repeating: 0, count: limit)
        var filled = 0
        while filled < limit {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, limit - filled) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            filled += n
        }
        return String(decoding: buffer.prefix(filled), as: UTF8.self)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
