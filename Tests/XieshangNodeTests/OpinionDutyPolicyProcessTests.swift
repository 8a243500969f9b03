import Foundation
import Testing

/// Issue 18, "every domain step reachable", the rest of item 1 done here: editing an opinion report, attendance and
/// leave feeding the duty "meetings" category, and `policy show` — through the `xieshang` CLI against a real city node.
@Suite("opinion edit, attendance and policy (process acceptance)", .serialized)
struct OpinionDutyPolicyProcessTests {
    typealias City = ProposalStepsProcessTests.City

    /// Before, attendance (出席) and leave (请假) existed only in the domain: no command recorded them, so the
    /// "meetings" category of every ledger stayed empty. `member attendance` records a meeting's attendance as one
    /// command, all or none (a stranger in the list or a second record of the same meeting records nothing), and the
    /// ledger counts +2 attended, 0 on leave, −30 absent without leave (policy defaults).
    @Test("member attendance: attended, leave and absence feed the duty meetings category; all or none")
    func attendanceAndLeaveFeedTheMeetingsCategory() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1", "M2", "M3", "M4"])
        try await city.ok(["member", "attendance", "--meeting", "常委会-1", "--present", "M1,M2", "--leave", "M3", "--absent", "M4",
                           "--date", "2026-03-18"])
        let stranger = try await city.run(["member", "attendance", "--meeting", "常委会-2", "--present", "M1,M9", "--date", "2026-04-18"])
        #expect(stranger.status == 1 && stranger.output.contains("[duty.member]") && stranger.output.contains("nothing was recorded"),
                "\(stranger.output)")
        try await city.refused(["member", "attendance", "--meeting", "常委会-1", "--present", "M1", "--date", "2026-03-18"], "duty.attendance.once")
        let twice = try await city.run(["member", "attendance", "--meeting", "常委会-3", "--present", "M1", "--leave", "M1"])
        #expect(twice.status == 2 && twice.output.contains("appears once"), "\(twice.output)")
        let nobody = try await city.run(["member", "attendance", "--meeting", "常委会-3"])
        #expect(nobody.status == 2 && nobody.output.contains("--present"), "\(nobody.output)")

        for (member, tenths, rule) in [("M1", 20, "duty.attendance.present"), ("M3", 0, "duty.attendance.excused"),
                                       ("M4", -300, "duty.attendance.unexcused")] {
            let ledger = try await city.json(["member", "ledger", member, "--year", "2026"])
            let entries = (ledger["entries"] as? [[String: Any]]) ?? []
            #expect(entries.map { $0["rule"] as? String } == [rule] && entries.first?["source"] as? String == "attendance:常委会-1", "\(ledger)")
            #expect((ledger["categories"] as? [String: Any])?["meetings"] as? Int == tenths, "\(member): \(ledger)")
        }
        let zh = try await city.run(["member", "ledger", "M4", "--year", "2026"])
        #expect(zh.output.contains("会议出席") && zh.output.contains("无故缺席") && zh.output.contains("-30.0"), "\(zh.output)")
        #expect(city.fed.stop("city") == 0)
    }

    /// `opinion edit` (编辑) replaces a pending report's text (and with `--title` its title) and puts it in editing; a
    /// title over 200 characters is refused by name, and after adoption an edit is refused
    /// by name. `policy show` prints the policy the records apply (defaults here: threshold 80%, classes A/B/C, +2 per
    /// meeting) with Chinese labels, and every setting as JSON.
    @Test("opinion edit before adoption, refused after; policy show prints the applied policy")
    func opinionEditAndPolicyShow() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1"])
        try await city.ok(["opinion", "submit", "--id", "XX-1", "--title", "停车难", "--text", "初稿", "--author", "M1", "--date", "2026-03-02"])
        try await city.ok(["opinion", "edit", "XX-1", "--text", "赶集日车辆乱停，建议划定临时停车区。", "--date", "2026-03-03"])
        let editing = try await city.rows(["opinion", "list"])
        #expect(editing.map { $0["status"] as? String } == ["editing"] && editing.first?["title"] as? String == "停车难", "the title kept: \(editing)")
        try await city.ok(["opinion", "edit", "XX-1", "--title", "关于赶集日停车难的建议", "--text", "赶集日车辆乱停，建议划定临时停车区。", "--date", "2026-03-03"])
        let retitled = try await city.rows(["opinion", "list"])
        #expect(retitled.first?["title"] as? String == "关于赶集日停车难的建议", "--title replaces the title: \(retitled)")
        try await city.refused(["opinion", "edit", "XX-1", "--title", String(repeating: "题", count: 201), "--text", "改", "--date", "2026-03-04"],
                               "opinion.edit.title")
        try await city.refused(["opinion", "edit", "XX-1", "--text", String(repeating: "字", count: 1_501), "--date", "2026-03-04"], "opinion.length")
        try await city.ok(["opinion", "adopt", "XX-1", "--issue", "第3期", "--date", "2026-03-05"])
        try await city.refused(["opinion", "edit", "XX-1", "--text", "再改", "--date", "2026-03-06"], "opinion.edit.state")
        let adopted = try await city.rows(["opinion", "list"])
        #expect(adopted.map { $0["status"] as? String } == ["adopted"], "\(adopted)")

        let policy = try await city.json(["policy", "show"])
        #expect(policy["version"] as? Int == 1 && policy["appraisal_threshold_percent"] as? Int == 80
                && policy["registers_proposals"] as? Bool == true, "\(policy)")
        #expect(((policy["reply_classes"] as? [[String: Any]]) ?? []).map { $0["code"] as? String } == ["A", "B", "C"], "\(policy)")
        #expect((policy["duty"] as? [String: Any])?["attendance_tenths"] as? Int == 20, "\(policy)")
        let shown = try await city.run(["policy", "show"])
        #expect(shown.status == 0 && shown.output.contains("季度测评满意度要求") && shown.output.contains("答复类别")
                && shown.output.contains("出席会议") && shown.output.contains("2.0") && shown.output.contains("v1"), "\(shown.output)")
        #expect(city.fed.stop("city") == 0)
    }
}

