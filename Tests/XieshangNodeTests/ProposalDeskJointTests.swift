import Testing
import XieshangDomain
import XieshangTransport

/// Joint proposals 联名提案 on the web (issue 19): a member submits one naming co-signers; each co-signer confirms from
/// their own account on the proposal's page; until then the page and the first proposer's list show whom it awaits.
/// Abuse beside it: a member not named may not confirm (403), a second confirmation is refused with the rule's message,
/// and a co-signer id that names no member of the body (or the proposer) is refused, nothing recorded. The list
/// /records/proposals showing the co-signers reads the node's projection: ``WebRecordPageTests``.
@Suite struct ProposalDeskJointTests {
    static func text(_ r: HTTPResponse) -> String { ProposalDeskTests.text(r) }

    /// M1 submits a joint proposal naming M2 and M3; it awaits both, then M3, then nobody; each confirmation is
    /// recorded as the co-signer, and the confirmed co-signer no longer gets the form.
    @Test func eachCoSignerConfirmsFromTheirOwnAccountAndThePageShowsWhomItAwaits() async throws {
        let site = try ProposalDeskTests.Site()
        let first = try await site.user("zhangming", "member:M1")
        let m2 = try await site.user("lihong", "member:M2")
        let m3 = try await site.user("wangqiang", "member:M3")
        let form = Self.text(await first.get("/proposals/new"))
        #expect(form.contains("name=\"cosigners\"") && form.contains("联名提案"))
        let submitted = await first.post("/proposals/new", [("csrf", await first.csrf("/proposals/new")), ("title", "关于乡村道路的建议"), ("text", "硬化道路"),
                                                             ("kind", "joint"), ("cosigners", "M2、M3"), ("date", "2026-03-02")])
        #expect(submitted.status == 303 && ProposalDeskTests.location(submitted) == "/proposals/WS2026-1", "\(Self.text(submitted).prefix(1500))")
        #expect(site.data.proposal("WS2026-1")?.submission.cosigners == ["M2", "M3"])

        let page = Self.text(await first.get("/proposals/WS2026-1"))
        #expect(page.contains("联名提案") && page.contains("李红（M2）（待确认）、王强（M3）（待确认）") && page.contains("data-awaiting=\"M2,M3\""), "\(page)")
        #expect(!page.contains("data-step=\"cosign\""), "the first proposer does not co-sign")
        #expect(Self.text(await first.get("/proposals")).contains("待附议人确认：李红（M2）、王强（M3）"), "the proposer's list shows whom it awaits")

        let invited = Self.text(await m2.get("/proposals"))
        #expect(invited.contains("data-list=\"invited\"") && invited.contains("WS2026-1"))
        #expect(Self.text(await m2.get("/proposals/WS2026-1")).contains("data-step=\"cosign\""))
        let confirmed = await ProposalDeskTests.act(m2, "cosign", [("id", "WS2026-1"), ("date", "2026-03-03")], from: "/proposals/WS2026-1")
        #expect(confirmed.status == 303 && site.data.proposal("WS2026-1")?.confirmedCosigners == ["M2"], "\(Self.text(confirmed).prefix(1500))")
        let recorded = site.data.recorded.withLock { $0.last.map { (actor: $0.actor, madeBy: $0.madeBy) } }
        #expect(recorded?.actor == .member("M2") && recorded?.madeBy == "user:lihong", "recorded as the co-signer")
        let half = Self.text(await m2.get("/proposals/WS2026-1"))
        #expect(half.contains("李红（M2）（已确认）、王强（M3）（待确认）") && half.contains("data-awaiting=\"M3\"") && !half.contains("data-step=\"cosign\""), "\(half)")

        let last = await ProposalDeskTests.act(m3, "cosign", [("id", "WS2026-1"), ("date", "2026-03-04")], from: "/proposals/WS2026-1")
        #expect(last.status == 303 && site.data.proposal("WS2026-1")?.confirmedCosigners == ["M2", "M3"])
        let done = Self.text(await first.get("/proposals/WS2026-1"))
        #expect(done.contains("王强（M3）（已确认）") && !done.contains("data-awaiting"), "\(done)")
    }

