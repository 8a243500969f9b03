import Foundation
import Synchronization
import Testing
import XieshangAccounts
import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The proposal desk without a socket (issue 19 items 1–3): ``WebSite``'s routes behind ``AccountsGate`` over a real
/// ``AccountBook``, and a node whose recording path is the domain's own rules on a ``DomainState`` (all or nothing, the
/// rule's message on a refusal) — so every step the pages post is checked by the rules the CLI's commands meet. Each
/// role in its own browser session; abuse of every new route and form beside its happy path.
@Suite struct ProposalDeskTests {
    static let body = XieshangDomain.BodyInfo(id: "cn.test.county", name: "测试县政协", tier: "county", parent: "cn.test")

    /// A node's records: the domain state, changed only by commands its rules accept, and who recorded what.
    final class Records: WebData, @unchecked Sendable {
        let state: Mutex<DomainState>
        let recorded = Mutex<[(commands: [DomainEvent], actor: Actor, madeBy: String)]>([])
        init() throws {
            var s = DomainState(body: ProposalDeskTests.body)
            for (id, name) in [("M1", "张明"), ("M2", "李红"), ("M3", "王强")] {
                _ = try s.record(DomainEvent.member(MemberRecorded(memberID: id, name: name, sector: "经济界", body: ProposalDeskTests.body.id, term: 1,
                                                        effective: try Day(parsing: "2025-01-01", field: "d"))), by: XieshangDomain.Actor.office)
            }
            state = Mutex(s)
        }
        func status() async -> StatusResponse? {
            var s = StatusResponse()
            s.nodeId = ProposalDeskTests.body.id
            s.name = ProposalDeskTests.body.name
            s.tier = "county"
            return s
        }
        func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> { .failure(.unavailable("none")) }
        func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> { .success(RecordListing(columns: kind.columns, rows: [])) }
        func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> { .success([]) }
        func domainState() async -> Result<DomainState, WebDataError> { .success(state.withLock { $0 }) }
        func opinionReports() async -> Result<[OpinionReport], WebDataError> {
            .success(state.withLock { $0.opinions.values.sorted { $0.key.originReportID < $1.key.originReportID } })
        }
        func record(_ commands: [DomainEvent], actor: Actor, madeBy: String) async -> Result<RecordOutcome, WebDataError> {
            do {
                try state.withLock { (s: inout DomainState) throws in
                    var next = s
                    for c in commands { _ = try next.record(c, by: actor) }
                    s = next
                }
            } catch {
                return .failure(.unavailable("refused at \(ProposalDeskTests.body.id): \(error)"))
            }
            recorded.withLock { $0.append((commands, actor, madeBy)) }
            return .success(.recorded(seqs: [1]))
        }
        var count: Int { recorded.withLock { $0.count } }
        func proposal(_ id: String) -> Proposal? { state.withLock { $0.proposals[id] } }
    }

