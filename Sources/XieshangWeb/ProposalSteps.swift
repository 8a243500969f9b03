import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The proposal steps posted from the web 提案办理步骤 (`POST /proposals/act/<step>`, `GET|POST /proposals/new`): each
/// builds the very ``ProposalEvent`` `xieshang proposal <step>` builds and records it through the node's recording path
/// (``WebData/record(_:actor:madeBy:)``: the admin Submit's rules and transaction) as the reader's actor — the
/// committee for the office and the committee, the unit or the member of the session for theirs — signed as made by
/// `user:<username>`. A unit's or member's name always comes from the session, never from the form. A field that is
/// wrong before any rule (a date, a number) or a step the rules refuse answers 422 with the message above the forms and
/// records nothing; a success is audited and redirects (303) to the proposal's page.
enum ProposalSteps {
    /// One step: its path segment and what a role must be allowed (``Role/may(_:)`` with ``WebAction/proposal(_:)``).
    struct Step: Sendable {
        var key: String
        var needs: ProposalStep
    }

    /// The steps, by who takes them.
    static let steps: [Step] = ["review", "assign", "extend", "key", "instruct", "supervise", "appraise", "rehandle", "close"].map { Step(key: $0, needs: .handle) }
        + ["object", "reply", "opinion", "explain"].map { Step(key: $0, needs: .reply) }
        + [Step(key: "cosign", needs: .submit), Step(key: "withdraw", needs: .submit), Step(key: "evaluate", needs: .evaluate)]