extension OpinionDutyPolicyProcessTests {
    /// `policy set` records the body's next policy version as a signed record (issue 18: every local rule a setting,
    /// never a constant; the node.json `policy` object is refused since): inline settings, then a file in the shape
    /// `policy show --json` prints; the records apply the version from its effective day (a 101-character opinion
    /// report refused under a 100-character limit). Refused, with nothing recorded: a value out of range (by rule), an
    /// unknown key or a wrong type (named), no change at all, an effective day before the current version's, a file
    /// that is not JSON, no settings given.
    @Test("policy set: the next version from --set and --file, applied from its day; bad settings refused and nothing recorded")
    func policySetRecordsTheNextVersion() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1"])
        let none = try await city.run(["policy", "set"])
        #expect(none.status == 2 && none.output.contains("--file or --set"), "\(none.output)")

        try await city.ok(["policy", "set", "--set", "appraisal_threshold_percent=85,satisfaction_formula=satisfiedOnly,opinion_max_chars=100,"
                           + "duty.base_tenths=650,duty.caps_tenths.welfare=150", "--effective", "2026-03-01"])
        let v2 = try await city.json(["policy", "show"])
        let duty = v2["duty"] as? [String: Any] ?? [:]
        #expect(v2["version"] as? Int == 2 && v2["effective"] as? String == "2026-03-01" && v2["appraisal_threshold_percent"] as? Int == 85
                && v2["satisfaction_formula"] as? String == "satisfiedOnly" && duty["base_tenths"] as? Int == 650
                && (duty["caps_tenths"] as? [String: Any])?["welfare"] as? Int == 150 && v2["reply_months"] as? Int == 3, "\(v2)")
        try await city.refused(["opinion", "submit", "--id", "XX-1", "--title", "长", "--text", String(repeating: "字", count: 101),
                                "--author", "M1", "--date", "2026-03-02"], "opinion.length")
        try await city.ok(["opinion", "submit", "--id", "XX-2", "--title", "短", "--text", String(repeating: "字", count: 100),
                           "--author", "M1", "--date", "2026-03-02"])

        // The shown policy as a file, a reply class added: version 3.
        let shown = try await city.run(["policy", "show", "--json"])
        var object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
        object["reply_classes"] = ((object["reply_classes"] as? [[String: Any]]) ?? []) + [["code": "D", "zh": "不予采纳", "en": "not adopted"]]
        let file = city.fed.dir("city") + "/policy.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
        try await city.ok(["policy", "set", "--file", file, "--effective", "2026-04-01"])
        let v3 = try await city.json(["policy", "show"])
        #expect(v3["version"] as? Int == 3 && ((v3["reply_classes"] as? [[String: Any]]) ?? []).map { $0["code"] as? String } == ["A", "B", "C", "D"]
                && v3["appraisal_threshold_percent"] as? Int == 85, "\(v3)")
        #expect(((v3["history"] as? [[String: Any]]) ?? []).map { $0["effective"] as? String } == ["2000-01-01", "2026-03-01", "2026-04-01"], "\(v3)")
        let text = try await city.run(["policy", "show"])
        #expect(text.output.contains("v3（2026-04-01）") && text.output.contains("D 不予采纳"), "\(text.output)")

        try await city.refused(["policy", "set", "--set", "appraisal_threshold_percent=150", "--effective", "2026-05-01"], "policy.values")
        try await city.refused(["policy", "set", "--set", "opinion_max_chars=200", "--effective", "2026-01-01"], "policy.effective")
        for (settings, mention) in [("reply_month=2", "unknown field \"reply_month\""), ("reply_months=two", "expected a whole number"),
                                    ("appraisal_threshold_percent=85", "未记录新版本")] {
            let r = try await city.run(["policy", "set", "--set", settings])
            #expect(r.status == 1 && r.output.contains(mention), "\(settings): \(r.output)")
        }
        try "{\"reply_months\": ".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try await city.run(["policy", "set", "--file", file])
        #expect(broken.status == 1 && broken.output.contains("\(file) is not valid JSON"), "\(broken.output)")
        #expect(try await city.json(["policy", "show"])["version"] as? Int == 3, "nothing recorded by the refused commands")
    }
}

