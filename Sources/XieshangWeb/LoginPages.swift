import XieshangAccounts
import XieshangTransport

/// Login, logout and the password change (登录、退出、修改密码): pages over the node's ``AccountBook``, which hashes,
/// locks, throttles and audits (every login, failure, logout and change is a row of its trail).
enum LoginPages {
    /// The routes: `GET|POST /login` (open: the gate checks a post's origin), `POST /logout` and `GET|POST /password`
    /// (signed in; a session that must change its password may use only these).
    static func routes(_ book: AccountBook) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: "/login", isPrefix: false, capability: .open) { request, _ in
                let query = (try? request.query()) ?? []
                let expired = query.contains { $0.0 == "expired" }
                return WebPage.response(html: page(next: next(query.first { $0.0 == "next" }?.1), username: "",
                                                   note: expired ? "会话已超时（空闲超过 \(book.configuration.sessionIdleMs / 60_000 > 0 ? "\(book.configuration.sessionIdleMs / 60_000) 分钟" : "\(book.configuration.sessionIdleMs / 1000) 秒")），请重新登录" : ""))
            },
            WebSite.Route(method: "POST", path: "/login", isPrefix: false, capability: .open) { request, _ in
                guard let fields = try? request.form() else { return WebPage.badParameter("form", "登录表单无法解析") }
                func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
                let target = next(field("next"))
                switch await book.login(username: field("username"), password: field("password"), source: request.peer) {
                case .signedIn(let started):
                    return WebPage.redirect(started.session.mustChangePassword ? "/password" : target, cookies: [started.setCookie])
                case .refused(let refusal):
                    return WebPage.response(status: 401, html: page(next: target, username: field("username"), error: refusal.chinese))
                }
            },
            WebSite.Route(method: "POST", path: "/logout", isPrefix: false, capability: .signedIn) { request, _ in
                if let token = AccountsGate.token(request) { await book.logout(token: token, source: request.peer) }
                return WebPage.redirect("/login", cookies: [SessionCookie.clearCookie])
            },
            WebSite.Route(method: "GET", path: "/password", isPrefix: false, capability: .signedIn) { _, session in
                guard let session else { return WebPage.redirect("/login") }
                return WebPage.response(html: passwordPage(session))
            },
            WebSite.Route(method: "POST", path: "/password", isPrefix: false, capability: .signedIn) { request, session in
                guard let session, let token = AccountsGate.token(request) else { return WebPage.redirect("/login") }
                guard let fields = try? request.form() else { return WebPage.badParameter("form", "表单无法解析") }
                func field(_ name: String) -> String { fields.first { $0.0 == name }?.1 ?? "" }
                guard field("new") == field("confirm") else {
                    return WebPage.response(status: 422, html: passwordPage(session, error: "两次输入的新密码不一致"))
                }
                do throws(AccountsError) {
                    let started = try await book.changePassword(token: token, current: field("current"), new: field("new"), source: request.peer)
                    return WebPage.redirect("/", cookies: [started.setCookie])
                } catch {
                    let detail = error.chinese
                    return WebPage.response(status: 422, html: passwordPage(session, error: detail))
                }
            },
        ]
    }

    /// Where to go after the login: a local path only (`/…`, not `//host` or `/\host`), else `/`.
    static func next(_ text: String?) -> String {
        guard let t = text, t.hasPrefix("/"), !t.hasPrefix("//"), !t.hasPrefix("/\\"),
              t.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else { return "/" }
        return t
    }

    /// The login page, with the refusal or a note above the form.
    static func page(next: String, username: String, error: String = "", note: String = "") -> String {
        let e = WebPage.escape
        var b = "<section><h2>登录</h2>"
        if !error.isEmpty { b += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        if !note.isEmpty { b += "<p class=\"note\">\(e(note))</p>" }
        b += "<form class=\"entry\" method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"next\" value=\"\(e(next))\">"
        b += "<label>用户名<input name=\"username\" autocomplete=\"username\" required maxlength=\"64\" value=\"\(e(username))\"></label>"
        b += "<label>密码<input name=\"password\" type=\"password\" autocomplete=\"current-password\" required maxlength=\"1024\"></label>"
        b += "<button type=\"submit\">登录</button></form></section>\n"
        return WebPage.html(title: "协商 · 登录", subtitle: "政协履职工作平台", body: b)
    }

    /// The password change page (修改密码): forced at the first login and after a reset.
    static func passwordPage(_ session: Session, error: String = "") -> String {
        let e = WebPage.escape
        var b = "<section><h2>修改密码</h2>"
        if session.mustChangePassword { b += "<p class=\"note\">首次登录或密码被重置后，须先修改密码才能使用其他页面。</p>" }
        if !error.isEmpty { b += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        b += "<form class=\"entry\" method=\"post\" action=\"/password\">" + WebPage.csrfField(session)
        b += "<label>当前密码<input name=\"current\" type=\"password\" autocomplete=\"current-password\" required></label>"
        b += "<label>新密码<input name=\"new\" type=\"password\" autocomplete=\"new-password\" required></label>"
        b += "<label>再次输入新密码<input name=\"confirm\" type=\"password\" autocomplete=\"new-password\" required></label>"
        b += "<button type=\"submit\">修改密码</button></form></section>\n"
        return WebPage.html(title: "修改密码", subtitle: "\(session.displayName)（\(session.username)）", body: b)
    }
}
