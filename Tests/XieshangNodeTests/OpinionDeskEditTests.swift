import Testing
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The editing desk's edit 编辑 and a member's opinion report on the web (issue 19): the editor (the office, who runs
/// `/desk`) edits a pending report's title and text, recorded as the office's step signed by the user; a member's report
/// is theirs (the author from the session, whatever the form says) and came in online (channel `web`), which the
/// figures and the member's duty record count. Abuse beside it: editing an adopted or archived report, an empty title,
/// a member on the desk, a post without the CSRF token — each refused, nothing recorded.
@Suite struct OpinionDeskEditTests {
    static let origin = ProposalDeskTests.body.id
    static func text(_ r: HTTPResponse) -> String { ProposalDeskTests.text(r) }
    static func report(_ id: String) -> String { "/desk/report?origin=\(origin)&id=\(id)" }

    /// Posts `form` to `path` with the token of `page`.
    static func post(_ b: ProposalDeskTests.Browser, _ path: String, _ form: [(String, String)], from page: String) async -> HTTPResponse {
        await b.post(path, [("csrf", await b.csrf(page))] + form)
    }

    /// The member's report, posted on the web with another member's id as author.
    static func submit(_ member: ProposalDeskTests.Browser, _ id: String, title: String = "关于农村饮水安全的建议") async -> HTTPResponse {
        await post(member, "/forms/opinion", [("id", id), ("title", title), ("text", "部分村组供水管网老化。"), ("author", "M2"),
                                              ("author_kind", "informant"), ("channel", "paper"), ("date", "2026-03-02")], from: "/forms/opinion")
    }

    /// A member reports online: author the session's member, channel web, counted as web in the figures and in the
    /// member's duty record; the office edits the title and text on the desk, recorded as the office by its user, and
    /// the report's page shows the edit, in 编辑中.
    @Test func theEditorEditsAMembersWebReportBeforeDeciding() async throws {
        let site = try ProposalDeskTests.Site()
        let member = try await site.user("zhangming", "member:M1")
        let office = try await site.user("bangong", "office")
        let form = Self.text(await member.get("/forms/opinion"))
        #expect(form.contains("data-channel=\"web\"") && !form.contains("name=\"author\"") && !form.contains("name=\"channel\""), "\(form)")
        let submitted = await Self.submit(member, "SQ-1")
        #expect(submitted.status == 303, "\(Self.text(submitted).prefix(1500))")
        let key = OpinionKey(originBody: Self.origin, originReportID: "SQ-1")
        let state = try await site.data.domainState().get()
        let r = try #require(state.opinions[key])
        #expect(r.author == "M1" && r.authorKind == .member && r.channel == .web, "the session's member, online: \(r)")
        #expect(site.data.recorded.withLock { $0.last?.actor } == .member("M1"))
        #expect(state.figures(for: try Period.domain("2026")).opinionsByChannel == ["web": 1], "the figures count it as web")
        let duty = Self.text(await member.get("/duty", query: "year=2026"))
        #expect(duty.contains("社情民意信息 1 篇") && duty.contains("opinion:\(Self.origin)/SQ-1"), "\(duty)")

        let desk = Self.text(await office.get("/desk"))
        #expect(desk.contains("关于农村饮水安全的建议") && desk.contains("待处理（1）"))
        let page = Self.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(page.contains("data-edit-form") && page.contains("value=\"关于农村饮水安全的建议\"") && page.contains(">部分村组供水管网老化。</textarea>"), "\(page)")
        let edited = await Self.post(office, "/desk/edit", [("origin", Self.origin), ("id", "SQ-1"), ("title", "关于巩固农村饮水安全的建议"),
                                                            ("text", "部分村组供水管网老化，建议纳入巩固提升工程。"), ("date", "2026-03-05")], from: "/desk")
        #expect(edited.status == 303 && ProposalDeskTests.location(edited) == Self.report("SQ-1"), "\(Self.text(edited).prefix(2000))")
        let after = try await site.data.domainState().get().opinions[key]
        #expect(after?.title == "关于巩固农村饮水安全的建议" && after?.text == "部分村组供水管网老化，建议纳入巩固提升工程。" && after?.status == .editing)
        let step = site.data.recorded.withLock { $0.last.map { (actor: $0.actor, madeBy: $0.madeBy, commands: $0.commands) } }
        #expect(step?.actor == .office && step?.madeBy == "user:bangong", "the editor's step")
        if case .opinion(let e)? = step?.commands.first, case .edited(let text, let title) = e.step {
            #expect(title == "关于巩固农村饮水安全的建议" && text.hasSuffix("巩固提升工程。"))
        } else { Issue.record("no edit recorded: \(String(describing: step?.commands))") }
        let shown = Self.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=SQ-1"))
        #expect(shown.contains("社情民意 · 关于巩固农村饮水安全的建议") && shown.contains("data-status=\"editing\"") && shown.contains("data-edit-form"))
    }

    /// A clerk enters a report received on paper for its author (channel paper); a channel that is none is refused.
    @Test func aClerkEntersAPaperReportNamingItsChannel() async throws {
        let site = try ProposalDeskTests.Site()
        let clerk = try await site.user("wenshu", "clerk")
        let form = Self.text(await clerk.get("/forms/opinion"))
        #expect(form.contains("name=\"author\"") && form.contains("name=\"channel\"") && form.contains("纸质"))
        let bad = await Self.post(clerk, "/forms/opinion", [("id", "SQ-9"), ("title", "标题"), ("text", "正文"), ("author", "M2"), ("channel", "fax")],
                                  from: "/forms/opinion")
        #expect(bad.status == 422 && Self.text(bad).contains("受理渠道“fax”无效") && site.data.count == 0, "\(Self.text(bad).prefix(1500))")
        let paper = await Self.post(clerk, "/forms/opinion", [("id", "SQ-9"), ("title", "标题"), ("text", "正文"), ("author", "M2"), ("channel", "paper"),
                                                             ("date", "2026-03-02")], from: "/forms/opinion")
        #expect(paper.status == 303, "\(Self.text(paper).prefix(1500))")
        let r = try await site.data.domainState().get().opinions[OpinionKey(originBody: Self.origin, originReportID: "SQ-9")]
        #expect(r?.author == "M2" && r?.channel == .paper && site.data.recorded.withLock { $0.last?.actor } == .office)
    }

    /// Abuse: a member may not use the desk (403, page and post); a post without the CSRF token is refused before any
    /// handler; an empty title answers 422 naming it with what was typed kept; an adopted report and an archived one
    /// have no edit form and a forged edit is refused by the rule (422) — nothing recorded.
    @Test func editingADecidedReportAMemberOnTheDeskAndAMissingTokenAreRefused() async throws {
        let site = try ProposalDeskTests.Site()
        let member = try await site.user("zhangming", "member:M1")
        let office = try await site.user("bangong", "office")
        for id in ["SQ-1", "SQ-2", "SQ-3"] { #expect(await Self.submit(member, id, title: "信息\(id)").status == 303) }
        #expect(await Self.post(office, "/desk/adopt", [("origin", Self.origin), ("id", "SQ-2"), ("issue", "2026年第3期")], from: "/desk").status == 303)
        #expect(await Self.post(office, "/desk/archive", [("origin", Self.origin), ("id", "SQ-3"), ("reason", "重复")], from: "/desk").status == 303)
        let before = site.data.count
        func edit(_ b: ProposalDeskTests.Browser, _ id: String, title: String = "新标题", token: Bool = true) async -> HTTPResponse {
            let form = [("origin", Self.origin), ("id", id), ("title", title), ("text", "新正文")]
            return token ? await Self.post(b, "/desk/edit", form, from: "/proposals") : await b.post("/desk/edit", form)
        }
        #expect(await member.get("/desk").status == 403)
        let byMember = await edit(member, "SQ-1")
        #expect(byMember.status == 403 && Self.text(byMember).contains("无权使用此页面"))
        let tokenless = await edit(office, "SQ-1", token: false)
        #expect(tokenless.status == 403 && Self.text(tokenless).contains("CSRF"))
        let untitled = await edit(office, "SQ-1", title: "  ")
        #expect(untitled.status == 422 && Self.text(untitled).contains("请填写“标题”") && Self.text(untitled).contains(">新正文</textarea>"),
                "\(Self.text(untitled).prefix(2500))")
        for id in ["SQ-2", "SQ-3"] {
            let page = Self.text(await office.get("/desk/report", query: "origin=\(Self.origin)&id=\(id)"))
            #expect(!page.contains("data-edit-form"), "\(id): no edit form once decided")
            let r = await edit(office, id)
            #expect(r.status == 422 && Self.text(r).contains("已录用或存档的信息不能再编辑"), "\(id): \(Self.text(r).prefix(2000))")
        }
        #expect(await edit(office, "SQ-404").status == 404)
        #expect(site.data.count == before, "nothing recorded")
        let titles = try await site.data.domainState().get().opinions.values.map(\.title).sorted()
        #expect(titles == ["信息SQ-1", "信息SQ-2", "信息SQ-3"])
    }
}
