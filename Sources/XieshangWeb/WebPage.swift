import XieshangAccounts
import XieshangReport
import XieshangTransport
import XieshangWire

/// The web interface's page frame and HTTP policy (网页框架): one stylesheet, the security headers every response
/// carries, the refusal pages (400, 404, 405, 413) and the listener's limits. Pure rendering: no Foundation, no I/O.
///
/// Content-Security-Policy: `default-src 'none'` forbids frames, fonts and other origins outright; scripts and
/// connections only from the node itself (`script-src 'self'; connect-src 'self'`: the one script file a joint draft's
/// page loads to show other members' edits as they arrive, ``DraftPages``) — never inline; the one `<style>` block is allowed by its SHA-256 hash rather than by
/// `'unsafe-inline'`, so markup that slipped past escaping still cannot bring its own CSS (inline `style=`
/// attributes are refused too). Pages must therefore put all their CSS in ``css``: the hash is computed from it
/// once at start.
public enum WebPage {
    /// The stylesheet of every page: system fonts with CJK fallbacks, fluid to 375 px phones, printable on A4; every
    /// form control at least 24 × 24 px, a finger's target (the logout button, check boxes).
    public static let css = """
    *{box-sizing:border-box}
    body{margin:0;font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1f2328;background:#f6f7f9;line-height:1.5}
    header.top{background:#9b1c1c;color:#fff;padding:12px 16px}
    header.top h1{margin:0;font-size:1.25rem}
    header.top p{margin:2px 0 0;font-size:.9rem;opacity:.9}
    main{max-width:960px;margin:0 auto;padding:12px 16px}
    section{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:12px;margin:12px 0}
    h2{font-size:1.05rem;margin:0 0 8px}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
    dl.facts dt{color:#57606a}
    dl.facts dd{margin:0;overflow-wrap:anywhere}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;width:100%;font-size:.9rem}
    th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eaeef2;vertical-align:top;overflow-wrap:anywhere}
    th{color:#57606a;font-weight:600}
    .state{display:inline-block;padding:0 6px;border-radius:10px;font-size:.85rem;white-space:nowrap}
    .up{background:#dafbe1;color:#116329}
    .down{background:#ffebe9;color:#a40e26}
    .wait{background:#fff8c5;color:#7d4e00}
    .muted{color:#57606a}
    footer{color:#57606a;font-size:.8rem;text-align:center;padding:16px}
    nav.site{background:#7f1515;padding:4px 16px;display:flex;flex-wrap:wrap;gap:4px 16px}
    nav.site a{color:#fff;text-decoration:none;font-size:.95rem}
    nav.kinds{display:flex;flex-wrap:wrap;gap:4px 12px;margin:8px 0}
    a[aria-current]{font-weight:700;text-decoration:none}
    nav.site a[aria-current]{border-bottom:2px solid #fff}
    form{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center}
    input,select,button{font:inherit;padding:4px 6px;max-width:100%}
    button{background:#9b1c1c;color:#fff;border:0;border-radius:4px;padding:4px 12px}
    .picks{display:flex;flex-wrap:wrap;gap:4px 10px;margin:8px 0 0}
    .report h2{font-size:1.05rem}
    .report table td,.report table th{padding:4px 6px}
    ul.alerts{margin:0;padding-left:1.2em}
    .pages{margin:8px 0 0}
    p.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
    table.records td,table.history td{white-space:nowrap;overflow-wrap:normal}
    table.records td.wrap,table.history td.wrap{white-space:normal;min-width:9em;overflow-wrap:anywhere}
    form.entry{display:grid;grid-template-columns:1fr;gap:10px;max-width:36em}
    form.entry label{display:grid;gap:2px;color:#57606a;font-size:.9rem}
    form.entry input,form.entry select,form.entry textarea{width:100%;color:#1f2328}
    textarea{font:inherit;padding:4px 6px;min-height:5em;max-width:100%}
    form.entry button{justify-self:start}
    p.error{background:#ffebe9;color:#a40e26;border:1px solid #ff818266;border-radius:6px;padding:8px;margin:0 0 8px;overflow-wrap:anywhere}
    p.note{background:#fff8c5;border-radius:6px;padding:8px;margin:0 0 8px}
    nav.site form.out{margin-left:auto;display:flex;gap:8px;align-items:center;color:#fff;font-size:.85rem}
    nav.site form.out button{background:transparent;border:1px solid #fff;padding:2px 10px;min-height:28px}
    article.item{border-top:1px solid #eaeef2;padding:8px 0}
    div.sub{margin:0 0 8px 12px;border-left:3px solid #d8dee4;padding-left:8px}
    div.sub[data-depth="2"]{margin-left:24px}div.sub:not([data-depth="1"]):not([data-depth="2"]){margin-left:36px}
    code{overflow-wrap:anywhere;word-break:break-all}
    form.entry label span input{width:auto}
    input[type=checkbox],input[type=radio]{min-width:24px;min-height:24px;margin:0 4px 0 0;vertical-align:middle}
    @media print{body{background:#fff}header.top{background:#fff;color:#000;border-bottom:2px solid #000}nav.site,nav.kinds,section.picker{display:none}main{max-width:none;padding:0}section{border:0;padding:0}a{color:inherit;text-decoration:none}.report table{font-size:.6rem}.report table td,.report table th{padding:1px 2px;overflow-wrap:normal}}
    @page{size:A4;margin:15mm}
    """ + HTMLReport.componentCSS + ProposalDesk.css

