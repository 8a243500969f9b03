import CSQLite

/// A prepared SQLite statement (`sqlite3_stmt`), owned by one ``Database`` and used on its thread only.
///
/// Statements come from ``Database/statement(_:)``, which caches them by SQL text; a statement is reset and its
/// bindings cleared before the cache hands it out again. Column and parameter indexes are 0-based for columns and
/// 1-based for parameters, as in SQLite.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text this statement was prepared from.
    public let sql: String
    private unowned let database: Database

    init(database: Database, sql: String) throws(StoreError) {
        var stmt: OpaquePointer?
        // sqlite3_prepare_v3 with SQLITE_PREPARE_PERSISTENT: the statement lives in the cache for the connection's life.
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw database.error(rc, sql: sql, doing: "prepare")
        }
        self.handle = stmt
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: Binding (1-based parameter indexes)

    /// Binds an integer to parameter `index`.
    public func bind(_ value: Int64, at index: Int32) throws(StoreError) {
        try database.check(sqlite3_bind_int64(handle, index, value), sql: sql)
    }

    /// Binds a real to parameter `index`.
    public func bind(_ value: Double, at index: Int32) throws(StoreError) {
        try database.check(sqlite3_bind_double(handle, index, value), sql: sql)
    }

    /// Binds UTF-8 text to parameter `index`; SQLite copies it.
    public func bind(_ value: String, at index: Int32) throws(StoreError) {
        var text = value
        let rc = text.withUTF8 { utf8 -> Int32 in
            // An empty string still needs a non-NULL pointer, or SQLite binds NULL.
            let base = UnsafeRawPointer(utf8.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                                     xs_sqlite_transient())
        }
        try database.check(rc, sql: sql)
    }

    /// Binds a blob to parameter `index`; SQLite copies it. An empty array binds a zero-length blob, not NULL.
    public func bind(_ value: [UInt8], at index: Int32) throws(StoreError) {
        let rc = value.withUnsafeBytes { raw in
            // A zero-length blob needs a non-NULL pointer, or SQLite stores NULL.
            sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count),
                              xs_sqlite_transient())
        }
        try database.check(rc, sql: sql)
    }

    /// Binds `NULL` to parameter `index`.
    public func bindNull(at index: Int32) throws(StoreError) {
        try database.check(sqlite3_bind_null(handle, index), sql: sql)
    }

    /// Binds one ``DatabaseValue`` to parameter `index`.
    public func bind(_ value: DatabaseValue, at index: Int32) throws(StoreError) {
        switch value {
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try bind(v, at: index)
        case .text(let v): try bind(v, at: index)
        case .blob(let v): try bind(v, at: index)
        case .null: try bindNull(at: index)
        }
    }

    /// Binds `values` to parameters 1, 2, 3….
    public func bind(_ values: [DatabaseValue]) throws(StoreError) {
        for (i, v) in values.enumerated() { try bind(v, at: Int32(i + 1)) }
    }

    // MARK: Stepping

    /// Runs the statement one step: `true` when a row is available, `false` when it is done.
    /// - Throws: ``StoreError`` `.sqlite` with the SQL and SQLite's message.
    @discardableResult
    public func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw database.error(rc, sql: sql, doing: "step")
    }

    /// Resets the statement and clears its bindings so it can run again.
    public func reset() {
        // sqlite3_reset returns the error of the last step, which step() already threw: ignore it here.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Reading (0-based column indexes)

    /// Number of columns in the result.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Name of column `index`.
    public func columnName(_ index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    /// Whether column `index` of the current row is `NULL`.
    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` as an integer (SQLite's conversion rules apply).
    public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` as a sequence number 1…2^63−1, checked: a value of another storage class, zero, a negative
    /// or an out-of-range number is a damaged row, reported with `where` (table and rowid), never a trap.
    /// - Throws: ``StoreError`` `.corrupt` naming the row, the column and what it holds.
    public func seq(at index: Int32, _ where: @autoclosure () -> String) throws(StoreError) -> UInt64 {
        let raw = try integer(at: index, `where`())
        guard let seq = UInt64(exactly: raw), seq > 0 else {
            throw corruptRow(`where`(), "\(columnName(index)) \(raw), which is not a sequence number (1 and up)")
        }
        return seq
    }

    /// Column `index` as an Int32 (an event kind), checked like ``seq(at:_:)``.
    /// - Throws: ``StoreError`` `.corrupt` naming the row.
    public func int32(at index: Int32, _ where: @autoclosure () -> String) throws(StoreError) -> Int32 {
        let raw = try integer(at: index, `where`())
        guard let value = Int32(exactly: raw) else {
            throw corruptRow(`where`(), "\(columnName(index)) \(raw), outside −2^31…2^31−1")
        }
        return value
    }

    /// Column `index`, which must hold an integer (not text, a real, a blob or NULL).
    /// - Throws: ``StoreError`` `.corrupt` naming the row.
    public func integer(at index: Int32, _ where: @autoclosure () -> String) throws(StoreError) -> Int64 {
        guard sqlite3_column_type(handle, index) == SQLITE_INTEGER else {
            let kind: String
            switch sqlite3_column_type(handle, index) {
            case SQLITE_FLOAT: kind = "a real number"
            case SQLITE_TEXT: kind = "text"
            case SQLITE_BLOB: kind = "a blob"
            default: kind = "NULL"
            }
            throw corruptRow(`where`(), "\(kind) in \(columnName(index)) where an integer belongs")
        }
        return int64(at: index)
    }

    func corruptRow(_ where: String, _ what: String) -> StoreError {
        StoreError(.corrupt, "\(`where`) of \(database.path) holds \(what): the database is damaged; restore it from a "
            + "backup or re-sync this node from the federation", path: database.path)
    }

    /// Column `index` as a real.
    public func double(at index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` as UTF-8 text; `NULL` reads as the empty string.
    public func string(at index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Column `index` as bytes; `NULL` reads as empty.
    public func bytes(at index: Int32) -> [UInt8] {
        // sqlite3_column_blob before sqlite3_column_bytes, as SQLite's docs require.
        guard let blob = sqlite3_column_blob(handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, index))
        return Array(UnsafeRawBufferPointer(start: blob, count: count))
    }

    /// Column `index` as a ``DatabaseValue`` of its actual storage class.
    public func value(at index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(int64(at: index))
        case SQLITE_FLOAT: return .real(double(at: index))
        case SQLITE_TEXT: return .text(string(at: index))
        case SQLITE_BLOB: return .blob(bytes(at: index))
        default: return .null
        }
    }

    /// Every column of the current row.
    public func row() -> [DatabaseValue] { (0..<columnCount).map { value(at: $0) } }
}

@available(*, unavailable)
extension Statement: Sendable {}
