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
