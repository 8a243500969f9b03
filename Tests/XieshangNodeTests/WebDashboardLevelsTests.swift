import Synchronization
import Testing
@testable import XieshangNode
import XieshangDomain
import XieshangReport
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The web dashboard at a city with a large subtree (issue 17, dashboard server time and page size): one level in
/// full — the counties with their subtotals, zones and charts — and each county's townships collapsed under its row
/// (name as a link to the township's own page, its 人次), the townships in full on the county's page; the record and
/// figure pages ask the node only for its id and name, never for the status that reads the store.
@Suite struct WebDashboardLevelsTests {
    /// A city with `counties` counties (the first half in zone 东片区) of `towns` townships each.
    static func stats(counties: Int, towns: Int) -> StatsResponse {
        func body(_ id: String, _ tier: String, _ parent: String, _ participants: Int64) -> BodyFigures {
            var b = BodyFigures()
            b.body = id
            b.name = id + "政协"
            b.tier = tier
            b.parent = parent
            b.totals = ["activity_participants": participants, "proposals_registered": 4, "proposals_closed_of_registered": 3]
            b.own = b.totals
            b.verified = true
            b.approval = "approved"
            return b
        }
        var bodies = [body("city", "city", "", 1_000_000)]
        for c in 1...counties {
            var county = body("c\(c)", "county", "city", Int64(1000 + c))
            if c <= counties / 2 { county.zone = "东片区" }
            bodies.append(county)
            for t in 1...towns { bodies.append(body("c\(c)-t\(t)", "township", "c\(c)", Int64(100 * c + t))) }
        }
        return StatsResponse(period: "2026-H1", bodies: bodies, expectedChildren: UInt32(counties), reportedChildren: UInt32(counties))
    }

    static func page(_ stats: StatsResponse, root: String) -> String {
        var expected: [String: Int] = [:]
        for b in stats.bodies where !b.parent.isEmpty { expected[b.parent, default: 0] += 1 }
        let model = FiguresReport.model(stats: stats, root: root, title: "t", generatedAt: "2026-07-01",
                                        months: [("2026-01", ["activity_participants": 5])], own: .init(), names: [:], expected: expected)
        return DashboardPage.render(Dashboard(model: model, alerts: []), here: "city")
    }

    static func count(_ html: String, _ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }

    /// The city's page: every county a full row (with its completeness 3/3) and a chart bar, the zone's subtotal;
    /// the townships no row of their own, no chart, no completeness line — each listed under its county in a
    /// collapsed `<details>` with its link and 人次. The county's page shows its townships in full.
    @Test func theCityDrawsItsCountiesAndCollapsesTheirTownships() {
        let stats = Self.stats(counties: 4, towns: 3)
        let city = Self.page(stats, root: "city")
        #expect(Self.count(city, "<tr class=\"tier-county\"") == 4)
        #expect(Self.count(city, "<tr class=\"tier-township\"") == 0, "no township row of its own on the city's page")
        #expect(city.contains("〔东片区〕小计"))
        #expect(Self.count(city, "<details>") == 4, "one collapsed list per county")
        #expect(city.contains("<tr data-body=\"c2-t3\"><td><a href=\"/figures?period=2026-H1&amp;body=c2-t3\">c2-t3政协</a></td><td>203</td></tr>"),
                "a township in its county's list: the link to its own page and its 人次")
        #expect(city.contains("<td class=\"complete\">3/3</td>"), "a county's completeness over its townships")
        #expect(!city.contains("c1政协 所属下级 · ") && !city.contains(">c1政协</figcaption>"), "no chart over a county's townships")
        #expect(!city.contains("data-complete=\"c1-t1\""))