    /// Abuse: a member not named gets 403 on the page and on the post; a second confirmation is refused (422, “已确认附议”);
    /// the first proposer's own confirmation is refused by the rule; a co-signer id that is no member of the body, the
    /// proposer named as co-signer, or co-signers on an individual proposal are refused with the form back, nothing
    /// recorded; a confirmation without the CSRF token is refused before any handler.
    @Test func aStrangerATwiceConfirmedCoSignerAndAForgedCoSignerAreRefused() async throws {
        let site = try ProposalDeskTests.Site()
        let first = try await site.user("zhangming", "member:M1")
        let m2 = try await site.user("lihong", "member:M2")
        let stranger = try await site.user("zhaoliu", "member:M3")
        let forged: [([(String, String)], String)] = [
            ([("kind", "joint"), ("cosigners", "M2、M9")], "附议人 M9 不是本组织的在任委员"),
            ([("kind", "joint"), ("cosigners", "M1")], "附议人不能重复，也不能是第一提案人"),
            ([("kind", "joint"), ("cosigners", "M2,M2")], "附议人不能重复"),
            ([("kind", "joint"), ("cosigners", "")], "联名提案至少需要一位附议人"),
            ([("kind", "individual"), ("cosigners", "M2")], "个人提案没有附议人"),
        ]
        for (fields, message) in forged {
            let r = await first.post("/proposals/new", [("csrf", await first.csrf("/proposals/new")), ("title", "关于乡村道路的建议"), ("text", "硬化道路"),
                                                         ("date", "2026-03-02")] + fields)
            #expect(r.status == 422 && Self.text(r).contains("data-refusal") && Self.text(r).contains(message)
                    && Self.text(r).contains("value=\"关于乡村道路的建议\""), "\(fields): \(Self.text(r).prefix(2000))")
        }
        #expect(site.data.count == 0, "no forged co-signer recorded")

        let made = await first.post("/proposals/new", [("csrf", await first.csrf("/proposals/new")), ("id", "J1"), ("title", "联名"), ("text", "正文"),
                                                        ("kind", "joint"), ("cosigners", "M2"), ("date", "2026-03-02")])
        #expect(made.status == 303)
        #expect(await stranger.get("/proposals/J1").status == 403, "a member not named may not open it")
        let before = site.data.count
        let notNamed = await ProposalDeskTests.act(stranger, "cosign", [("id", "J1"), ("date", "2026-03-03")])
        #expect(notNamed.status == 403 && Self.text(notNamed).contains("不属于您"), "\(Self.text(notNamed).prefix(1500))")
        let byProposer = await ProposalDeskTests.act(first, "cosign", [("id", "J1"), ("date", "2026-03-03")])
        #expect(byProposer.status == 422 && Self.text(byProposer).contains("M1 不在本提案的附议人名单中"), "\(Self.text(byProposer).prefix(1500))")
        let tokenless = await m2.post("/proposals/act/cosign", [("id", "J1"), ("date", "2026-03-03")])
        #expect(tokenless.status == 403 && Self.text(tokenless).contains("CSRF"))
        #expect(site.data.count == before)

        #expect(await ProposalDeskTests.act(m2, "cosign", [("id", "J1"), ("date", "2026-03-03")]).status == 303)
        let twice = await ProposalDeskTests.act(m2, "cosign", [("id", "J1"), ("date", "2026-03-04")])
        #expect(twice.status == 422 && Self.text(twice).contains("data-refusal") && Self.text(twice).contains("M2 已确认附议"), "\(Self.text(twice).prefix(1500))")
        #expect(site.data.count == before + 1 && site.data.proposal("J1")?.confirmedCosigners == ["M2"])
    }
}
