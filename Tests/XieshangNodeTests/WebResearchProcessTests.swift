import Foundation
import Testing
import XieshangTransport

/// Research and inspection reports on the web (issue 18 item 2) at a township's node process serving HTTPS: over curl
/// the form refuses another role, a missing CSRF token and each bad field or broken rule (422 with the message, nothing
/// recorded); in real Chromium the office records an inspection report, a leader's instruction and two conversions
/// (a refused one shown next to the form), and reads the list and the detail page with its instructions, conversions
/// and history; the county's dashboard totals count the report once.
@Suite(.serialized)
struct WebResearchProcessTests {
    static let town = WebDashboardProcessTests.town

    @Test func officeRecordsAReportItsInstructionAndConversionsInChromium() async throws {
        let (fed, web) = try await WebDashboardProcessTests.federation(roles: ["city": "viewer", "county1": "office", Self.town: "office"])
        defer { fed.stopAll() }
        guard let office = web[Self.town] else { throw LocalFederation.Failure(description: "no client") }
        let today = LocalFederation.today()
        typealias Run = ProposalFollowUpProcessTests
        try await Run.ok(fed, Self.town, ["activity", "add", "--id", "SC-W1", "--kind", "inspection", "--topic", "饮水安全视察",
                                          "--participants", "7", "--date", today])
        try await Run.ok(fed, Self.town, ["activity", "add", "--id", "XS-W1", "--kind", "training", "--topic", "培训",
                                          "--participants", "7", "--date", today])
        try await Run.ok(fed, Self.town, ["opinion", "submit", "--id", "XX-W1", "--title", "饮水安全", "--text", "……", "--author", "联络组",
                                          "--author-kind", "group", "--date", today])

        // Abuse: another role, no CSRF token, bad fields and broken rules — 422 with the message, nothing recorded.
        let clerk = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(Self.town).config.adminSocket, base: office.base,
                                               certificate: fed.dir(Self.town) + "/web.crt", directory: fed.dir(Self.town),
                                               username: "clerk-town", role: "clerk")
        #expect(try await clerk.send("/forms/research").status == 403)
        #expect(try await clerk.post("/forms/research", [("step", "report"), ("id", "R-X")], tokenPage: "/forms/activity").status == 403)
        let report: [(String, String)] = [("step", "report"), ("id", "SC-R1"), ("activity", "SC-W1"), ("title", "<b>饮水</b>视察报告"),
                                          ("text", "视察发现……"), ("date", today)]
        let tokenless = try await office.send("/forms/research", form: report)
        #expect(tokenless.status == 403 && tokenless.body.contains("CSRF"), "\(tokenless.body.prefix(300))")
        let cases: [(String, [(String, String)], String)] = [
            ("no step", [("id", "SC-R1")], "请选择“形成报告”“领导批示”或“成果转化”"),
            ("an unknown step", [("step", "delete"), ("id", "SC-R1")], "请选择“形成报告”“领导批示”或“成果转化”"),
            ("no id", [("step", "report"), ("activity", "SC-W1"), ("title", "t"), ("text", "x")], "请填写“报告编号”"),
            ("no title", [("step", "report"), ("id", "SC-R1"), ("activity", "SC-W1"), ("text", "x")], "请填写“标题”"),
            ("a bad date", report.filter { $0.0 != "date" } + [("date", "昨天")], "日期“昨天”应为 YYYY-MM-DD"),
            ("an unknown activity", [("step", "report"), ("id", "SC-R1"), ("activity", "NONE"), ("title", "t"), ("text", "x")], "本组织没有活动 NONE"),
            ("a training", [("step", "report"), ("id", "SC-R1"), ("activity", "XS-W1"), ("title", "t"), ("text", "x")], "只有调研和视察形成调研视察报告"),
            ("an instruction on nothing", [("step", "instruction"), ("id", "NONE"), ("leader", "乡党委书记"), ("level", "乡镇党委"), ("text", "阅")],
             "本组织没有调研视察报告 NONE"),
            ("an unknown conversion", [("step", "convert"), ("id", "SC-R1"), ("to", "letter"), ("target", "x")], "请选择转化形式"),
            ("a conversion without its target", [("step", "convert"), ("id", "SC-R1"), ("to", "advice")], "请填写“转化成果"),
        ]
        for (what, fields, message) in cases {
            let r = try await office.post("/forms/research", fields)
            #expect(r.status == 422 && r.body.contains("data-refusal") && r.body.contains(message), "\(what): \(r.status) \(r.body.prefix(1200))")
        }
        let nothing = try await office.send("/records/research")
        #expect(nothing.status == 200 && !nothing.body.contains("data-id=\"SC-R1\""), "nothing recorded: \(nothing.body.suffix(600))")

        // The flow in real Chromium.
        let python = try ExportCommandTests.python()
        let config: [String: Any] = [
            "town": ["base": office.base, "spki": try await WebClient.spki(fed.dir(Self.town) + "/web.crt"), "user": "user-\(Self.town)",
                     "password": WebClient.password, "profile": fed.dir(Self.town) + "/chromium"],
            "report": "SC-R1", "activity": "SC-W1", "title": "<b>饮水</b>视察报告", "text": "视察发现部分村组供水管网老化。",
            "leader": "乡党委书记王五", "level": "乡镇党委", "instruction": "请乡水利站抓好落实", "opinion": "XX-W1",
            "advice": "关于农村饮水安全的建议案",
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: fed.directory + "/research.json"))
        let run = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_research.py",
                                                    fed.directory + "/research.json"])
        #expect(run.status == 0, "web_research.py: \(run.output)")
        let out = (try? JSONSerialization.jsonObject(with: Data((run.output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        #expect(out["afterReport"] as? String == "/records/research/SC-R1" && out["afterInstruction"] as? String == "/records/research/SC-R1"
                && out["afterConvert"] as? String == "/records/research/SC-R1", "\(run.output)")
        #expect((out["refusal"] as? String ?? "").contains("本组织没有社情民意信息 NONE-1"), "\(run.output)")
        let row = out["listRow"] as? String ?? ""
        #expect(row.contains("<b>饮水</b>视察报告") && row.contains("视察") && row.contains("社情民意信息：XX-W1") && row.contains("建议案：关于农村饮水安全的建议案"),
                "\(run.output)")
        let detail = out["detail"] as? String ?? ""
        #expect(detail.contains("视察发现部分村组供水管网老化") && detail.contains("乡党委书记王五") && detail.contains("请乡水利站抓好落实")
                && detail.contains("领导批示（1）") && detail.contains("成果转化情况（2）") && detail.contains("形成报告") && detail.contains("成果转化"),
                "\(run.output)")
        for (page, overflow) in out["overflow"] as? [String: Int] ?? [:] { #expect(overflow <= 0, "\(page) scrolls sideways at 375 px by \(overflow) px") }
        #expect((out["csp"] as? [String]) == [], "\(run.output)")

        // The county's dashboard totals count the township's report once.
        guard let county = web["county1"] else { return }
        try await waitUntil("the township's report in the county's totals", seconds: 60) {
            let t = try await fed.totals("county1")
            return t["inspection_reports"] == 1 && t["research_converted_to_advice"] == 1 && t["research_converted_to_opinions"] == 1
        }
        let dashboard = try await county.send("/figures?period=" + String(today.prefix(4)))
        #expect(dashboard.status == 200 && dashboard.body.contains("视察报告") && dashboard.body.contains("报告获批示"), "\(dashboard.body.prefix(2000))")
    }
}
