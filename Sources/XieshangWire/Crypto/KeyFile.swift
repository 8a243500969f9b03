#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing a node's private key file.
///
/// The file is PEM-encoded PKCS#8 (`-----BEGIN PRIVATE KEY-----`), the form `openssl pkey` reads, written with
/// mode 0600 through a temporary file and `rename`, so a crash never leaves a half-written key. Loading refuses a
/// file that its group or others can read, as ssh does.
public enum KeyFile {
    /// The fixed DER prefix of an Ed25519 PKCS#8 private key (RFC 8410 §7); the 32-byte seed follows it.
    static let pkcs8Prefix: [UInt8] = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
                                       0x04, 0x22, 0x04, 0x20]

    /// Writes `key` to `path` with mode 0600.
    /// - Throws: ``WireError`` `.keyFile` when the file exists (unless `overwrite`) or cannot be written.
    public static func save(_ key: Ed25519.PrivateKey, to path: String, overwrite: Bool = false) throws(WireError) {
        if !overwrite && access(path, F_OK) == 0 {
            throw WireError(.keyFile, "key file \(path) already exists; refusing to replace a node's identity", path: path)
        }
        let der = pkcs8Prefix + key.seed
        let text = "-----BEGIN PRIVATE KEY-----\n" + Base64.encode(der) + "\n-----END PRIVATE KEY-----\n"
        let temp = path + ".tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else {
            throw WireError(.keyFile, "cannot create key file \(temp): \(String(cString: strerror(errno)))", path: path)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        fchmod(fd, 0o600)  // in case a umask-free filesystem ignored the mode given to open
        close(fd)
        guard written == bytes.count, synced == 0, rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temp)
            throw WireError(.keyFile, "cannot write key file \(path): \(reason)", path: path)
        }
    }

    /// Reads the private key at `path`.
    /// - Throws: ``WireError`` `.keyFile` when the file is missing, readable by group or others, or not an
    ///   Ed25519 PKCS#8 PEM key; the message names the file and the fix.
    public static func load(from path: String) throws(WireError) -> Ed25519.PrivateKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw WireError(.keyFile, "cannot read key file \(path): \(String(cString: strerror(errno))); "
                + "create one with `xieshang init`", path: path)
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw WireError(.keyFile, "key file \(path) is readable by others (mode \(mode)); run chmod 600 \(path)",
                            path: path)
        }
        guard let text = readSmallFile(path, limit: 4096) else {
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

    static func readSmallFile(_ path: String, limit: Int) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: limit)
        let n = read(fd, &buffer, limit)
        guard n >= 0 else { return nil }
        return String(decoding: buffer.prefix(n), as: UTF8.self)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
