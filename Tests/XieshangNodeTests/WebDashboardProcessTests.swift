import Foundation
import Testing
import XieshangTransport

/// The dashboard and the record pages on real node processes (issue 17 item 4): a city, a county and a township,
/// each serving its web interface over HTTPS to users made with `xieshang user add`; a township clerk records an
/// activity through the web form, and the county's and the city's dashboards show it in their figures and drill-down;
/// the township lists it and shows its history; real Chromium signs in, submits the form, reads the dashboard and a
/// list as a 375 px phone and prints the dashboard to PDF on A4.
@Suite(.serialized)
struct WebDashboardProcessTests {
    static let town = "county1-town1"

    /// Who reads each body's pages: the city's leader (viewer), the county's office, the township's clerk.
    static let roles = ["city": "viewer", "county1": "office", town: "clerk"]

    /// A city, a county and a township with `web_listen` each (a self-signed certificate for 127.0.0.1 written into
    /// each data directory), started, and a user of `roles` (``roles`` by default) signed in at each (made with `xieshang user add`, the
    /// initial password changed); returns the federation and each body's signed-in client.
    static func federation(roles: [String: String] = roles) async throws -> (LocalFederation, [String: WebClient]) {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        var ports: [String: Int] = [:]
        for id in ["city", "county1", town] { ports[id] = try fed.serveWeb(id) }
        try await fed.startAll()
        var clients: [String: WebClient] = [:]
        for (id, port) in ports {
            clients[id] = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(id).config.adminSocket, base: "https://127.0.0.1:\(port)",
                                                     certificate: fed.dir(id) + "/web.crt", directory: fed.dir(id), username: "user-\(id)",
                                                     role: roles[id] ?? "viewer")
        }
        return (fed, clients)
    }

    /// `GET path` at body `id` over HTTPS with its certificate pinned, as its signed-in user: (HTTP status, body).
    static func get(_ fed: LocalFederation, _ web: [String: WebClient], _ id: String, _ path: String) async throws -> (Int, String) {
        guard let client = web[id] else { throw LocalFederation.Failure(description: "no web client at \(id)") }
        let r = try await client.send(path)
        return (r.status, r.body)
    }

    /// A township clerk, made with `xieshang user add` and signed in (the initial password changed), records an
    /// activity through the web form (its topic holds `<script>`; the node's Submit path and rules); the county's and the city's
    /// dashboards come to show its 人次 in their totals and in the township's drill-down row (waiting on the
    /// condition), the city links to the county's subtree and that page shows the township; the township lists the
    /// activity with its topic as text and its detail page shows the history (the township signed it, today); a body
    /// outside the subtree and a bad period get a 400 naming the parameter.
    @Test func townshipActivityReachesTheCountyAndCityDashboards() async throws {
        let (fed, ports) = try await Self.federation()
        defer { fed.stopAll() }
        let today = LocalFederation.today()
        let year = String(today.prefix(4))
        let clerk = try #require(ports[Self.town])
        let add = try await clerk.post("/forms/activity", [("id", "HD-WEB-1"), ("kind", "research"), ("topic", "<script>alert(1)</script>乡村振兴调研"),
                                                           ("participants", "17"), ("date", today), ("suggestions", "建议增设村级垃圾转运点")])
        #expect(add.status == 303 && add.location == "/records/activities/HD-WEB-1", "\(add.status) \(add.body.prefix(800))")
        // A refused step shows the rule's message next to the form and records nothing: a suggestion that was never made.
        let refused = try await clerk.post("/forms/suggestion", [("id", "JY-NONE"), ("step", "adopt"), ("by", "乡党委书记"), ("date", today)])
        #expect(refused.status == 422 && refused.body.contains("data-refusal>refused at "), "\(refused.body.prefix(1500))")
        let audit = try await ProcessRun.run(fed.executable, ["user", "audit", "--json", "--node", fed.member(Self.town).config.adminSocket],
                                             environment: ["XIESHANG_NODE": nil])
        #expect(audit.output.contains("\"recorded\"") && audit.output.contains("user-\(Self.town)") && audit.output.contains("activity HD-WEB-1 with 1 suggestions"),
                "the record is the clerk's in the audit trail: \(audit.output.suffix(1500))")
        let townRow = "data-body=\"\(Self.town)\""
        for id in ["county1", "city"] {
            try await waitUntil("\(id)'s dashboard shows the township's 17 人次", seconds: 60) {
                let (status, html) = try await Self.get(fed, ports, id, "/figures")
                guard status == 200, html.contains("<td data-figure=\"activity_participants\">17</td>"),
                      let row = html.range(of: townRow) else { return false }
                return html[row.upperBound...].prefix(400).contains("<td>17</td>")
            }
        }
        let (_, city) = try await Self.get(fed, ports, "city", "/figures?period=\(year)")
        // Its server time, as the browser's developer tools and the web benchmark read it.
        let headers = fed.dir("city") + "/figures-headers.txt"
        let viewed = try await #require(ports["city"]).send("/figures?period=\(year)-H2", extra: ["-D", headers])
        let timing = try String(contentsOfFile: headers, encoding: .utf8).split(separator: "\r\n").first { $0.lowercased().hasPrefix("server-timing:") }
        #expect(viewed.status == 200 && (timing?.contains(";dur=") ?? false)
                && (timing?.contains("desc=\"built\"") ?? false || timing?.contains("desc=\"kept\"") ?? false), "Server-Timing: \(timing ?? "none")")
        #expect(city.contains("href=\"/figures?period=\(year)&amp;body=county1\""), "the city links to the county's subtree")
        let (status, county) = try await Self.get(fed, ports, "city", "/figures?period=\(year)&body=county1")
        #expect(status == 200 && county.contains(townRow) && county.contains("<td data-figure=\"activity_participants\">17</td>"), "\(county.prefix(3000))")
        #expect(!county.contains("data-body=\"city\""), "the county's subtree only")

        // The county office's session cookie means nothing at the township (each node keeps its own sessions).
        let countyOffice = try #require(ports["county1"])
        let foreign = try await WebClient(base: clerk.base, certificate: clerk.certificate, jar: countyOffice.jar).send("/records/activities")
        #expect(foreign.status == 303 && foreign.location.hasPrefix("/login"), "another node's session: \(foreign.status) \(foreign.location)")
        let (denied, deniedPage) = try await Self.get(fed, ports, "city", "/forms/activity")
        #expect(denied == 403 && deniedPage.contains("领导（只读）"), "a viewer gets 403 on a form")
        let (bad, badPage) = try await Self.get(fed, ports, "county1", "/figures?body=city")
        #expect(bad == 400 && badPage.contains("参数 body"), "the county's parent is outside its subtree: \(badPage)")
        let (badPeriod, periodPage) = try await Self.get(fed, ports, "city", "/figures?period=2026-Q9")
        #expect(badPeriod == 400 && periodPage.contains("参数 period"))

        let (listStatus, list) = try await Self.get(fed, ports, Self.town, "/records/activities?period=\(year)")
        #expect(listStatus == 200 && list.contains("&lt;script&gt;alert(1)&lt;/script&gt;乡村振兴调研") && !list.contains("<script>"), "\(list)")
        #expect(list.contains("href=\"/records/activities/HD-WEB-1\""))
        let (detailStatus, detail) = try await Self.get(fed, ports, Self.town, "/records/activities/HD-WEB-1")
        #expect(detailStatus == 200 && detail.contains("历程（1）") && detail.contains("记录活动") && detail.contains("<td>\(today)</td>"), "\(detail)")
        #expect(detail.contains(fed.member(Self.town).config.name.isEmpty ? Self.town : fed.member(Self.town).config.name), "who signed it")

        // A proposal at the county: its detail page shows its text (escaped, line breaks kept) and its two steps.
        let countyNode = ["--node", fed.member("county1").config.adminSocket]
        for args in [["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "\(year)-01-05"],
                     ["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "一、<b>加强</b>品牌\n二、拓展市场", "--by", "M1",
                      "--date", "\(year)-01-10"],
                     ["proposal", "review", "TA-1", "--register", "\(year)-1", "--date", "\(year)-01-20"]] {
            let r = try await ProcessRun.run(fed.executable, args + countyNode, environment: ["XIESHANG_NODE": nil])
            #expect(r.status == 0, "\(args): \(r.output)")
        }
        let (proposalStatus, proposal) = try await Self.get(fed, ports, "county1", "/records/proposals/TA-1")
        #expect(proposalStatus == 200 && proposal.contains("<h2>正文</h2><p class=\"text\">一、&lt;b&gt;加强&lt;/b&gt;品牌\n二、拓展市场</p>"), "\(proposal)")
        #expect(proposal.contains("历程（2）") && proposal.contains("提案提交") && proposal.contains("提案审查") && proposal.contains("已立案"), "\(proposal)")
        #expect(proposal.components(separatedBy: "<dt>立案号</dt>").count == 2, "the list row's columns are not repeated below it")
        let (_, proposals) = try await Self.get(fed, ports, "county1", "/records/proposals?status=registered")
        #expect(proposals.contains("提案（1 条）") && proposals.contains("关于茶产业的建议"), "\(proposals)")
    }

    /// Who made a record travels with it (issue 17 item 2): an activity the township clerk records on the web is signed
    /// with `user:<username>`, one recorded with the CLI on the admin socket with the OS user the kernel reports
    /// (`os:<name>(uid N)`, SO_PEERCRED). The township's detail pages show each in their history (操作人), and both
    /// the township's and the county's `xieshang query events` carry them: the county holds the township's signed
    /// events, actor included, as they travelled up.
    @Test func webAndCLIRecordsCarryTheirActorAtTheNodeAndItsParent() async throws {
        let (fed, ports) = try await Self.federation()
        defer { fed.stopAll() }
        let today = LocalFederation.today()
        let clerk = try #require(ports[Self.town])
        let web = try await clerk.post("/forms/activity", [("id", "HD-WHO-WEB"), ("kind", "research"), ("topic", "网页录入"),
                                                           ("participants", "5"), ("date", today)])
        #expect(web.status == 303, "\(web.status) \(web.body.prefix(800))")
        let townSocket = fed.member(Self.town).config.adminSocket
        let cli = try await ProcessRun.run(fed.executable, ["activity", "add", "--id", "HD-WHO-CLI", "--kind", "research", "--topic", "命令录入",
                                                            "--participants", "6", "--date", today, "--node", townSocket],
                                           environment: ["XIESHANG_NODE": nil])
        #expect(cli.status == 0, "\(cli.output)")
        let webActor = "user:user-\(Self.town)", osActor = "(uid \(getuid()))"

        let (_, webPage) = try await Self.get(fed, ports, Self.town, "/records/activities/HD-WHO-WEB")
        #expect(webPage.contains("<th>操作人</th>") && webPage.contains("<td class=\"wrap\" data-actor>\(webActor)</td>"), "\(webPage)")
        let (_, cliPage) = try await Self.get(fed, ports, Self.town, "/records/activities/HD-WHO-CLI")
        #expect(cliPage.contains("<td class=\"wrap\" data-actor>os:") && cliPage.contains(osActor), "\(cliPage)")

        func actors(at id: String) async throws -> [String] {
            let r = try await ProcessRun.run(fed.executable, ["query", "events", "--node", fed.member(id).config.adminSocket],
                                             environment: ["XIESHANG_NODE": nil])
            return r.output.split(separator: "\n").compactMap { line in
                let row = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
                return (row?["actor"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            }
        }
        let here = try await actors(at: Self.town)
        #expect(here.contains(webActor) && here.contains { $0.hasPrefix("os:") && $0.hasSuffix(osActor) }, "at the township: \(here)")
        try await waitUntil("the county holds both events with their actors", seconds: 60) {
            let there = try await actors(at: "county1")
            return there.contains(webActor) && there.contains { $0.hasPrefix("os:") && $0.hasSuffix(osActor) }
        }
    }

    /// Chromium (Selenium, chromium-driver) as a 375 px phone, each user signing in on the login form: the township
    /// clerk opens the activity form (no horizontal scroll, screenshot not blank), fills it and submits it — a real
    /// browser's post with its Origin, Sec-Fetch-Site and the form's CSRF token — landing on the activity's page; then
    /// the city leader's dashboard and the clerk's activity list scroll no wider than the screen, their screenshots
    /// are not blank (all kept in .build/test-artifacts), and the dashboard printed to PDF on A4 holds its title and
    /// the township's 人次.
    @Test func dashboardAndListInChromiumAt375pxAndPrintedToPDF() async throws {
        let (fed, ports) = try await Self.federation()
        defer { fed.stopAll() }
        let python = try ExportCommandTests.python()
        let script = ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_chromium.py"
        let artifacts = ExportCommandTests.packageRoot + "/.build/test-artifacts"
        try? FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        let pages: [(id: String, path: String, name: String, submit: String?)] = [
            (Self.town, "/forms/activity", "web-form-375", #"{"id": "HD-WEB-2", "kind": "research", "topic": "乡村振兴调研", "participants": "23"}"#),
            ("city", "/figures", "web-dashboard-375", nil), (Self.town, "/records/activities", "web-list-375", nil)]
        for (id, path, name, submit) in pages {
            if id == "city" {
                try await waitUntil("the city's dashboard shows 23 人次", seconds: 60) {
                    try await Self.get(fed, ports, "city", "/figures").1.contains("<td data-figure=\"activity_participants\">23</td>")
                }
            }
            let spki = try await ProcessRun.run("/bin/sh", ["-c",
                "openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
                "sh", fed.dir(id) + "/web.crt"])
            let hash = spki.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let shot = fed.dir(id) + "/\(name).png", pdf = fed.dir(id) + "/\(name).pdf"
            var environment: [String: String?] = ["XS_WEB_USER": "user-\(id)", "XS_WEB_PASSWORD": WebClient.password]
            if let submit { environment["XS_WEB_SUBMIT"] = submit }
            let run = try await ProcessRun.run(python, [script, (ports[id]?.base ?? "") + path, hash,
                                                        fed.dir(id) + "/chromium-profile-\(name)", shot] + (id == "city" ? [pdf] : []),
                                               environment: environment)
            #expect(run.status == 0, "web_chromium.py: \(run.output)")
            let info = (try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any] ?? [:]
            #expect(info["innerWidth"] as? Int == 375, "\(name): \(run.output.prefix(300))")
            #expect((info["scrollWidth"] as? Int ?? .max) <= 375, "\(name): no horizontal scroll at 375 px: \(run.output.prefix(300))")
            #expect(info["protocol"] as? String == "h2")
            #expect((info["cspViolations"] as? [String]) == [], "\(name): the CSP refused nothing on the page: \(info["cspViolations"] ?? "?")")
            let text = info["text"] as? String ?? ""
            #expect(text.contains(id == "city" ? "统计数字" : submit != nil ? "履职活动" : "乡村振兴调研"), "\(name): \(text.prefix(500))")
            if submit != nil {
                let after = info["after"] as? [String: Any] ?? [:]
                #expect((after["url"] as? String ?? "").hasSuffix("/records/activities/HD-WEB-2") && (after["text"] as? String ?? "").contains("乡村振兴调研"),
                        "the browser's post recorded the activity and landed on its page: \(after)")
            }
            try? FileManager.default.removeItem(atPath: artifacts + "/\(name).png")
            try? FileManager.default.copyItem(atPath: shot, toPath: artifacts + "/\(name).png")
            let ink = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/png_ink.py", shot])
            let fraction = Double(ink.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(ink.status == 0 && fraction > 0.01, "\(name): the screenshot is not blank (ink \(fraction))")
            if id == "city" {
                try? FileManager.default.removeItem(atPath: artifacts + "/web-dashboard-a4.pdf")
                try? FileManager.default.copyItem(atPath: pdf, toPath: artifacts + "/web-dashboard-a4.pdf")
                let pdfText = try await ProcessRun.run("/usr/bin/pdftotext", ["-layout", pdf, "-"])
                #expect(pdfText.status == 0, "pdftotext (Debian poppler-utils, `make deps`): \(pdfText.output)")
                #expect(pdfText.output.contains("统计数字") && pdfText.output.contains("活动参加人次") && pdfText.output.contains("23") && pdfText.output.contains("办结率"),
                        "the printed dashboard holds its title and figures: \(pdfText.output.prefix(1500))")
                #expect(!pdfText.output.contains("筛选") && !pdfText.output.contains("业务记录"), "no navigation or picker on paper")
            }
        }
    }
}