    /// A node's book and routes.
    final class Site: @unchecked Sendable {
        let directory = NSTemporaryDirectory() + "xs-desk-\(UUID().uuidString.prefix(8))"
        let book: AccountBook
        let data: Records
        let routes: HTTPRoutes
        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = try Store(path: directory + "/node.db")
            var c = AccountsConfiguration()
            c.scrypt = ScryptParameters(n: 16, r: 1, p: 1)
            book = try AccountBook(databasePath: directory + "/node.db", configuration: c, clock: ManualClock(startMs: WebLoginTests.start))
            data = try Records()
            routes = WebSite.routes(data, gate: AccountsGate(book: book), accounts: book)
        }
        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// A user with `role`, signed in (password changed) in a browser of their own.
        func user(_ name: String, _ role: String) async throws -> Browser {
            _ = try await book.addUser(username: name, displayName: name, role: role, initialPassword: "Initial-Pass-1", actor: "os:test", source: "admin")
            let b = Browser(routes: routes)
            let login = await b.post("/login", [("username", name), ("password", "Initial-Pass-1"), ("next", "/")])
            #expect(login.status == 303, "login of \(name)")
            let changed = await b.post("/password", [("csrf", await b.csrf()), ("current", "Initial-Pass-1"), ("new", "Changed-Pass-2"),
                                                     ("confirm", "Changed-Pass-2")])
            #expect(changed.status == 303, "password of \(name)")
            return b
        }
    }

    typealias Browser = WebLoginTests.Browser

    static func text(_ r: HTTPResponse) -> String { String(decoding: r.body, as: UTF8.self) }
    static func location(_ r: HTTPResponse) -> String? { r.headers.first { $0.0 == "location" }?.1 }

    /// Posts a step's form with the session's CSRF token (read from the page `from`).
    static func act(_ b: Browser, _ step: String, _ form: [(String, String)], from: String = "/proposals") async -> HTTPResponse {
        await b.post("/proposals/act/" + step, [("csrf", await b.csrf(from))] + form)
    }

    /// The whole life on the desk, five users in five sessions: a member submits a joint proposal online (channel web,
    /// actor the member; the title's markup shown as text), the co-signer confirms from their own account, the
    /// committee registers it and assigns a lead and a co-handling unit, the co-handling unit gives its opinion, the lead
    /// unit replies (its name from the session, whatever the form says), the member rates it, the committee closes it;
    /// each page shows only the forms its role may use, and the duty record counts the proposal.
    @Test func fiveUsersMoveAProposalFromSubmissionToClosing() async throws {
        let site = try Site()
        let member = try await site.user("zhangming", "member:M1")
        let cosigner = try await site.user("lihong", "member:M2")
        let committee = try await site.user("tiwei", "committee")
        let lead = try await site.user("jiaotong", "unit:交通局")
        let co = try await site.user("caizheng", "unit:财政局")

        let form = await member.get("/proposals/new")
        #expect(form.status == 200 && Self.text(form).contains("网上提交") && !Self.text(form).contains("name=\"by\""), "a member submits as themselves")
        let submitted = await member.post("/proposals/new", [("csrf", await member.csrf("/proposals/new")), ("title", "<script>alert(1)</script>关于公交的建议"),
                                                              ("text", "增开线路"), ("kind", "joint"), ("cosigners", "M2"), ("date", "2026-03-02")])
        #expect(submitted.status == 303 && Self.location(submitted) == "/proposals/WS2026-1", "\(Self.text(submitted).prefix(2000))")
        let first = site.data.recorded.withLock { $0.last }
        #expect(first?.actor == .member("M1") && first?.madeBy == "user:zhangming")
        if case .proposal(let e)? = first?.commands.first, case .submitted(let s) = e.step {
            #expect(s.channel == .web && s.firstProposer == "M1" && s.cosigners == ["M2"])
        } else { Issue.record("no submission recorded") }
        let mine = Self.text(await member.get("/proposals"))
        #expect(mine.contains("&lt;script&gt;alert(1)&lt;/script&gt;关于公交的建议") && !mine.contains("<script>"), "the title as text")

        let invited = Self.text(await cosigner.get("/proposals"))
        #expect(invited.contains("data-list=\"invited\"") && invited.contains("WS2026-1"), "the co-signer is invited")
        let cosigned = await Self.act(cosigner, "cosign", [("id", "WS2026-1"), ("date", "2026-03-03")])
        #expect(cosigned.status == 303 && site.data.proposal("WS2026-1")?.confirmedCosigners == ["M2"], "\(Self.text(cosigned).prefix(1500))")

        let queue = Self.text(await committee.get("/proposals"))
        #expect(queue.contains("待审查（1）") && queue.contains("WS2026-1"), "the intake queue")
        let page = Self.text(await committee.get("/proposals/WS2026-1"))
        #expect(page.contains("data-step=\"review-register\"") && page.contains("data-step=\"review-reject\"") && !page.contains("data-step=\"reply\""))
        let registered = await Self.act(committee, "review", [("id", "WS2026-1"), ("decision", "register"), ("number", "2026-001"), ("date", "2026-03-10")])
        #expect(registered.status == 303 && site.data.proposal("WS2026-1")?.status == .registered, "\(Self.text(registered).prefix(1500))")
        let assigned = await Self.act(committee, "assign", [("id", "WS2026-1"), ("mode", "lead"), ("lead", "交通局"), ("co", "财政局"),
                                                           ("due", "2026-06-10"), ("date", "2026-03-11")])
        #expect(assigned.status == 303 && site.data.proposal("WS2026-1")?.due?.description == "2026-06-10", "\(Self.text(assigned).prefix(1500))")
        #expect(site.data.recorded.withLock { $0.last?.actor } == .committee)

        let early = await Self.act(lead, "reply", [("id", "WS2026-1"), ("class", "A"), ("text", "已增开"), ("date", "2026-04-01")])
        #expect(early.status == 422 && Self.text(early).contains("data-refusal") && Self.text(early).contains("会办单位尚未提出会办意见"),
                "the rule's message, nothing recorded: \(Self.text(early).prefix(3000))")
        #expect(Self.text(early).contains("<textarea name=\"text\">已增开</textarea>"), "what was typed is kept")
        let opinion = await Self.act(co, "opinion", [("id", "WS2026-1"), ("text", "同意安排资金"), ("date", "2026-03-20")])
        #expect(opinion.status == 303, "\(Self.text(opinion).prefix(1500))")
        let replied = await Self.act(lead, "reply", [("id", "WS2026-1"), ("unit", "财政局"), ("class", "A"), ("text", "已增开 3 条线路"), ("date", "2026-04-01")])
        #expect(replied.status == 303 && site.data.proposal("WS2026-1")?.replies.first?.unit == "交通局", "the unit is the session's: \(Self.text(replied).prefix(1500))")

        let rate = Self.text(await member.get("/proposals/WS2026-1"))
        #expect(rate.contains("data-step=\"evaluate\"") && rate.contains("已增开 3 条线路"))
        let rated = await Self.act(member, "evaluate", [("id", "WS2026-1"), ("rating", "satisfied"), ("date", "2026-04-05")])
        #expect(rated.status == 303 && site.data.proposal("WS2026-1")?.status == .evaluated, "\(Self.text(rated).prefix(1500))")
        let closed = await Self.act(committee, "close", [("id", "WS2026-1"), ("date", "2026-04-10")])
        #expect(closed.status == 303 && site.data.proposal("WS2026-1")?.status == .closed, "\(Self.text(closed).prefix(1500))")
        #expect(site.data.count == 8, "eight steps recorded, the refused one not")

        let duty = Self.text(await member.get("/duty", query: "year=2026"))
        #expect(duty.contains("张明（M1）2026 年履职档案") && duty.contains("提案 1 件（至少 1 件）：已完成") && duty.contains("proposal:WS2026-1"), "\(duty)")
        let units = await committee.get("/proposals/units", query: "period=2026")
        #expect(units.status == 200 && Self.text(units).contains("data-unit=\"交通局\""), "\(Self.text(units).prefix(2000))")
        let csv = await committee.get("/proposals/units.csv", query: "period=2026")
        #expect(csv.status == 200 && csv.body.starts(with: [0xEF, 0xBB, 0xBF]) && Self.text(csv).contains("\n交通局,1,") && Self.text(csv).contains(",1,0,0,100.0%,1,0,0,1,0,0,100.0%"), "\(Self.text(csv))")
    }

    /// A unit sees only its own assignments: another unit's proposal is 403 by URL and by post; its list flags the
    /// overdue ones; past the objection window it has no objection form and a forged post is refused by the rule.
    @Test func aUnitSeesOnlyItsOwnAndItsOverdueItemsFlagged() async throws {
        let site = try Site()
        let member = try await site.user("mem1", "member:M1")
        let committee = try await site.user("com1", "committee")
        let water = try await site.user("shuiwu", "unit:水务局")
        let farm = try await site.user("nongye", "unit:农业局")
        for (id, unit, due) in [("P-A", "水务局", "2025-05-01"), ("P-B", "农业局", "")] {
            let s = await member.post("/proposals/new", [("csrf", await member.csrf("/proposals/new")), ("id", id), ("title", "提案\(id)"), ("text", "正文"),
                                                         ("date", "2025-01-05")])
            #expect(s.status == 303, "\(Self.text(s).prefix(800))")
            _ = await Self.act(committee, "review", [("id", id), ("decision", "register"), ("number", id), ("date", "2025-01-10")])
            // P-B is assigned today (the date field left empty): due in the policy's three months, not overdue.
            let a = await Self.act(committee, "assign", [("id", id), ("lead", unit), ("due", due), ("date", due.isEmpty ? "" : "2025-01-11")])
            #expect(a.status == 303, "\(Self.text(a).prefix(1500))")
        }
        let mine = Self.text(await water.get("/proposals"))
        #expect(mine.contains("data-overdue-count=\"1\"") && mine.contains("data-overdue>已逾期") && mine.contains("P-A") && !mine.contains("P-B"), "\(mine)")
        let other = await water.get("/proposals/P-B")
        #expect(other.status == 403 && Self.text(other).contains("无权查看"), "another unit's proposal by URL")
        let forged = await Self.act(water, "reply", [("id", "P-B"), ("class", "A"), ("text", "越权答复")])
        #expect(forged.status == 403 && site.data.proposal("P-B")?.replies.isEmpty == true)
        #expect(await farm.get("/proposals/P-A").status == 403)
        let page = Self.text(await water.get("/proposals/P-A"))
        #expect(page.contains("data-step=\"reply\"") && !page.contains("data-step=\"object\""), "past the objection window: no objection form")
        let late = await Self.act(water, "object", [("id", "P-A"), ("reason", "不属于本单位职责")])
        #expect(late.status == 422 && Self.text(late).contains("异议期已过"), "\(Self.text(late).prefix(1500))")
        let committeeDesk = Self.text(await committee.get("/proposals"))
        #expect(committeeDesk.contains("逾期未答复的提案 1 件"))
        #expect(await water.get("/proposals/NONE").status == 404)
    }

    /// Abuse of the new routes and forms: wrong roles get 403 (a clerk or viewer on the desk, a unit or member on the
    /// handling table and a committee step, a member on another's duty record); a post without the token or from
    /// another Origin is refused before any handler; bad field values (a date, a count, a rating, a channel, an empty
    /// title) and a rule's refusal show the message with 422 and record nothing.
    @Test func wrongRolesMissingTokensOtherOriginsAndBadFieldsRecordNothing() async throws {
        let site = try Site()
        let member = try await site.user("mem1", "member:M1")
        let committee = try await site.user("com1", "committee")
        let clerk = try await site.user("clk1", "clerk")
        let viewer = try await site.user("vie1", "viewer")
        let unit = try await site.user("uni1", "unit:交通局")
        let made = await member.post("/proposals/new", [("csrf", await member.csrf("/proposals/new")), ("title", "T"), ("text", "x"), ("date", "2026-03-02")])
        #expect(made.status == 303)
        let before = site.data.count

        for (b, path) in [(clerk, "/proposals"), (viewer, "/proposals"), (viewer, "/duty"), (unit, "/proposals/units"), (member, "/proposals/units.csv"),
                          (unit, "/proposals/new"), (clerk, "/proposals/WS2026-1")] {
            let r = await b.get(path)
            #expect(r.status == 403, "\(path): \(r.status)")
        }
        let memberReview = await member.post("/proposals/act/review", [("csrf", await member.csrf("/proposals")), ("id", "WS2026-1"),
                                                                      ("decision", "register"), ("number", "1")])
        #expect(memberReview.status == 403, "a member may not review")
        let unitAssign = await Self.act(unit, "assign", [("id", "WS2026-1"), ("lead", "交通局")])
        #expect(unitAssign.status == 403, "a unit never assigns")
        #expect(await member.get("/duty", query: "member=M2").status == 403, "another member's duty record")

        let tokenless = await committee.post("/proposals/act/review", [("id", "WS2026-1"), ("decision", "register"), ("number", "1")])
        #expect(tokenless.status == 403 && Self.text(tokenless).contains("CSRF"))
        let foreign = await committee.post("/proposals/act/review", [("csrf", await committee.csrf("/proposals")), ("id", "WS2026-1"),
                                                                    ("decision", "register"), ("number", "1")], origin: "https://evil.example")
        #expect(foreign.status == 403 && Self.text(foreign).contains("跨站请求已拒绝"))
        let otherToken = await committee.post("/proposals/act/review", [("csrf", await member.csrf("/proposals")), ("id", "WS2026-1"),
                                                                       ("decision", "register"), ("number", "1")])
        #expect(otherToken.status == 403, "another session's token")

        for (step, form, message) in [("review", [("decision", "register"), ("number", "1"), ("date", "2026-13-01")], "应为 YYYY-MM-DD"),
                                      ("review", [("decision", "nonsense")], "请选择立案、不予立案或并案"),
                                      ("review", [("decision", "register"), ("number", "")], "请填写“立案号”"),
                                      ("review", [("decision", "reject"), ("reason", "no-such-reason"), ("notice", "告知")], "不在本组织规则列出的理由中"),
                                      ("review", [("decision", "register"), ("number", "1"), ("date", "2026-01-01")], "早于提交日期")] {
            let r = await Self.act(committee, step, [("id", "WS2026-1")] + form)
            #expect(r.status == 422 && Self.text(r).contains(message), "\(form): \(Self.text(r).prefix(2500))")
        }
        let badVotes = await Self.act(committee, "appraise", [("id", "WS2026-1"), ("quarter", "2026-Q1"), ("satisfied", "many")])
        #expect(badVotes.status == 422 && Self.text(badVotes).contains("满意票“many”应为不小于 0 的整数"))
        let badRating = await Self.act(member, "evaluate", [("id", "WS2026-1"), ("rating", "great")])
        #expect(badRating.status == 422 && Self.text(badRating).contains("请选择满意、基本满意或不满意"))
        let paperByMember = await member.post("/proposals/new", [("csrf", await member.csrf("/proposals/new")), ("title", ""), ("text", "x")])
        #expect(paperByMember.status == 422 && Self.text(paperByMember).contains("请填写“案由”"))
        let webByCommittee = await committee.post("/proposals/new", [("csrf", await committee.csrf("/proposals/new")), ("by", "M1"), ("channel", "web"),
                                                                     ("title", "T"), ("text", "x")])
        #expect(webByCommittee.status == 422 && Self.text(webByCommittee).contains("网上提案由委员本人提交"))
        let stranger = await committee.post("/proposals/new", [("csrf", await committee.csrf("/proposals/new")), ("by", "M9"), ("channel", "paper"),
                                                               ("title", "<b>纸质</b>"), ("text", "x")])
        #expect(stranger.status == 422 && Self.text(stranger).contains("M9 不是本组织的在任委员") && Self.text(stranger).contains("value=\"&lt;b&gt;纸质&lt;/b&gt;\""),
                "the rule's message, the typed title kept as text")
        let noForm = await committee.send("POST", "/proposals/act/close", form: [], headers: [("origin", WebLoginTests.origin), ("sec-fetch-site", "same-origin")])
        #expect(noForm.status == 403, "no token in an empty form")
        #expect(await committee.get("/proposals/units", query: "period=2026-Q9").status == 400)
        #expect(await member.get("/duty", query: "year=abc").status == 400)
        #expect(site.data.count == before, "nothing was recorded")
        let paper = await committee.post("/proposals/new", [("csrf", await committee.csrf("/proposals/new")), ("by", "M1"), ("channel", "paper"),
                                                            ("title", "纸质提案"), ("text", "x"), ("date", "2026-03-02")])
        #expect(paper.status == 303 && site.data.recorded.withLock { $0.last?.actor } == .committee, "the committee enters a paper proposal")
    }
}
