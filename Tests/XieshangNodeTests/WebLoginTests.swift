import Foundation
import Synchronization
import Testing
import XieshangAccounts
import XieshangDomain
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The web's accounts gate without a socket (issue 17 items 3 and 4): the routes of ``WebSite`` behind
/// ``AccountsGate`` over a real ``AccountBook`` (a real SQLite file, a manual clock, small scrypt parameters), driven
/// like a browser: cookies from `Set-Cookie`, CSRF tokens from the forms, `Origin` on every post.
@Suite struct WebLoginTests {
    static let origin = "https://town.test:8443"
    static let start: Int64 = 1_772_413_200_000

    /// The node's answers: a fixed status and empty lists; `record` keeps what it was asked, refusing a command whose
    /// topic holds 拒绝 with a rule's message (as the node's rules answer).
    final class Data: WebData, @unchecked Sendable {
        let recorded = Mutex<[(commands: [DomainEvent], actor: Actor)]>([])
        /// Answers as a fenced node does: every accepted command queued (under number 7), none recorded.
        let fenced = Mutex(false)
        func status() async -> StatusResponse? {
            var s = StatusResponse()
            s.nodeId = "cn.test.town"
            s.name = "测试镇政协"
            s.tier = "township"
            return s
        }
        func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> { .failure(.unavailable("none")) }
        func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> {
            guard kind.key == "proposals" else { return .success(RecordListing(columns: kind.columns, rows: [])) }
            return .success(RecordListing(columns: kind.columns + ["units"], rows: [
                ["id": "TA-1", "title": "交通提案", "first_proposer": "M1", "lead_unit": "交通局", "units": "交通局"],
                ["id": "TA-2", "title": "农业提案", "first_proposer": "M2", "lead_unit": "农业局", "units": "农业局、交通局<b>"],
                ["id": "TA-3", "title": "会办提案", "first_proposer": "M2", "lead_unit": "", "units": "水务局、交通局"],
            ]))
        }
        func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> { .success([]) }
        func record(_ commands: [DomainEvent], actor: Actor, madeBy: String) async -> Result<RecordOutcome, WebDataError> {
            if case .activity(let a) = commands.first, a.topic.contains("拒绝") {
                return .failure(.unavailable("refused at cn.test.town: [activity.plan] 计划事项不存在 (no such plan item)"))
            }
            if fenced.withLock({ $0 }) { return .success(.queued(7)) }
            recorded.withLock { $0.append((commands, actor)) }
            return .success(.recorded(seqs: [1]))
        }
        var count: Int { recorded.withLock { $0.count } }
        func version() -> String { "xieshang test" }
    }

    /// A node's book and routes, and a browser's cookie jar.
    final class Site: @unchecked Sendable {
        let directory = NSTemporaryDirectory() + "xs-weblogin-\(UUID().uuidString.prefix(8))"
        let clock = ManualClock(startMs: WebLoginTests.start)
        let book: AccountBook
        let data = Data()
        let routes: HTTPRoutes

        init(idleMs: Int64? = nil) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = try Store(path: directory + "/node.db")
            var c = AccountsConfiguration()
            c.scrypt = ScryptParameters(n: 16, r: 1, p: 1)
            if let idleMs { c.sessionIdleMs = idleMs }
            book = try AccountBook(databasePath: directory + "/node.db", configuration: c, clock: clock)
            routes = WebSite.routes(data, gate: AccountsGate(book: book), accounts: book)
        }
        deinit { try? FileManager.default.removeItem(atPath: directory) }

        func add(_ name: String, role: String, password: String = "Initial-Pass-1") async throws {
            _ = try await book.addUser(username: name, displayName: "李文书", role: role, initialPassword: password, actor: "os:test", source: "admin")
        }

