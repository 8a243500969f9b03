import XieshangCalendar
import XieshangReport

/// What an audit row records (审计事件).
public enum AuditEvent: String, CaseIterable, Hashable, Sendable {
    /// 登录成功.
    case login
    /// 登录失败 — wrong password or unknown user.
    case loginFailed = "login_failed"
    /// 登录被拒 — locked, disabled, throttled address, busy.
    case loginRefused = "login_refused"
    /// 账号锁定 — the failure that locked the account.
    case lockout
    /// 退出登录.
    case logout
    /// 会话超时 — a session found idle or past its lifetime.
    case sessionExpired = "session_expired"
    /// 修改密码 (or a refused change, with outcome failure).
    case passwordChanged = "password_changed"
    /// 新增用户.
    case userAdded = "user_added"
    /// 停用用户.
    case userDisabled = "user_disabled"
    /// 重置密码.
    case passwordReset = "password_reset"
    /// 审计导出 — someone exported the trail.
    case auditExported = "audit_exported"
    /// 录入 — a record made through the web's entry forms or the admin socket's Submit (which record, its event seqs).
    case recorded

    /// 中文名称.
    public var label: String {
        switch self {
        case .login: return "登录成功"
        case .loginFailed: return "登录失败"
        case .loginRefused: return "登录被拒"
        case .lockout: return "账号锁定"
        case .logout: return "退出登录"
        case .sessionExpired: return "会话超时"
        case .passwordChanged: return "修改密码"
        case .userAdded: return "新增用户"
        case .userDisabled: return "停用用户"
        case .passwordReset: return "重置密码"
        case .auditExported: return "导出审计记录"
        case .recorded: return "录入"
        }
    }
}

/// One row of the audit trail (审计记录): when, what, whose account, who did it, from where, and the outcome.
public struct AuditRecord: Hashable, Sendable {
    /// Row id, increasing.
    public var id: Int64
    /// When (ms since 1970, UTC).
    public var timeMs: Int64
    /// What happened.
    public var event: AuditEvent
    /// The account concerned (as typed, for a failed login of an unknown name: at most 64 characters).
    public var username: String
    /// Who did it: the user themself (`user:<name>`), or the OS user of a CLI command (`os:<name>(uid N)`).
    public var actor: String
    /// The source: the client's IP address on the web, `admin-socket` for the CLI.
    public var source: String
    /// Whether it succeeded.
    public var succeeded: Bool
    /// A short reason or detail (English and Chinese, e.g. "locked until 10:15 / 锁定至 10:15").
    public var detail: String

    /// Makes a record.
    public init(id: Int64, timeMs: Int64, event: AuditEvent, username: String, actor: String, source: String, succeeded: Bool, detail: String) {
        self.id = id
        self.timeMs = timeMs
        self.event = event
        self.username = username
        self.actor = actor
        self.source = source
        self.succeeded = succeeded
        self.detail = detail
    }
}

/// The audit trail as CSV for Excel (the report module's ``CSVWriter``: UTF-8 with BOM, formula-safe cells).
public enum AuditCSV {
    /// The header: 时间, 事件, 事件代码, 用户名, 操作人, 来源, 结果, 说明.
    public static let header = ["时间（北京时间）", "事件", "事件代码", "用户名", "操作人", "来源", "结果", "说明"]

    /// The CSV file of `records`.
    public static func bytes(_ records: [AuditRecord]) -> [UInt8] {
        CSVWriter.bytes(header: header, rows: records.map { r in
            [chinaTime(r.timeMs), r.event.label, r.event.rawValue, r.username, r.actor, r.source, r.succeeded ? "成功" : "失败", r.detail]
        })
    }

    /// "2026-12-02 23:15:07" in China Standard Time.
    public static func chinaTime(_ ms: Int64) -> String {
        let day = Day(chinaTimeMs: ms)
        let (shifted, overflow) = ms.subtractingReportingOverflow(day.startMsChinaTime)
        let inDay = overflow ? 0 : max(0, shifted) / 1000
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day) \(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))"
    }
}
