import XieshangAccounts
import XieshangTransport

/// The audit trail for the office (审计记录): the latest rows on a page, and the whole trail (kept at least six
/// months) as the CSV `xieshang user audit --csv` writes; each download is itself a row of the trail.
enum AuditPage {
    /// Rows the page shows (the newest).
    static let shownRows = 200

    /// `GET /audit` and `GET /audit.csv` (.viewAudit: the office).
    static func routes(_ book: AccountBook) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: "/audit", isPrefix: false, capability: .viewAudit) { _, _ in
                let rows: [AuditRecord]
                do throws(AccountsError) { rows = try await book.auditRecords() } catch { return WebSite.unavailable(error.chinese) }
                let e = WebPage.escape
                var b = "<section><h2>审计记录（共 \(rows.count) 条，显示最近 \(min(rows.count, shownRows)) 条）</h2>"
                b += "<p><a href=\"/audit.csv\" download>下载全部审计记录（CSV）</a></p>"
                b += "<div class=\"scroll\"><table class=\"records\"><thead><tr>" + AuditCSV.header.filter { $0 != "事件代码" }.map { "<th>\(e($0))</th>" }.joined()
                b += "</tr></thead><tbody>\n"
                for r in rows.suffix(shownRows).reversed() {
                    b += "<tr data-event=\"\(e(r.event.rawValue))\"><td>\(e(AuditCSV.chinaTime(r.timeMs)))</td><td>\(e(r.event.label))</td><td>\(e(r.username))</td>"
                    b += "<td>\(e(r.actor))</td><td>\(e(r.source))</td><td>\(r.succeeded ? "成功" : "失败")</td><td class=\"wrap\">\(e(r.detail))</td></tr>\n"
                }
                b += "</tbody></table></div></section>\n"
                return WebPage.response(html: WebPage.html(title: "审计记录", body: b))
            },
            WebSite.Route(method: "GET", path: "/audit.csv", isPrefix: false, capability: .viewAudit) { request, session in
                let rows: [AuditRecord]
                do throws(AccountsError) { rows = try await book.auditRecords() } catch { return WebSite.unavailable(error.chinese) }
                try? await book.noteAuditExport(actor: "user:" + (session?.username ?? "?"), source: request.peer, count: rows.count)
                return HTTPResponse(status: 200, headers: [("content-type", "text/csv; charset=utf-8"),
                                                           ("content-disposition", "attachment; filename=\"audit.csv\"")] + WebPage.securityHeaders,
                                    body: AuditCSV.bytes(rows))
            },
        ]
    }
}