    /// The CSP source for ``css``: `'sha256-…'` of exactly the text between `<style>` and `</style>`.
    public static let styleHash = "'sha256-" + Base64.encode(SHA256.hash(Array(css.utf8))) + "'"

    /// The Content-Security-Policy of every response (see the type's summary).
    public static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src \(styleHash); img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Headers on every web response: CSP, HSTS (one year; the listener is HTTPS only), no MIME sniffing, no
    /// framing, no referrer leaving the intranet, no caching of pages (they show records and, later, a session).
    public static let securityHeaders: [(String, String)] = [
        ("content-security-policy", contentSecurityPolicy),
        ("strict-transport-security", "max-age=31536000"),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        // same-origin, not no-referrer: under no-referrer Chromium sends `Origin: null` on the node's own form posts,
        // which the CSRF origin check must refuse (found by the Chromium login test); other sites still get nothing.
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("cache-control", "no-store"),
    ]

    /// Escapes text for HTML content and attribute values: the one escaper, shared with `report --html`.
    public static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// A complete HTML page: `title` (escaped here) and `body`, HTML the caller built with ``escape(_:)``.
    public static func html(title: String, subtitle: String = "", body: String) -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(title))</title>\n<style>\(css)</style>\n</head>\n<body>\n"
        h += "<header class=\"top\"><h1>\(escape(title))</h1>"
        if !subtitle.isEmpty { h += "<p>\(escape(subtitle))</p>" }
        h += "</header>\n\(nav(reader))\n<main>\n\(body)</main>\n<footer>协商 Xieshang</footer>\n</body>\n</html>\n"
        return h
    }

    /// The signed-in reader of the page being rendered (set by ``WebSite`` around each handler): the navigation
    /// shows only the pages the reader's role may open, their name, and the logout button with the CSRF token.
    @TaskLocal public static var reader: Session?

    /// The navigation bar: every page without a reader (no accounts); with one, what their role may open and 退出.
    static func nav(_ reader: Session?) -> String {
        guard let r = reader else {
            return "<nav class=\"site\"><a href=\"/\">节点状态</a><a href=\"/figures\">统计数字</a><a href=\"/records\">业务记录</a></nav>"
        }
        var n = "<nav class=\"site\">"
        if !r.mustChangePassword {
            let links: [(WebCapability, String, String)] = [(.viewStatus, "/it", "运维"), (.viewFigures, "/figures", "统计数字"),
                                                            (.viewRecords, "/records", "业务记录")]
            for (capability, path, label) in links where capability.allows(r) { n += "<a href=\"\(path)\">\(label)</a>" }
            for (path, label) in ProposalDesk.navigation(r) { n += "<a href=\"\(path)\">\(label)</a>" }
            if EntryForms.forms.contains(where: { WebCapability.record($0.area).allows(r) }) { n += "<a href=\"/forms\">录入</a>" }
            for (capability, path, label) in workflowLinks where capability.allows(r) { n += "<a href=\"\(path)\">\(label)</a>" }
            if WebCapability.viewAudit.allows(r) { n += "<a href=\"/audit\">审计记录</a>" }
            n += "<a href=\"/password\">修改密码</a>"
        }
        n += "<form class=\"out\" method=\"post\" action=\"/logout\"><span>\(escape(r.displayName))（\(escape(r.role.label))）</span>"
        n += csrfField(r) + "<button type=\"submit\">退出</button></form></nav>"
        return n
    }

    /// The office's workflow pages of issue 19 in the navigation: the plan board, the opinion desk, joint drafts.
    static let workflowLinks: [(WebCapability, String, String)] = [(.act(.viewRecords(.plans)), "/plans", "协商计划"),
                                                                   (.act(.editOpinions), "/desk", "社情民意编辑"),
                                                                   (.record(.jointDrafts), "/drafts", "联名提案"),
                                                                   (.act(.setPolicy), "/policy", "规则设置")]

    /// The hidden form field carrying the session's CSRF token (every form that posts has it).
    public static func csrfField(_ session: Session) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(escape(session.csrfToken))\">"
    }

    /// A 303 redirect (after a form post, to the login page), with the security headers and any `Set-Cookie`.
    public static func redirect(_ location: String, cookies: [String] = []) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("location", location)] + securityHeaders + cookies.map { ("set-cookie", $0) })
    }

    /// The 403 page: the Chinese reason for the reader, the English one for the log (`data-reason`).
    public static func forbidden(_ chinese: String, reason: String) -> HTTPResponse {
        let body = "<section><h2>403 禁止访问</h2><p class=\"error\" data-reason=\"\(escape(reason))\">\(escape(chinese))</p><p><a href=\"/\">返回首页</a> · <a href=\"/login\">登录</a></p></section>\n"
        return response(status: 403, html: html(title: "禁止访问", body: body))
    }

    /// The 400 page for a query parameter the page refuses, naming it.
    public static func badParameter(_ name: String, _ message: String) -> HTTPResponse {
        let body = "<section><h2>400 请求有误：参数 \(escape(name))</h2><p class=\"muted\" data-parameter=\"\(escape(name))\">\(escape(message))</p><p><a href=\"/\">返回首页</a></p></section>\n"
        return response(status: 400, html: html(title: "请求有误", body: body))
    }

    /// An HTML response with the security headers.
    public static func response(status: Int = 200, html: String, extraHeaders: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("content-type", "text/html; charset=utf-8")] + securityHeaders + extraHeaders,
                     body: Array(html.utf8))
    }

    /// A plain-text response with the security headers.
    public static func text(status: Int = 200, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("content-type", "text/plain; charset=utf-8")] + securityHeaders, body: Array(text.utf8))
    }

    /// The page for what the transport or the route table refused: 400, 404, 405 (with `allow`), 413.
    @Sendable public static func refusal(_ r: HTTPRefusal) -> HTTPResponse {
        let title: String
        switch r.status {
        case 400: title = "请求有误"
        case 404: title = "页面不存在"
        case 405: title = "不支持此操作"
        case 413: title = "提交的内容过大"
        default: title = "无法处理请求"
        }
        let body = "<section><h2>\(r.status) \(escape(title))</h2><p class=\"muted\">\(escape(r.reason))</p><p><a href=\"/\">返回首页</a></p></section>\n"
        return response(status: r.status, html: html(title: title, body: body),
                        extraHeaders: r.allowed.isEmpty ? [] : [("allow", r.allowed.joined(separator: ", "))])
    }

    /// Limits of the web listener: the peer port's hardening, sized for browsers. Browsers never authenticate at
    /// the transport, so the pre-authentication budgets stay on for the connection's life: 32 streams (a page and
    /// its parallel requests), 256 connections per address (an office behind one NAT), 512 in all with the oldest
    /// evicted first; headers 16 KiB (cookies), 2 min idle, 10 s handshake, 20 s for a silent request, 4 MiB of
    /// buffered bytes per connection.
    public static func serverConfiguration(tls: TLSConfiguration) -> ServerConfiguration {
        var c = ServerConfiguration()
        c.tls = tls
        c.maxConnections = 1000
        c.maxHeaderListBytes = 16 * 1024
        c.idleTimeoutSeconds = 120
        c.silentStreamTimeoutSeconds = 20
        c.handshakeTimeoutSeconds = 10
        c.maxBufferedBytesPerConnection = 4 * 1024 * 1024
        var u = UnauthenticatedLimits()
        u.maxConcurrentStreams = 32
        u.maxMessageBytes = 64 * 1024
        u.authenticationTimeoutSeconds = 100 * 365 * 86_400
        u.maxConnectionsPerAddress = 256
        u.maxConnections = 512
        c.unauthenticated = u
        return c
    }
}
