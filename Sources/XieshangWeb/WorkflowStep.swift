import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport
import XieshangWire

/// One posted step of the plan board, the opinion desk or a joint draft (办理步骤): the form's fields, the commands
/// it builds recorded through the node's own recording path as the user's actor (``EntryForms/actor(_:)``), the
/// audit row, then a redirect (303) to the page that shows the result — or, refused, the page again (422) with the
/// rule's message next to the form, nothing recorded.
enum WorkflowStep {
    /// A route posting a step: the form's fields and the session to `step` (403 without a session, 400 when the body
    /// is no form).
    static func post(_ path: String, _ capability: WebCapability,
                     _ step: @escaping @Sendable ([String: String], HTTPRequest, Session) async -> HTTPResponse) -> WebSite.Route {
        WebSite.Route(method: "POST", path: path, isPrefix: false, capability: capability) { request, session in
            guard let session else { return WebPage.forbidden("须先登录", reason: "no session") }
            guard let v = fields(request) else { return WebPage.badParameter("form", "表单无法解析") }
            return await step(v, request, session)
        }
    }

    /// A page for a signed-in reader: the query's parameters and the session to `page` (403 without a session).
    static func page(_ path: String, _ capability: WebCapability,
                     _ page: @escaping @Sendable ([String: String], Session) async -> HTTPResponse) -> WebSite.Route {
        WebSite.Route(method: "GET", path: path, isPrefix: false, capability: capability) { request, session in
            guard let session else { return WebPage.forbidden("须先登录", reason: "no session") }
            return await page(query(request), session)
        }
    }

    /// The query's parameters, first value of each name.
    static func query(_ request: HTTPRequest) -> [String: String] {
        var q: [String: String] = [:]
        for (n, v) in (try? FormEncoding.decode(Array(request.rawQuery.utf8))) ?? [] where q[n] == nil { q[n] = v }
        return q
    }

    /// The posted form's fields, first value of each name, without the CSRF token; nil when the body is no form.
    static func fields(_ request: HTTPRequest) -> [String: String]? {
        guard let fields = try? request.form() else { return nil }
        var values: [String: String] = [:]
        for (name, value) in fields where name != "csrf" && values[name] == nil { values[name] = value }
        return values
    }

    /// The day a form names in `date` (YYYY-MM-DD), today in China Standard Time when it is empty.
    static func day(_ values: [String: String]) throws(EntryForms.FieldError) -> Day {
        let text = (values["date"] ?? "").trimmingSpacesAndNewlines
        if text.isEmpty { return EntryForms.today() }
        do { return try Day(parsing: text, field: "date") } catch { throw EntryForms.FieldError(message: "日期“\(text)”应为 YYYY-MM-DD") }
    }

    /// A field that must not be empty.
    static func required(_ values: [String: String], _ name: String, _ label: String) throws(EntryForms.FieldError) -> String {
        let t = (values[name] ?? "").trimmingSpacesAndNewlines
        guard !t.isEmpty else { throw EntryForms.FieldError(message: "请填写“\(label)”") }
        return t
    }

    /// A rule's refusal as the page shows it: the Chinese message, then each bad row of an import by its line.
    static func message(_ error: any Error) -> String {
        guard let e = error as? DomainError else { return "\(error)" }
        var s = e.messageZh == e.message ? e.message : "\(e.messageZh)（\(e.message)）"
        for row in e.rows { s += "\n第 \(row.line) 行：\(row.reason)" }
        return s
    }

    /// Records `commands` as `session`'s actor, audits the step, and answers the redirect to `next`, the queued page,
    /// or `refused(message)` with status 422.
    static func record(_ commands: [DomainEvent], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session,
                       detail: String, next: String, refused: (String) -> String) async -> HTTPResponse {
        await finish(await data.record(commands, actor: EntryForms.actor(session.role), madeBy: "user:" + session.username),
                     book, request, session, detail: detail, next: next, refused: refused)
    }

    /// Records an alliance command (a joint draft's edit or sign-off) as `session`'s user, as ``record(_:_:_:_:_:detail:next:refused:)``.
    static func recordAlliance(_ kind: EventKind, _ payload: [UInt8], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest,
                               _ session: Session, detail: String, next: String, refused: (String) -> String) async -> HTTPResponse {
        await finish(await data.recordAlliance(kind, payload: payload, madeBy: "user:" + session.username),
                     book, request, session, detail: detail, next: next, refused: refused)
    }

    /// A step that fails before any rule is asked (a field missing or malformed): audited as refused, shown at 422.
    static func refuse(_ message: String, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session, detail: String,
                       page: (String) -> String) async -> HTTPResponse {
        try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: false, detail: "\(detail) refused: \(message)")
        return WebPage.response(status: 422, html: page(message))
    }

    static func finish(_ outcome: Result<RecordOutcome, WebDataError>, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session,
                       detail: String, next: String, refused: (String) -> String) async -> HTTPResponse {
        switch outcome {
        case .success(.recorded(let seqs)):
            try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                          detail: "\(detail), seqs \(seqs.map(String.init).joined(separator: ","))")
            return WebPage.redirect(next)
        case .success(.queued(let number)):
            try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                          detail: "\(detail), queued (\(number)): waits for the parent, recorded in order")
            let body = "<section data-queued><h2>已排队</h2><p>已通过规则检查，正在排队（排队号 \(number)）：本机尚未与上级连通确认，连通确认后将按顺序记录。请勿重复提交。</p><p><a href=\"\(WebPage.escape(next))\">返回</a></p></section>\n"
            return WebPage.response(status: 202, html: WebPage.html(title: "已排队", subtitle: "\(session.displayName)（\(session.role.label)）", body: body))
        case .failure(let error):
            return await refuse(error.message, book, request, session, detail: detail, page: refused)
        }
    }

    /// The refusal shown above a form (the rule's message, line breaks kept), or nothing.
    static func refusal(_ message: String) -> String {
        message.isEmpty ? "" : "<p class=\"error\" role=\"alert\" data-refusal>\(WebPage.escape(message).replacingNewlines)</p>"
    }
}

extension String {
    /// HTML text with each line break as `<br>` (for escaped text).
    var replacingNewlines: String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "<br>")
    }
}