        func audit() async throws -> [AuditRecord] { try await book.auditRecords() }
    }

    /// One browser: its cookie, the last page.
    final class Browser: @unchecked Sendable {
        let routes: HTTPRoutes
        var cookie: String?
        let peer: String
        init(_ site: Site, peer: String = "10.0.0.7") {
            self.routes = site.routes
            self.peer = peer
        }
        /// A browser of any node's routes (ProposalDeskTests).
        init(routes: HTTPRoutes) {
            self.routes = routes
            self.peer = "10.0.0.9"
        }

        func send(_ method: String, _ path: String, query: String = "", form: [(String, String)] = [], headers: [(String, String)] = []) async -> HTTPResponse {
            var h = headers
            if let cookie { h.append(("cookie", cookie)) }
            if method == "POST" { h.append(("content-type", "application/x-www-form-urlencoded")) }
            let body = form.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&")
            let r = await routes.respond(HTTPRequest(method: method, path: path, rawQuery: query, headers: h, authority: "town.test:8443",
                                                          body: Array(body.utf8), peer: peer))
            if let set = r.headers.first(where: { $0.0 == "set-cookie" })?.1, let pair = set.split(separator: ";").first {
                cookie = pair.hasSuffix("=") ? nil : String(pair)
            }
            return r
        }
        func get(_ path: String, query: String = "") async -> HTTPResponse { await send("GET", path, query: query) }
        /// A same-origin post as Chromium sends it.
        func post(_ path: String, _ form: [(String, String)], origin: String = WebLoginTests.origin) async -> HTTPResponse {
            await send("POST", path, form: form, headers: [("origin", origin), ("sec-fetch-site", "same-origin")])
        }
        /// The CSRF token in the page at `path`.
        func csrf(_ path: String = "/password") async -> String {
            WebLoginTests.csrf(in: await get(path))
        }
        /// Logs in and changes the initial password; the browser holds the new session's cookie.
        func signIn(_ name: String, password: String = "Initial-Pass-1", final: String = "Changed-Pass-2") async throws {
            let login = await post("/login", [("username", name), ("password", password), ("next", "/")])
            #expect(login.status == 303, "login of \(name): \(pageText(login))")
            if pageLocation(login) == "/password" {
                let changed = await post("/password", [("csrf", await csrf()), ("current", password), ("new", final), ("confirm", final)])
                #expect(changed.status == 303 && pageLocation(changed) == "/", "\(pageText(changed))")
            }
        }
    }

    /// The token's text with its last character's unused low bits set (same bytes under a lax decoder).
    static func nonCanonical(_ token: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard let last = token.last, let i = alphabet.firstIndex(of: last) else { return token }
        return String(token.dropLast()) + String(alphabet[i | 1 == i ? i ^ 2 : i | 1])
    }

    static func csrf(in r: HTTPResponse) -> String {
        let html = pageText(r)
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return "" }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static let activityForm: [(String, String)] = [("id", "HD-1"), ("kind", "consultation"), ("form", "pleaseCome"), ("date", "2026-03-02"),
                                                   ("topic", "农村人居环境"), ("participants", "32"), ("suggestions", "建议一\r\n建议二")]

    /// A clerk made with an initial password is sent to the login page, then (signed in) to the password page until
    /// the password is changed; the old session ends with the change; the activity form records through the node's
    /// path as the office (the clerk's domain actor), with a suggestion per line, redirects to the record's page, and
    /// the audit trail holds the login, the change and the record under the clerk's name.
    @Test func clerkSignsInChangesThePasswordAndRecordsAnActivity() async throws {
        let site = try Site()
        try await site.add("clerk1", role: "clerk")
        let b = Browser(site)
        let first = await b.get("/forms/activity")
        #expect(first.status == 303 && pageLocation(first) == "/login?next=%2Fforms%2Factivity", "\(first.headers)")
        let login = await b.post("/login", [("username", "clerk1"), ("password", "Initial-Pass-1"), ("next", "/forms/activity")])
        #expect(login.status == 303 && pageLocation(login) == "/password")
        let setCookie = login.headers.first { $0.0 == "set-cookie" }?.1 ?? ""
        #expect(setCookie.hasPrefix("__Host-xs_session=") && setCookie.contains("Secure") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        let firstCookie = b.cookie
        #expect(pageLocation(await b.get("/forms/activity")) == "/password", "must change the password first")
        let weak = await b.post("/password", [("csrf", await b.csrf()), ("current", "Initial-Pass-1"), ("new", "short"), ("confirm", "short")])
        #expect(weak.status == 422 && pageText(weak).contains("class=\"error\""), "a weak password is refused with the rules")
        let changed = await b.post("/password", [("csrf", await b.csrf()), ("current", "Initial-Pass-1"), ("new", "Changed-Pass-2"), ("confirm", "Changed-Pass-2")])
        #expect(changed.status == 303 && b.cookie != firstCookie)
        let old = Browser(site)
        old.cookie = firstCookie
        #expect(pageLocation(await old.get("/forms/activity"))?.hasPrefix("/login") == true, "the session before the change ended")

        let form = await b.get("/forms/activity")
        #expect(form.status == 200 && pageText(form).contains("name=\"csrf\"") && pageText(form).contains("退出"))
        let posted = await b.post("/forms/activity", [("csrf", Self.csrf(in: form))] + Self.activityForm)
        #expect(posted.status == 303 && pageLocation(posted) == "/records/activities/HD-1", "\(pageText(posted))")
        let recorded = site.data.recorded.withLock { $0 }
        #expect(recorded.count == 1 && recorded.first?.actor == .office && recorded.first?.commands.count == 3, "activity + 2 suggestions as office")
        if case .suggestion(let s)? = recorded.first?.commands.last { #expect(s.suggestionID == "HD-1-JY2") } else { Issue.record("no suggestion") }
        let events = try await site.audit().map { "\($0.event.rawValue):\($0.username):\($0.succeeded)" }
        for row in ["login:clerk1:true", "password_changed:clerk1:false", "password_changed:clerk1:true", "recorded:clerk1:true"] {
            #expect(events.contains(row), "audit holds \(row): \(events)")
        }
        let out = await b.post("/logout", [("csrf", Self.csrf(in: await b.get("/forms/activity")))])
        #expect(out.status == 303 && pageLocation(out) == "/login" && b.cookie == nil)
        #expect(try await site.audit().contains { $0.event == .logout && $0.username == "clerk1" })
    }

    /// Issue 17, a form posted while the node is fenced: `DomainSubmit.record` queues the commands (no seqs), but the
    /// form redirected to the record's page, which does not exist until the queue is originated. Now the form answers
    /// the 已排队 page (202) saying the record waits for the parent and will be recorded in order, with a link back to
    /// the form, and the audit row says queued.
    @Test func aFormPostedWhileFencedShowsTheQueuedPage() async throws {
        let site = try Site()
        site.data.fenced.withLock { $0 = true }
        try await site.add("clerk1", role: "clerk")
        let b = Browser(site)
        try await b.signIn("clerk1")
        let posted = await b.post("/forms/activity", [("csrf", await b.csrf("/forms/activity"))] + Self.activityForm)
        let html = pageText(posted)
        #expect(posted.status == 202 && pageLocation(posted) == nil, "no redirect to a record page that does not exist: \(posted.status)")
        #expect(html.contains("已排队") && html.contains("HD-1") && html.contains("排队号 7") && html.contains("上级"), "\(html)")
        #expect(html.contains("href=\"/forms/activity\""), "a link back to the form")
        #expect(!html.contains("/records/activities/HD-1"))
        let row = try await site.audit().last { $0.event == .recorded }
        #expect(row?.username == "clerk1" && row?.succeeded == true && row?.detail.contains("queued") == true, "\(String(describing: row))")
    }

    /// Abuse of a form post: no CSRF token, another session's token, another Origin, `Sec-Fetch-Site: cross-site`,
    /// neither header, and a post without a session — each refused 403 with its reason before the handler, and
    /// nothing is recorded.
    @Test func postsWithoutTheTokenOrFromAnotherOriginAreRefusedAndRecordNothing() async throws {
        let site = try Site()
        try await site.add("clerk1", role: "clerk")
        try await site.add("clerk2", role: "clerk")
        let a = Browser(site), other = Browser(site)
        try await a.signIn("clerk1")
        try await other.signIn("clerk2")
        let mine = await a.csrf("/forms/activity"), theirs = await other.csrf("/forms/activity")
        #expect(!mine.isEmpty && mine != theirs)
        let cases: [(String, HTTPResponse)] = [
            ("no token", await a.post("/forms/activity", Self.activityForm)),
            ("another session's token", await a.post("/forms/activity", [("csrf", theirs)] + Self.activityForm)),
            ("a tampered token", await a.post("/forms/activity", [("csrf", (mine.hasPrefix("A") ? "B" : "A") + mine.dropFirst())] + Self.activityForm)),
            // Finding: the last character of a 43-character token carries two unused bits, and the decoder ignored
            // them, so a second text ("…A" → "…B") named the same token; only the canonical text is accepted now.
            ("a non-canonical token", await a.post("/forms/activity", [("csrf", Self.nonCanonical(mine))] + Self.activityForm)),
            ("another Origin", await a.post("/forms/activity", [("csrf", mine)] + Self.activityForm, origin: "https://evil.test")),
            ("cross-site fetch", await a.send("POST", "/forms/activity", form: [("csrf", mine)] + Self.activityForm,
                                              headers: [("origin", Self.origin), ("sec-fetch-site", "cross-site")])),
            ("no Origin, no Sec-Fetch-Site", await a.send("POST", "/forms/activity", form: [("csrf", mine)] + Self.activityForm)),
            ("no session", await Browser(site).post("/forms/activity", [("csrf", mine)] + Self.activityForm)),
            ("login from another Origin", await Browser(site).post("/login", [("username", "clerk1"), ("password", "Changed-Pass-2")], origin: "null")),
        ]
        for (what, r) in cases {
            #expect(r.status == 403 && pageText(r).contains("403 禁止访问") && pageText(r).contains("data-reason="), "\(what): \(r.status)")
        }
        #expect(site.data.count == 0, "nothing was recorded")
        #expect(await a.post("/forms/activity", [("csrf", mine)] + Self.activityForm).status == 303, "the same post with token and origin records")
    }

    /// Cookies that are not a live session of this node: tampered, made by another node's book (a session there is
    /// nothing here), two session cookies at once, garbage — all sent to the login page, none admitted.
    @Test func tamperedOrForeignSessionCookiesAreNotAdmitted() async throws {
        let site = try Site(), otherNode = try Site()
        try await site.add("clerk1", role: "clerk")
        try await otherNode.add("clerk1", role: "clerk")
        let here = Browser(site), there = Browser(otherNode)
        try await here.signIn("clerk1")
        try await there.signIn("clerk1")
        #expect(await here.get("/forms/activity").status == 200)
        let good = here.cookie ?? ""
        let value = String(good.dropFirst(SessionCookie.name.count + 1))
        let flipped = (value.hasPrefix("A") ? "B" : "A") + value.dropFirst()
        for (what, cookie) in [("tampered", SessionCookie.name + "=" + flipped), ("non-canonical", SessionCookie.name + "=" + Self.nonCanonical(value)), ("another node's", there.cookie ?? ""),
                               ("two session cookies", good + "; " + (there.cookie ?? "")), ("garbage", SessionCookie.name + "=<script>"),
                               ("another name", "xs_session=" + value)] {
            let b = Browser(site)
            b.cookie = cookie
            let r = await b.get("/forms/activity")
            #expect(r.status == 303 && pageLocation(r)?.hasPrefix("/login") == true, "\(what): \(r.status)")
        }
    }

    /// A viewer (leader) reads figures but gets a Chinese 403 on an entry form, GET or POST, and on the IT and audit
    /// pages; a clerk may not open the IT page or the audit either; the office may, and downloads the audit CSV
    /// (which is itself audited).
    @Test func rolesMapToCapabilities() async throws {
        let site = try Site()
        try await site.add("leader", role: "viewer")
        try await site.add("clerk1", role: "clerk")
        try await site.add("office1", role: "office")
        let viewer = Browser(site), clerk = Browser(site), office = Browser(site)
        try await viewer.signIn("leader")
        try await clerk.signIn("clerk1")
        try await office.signIn("office1")
        let form = await viewer.get("/forms/activity")
        #expect(form.status == 403 && pageText(form).contains("无权使用此页面") && pageText(form).contains("领导（只读）"))
        let csrf = await viewer.csrf("/password")
        #expect(await viewer.post("/forms/activity", [("csrf", csrf)] + Self.activityForm).status == 403)
        #expect(site.data.count == 0)
        #expect(await viewer.get("/records/proposals").status == 403, "a viewer lists no records")
        #expect(pageLocation(await viewer.get("/")) == "/figures")
        for path in ["/it", "/audit", "/audit.csv"] {
            #expect(await viewer.get(path).status == 403, "viewer \(path)")
            #expect(await clerk.get(path).status == 403, "clerk \(path)")
        }
        #expect(await clerk.get("/records/activities").status == 200)
        #expect(await clerk.get("/records/proposals").status == 403, "a clerk does not see proposals")
        let it = await office.get("/it")
        #expect(it.status == 200 && pageText(it).contains("data-version") && pageText(it).contains("连接"))
        let audit = await office.get("/audit")
        #expect(audit.status == 200 && pageText(audit).contains("下载全部审计记录"))
        let csv = await office.get("/audit.csv")
        #expect(csv.status == 200 && csv.headers.contains { $0.0 == "content-type" && $0.1.hasPrefix("text/csv") })
        #expect(pageText(csv).contains("登录成功") && pageText(csv).contains("leader"))
        #expect(try await site.audit().contains { $0.event == .auditExported && $0.actor == "user:office1" })
    }

    /// Idle timeout: 30 minutes without a request end the session (the manual clock): the next page goes to the login
    /// page saying so, a post is refused, and the trail records the expiry; a session used every 10 minutes lives on.
    @Test func anIdleSessionExpires() async throws {
        let site = try Site()
        try await site.add("clerk1", role: "clerk")
        try await site.add("clerk2", role: "clerk")
        let idle = Browser(site), busy = Browser(site)
        try await idle.signIn("clerk1")
        try await busy.signIn("clerk2")
        let csrf = await idle.csrf("/forms/activity")
        for _ in 0..<4 {
            site.clock.advance(minutes: 10)
            #expect(await busy.get("/forms/activity").status == 200)
        }
        let r = await idle.get("/forms/activity")
        #expect(r.status == 303 && pageLocation(r) == "/login?expired=1&next=%2Fforms%2Factivity")
        #expect(pageText(await idle.get("/login", query: "expired=1")).contains("会话已超时"))
        let post = await Browser(site).post("/forms/activity", [("csrf", csrf)] + Self.activityForm)
        #expect(post.status == 403 && site.data.count == 0)
        #expect(try await site.audit().contains { $0.event == .sessionExpired && $0.username == "clerk1" })
    }

    /// Five wrong passwords through the login form lock the account: the right one is then refused with the lockout
    /// message; a flood from one address is throttled, answered without a password check (no new failure row).
    @Test func fiveWrongPasswordsLockAndAFloodIsThrottled() async throws {
        let site = try Site()
        try await site.add("clerk1", role: "clerk")
        let b = Browser(site)
        for i in 1...5 {
            let r = await b.post("/login", [("username", "clerk1"), ("password", "Wrong-Pass-\(i)")])
            #expect(r.status == 401 && pageText(r).contains("用户名或密码错误") || i == 5, "try \(i)")
        }
        let locked = await b.post("/login", [("username", "clerk1"), ("password", "Initial-Pass-1")])
        #expect(locked.status == 401 && pageText(locked).contains("账号已锁定") && b.cookie == nil, "\(pageText(locked))")
        #expect(try await site.audit().contains { $0.event == .lockout && $0.username == "clerk1" })

        let flood = Browser(site, peer: "203.0.113.9")
        for i in 0..<20 { _ = await flood.post("/login", [("username", "nobody\(i)"), ("password", "Wrong-Pass-1")]) }
        let failures = try await site.audit().filter { $0.event == .loginFailed }.count
        for i in 0..<10 {
            let r = await flood.post("/login", [("username", "nobody\(i)"), ("password", "Wrong-Pass-1")])
            #expect(r.status == 401 && pageText(r).contains("本机登录失败次数过多"))
        }
        #expect(try await site.audit().filter { $0.event == .loginFailed }.count == failures, "throttled tries are not checked")
        #expect(await Browser(site, peer: "10.9.9.9").post("/login", [("username", "nobody"), ("password", "Wrong-Pass-1")]).status == 401)
    }

    /// A step the rules refuse shows the rule's message next to the form (422), keeps what was typed and records
    /// nothing; a field wrong before any rule (participants not a number) too; a `<script>` topic comes back as text.
    @Test func aRefusedStepShowsTheRulesMessage() async throws {
        let site = try Site()
        try await site.add("clerk1", role: "clerk")
        let b = Browser(site)
        try await b.signIn("clerk1")
        let csrf = await b.csrf("/forms/activity")
        var fields = Self.activityForm.filter { $0.0 != "topic" }
        fields.append(("topic", "<script>alert(1)</script>拒绝"))
        let refused = await b.post("/forms/activity", [("csrf", csrf)] + fields)
        #expect(refused.status == 422 && pageText(refused).contains("data-refusal>refused at cn.test.town: [activity.plan] 计划事项不存在"))
        #expect(pageText(refused).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;拒绝\"") && !pageText(refused).contains("<script>"))
        let bad = await b.post("/forms/activity", [("csrf", csrf)] + Self.activityForm.filter { $0.0 != "participants" } + [("participants", "many")])
        #expect(bad.status == 422 && pageText(bad).contains("参加人次应为不小于 0 的整数"))
        #expect(site.data.count == 0)
        #expect(try await site.audit().contains { $0.event == .recorded && !$0.succeeded && $0.detail.contains("activity.plan") })
    }

    /// Record scope (Role.recordScope): a handling unit lists and opens only the proposals assigned to it (lead or
    /// one of the units — "交通局<b>" is another name), a member only their own; the office sees all. Finding: the
    /// record pages checked only the area, so a unit saw every proposal of the body.
    @Test func unitsAndMembersSeeOnlyTheirOwnProposals() async throws {
        let site = try Site()
        try await site.add("unit1", role: "unit:交通局")
        try await site.add("member2", role: "member:M2")
        try await site.add("office1", role: "office")
        let unit = Browser(site), member = Browser(site), office = Browser(site)
        try await unit.signIn("unit1")
        try await member.signIn("member2")
        try await office.signIn("office1")
        let unitList = pageText(await unit.get("/records/proposals"))
        #expect(unitList.contains("交通提案") && unitList.contains("会办提案") && !unitList.contains("农业提案"), "\(unitList)")
        #expect(await unit.get("/records/proposals/TA-2").status == 404)
        #expect(await unit.get("/records/proposals/TA-1").status == 200)
        let memberList = pageText(await member.get("/records/proposals"))
        #expect(!memberList.contains("交通提案") && memberList.contains("农业提案") && memberList.contains("会办提案"))
        #expect(await member.get("/records/proposals/TA-1").status == 404)
        let all = pageText(await office.get("/records/proposals"))
        #expect(all.contains("交通提案") && all.contains("农业提案") && all.contains("会办提案"))
    }

    /// `next` after the login is a local path only: another host or a scheme-relative URL becomes `/`.
    @Test func loginRedirectStaysOnTheNode() async throws {
        let site = try Site()
        try await site.add("office1", role: "office", password: "Initial-Pass-1")
        let b = Browser(site)
        try await b.signIn("office1")
        _ = await b.post("/logout", [("csrf", await b.csrf())])
        for (next, expected) in [("//evil.test/x", "/"), ("https://evil.test", "/"), ("/\\evil.test", "/"), ("/figures?period=2026", "/figures?period=2026")] {
            let r = await Browser(site).post("/login", [("username", "office1"), ("password", "Changed-Pass-2"), ("next", next)])
            #expect(pageLocation(r) == expected, "next \(next)")
        }
    }
}

private func pageText(_ r: HTTPResponse) -> String { String(decoding: r.body, as: UTF8.self) }
private func pageLocation(_ r: HTTPResponse) -> String? { r.headers.first { $0.0 == "location" }?.1 }
