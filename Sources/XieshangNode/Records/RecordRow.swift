import XieshangStore

/// One row read from a record table, with typed accessors by column index (NULL and wrong types read as absent).
struct RecordRow {
    let values: [DatabaseValue]

    func text(_ i: Int) -> String { if case .text(let s) = values[i] { return s }; return "" }
    func optionalText(_ i: Int) -> String? { if case .text(let s) = values[i] { return s }; return nil }
    func int(_ i: Int) -> Int { if case .integer(let v) = values[i] { return Int(v) }; return 0 }
    func bool(_ i: Int) -> Bool { int(i) != 0 }
    func list(_ i: Int) -> [String] { let s = text(i); return s.isEmpty ? [] : s.split(separator: ",").map(String.init) }
}

extension Database {
    /// The rows of a query as ``RecordRow``s.
    func records(_ sql: String, _ values: [DatabaseValue] = []) throws(StoreError) -> [RecordRow] {
        try rows(sql, values).map(RecordRow.init)
    }
}
