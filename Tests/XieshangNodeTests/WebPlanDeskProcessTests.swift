import Foundation
import Testing
import XieshangTransport

/// The plan board and the opinion desk on real node processes (issue 19 items 4 and 5): a city, a county and a
/// township, each serving its web interface over HTTPS. In real Chromium the city's office imports a plan CSV through
/// the browser and issues it, the county's office decomposes an item for its township, the township's clerk reports
/// a stage, and the stage shows at the issuer — the county's on the city's item, and the township's (with its
/// overdue flag) on the county's sub-items below it, as on the city's `xieshang plan tree`; over curl every new route refuses the wrong role, a missing CSRF
/// token, another Origin, a malformed or oversized CSV (naming line and column, nothing recorded) and shows markup as
/// text; an opinion report goes from the township straight to the city (直通车), is adopted and instructed there, and
/// the township's page shows the provenance chain with the adoption and the instruction fed back.
@Suite(.serialized)
struct WebPlanDeskProcessTests {
    static let town = WebDashboardProcessTests.town
    static let header = "编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位\n"

    @Test func planThroughThreeBodiesInChromiumAndTheOpinionDesk() async throws {
        let (fed, web) = try await WebDashboardProcessTests.federation(roles: ["city": "office", "county1": "office", Self.town: "clerk"])
        defer { fed.stopAll() }
        guard let city = web["city"], let county = web["county1"], let clerk = web[Self.town] else { throw LocalFederation.Failure(description: "no clients") }
        let year = String(LocalFederation.today().prefix(4))
        let plan = "XS-\(year)"

        // Abuse: the wrong role, no CSRF token, another Origin, a malformed and an oversized CSV — nothing recorded.
        let good = Self.header + "1,专题协商,关于乡村振兴的专题协商,专题协商,王副主席,经济委,李四,\(year)-12-31,county1\n"
            + "2,对口协商,关于教育的对口协商,对口协商,张副主席,教科卫体委,赵六,\(year)-01-01,county1\n"
        let fields: [(String, String)] = [("plan", plan), ("title", "市政协\(year)年度协商计划"), ("csv", good)]
        let clerkImport = try await clerk.send("/plans/import")
        #expect(clerkImport.status == 403, "a clerk may not import a plan: \(clerkImport.status)")
        let clerkPost = try await clerk.post("/plans/import", fields, tokenPage: "/plans")
        #expect(clerkPost.status == 403, "\(clerkPost.status)")
        let tokenless = try await city.send("/plans/import", form: fields)
        #expect(tokenless.status == 403 && tokenless.body.contains("CSRF"), "\(tokenless.body.prefix(300))")
        let foreign = try await city.post("/plans/import", fields, origin: "https://evil.example")
        #expect(foreign.status == 403 && foreign.body.contains("跨站请求已拒绝"), "\(foreign.body.prefix(300))")
        let bad = Self.header + "1,专题协商,议题一,专题协商,王副主席,经济委,李四,\(year)-12-31,county1\n"
            + "2,专题协商,议题二,专题协商,王副主席,经济委,李四,明年,county1\n" + "3,专题协商,议题三,专题协商,,经济委,李四,\(year)-12-31,无此单位\n"
        let malformed = try await city.post("/plans/import", [("plan", plan), ("title", "T"), ("csv", bad)])
        #expect(malformed.status == 422 && malformed.body.contains("第 3 行") && malformed.body.contains("完成时限“明年”不是日期")
                && malformed.body.contains("第 4 行") && malformed.body.contains("牵头领导为空") && malformed.body.contains("承办单位“无此单位”未知")
                && !malformed.body.contains("第 2 行"), "every bad row by its line and column: \(malformed.body)")
        let big = try await city.post("/plans/import", [("plan", plan), ("title", "T"), ("csv", Self.header + String(repeating: "x", count: 70_000))])
        #expect(big.status == 422 && big.body.contains("超过上限 65536 字节"), "\(big.body.prefix(400))")
        try Data(("csrf=x&plan=\(plan)&title=T&csv=" + String(repeating: "x", count: 300_000)).utf8).write(to: URL(fileURLWithPath: fed.directory + "/huge.form"))
        let huge = try await city.send("/plans/import", extra: ["-H", "origin: \(city.base)", "-H", "content-type: application/x-www-form-urlencoded",
                                                                "--data-binary", "@" + fed.directory + "/huge.form"])
        #expect(huge.status == 413, "a body over the listener's limit: \(huge.status)")
        let empty = try await city.send("/plans")
        #expect(empty.status == 200 && !empty.body.contains("data-plan=\"city/"), "nothing was recorded: \(empty.body.suffix(600))")
        let xss = try await city.post("/plans/import", [("plan", "XSS-1"), ("title", "<script>alert(1)</script>计划"),
                                                        ("csv", Self.header + "1,<b>类</b>,<img src=x onerror=alert(1)>,,领导,部门,人,\(year)-12-31,county1\n")])
        #expect(xss.status == 303, "\(xss.body.prefix(400))")
        let board = try await city.send("/plans")
        #expect(board.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;计划") && board.body.contains("&lt;img src=x onerror=alert(1)&gt;")
                && !board.body.contains("<img src=x") && !board.body.contains("<script>alert"), "markup shown as text")

        // The opinion desk: the township's report goes straight to the city (直通车), adopted and instructed there,
        // fed back to the township's page with its provenance.
        let deskClerk = try await clerk.send("/desk")
        #expect(deskClerk.status == 403, "a clerk does not edit: \(deskClerk.status)")
        let submitted = try await clerk.post("/forms/opinion", [("id", "SQ-1"), ("title", "<script>alert(2)</script>饮水安全"), ("text", "部分村组供水管网老化。"),
                                                                 ("author", "茶店联络组"), ("author_kind", "liaisonGroup")])
        #expect(submitted.status == 303, "\(submitted.body.suffix(1500))")
        let townOffice = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(Self.town).config.adminSocket, base: clerk.base,
                                                    certificate: fed.dir(Self.town) + "/web.crt", directory: fed.dir(Self.town),
                                                    username: "office-town", role: "office")
        let desk = try await townOffice.send("/desk")
        #expect(desk.status == 200 && desk.body.contains("&lt;script&gt;alert(2)&lt;/script&gt;饮水安全") && !desk.body.contains("<script>alert"), "\(desk.body)")
        let report = "/desk/report?origin=\(Self.town)&id=SQ-1"
        let step: [(String, String)] = [("origin", Self.town), ("id", "SQ-1")]
        let noToken = try await townOffice.send("/desk/forward", form: step + [("direct", "1"), ("to", "city"), ("tier", "city")])
        #expect(noToken.status == 403 && noToken.body.contains("CSRF"), "\(noToken.body.prefix(300))")
        let noTier = try await townOffice.post("/desk/forward", step + [("direct", "1"), ("to", "city")], tokenPage: report)
        #expect(noTier.status == 422 && noTier.body.contains("直通车须填写报送对象的层级"), "\(noTier.body.prefix(600))")
        let direct = try await townOffice.post("/desk/forward", step + [("direct", "1"), ("to", "city"), ("tier", "city")], tokenPage: report)
        #expect(direct.status == 303 && direct.location == report, "\(direct.status) \(direct.body.prefix(600))")
        try await waitUntil("the report reaches the city's desk", seconds: 30) {
            try await city.send("/desk").body.contains("data-report=\"\(Self.town)/SQ-1\"")
        }
        let cityReport = "/desk/report?origin=\(Self.town)&id=SQ-1"
        let adopted = try await city.post("/desk/adopt", step + [("issue", "\(year)年第1期")], tokenPage: cityReport)
        #expect(adopted.status == 303, "\(adopted.body.prefix(600))")
        let again = try await city.post("/desk/adopt", step + [("issue", "\(year)年第2期")], tokenPage: cityReport)
        #expect(again.status == 422 && again.body.contains("data-refusal"), "adopting twice is refused by the rule: \(again.body.prefix(600))")
        let instructed = try await city.post("/desk/instruct", step + [("leader", "市长"), ("instruction", "请水务局研究落实")], tokenPage: cityReport)
        #expect(instructed.status == 303, "\(instructed.body.prefix(600))")
        let atCity = try await city.send(cityReport)
        #expect(atCity.body.contains("直通车") && atCity.body.contains("data-status=\"adopted\""), "\(atCity.body)")
        try await waitUntil("the adoption and the instruction are fed back to the township", seconds: 30) {
            let page = try await townOffice.send(report).body
            return page.contains("data-adopted-higher=\"city\"") && page.contains("请水务局研究落实") && page.contains("data-forwarded=\"city\"")
        }
        // The flow in real Chromium: import, issue, decompose, progress; the stage at the issuer.
        let python = try ExportCommandTests.python()
        var config: [String: Any] = ["plan": plan, "title": "市政协\(year)年度协商计划", "document": "市政协发〔\(year)〕1号", "csv": good,
                                     "subcsv": Self.header + "1.1,专题协商,乡镇乡村振兴协商,专题协商,刘主任,联络组,陈七,\(year)-12-31,\(Self.town)\n"
                                         + "1.2,专题协商,乡镇产业调研,专题调研,刘主任,联络组,陈七,\(year)-01-01,\(Self.town)\n",
                                     "item": "1", "subitem": "1.1", "county_id": "county1", "town_id": Self.town,
                                     "screenshot": fed.directory + "/plan-board.png"]
        for (key, id, client) in [("city", "city", city), ("county", "county1", county), ("town", Self.town, clerk)] {
            config[key] = ["base": client.base, "spki": try await WebClient.spki(fed.dir(id) + "/web.crt"), "user": "user-\(id)",
                           "password": WebClient.password, "profile": fed.dir(id) + "/chromium", "id": id,
                           "extra": key == "city" ? ["/desk", "/desk/report?origin=\(Self.town)&id=SQ-1", "/plans/import"] : []]
        }
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: fed.directory + "/plan-flow.json"))
        let run = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_plan_flow.py",
                                                    fed.directory + "/plan-flow.json"])
        #expect(run.status == 0, "web_plan_flow.py: \(run.output)")
        let out = (try? JSONSerialization.jsonObject(with: Data((run.output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        try? run.output.write(toFile: fed.directory + "/web-plan-flow.json", atomically: true, encoding: .utf8)
        WebPlanDeskProcessTests.keep(fed.directory + "/web-plan-flow.json", as: "web-plan-flow.json")
        #expect(out["cityStatus"] as? String == "issued", "\(run.output)")
        #expect(out["countySubItem"] as? Bool == true && out["townStage"] as? String == "held" && out["countySawTownStage"] as? Bool == true, "\(run.output)")
        #expect(out["cityStage"] as? String == "held", "the county's stage shows at the issuer: \(run.output)")
        if LocalFederation.today() > "\(year)-01-01" { #expect(out["cityOverdue"] as? [String] == ["county1"], "item 2 is overdue: \(run.output)") }
        // Down the tree at the issuer: the township's stage and overdue flag on the county's sub-items of the city's item.
        #expect(out["cityTownStage"] as? [String: String] == ["1.1": "held", "1.2": "assigned"], "the township's stage at the city: \(run.output)")
        if LocalFederation.today() > "\(year)-01-01" { #expect(out["cityTownOverdue"] as? [String] == ["1.2"], "sub-item 1.2 is overdue: \(run.output)") }
        let labels = out["citySubLabels"] as? [String] ?? []
        #expect(labels.count == 2 && labels.allSatisfy { $0.hasSuffix("分解的子事项") && !$0.hasPrefix("本级") }, "\(labels)")
        try await Self.cityTreeOnTheCommandLine(fed, plan: plan, year: year)
        for (who, pages) in out["overflow"] as? [String: [String: Int]] ?? [:] {
            for (page, overflow) in pages { #expect(overflow <= 0, "\(who) \(page) scrolls sideways at 375 px by \(overflow) px") }
        }
        #expect((out["overflow"] as? [String: Any])?.count == 3 && (out["csp"] as? [String]) == [], "\(run.output)")
        Self.keep(fed.directory + "/plan-board.png", as: "web-plan-board-375.png")

        // A rule's refusal shows next to the form: the township is not an assignee of the city's item.
        let notMine = try await clerk.post("/plans/progress", [("issuer", "city"), ("plan", plan), ("item", "1"), ("stage", "held")], tokenPage: "/plans")
        #expect(notMine.status == 422 && notMine.body.contains("本组织不是该事项的承办组织"), "\(notMine.body.prefix(600))")
        let noStage = try await clerk.post("/plans/progress", [("issuer", "county1"), ("plan", plan), ("item", "1.1"), ("stage", "bogus")], tokenPage: "/plans")
        #expect(noStage.status == 422 && noStage.body.contains("请选择进度"), "\(noStage.body.prefix(600))")
        // A forged issuer (the county's sub-item claimed on the city's plan) and another county's sub-plan: refused by
        // name, nothing recorded — the city's tree still shows the township's stages as before.
        let forgedIssuer = try await clerk.post("/plans/progress", [("issuer", "city"), ("plan", plan), ("item", "1.2"), ("stage", "held")], tokenPage: "/plans")
        #expect(forgedIssuer.status == 422 && forgedIssuer.body.contains("事项 1.2 不存在"), "\(forgedIssuer.body.prefix(600))")
        let otherCounty = try await clerk.post("/plans/progress", [("issuer", "county2"), ("plan", plan), ("item", "1.2"), ("stage", "held")], tokenPage: "/plans")
        #expect(otherCounty.status == 422 && otherCounty.body.contains("不存在"), "\(otherCounty.body.prefix(600))")
        let tree = try await ProposalFollowUpProcessTests.run(fed, "city", ["plan", "tree", "--plan", plan, "--json"])
        let sub12 = tree.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["sub_item_id"] as? String == "1.2" }
        #expect(sub12.count == 1 && sub12.first?["stage"] as? String == "assigned", "\(tree.output)")

    }

    /// The city's `xieshang plan tree`: its item 1 with the county (held) and, below it, the county's sub-items with the
    /// township's stage and overdue flag; a bad `--as-of` is refused with what to give.
    static func cityTreeOnTheCommandLine(_ fed: LocalFederation, plan: String, year: String) async throws {
        typealias Run = ProposalFollowUpProcessTests
        func rows() async throws -> [[String: Any]] {
            let r = try await Run.run(fed, "city", ["plan", "tree", "--plan", plan, "--json"])
            #expect(r.status == 0, "\(r.output)")
            return r.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        try await waitUntil("the township's stage in the city's plan tree", seconds: 30) {
            try await rows().contains { $0["sub_item_id"] as? String == "1.1" && $0["assignee"] as? String == town && $0["stage"] as? String == "held" }
        }
        let item1 = try await rows().filter { $0["item_id"] as? String == "1" }
        #expect(item1.map { "\($0["depth"] ?? "")|\($0["sub_issuer"] as? String ?? "-")|\($0["sub_item_id"] as? String ?? "-")|\($0["assignee"] ?? "")|\($0["stage"] ?? "")" }
                == ["0|-|-|county1|held", "1|county1|1.1|\(town)|held", "1|county1|1.2|\(town)|assigned"], "\(item1)")
        if LocalFederation.today() > "\(year)-01-01" {
            #expect(item1.filter { $0["is_overdue"] as? Bool == true }.compactMap { $0["sub_item_id"] as? String } == ["1.2"], "\(item1)")
            let overdue = try await Run.run(fed, "city", ["plan", "tree", "--plan", plan, "--overdue"])
            #expect(overdue.status == 0 && overdue.output.contains("分解组织") && overdue.output.contains("1.2") && !overdue.output.contains("1.1"),
                    "\(overdue.output)")
        }
        let text = try await Run.run(fed, "city", ["plan", "tree", "--plan", plan])
        #expect(text.status == 0 && text.output.contains("子事项") && text.output.contains("已召开"), "\(text.output)")
        let badDay = try await Run.run(fed, "city", ["plan", "tree", "--as-of", "\(year)-13-01"])
        #expect(badDay.status == 2 && badDay.output.contains("--as-of"), "\(badDay.output)")
    }

    /// Copies a screenshot into .build/test-artifacts.
    static func keep(_ shot: String, as name: String) {
        let artifacts = ExportCommandTests.packageRoot + "/.build/test-artifacts"
        try? FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: artifacts + "/" + name)
        try? FileManager.default.copyItem(atPath: shot, toPath: artifacts + "/" + name)
    }
}
