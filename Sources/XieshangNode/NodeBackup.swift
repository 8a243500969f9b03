import Dispatch
import FoundationEssentials
import Glibc
import XieshangStore
import XieshangTransport
import XieshangWire

/// Backups 备份 and restores 恢复 of a node's database.
///
/// A backup is two files: `FILE`, a plain SQLite database (a consistent online copy made with SQLite's backup API
/// while the node keeps committing; ``DatabaseBackup``), and `FILE.manifest`, a few `key: value` lines naming the node
/// it belongs to (id and key fingerprint), the file's SHA-256 and size, the node's chain head and the schema version
/// (``BackupManifest``). A restore (node stopped) checks the manifest against the node's own config and key and the
/// file against its checksum, then installs it atomically, keeping the current database as
/// `node.db.before-restore-<UTC time>`. The restored node is fenced at start and pulls its newer events back from its
/// parent before it originates anything (DESIGN.md §6, fencing).
public enum NodeBackup {
    /// The manifest beside a backup file.
    public static func manifestPath(of file: String) -> String { file + ".manifest" }

    /// The node's database in its data directory.
    public static func databasePath(_ config: NodeConfig) -> String { PathText.appending(config.dataDir, "node.db") }

    /// Admin.Backup: the copy runs on a Dispatch thread (never on the cooperative pool); progress goes back as it moves
    /// (at most one message per percent), then one message with `done`.
    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        [AdminService.backup.path: .serverStreaming { bytes, writer, _ in
            let request = try AdminHandlers.decode(BackupRequest.self, bytes)
            guard request.file.hasPrefix("/"), !request.file.hasSuffix("/") else {
                throw TransportError.status(.invalidArgument, "backup: '\(DisplayText.escaped(request.file))' is not an absolute file path; the node writes the file, so give its full path (the CLI does)")
            }
            let (database, nodeId, fingerprint) = await runtime.read {
                (runtime.core.store.path, runtime.config.nodeId, runtime.core.config.privateKey.publicKey.fingerprint)
            }
            if overlapsDatabase(request.file, database) {
                throw TransportError.status(.invalidArgument, "backup: \(DisplayText.escaped(request.file)) is the node's own database (or one of its files); write the backup to another name, ideally in another folder or disk")
            }
            let (stream, continuation) = AsyncStream<Result<BackupProgress, NodeError>>.makeStream()
            let logger = runtime.logger
            DispatchQueue.global().async {
                continuation.yield(Result { () throws(NodeError) in
                    try write(database: database, to: request.file, nodeId: nodeId, fingerprint: fingerprint, logger: logger) { progress in
                        continuation.yield(.success(progress))
                    }
                })
                continuation.finish()
            }
            for await message in stream {
                switch message {
                case .success(let progress): try await writer.write(progress.serializedBytes())
                case .failure(let error): throw TransportError.status(.failedPrecondition, "backup: " + error.message)
                }
            }
        }]
    }

    /// Whether writing the backup `file` (or its `.partial`/`.manifest`) would replace `database` or one of its
    /// files: the same name after resolving the folders' links, or a hard link to the same file.
    static func overlapsDatabase(_ file: String, _ database: String) -> Bool {
        func resolved(_ path: String) -> String {
            let directory = PathText.directory(of: path), name = String(path.split(separator: "/").last ?? "")
            guard let real = realpath(directory.isEmpty ? "." : directory, nil) else { return path }
            defer { free(real) }
            return String(cString: real) + "/" + name
        }
        let target = resolved(file), live = resolved(database)
        let targets = [target, target + ".partial", target + ".manifest"]
        if targets.contains(where: { $0 == live || $0.hasPrefix(live + "-") || $0 == live + ".lock" }) { return true }
        var a = stat(), b = stat()
        return stat(file, &a) == 0 && stat(database, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Copies `database` to `file` and writes its manifest; returns the final (done) message.
    static func write(database: String, to file: String, nodeId: String, fingerprint: String, logger: NodeLogger,
                      progress: (BackupProgress) -> Void) throws(NodeError) -> BackupProgress {
        var lastPercent = -1
        let copy: DatabaseBackup.Copy
        do {
            copy = try DatabaseBackup.copy(from: database, to: file, origin: nodeId) { p in
                let percent = p.pagesTotal > 0 ? Int(Double(p.pagesDone) / Double(p.pagesTotal) * 100) : 100
                guard percent != lastPercent else { return }
                lastPercent = percent
                progress(BackupProgress(pagesDone: UInt64(max(0, p.pagesDone)), pagesTotal: UInt64(max(0, p.pagesTotal))))
            }
        } catch {
            throw NodeError(.store, "cannot back up \(database) to \(file): \(error.message)", path: file)
        }
        let manifest = BackupManifest(nodeId: nodeId, keyFingerprint: fingerprint, file: String(file.split(separator: "/").last ?? Substring(file)),
                                      sha256: hexString(copy.sha256), bytes: copy.bytes, ownSeq: copy.originSeq, events: copy.events,
                                      schemaVersion: copy.schemaVersion, createdUTC: BackupManifest.utcText(Date()))
        do {
            try DurableFile.write(Array(manifest.text.utf8), to: manifestPath(of: file), mode: 0o600)
        } catch {
            throw NodeError(.store, "backup \(file) is written but its manifest is not: \(error.message)", path: manifestPath(of: file))
        }
        logger.info("backup written to \(file): \(copy.bytes) bytes, \(copy.events) events, own chain at \(copy.originSeq), sha256 \(manifest.sha256)")
        return BackupProgress(pagesDone: 0, pagesTotal: 0, done: true, file: file, sha256: manifest.sha256, bytes: UInt64(max(0, copy.bytes)),
                              nodeId: nodeId, keyFingerprint: fingerprint, ownSeq: copy.originSeq, events: UInt64(max(0, copy.events)))
    }

    /// What a restore did.
    public struct Restored: Sendable {
        /// The node's database, now the backup's content.
        public let database: String
        /// Where the database it replaced was kept (nil when there was none).
        public let keptAside: String?
        /// The backup's manifest.
        public let manifest: BackupManifest
    }

    /// Installs the backup `file` as the database of the node `config` describes; the node must be stopped.
    ///
    /// Checks, in order, each refusal naming what failed: the manifest is there and readable; it names this node (id
    /// and key fingerprint from the node's own key file, both ids named when not); the file's size and SHA-256 match
    /// it (a truncated or altered file is refused); the file is a sound SQLite database of a schema this build opens;
    /// the node does not run (its database lock is free — it stays held until the backup is in place). Then the
    /// current database (and its `-wal`) is hard-linked as `node.db.before-restore-<UTC time>` — never deleted — and the
    /// checked copy renamed over `node.db`.
    /// - Throws: ``NodeError`` `.refused` for a backup that is not this node's or is damaged; `.store` for the lock or
    ///   a file operation; `.keyFile` when the node's key cannot be read.
    public static func restore(file: String, config: NodeConfig, at date: Date = Date()) throws(NodeError) -> Restored {
        let manifest = try BackupManifest.load(from: manifestPath(of: file))
        let key: Ed25519.PrivateKey
        do { key = try KeyFile.load(from: config.keyFile) } catch { throw NodeError(.keyFile, error.message, path: config.keyFile) }
        let fingerprint = key.publicKey.fingerprint
        guard manifest.nodeId == config.nodeId, manifest.keyFingerprint == fingerprint else {
            throw NodeError(.refused, "backup \(file) belongs to node \(manifest.nodeId) (key \(manifest.keyFingerprint)), not to this node \(config.nodeId) (key \(fingerprint)); restore a backup of \(config.nodeId), or use the config of \(manifest.nodeId)",
                            path: file)
        }
        let digest: (sha256: [UInt8], bytes: Int64)
        do { digest = try DatabaseBackup.digest(of: file) } catch { throw NodeError(.refused, "cannot read backup \(file): \(error.message)", path: file) }
        guard digest.bytes == manifest.bytes, hexString(digest.sha256) == manifest.sha256 else {
            throw NodeError(.refused, "backup \(file) is damaged: it is \(digest.bytes) bytes with SHA-256 \(hexString(digest.sha256)), but its manifest records \(manifest.bytes) bytes with SHA-256 \(manifest.sha256); take another backup or use an older one",
                            path: file)
        }
        let database = databasePath(config)
        let lock: StoreLock
        do { lock = try StoreLock(databasePath: database, holder: "xieshang restore") } catch {
            throw NodeError(.store, "cannot restore while the node runs: \(error.message)", path: database)
        }
        defer { lock.release() }
        // The copy that will be installed is checked in place, in the data directory (same file system: the final
        // rename is atomic), never the backup itself (a read-only folder or medium is fine).
        let staged = database + ".restoring"
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(staged + suffix) }
        do {
            try copyFile(file, to: staged)
            try DatabaseBackup.check(staged)
        } catch {
            for suffix in ["", "-journal", "-wal", "-shm"] { unlink(staged + suffix) }
            throw NodeError(.refused, "backup \(file) cannot be installed: \(error.message)", path: file)
        }
        var keptAside: String?
        if access(database, F_OK) == 0 {
            let aside = database + ".before-restore-" + BackupManifest.compactUTCText(date)
            // Hard links first: the old database stays whole under its new name before anything at node.db changes.
            for suffix in ["", "-wal"] where access(database + suffix, F_OK) == 0 {
                guard link(database + suffix, aside + suffix) == 0 else {
                    let err = errno
                    unlink(staged)
                    throw NodeError(.store, "cannot keep the current database aside as \(aside + suffix): \(String(cString: strerror(err))); nothing was changed",
                                    path: database)
                }
            }
            DurableFile.syncDirectory(of: database)
            // The old WAL must not stay beside the new file (SQLite would replay it into it); it lives on as aside-wal.
            unlink(database + "-wal")
            unlink(database + "-shm")
            keptAside = aside
        }
        guard rename(staged, database) == 0 else {
            let err = errno
            throw NodeError(.store, "cannot move \(staged) to \(database): \(String(cString: strerror(err)))\(keptAside.map { "; the previous database is kept as \($0)" } ?? "")",
                            path: database)
        }
        DurableFile.syncDirectory(of: database)
        return Restored(database: database, keptAside: keptAside, manifest: manifest)
    }

    /// Copies `source` to a new file `target` (mode 0600) and fsyncs it.
    static func copyFile(_ source: String, to target: String) throws(StoreError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw StoreError(.cannotOpen, "cannot read \(source): \(String(cString: strerror(errno)))", path: source) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard output >= 0 else { throw StoreError(.cannotOpen, "cannot create \(target): \(String(cString: strerror(errno)))", path: target) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw StoreError(.cannotOpen, "cannot read \(source): \(String(cString: strerror(errno)))", path: source) }
            if n == 0 { break }
            var written = 0
            while written < n {
                let w = buffer.withUnsafeBytes { Glibc.write(output, $0.baseAddress! + written, n - written) }
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { throw StoreError(.cannotOpen, "cannot write \(target): \(String(cString: strerror(errno))); check the free space", path: target) }
                written += w
            }
        }
        guard fsync(output) == 0 else { throw StoreError(.cannotOpen, "cannot fsync \(target): \(String(cString: strerror(errno)))", path: target) }
    }
}

