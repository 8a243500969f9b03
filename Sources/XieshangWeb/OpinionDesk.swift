import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The editing desk of opinion reports 社情民意编辑 (issue 19): the reports this body holds, pending first; a report's
/// page with its provenance chain (author, origin body, the bodies it came through, where it went, adoptions at each
/// level, leaders' instructions fed back) and the desk's steps — edit the title and text before deciding 编辑, adopt
/// into a bulletin issue 录用, archive 存档, forward to the parent 报送, 直通车 straight to a body above the parent, record
/// a leader's instruction 批示. Each step builds the very event `xieshang opinion edit|adopt|archive|forward|instruct`
/// builds, recorded as the editor's (the office's) step signed by the user; the rules refuse what the CLI's refuse.
enum OpinionDesk {
    /// `GET /desk` (the list), `GET /desk/report?origin=&id=` (a report), `POST /desk/<step>` for edit, adopt, archive,
    /// forward and instruct.
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        var routes = [
            WebSite.Route(method: "GET", path: "/desk", isPrefix: false, capability: .act(.editOpinions)) { _, session in
                switch await data.opinionReports() {
                case .failure(let e): return WebSite.failure(e)
                case .success(let reports): return WebPage.response(html: listHTML(reports, session))
                }
            },
            WorkflowStep.page("/desk/report", .act(.editOpinions)) { q, session in
                await reportPage(data, session, origin: q["origin"] ?? "", id: q["id"] ?? "", values: [:], error: "")
            },
        ]
        for step in ["edit", "adopt", "archive", "forward", "instruct"] + beyondSteps {
            routes.append(WorkflowStep.post("/desk/" + step, .act(.editOpinions)) { v, request, session in await perform(step, v, data, book, request, session) })
        }
        return routes
    }

    static func link(_ key: OpinionKey) -> String {
        "/desk/report?origin=\(FormEncoding.encode(key.originBody))&id=\(FormEncoding.encode(key.originReportID))"
    }

    static func perform(_ step: String, _ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let origin = v["origin"] ?? "", id = v["id"] ?? ""
        let me = await data.identity()
        let reports = (try? await data.opinionReports().get()) ?? []
        guard let report = reports.first(where: { $0.key.originBody == origin && $0.key.originReportID == id }) else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "本组织没有社情民意信息 \(origin)/\(id) (there is no opinion report \(origin)/\(id) here)"))
        }
        let bodies = await data.bodies()
        let page = { (m: String) in reportHTML(report, me, bodies, session, values: v, error: m) }
        let detail = "opinion report \(origin)/\(id) \(step)"
        let event: OpinionEvent
        do throws(EntryForms.FieldError) {
            let day = try WorkflowStep.day(v)
            let here = me?.id ?? ""
            let provenance = OpinionEvent.Provenance(originBody: origin, originReportID: id, author: report.author, authorKind: report.authorKind)
            let s: OpinionEvent.Step
            switch step {
            case "edit":
                s = .edited(text: try WorkflowStep.required(v, "text", "正文"), title: try WorkflowStep.required(v, "title", "标题"))
            case "adopt": s = .adopted(bulletinIssue: try WorkflowStep.required(v, "issue", "期号"))
            case "archive": s = .archived(reason: (v["reason"] ?? "").trimmingSpacesAndNewlines)
            case "forward":
                let direct = v["direct"] == "1"
                let to = (v["to"] ?? "").trimmingSpacesAndNewlines.isEmpty ? (direct ? "" : me?.parent ?? "") : (v["to"] ?? "").trimmingSpacesAndNewlines
                guard !to.isEmpty else { throw EntryForms.FieldError(message: direct ? "直通车须填写报送对象（上级以上组织的节点编号）" : "本组织没有上级，请填写报送对象") }
                let tier = (v["tier"] ?? "").trimmingSpacesAndNewlines
                if direct && tier.isEmpty { throw EntryForms.FieldError(message: "直通车须填写报送对象的层级（如 city）") }
                let text = (v["text"] ?? "").trimmingSpacesAndNewlines
                s = .forwarded(toBody: to, toTier: tier, title: report.title, text: text.isEmpty ? report.text : text, direct: direct)
            case _ where beyondSteps.contains(step):
                s = try beyondStep(step, v)
            default:
                let level = (v["level"] ?? "").trimmingSpacesAndNewlines
                s = .instruction(.init(leaderLevel: level.isEmpty ? me?.tier ?? "" : level, leader: try WorkflowStep.required(v, "leader", "批示领导"),
                                       date: day, text: try WorkflowStep.required(v, "instruction", "批示内容"), recordedBy: here))
            }
            event = OpinionEvent(provenance, at: here, on: day, s)
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: detail, page: page)
        }
        return await WorkflowStep.record([.opinion(event)], data, book, request, session, detail: detail, next: link(report.key), refused: page)
    }

    static func reportPage(_ data: WebData, _ session: Session, origin: String, id: String, values: [String: String], error: String) async -> HTTPResponse {
        switch await data.opinionReports() {
        case .failure(let e): return WebSite.failure(e)
        case .success(let reports):
            guard let report = reports.first(where: { $0.key.originBody == origin && $0.key.originReportID == id }) else {
                return WebPage.refusal(HTTPRefusal(status: 404, reason: "本组织没有社情民意信息 \(origin)/\(id) (there is no opinion report \(origin)/\(id) here)"))
            }
            return WebPage.response(html: reportHTML(report, await data.identity(), await data.bodies(), session, values: values, error: error))
        }
    }

    static func status(_ r: OpinionReport) -> String { Labels.zh("state.opinion." + r.status.rawValue) }

    static func listHTML(_ reports: [OpinionReport], _ session: Session?) -> String {
        let e = WebPage.escape
        var b = "<section><h2>社情民意信息编辑</h2>"
        if reports.isEmpty { b += "<p class=\"muted\">本级尚无社情民意信息。</p>" }
        let pending = reports.filter { $0.status == .submitted || $0.status == .editing }
        for (title, list) in [("待处理", pending), ("已处理", reports.filter { !pending.contains($0) })] where !list.isEmpty {
            b += "<h3>\(title)（\(list.count)）</h3><ul class=\"desk\">"
            for r in list {
                b += "<li data-report=\"\(e(r.key.originBody + "/" + r.key.originReportID))\"><a href=\"\(e(link(r.key)))\">\(e(r.title))</a> "
                b += "<span class=\"muted\">\(e(r.key.originReportID)) · \(e(r.author))</span> <span class=\"state wait\">\(e(status(r)))</span></li>"
            }
            b += "</ul>"
        }
        b += "</section>\n"
        return WebPage.html(title: "社情民意编辑", subtitle: session.map { "\($0.displayName)（\($0.role.label)）" } ?? "", body: b)
    }

    /// A report's page: text, provenance chain, instructions, and the desk's forms.
    static func reportHTML(_ r: OpinionReport, _ me: XieshangDomain.BodyInfo?, _ bodies: [XieshangDomain.BodyInfo], _ session: Session,
                           values: [String: String], error: String) -> String {
        let e = WebPage.escape
        let names = Dictionary(bodies.map { ($0.id, $0.name.isEmpty ? $0.id : $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { names[id] ?? id }
        let here = me?.id ?? ""
        var b = WorkflowStep.refusal(error)
        b += "<section><h2>\(e(r.title))</h2><p class=\"text\" data-text>\(e(r.text))</p></section>"
        b += "<section data-provenance><h2>来源与流转</h2><ol class=\"chain\">"
        b += "<li>作者：\(e(r.author))（\(e(Labels.zh("authorKind." + r.authorKind.rawValue))))</li>"
        b += "<li>原始报送组织：\(e(name(r.key.originBody)))，编号 \(e(r.key.originReportID))</li>"
        if let from = r.receivedFrom { b += "<li>由 \(e(name(from))) 报送\(r.direct ? "（直通车）" : "")至本级 \(e(name(here)))，\(e(r.receivedOn.description))</li>" }
        b += "<li>本级状态：<span class=\"state wait\" data-status=\"\(r.status.rawValue)\">\(e(status(r)))</span>"
        if let issue = r.bulletinIssue { b += "，录用于 \(e(issue))" }
        b += "</li>"
        if let to = r.forwardedTo { b += "<li data-forwarded=\"\(e(to))\">已\(r.direct ? "直通车报送" : "报送")至 \(e(name(to)))\(r.forwardedOn.map { "，" + $0.description } ?? "")</li>" }
        for a in r.higherAdoptions { b += "<li data-adopted-higher=\"\(e(a.body))\">\(e(name(a.body)))（\(e(a.tier))）录用于 \(e(a.bulletinIssue))，\(e(a.on.description))</li>" }
        b += beyondChain(r, here: here, name: name)
        b += "</ol></section>"
        b += "<section data-instructions><h2>领导批示（\(r.instructions.count)）</h2>"
        if r.instructions.isEmpty { b += "<p class=\"muted\">尚无批示。</p>" }
        for i in r.instructions {
            b += "<p class=\"text\" data-instruction>\(e(i.leader))（\(e(i.leaderLevel))，\(e(i.date.description))，记录于 \(e(name(i.recordedBy)))）：\(e(i.text))</p>"
        }
        b += "</section>"
        let hidden = WebPage.csrfField(session) + "<input type=\"hidden\" name=\"origin\" value=\"\(e(r.key.originBody))\"><input type=\"hidden\" name=\"id\" value=\"\(e(r.key.originReportID))\">"
        func value(_ n: String) -> String { e(values[n] ?? "") }
        b += "<section><h2>编辑处理</h2>"
        if r.status == .submitted || r.status == .editing {
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/edit\" data-edit-form>\(hidden)"
            let edited = values["title"] != nil  // a refused edit keeps what was typed; the forward form has its own text
            b += "<label>标题<input name=\"title\" required value=\"\(edited ? value("title") : e(r.title))\"></label>"
            b += "<label>正文<textarea name=\"text\" required rows=\"8\">\(edited ? value("text") : e(r.text))</textarea></label>"
            b += "<button type=\"submit\" data-edit>保存编辑</button></form>"
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/adopt\">\(hidden)<label>录用期号<input name=\"issue\" required value=\"\(value("issue"))\" placeholder=\"2026年第3期\"></label><button type=\"submit\" data-adopt>录用</button></form>"
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/archive\">\(hidden)<label>存档理由<input name=\"reason\" value=\"\(value("reason"))\"></label><button type=\"submit\" data-archive>存档</button></form>"
        }
        if r.forwardedTo == nil {
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/forward\">\(hidden)"
            b += "<label>报送对象（节点编号；空为上级\(me?.parent.map { " " + e($0) } ?? "")）<input name=\"to\" value=\"\(value("to"))\"></label>"
            b += "<label>对象层级（直通车必填，如 city）<input name=\"tier\" value=\"\(value("tier"))\"></label>"
            b += "<label>报送文本（空为原文）<textarea name=\"text\">\(values["title"] == nil ? value("text") : "")</textarea></label>"
            b += "<label><span><input type=\"checkbox\" name=\"direct\" value=\"1\"\(values["direct"] == "1" ? " checked" : "")> 直通车（越级直报，不经上级）</span></label>"
            b += "<button type=\"submit\" data-forward>报送</button></form>"
        }
        b += beyondForms(r, me, hidden: hidden, values: values)
        b += "<form class=\"entry\" method=\"post\" action=\"/desk/instruct\">\(hidden)<label>批示领导<input name=\"leader\" required value=\"\(value("leader"))\"></label>"
        b += "<label>领导层级（空为本级 \(e(me?.tier ?? ""))）<input name=\"level\" value=\"\(value("level"))\"></label>"
        b += "<label>批示内容<textarea name=\"instruction\" required>\(value("instruction"))</textarea></label><button type=\"submit\" data-instruct>记录批示</button></form>"
        b += "</section>\n"
        return WebPage.html(title: "社情民意 · " + r.title, subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
