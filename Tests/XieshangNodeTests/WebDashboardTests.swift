import Testing
import XieshangDomain
import XieshangNode
import XieshangReport
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The dashboard and record pages without a socket (issue 17 item 4): they render the report's sections through the
/// one renderer with no inline style, link each body of the drill-down to its own subtree, escape whatever records
/// and peers supplied, refuse bad query parameters with a 400 page naming the parameter, and ask the gate with each
/// route's declared capability.
@Suite struct WebDashboardTests {
    /// A city with one county (in zone 东片区) and its township, as a city's Stats with drill-down answers it.
    static func stats() -> StatsResponse {
        func body(_ id: String, _ name: String, _ tier: String, _ parent: String, _ participants: Int64, registered: Int64, closed: Int64) -> BodyFigures {
            var b = BodyFigures()
            b.body = id
            b.name = name
            b.tier = tier
            b.parent = parent
            b.totals = ["activity_participants": participants, "research_visits": 2, "proposals_registered": registered,
                        "proposals_closed_of_registered": closed]
            b.own = b.totals
            b.verified = true
            return b
        }
        var city = body("cn.tr", "铜仁市政协", "city", "", 40, registered: 15, closed: 12)
        city.approval = "approved"
        var county = body("cn.tr.bj", "碧江区<script>alert(1)</script>", "county", "cn.tr", 30, registered: 10, closed: 8)
        county.zone = "东片区"
        county.approval = "returned"
        county.returnReason = "数字有误"
        let town = body("cn.tr.bj.hxj", "环北街道", "township", "cn.tr.bj", 20, registered: 0, closed: 0)
        return StatsResponse(period: "2026-H1", bodies: [city, county, town], expectedChildren: 1, reportedChildren: 1, onTimeChildren: 1)
    }

    /// A node's answers, fixed: the real report builder over ``stats()``; a proposal list whose title holds markup.
    struct FixedData: WebData {
        var rows = 3
        func status() async -> StatusResponse? {
            var s = StatusResponse()
            s.nodeId = "cn.tr"
            s.name = "铜仁市政协"
            s.tier = "city"
            return s
        }
        func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> {
            let stats = WebDashboardTests.stats()
            let root = body ?? "cn.tr"
            guard stats.bodies.contains(where: { $0.body == root }) else { return .failure(.badParameter("body", "no such body")) }
            let model = FiguresReport.model(stats: stats, root: root, title: "铜仁市政协履职统计", generatedAt: "2026-07-01",
                                            months: [("2026-01", ["activity_participants": 5]), ("2026-02", ["activity_participants": 9])],
                                            own: .init(), names: [:], expected: ["cn.tr": 1, "cn.tr.bj": 1])
            return .success(Dashboard(model: model, alerts: [("cn.tr.bj", "<img src=x onerror=alert(1)>报表被拒")]))
        }
        func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> {
            let rows: [[String: String]] = (1...rows).map { i in
                ["id": "TA-\(i)", "title": i == 1 ? "<script>alert('x')</script>关于乡村振兴的提案" : "提案\(i)", "first_proposer": "张三",
                 "status": i % 2 == 0 ? "closed" : "submitted", "submitted_on": i <= 2 ? "2026-03-0\(i)" : "2026-08-01", "lead_unit": "", "due": ""]
            }
            return .success(RecordListing(columns: ["id", "title", "first_proposer", "status", "submitted_on", "lead_unit", "due"], rows: rows))
        }
        func details(_ kind: RecordKind, id: String, shown: [String]) async -> Result<[RecordSection], WebDataError> {
            .success([RecordSection(title: "正文", content: .text("<script>x()</script>第一段\n第二段")),
                      RecordSection(title: "其他信息", content: .facts([("办理轮次", "<i>1</i>")])),
                      RecordSection(title: "答复（1）", content: .table(RecordListing(columns: ["unit", "reply_class"],
                                                                                   rows: [["unit": "县<b>农业</b>局", "reply_class": "A"]])))])
        }
        func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> {
            .success([RecordEvent(body: "cn.tr.bj", bodyName: "碧江<i>区</i>", seq: 7, timeMs: 1_772_000_000_000, day: "2026-03-01", step: "提案提交")])
        }
    }