/// The manifest 备份清单 beside a backup file: `key: value` lines a person can read and `xieshang restore` checks.
///
/// ```
/// format: xieshang-backup 1
/// node_id: county1-town1
/// key_fingerprint: SHA256:1a2b…
/// file: town1-2026-12-02.db
/// sha256: 9f86d0…
/// bytes: 1048576
/// own_seq: 120
/// events: 540
/// schema_version: 1
/// created_utc: 2026-12-02T16:20:00Z
/// ```
public struct BackupManifest: Equatable, Sendable {
    /// The first line of every manifest of this format.
    public static let format = "xieshang-backup 1"
    /// The node the backup belongs to.
    public var nodeId: String
    /// Its public key's fingerprint (``Ed25519/PublicKey/fingerprint``).
    public var keyFingerprint: String
    /// The backup file's name (informative: the manifest is found beside the file it describes).
    public var file: String
    /// SHA-256 of the backup file, lowercase hex.
    public var sha256: String
    /// Size of the backup file in bytes.
    public var bytes: Int64
    /// Highest seq of the node's own chain in the backup.
    public var ownSeq: UInt64
    /// Events in the backup, all origins.
    public var events: Int64
    /// The store's schema version in the backup.
    public var schemaVersion: Int
    /// When the backup was taken (UTC, ISO 8601).
    public var createdUTC: String