    /// The domain actor of a web user's proposal step: the proposals committee for the office and the committee (the
    /// office acts as the committee's office 提案委员会办公室), the unit or member itself, else the office.
    static func actor(_ role: Role) -> Actor {
        switch role {
        case .office, .committee: return .committee
        case .unit(let name): return .unit(name)
        case .member(let id): return .member(id)
        case .clerk, .viewer: return .office
        }
    }

    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        var routes = steps.map { step in
            WebSite.Route(method: "POST", path: "/proposals/act/" + step.key, isPrefix: false, capability: .proposal(step.needs)) { request, session in
                await post(step, data, book, request, session)
            }
        }
        routes.append(WebSite.Route(method: "GET", path: "/proposals/new", isPrefix: false, capability: .proposal(.submit)) { _, session in
            await ProposalDesk.withState(data, session) { state, session, today in
                WebPage.response(html: SubmitPage.render(state, session, today: today, values: [:], error: ""))
            }
        })
        routes.append(WebSite.Route(method: "POST", path: "/proposals/new", isPrefix: false, capability: .proposal(.submit)) { request, session in
            await submit(data, book, request, session)
        })
        return routes
    }

    /// The posted fields (the first of each name; the CSRF token left out), or nil when the body is no form.
    static func fields(_ request: HTTPRequest) -> [String: String]? {
        guard let fields = try? request.form() else { return nil }
        var values: [String: String] = [:]
        for (name, value) in fields where name != "csrf" && values[name] == nil { values[name] = value }
        return values
    }

    /// What a posted step needs, or the response that refuses it (no session 403, no form 400, no state 503).
    enum Prepared {
        case ready(Session, [String: String], DomainState)
        case answer(HTTPResponse)
    }

    static func prepare(_ data: WebData, _ request: HTTPRequest, _ session: Session?) async -> Prepared {
        guard let session else { return .answer(WebPage.forbidden("提案办理须先登录", reason: "no session")) }
        guard let values = fields(request) else { return .answer(WebPage.badParameter("form", "表单无法解析")) }
        switch await data.domainState() {
        case .success(let state): return .ready(session, values, state)
        case .failure(let error): return .answer(WebSite.unavailable(error.message))
        }
    }

    /// Records `commands` as the session's actor and answers: 303 to `success`, 202 when queued, or `refused(message)`.
    static func record(_ commands: [DomainEvent], _ detail: String, _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest,
                       _ session: Session, success: String, refused: (String) async -> HTTPResponse) async -> HTTPResponse {
        switch await data.record(commands, actor: actor(session.role), madeBy: "user:" + session.username) {
        case .success(.recorded(let seqs)):
            try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                          detail: "\(detail), seqs \(seqs.map(String.init).joined(separator: ","))")
            return WebPage.redirect(success)
        case .success(.queued(let number)):
            try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                          detail: "\(detail), queued (\(number)): waits for the parent, recorded in order")
            let b = "<section data-queued><h2>已排队</h2><p>已通过规则检查，正在排队（排队号 \(number)）：本机尚未与上级连通确认，连通确认后将按顺序记录；请勿重复提交。</p>"
                + "<p><a href=\"/proposals\">返回提案办理</a></p></section>\n"
            return WebPage.response(status: 202, html: WebPage.html(title: "提案办理 · 已排队", body: b))
        case .failure(let error):
            try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: false,
                                          detail: "\(detail) refused: \(error.message)")
            return await refused(error.message)
        }
    }

    /// `POST /proposals/act/<step>`: the proposal must exist and be the reader's to open (404, 403); then the step.
    static func post(_ step: Step, _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ signedIn: Session?) async -> HTTPResponse {
        let (session, posted, state): (Session, [String: String], DomainState)
        switch await prepare(data, request, signedIn) {
        case .ready(let s, let v, let d): (session, posted, state) = (s, v, d)
        case .answer(let response): return response
        }
        var values = posted
        let id = values["id"] ?? ""
        guard let p = state.proposals[id] else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "there is no proposal '\(id)' at this body"))
        }
        guard ProposalDesk.mayOpen(p, session.role, in: state) else {
            return WebPage.forbidden("提案 \(id) 不属于您（\(session.role.label)）办理或提出的提案", reason: "role \(session.role) may not act on proposal \(id)")
        }
        let today = EntryForms.today()
        values["_step"] = step.key + (values["decision"].map { "-" + $0 } ?? "")
        func refuse(_ message: String) async -> HTTPResponse {
            await ProposalDesk.page(id, state, session, today: today, error: message, values: values, status: 422)
        }
        let event: ProposalEvent
        do throws(EntryForms.FieldError) {
            event = try self.event(step.key, values, p, session.role, today: today)
        } catch {
            return await refuse(error.message)
        }
        return await record([.proposal(event)], "proposal \(id) \(step.key)", data, book, request, session,
                            success: ProposalDesk.path(id), refused: refuse)
    }

    /// The command a step's form makes, as `xieshang proposal <step>` makes it.
    static func event(_ step: String, _ v: [String: String], _ p: Proposal, _ role: Role, today: Day) throws(EntryForms.FieldError) -> ProposalEvent {
        let f = Fields(v)
        let day = try f.day("date", "日期") ?? today
        func unit() throws(EntryForms.FieldError) -> String {
            guard case .unit(let name) = role else { throw EntryForms.FieldError(message: "只有承办单位可以\(step == "object" ? "提出异议" : "答复")") }
            return name
        }
        func member() throws(EntryForms.FieldError) -> String {
            guard case .member(let id) = role else { throw EntryForms.FieldError(message: "只有委员本人可以附议、撤回或测评") }
            return id
        }
        let s: ProposalEvent.Step
        switch step {
        case "review":
            switch f.text("decision") {
            case "register": s = .reviewed(.registered(number: try f.required("number", "立案号")))
            case "reject": s = .reviewed(.notRegistered(reason: try f.required("reason", "不予立案理由"), notice: f.text("notice"), conversion: nil))
            case "merge": s = .reviewed(.merged(into: try f.required("into", "并入提案编号")))
            default: throw EntryForms.FieldError(message: "请选择立案、不予立案或并案")
            }
        case "assign":
            let mode: ProposalEvent.Assignment.Mode
            switch f.text("mode") {
            case "split": mode = .split(f.list("split"))
            default: mode = .lead(try f.required("lead", "主办单位"), coHandling: f.list("co"))
            }
            let assignment = ProposalEvent.Assignment(mode, due: try f.day("due", "办理期限"))
            s = p.status == .reassigning ? .reassigned(assignment) : .assigned(assignment)
        case "extend":
            guard let due = try f.day("due", "新的办理期限") else { throw EntryForms.FieldError(message: "请填写“新的办理期限”") }
            s = .extended(newDue: due, reason: f.text("reason"))
        case "key": s = .keyProposal(supervisor: try f.required("supervisor", "领衔督办领导"))
        case "instruct":
            let level = f.text("level")
            guard ["county", "city", "province", "national"].contains(level) else { throw EntryForms.FieldError(message: "领导层级“\(level)”无效") }
            s = .instructed(.init(leaderLevel: level, leader: f.text("leader"), text: f.text("text")))
        case "supervise":
            guard let outcome = ProposalEvent.SupervisionOutcome(rawValue: f.text("outcome")) else {
                throw EntryForms.FieldError(message: "督办结果“\(f.text("outcome"))”无效")
            }
            s = .supervised(outcome: outcome, note: f.text("note"))
        case "appraise":
            let text = try f.required("quarter", "季度")
            let quarter: Period
            do { quarter = try Period.domain(text) } catch { throw EntryForms.FieldError(message: "季度“\(text)”应为 2026-Q2 这样的季度") }
            s = .appraised(.init(quarter: quarter, satisfied: try f.count("satisfied", "满意票"), basicallySatisfied: try f.count("basic", "基本满意票"),
                                 unsatisfied: try f.count("unsatisfied", "不满意票")))
        case "rehandle": s = .rehandled(reason: f.text("reason"), due: try f.day("due", "重办期限"), byAppraisal: false)
        case "close": s = .closed(note: f.text("note"))
        case "object": s = .objected(unit: try unit(), reason: f.text("reason"))
        case "reply": s = .replied(unit: try unit(), replyClass: try f.required("class", "答复类别"), text: f.text("text"))
        case "opinion": s = .coHandlingOpinion(unit: try unit(), text: f.text("text"))
        case "explain": s = .explained(unit: try unit(), text: f.text("text"))
        case "cosign": s = .cosignerConfirmed(member: try member())
        case "withdraw": s = .withdrawn(by: try member(), reason: f.text("reason"))
        default:
            let by = try member()
            guard let rating = ProposalEvent.Rating(rawValue: f.text("rating")) else {
                throw EntryForms.FieldError(message: "请选择满意、基本满意或不满意")
            }
            s = .evaluated(member: by, rating: rating, comment: f.text("comment"))
        }
        return ProposalEvent(p.id, on: day, s)
    }

    /// `POST /proposals/new`: a member submits their own proposal online (channel 网上, individual or joint with
    /// co-signers who confirm from their own accounts); the committee or the office enters one received on paper, at
    /// the session or in a chat group for the member it names. The id is the next free `WS<year>-<n>` unless given.
    static func submit(_ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ signedIn: Session?) async -> HTTPResponse {
        let (session, values, state): (Session, [String: String], DomainState)
        switch await prepare(data, request, signedIn) {
        case .ready(let s, let v, let d): (session, values, state) = (s, v, d)
        case .answer(let response): return response
        }
        let today = EntryForms.today()
        func refuse(_ message: String) async -> HTTPResponse {
            WebPage.response(status: 422, html: SubmitPage.render(state, session, today: today, values: values, error: message))
        }
        let event: ProposalEvent
        do throws(EntryForms.FieldError) {
            event = try submission(values, state, session.role, today: today)
        } catch {
            return await refuse(error.message)
        }
        return await record([.proposal(event)], "proposal \(event.proposalID) submitted", data, book, request, session,
                            success: ProposalDesk.path(event.proposalID), refused: refuse)
    }

    /// The submission a posted `/proposals/new` makes.
    static func submission(_ v: [String: String], _ state: DomainState, _ role: Role, today: Day) throws(EntryForms.FieldError) -> ProposalEvent {
        let f = Fields(v)
        let day = try f.day("date", "日期") ?? today
        let firstProposer: String, channel: IntakeChannel
        if case .member(let me) = role {
            firstProposer = me
            channel = .web
        } else {
            firstProposer = try f.required("by", "第一提案人（委员编号）")
            guard let c = IntakeChannel(word: f.text("channel")), c.enteredByOffice else {
                throw EntryForms.FieldError(message: "请选择收到提案的渠道（纸质、大会期间或微信/QQ群）；网上提案由委员本人提交")
            }
            channel = c
        }
        let kind: ProposalEvent.Kind
        switch f.text("kind") {
        case "", "individual": kind = .individual
        case "joint": kind = .joint
        default: throw EntryForms.FieldError(message: "提案类型“\(f.text("kind"))”无效：应为个人提案或联名提案")
        }
        let submission = ProposalEvent.Submission(title: try f.required("title", "案由"), text: try f.required("text", "正文"), kind: kind,
                                                  firstProposer: firstProposer, cosigners: f.list("cosigners"), channel: channel)
        var id = f.text("id")
        if id.isEmpty {
            let prefix = "WS\(day.year)-"
            var n = state.proposals.keys.filter { $0.hasPrefix(prefix) }.count + 1
            while state.proposals[prefix + String(n)] != nil { n += 1 }
            id = prefix + String(n)
        }
        return ProposalEvent(id, on: day, .submitted(submission))
    }

    /// A posted form's fields, read as the steps need them.
    struct Fields {
        let values: [String: String]
        init(_ values: [String: String]) { self.values = values }

        /// The field's text without surrounding spaces (empty when absent).
        func text(_ name: String) -> String { (values[name] ?? "").trimmingSpacesAndNewlines }
        /// The field's text; "请填写…" when empty.
        func required(_ name: String, _ label: String) throws(EntryForms.FieldError) -> String {
            let t = text(name)
            guard !t.isEmpty else { throw EntryForms.FieldError(message: "请填写“\(label)”") }
            return t
        }
        /// Names separated by 、 , ， or spaces.
        func list(_ name: String) -> [String] {
            text(name).split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }).map(String.init)
        }
        /// A date field (nil when empty); "应为 YYYY-MM-DD" when it is no date.
        func day(_ name: String, _ label: String) throws(EntryForms.FieldError) -> Day? {
            let t = text(name)
            guard !t.isEmpty else { return nil }
            do { return try Day(parsing: t, field: name) } catch { throw EntryForms.FieldError(message: "\(label)“\(t)”应为 YYYY-MM-DD") }
        }
        /// A count of votes (0 when empty); "应为不小于 0 的整数" otherwise.
        func count(_ name: String, _ label: String) throws(EntryForms.FieldError) -> Int {
            let t = text(name)
            guard !t.isEmpty else { return 0 }
            guard let n = Int(t), n >= 0 else { throw EntryForms.FieldError(message: "\(label)“\(t)”应为不小于 0 的整数") }
            return n
        }
    }
}