    static func page(_ routes: HTTPRoutes, _ path: String, _ query: String = "") async -> (Int, String) {
        let r = await routes.respond(HTTPRequest(method: "GET", path: path, rawQuery: query))
        return (r.status, String(decoding: r.body, as: UTF8.self))
    }

    /// The dashboard shows the subtree's totals and rates with numerator/denominator, the drill-down with every body
    /// a `?body=` link, zone subtotals, approvals (a returned one with its reason), the rate and trend charts as SVG,
    /// completeness and the alerts — escaped, and with no `style` attribute the CSP would refuse.
    @Test func dashboardRendersTheReportSectionsWithLinksAndNoInlineStyle() async {
        let routes = WebSite.routes(FixedData(), gate: OpenGate())
        let (status, html) = await Self.page(routes, "/figures", "period=2026-H1")
        #expect(status == 200)
        #expect(html.contains("<td data-figure=\"activity_participants\">40</td>"), "the subtree's 人次")
        #expect(html.contains("80.0% <span class=\"frac\">(12/15)</span>"), "办结率 with numerator/denominator")
        #expect(html.contains("href=\"/figures?period=2026-H1&amp;body=cn.tr.bj\""), "drill-down link to the county")
        #expect(html.contains("href=\"/figures?period=2026-H1&amp;body=cn.tr.bj.hxj\""), "drill-down link to the township")
        #expect(html.contains("〔东片区〕小计"), "zone subtotal")
        #expect(html.contains("已审核") && html.contains("已退回（数字有误）"), "approval per body")
        #expect(html.contains("<svg") && html.contains("class=\"chart\"") && html.contains("月度趋势"), "charts")
        #expect(html.contains("报送完整性"), "completeness")
        #expect(html.contains("碧江区&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>"), "a body's name is text")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;报表被拒") && !html.contains("<img"), "alerts are text")
        #expect(!html.contains(" style=\""), "no inline style attribute (the CSP refuses them)")
        #expect(html.contains("<form method=\"get\" action=\"/figures\">") && html.contains("2026年上半年"), "the period picker")
        // The county's own subtree: its township, no city row.
        let (s2, county) = await Self.page(routes, "/figures", "period=2026-H1&body=cn.tr.bj")
        #expect(s2 == 200 && county.contains("环北街道") && !county.contains(">铜仁市政协</a>") && county.contains("<td data-figure=\"activity_participants\">30</td>"))
        #expect(county.contains("name=\"body\" value=\"cn.tr.bj\""), "the picker keeps the body")
    }

    /// The report file and the dashboard come from one renderer: `report --html`'s document holds the very sections
    /// the dashboard embeds, and neither carries a `style` attribute.
    @Test func reportFileAndDashboardShareTheSections() async throws {
        let model = FiguresReport.model(stats: Self.stats(), root: "cn.tr", title: "t", generatedAt: "2026-07-01", months: [], own: .init(),
                                        names: [:], expected: [:])
        let document = HTMLReport.render(model)
        #expect(document.contains(HTMLReport.sections(model)))
        #expect(!document.contains(" style=\""))
        #expect(WebPage.css.contains(HTMLReport.componentCSS), "the web's stylesheet carries the report's component rules")
    }

    /// Finding: the trend's months were written as "\(year)-MM", so the dashboard of year 0001 (a period the picker
    /// accepts) asked Stats for "1-01", which is no period. Every month is now a period Stats accepts.
    @Test func trendMonthsAreValidPeriodsForEveryYear() {
        let today = Day(year: 2026, month: 12, day: 2)!
        for year in ["0001", "0999", "2025", "2026-H1", "2026-01-15~"] {
            let months = FiguresReport.months(ofPeriod: year, today: today)
            #expect(!months.isEmpty && months.allSatisfy { (try? Period(parsing: $0)) != nil }, "\(year): \(months)")
        }
        #expect(FiguresReport.months(ofPeriod: "0001", today: today).first == "0001-01")
        #expect(FiguresReport.months(ofPeriod: "2026", today: today).count == 12)
        #expect(FiguresReport.months(ofPeriod: "2030", today: today).isEmpty)
    }

