import XieshangDomain
import XieshangReport
import XieshangTransport

/// The dashboard 统计数字 (`GET /figures?period=2026-H1&body=…`): this body's and its subtree's figures for a period
/// — totals and rates with numerator and denominator, the drill-down per county, township and zone (each body a
/// link to its own subtree), rate bar charts, completeness, approvals, the monthly trend and the alerts — rendered by
/// the same ``HTMLReport/sections(_:link:)`` as `xieshang report --html`. The period picker is a plain GET form.
public enum DashboardPage {
    /// The longest `period` or `body` value looked at; longer is refused.
    static let maxParameterBytes = 200

    /// The `Server-Timing` header of a dashboard (W3C Server Timing; browsers' developer tools show it, the web
    /// benchmark reads it): `dashboard;desc="kept"` or `desc="built"` and the node's time from the request's routing to
    /// the page rendered, in milliseconds with one decimal — the figures' server time without the network or TLS.
    /// Sent only with a dashboard the session may see.
    public static func serverTiming(kept: Bool, took: Duration) -> String {
        let (seconds, attoseconds) = took.components
        let tenths = min(max(0, seconds), 86_400) * 10_000 + max(0, attoseconds) / 100_000_000_000_000
        return "dashboard;desc=\"\(kept ? "kept" : "built")\";dur=\(tenths / 10).\(tenths % 10)"
    }

    /// The query's `period` ("" when absent: the node's current year) and `body` (nil when absent).
    /// - Throws: ``WebDataError`` naming the parameter that is malformed.
    public static func parameters(_ request: HTTPRequest) throws(WebDataError) -> (period: String, body: String?) {
        let fields: [(String, String)]
        do { fields = try request.query() } catch { throw .badParameter("query", "查询串无法解码（\(error.message)）") }
        var period = "", body: String?
        for (name, value) in fields {
            guard value.utf8.count <= maxParameterBytes else { throw .badParameter(name, "参数 \(name) 过长") }
            switch name {
            case "period":
                try checkPeriod(value)
                period = value
            case "body":
                guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
                    throw .badParameter("body", "单位 body 为空或含有控制字符")
                }
                body = value
            default:
                continue
            }
        }
        return (period, body)
    }

    /// Refuses a `period` that is neither empty nor a period (2026, 2026-H1, 2026-Q3, 2026-11, 2026-01-15~).
    /// - Throws: ``WebDataError`` naming `period`.
    static func checkPeriod(_ value: String) throws(WebDataError) {
        guard !value.isEmpty else { return }
        do { _ = try Period(parsing: value) } catch {
            throw .badParameter("period", "统计期间 period“\(value)”无效：应为 2026、2026-H1、2026-Q3、2026-11 或 2026-01-15~ 这样的期间")
        }
    }

    /// The body levels below the page's top drawn in full: its children with their rows, zones and charts; theirs
    /// listed collapsed under each child's row, each a link to that child's own page (which draws them in full). The
    /// drill-down stays one click per level while the page stays the size of one level (a city's 10 counties, not
    /// its 170 townships' charts).
    public static let levels = 1

    /// The href of the dashboard for `period` from `body` down.
    public static func href(period: String, body: String?) -> String {
        var q = "period=" + FormEncoding.encode(period)
        if let body { q += "&body=" + FormEncoding.encode(body) }
        return "/figures?" + q
    }

    /// The page's HTML for `d`; `here` is this body's id (the drill-down's top).
    public static func render(_ d: Dashboard, here: String) -> String {
        let e = WebPage.escape
        let m = d.model
        let root = m.bodies.first
        var b = picker(period: m.period, body: root.map(\.id).flatMap { $0 == here ? nil : $0 })
        b += "<div class=\"report\">" + HTMLReport.sections(m, link: { id in
            id == root?.id ? nil : href(period: m.period, body: id)
        }, levels: levels) + "</div>\n"
        b += "<section><h2>提醒（\(d.alerts.count)）</h2>"
        if d.alerts.isEmpty {
            b += "<p class=\"muted\">没有提醒。</p>"
        } else {
            b += "<ul class=\"alerts\">" + d.alerts.map { "<li>\(e($0.subject))：\(e($0.message))</li>" }.joined() + "</ul>"
        }
        b += "</section>\n"
        return WebPage.html(title: (root?.name ?? "") + " 统计数字", subtitle: "统计期间 " + periodLabel(m.period) + " · 生成于 " + m.generatedAt, body: b)
    }

    /// The period picker: a GET form, the year's periods as links, and (drilled down to `body`) the way back up.
    static func picker(period: String, body: String?) -> String {
        let e = WebPage.escape
        var b = "<section class=\"picker\"><form method=\"get\" action=\"/figures\">"
        b += "<label for=\"period\">统计期间</label> <input id=\"period\" name=\"period\" value=\"\(e(period))\" size=\"12\" maxlength=\"40\">"
        if let body { b += "<input type=\"hidden\" name=\"body\" value=\"\(e(body))\">" }
        b += " <button type=\"submit\">查看</button></form>"
        let year = String(period.prefix(4))
        let picks = [year, year + "-H1", year + "-H2", year + "-Q1", year + "-Q2", year + "-Q3", year + "-Q4"]
        b += "<p class=\"picks\">" + picks.map { p in
            "<a href=\"\(e(href(period: p, body: body)))\"\(p == period ? " aria-current=\"page\"" : "")>\(e(periodLabel(p)))</a>"
        }.joined(separator: " ") + "</p>"
        if body != nil {
            b += "<p><a href=\"\(e(href(period: period, body: nil)))\">↑ 返回本级及全部下级</a></p>"
        }
        return b + "</section>\n"
    }

    /// The page of a body below this one for a period it reported nothing in (its year's other periods are links
    /// from its page): the picker, and a note saying so — the drill-down's own link, not a bad request.
    public static func unreported(_ u: WebDataError.Unreported) -> String {
        let e = WebPage.escape
        let b = picker(period: u.period, body: u.body)
            + "<section><h2>\(e(u.name))</h2><p class=\"muted\">\(e(u.name)) 在\(e(periodLabel(u.period)))没有已报送的统计。</p></section>\n"
        return WebPage.html(title: u.name + " 统计数字", subtitle: "统计期间 " + periodLabel(u.period), body: b)
    }

    /// A period in Chinese: 2026年, 2026年上半年, 2026年第三季度, 2026年11月; the text itself otherwise.
    public static func periodLabel(_ p: String) -> String {
        let parts = p.split(separator: "-", maxSplits: 1).map(String.init)
        guard let y = parts.first, y.count == 4, y.allSatisfy(\.isNumber) else { return p }
        guard parts.count == 2 else { return y + "年" }
        switch parts[1] {
        case "H1": return y + "年上半年"
        case "H2": return y + "年下半年"
        case "Q1": return y + "年第一季度"
        case "Q2": return y + "年第二季度"
        case "Q3": return y + "年第三季度"
        case "Q4": return y + "年第四季度"
        case let mm where mm.count == 2 && mm.allSatisfy(\.isNumber): return y + "年" + String(Int(mm) ?? 0) + "月"
        default: return p
        }
    }
}
