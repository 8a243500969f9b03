import XieshangStore

/// One page of a record list read with its filters in SQL (列表分页查询): the rows whose date falls in a period and
/// whose status is given, in the list's own order, `limit` rows from `offset` — with the counts the page prints —
/// instead of reading the whole table and filtering and paging it in Swift. Only the tables whose list cells are
/// their own columns (activities, proposals, opinion reports) are read this way.
extension RecordQueries {
    /// The rows a list page reads.
    public struct ListFilter: Sendable, Equatable {
        /// The first and last day of the period the list's date must fall in (YYYY-MM-DD); nil for every date.
        public var days: (first: String, last: String)?
        /// The status the row must have; nil for every status.
        public var status: String?

        public init(days: (first: String, last: String)? = nil, status: String? = nil) {
            self.days = days
            self.status = status
        }

        public static func == (a: ListFilter, b: ListFilter) -> Bool {
            a.days?.first == b.days?.first && a.days?.last == b.days?.last && a.status == b.status
        }
    }

    /// A table read page by page: its name, its date and status columns, and its order.
    struct PagedTable {
        let table: String
        let dateColumn: String?
        let statusColumn: String?
        let order: String
        static let activities = PagedTable(table: "activities", dateColumn: "date", statusColumn: nil, order: "date, id")
        static let proposals = PagedTable(table: "proposals", dateColumn: "submitted_on", statusColumn: "status", order: "id")
        static let opinions = PagedTable(table: "opinions", dateColumn: nil, statusColumn: "status", order: "origin_body, origin_report_id")
    }

    /// The WHERE clause of `filter` on `table` and its values: the date not empty, from the period's first day and
    /// its first ten characters up to the last (as the list compares the cell's text); the status equal.
    static func clause(_ filter: ListFilter, _ table: PagedTable) -> (sql: String, values: [DatabaseValue]) {
        var terms: [String] = []
        var values: [DatabaseValue] = []
        if let days = filter.days {
            guard let column = table.dateColumn else { return (" WHERE 0", []) }
            terms.append("\(column) <> '' AND \(column) >= ? AND substr(\(column), 1, 10) <= ?")
            values += [.text(days.first), .text(days.last)]
        }
        if let status = filter.status {
            guard let column = table.statusColumn else { return (" WHERE 0", []) }
            terms.append("\(column) = ?")
            values.append(.text(status))
        }
        return (terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND "), values)
    }

    /// How many rows of `table` pass `filter`.
    func count(_ table: PagedTable, _ filter: ListFilter) throws(StoreError) -> Int {
        let (sql, values) = Self.clause(filter, table)
        return try database.records("SELECT count(*) FROM \(table.table)\(sql)", values).first?.int(0) ?? 0
    }

    /// The statuses `table`'s rows have (not empty), sorted: the status filter's choices.
    func statuses(_ table: PagedTable) throws(StoreError) -> [String] {
        guard let column = table.statusColumn else { return [] }
        return try database.records("SELECT DISTINCT \(column) FROM \(table.table) WHERE \(column) <> ''").map { $0.text(0) }.sorted()
    }

    /// The SQL for `columns` of the rows of `table` passing `filter`, in the list's order, `limit` from `offset`.
    static func page(_ columns: String, _ table: PagedTable, _ filter: ListFilter, limit: Int, offset: Int) -> (sql: String, values: [DatabaseValue]) {
        let (sql, values) = clause(filter, table)
        return ("SELECT \(columns) FROM \(table.table)\(sql) ORDER BY \(table.order) LIMIT ? OFFSET ?",
                values + [.integer(Int64(max(0, limit))), .integer(Int64(max(0, offset)))])
    }

    /// The proposals passing `filter`, ordered by id, `limit` from `offset`.
    public func proposals(_ filter: ListFilter, limit: Int, offset: Int) throws(StoreError) -> [ProposalRow] {
        let (sql, values) = Self.page(Self.proposalColumns, .proposals, filter, limit: limit, offset: offset)
        return try database.records(sql, values).map(Self.proposalRow)
    }

    /// The opinion reports passing `filter`, ordered by provenance, `limit` from `offset`.
    public func opinions(_ filter: ListFilter, limit: Int, offset: Int) throws(StoreError) -> [OpinionRow] {
        let (sql, values) = Self.page(Self.opinionColumns, .opinions, filter, limit: limit, offset: offset)
        return try opinionRows(database.records(sql, values))
    }

    /// The activities passing `filter`, ordered by day and id, `limit` from `offset`.
    public func activities(_ filter: ListFilter, limit: Int, offset: Int) throws(StoreError) -> [ActivityRow] {
        let (sql, values) = Self.page(Self.activityColumns, .activities, filter, limit: limit, offset: offset)
        return try database.records(sql, values).map(Self.activityRow)
    }
}
