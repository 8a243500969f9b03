import XieshangDomain
import XieshangTransport

/// The record pages 业务记录: `GET /records/<kind>` lists one ``RecordKind`` with filters — `period` (on the kind's
/// date), `status`, a search box `q` (any cell contains it) — 50 rows a page (`page`); `GET /records/<kind>/<id>`
/// shows one record's every column and its history (which body signed each step, when). Everything in a cell came
/// from a record, a peer or a user and is escaped.
public enum RecordsPage {
    /// Rows per page.
    public static let pageSize = 50

    /// A list's filters, parsed from the query.
    public struct Filter: Sendable, Equatable {
        /// The period the kind's date must fall in; empty for all.
        public var period = ""
        /// The status value the row must have; empty for all.
        public var status = ""
        /// Text some cell must contain; empty for all.
        public var search = ""
        /// 1-based page.
        public var page = 1
        /// No filter, first page.
        public init() {}
    }

    /// The filters of `request`.
    /// - Throws: ``WebDataError`` naming the malformed parameter.
    public static func filter(_ request: HTTPRequest) throws(WebDataError) -> Filter {
        let fields: [(String, String)]
        do { fields = try request.query() } catch { throw .badParameter("query", "查询串无法解码（\(error.message)）") }
        var f = Filter()
        for (name, value) in fields {
            guard value.utf8.count <= 200 else { throw .badParameter(name, "参数 \(name) 过长") }
            switch name {
            case "period":
                try DashboardPage.checkPeriod(value)
                f.period = value
            case "status":
                guard value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "-" }) else {
                    throw .badParameter("status", "状态 status“\(value)”无效")
                }
                f.status = value
            case "q":
                f.search = value
            case "page":
                guard let n = Int(value), n >= 1, n <= 1_000_000 else { throw .badParameter("page", "页码 page“\(value)”应为正整数") }
                f.page = n
            default:
                continue
            }
        }
        return f
    }

    /// The rows of `listing` that pass `filter` (before paging).
    public static func matching(_ listing: RecordListing, _ kind: RecordKind, _ filter: Filter) -> [[String: String]] {
        let range = filter.period.isEmpty ? nil : (try? Period(parsing: filter.period)).map { ($0.start.description, $0.end.description) }
        let needle = filter.search.lowercased()
        return listing.rows.filter { row in
            if let (start, end) = range {
                guard let column = kind.dateColumn, let day = row[column], !day.isEmpty, day >= start, String(day.prefix(10)) <= end else { return false }
            }
            if !filter.status.isEmpty {
                guard let column = kind.statusColumn, row[column] == filter.status else { return false }
            }
            if !filter.search.isEmpty {
                guard listing.columns.contains(where: { (row[$0] ?? "").lowercased().contains(needle) }) else { return false }
            }
            return true
        }
    }

    /// The page of `listing` that `filter` asks for: the rows that pass it (``matching(_:_:_:)``), the page clamped
    /// to the last, the whole list's count and statuses — what a list page shows, read from the whole list.
    public static func page(_ listing: RecordListing, _ kind: RecordKind, _ filter: Filter) -> RecordPage {
        let rows = matching(listing, kind, filter)
        let pages = max(1, (rows.count + pageSize - 1) / pageSize)
        let page = min(filter.page, pages)
        let statuses = kind.statusColumn.map { column in Set(listing.rows.compactMap { $0[column] }.filter { !$0.isEmpty }).sorted() } ?? []
        return RecordPage(rows: Array(rows.dropFirst((page - 1) * pageSize).prefix(pageSize)), page: page, pages: pages,
                          matching: rows.count, total: listing.rows.count, statuses: statuses)
    }

    /// A column's Chinese label.
    static func label(_ column: String) -> String { FigureNames.fallback(column, zh: true) }

    /// A table cell of `text` (or of `html` built from it): long text (titles, topics) wraps, short cells (ids, days,
    /// counts) stay whole and the table scrolls in its box.
    static func cell(_ text: String, html: String? = nil) -> String {
        "<td\(text.count > 12 ? " class=\"wrap\"" : "")>\(html ?? WebPage.escape(text))</td>"
    }

    /// The href of record `id` of `kind`.
    public static func href(_ kind: RecordKind, id: String) -> String { "/records/\(kind.key)/" + FormEncoding.encode(id) }

    /// The navigation between the kinds.
    static func nav(current: RecordKind?) -> String {
        "<nav class=\"kinds\">" + WebSite.visibleKinds(WebPage.reader).map { k in
            "<a href=\"/records/\(k.key)\"\(k == current ? " aria-current=\"page\"" : "")>\(WebPage.escape(k.title))</a>"
        }.joined(separator: " ") + "</nav>\n"
    }

    /// The list page of `kind`: filter form, the page of matching rows, links to the other pages.
    public static func list(_ kind: RecordKind, _ listing: RecordListing, _ filter: Filter, bodyName: String) -> String {
        list(kind, page(listing, kind, filter), filter, bodyName: bodyName)
    }

    /// The list page of `kind` showing `result` (one page of it, ``page(_:_:_:)`` or the node's own read).
    public static func list(_ kind: RecordKind, _ result: RecordPage, _ filter: Filter, bodyName: String) -> String {
        let e = WebPage.escape
        let (shown, pages, page) = (result.rows, result.pages, result.page)
        var b = nav(current: kind)
        b += "<section class=\"picker\"><form method=\"get\" action=\"/records/\(kind.key)\">"
        b += "<label for=\"q\">搜索</label> <input id=\"q\" type=\"search\" name=\"q\" value=\"\(e(filter.search))\" maxlength=\"100\"> "
        if kind.dateColumn != nil {
            b += "<label for=\"period\">期间</label> <input id=\"period\" name=\"period\" value=\"\(e(filter.period))\" size=\"10\" maxlength=\"40\" placeholder=\"2026-Q3\"> "
        }
        if let column = kind.statusColumn {
            b += "<label for=\"status\">状态</label> <select id=\"status\" name=\"status\"><option value=\"\">全部</option>"
            for v in result.statuses { b += "<option value=\"\(e(v))\"\(v == filter.status ? " selected" : "")>\(e(kind.display(column, v)))</option>" }
            b += "</select> "
        }
        b += "<button type=\"submit\">筛选</button></form></section>\n"
        b += "<section><h2>\(e(kind.title))（\(result.matching) 条\(result.matching == result.total ? "" : "，共 \(result.total) 条")）</h2>"
        if shown.isEmpty {
            b += "<p class=\"muted\">没有符合条件的记录。</p>"
        } else {
            b += "<div class=\"scroll\"><table class=\"records\"><thead><tr>" + kind.columns.map { "<th>\(e(label($0)))</th>" }.joined() + "</tr></thead><tbody>\n"
            for row in shown {
                let id = kind.id(of: row)
                b += "<tr data-id=\"\(e(id))\">"
                for (i, c) in kind.columns.enumerated() {
                    let text = kind.display(c, row[c] ?? "")
                    b += i == 0 ? cell(text, html: "<a href=\"\(e(href(kind, id: id)))\">\(e(text.isEmpty ? id : text))</a>") : cell(text)
                }
                b += "</tr>\n"
            }
            b += "</tbody></table></div>"
        }
        if pages > 1 {
            func pageHref(_ n: Int) -> String {
                var q = "page=\(n)"
                for (k, v) in [("q", filter.search), ("period", filter.period), ("status", filter.status)] where !v.isEmpty { q += "&\(k)=" + FormEncoding.encode(v) }
                return "/records/\(kind.key)?" + q
            }
            b += "<p class=\"pages\">第 \(page)/\(pages) 页"
            if page > 1 { b += " <a href=\"\(e(pageHref(page - 1)))\" rel=\"prev\">上一页</a>" }
            if page < pages { b += " <a href=\"\(e(pageHref(page + 1)))\" rel=\"next\">下一页</a>" }
            b += "</p>"
        }
        b += "</section>\n"
        return WebPage.html(title: kind.title, subtitle: bodyName + " · 业务记录", body: b)
    }

    /// The detail page of one record: every column, then its history.
    public static func detail(_ kind: RecordKind, id: String, row: [String: String], columns: [String], sections: [RecordSection] = [],
                              history: [RecordEvent], bodyName: String) -> String {
        let e = WebPage.escape
        var b = nav(current: kind)
        b += "<section><h2>\(e(kind.title)) \(e(id))</h2><dl class=\"facts\">"
        for c in columns {
            let text = kind.display(c, row[c] ?? "")
            b += "<dt>\(e(label(c)))</dt><dd>\(e(text))</dd>"
        }
        b += "</dl></section>\n"
        for section in sections {
            b += "<section><h2>\(e(section.title))</h2>"
            switch section.content {
            case .text(let text):
                b += "<p class=\"text\">\(e(text))</p>"
            case .facts(let facts):
                b += "<dl class=\"facts\">" + facts.map { "<dt>\(e($0.label))</dt><dd>\(e($0.value))</dd>" }.joined() + "</dl>"
            case .table(let listing):
                b += "<div class=\"scroll\"><table class=\"records\"><thead><tr>" + listing.columns.map { "<th>\(e(label($0)))</th>" }.joined() + "</tr></thead><tbody>\n"
                for r in listing.rows {
                    b += "<tr>" + listing.columns.map { cell(r[$0] ?? "") }.joined() + "</tr>\n"
                }
                b += "</tbody></table></div>"
            }
            b += "</section>\n"
        }
        b += "<section><h2>历程（\(history.count)）</h2>"
        if !kind.hasHistory {
            b += "<p class=\"muted\">此类记录的历程请用 xieshang 命令查看。</p>"
        } else if history.isEmpty {
            b += "<p class=\"muted\">本节点没有这条记录的签名事件。</p>"
        } else {
            b += "<div class=\"scroll\"><table class=\"history\"><thead><tr><th>日期</th><th>事项</th><th>操作人</th><th>单位</th><th>签名时间（北京时间）</th><th>序号</th></tr></thead><tbody>\n"
            for h in history {
                b += "<tr><td>\(e(h.day))</td><td>\(e(h.step))</td><td class=\"wrap\" data-actor>\(h.actor.isEmpty ? "—" : e(h.actor))</td><td>\(e(h.bodyName))</td><td>\(e(beijingTime(h.timeMs)))</td><td>\(h.seq)</td></tr>\n"
            }
            b += "</tbody></table></div>"
        }
        b += "</section>\n"
        return WebPage.html(title: kind.title + " " + id, subtitle: bodyName + " · 业务记录", body: b)
    }

    /// A signing time as 2026-03-05 14:07 in China Standard Time.
    static func beijingTime(_ ms: Int64) -> String {
        let (shifted, overflow) = ms.addingReportingOverflow(8 * 3_600_000)
        guard !overflow else { return "—" }
        let day = Day(chinaTimeMs: ms)
        let minuteOfDay = ((shifted % 86_400_000) + 86_400_000) % 86_400_000 / 60_000
        let h = minuteOfDay / 60, m = minuteOfDay % 60
        return "\(day) \(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }
}
