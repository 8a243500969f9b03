import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The proposal desk 提案办理 (issue 19 items 1–3): one set of pages that shows each role its part of a proposal's
/// life — the proposals committee (and the office) its intake queue and every step's form, a handling unit only the
/// proposals assigned to it with their due dates and overdue warnings, a member their own proposals, the invitations
/// to co-sign and the reply to rate. Every step posts to `/proposals/act/<step>` (``ProposalSteps``), which builds the
/// domain command the CLI builds and records it through the node's own path as the role's actor, so the rules are
/// the domain's (a refused step shows the rule's message above the forms and records nothing).
///
/// Which proposals a reader may open (``mayOpen(_:_:in:)``) is decided here for every page, the URL included: a unit
/// opening another unit's proposal gets 403, as does a member opening another member's.
enum ProposalDesk {
    /// The routes: `GET /proposals` (the desk), `GET /proposals/<id>` (a proposal with the forms of the steps the
    /// reader may take), `GET|POST /proposals/new` (submit), the handling table (``UnitHandlingPage``), the duty
    /// record (``DutyRecordPage``) and the step posts (``ProposalSteps``).
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: "/proposals", isPrefix: false, capability: .viewRecords) { _, session in
                await withState(data, session) { state, session, today in
                    WebPage.response(html: desk(state, session, today: today))
                }
            },
            WebSite.Route(method: "GET", path: "/proposals/", isPrefix: true, capability: .viewRecords) { request, session in
                let segment = String(request.path.dropFirst("/proposals/".count))
                guard !segment.contains("/"), let fields = try? FormEncoding.decode(Array(("id=" + segment).utf8)),
                      let id = fields.first?.1, !id.isEmpty else {
                    return WebPage.refusal(HTTPRefusal(status: 404, reason: "no proposal page at this path; the desk is /proposals"))
                }
                return await withState(data, session) { state, session, today in
                    await page(id, state, session, today: today, error: "")
                }
            },
        ] + ProposalSteps.routes(data, book) + UnitHandlingPage.routes(data) + DutyRecordPage.routes(data)
    }

    /// The desk's links in the navigation bar: 提案办理 for a role that sees proposals, 履职档案 for one that sees duty records.
    static func navigation(_ reader: Session) -> [(path: String, label: String)] {
        var links: [(path: String, label: String)] = []
        if reader.may(.viewRecords(.proposals)) { links.append(("/proposals", "提案办理")) }
        if reader.may(.viewRecords(.dutyRecords)) { links.append(("/duty", "履职档案")) }
        return links
    }

    /// Runs `body` with the node's domain state and today, for a session that may see proposals; 403 for one that may
    /// not, 503 when the node cannot answer, 403 without a session (the desk needs a user to scope by).
    static func withState(_ data: WebData, _ session: Session?, area: RecordArea = .proposals,
                          _ body: (DomainState, Session, Day) async -> HTTPResponse) async -> HTTPResponse {
        guard let session else { return WebPage.forbidden("提案办理须先登录", reason: "the proposal desk needs a signed-in user") }
        guard session.may(.viewRecords(area)) else {
            return WebPage.forbidden("您的角色（\(session.role.label)）无权查看\(area == .proposals ? "提案" : "履职档案")",
                                     reason: "role \(session.role) may not view \(area.rawValue)")
        }
        switch await data.domainState() {
        case .success(let state): return await body(state, session, EntryForms.today())
        case .failure(let error): return WebSite.unavailable(error.message)
        }
    }

    /// The units a proposal has been handled by: its current assignment's, and any that replied or gave an opinion.
    static func units(of p: Proposal) -> Set<String> {
        Set(p.assignment?.units ?? []).union(p.replies.map(\.unit)).union(p.coHandlingOpinions.keys)
    }

    /// Whether `role` may open proposal `p`: every proposal for the office and the committee; a unit only one it
    /// handles; a member only one they proposed, were invited to co-sign, or one merged from theirs.
    static func mayOpen(_ p: Proposal, _ role: Role, in state: DomainState) -> Bool {
        switch role.recordScope {
        case .all: return true
        case .assignedTo(let unit): return units(of: p).contains(unit)
        case .ownedBy(let member):
            return p.submission.firstProposer == member || p.submission.cosigners.contains(member)
                || p.mergedFrom.contains { state.proposals[$0]?.proposers.contains(member) ?? false }
        }
    }

    /// The proposals `session` may open, newest first.
    static func visible(_ state: DomainState, _ session: Session) -> [Proposal] {
        state.proposals.values.filter { mayOpen($0, session.role, in: state) }
            .sorted { ($0.submittedOn, $0.id) > ($1.submittedOn, $1.id) }
    }

    /// The Chinese status of a proposal.
    static func statusLabel(_ s: Proposal.Status) -> String { Labels.zh("state.proposal." + s.rawValue) }

    /// A member's name with their id (the id alone when the body does not know them).
    static func memberName(_ id: String, _ state: DomainState) -> String {
        guard let name = state.members[id]?.name, !name.isEmpty else { return id }
        return "\(name)（\(id)）"
    }

    /// The co-signers of `p` still awaited 待确认: invited, not confirmed, while the proposal waits for review.
    static func awaitingCosigners(_ p: Proposal) -> [String] {
        guard p.status == .submitted else { return [] }
        return p.submission.cosigners.filter { !p.confirmedCosigners.contains($0) }
    }

    /// The path of a proposal's page.
    static func path(_ id: String) -> String { "/proposals/" + FormEncoding.encode(id) }

    /// The overdue warning of a proposal on `today` (empty when not overdue): 已逾期 N 天.
    static func overdueFlag(_ p: Proposal, today: Day) -> String {
        guard p.isOverdue(asOf: today), let due = p.due else { return "" }
        return "<span class=\"state down\" data-overdue>已逾期 \(today.daysSinceEpoch - due.daysSinceEpoch) 天</span>"
    }

    /// One proposal as a card of the desk: its title (a link big enough for a finger), id, status, units and due date.
    static func card(_ p: Proposal, today: Day, role: Role, extra: String = "") -> String {
        let e = WebPage.escape
        var c = "<li data-proposal=\"\(e(p.id))\"><a class=\"open\" href=\"\(path(p.id))\">\(e(p.submission.title))</a>"
        c += "<span class=\"muted\">\(e(p.id)) · <span class=\"state wait\">\(e(statusLabel(p.status)))</span>"
        if case .assignedTo(let unit) = role.recordScope, let a = p.assignment {
            let part = a.coHandlingUnits.contains(unit) ? "会办" : (a.replyingUnits.count > 1 ? "分办" : "主办")
            c += " · \(part)"
        } else if let a = p.assignment {
            c += " · \(e(a.units.joined(separator: "、")))"
        }
        if let due = p.due, [.assigned, .reassigning].contains(p.status) { c += " · 期限 \(due)" }
        c += "</span> \(overdueFlag(p, today: today))\(extra)</li>"
        return c
    }

    /// A titled list of cards (nothing when `list` is empty and `always` is false).
    static func cards(_ title: String, _ list: [Proposal], today: Day, role: Role, key: String, always: Bool = false,
                      extra: (Proposal) -> String = { _ in "" }) -> String {
        guard always || !list.isEmpty else { return "" }
        var b = "<section data-list=\"\(key)\"><h2>\(WebPage.escape(title))（\(list.count)）</h2>"
        if list.isEmpty { return b + "<p class=\"muted\">暂无。</p></section>\n" }
        b += "<ul class=\"cards\">" + list.map { card($0, today: today, role: role, extra: extra($0)) }.joined() + "</ul></section>\n"
        return b
    }

    /// `GET /proposals`: the committee's queues, a unit's assignments with their warnings, or a member's proposals.
    static func desk(_ state: DomainState, _ session: Session, today: Day) -> String {
        let list = visible(state, session)
        func with(_ statuses: Proposal.Status...) -> [Proposal] { list.filter { statuses.contains($0.status) } }
        var b = ""
        switch session.role.recordScope {
        case .all:
            b += "<section><p class=\"links\"><a class=\"button\" href=\"/proposals/units\">承办单位办理情况表</a>"
            if session.may(.proposal(.submit)) { b += " <a class=\"button\" href=\"/proposals/new\">代为录入提案</a>" }
            b += "</p></section>\n"
            let overdue = list.filter { $0.isOverdue(asOf: today) }
            if !overdue.isEmpty { b += "<p class=\"error\" data-overdue-count=\"\(overdue.count)\">逾期未答复的提案 \(overdue.count) 件</p>" }
            b += cards("待审查", with(.submitted), today: today, role: session.role, key: "submitted", always: true)
            b += cards("已立案待交办", with(.registered), today: today, role: session.role, key: "registered", always: true)
            b += cards("异议待重新交办", with(.reassigning), today: today, role: session.role, key: "reassigning")
            b += cards("办理中", with(.assigned), today: today, role: session.role, key: "assigned", always: true)
            b += cards("已答复待测评", with(.replied), today: today, role: session.role, key: "replied")
            b += cards("已测评待办结", with(.evaluated), today: today, role: session.role, key: "evaluated")
            b += cards("已办结", with(.closed), today: today, role: session.role, key: "closed")
            b += cards("不予立案、并案、撤回", with(.notRegistered, .merged, .withdrawn), today: today, role: session.role, key: "other")
        case .assignedTo(let unit):
            let open = with(.assigned, .reassigning)
            let overdue = open.filter { $0.isOverdue(asOf: today) }
            b += "<section><p>\(WebPage.escape(unit))承办的提案：办理中 \(open.count) 件，"
            b += overdue.isEmpty ? "无逾期。</p></section>\n"
                : "<strong class=\"state down\" data-overdue-count=\"\(overdue.count)\">逾期 \(overdue.count) 件</strong>，请尽快答复。</p></section>\n"
            b += cards("办理中", open, today: today, role: session.role, key: "assigned", always: true) { p in
                guard p.status == .assigned, let start = p.roundStartedOn else { return "" }
                let last = start.adding(days: state.policy.objectionWindowDays)
                return last >= today ? " <span class=\"muted\">异议期至 \(last)</span>" : ""
            }
            b += cards("已答复", list.filter { ![.assigned, .reassigning].contains($0.status) }, today: today, role: session.role, key: "done")
        case .ownedBy(let member):
            b += "<section><p class=\"links\"><a class=\"button\" href=\"/proposals/new\">提交提案</a> "
            b += "<a class=\"button\" href=\"/duty\">我的履职档案</a></p></section>\n"
            let invited = list.filter { $0.status == .submitted && $0.submission.cosigners.contains(member) && !$0.confirmedCosigners.contains(member) }
            b += cards("待我确认附议", invited, today: today, role: session.role, key: "invited")
            let toRate = list.filter { [.replied, .evaluated].contains($0.status) && state.proposersIncludingMerged($0).contains(member)
                                      && !$0.currentEvaluations.contains { $0.member == member } }
            b += cards("待我测评", toRate, today: today, role: session.role, key: "rate")
            b += cards("我的提案", list.filter { $0.proposers.contains(member) || $0.submission.firstProposer == member }, today: today,
                       role: session.role, key: "mine", always: true) { p in
                let awaiting = awaitingCosigners(p)
                return awaiting.isEmpty ? "" : " <span class=\"muted\" data-awaiting>待附议人确认：\(WebPage.escape(awaiting.map { memberName($0, state) }.joined(separator: "、")))</span>"
            }
        }
        return WebPage.html(title: "提案办理", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }

    /// `GET /proposals/<id>`: 404 when there is none, 403 when the reader may not open it; else its page.
    static func page(_ id: String, _ state: DomainState, _ session: Session, today: Day, error: String,
                     values: [String: String] = [:], status: Int = 200) async -> HTTPResponse {
        guard let p = state.proposals[id] else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "there is no proposal '\(id)' at this body"))
        }
        guard mayOpen(p, session.role, in: state) else {
            return WebPage.forbidden("提案 \(id) 不属于您（\(session.role.label)）办理或提出的提案，无权查看",
                                     reason: "role \(session.role) may not open proposal \(id)")
        }
        return WebPage.response(status: status, html: ProposalPage.render(p, state, session, today: today, error: error, values: values))
    }

    /// The desk's styles (in ``WebPage/css``): cards with finger-sized links, buttons, the progress line.
    static let css = """
    ul.cards{list-style:none;margin:0;padding:0;display:grid;gap:8px}
    ul.cards li{border:1px solid #d8dee4;border-radius:6px;padding:6px 10px;overflow-wrap:anywhere}
    ul.cards a.open{display:block;min-height:44px;padding:10px 0;font-weight:600}
    a.button{display:inline-block;min-height:44px;padding:10px 14px;border:1px solid #9b1c1c;border-radius:6px;color:#9b1c1c;text-decoration:none;margin:2px 0}
    form.entry button,form.step button{min-height:44px;padding:8px 16px}
    form.step{display:grid;grid-template-columns:1fr;gap:8px;max-width:36em;border-top:1px solid #eaeef2;padding:10px 0 0;margin:10px 0 0}
    form.step label{display:grid;gap:2px;color:#57606a;font-size:.9rem}
    form.step input,form.step select,form.step textarea{width:100%;min-height:40px;color:#1f2328}
    form.step button{justify-self:start}
    ol.progress{display:flex;flex-wrap:wrap;gap:4px 14px;padding-left:1.2em;margin:0}
    ol.progress li[aria-current]{font-weight:700;color:#9b1c1c}
    """
}
