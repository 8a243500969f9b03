import XieshangAccounts
import XieshangTransport

/// What a page lets its reader do (权限): every route of ``WebSite`` declares the one capability it needs, and the
/// gate maps it onto the accounts' ``WebAction`` (``action``) so ``Role/may(_:)`` decides, never the page.
public enum WebCapability: Hashable, Sendable {
    /// 公开: the login page and `/healthz` (no session needed).
    case open
    /// 已登录: the home redirect, logout and one's own password change (every role, and a session that must change
    /// its password first).
    case signedIn
    /// 运维页面: this body's links, lag, alerts and version (`/it`, and `/` for the office).
    case viewStatus
    /// 统计数字: the dashboard of this body's and its subtree's figures (`/figures`).
    case viewFigures
    /// 业务记录: the lists and detail pages (`/records/…`); admitted when the role may view some area, the page then
    /// checks its kind's area.
    case viewRecords
    /// 录入: an entry form of an area (`/forms/…`).
    case record(RecordArea)
    /// 审计记录: the audit trail and its CSV export (`/audit`).
    case viewAudit
    /// 提案办理: a step of a proposal's handling (`/proposals/act/…`, the handling table).
    case proposal(ProposalStep)
    /// One named action of the accounts' table (the plan board's `.viewRecords(.plans)`, `.reportPlanStage`,
    /// `.editOpinions`): for pages that are neither a list nor an entry form.
    case act(WebAction)

    /// The action ``Role/may(_:)`` is asked for; nil for ``open`` (nothing to ask) and ``viewRecords`` (any area).
    public var action: WebAction? {
        switch self {
        case .open, .viewRecords: return nil
        case .signedIn: return .changeOwnPassword
        case .viewStatus: return .viewSystem
        case .viewFigures: return .viewFigures
        case .record(let area): return .record(area)
        case .viewAudit: return .viewAudit
        case .proposal(let step): return .proposal(step)
        case .act(let action): return action
        }
    }

    /// Whether `session` may use this capability (a session that must change its password first may only do that).
    public func allows(_ session: Session) -> Bool {
        if self == .viewRecords { return !session.mustChangePassword && RecordArea.allCases.contains { session.may(.viewRecords($0)) } }
        guard let action else { return true }
        return session.may(action)
    }
}

/// The gate's answer: admitted (with the signed-in session, nil without accounts or on an open page), or the
/// response to send instead (a redirect to the login page, a 403 page).
public enum WebAdmission: Sendable {
    /// The route may answer; `session` is the reader's.
    case admitted(Session?)
    /// This response answers instead.
    case refused(HTTPResponse)
}

/// The one hook deciding whether a request may use a route's capability, called before every route's handler. The
/// node supplies it: ``AccountsGate`` with accounts, ``OpenGate`` for read-only tests of the pages.
public protocol WebGate: Sendable {
    /// nil when `request` may use `capability`; otherwise the response that refuses it.
    func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse?
    /// The admission with the reader's session; the default asks ``check(_:_:)`` and knows no session.
    func admit(_ capability: WebCapability, _ request: HTTPRequest) async -> WebAdmission
}

extension WebGate {
    /// ``check(_:_:)``'s verdict, without a session.
    public func admit(_ capability: WebCapability, _ request: HTTPRequest) async -> WebAdmission {
        if let refused = await check(capability, request) { return .refused(refused) }
        return .admitted(nil)
    }
}

/// The gate of the pages without accounts (unit tests of the read-only pages): it admits every reading capability
/// and refuses every entry form (403): nothing may be recorded without a user to account for it.
public struct OpenGate: WebGate {
    /// The gate that admits reading.
    public init() {}

    /// nil for reading; 403 for an entry form.
    public func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse? {
        if case .record = capability { return WebPage.forbidden("录入须先登录", reason: "entry forms need a signed-in user") }
        return nil
    }
}