    /// A dashboard answers its server time (`Server-Timing`, issue 17's benchmark reads it): built or kept and the
    /// milliseconds with one decimal; a refused view (a bad parameter) and the other pages carry none.
    @Test func dashboardAnswersItsServerTiming() async throws {
        let routes = WebSite.routes(FixedData(), gate: OpenGate())
        let answer = await routes.respond(HTTPRequest(method: "GET", path: "/figures", rawQuery: "period=2026-H1"))
        let timing = try #require(answer.headers.first { $0.0 == "server-timing" }?.1, "\(answer.headers)")
        #expect(timing.hasPrefix("dashboard;desc=\"built\";dur="), "the fixed data's dashboards are built: \(timing)")
        let ms = try #require(Double(timing.dropFirst("dashboard;desc=\"built\";dur=".count)), "\(timing)")
        #expect(ms >= 0 && ms < 60_000)
        for (path, query) in [("/figures", "period=2026-Q5"), ("/figures", "body=cn.nowhere"), ("/it", ""), ("/records/proposals", "")] {
            let r = await routes.respond(HTTPRequest(method: "GET", path: path, rawQuery: query))
            #expect(!r.headers.contains { $0.0 == "server-timing" }, "\(path)?\(query) (\(r.status)) carries no server timing")
        }
        #expect(DashboardPage.serverTiming(kept: true, took: .microseconds(12_345)) == "dashboard;desc=\"kept\";dur=12.3")
        #expect(DashboardPage.serverTiming(kept: false, took: .seconds(2) + .microseconds(50)) == "dashboard;desc=\"built\";dur=2000.0")
        #expect(DashboardPage.serverTiming(kept: false, took: .zero - .seconds(1)) == "dashboard;desc=\"built\";dur=0.0", "a clock step back is 0, never a trap")
        #expect(DashboardPage.serverTiming(kept: false, took: .seconds(Int64.max)).hasSuffix("dur=86400000.0"), "a huge duration is clamped, never a trap")
    }

    /// Bad query parameters get a 400 page naming the parameter, never a trap: a period that is no period, an
    /// unknown body, a malformed %-escape, a page 0, a status with markup, a record id that does not decode; an
    /// unknown kind or record is 404.
    @Test func badParametersAnswer400NamingTheParameter() async {
        let routes = WebSite.routes(FixedData(), gate: OpenGate())
        for (path, query, parameter) in [("/figures", "period=2026-Q5", "period"), ("/figures", "period=abc&body=x", "period"),
                                         ("/figures", "body=cn.nowhere", "body"), ("/figures", "period=%ZZ", "query"),
                                         ("/records/proposals", "page=0", "page"), ("/records/proposals", "page=-3", "page"),
                                         ("/records/proposals", "status=%3Cb%3E", "status"), ("/records/proposals", "period=2026-13", "period"),
                                         ("/records/proposals/TA%ZZ", "", "id")] {
            let (status, html) = await Self.page(routes, path, query)
            #expect(status == 400, "\(path)?\(query)")
            #expect(html.contains("参数 \(parameter)") && html.contains("data-parameter=\"\(parameter)\""), "\(path)?\(query) names \(parameter): \(html)")
            #expect(!html.contains("<b>"))
        }
        #expect(await Self.page(routes, "/records/nosuch").0 == 404)
        #expect(await Self.page(routes, "/records/proposals/TA-99").0 == 404)
        #expect(await Self.page(routes, "/records/proposals/TA-1/x").0 == 404)
    }

