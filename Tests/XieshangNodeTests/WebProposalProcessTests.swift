import Foundation
import Testing
import XieshangTransport
import XieshangWeb

/// Issue 19's proposal acceptance in real Chromium against real node processes over HTTPS: a city and its county,
/// the county serving its web interface; people signed in each in a browser of their own (own profile, own session)
/// as 375 px phones (``web_walk.py``).
@Suite(.serialized)
struct WebProposalProcessTests {
    /// The county's web users and their roles.
    static let users: [(name: String, role: String)] = [("zhangming", "member:M1"), ("tiwei", "committee"), ("jiaotong", "unit:交通局"),
                                                         ("nongye", "unit:农业局"), ("bangong", "office"), ("wenshu", "clerk"), ("lingdao", "viewer")]

    /// The fewest pages each user's walk must open (links and GET forms followed, query variants included): below
    /// it, the walk lost its way (a sign-in, a link, a form) rather than the role having fewer pages.
    static let walkFloor: [String: Int] = ["bangong": 50, "tiwei": 30, "jiaotong": 10, "zhangming": 25, "wenshu": 18, "lingdao": 8]

    /// The least width and height of a form control, in CSS px: a finger's target (WCAG 2.2's 2.5.8, 24 × 24).
    static let minTarget = 24

    /// A page measured by web_walk.py lays out at 375 px with no horizontal scroll, loads nothing beyond itself, meets
    /// no CSP refusal, and has no form control smaller than ``minTarget`` either way.
    static func expectFitsAPhone(_ p: [String: Any], _ where_: String) {
        #expect(p["innerWidth"] as? Int == 375, "\(where_): \(p)")
        #expect((p["scrollWidth"] as? Int ?? .max) <= 375, "no horizontal scroll at 375 px: \(where_): \(p)")
        #expect((p["cspViolations"] as? [String]) == [], "\(where_): \(p)")
        #expect(p["resources"] as? Int == 0, "one round trip, nothing loaded beyond the page: \(where_)")
        #expect((p["smallControls"] as? [Any])?.isEmpty == true, "every control at least \(minTarget) px either way: \(where_): \(p["smallControls"] ?? "?")")
    }