/// The gate of a node with accounts (登录门禁): the session cookie names a session in the node's ``AccountBook``; no
/// session sends a page read to `/login` (a form post gets 403); a session that must change its password is sent to
/// `/password`; a role that may not is answered 403 naming the role. Every request that changes something (any
/// method but GET and HEAD) must first pass ``RequestOriginCheck`` (Origin / Sec-Fetch-Site of this host), and, once
/// signed in, carry the session's CSRF token in its form field `csrf` (compared in constant time); refused → 403
/// naming why, before any handler runs, so nothing is recorded.
///
/// The login form itself (before a session exists) is guarded by the origin check alone: a cross-site page cannot
/// post it (browsers send `Origin` on every POST, and `Sec-Fetch-Site: cross-site`), and the session cookie it sets
/// is `SameSite=Strict`, so no pre-session token is needed.
public struct AccountsGate: WebGate {
    /// The node's accounts.
    public let book: AccountBook

    /// A gate over `book`.
    public init(book: AccountBook) { self.book = book }

    /// The refusal ``admit(_:_:)`` would answer, if any.
    public func check(_ capability: WebCapability, _ request: HTTPRequest) async -> HTTPResponse? {
        if case .refused(let r) = await admit(capability, request) { return r }
        return nil
    }

    /// Whether a request changes something (CSRF checks apply).
    static func changes(_ request: HTTPRequest) -> Bool { !["GET", "HEAD"].contains(request.method) }

    /// The origins this request may come from: the host it was sent to, over HTTPS (the listener is HTTPS only).
    static func ownOrigins(_ request: HTTPRequest) -> [String] { request.authority.isEmpty ? [] : ["https://" + request.authority] }

    /// The session token of the request's cookie, nil when none or more than one.
    public static func token(_ request: HTTPRequest) -> String? {
        SessionCookie.token(cookieHeaders: request.headers.filter { $0.0 == "cookie" }.map(\.1))
    }

    /// Admits, redirects or refuses (see the type's summary).
    public func admit(_ capability: WebCapability, _ request: HTTPRequest) async -> WebAdmission {
        let changes = Self.changes(request)
        if changes, case .refused(let reason, let chinese) = RequestOriginCheck.check(method: request.method, headers: request.headers,
                                                                                        ownOrigins: Self.ownOrigins(request)) {
            return .refused(WebPage.forbidden(chinese, reason: reason))
        }
        if capability == .open { return .admitted(nil) }
        let lookup: SessionLookup
        if let token = Self.token(request) { lookup = await book.session(token: token) } else { lookup = .none }
        guard case .active(let session) = lookup else {
            let expired = lookup == .expired
            if changes {
                return .refused(WebPage.forbidden(expired ? "会话已超时，请重新登录" : "尚未登录或会话已结束，请重新登录",
                                                  reason: expired ? "the session expired" : "no session"))
            }
            let next = request.path + (request.rawQuery.isEmpty ? "" : "?" + request.rawQuery)
            return .refused(WebPage.redirect("/login?" + (expired ? "expired=1&" : "") + "next=" + FormEncoding.encode(next),
                                             cookies: expired ? [SessionCookie.clearCookie] : []))
        }
        if session.mustChangePassword && capability != .signedIn {
            if changes { return .refused(WebPage.forbidden("请先修改初始密码", reason: "the password must be changed first")) }
            return .refused(WebPage.redirect("/password"))
        }
        guard capability.allows(session) else {
            return .refused(WebPage.forbidden("您的角色（\(session.role.label)）无权使用此页面",
                                              reason: "role \(session.role) may not use \(capability)"))
        }
        if changes {
            let submitted = (try? request.form())?.first { $0.0 == "csrf" }?.1
            guard session.checkCSRF(submitted) else {
                return .refused(WebPage.forbidden("表单已失效（缺少或不符的 CSRF 令牌），请刷新页面后重新提交",
                                                  reason: submitted == nil ? "the form carries no CSRF token" : "the form's CSRF token is not this session's"))
            }
        }
        return .admitted(session)
    }
}
