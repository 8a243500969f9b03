/// One account as listed (密码散列不在其中 — the hash never leaves the module).
public struct Account: Hashable, Sendable {
    /// The login name.
    public var username: String
    /// The name pages show (Chinese welcome).
    public var displayName: String
    /// The role at this body.
    public var role: Role
    /// A disabled account cannot log in and has no sessions.
    public var disabled: Bool
    /// The password must be changed at the next login (new account, reset).
    public var mustChangePassword: Bool
    /// Consecutive failed logins since the last success or lockout.
    public var failures: Int
    /// The end of the current lockout (ms since 1970), 0 when not locked.
    public var lockedUntilMs: Int64
    /// When it was added.
    public var createdMs: Int64
    /// Who added it (an actor text).
    public var createdBy: String
    /// When its password was last set.
    public var passwordChangedMs: Int64
    /// The last successful login, if any.
    public var lastLoginMs: Int64?
    /// The scrypt parameters of its stored hash.
    public var scrypt: ScryptParameters

    /// Whether a lockout holds at `nowMs`.
    public func isLocked(atMs nowMs: Int64) -> Bool { lockedUntilMs > nowMs }
}

/// A password handed out by `add` or `reset`: shown once to the operator, to be changed at first login.
public struct IssuedPassword: Hashable, Sendable {
    /// The account.
    public var username: String
    /// The initial password (generated, or the one the operator gave).
    public var password: String
    /// Whether the node generated it.
    public var generated: Bool
}

/// A signed-in user's session as a request sees it (会话).
public struct Session: Hashable, Sendable {
    /// The account.
    public var username: String
    /// Its display name.
    public var displayName: String
    /// Its role.
    public var role: Role
    /// The per-session CSRF token every form carries in a hidden field.
    public var csrfToken: String
    /// The password must be changed before anything else (first login, after a reset).
    public var mustChangePassword: Bool
    /// When the session started.
    public var createdMs: Int64
    /// When it was last used (updated at most once a minute).
    public var lastSeenMs: Int64

    /// A session as the book returns it (tests of the web layer make their own).
    public init(username: String, displayName: String, role: Role, csrfToken: String, mustChangePassword: Bool, createdMs: Int64, lastSeenMs: Int64) {
        self.username = username
        self.displayName = displayName
        self.role = role
        self.csrfToken = csrfToken
        self.mustChangePassword = mustChangePassword
        self.createdMs = createdMs
        self.lastSeenMs = lastSeenMs
    }

    /// Whether `submitted` (a form's hidden field) is this session's CSRF token, compared in constant time.
    public func checkCSRF(_ submitted: String?) -> Bool {
        guard let submitted, let given = SessionToken.bytes(submitted), let own = SessionToken.bytes(csrfToken) else { return false }
        return Scrypt.constantTimeEqual(given, own)
    }

    /// Whether this session may do `action`: its role's permission, except that a session that must change its password
    /// may do nothing else first.
    public func may(_ action: WebAction) -> Bool {
        if mustChangePassword { return action == .changeOwnPassword }
        return role.may(action)
    }
}

/// A session just started (login, password change): its secret token, to be sent once in the cookie.
public struct StartedSession: Hashable, Sendable {
    /// The session id's text (43 characters); the database keeps only its SHA-256.
    public var token: String
    /// The session.
    public var session: Session
    /// The `Set-Cookie` value for it.
    public var setCookie: String { SessionCookie.setCookie(token) }
}

/// Why a login was refused. The web shows ``chinese``; ``reason`` goes to the audit trail.
public enum LoginRefusal: Hashable, Sendable {
    /// Unknown user or wrong password (the same answer for both).
    case badCredentials
    /// The account is locked until this time (ms since 1970).
    case locked(untilMs: Int64)
    /// The account is disabled (said only after a correct password).
    case disabled
    /// Too many failures from this address; refused until this time.
    case throttled(untilMs: Int64)
    /// Too many password checks waiting, or another login of this account is being checked right now.
    case busy

    /// 中文提示.
    public var chinese: String {
        switch self {
        case .badCredentials: return "用户名或密码错误"
        case .locked(let until): return "连续登录失败次数过多，账号已锁定，请于 \(AuditCSV.chinaTime(until).dropFirst(11).prefix(5)) 后再试"
        case .disabled: return "账号已停用，请联系办公室"
        case .throttled(let until): return "本机登录失败次数过多，请于 \(AuditCSV.chinaTime(until).dropFirst(11).prefix(5)) 后再试"
        case .busy: return "系统繁忙，请稍后再试"
        }
    }

    /// For the audit trail and logs.
    public var reason: String {
        switch self {
        case .badCredentials: return "wrong password or unknown user"
        case .locked(let until): return "account locked until \(AuditCSV.chinaTime(until))"
        case .disabled: return "account disabled"
        case .throttled(let until): return "source address throttled until \(AuditCSV.chinaTime(until))"
        case .busy: return "busy"
        }
    }
}

/// The result of a login.
public enum LoginOutcome: Hashable, Sendable {
    /// Signed in; the session may have to change its password first.
    case signedIn(StartedSession)
    /// Refused.
    case refused(LoginRefusal)
}

/// What a request's session cookie leads to.
public enum SessionLookup: Hashable, Sendable {
    /// A live session (its last use updated).
    case active(Session)
    /// The session existed but ran past its idle timeout or lifetime: it is gone now (the page says so).
    case expired
    /// No such session (never was, logged out, invalidated by a password change or disable).
    case none
}
