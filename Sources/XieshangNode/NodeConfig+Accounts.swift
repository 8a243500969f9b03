import XieshangAccounts
import XieshangWire

/// The `accounts` section of node.json: password hashing and the audit trail's retention for the web's accounts.
///
/// ```json
/// "accounts": {"scrypt_n": 16384, "scrypt_r": 8, "scrypt_p": 5, "password_checks": 2, "audit_retention_days": 183, "session_idle_seconds": 1800}
/// ```
/// Every field is optional (the defaults above: about 16 MiB per password check, two at a time, six months of audit, sessions ended after 30 idle minutes).
/// Changing the scrypt parameters upgrades each account's stored hash at its next login.
extension NodeConfig {
    /// The field's name in node.json.
    static let accountsField = "accounts"

    /// The fields of the section.
    static let accountsFields: Set<String> = ["scrypt_n", "scrypt_r", "scrypt_p", "password_checks", "audit_retention_days", "session_idle_seconds"]
}

extension FieldReader {
    /// Reads the `accounts` section (absent: the defaults).
    func accounts(_ v: JSONValue?, at: String) throws(NodeError) -> AccountsConfiguration {
        var c = AccountsConfiguration()
        guard let v else { return c }
        let fields = try object(v, at: at, allowed: NodeConfig.accountsFields)
        let n = try integer(fields["scrypt_n"], at: at + ".scrypt_n", default: Int(c.scrypt.n), range: 2...Int(ScryptParameters.maxN))
        let r = try integer(fields["scrypt_r"], at: at + ".scrypt_r", default: Int(c.scrypt.r), range: 1...Int(ScryptParameters.maxR))
        let p = try integer(fields["scrypt_p"], at: at + ".scrypt_p", default: Int(c.scrypt.p), range: 1...Int(ScryptParameters.maxP))
        c.scrypt = ScryptParameters(n: UInt64(n), r: UInt32(r), p: UInt32(p))
        c.concurrentPasswordChecks = try integer(fields["password_checks"], at: at + ".password_checks", default: c.concurrentPasswordChecks, range: 1...16)
        c.auditRetentionDays = try integer(fields["audit_retention_days"], at: at + ".audit_retention_days", default: c.auditRetentionDays,
                                           range: AccountsConfiguration.minimumAuditRetentionDays...36_500)
        let idle = try integer(fields["session_idle_seconds"], at: at + ".session_idle_seconds", default: Int(c.sessionIdleMs / 1000), range: 2...86_400)
        c.sessionIdleMs = Int64(idle) * 1000
        do {
            return try c.validated()
        } catch {
            throw NodeError(.config, "\(file): field \"\(at)\": \(error.message)", path: file)
        }
    }
}

extension AccountsConfiguration {
    /// The settings as node.json's `accounts` object (only what differs from the defaults).
    func jsonObject() -> [String: Any] {
        let d = AccountsConfiguration()
        var o: [String: Any] = [:]
        if scrypt.n != d.scrypt.n { o["scrypt_n"] = Int(scrypt.n) }
        if scrypt.r != d.scrypt.r { o["scrypt_r"] = Int(scrypt.r) }
        if scrypt.p != d.scrypt.p { o["scrypt_p"] = Int(scrypt.p) }
        if concurrentPasswordChecks != d.concurrentPasswordChecks { o["password_checks"] = concurrentPasswordChecks }
        if auditRetentionDays != d.auditRetentionDays { o["audit_retention_days"] = auditRetentionDays }
        if sessionIdleMs != d.sessionIdleMs { o["session_idle_seconds"] = Int(sessionIdleMs / 1000) }
        return o
    }
}
