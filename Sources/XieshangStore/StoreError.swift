/// The one error type of the store: SQLite failures, unusable database files, schema versions and event chains.
///
/// A `StoreError` says what failed (``code``), in a sentence a person can act on (``message``), and where: the
/// database ``path``, the ``sql`` that failed with SQLite's result code, or the event (``origin``, ``seq``) whose
/// chain did not continue. ``underlying`` keeps the cause when another error led to this one.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case sqlite, cannotOpen, notADatabase, truncated, corrupt, readOnly, newerSchema
            case equivocation, gap, brokenChain, invalidEvent, closed, projector, locked
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }

        /// SQLite returned an error for a statement; ``StoreError/sqliteCode`` and ``StoreError/sql`` say which.
        public static let sqlite = Code(.sqlite)
        /// The database file or its directory cannot be opened or created.
        public static let cannotOpen = Code(.cannotOpen)
        /// The file exists but is not an SQLite database (random bytes, wrong file, empty file).
        public static let notADatabase = Code(.notADatabase)
        /// The file is shorter than its own header says: it was cut off.
        public static let truncated = Code(.truncated)
        /// `PRAGMA integrity_check` / `quick_check` found damage.
        public static let corrupt = Code(.corrupt)
        /// The file or its directory is not writable, so the node cannot commit.
        public static let readOnly = Code(.readOnly)
        /// The file was written by a newer Xieshang with a schema this build does not know.
        public static let newerSchema = Code(.newerSchema)
        /// An (origin, seq) already stored with a different hash: the origin signed two different events.
        public static let equivocation = Code(.equivocation)
        /// An event's seq skips past the next expected one; ``StoreError/missing`` names the hole.
        public static let gap = Code(.gap)
        /// An event's prev_hash is not its predecessor's hash, or a first event carries a prev_hash.
        public static let brokenChain = Code(.brokenChain)
        /// An event is malformed (seq 0, empty origin, hash of the wrong length).
        public static let invalidEvent = Code(.invalidEvent)
        /// The store (or its group-commit writer) was closed.
        public static let closed = Code(.closed)
        /// A projector failed to apply an event or to build its tables.
        public static let projector = Code(.projector)
        /// Another process (a running node) holds the database's lock file.
        public static let locked = Code(.locked)
    }

    /// What failed.
    public var code: Code
    /// A sentence that says what failed, where, and what to do.
    public var message: String
    /// The database file, when the failure concerns one.
    public var path: String?
    /// The SQL text that failed, when there is one.
    public var sql: String?
    /// SQLite's extended result code, when SQLite reported the failure.
    public var sqliteCode: Int32?
    /// The origin node of the event concerned (equivocation, gap, broken chain).
    public var origin: String?
    /// The seq of the event concerned.
    public var seq: UInt64?
    /// For an equivocation: the stored hash, then the offered one.
    public var hashes: (stored: [UInt8], offered: [UInt8])?
    /// For a gap: the seqs that are missing before the offered event.
    public var missing: ClosedRange<UInt64>?
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    /// Makes an error; every locating field is optional.
    public init(_ code: Code, _ message: String, path: String? = nil, sql: String? = nil, sqliteCode: Int32? = nil,
                origin: String? = nil, seq: UInt64? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.sql = sql
        self.sqliteCode = sqliteCode
        self.origin = origin
        self.seq = seq
        self.underlying = underlying
    }

    public var description: String {
        var s = "\(code): \(message)"
        if let sqliteCode { s += " (SQLite code \(sqliteCode))" }
        if let sql { s += " in SQL: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql)" }
        if let path { s += " [\(path)]" }
        if let underlying { s += " — caused by: \(underlying)" }
        return s
    }
}
