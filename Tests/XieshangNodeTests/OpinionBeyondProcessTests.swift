import Foundation
import Testing
@testable import XieshangNode

/// Issue 18 item 2, 社情民意 beyond the root and to departments, through the `xieshang` CLI against real node processes
/// (city, county, township): the township's report forwarded to the county and the city, sent up by the city to 省政协
/// (`opinion send-up`), adopted there (`opinion adopted-above`) and instructed by the province's leader — the township
/// sees both (`opinion beyond`, `opinion list`); the county sends it to two departments, one replies (`opinion
/// send-to-department`, `opinion department-reply`), the other is listed as awaited (`opinion beyond --awaiting`); the
/// figures count each once at the body that recorded it and roll up to the city without a mismatch. Bad arguments and
/// steps out of order are refused by name, nothing recorded.
@Suite("opinion reports beyond the federation (process acceptance)", .serialized)
struct OpinionBeyondProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    static func rows(_ fed: LocalFederation, _ id: String, _ words: [String]) async throws -> [[String: Any]] {
        let r = try await Run.run(fed, id, words + ["--json"])
        #expect(r.status == 0, "xieshang \(words.joined(separator: " ")) at \(id): \(r.output)")
        return r.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    static func refused(_ fed: LocalFederation, _ id: String, _ words: [String], status: Int32 = 1, _ text: String,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let r = try await Run.run(fed, id, words)
        #expect(r.status == status && r.output.contains(text), "xieshang \(words.joined(separator: " ")) at \(id): \(r.output)",
                sourceLocation: sourceLocation)
    }

    @Test("a township's report sent up by the city and adopted by 省政协 reaches the township; a department's reply counts")
    func sentUpAdoptedByTheProvinceAndHandledByADepartment() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1", y = Run.year, report = "county1-town1/R1"
        try await Run.ok(fed, town, ["member", "add", "--id", "t1", "--name", "委员乙", "--sector", "农业界", "--date", "\(y)-01-02"])
        try await Run.ok(fed, town, ["opinion", "submit", "--id", "R1", "--title", "关于农村饮水安全的建议", "--text", "部分村组供水管网老化。",
                                     "--author", "t1", "--date", "\(y)-03-02"])
        try await Run.ok(fed, town, ["opinion", "adopt", "R1", "--issue", "敖寨\(y)年第3期", "--date", "\(y)-03-04"])
        try await Run.ok(fed, town, ["opinion", "forward", "R1", "--text", "报送稿", "--date", "\(y)-03-05"])
        try await waitUntil("the county holds the township's report", seconds: 60) {
            try await Self.rows(fed, county, ["opinion", "list"]).contains { $0["origin_report_id"] as? String == "R1" }
        }
        try await Run.ok(fed, county, ["opinion", "adopt", report, "--issue", "万山\(y)年第8期", "--date", "\(y)-03-10"])
        // The county has a parent: it forwards there; sending up beyond the federation is the city's.
        try await Self.refused(fed, county, ["opinion", "send-up", report, "--to", "省政协", "--date", "\(y)-03-10"], "[opinion.sendUp.root]")
        try await Run.ok(fed, county, ["opinion", "forward", report, "--text", "县报送稿", "--date", "\(y)-03-11"])
        try await waitUntil("the city holds the township's report", seconds: 60) {
            try await Self.rows(fed, "city", ["opinion", "list"]).contains { $0["origin_report_id"] as? String == "R1" }
        }
        try await Self.refused(fed, "city", ["opinion", "send-up", report, "--to", "省政协", "--date", "\(y)-03-19"], "[opinion.sendUp.adopted]")
        try await Run.ok(fed, "city", ["opinion", "adopt", report, "--issue", "铜仁\(y)年第5期", "--date", "\(y)-03-20"])
        // Bad arguments: a level that is not above the federation, none at all, an unknown report.
        try await Self.refused(fed, "city", ["opinion", "send-up", report, "--to", "市政协"], status: 2, "--to takes 省政协 or 全国政协")
        try await Self.refused(fed, "city", ["opinion", "send-up", report], status: 2, "missing --to")
        try await Self.refused(fed, "city", ["opinion", "send-up", "county1-town1/R9", "--to", "省政协"], "[opinion.exists]")
        try await Self.refused(fed, "city", ["opinion", "adopted-above", report, "--by", "省政协", "--issue", "第1期", "--date", "\(y)-03-24"],
                               "[opinion.adoptedAbove.sent]")
        try await Run.ok(fed, "city", ["opinion", "send-up", report, "--to", "省政协", "--date", "\(y)-03-25"])
        try await Self.refused(fed, "city", ["opinion", "send-up", report, "--to", "province", "--date", "\(y)-03-26"], "[opinion.sendUp.once]")
        try await Self.refused(fed, "city", ["opinion", "adopted-above", report, "--by", "省政协"], status: 2, "missing --issue")
        try await Run.ok(fed, "city", ["opinion", "adopted-above", report, "--by", "省政协", "--issue", "《社情民意专报》\(y)年第5期", "--date", "\(y)-04-10"])
        try await Self.refused(fed, "city", ["opinion", "adopted-above", report, "--by", "省政协", "--issue", "第6期", "--date", "\(y)-04-11"],
                               "[opinion.adoptedAbove.once]")
        try await Run.ok(fed, "city", ["opinion", "instruct", report, "--leader", "省长", "--level", "province", "--text", "请省水利厅研究。",
                                       "--date", "\(y)-04-12"])

        // The township sees the province's adoption (recorded by the city) and the province's instruction.
        try await waitUntil("the adoption by 省政协 and the instruction reach the township", seconds: 60) {
            let above = try await Self.rows(fed, town, ["opinion", "beyond"])
            let list = try await Self.rows(fed, town, ["opinion", "list"])
            return above.contains { $0["beyond_step"] as? String == "采用" && $0["beyond_to"] as? String == "省政协" && $0["recorded_by"] as? String == "city"
                                    && $0["bulletin_issue"] as? String == "《社情民意专报》\(y)年第5期" }
                && list.contains { ($0["instructions"] as? [String] ?? []).contains { $0.contains("请省水利厅研究。") } }
        }
        #expect(try await Self.rows(fed, county, ["opinion", "beyond"]).isEmpty, "the county passes the adoption on, holds none")
        let shown = try await Run.run(fed, town, ["opinion", "beyond"])
        #expect(shown.status == 0 && shown.output.contains("省政协") && shown.output.contains("环节"), "\(shown.output)")

        // Departments at the county: a reply before the sending, an unknown result, no text — refused.
        try await Self.refused(fed, county, ["opinion", "department-reply", report, "--department", "区水务局", "--result", "已采纳",
                                             "--text", "已纳入计划", "--date", "\(y)-04-01"], "[opinion.department.sent]")
        try await Run.ok(fed, county, ["opinion", "send-to-department", report, "--department", "区水务局", "--date", "\(y)-03-12"])
        try await Run.ok(fed, county, ["opinion", "send-to-department", report, "--department", "区农业农村局", "--date", "\(y)-03-12"])
        try await Self.refused(fed, county, ["opinion", "send-to-department", report, "--department", "区水务局"], "[opinion.department.once]")
        try await Self.refused(fed, county, ["opinion", "send-to-department", report], status: 2, "missing --department")
        try await Self.refused(fed, county, ["opinion", "department-reply", report, "--department", "区水务局", "--result", "很好",
                                             "--text", "已纳入计划"], status: 2, "--result takes 已采纳、部分采纳、留作参考、未采纳")
        try await Self.refused(fed, county, ["opinion", "department-reply", report, "--department", "区水务局", "--result", "已采纳"],
                               status: 2, "missing --text")
        try await Run.ok(fed, county, ["opinion", "department-reply", report, "--department", "区水务局", "--result", "已采纳",
                                       "--text", "已纳入\(y)年农村供水保障工程", "--date", "\(y)-04-01"])
        try await Self.refused(fed, county, ["opinion", "department-reply", report, "--department", "区水务局", "--result", "partly_adopted",
                                             "--text", "再答", "--date", "\(y)-04-02"], "[opinion.department.reply.once]")
        let awaiting = try await Self.rows(fed, county, ["opinion", "beyond", "--awaiting", "--as-of", "\(y)-04-11"])
        #expect(awaiting.map { "\($0["beyond_to"] ?? "")|\($0["waiting_days"] ?? "")" } == ["区农业农村局|30"], "\(awaiting)")
        let all = try await Self.rows(fed, county, ["opinion", "beyond"])
        #expect(all.contains { $0["beyond_to"] as? String == "区水务局" && $0["handling_result"] as? String == "已采纳" }, "\(all)")
        try await Self.refused(fed, county, ["opinion", "beyond", "--awaiting", "--as-of", "\(y)-13-01"], status: 2, "--as-of")

        // Figures: once at the body that recorded each step, rolled up to the city, verified.
        let expected: [String: Int64] = ["opinions_sent_provincial": 1, "opinions_adopted_provincial": 1, "opinions_to_departments": 2,
                                         "opinions_department_adopted": 1]
        try await waitUntil("the steps beyond the federation count in the city's totals", seconds: 60) {
            guard let totals = try? await fed.totals("city") else { return false }
            return expected.allSatisfy { totals[$0.key] == $0.value }
        }
        let townFigures = try #require(try await OwnFiguresProcessTests.query(fed, town, "figures", ["period": y]).first)
        #expect((townFigures["opinionsAdoptedProvincial"] as? NSNumber)?.intValue == 0, "shown at the township, counted at the city: \(townFigures)")
        let countyFigures = try #require(try await OwnFiguresProcessTests.query(fed, "city", "recomputed_figures", ["body": county, "period": y]).first)
        #expect((countyFigures["opinions_to_departments"] as? NSNumber)?.int64Value == 2, "the city recomputes the county's: \(countyFigures)")
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
    }
}

