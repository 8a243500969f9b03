import XieshangStore

/// A projection table described once 投影表: its name, its columns with their SQL types in order, its primary key and
/// its indexes. The `CREATE` statements of a projector's schema are made from these descriptions, and rows are
/// written by column name (``Database/insert(_:_:)``), never by position: a row that misses a column or names one
/// the table does not have is refused with the table and the column named.
struct TableSpec: Sendable {
    /// A column: its name, SQL type and whether it may hold NULL.
    struct Column: Sendable, Hashable {
        /// The SQL types the projections use.
        enum SQLType: String, Sendable { case text = "TEXT", integer = "INTEGER" }
        let name: String
        let type: SQLType
        let nullable: Bool

        /// A TEXT column (NOT NULL unless `null`).
        static func text(_ name: String, null: Bool = false) -> Column { Column(name: name, type: .text, nullable: null) }
        /// An INTEGER column (NOT NULL unless `null`).
        static func int(_ name: String, null: Bool = false) -> Column { Column(name: name, type: .integer, nullable: null) }
    }

    /// The table's name.
    let name: String
    /// Its columns, in order.
    let columns: [Column]
    /// The columns of its primary key (one column: declared inline, an INTEGER one is the rowid).
    let primaryKey: [String]
    /// Its indexes: name and columns.
    let indexes: [(name: String, columns: [String])]
    /// A `CHECK` constraint on the key column (the cursor tables' single row), or nil.
    let keyCheck: String?
    /// The column names, in order.
    let columnNames: [String]
    /// The `INSERT` statement with every column named, in order.
    let insertSQL: String
    /// The same as `INSERT OR REPLACE`.
    let replaceSQL: String
    /// Each column's index, by name.
    private let positions: [String: Int]

    init(_ name: String, key: [String], _ columns: [Column], indexes: [(name: String, columns: [String])] = [], keyCheck: String? = nil) {
        self.name = name
        self.columns = columns
        self.primaryKey = key
        self.indexes = indexes
        self.keyCheck = keyCheck
        self.columnNames = columns.map(\.name)
        let into = "INTO \(name) (\(columnNames.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        self.insertSQL = "INSERT " + into
        self.replaceSQL = "INSERT OR REPLACE " + into
        self.positions = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The `CREATE TABLE` statement and its `CREATE INDEX` statements.
    var sql: String {
        let inline = primaryKey.count == 1 ? primaryKey[0] : nil
        var parts = columns.map { c -> String in
            var text = "\(c.name) \(c.type.rawValue)"
            if c.name == inline {
                text += " PRIMARY KEY"
                if let keyCheck { text += " CHECK (\(keyCheck))" }
            } else if !c.nullable {
                text += " NOT NULL"
            }
            return text
        }
        if inline == nil, !primaryKey.isEmpty { parts.append("PRIMARY KEY (\(primaryKey.joined(separator: ", ")))") }
        var text = "CREATE TABLE \(name) (\n    " + parts.joined(separator: ",\n    ") + ");\n"
        for index in indexes { text += "CREATE INDEX \(index.name) ON \(name) (\(index.columns.joined(separator: ", ")));\n" }
        return text
    }

    /// The values of `row` in column order; throws when `row` misses a column, names one twice, or names one the
    /// table does not have, or puts NULL in a NOT NULL column.
    func values(_ row: KeyValuePairs<String, DatabaseValue>) throws(StoreError) -> [DatabaseValue] {
        var values = [DatabaseValue?](repeating: nil, count: columns.count)
        for (column, value) in row {
            guard let i = positions[column] else {
                throw StoreError(.projector, "a row for table \(name) names column '\(column)', which the table does not have (its columns: \(columnNames.joined(separator: ", ")))")
            }
            guard values[i] == nil else {
                throw StoreError(.projector, "a row for table \(name) names column '\(column)' twice")
            }
            values[i] = value
        }
        return try columns.enumerated().map { (i, c) throws(StoreError) -> DatabaseValue in
            guard let value = values[i] else {
                throw StoreError(.projector, "a row for table \(name) misses column '\(c.name)'")
            }
            if value == .null, !c.nullable, !primaryKey.contains(c.name) {
                throw StoreError(.projector, "a row for table \(name) puts NULL in column '\(c.name)', which is NOT NULL")
            }
            return value
        }
    }
}

extension TableSpec {
    /// An `INSERT` statement of `row` with its values written out as SQL literals (a schema's first rows); nil when
    /// `row` does not fit the table (``values(_:)``).
    func literalInsert(_ row: KeyValuePairs<String, DatabaseValue>) -> String? {
        guard let values = try? values(row) else { return nil }
        let literals = values.map { v -> String in
            switch v {
            case .null: return "NULL"
            case .integer(let i): return String(i)
            case .real(let d): return String(d)
            case .text(let t): return "'" + t.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            case .blob(let b): return "X'" + b.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "'"
            }
        }
        return "INSERT INTO \(name) (\(columnNames.joined(separator: ", "))) VALUES (\(literals.joined(separator: ", ")));\n"
    }
}

extension Database {
    /// Inserts one row into `table`, its values named by column (``TableSpec/values(_:)``).
    func insert(_ table: TableSpec, _ row: KeyValuePairs<String, DatabaseValue>, orReplace: Bool = false) throws(StoreError) {
        try execute(orReplace ? table.replaceSQL : table.insertSQL, try table.values(row))
    }
}
