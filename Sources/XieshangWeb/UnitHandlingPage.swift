import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangReport
import XieshangTransport

/// The handling table of the units 承办单位办理情况表 (`/proposals/units`, and `/proposals/units.csv` for Excel): per unit
/// for a period, assigned, still replying, replied on time and late, overdue today, replies by class and the
/// proposers' ratings — the domain's ``DomainState/unitHandling(in:overdueOn:)``, as `xieshang proposal units` shows
/// it. The proposals committee's and the office's (``ProposalStep/handle``).
enum UnitHandlingPage {
    static func routes(_ data: WebData) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: "/proposals/units", isPrefix: false, capability: .proposal(.handle)) { request, session in
                await table(data, request, session) { state, period, asOf, header, rows, session in
                    WebPage.response(html: page(state, period: period, asOf: asOf, header: header, rows: rows, session))
                }
            },
            WebSite.Route(method: "GET", path: "/proposals/units.csv", isPrefix: false, capability: .proposal(.handle)) { request, session in
                await table(data, request, session) { _, period, _, header, rows, _ in
                    HTTPResponse(status: 200, headers: [("content-type", "text/csv; charset=utf-8"),
                                                        ("content-disposition", "attachment; filename=\"units-\(period).csv\"")] + WebPage.securityHeaders,
                                 body: CSVWriter.bytes(header: header, rows: rows))
                }
            },
        ]
    }

    /// Reads `period` (default this year) and `as_of` (default today, never after the period's end) from the query —
    /// 400 naming a bad one — and answers `body` with the table's Chinese header and rows.
    static func table(_ data: WebData, _ request: HTTPRequest, _ session: Session?,
                      _ body: (DomainState, Period, Day, [String], [[String]], Session) -> HTTPResponse) async -> HTTPResponse {
        await ProposalDesk.withState(data, session) { state, session, today in
            var periodText = String(today.year), asOfText = ""
            for (name, value) in (try? request.query()) ?? [] {
                if name == "period" && !value.isEmpty { periodText = value }
                if name == "as_of" { asOfText = value }
            }
            let period: Period
            do { period = try Period.domain(periodText) } catch {
                return WebPage.badParameter("period", "统计期间 period“\(periodText)”无效：应为 2026、2026-H1 或 2026-Q2 这样的期间")
            }
            var asOf = min(today, period.end)
            if !asOfText.isEmpty {
                guard let day = try? Day(parsing: asOfText, field: "as_of") else { return WebPage.badParameter("as_of", "日期 as_of“\(asOfText)”应为 YYYY-MM-DD") }
                asOf = day
            }
            let classes = state.policy.replyClasses
            let header = ["承办单位", "交办", "办理中", "按期答复", "逾期答复", "逾期未复", "按期答复率"] + classes.map { "\($0.code)类（\($0.labelZh)）" }
                + ["满意", "基本满意", "不满意", "满意率"]
            let formula = state.policy.satisfactionFormula
            let rows = state.unitHandling(in: period, overdueOn: asOf).map { u in
                [u.unit, "\(u.assigned)", "\(u.replying)", "\(u.repliedOnTime)", "\(u.repliedLate)", "\(u.overdue)", u.onTimeRate.description]
                    + classes.map { "\(u.byClass[$0.code] ?? 0)" }
                    + ["\(u.satisfied)", "\(u.basicallySatisfied)", "\(u.unsatisfied)", u.satisfactionRate(formula).description]
            }
            return body(state, period, asOf, header, rows, session)
        }
    }

    static func page(_ state: DomainState, period: Period, asOf: Day, header: [String], rows: [[String]], _ session: Session) -> String {
        let e = WebPage.escape
        var b = "<section class=\"picker\"><form method=\"get\" action=\"/proposals/units\"><label>期间 <input name=\"period\" value=\"\(e(period.description))\"></label>"
        b += "<button type=\"submit\">查看</button></form>"
        b += "<p><a class=\"button\" href=\"/proposals/units.csv?period=\(FormEncoding.encode(period.description))\" download>下载 CSV（Excel）</a></p></section>\n"
        b += "<section><h2>\(e(period.description)) 承办单位办理情况（逾期截至 \(asOf)）</h2>"
        if rows.isEmpty { b += "<p class=\"muted\">本期间没有交办的提案。</p></section>\n" } else {
            b += "<div class=\"scroll\"><table class=\"records\" data-table=\"units\"><thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in rows {
                let overdue = row.count > 5 && row[5] != "0"
                b += "<tr data-unit=\"\(e(row[0]))\"\(overdue ? " class=\"down\"" : "")>" + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>"
            }
            b += "</tbody></table></div></section>\n"
        }
        return WebPage.html(title: "承办单位办理情况", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