    /// A `<script>` title is text in the list and on the detail page; the detail page shows the record's history
    /// (who, when, at which body), the body's name escaped too.
    @Test func scriptTitleShowsAsTextInListAndDetail() async {
        let routes = WebSite.routes(FixedData(), gate: OpenGate())
        let (s1, list) = await Self.page(routes, "/records/proposals")
        #expect(s1 == 200 && list.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;关于乡村振兴的提案") && !list.contains("<script>"))
        #expect(list.contains("href=\"/records/proposals/TA-1\"") && list.contains("已办结"), "links and Chinese status")
        let (s2, detail) = await Self.page(routes, "/records/proposals/TA-1")
        #expect(s2 == 200 && detail.contains("&lt;script&gt;") && !detail.contains("<script>"))
        #expect(detail.contains("历程（1）") && detail.contains("提案提交") && detail.contains("碧江&lt;i&gt;区&lt;/i&gt;") && detail.contains("2026-02-25 14:13"),
                "history: step, body, Beijing time: \(detail)")
        #expect(!detail.contains(" style=\""))
    }

    /// A detail query's parts (text, facts, a sub-table such as the replies) are shown below the row, escaped, the
    /// text with its line breaks.
    @Test func detailSectionsAreShownEscaped() async {
        let routes = WebSite.routes(FixedData(), gate: OpenGate())
        let (status, html) = await Self.page(routes, "/records/proposals/TA-2")
        #expect(status == 200)
        #expect(html.contains("<h2>正文</h2><p class=\"text\">&lt;script&gt;x()&lt;/script&gt;第一段\n第二段</p>"))
        #expect(html.contains("<dt>办理轮次</dt><dd>&lt;i&gt;1&lt;/i&gt;</dd>"))
        #expect(html.contains("<th>承办单位</th><th>答复类别</th>") && html.contains("县&lt;b&gt;农业&lt;/b&gt;局"))
        #expect(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"))
    }

    /// Filters and pages: status, period on the kind's date, search, 50 rows a page with links that keep the filters.
    @Test func listFiltersSearchAndPages() async {
        let routes = WebSite.routes(FixedData(rows: 120), gate: OpenGate())
        let (_, first) = await Self.page(routes, "/records/proposals")
        #expect(first.contains("第 1/3 页") && first.contains("href=\"/records/proposals?page=2\""))
        #expect(first.components(separatedBy: "<tr data-id=").count - 1 == 50)
        let (_, closed) = await Self.page(routes, "/records/proposals", "status=closed&page=2")
        #expect(closed.contains("提案（60 条，共 120 条）") && closed.contains("第 2/2 页") && closed.contains("page=1&amp;status=closed"))
        let (_, march) = await Self.page(routes, "/records/proposals", "period=2026-Q1")
        #expect(march.contains("提案（2 条，共 120 条）"), "period filters on submitted_on")
        let (_, search) = await Self.page(routes, "/records/proposals", "q=%E4%B9%A1%E6%9D%91")
        #expect(search.contains("提案（1 条，共 120 条）") && search.contains("value=\"乡村\""), "search 乡村")
        let (_, beyond) = await Self.page(routes, "/records/proposals", "page=99")
        #expect(beyond.contains("第 3/3 页"), "a page past the end shows the last")
    }

    /// Every route declares a capability, and the node's gate is asked with it before the handler runs: a gate
    /// refusing `.viewRecords` keeps the status page and the dashboard open and answers the record pages itself.
    @Test func everyRouteDeclaresItsCapabilityAndTheGateDecides() async {
        struct NoRecords: WebGate {
            func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse? {
                capability == .viewRecords ? WebPage.text(status: 403, "forbidden\n") : nil
            }
        }
        let table = WebSite.table(FixedData())
        #expect(Dictionary(table.map { ($0.path, $0.capability) }, uniquingKeysWith: { a, _ in a })
                == ["/": .signedIn, "/it": .viewStatus, "/healthz": .open, "/figures": .viewFigures, "/records": .viewRecords, "/records/": .viewRecords])
        let routes = WebSite.routes(FixedData(), gate: NoRecords())
        #expect(await Self.page(routes, "/").0 == 200)
        #expect(await Self.page(routes, "/figures").0 == 200)
        #expect(await Self.page(routes, "/records/proposals").0 == 403)
        #expect(await Self.page(routes, "/records/proposals/TA-1").0 == 403)
        #expect(await Self.page(routes, "/records").0 == 403)
    }
}