    /// The manifest's text.
    public var text: String {
        """
        format: \(BackupManifest.format)
        node_id: \(nodeId)
        key_fingerprint: \(keyFingerprint)
        file: \(file)
        sha256: \(sha256)
        bytes: \(bytes)
        own_seq: \(ownSeq)
        events: \(events)
        schema_version: \(schemaVersion)
        created_utc: \(createdUTC)

        """
    }

    /// Reads and parses the manifest at `path`.
    /// - Throws: ``NodeError`` `.refused` naming the file when it is missing, not a manifest, or lacks a field.
    public static func load(from path: String) throws(NodeError) -> BackupManifest {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024,
              let text = String(data: data, encoding: .utf8) else {
            throw NodeError(.refused, "backup manifest \(path) is missing or unreadable; a backup is the file and its .manifest beside it, as `xieshang backup` writes them",
                            path: path)
        }
        return try parse(text, path: path)
    }

    /// Parses manifest text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(NodeError) -> BackupManifest {
        var fields: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            func trimmed(_ part: Substring) -> String { String(part.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
            fields[trimmed(line[..<colon])] = trimmed(line[line.index(after: colon)...])
        }
        guard fields["format"] == format else {
            throw NodeError(.refused, "\(path) is not a Xieshang backup manifest (its first line must be 'format: \(format)')", path: path)
        }
        func field(_ name: String) throws(NodeError) -> String {
            guard let value = fields[name], !value.isEmpty else {
                throw NodeError(.refused, "backup manifest \(path) has no \(name); it is damaged — take another backup", path: path)
            }
            return value
        }
        func number<T: FixedWidthInteger>(_ name: String, _ type: T.Type) throws(NodeError) -> T {
            let text = try field(name)
            guard let value = T(text) else {
                throw NodeError(.refused, "backup manifest \(path): \(name) '\(DisplayText.escaped(text))' is not a number in range; it is damaged", path: path)
            }
            return value
        }
        return BackupManifest(nodeId: try field("node_id"), keyFingerprint: try field("key_fingerprint"), file: try field("file"),
                              sha256: try field("sha256").lowercased(), bytes: try number("bytes", Int64.self), ownSeq: try number("own_seq", UInt64.self),
                              events: try number("events", Int64.self), schemaVersion: try number("schema_version", Int.self),
                              createdUTC: try field("created_utc"))
    }

    /// `2026-12-02T16:20:05Z`.
    static func utcText(_ date: Date) -> String {
        let c = utcParts(date)
        return "\(c.0)-\(two(c.1))-\(two(c.2))T\(two(c.3)):\(two(c.4)):\(two(c.5))Z"
    }

    /// `20261202T162005Z`, for file names.
    static func compactUTCText(_ date: Date) -> String {
        let c = utcParts(date)
        return "\(c.0)\(two(c.1))\(two(c.2))T\(two(c.3))\(two(c.4))\(two(c.5))Z"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func utcParts(_ date: Date) -> (Int, Int, Int, Int, Int, Int) {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&t, &parts)
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