/// The desk's steps beyond the federation on real node processes in real Chromium: the township's report sent
/// straight to the city (直通车) and adopted there; on the city's desk the office sends it up to 省政协, records the
/// province's adoption, sends it to a department (a second sending is refused, the page shows the rule's message) and
/// records the reply; the township's own page of the report shows the province's adoption. Over HTTPS without the
/// browser, a post without the CSRF token and an unknown level are refused, nothing recorded.
@Suite(.serialized)
struct WebOpinionBeyondProcessTests {
    static let town = WebDashboardProcessTests.town

    @Test func theCitysDeskSendsUpAndToADepartmentAndTheTownshipSeesTheAdoption() async throws {
        let (fed, web) = try await WebDashboardProcessTests.federation(roles: ["city": "office", "county1": "office", Self.town: "office"])
        defer { fed.stopAll() }
        guard let city = web["city"] else { throw LocalFederation.Failure(description: "no client") }
        typealias Run = ProposalFollowUpProcessTests
        let y = Run.year
        try await Run.ok(fed, Self.town, ["opinion", "submit", "--id", "R1", "--title", "关于农村饮水安全的建议", "--text", "部分村组供水管网老化。",
                                          "--author", "茶店联络组", "--author-kind", "group", "--date", "\(y)-03-02"])
        try await Run.ok(fed, Self.town, ["opinion", "forward", "R1", "--direct", "--to", "city", "--tier", "city", "--text", "直通稿",
                                          "--author-kind", "group", "--date", "\(y)-03-03"])
        try await waitUntil("the city holds the township's report", seconds: 60) {
            try await OpinionBeyondProcessTests.rows(fed, "city", ["opinion", "list"]).contains { $0["origin_report_id"] as? String == "R1" }
        }
        try await Run.ok(fed, "city", ["opinion", "adopt", "\(Self.town)/R1", "--issue", "铜仁\(y)年第5期", "--author-kind", "group", "--date", "\(y)-03-20"])
        let report = "/desk/report?origin=\(Self.town)&id=R1"
        let step: [(String, String)] = [("origin", Self.town), ("id", "R1")]
        let noToken = try await city.send("/desk/send-up", form: step + [("level", "province")])
        #expect(noToken.status == 403 && noToken.body.contains("CSRF"), "\(noToken.body.prefix(300))")
        let badLevel = try await city.post("/desk/send-up", step + [("level", "市政协")], tokenPage: report)
        #expect(badLevel.status == 422 && badLevel.body.contains("报送对象须为省政协或全国政协"), "\(badLevel.body.prefix(600))")
        #expect(try await OpinionBeyondProcessTests.rows(fed, "city", ["opinion", "beyond"]).isEmpty, "nothing recorded")

        let python = try ExportCommandTests.python()
        var config: [String: Any] = ["origin": Self.town, "id": "R1", "issue": "《社情民意专报》\(y)年第5期", "department": "市水务局",
                                     "handling": "已纳入\(y)年农村供水保障工程"]
        for (key, id) in [("city", "city"), ("town", Self.town)] {
            guard let client = web[id] else { throw LocalFederation.Failure(description: "no client for \(id)") }
            config[key] = ["base": client.base, "spki": try await WebClient.spki(fed.dir(id) + "/web.crt"), "user": "user-\(id)",
                           "password": WebClient.password, "profile": fed.dir(id) + "/chromium"]
        }
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: fed.directory + "/opinion-beyond.json"))
        let run = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_opinion_beyond.py",
                                                    fed.directory + "/opinion-beyond.json"])
        #expect(run.status == 0, "web_opinion_beyond.py: \(run.output)")
        let out = (try? JSONSerialization.jsonObject(with: Data((run.output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        #expect(out["citySentAbove"] as? String == "province" && out["cityAdoptedAbove"] as? String == "province" && out["cityAwaiting"] as? Bool == true,
                "\(run.output)")
        #expect((out["refusal"] as? String ?? "").contains("该信息已转送 市水务局"), "the refused step shows the rule's message: \(run.output)")
        #expect(out["cityResult"] as? String == "adopted" && (out["cityChain"] as? String ?? "").contains("已采纳"), "\(run.output)")
        #expect((out["townChain"] as? String ?? "").contains("省政协采用于 《社情民意专报》\(y)年第5期"), "\(run.output)")
        for (who, pages) in out["overflow"] as? [String: [String: Int]] ?? [:] {
            for (page, overflow) in pages { #expect(overflow <= 0, "\(who) \(page) scrolls sideways at 375 px by \(overflow) px") }
        }
        #expect((out["csp"] as? [String]) == [], "\(run.output)")
        let beyond = try await OpinionBeyondProcessTests.rows(fed, "city", ["opinion", "beyond"])
        #expect(beyond.map { "\($0["beyond_step"] ?? "")|\($0["beyond_to"] ?? "")" } == ["报送|省政协", "采用|省政协", "转送部门|市水务局"], "once each: \(beyond)")
    }
}