    /// One federation for the file's test: (1) a member submits on the web; the committee registers and assigns; the
    /// unit replies; the member rates; the committee closes — five users, each in their own browser session — and the
    /// county's figures and the city's (through the federation) count it, closed, with the web channel; (2) the other
    /// unit gets 403 on that proposal by URL, and the replying unit's list flags its overdue proposal (one the CLI
    /// assigned in 2025, due in May 2025); (3) every page each role can reach — the office, the committee, a unit, a
    /// member, the clerk and a viewer, each in a browser of their own following every link and GET form from `/`
    /// (periods, filters, drill-downs, paging, detail pages: query variants included, bounded; the office's reaching the
    /// editing desk's report with its edit form, the member's report on the web) — answers 200, has no horizontal
    /// scroll at 375 px, loads nothing beyond itself, meets no CSP refusal and has no form control under 24 px; each
    /// role walks at least its ``walkFloor``; and the office's pages a role has no link to answer it 200, or 403/404
    /// on its error page (the member's /it and /audit, the viewer's /proposals/new, the unit's /figures: 403).
    @Test func fiveUsersInChromiumMoveAProposalTheFiguresCountItAndEveryPageFitsAPhone() async throws {
        let clock = ContinuousClock(), started = clock.now
        // A township under the county, for the dashboard's drill-down.
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let county = "county1"
        let port = try fed.serveWeb(county)
        let dir = fed.dir(county)
        try await fed.startAll()
        let socket = ["--node", fed.member(county).config.adminSocket]
        func cli(_ args: [String]) async throws {
            let r = try await ProcessRun.run(fed.executable, args + socket, environment: ["XIESHANG_NODE": nil])
            #expect(r.status == 0, "\(args): \(r.output)")
        }
        // The overdue one: assigned to 交通局 in 2025 with a due date long past.
        for args in [["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2025-01-02"],
                     ["proposal", "submit", "--id", "TA-OLD", "--title", "关于旧城改造的建议", "--text", "改造", "--by", "M1", "--date", "2025-01-05"],
                     ["proposal", "review", "TA-OLD", "--register", "2025-9", "--date", "2025-01-10"],
                     ["proposal", "assign", "TA-OLD", "--lead", "交通局", "--due", "2025-05-01", "--date", "2025-01-11"]] {
            try await cli(args)
        }
        // More members than a list page holds (RecordsPage.pageSize), for the walk's paging.
        let roster = dir + "/roster.csv"
        try ("编号,姓名,界别,届次,职务,特邀\n" + (1...RecordsPage.pageSize + 5).map { "P\($0),委员\($0),农业界,5,,否\n" }.joined())
            .write(toFile: roster, atomically: true, encoding: .utf8)
        try await cli(["member", "import", roster, "--date", "2025-01-03"])
        let base = "https://127.0.0.1:\(port)"
        // One after another: each sign-in is two scrypt checks, and the node runs two at a time (a burst of seven would
        // queue past curl's deadline on a busy machine).
        var clients: [String: WebClient] = [:]
        for u in Self.users {
            clients[u.name] = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(county).config.adminSocket, base: base,
                                           certificate: dir + "/web.crt", directory: dir, username: u.name, role: u.role)
        }
        // The township in the county's figures (an activity it records reaches the county), so the dashboard offers its
        // drill-down to the walk.
        let town = fed.townships.first ?? ""
        let recorded = try await ProcessRun.run(fed.executable, ["activity", "add", "--id", "HD-T1", "--kind", "research", "--topic", "乡镇调研",
                                                                 "--participants", "5", "--date", LocalFederation.today(), "--node", fed.member(town).config.adminSocket],
                                                environment: ["XIESHANG_NODE": nil])
        #expect(recorded.status == 0, "\(recorded.output)")
        try await waitUntil("the county's dashboard links to its township", seconds: 60) {
            try await clients["bangong"]?.send("/figures").body.contains("body=\(town)") == true
        }
        let today = LocalFederation.today()
        let id = "WS\(today.prefix(4))-1"
        let page = "/proposals/" + id
        let steps: [[String: Any]] = [
            ["user": "zhangming", "path": "/proposals/new", "form": "form.entry", "fields": ["title": "关于增开<b>公交</b>线路的建议", "text": "建议增开夜班公交"]],
            ["user": "tiwei", "path": page, "form": "form[data-step='review-register']", "fields": ["number": "\(today.prefix(4))-001"]],
            ["user": "tiwei", "path": page, "form": "form[data-step='assign']", "fields": ["lead": "交通局"]],
            ["user": "jiaotong", "path": page, "form": "form[data-step='reply']", "fields": ["class": "A", "text": "已开通夜班线路 2 条"]],
            ["user": "zhangming", "path": page, "form": "form[data-step='evaluate']", "fields": ["rating": "satisfied"]],
            ["user": "tiwei", "path": page, "form": "form[data-step='close']", "fields": [:]],
            ["user": "nongye", "path": page],
            ["user": "jiaotong", "path": "/proposals"],
            // A member's opinion report on the web, so the office's walk reaches the editing desk's report with its edit form.
            ["user": "zhangming", "path": "/forms/opinion", "form": "form.entry", "fields": ["id": "SQ-W1", "title": "关于农村饮水安全的建议", "text": "部分村组供水管网老化。"]],
        ]
        let plan: [String: Any] = ["base": base, "spki": try await WebClient.spki(dir + "/web.crt"), "profile": dir + "/chromium",
                                   "users": Dictionary(uniqueKeysWithValues: Self.users.map { ($0.name, WebClient.password) }),
                                   "steps": steps, "walk": ["bangong", "tiwei", "jiaotong", "zhangming", "wenshu", "lingdao"],
                                   "maxPages": 150, "maxVariants": 12, "minTarget": Self.minTarget]
        let python = try ExportCommandTests.python()
        let setUp = clock.now - started
        let run = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_walk.py"],
                                           input: String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
        #expect(run.status == 0, "web_walk.py (selenium in the venv, chromium-driver): \(run.output.suffix(3000))")
        let out = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
        let browsing = clock.now - started - setUp
        let results = out["steps"] as? [[String: Any]] ?? []
        #expect(results.count == steps.count, "\(run.output.suffix(3000))")
        func text(_ i: Int) -> String { results.indices.contains(i) ? (results[i]["text"] as? String ?? "") : "" }
        func url(_ i: Int) -> String { results.indices.contains(i) ? (results[i]["url"] as? String ?? "") : "" }
        #expect(url(0).hasSuffix(page) && text(0).contains("关于增开<b>公交</b>线路的建议") && text(0).contains("网上"), "submitted: \(text(0))")
        #expect(text(1).contains("已立案"), "registered: \(text(1))")
        #expect(text(2).contains("主办单位") && text(2).contains("交通局"), "assigned: \(text(2))")
        #expect(text(3).contains("已开通夜班线路 2 条") && text(3).contains("已答复"), "replied: \(text(3))")
        #expect(text(4).contains("已测评") && text(4).contains("满意"), "rated: \(text(4))")
        #expect(text(5).contains("已办结"), "closed: \(text(5))")
        #expect(text(6).contains("403 禁止访问") && !text(6).contains("建议增开夜班公交"), "the other unit: 403 by URL: \(text(6))")
        #expect(text(7).contains("逾期 1 件") && text(7).contains("关于旧城改造的建议") && text(7).contains("已逾期"), "overdue flagged: \(text(7))")
        #expect(url(8).contains("/records/opinions/") && text(8).contains("关于农村饮水安全的建议"), "the member's report recorded: \(url(8)) \(text(8))")

