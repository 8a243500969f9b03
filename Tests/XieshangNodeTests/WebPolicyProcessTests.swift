import Foundation
import Testing
import XieshangDomain

/// The body's policy 规则设置 in the browser, on real node processes over HTTPS (issue 18 item 1 with issue 19): the
/// county office records the next version with the form and the rules apply it (a reply class added shows at once,
/// `policy show` on the CLI agrees); a clerk and a viewer read the rules but get 403 on the form; a value the rules
/// refuse, a malformed field and a post without the CSRF token record nothing.
@Suite(.serialized)
struct WebPolicyProcessTests {
    /// The form's fields for `policy`, as the page pre-fills them (points with one decimal for tenths).
    static func fields(_ p: Policy, date: String) -> [(String, String)] {
        func points(_ t: Int) -> String { "\(t < 0 ? "-" : "")\(t.magnitude / 10).\(t.magnitude % 10)" }
        var f: [(String, String)] = [("date", date), ("satisfaction_formula", p.satisfactionFormula.rawValue)]
        if p.registersProposals { f.append(("registers_proposals", "1")) }
        for s in Policy.settings { f.append((s.key, String(p[keyPath: s.path]))) }
        for s in Policy.dutySettings { f.append(("duty." + s.key, s.tenths ? points(p.duty[keyPath: s.path]) : String(p.duty[keyPath: s.path]))) }
        for c in DutyCategory.allCases { f.append(("duty.caps." + c.rawValue, points(p.duty.capTenths[c] ?? 0))) }
        f.append(("reply_classes", p.replyClasses.map { "\($0.code) \($0.labelZh)" }.joined(separator: "\n")))
        f.append(("not_registered_reasons", p.notRegisteredReasons.map { "\($0.code) \($0.labelZh)" }.joined(separator: "\n")))
        return f
    }

    @Test func theOfficeRecordsTheNextVersionOthersReadItAndBadFormsRecordNothing() async throws {
        let (fed, web) = try await WebDashboardProcessTests.federation()
        defer { fed.stopAll() }
        let office = try #require(web["county1"]), clerk = try #require(web[WebDashboardProcessTests.town]), viewer = try #require(web["city"])

        let page = try await office.send("/policy")
        #expect(page.status == 200 && page.body.contains("现行规则（第 1 版") && page.body.contains("data-set-policy") && page.body.contains("规则设置"),
                "\(page.body.prefix(1500))")
        var next = Policy()
        next.appraisalThresholdPercent = 85
        next.duty.baseTenths = 655
        next.replyClasses.append(PolicyChoice(code: "D", labelZh: "不予采纳", labelEn: "D"))
        let posted = try await office.post("/policy", Self.fields(next, date: "2026-03-01"))
        #expect(posted.status == 303 && posted.location == "/policy", "\(posted.status) \(posted.body.prefix(1500))")
        let after = try await office.send("/policy").body
        #expect(after.contains("现行规则（第 2 版，自 2026-03-01 起）") && after.contains("D 不予采纳") && after.contains("<td>65.5</td>")
                && after.contains("<tr data-setting=\"appraisal_threshold_percent\"><th>季度测评满意度要求（%）</th><td>85</td></tr>"), "\(after.prefix(3000))")
        let cli = try await ProcessRun.run(fed.executable, ["policy", "show", "--json", "--node", fed.member("county1").config.adminSocket],
                                           environment: ["XIESHANG_NODE": nil])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(cli.output.utf8)) as? [String: Any])
        #expect(shown["version"] as? Int == 2 && shown["appraisal_threshold_percent"] as? Int == 85
                && (shown["duty"] as? [String: Any])?["base_tenths"] as? Int == 655, "\(shown)")

        // Reading is every role's; the form is the office's.
        let read = try await clerk.send("/policy")
        #expect(read.status == 200 && read.body.contains("现行规则") && !read.body.contains("data-set-policy"), "\(read.body.prefix(800))")
        #expect(try await viewer.send("/policy").status == 200)
        let denied = try await clerk.post("/policy", Self.fields(next, date: "2026-04-01"), tokenPage: "/policy")
        #expect(denied.status == 403, "a clerk may not set the policy: \(denied.status)")

        // Refused: out of range (the rule), a malformed number (the field), an effective day before version 2's, no token.
        var wrong = next
        wrong.appraisalThresholdPercent = 150
        let range = try await office.post("/policy", Self.fields(wrong, date: "2026-04-01"))
        #expect(range.status == 422 && range.body.contains("policy.values") && range.body.contains("value=\"150\""), "\(range.body.prefix(1500))")
        var malformed = Self.fields(next, date: "2026-04-01")
        malformed = malformed.map { $0.0 == "duty.base_tenths" ? ($0.0, "六十") : $0 }
        let field = try await office.post("/policy", malformed)
        #expect(field.status == 422 && field.body.contains("“履职基础分”应为分数"), "\(field.body.prefix(1500))")
        let early = try await office.post("/policy", Self.fields(next, date: "2026-01-01"))
        #expect(early.status == 422 && early.body.contains("policy.effective"), "\(early.body.prefix(1500))")
        let noToken = try await office.send("/policy", form: Self.fields(next, date: "2026-05-01"))
        #expect(noToken.status == 403, "no CSRF token: \(noToken.status)")
        #expect(try await office.send("/policy").body.contains("现行规则（第 2 版"), "nothing recorded by the refused posts")
    }
}
