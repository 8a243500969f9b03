/// The accounts module's tunables, from the node's config (`accounts` in node.json) or a test.
public struct AccountsConfiguration: Sendable, Equatable {
    /// scrypt parameters for new hashes; older hashes are upgraded at their next successful login.
    public var scrypt: ScryptParameters = .default
    /// Password checks (scrypt runs) at the same time: each needs ``ScryptParameters/memoryBytes`` (16 MiB at the
    /// default), so 2 bound the node's extra memory to 32 MiB.
    public var concurrentPasswordChecks = 2
    /// Checks that may wait for a free slot; more are refused at once ("busy", nothing hashed).
    public var waitingPasswordChecks = 16
    /// Consecutive failed logins that lock an account.
    public var lockoutFailures = 5
    /// How long a lockout lasts.
    public var lockoutMs: Int64 = 15 * 60_000
    /// Failed logins from one source address within ``addressWindowMs`` that make the node refuse that address's
    /// logins (without hashing) until the window ends: guessing across many accounts from one place is slowed down
    /// without locking anyone out from elsewhere.
    public var addressFailures = 20
    /// The window of ``addressFailures``.
    public var addressWindowMs: Int64 = 15 * 60_000
    /// A session unused this long ends (idle timeout).
    public var sessionIdleMs: Int64 = 30 * 60_000
    /// A session ends this long after login whatever its use (absolute lifetime).
    public var sessionLifetimeMs: Int64 = 12 * 3_600_000
    /// Audit rows are kept at least this long; older ones are pruned (never less than 183 days).
    public var auditRetentionDays = 183

    /// Shortest audit retention the module accepts: six months.
    public static let minimumAuditRetentionDays = 183

    /// The defaults listed above.
    public init() {}

    /// These settings, checked.
    /// - Throws: ``AccountsError`` `.invalidParameters` naming the setting.
    public func validated() throws(AccountsError) -> AccountsConfiguration {
        func bad(_ what: String) -> AccountsError {
            AccountsError(.invalidParameters, "accounts setting \(what)", chinese: "账号设置无效：\(what)")
        }
        _ = try scrypt.validated("the accounts configuration")
        guard (1...16).contains(concurrentPasswordChecks) else { throw bad("concurrent password checks must be 1…16") }
        guard (0...1024).contains(waitingPasswordChecks) else { throw bad("waiting password checks must be 0…1024") }
        guard (1...100).contains(lockoutFailures) else { throw bad("lockout failures must be 1…100") }
        guard lockoutMs >= 60_000, lockoutMs <= 86_400_000 else { throw bad("lockout must last 1 minute to 1 day") }
        guard addressFailures >= lockoutFailures, addressWindowMs >= 60_000 else {
            throw bad("the per-address failure limit must be at least the lockout count, over at least a minute")
        }
        guard sessionIdleMs >= 2_000, sessionLifetimeMs >= sessionIdleMs, sessionLifetimeMs <= 7 * 86_400_000 else {
            throw bad("sessions need an idle timeout of at least 2 seconds (30 minutes by default; seconds only for tests) and a lifetime from that to 7 days")
        }
        guard auditRetentionDays >= AccountsConfiguration.minimumAuditRetentionDays, auditRetentionDays <= 36_500 else {
            throw bad("audit retention must be \(AccountsConfiguration.minimumAuditRetentionDays)…36500 days (等保: at least 6 months)")
        }
        return self
    }
}