        let county = Self.page(stats, root: "c2")
        #expect(Self.count(county, "<tr class=\"tier-township\"") == 3, "the county's page draws its townships")
        #expect(county.contains("<td data-figure=\"activity_participants\">1002</td>") && !county.contains("<details>"))
        #expect(!county.contains(" style=\""), "no inline style (the CSP)")
    }

    /// At 1+10+170 the city's page stays the size of one level, while `report --html` (every level) still holds
    /// every township's row.
    @Test func theCityPageOfALargeSubtreeStaysSmall() {
        let stats = Self.stats(counties: 10, towns: 17)
        let city = Self.page(stats, root: "city")
        #expect(city.utf8.count < 120_000, "the city's dashboard is \(city.utf8.count) bytes")
        #expect(Self.count(city, "<tr data-body=\"c") == 170, "every township listed once, collapsed")
        let model = FiguresReport.model(stats: stats, root: "city", title: "t", generatedAt: "2026-07-01", months: [], own: .init(),
                                        names: [:], expected: [:])
        #expect(Self.count(HTMLReport.render(model), "<tr class=\"tier-township\"") == 170, "the report file keeps every level")
    }

    /// A source that counts the status reads (each scans the store's log at a city: links' backlogs, the event count).
    final class CountingData: WebData, @unchecked Sendable {
        let statusReads = Mutex(0)
        func status() async -> StatusResponse? {
            statusReads.withLock { $0 += 1 }
            var s = StatusResponse()
            s.nodeId = "city"
            s.name = "市政协"
            return s
        }
        func identity() async -> XieshangDomain.BodyInfo? { XieshangDomain.BodyInfo(id: "city", name: "市政协", tier: "city") }
        func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> {
            let stats = WebDashboardLevelsTests.stats(counties: 2, towns: 2)
            return .success(Dashboard(model: FiguresReport.model(stats: stats, root: body ?? "city", title: "t", generatedAt: "2026-07-01",
                                                                 months: [], own: .init(), names: [:], expected: [:]), alerts: []))
        }
        func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> {
            .success(RecordListing(columns: kind.columns, rows: [["id": "HD-1", "date": "2026-03-01", "topic": "调研"]]))
        }
        func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> {
            .success([RecordEvent(body: "city", bodyName: "市政协", seq: 1, timeMs: 0, day: "2026-03-01", step: "记录活动",
                                  actor: "user:<script>x</script>")])
        }
    }

    /// Finding (web bench: 12.5 req/s on the city's list page against 754 at a township): every record page asked the
    /// node for its status only to print its name, and the status reads every link's backlog from the log — a scan
    /// that grows with everything the city holds. The list, the detail page, the dashboard and a form page now ask for
    /// the id and name only; the status and IT pages still read the status. The detail page shows who made each step,
    /// escaped.
    @Test func recordAndFigurePagesDoNotReadTheStatus() async {
        let data = CountingData()
        let routes = WebSite.routes(data, gate: OpenGate())
        for path in ["/records/activities", "/records/activities/HD-1", "/figures", "/healthz"] {
            let r = await routes.respond(HTTPRequest(method: "GET", path: path))
            #expect(r.status == 200, "\(path): \(r.status)")
        }
        #expect(data.statusReads.withLock { $0 } == 0, "pages other than the status read it \(data.statusReads.withLock { $0 }) times")
        let detail = String(decoding: await routes.respond(HTTPRequest(method: "GET", path: "/records/activities/HD-1")).body, as: UTF8.self)
        #expect(detail.contains("<th>操作人</th>") && detail.contains("user:&lt;script&gt;x&lt;/script&gt;") && !detail.contains("<script>"),
                "who made the step, as text")
        _ = await routes.respond(HTTPRequest(method: "GET", path: "/it"))
        #expect(data.statusReads.withLock { $0 } == 1, "the IT page reads the status")
    }

    /// Abuse: an actor a peer signed may be anything. Control characters, line breaks and direction overrides become
    /// `?`, a huge one is cut at a character to 200 bytes with …, an ordinary one is kept as it is.
    @Test func anActorIsBoundedAndMadeHarmless() {
        #expect(EventActor.bounded("os:clerk(uid 1000)") == "os:clerk(uid 1000)")
        #expect(EventActor.bounded("user:张三") == "user:张三")
        #expect(EventActor.bounded("user:a\nFAKE ROW\u{1B}[31m\u{202E}x\u{0}") == "user:a?FAKE ROW?[31m?x?")
        let huge = EventActor.bounded("user:" + String(repeating: "政", count: 100_000))
        #expect(huge.utf8.count <= EventActor.maxBytes && huge.hasSuffix("…") && huge.hasPrefix("user:政"), "\(huge.utf8.count) bytes")
        #expect(EventActor.bounded(String(repeating: "a", count: 200)).utf8.count == 200, "200 bytes are kept whole")
        #expect(EventActor.bounded(String(repeating: "a", count: 201)).utf8.count == 200)
    }
}
