import XieshangStore
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// What the store's fuzzer (`xieshang-fuzz-store`) and its corpus regression test feed arbitrary bytes through: a
/// small valid `node.db` (two origins' signed chains), damaged as the input says, written to a file and opened through
/// the store's open path — header checks, integrity check, migrations, catch-up replay of a projection — then read
/// back and appended to. Any damage must end in a typed ``StoreError`` or a working store, never a trap.
///
/// The input's first byte picks the damage: even — raw bytes over the file (pages, headers, records), as
/// `[offset: 3 bytes big-endian, modulo the file size][length: 1 byte][bytes…]` repeated; odd — typed values written
/// into rows through SQL (a negative seq, text where an integer belongs, an out-of-range kind …), as
/// `[rowid][column][storage class][8 bytes of value]` repeated.
public enum StoreFuzzing {
    /// The damaged database's file; one per process, rewritten for every input. On tmpfs (/dev/shm) when there is
    /// one: the store's fsyncs then cost nothing and the fuzzer runs several times more inputs.
    static let directory = (access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") + "/xs-fuzz-store-\(getpid())"
    static var path: String { directory + "/node.db" }

    /// The bytes of the valid database every input damages (made once per process).
    nonisolated(unsafe) static var template: [UInt8]?

    /// The columns a row edit may write, and how many rows the template has.
    static let columns = ["seq", "kind", "time_ms", "received_at", "origin", "prev_hash", "hash", "body", "scope", "signature"]
    static let eventsPerOrigin = 4

    /// Damages the template as `data` says, opens it as a store and uses it.
    public static func exercise(_ data: [UInt8]) {
        guard let template = makeTemplate(), let mode = data.first else { return }
        mkdir(directory, 0o700)
        removeFiles()
        let input = Array(data.dropFirst())
        if mode % 2 == 0 {
            writeFile(patched(template, with: input))
        } else {
            writeFile(template)
            editRows(input)
        }
        use()
        removeFiles()
        rmdir(directory)
    }

    /// `template` with the patches of `input` written over it.
    static func patched(_ template: [UInt8], with input: [UInt8]) -> [UInt8] {
        var bytes = template
        var i = 0
        while i + 4 <= input.count {
            let offset = (Int(input[i]) << 16 | Int(input[i + 1]) << 8 | Int(input[i + 2])) % bytes.count
            let length = Int(input[i + 3])
            i += 4
            let patch = input[i..<min(input.count, i + length)]
            for (k, b) in patch.enumerated() where offset + k < bytes.count { bytes[offset + k] = b }
            i += patch.count
        }
        return bytes
    }

    /// Writes typed values into rows of `events` through SQL, as damage that passes SQLite's integrity check would.
    static func editRows(_ input: [UInt8]) {
        guard let db = try? Database(path: path, create: false) else { return }
        var i = 0
        while i + 11 <= input.count {
            let rowid = Int64(input[i]) % Int64(2 * eventsPerOrigin + 1)
            let column = columns[Int(input[i + 1]) % columns.count]
            let raw = input[(i + 3)..<(i + 11)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let value: DatabaseValue
            switch input[i + 2] % 5 {
            case 0: value = .integer(Int64(bitPattern: raw))
            case 1: value = .text(String(decoding: input[(i + 3)..<(i + 11)], as: UTF8.self))
            case 2: value = .real(Double(bitPattern: raw))
            case 3: value = .blob(Array(input[(i + 3)..<(i + 11)]))
            default: value = .null
            }
            i += 11
            // NOT NULL and UNIQUE may refuse an edit; the damage is then what was written before it.
            try? db.execute("UPDATE events SET \(column) = ? WHERE position = ?", [value, .integer(rowid)])
        }
    }

    /// Opens the damaged file as a store (which replays the log into a projection it has not seen), reads it, and
    /// appends to both chains.
    static func use() {
        guard let store = try? Store(path: path, projectors: [ReplayProbe()]) else { return }
        _ = try? store.reader.entries(after: 0, limit: 100)
        _ = try? store.reader.highestSeqs()
        for origin in ["fuzz-a", "fuzz-b"] {
            _ = try? store.reader.highestSeq(origin: origin)
            guard let key = try? Ed25519.PrivateKey(seed: [UInt8](repeating: origin == "fuzz-a" ? 1 : 2, count: 32)),
                  let last = try? store.reader.events(origin: origin, seqs: 1...UInt64(eventsPerOrigin)).last else { continue }
            var chain = EventChainBuilder(origin: origin, key: key, after: last.seq, lastHash: last.hash)
            if let next = try? chain.next(payload: [1, 2, 3]) { _ = try? store.append([next]) }
        }
        _ = try? store.rebuildAllProjections()
    }

    /// The valid database: `eventsPerOrigin` events of each of two origins, written once and read back as bytes.
    static func makeTemplate() -> [UInt8]? {
        if let template { return template }
        mkdir(directory, 0o700)
        removeFiles()
        do {
            let store = try Store(path: path)
            for (origin, seed) in [("fuzz-a", UInt8(1)), ("fuzz-b", UInt8(2))] {
                var chain = EventChainBuilder(origin: origin, key: try Ed25519.PrivateKey(seed: [UInt8](repeating: seed, count: 32)))
                var events: [StoredEvent] = []
                for n in 0..<eventsPerOrigin { events.append(try chain.next(payload: Array("note \(n)".utf8), timeMs: Int64(n) * 1000)) }
                _ = try store.append(events)
            }
        } catch {
            return nil
        }
        // The store is closed here (its last connection checkpointed the WAL into the file).
        template = readFile(path)
        removeFiles()
        rmdir(directory)
        return template
    }

    static func removeFiles() {
        for suffix in ["", "-wal", "-shm", ".creating"] { unlink(path + suffix) }
    }

    static func writeFile(_ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += buffer.prefix(n)
        }
        return out.isEmpty ? nil : out
    }
}

/// A projection the template has never seen, so every open replays the whole log into it (the replay path).
struct ReplayProbe: Projector {
    var name: String { "fuzz_probe" }
    var version: Int { 1 }
    var tables: [String] { ["fuzz_probe"] }
    var schema: String { "CREATE TABLE fuzz_probe (position INTEGER PRIMARY KEY, origin TEXT NOT NULL, seq INTEGER NOT NULL, kind INTEGER NOT NULL)" }
    var kinds: Set<Int32>? { nil }

    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        guard let seq = Int64(exactly: event.seq) else {
            throw StoreError(.invalidEvent, "seq \(event.seq) of \(event.origin) does not fit a column", origin: event.origin, seq: event.seq)
        }
        try db.execute("INSERT INTO fuzz_probe (position, origin, seq, kind) VALUES (?, ?, ?, ?)",
                       [.integer(position), .text(event.origin), .integer(seq), .integer(Int64(event.kind))])
    }
}
