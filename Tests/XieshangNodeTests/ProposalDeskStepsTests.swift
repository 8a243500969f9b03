import Testing
import XieshangDomain
import XieshangTransport

/// The committee's and the unit's less common steps on the proposal desk (issue 19): extension 延期, key proposal
/// 重点提案 with its leader's instruction 批示, supervision 督办 whose result reaches the member's page, rehandling
/// 重新办理 and the unit's written explanation 书面说明 after a quarterly appraisal returned its reply. Each step's happy
/// path through the page's form (its CSRF token, the session's role as actor) and its abuse beside it: a role that may
/// not take the step gets 403, a missing or bad field gets the page back (422) with the Chinese message naming it, and
/// nothing is recorded. Same site as ``ProposalDeskTests``: the routes behind the real gate, the domain's own rules.
@Suite struct ProposalDeskStepsTests {
    typealias Site = ProposalDeskTests.Site
    typealias Browser = ProposalDeskTests.Browser

    static func text(_ r: HTTPResponse) -> String { ProposalDeskTests.text(r) }
    static func act(_ b: Browser, _ step: String, _ form: [(String, String)]) async -> HTTPResponse {
        await ProposalDeskTests.act(b, step, form)
    }

    /// A site with a member (M1), the committee and two units, and proposal P1 submitted online by M1, registered on
    /// 2026-03-10 and assigned to 交通局 on 2026-03-11, due 2026-06-10.
    struct Desk {
        let site: Site
        let member: Browser
        let committee: Browser
        let unit: Browser
        let otherUnit: Browser

        init() async throws {
            site = try Site()
            member = try await site.user("zhangming", "member:M1")
            committee = try await site.user("tiwei", "committee")
            unit = try await site.user("jiaotong", "unit:交通局")
            otherUnit = try await site.user("nongye", "unit:农业局")
            let submitted = await member.post("/proposals/new", [("csrf", await member.csrf("/proposals/new")), ("id", "P1"), ("title", "关于公交的建议"),
                                                                  ("text", "增开线路"), ("date", "2026-03-02")])
            #expect(submitted.status == 303, "\(ProposalDeskTests.text(submitted).prefix(1500))")
            for (step, form) in [("review", [("decision", "register"), ("number", "2026-001"), ("date", "2026-03-10")]),
                                 ("assign", [("lead", "交通局"), ("due", "2026-06-10"), ("date", "2026-03-11")])] {
                let r = await ProposalDeskTests.act(committee, step, [("id", "P1")] + form)
                #expect(r.status == 303, "\(step): \(ProposalDeskTests.text(r).prefix(1500))")
            }
        }

        var proposal: Proposal? { site.data.proposal("P1") }

        /// The unit replies (class B) on `date`.
        func reply(_ date: String) async {
            let r = await ProposalDeskTests.act(unit, "reply", [("id", "P1"), ("class", "B"), ("text", "已列入计划"), ("date", date)])
            #expect(r.status == 303, "reply: \(ProposalDeskTests.text(r).prefix(1500))")
        }