extension OpinionDutyPolicyProcessTests {
    /// node.json's `policy` applied as a signed record (issue 18 item 1): at start the settings become the next policy
    /// version (made by `config:node.json`, from their `effective` day); a restart with the same file records nothing
    /// and keeps a version the office recorded since with `policy set`; edited settings record a version again;
    /// settings the rules refuse stop the node with exit 78 and the rule, and nothing is recorded.
    @Test("node.json policy: recorded at start when changed, never undoing policy set; refused settings stop the node (78)")
    func nodeJSONPolicyIsRecordedWhenItChanges() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        let configPath = city.fed.dir("city") + "/node.json"
        func setPolicy(_ policy: [String: Any]) throws {
            var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: configPath))) as? [String: Any])
            config["policy"] = policy
            try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        }
        func restart() async throws {
            #expect(city.fed.stop("city") == 0)
            try await city.fed.start("city")
        }
        func version() async throws -> (Int, [String: Any]) {
            let p = try await city.json(["policy", "show"])
            return (p["version"] as? Int ?? 0, p)
        }

        try setPolicy(["appraisal_threshold_percent": 90, "effective": "2026-02-01", "duty": ["base_tenths": 620]])
        try await restart()
        try await waitUntil("node.json's policy is recorded as version 2", seconds: 30) { try await version().0 == 2 }
        let v2 = try await version().1
        #expect(v2["appraisal_threshold_percent"] as? Int == 90 && v2["effective"] as? String == "2026-02-01"
                && (v2["duty"] as? [String: Any])?["base_tenths"] as? Int == 620, "\(v2)")
        let events = try await city.run(["query", "events", "--json"])
        #expect(events.output.contains("config:node.json"), "made by config:node.json: \(events.output.suffix(600))")

        try await city.ok(["policy", "set", "--set", "appraisal_threshold_percent=85", "--effective", "2026-03-01"])
        try await restart()
        try await Task.sleep(for: .seconds(1))
        let kept = try await version()
        #expect(kept.0 == 3 && kept.1["appraisal_threshold_percent"] as? Int == 85, "the same node.json records nothing: \(kept.1)")

        try setPolicy(["appraisal_threshold_percent": 95, "effective": "2026-04-01"])
        try await restart()
        try await waitUntil("the edited settings are recorded as version 4", seconds: 30) { try await version().0 == 4 }
        #expect(try await version().1["appraisal_threshold_percent"] as? Int == 95)

        // Out of range: the node stops with 78 and the rule; nothing recorded; fixed, it starts.
        #expect(city.fed.stop("city") == 0)
        try setPolicy(["appraisal_threshold_percent": 150])
        let refused = try await ProcessRun.run(city.fed.executable, ["node", "--config", configPath], environment: ["XIESHANG_NODE": nil])
        #expect(refused.status == 78 && refused.output.contains("field \"policy\"") && refused.output.contains("policy.values"), "\(refused.output)")
        try setPolicy(["appraisal_threshold_percent": 95, "effective": "2026-04-01"])
        try await city.fed.start("city")
        try await Task.sleep(for: .seconds(1))
        #expect(try await version().0 == 4, "nothing was recorded by the refused start, and the settings applied before record nothing")
    }
}
