import Testing
import XieshangDomain
import XieshangTransport

/// The opinion desk's steps beyond the federation (issue 18 item 2) on the web: the office sends an adopted report to a
/// government department 转送部门 and records the department's handling and result 办理结果, each step the event the CLI's
/// `opinion send-to-department|department-reply` builds; the report's page shows them in its provenance chain. Abuse
/// beside it: an empty department, an unknown result, a reply from a department never sent to, sending up to 省政协 from a
/// body with a parent, an unknown level, a member, a post without the CSRF token — each refused with its message, nothing
/// recorded.
@Suite struct OpinionDeskBeyondTests {
    typealias Edit = OpinionDeskEditTests
    static let origin = Edit.origin
    static let step: [(String, String)] = [("origin", origin), ("id", "SQ-1")]

    /// A desk with a member's pending report SQ-1, and the member's and the office's browsers.
    static func reported() async throws -> (ProposalDeskTests.Site, ProposalDeskTests.Browser, ProposalDeskTests.Browser) {
        let site = try ProposalDeskTests.Site()
        let member = try await site.user("zhangming", "member:M1")
        let office = try await site.user("bangong", "office")
        #expect(await Edit.submit(member, "SQ-1").status == 303)
        return (site, member, office)
    }

    @Test func theOfficeSendsAReportToADepartmentAndRecordsItsReplyOnTheDesk() async throws {
        let (site, _, office) = try await Self.reported()
        let pending = Edit.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(!pending.contains("data-send-department"), "a pending report is not sent to a department")
        #expect(await Edit.post(office, "/desk/adopt", Self.step + [("issue", "2026年第3期"), ("date", "2026-03-05")], from: "/desk").status == 303)
        let adopted = Edit.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(adopted.contains("data-send-department") && !adopted.contains("data-department-reply") && !adopted.contains("data-adopted-above"),
                "an adopted report may go to a department; nothing awaits a reply or an adoption above yet: \(adopted)")

        let sent = await Edit.post(office, "/desk/send-to-department", Self.step + [("department", "县水务局"), ("date", "2026-03-06")], from: "/desk")
        #expect(sent.status == 303 && ProposalDeskTests.location(sent) == Edit.report("SQ-1"), "\(Edit.text(sent).prefix(1500))")
        let waiting = Edit.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(waiting.contains("data-department=\"县水务局\"") && waiting.contains("data-awaiting") && waiting.contains("data-department-reply"),
                "\(waiting)")
        let replied = await Edit.post(office, "/desk/department-reply", Self.step + [("department", "县水务局"), ("result", "partly_adopted"),
                                                                             ("handling", "部分纳入2026年计划"), ("date", "2026-04-01")], from: "/desk")
        #expect(replied.status == 303, "\(Edit.text(replied).prefix(1500))")
        let page = Edit.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(page.contains("data-result=\"partly_adopted\">部分采纳") && page.contains("部分纳入2026年计划") && !page.contains("data-awaiting"), "\(page)")
        let r = try await site.data.domainState().get().opinions[OpinionKey(originBody: Self.origin, originReportID: "SQ-1")]
        #expect(r?.departmentSends.first?.reply?.result == .partlyAdopted && r?.departmentSends.first?.sentOn.description == "2026-03-06")
        let step2 = site.data.recorded.withLock { $0.last.map { (actor: $0.actor, madeBy: $0.madeBy) } }
        #expect(step2?.actor == .office && step2?.madeBy == "user:bangong")
        let f = try await site.data.domainState().get().figures(for: try Period.domain("2026"))
        #expect(f.opinionsToDepartments == 1 && f.opinionsDepartmentPartlyAdopted == 1)
    }

    @Test func badDeskStepsBeyondTheFederationAreRefusedWithTheirMessageAndRecordNothing() async throws {
        let (site, member, office) = try await Self.reported()
        #expect(await Edit.post(office, "/desk/adopt", Self.step + [("issue", "2026年第3期"), ("date", "2026-03-05")], from: "/desk").status == 303)
        #expect(await Edit.post(office, "/desk/send-to-department", Self.step + [("department", "县水务局"), ("date", "2026-03-06")], from: "/desk").status == 303)
        let before = site.data.count
        func refused(_ path: String, _ form: [(String, String)], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) async {
            let r = await Edit.post(office, path, Self.step + form, from: "/desk")
            #expect(r.status == 422 && Edit.text(r).contains(message), "\(path): \(Edit.text(r).prefix(2500))", sourceLocation: sourceLocation)
        }
        await refused("/desk/send-to-department", [("department", "  ")], "请填写“部门名称”")
        await refused("/desk/send-to-department", [("department", "县水务局")], "该信息已转送 县水务局")
        await refused("/desk/department-reply", [("department", "县水务局"), ("result", "很好"), ("handling", "说明")], "办理结果须为已采纳、部分采纳、留作参考、未采纳之一")
        await refused("/desk/department-reply", [("department", "县水务局"), ("result", "adopted"), ("handling", "")], "请填写“办理情况”")
        await refused("/desk/department-reply", [("department", "县农业农村局"), ("result", "adopted"), ("handling", "说明")], "该信息未转送 县农业农村局")
        await refused("/desk/send-up", [("level", "province")], "只能报送上级")
        await refused("/desk/send-up", [("level", "市政协")], "报送对象须为省政协或全国政协")
        await refused("/desk/adopted-above", [("level", "province"), ("issue", "第1期")], "该信息未报送省政协")
        let byMember = await Edit.post(member, "/desk/send-to-department", Self.step + [("department", "县教育局")], from: "/forms/opinion")
        #expect(byMember.status == 403)
        let tokenless = await office.post("/desk/department-reply", Self.step + [("department", "县水务局"), ("result", "adopted"), ("handling", "说明")])
        #expect(tokenless.status == 403 && Edit.text(tokenless).contains("CSRF"))
        let unknown = await Edit.post(office, "/desk/send-to-department", [("origin", Self.origin), ("id", "SQ-404"), ("department", "县水务局")], from: "/desk")
        #expect(unknown.status == 404)
        #expect(site.data.count == before, "nothing recorded")
        let r = try await site.data.domainState().get().opinions[OpinionKey(originBody: Self.origin, originReportID: "SQ-1")]
        #expect(r?.departmentSends.map(\.department) == ["县水务局"] && r?.departmentSends.first?.reply == nil && r?.aboveSends.isEmpty == true)
    }
}
