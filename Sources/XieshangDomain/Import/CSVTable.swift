/// A CSV file as offices export it from Excel 表格: UTF-8 with or without BOM, comma-separated, fields quoted
/// with `"` (doubled inside), CRLF or LF line ends, quoted fields may span lines (RFC 4180 plus Excel's habits).
public struct CSVTable: Hashable, Sendable {
    /// One record and the line where it starts.
    public struct Row: Hashable, Sendable {
        /// Line number (1-based) where the record starts.
        public var line: Int
        /// Fields, trimmed of surrounding spaces when unquoted.
        public var fields: [String]
    }

    /// Every non-blank record, the header first.
    public var rows: [Row]

    /// Parses CSV bytes.
    /// - Throws: `DomainError` `.invalidInput` for invalid UTF-8 or a quote left open (with its line).
    public init(bytes: some Collection<UInt8>) throws {
        var data = Array(bytes)
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw DomainError(.invalidInput, rule: "csv.utf8", zh: "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”",
                              en: "the file is not UTF-8; save it from Excel as \"CSV UTF-8\"")
        }
        try self.init(text: text)
    }

    /// Parses CSV text (a leading BOM is ignored).
    /// - Throws: `DomainError` `.invalidInput` when a quoted field is never closed.
    public init(text: String) throws {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false      // inside quotes
        var wasQuoted = false   // the current field was quoted
        var line = 1
        var rowStart = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var i = 0
        func endField() {
            fields.append(wasQuoted ? field : field.trimmingSpaces())
            field = ""
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
            fields = []
        }
        while i < scalars.count {
            let c = scalars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { quoted = false }
                } else {
                    if c == "\n" { line += 1 }
                    if !(c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") { field.unicodeScalars.append(c) }
                }
            } else {
                switch c {
                case "\"" where field.trimmingSpaces().isEmpty:
                    quoted = true
                    wasQuoted = true
                    field = ""
                case ",":
                    endField()
                case "\r" where i + 1 < scalars.count && scalars[i + 1] == "\n":
                    break
                case "\n", "\r":
                    endRow()
                    line += 1
                    rowStart = line
                default:
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if quoted {
            throw DomainError(.invalidInput, rule: "csv.quote", zh: "第 \(rowStart) 行的引号没有闭合",
                              en: "a quoted field opened on line \(rowStart) is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRow() }
        self.rows = rows
    }
}

extension CSVTable {
    /// The header row and the index of each column it names (by any of the column's accepted headers).
    /// - Throws: `DomainError` `.importRejected`: `import.empty` for a file without rows, `import.header` listing every
    ///   required column the header lacks.
    func columnIndex(_ columns: [(key: String, headers: [String], required: Bool)]) throws -> (header: Row, index: [String: Int]) {
        guard let header = rows.first else {
            throw DomainError(.importRejected, rule: "import.empty", zh: "文件为空", en: "the file is empty")
        }
        var index: [String: Int] = [:]
        var problems: [DomainError.RowProblem] = []
        for column in columns {
            if let i = header.fields.firstIndex(where: { column.headers.contains($0) }) { index[column.key] = i }
            else if column.required {
                problems.append(.init(line: header.line, reason: "缺少列“\(column.headers[0])” / missing column \"\(column.headers[0])\""))
            }
        }
        if !problems.isEmpty {
            throw DomainError(.importRejected, rule: "import.header", zh: "表头不完整", en: "the header row lacks columns", rows: problems)
        }
        return (header, index)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and full-width spaces.
    func trimmingSpaces() -> String {
        let blank: Set<Unicode.Scalar> = [" ", "\t", "\u{3000}", "\u{A0}"]
        var s = Substring(self)
        while let f = s.unicodeScalars.first, blank.contains(f) { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, blank.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