        /// Expects each post refused with `status` (and, at 422, the page with `message`), nothing recorded.
        func refused(_ posts: [(Browser, String, [(String, String)], Int, String)], sourceLocation: SourceLocation = #_sourceLocation) async {
            let before = site.data.count
            for (b, step, form, status, message) in posts {
                let r = await ProposalDeskTests.act(b, step, [("id", "P1")] + form)
                let t = ProposalDeskTests.text(r)
                #expect(r.status == status, "\(step) \(form): \(r.status) \(t.prefix(1500))", sourceLocation: sourceLocation)
                if status == 422 {
                    #expect(t.contains("data-refusal") && t.contains(message) && t.contains("data-section=\"steps\""),
                            "\(step) \(form): the form back with “\(message)”: \(t.prefix(3000))", sourceLocation: sourceLocation)
                } else {
                    #expect(t.contains(message), "\(step): \(t.prefix(1500))", sourceLocation: sourceLocation)
                }
            }
            #expect(site.data.count == before, "nothing recorded", sourceLocation: sourceLocation)
        }
    }

    /// 延期: the committee's page offers the extension form on an assigned proposal; posting it with a new due date and
    /// a reason moves the due date, recorded as the committee, and the unit's page shows the new date.
    @Test func theCommitteeExtendsAnAssignedProposal() async throws {
        let d = try await Desk()
        #expect(Self.text(await d.committee.get("/proposals/P1")).contains("data-step=\"extend\""))
        let r = await Self.act(d.committee, "extend", [("id", "P1"), ("due", "2026-08-31"), ("reason", "需跨部门协调"), ("date", "2026-05-20")])
        #expect(r.status == 303 && ProposalDeskTests.location(r) == "/proposals/P1", "\(Self.text(r).prefix(1500))")
        #expect(d.proposal?.due?.description == "2026-08-31")
        #expect(d.site.data.recorded.withLock { $0.last?.actor } == .committee)
        #expect(Self.text(await d.unit.get("/proposals/P1")).contains("2026-08-31"), "the unit sees its new due date")
    }

    /// Extension abuse: a unit or a member may not extend (403); no new date, no reason, a date that is no date, or one
    /// past the policy's six months each answer 422 with the message naming what is wrong.
    @Test func anExtensionByTheWrongRoleOrWithoutItsFieldsRecordsNothing() async throws {
        let d = try await Desk()
        await d.refused([
            (d.unit, "extend", [("due", "2026-08-31"), ("reason", "来不及")], 403, "无权使用此页面"),
            (d.member, "extend", [("due", "2026-08-31"), ("reason", "来不及")], 403, "无权使用此页面"),
            (d.committee, "extend", [("reason", "需协调")], 422, "请填写“新的办理期限”"),
            (d.committee, "extend", [("due", "2026-08-31"), ("reason", "")], 422, "延期须说明理由"),
            (d.committee, "extend", [("due", "2026-08-32"), ("reason", "需协调")], 422, "新的办理期限“2026-08-32”应为 YYYY-MM-DD"),
            (d.committee, "extend", [("due", "2026-12-31"), ("reason", "需协调"), ("date", "2026-05-20")], 422, "延期不得超过交办后 6 个月"),
        ])
        #expect(d.proposal?.due?.description == "2026-06-10")
    }

    /// 重点提案 and 批示: the committee makes P1 a key proposal naming its supervising leader, then records a county
    /// leader's instruction; the member's own page shows both.
    @Test func theCommitteeMakesAKeyProposalAndRecordsTheLeadersInstruction() async throws {
        let d = try await Desk()
        let page = Self.text(await d.committee.get("/proposals/P1"))
        #expect(page.contains("data-step=\"key\"") && page.contains("data-step=\"instruct\"") && !page.contains("data-step=\"supervise\""))
        let key = await Self.act(d.committee, "key", [("id", "P1"), ("supervisor", "王县长"), ("date", "2026-03-12")])
        #expect(key.status == 303 && d.proposal?.supervisor == "王县长", "\(Self.text(key).prefix(1500))")
        let instructed = await Self.act(d.committee, "instruct", [("id", "P1"), ("level", "county"), ("leader", "王县长"),
                                                                ("text", "请交通局抓紧落实"), ("date", "2026-03-15")])
        #expect(instructed.status == 303 && d.proposal?.instructions.first?.instruction.text == "请交通局抓紧落实", "\(Self.text(instructed).prefix(1500))")
        #expect(d.site.data.recorded.withLock { $0.suffix(2).map { $0.actor } } == [.committee, .committee])
        let mine = Self.text(await d.member.get("/proposals/P1"))
        #expect(mine.contains("重点提案·领衔督办") && mine.contains("王县长") && mine.contains("data-section=\"instructions\"")
                && mine.contains("请交通局抓紧落实"), "the member reads the key status and the instruction: \(mine)")
        #expect(!Self.text(await d.committee.get("/proposals/P1")).contains("data-step=\"key\""), "a key proposal is not made one twice")
    }

    /// Key proposal and instruction abuse: a unit or a member may not (403); no leader, an unknown leader level, an
    /// instruction without its text each answer 422 naming the field.
    @Test func aKeyProposalOrInstructionByTheWrongRoleOrWithoutItsFieldsRecordsNothing() async throws {
        let d = try await Desk()
        await d.refused([
            (d.unit, "key", [("supervisor", "王县长")], 403, "无权使用此页面"),
            (d.member, "instruct", [("level", "county"), ("leader", "王县长"), ("text", "批示")], 403, "无权使用此页面"),
            (d.committee, "key", [("supervisor", "  ")], 422, "请填写“领衔督办领导”"),
            (d.committee, "instruct", [("level", "mayor"), ("leader", "王县长"), ("text", "批示")], 422, "领导层级“mayor”无效"),
            (d.committee, "instruct", [("level", "county"), ("leader", "王县长"), ("text", "")], 422, "领导批示须写明领导层级、领导姓名职务和批示内容"),
        ])
        #expect(d.proposal?.supervisor == nil && d.proposal?.instructions.isEmpty == true)
    }

    /// 督办: on a key proposal the committee records progress while it is handled, then, once the unit replied, the
    /// result 已落实 — which the member reads on their own proposal's page.
    @Test func supervisionOfAKeyProposalReachesTheMembersPage() async throws {
        let d = try await Desk()
        #expect(await Self.act(d.committee, "key", [("id", "P1"), ("supervisor", "王县长"), ("date", "2026-03-12")]).status == 303)
        #expect(Self.text(await d.committee.get("/proposals/P1")).contains("data-step=\"supervise\""))
        let progress = await Self.act(d.committee, "supervise", [("id", "P1"), ("outcome", "inProgress"), ("note", "已召开督办会"), ("date", "2026-04-01")])
        #expect(progress.status == 303, "\(Self.text(progress).prefix(1500))")
        await d.reply("2026-05-01")
        let result = await Self.act(d.committee, "supervise", [("id", "P1"), ("outcome", "implemented"), ("note", "夜班线路已开通"), ("date", "2026-05-10")])
        #expect(result.status == 303 && d.proposal?.supervisions.map(\.outcome) == [.inProgress, .implemented], "\(Self.text(result).prefix(1500))")
        let mine = Self.text(await d.member.get("/proposals/P1"))
        #expect(mine.contains("data-section=\"supervisions\"") && mine.contains("督办进展") && mine.contains("已召开督办会")
                && mine.contains("已落实") && mine.contains("夜班线路已开通"), "the member reads the supervision's result: \(mine)")
    }

    /// Supervision abuse: a unit or a member may not (403); a proposal that is not a key one, an unknown outcome, no note,
    /// a result before the unit replied each answer 422 with the rule's or the field's message.
    @Test func supervisionByTheWrongRoleOrWithoutItsFieldsRecordsNothing() async throws {
        let d = try await Desk()
        await d.refused([(d.committee, "supervise", [("outcome", "inProgress"), ("note", "督办")], 422, "不是重点提案")])
        #expect(await Self.act(d.committee, "key", [("id", "P1"), ("supervisor", "王县长"), ("date", "2026-03-12")]).status == 303)
        await d.refused([
            (d.unit, "supervise", [("outcome", "inProgress"), ("note", "自己督办")], 403, "无权使用此页面"),
            (d.member, "supervise", [("outcome", "inProgress"), ("note", "督办")], 403, "无权使用此页面"),
            (d.committee, "supervise", [("outcome", "done"), ("note", "督办")], 422, "督办结果“done”无效"),
            (d.committee, "supervise", [("outcome", "inProgress"), ("note", "")], 422, "督办情况须写明进展或结果"),
            (d.committee, "supervise", [("outcome", "implemented"), ("note", "已落实")], 422, "办理结果（落实情况）须在承办单位答复后登记"),
        ])
        #expect(d.proposal?.supervisions.isEmpty == true)
    }

    /// 退回重办: the member rates the reply 不满意; the committee's page then offers rehandling, and posting it opens
    /// round 2 with its due date; the unit's page offers the reply form again.
    @Test func theCommitteeReturnsAnUnsatisfactoryReplyForRehandling() async throws {
        let d = try await Desk()
        await d.reply("2026-05-01")
        #expect(!Self.text(await d.committee.get("/proposals/P1")).contains("data-step=\"rehandle\""), "no rehandling before a rating")
        #expect(await Self.act(d.member, "evaluate", [("id", "P1"), ("rating", "unsatisfied"), ("date", "2026-05-05")]).status == 303)
        #expect(Self.text(await d.committee.get("/proposals/P1")).contains("data-step=\"rehandle\""))
        let r = await Self.act(d.committee, "rehandle", [("id", "P1"), ("reason", "答复未解决实际问题"), ("due", "2026-07-31"), ("date", "2026-05-08")])
        #expect(r.status == 303 && d.proposal?.status == .assigned && d.proposal?.round == 2 && d.proposal?.due?.description == "2026-07-31",
                "\(Self.text(r).prefix(1500))")
        #expect(d.site.data.recorded.withLock { $0.last?.actor } == .committee)
        let unitPage = Self.text(await d.unit.get("/proposals/P1"))
        #expect(unitPage.contains("第 2 轮（退回重办）") && unitPage.contains("data-step=\"reply\""), "the unit replies again: \(unitPage)")
    }

    /// Rehandling abuse: a unit or a member may not (403); no reason, a due date that is no date, or a proposal nobody
    /// rated 不满意 each answer 422 with the message.
    @Test func rehandlingByTheWrongRoleOrWithoutItsFieldsRecordsNothing() async throws {
        let d = try await Desk()
        await d.reply("2026-05-01")
        #expect(await Self.act(d.member, "evaluate", [("id", "P1"), ("rating", "basicallySatisfied"), ("date", "2026-05-05")]).status == 303)
        await d.refused([(d.committee, "rehandle", [("reason", "再办"), ("date", "2026-05-08")], 422, "只有测评为不满意的提案可以退回重办")])
        let other = try await Desk()
        await other.reply("2026-05-01")
        #expect(await Self.act(other.member, "evaluate", [("id", "P1"), ("rating", "unsatisfied"), ("date", "2026-05-05")]).status == 303)
        await other.refused([
            (other.unit, "rehandle", [("reason", "再办")], 403, "无权使用此页面"),
            (other.member, "rehandle", [("reason", "再办")], 403, "无权使用此页面"),
            (other.committee, "rehandle", [("reason", ""), ("date", "2026-05-08")], 422, "退回重办须说明理由"),
            (other.committee, "rehandle", [("reason", "再办"), ("due", "七月底"), ("date", "2026-05-08")], 422, "重办期限“七月底”应为 YYYY-MM-DD"),
        ])
        #expect(other.proposal?.round == 1 && other.proposal?.status == .evaluated)
    }

    /// 书面说明: the committee's quarterly appraisal finds the reply below the threshold, which returns it; the unit's page
    /// then offers the written explanation, the unit gives it (recorded as the unit) and replies again in round 2.
    @Test func aUnitExplainsInWritingAfterTheAppraisalReturnedItsReply() async throws {
        let d = try await Desk()
        await d.reply("2026-05-01")
        let appraised = await Self.act(d.committee, "appraise", [("id", "P1"), ("quarter", "2026-Q2"), ("satisfied", "2"), ("basic", "1"),
                                                                ("unsatisfied", "7"), ("date", "2026-06-20")])
        #expect(appraised.status == 303 && d.proposal?.appraisalReturn != nil && d.proposal?.round == 2, "\(Self.text(appraised).prefix(1500))")
        let page = Self.text(await d.unit.get("/proposals/P1"))
        #expect(page.contains("data-step=\"explain\"") && page.contains("低于 80%，退回重办"), "\(page)")
        let early = await Self.act(d.unit, "reply", [("id", "P1"), ("class", "A"), ("text", "已解决"), ("date", "2026-06-25")])
        #expect(early.status == 422 && Self.text(early).contains("须先提交书面说明"), "no new reply before the explanation")
        let explained = await Self.act(d.unit, "explain", [("id", "P1"), ("text", "资金未到位，已追加预算"), ("date", "2026-06-25")])
        #expect(explained.status == 303 && d.proposal?.explanations.first?.text == "资金未到位，已追加预算", "\(Self.text(explained).prefix(1500))")
        #expect(d.site.data.recorded.withLock { $0.last?.actor } == .unit("交通局"))
        #expect(Self.text(await d.committee.get("/proposals/P1")).contains("data-section=\"explanations\""), "the committee reads it")
        let again = await Self.act(d.unit, "reply", [("id", "P1"), ("class", "A"), ("text", "已追加预算并开通"), ("date", "2026-06-28")])
        #expect(again.status == 303 && d.proposal?.status == .replied, "\(Self.text(again).prefix(1500))")
    }

    /// Explanation abuse: the committee or a member may not (403), nor another unit (403: not its proposal); an empty
    /// explanation answers 422; before any appraisal returned the reply, the rule refuses it; a second one is refused.
    @Test func anExplanationByTheWrongRoleOrWithoutItsTextRecordsNothing() async throws {
        let d = try await Desk()
        await d.refused([(d.unit, "explain", [("text", "说明")], 422, "无需书面说明")])
        await d.reply("2026-05-01")
        #expect(await Self.act(d.committee, "appraise", [("id", "P1"), ("quarter", "2026-Q2"), ("unsatisfied", "9"), ("satisfied", "1"),
                                                       ("date", "2026-06-20")]).status == 303)
        await d.refused([
            (d.committee, "explain", [("text", "代写说明")], 403, "无权使用此页面"),
            (d.member, "explain", [("text", "说明")], 403, "无权使用此页面"),
            (d.otherUnit, "explain", [("text", "说明")], 403, "不属于您"),
            (d.unit, "explain", [("text", "  ")], 422, "书面说明不能为空"),
        ])
        #expect(await Self.act(d.unit, "explain", [("id", "P1"), ("text", "说明"), ("date", "2026-06-25")]).status == 303)
        await d.refused([(d.unit, "explain", [("text", "再说明一次"), ("date", "2026-06-26")], 422, "交通局 已提交书面说明")])
        #expect(d.proposal?.explanations.count == 1)
    }
}