        let walk = out["walk"] as? [String: [[String: Any]]] ?? [:], probes = out["probes"] as? [String: [[String: Any]]] ?? [:]
        #expect(walk.count == 6, "\(run.output.suffix(2000))")
        var expectedPages: [String: [String]] = [
            "bangong": ["/it", "/figures", "/records/proposals", "/forms/activity", "/audit", "/proposals", page, "/proposals/units", "/proposals/new", "/duty",
                        "/desk", "/desk/report"],
            "tiwei": ["/figures", "/proposals", page, "/proposals/units", "/proposals/new", "/duty"],
            "jiaotong": ["/proposals", page, "/records/proposals"],
            "zhangming": ["/proposals", page, "/proposals/new", "/duty", "/forms/opinion"],
            "wenshu": ["/figures", "/forms/activity", "/forms/suggestion", "/forms/opinion", "/records/activities"],
            "lingdao": ["/figures", "/password"],
        ]
        expectedPages["bangong"]?.append("/password")
        // Query variants the pages offer, found by following them: the dashboard's periods, the list's status filter and
        // its period placeholder, the unit table's period form.
        let expectedQueries: [String: [(path: String, field: String)]] = [
            "bangong": [("/figures", "period"), ("/figures", "body"), ("/records/proposals", "status"), ("/records/activities", "period"),
                        ("/records/members", "page"), ("/proposals/units", "period"), ("/duty", "year")],
            "lingdao": [("/figures", "period")],
        ]
        for (user, pages) in walk {
            let paths = Set(pages.compactMap { $0["path"] as? String })
            for p in expectedPages[user] ?? [] { #expect(paths.contains(p), "\(user) reaches \(p): \(paths.sorted())") }
            let keys = pages.compactMap { $0["page"] as? String }
            for q in expectedQueries[user] ?? [] {
                #expect(keys.contains { $0.hasPrefix(q.path + "?") && $0.contains(q.field + "=") }, "\(user) follows \(q.path) with \(q.field): \(keys.sorted())")
            }
            #expect(pages.count >= Self.walkFloor[user] ?? .max, "\(user) walked \(pages.count) pages, fewer than the floor \(Self.walkFloor[user] ?? 0): \(keys.sorted())")
            for p in pages {
                let where_ = "\(user) \(p["url"] ?? "")"
                #expect(p["status"] as? Int == 200, "a page the role reaches by its links is one it may open: \(where_): \(p)")
                Self.expectFitsAPhone(p, where_)
            }
            // The pages of the widest role (the office) this role has no link to: its error page (403 for a page of
            // another role, 404 for a record outside its scope), or the page itself (a role may open some it is not
            // shown), each fitting the phone too.
            for p in probes[user] ?? [] {
                let where_ = "\(user) without a link: \(p["url"] ?? "")", status = p["status"] as? Int ?? 0
                #expect([200, 403, 404].contains(status), "\(where_): \(p)")
                if status == 403 { #expect(p["title"] as? String == "禁止访问", "\(where_): \(p)") }
                Self.expectFitsAPhone(p, where_)
            }
        }
        // The township's drill-down in a half-year it reported nothing in (its activity is dated today): a page saying so.
        let quiet = "/figures?body=\(town)&period=\(today.prefix(4))-" + ((Int(today.dropFirst(5).prefix(2)) ?? 1) > 6 ? "H1" : "H2")
        #expect(walk["bangong"]?.first { $0["page"] as? String == quiet }?["status"] as? Int == 200, "\(quiet) in the office's walk: \(walk["bangong"]?.compactMap { $0["page"] } ?? [])")
        for (user, path) in [("zhangming", "/it"), ("zhangming", "/audit"), ("lingdao", "/proposals/new"), ("jiaotong", "/figures")] {
            #expect(probes[user]?.first { $0["path"] as? String == path }?["status"] as? Int == 403, "\(user) opens \(path) by URL: 403: \(probes[user] ?? [])")
        }

        // The figures: the county's own, and the city's through the federation, count it closed, received online, and the
        // member's opinion report as received online too.
        for body in [county, "city"] {
            try await waitUntil("\(body) counts the web proposal, closed", seconds: 60) {
                let t = try await fed.totals(body)
                return t["proposals_closed"] == 1 && t["proposals_by_channel.web"] == 1 && t["proposals_registered"] == 1
                    && t["opinions_by_channel.web"] == 1
            }
        }
        let counts = Self.users.compactMap { u in walk[u.name].map { "\(u.role) \(u.name) \($0.count) (floor \(Self.walkFloor[u.name] ?? 0), \(probes[u.name]?.count ?? 0) without a link)" } }
        print("web proposal walk: pages per role: \(counts.joined(separator: ", ")); capped \(out["capped"] ?? [:]); times \(out["times"] ?? []); set-up \(setUp), Chromium \(browsing), figures \(clock.now - started - setUp - browsing)")
    }
}
