import Testing
import XieshangAccounts
@testable import XieshangNode

/// node.json's `accounts` section: scrypt parameters, concurrent password checks, audit retention — read strictly,
/// defaulted when absent, written back by `jsonText()`.
struct NodeConfigAccountsTests {
    func config(_ accounts: String?) -> String {
        """
        {"node_id": "cn.gz.tongren.wanshan", "listen": "127.0.0.1:7101"\(accounts.map { #", "accounts": "# + $0 } ?? "")}
        """
    }

    @Test func absentMeansTheDefaults() throws {
        let c = try NodeConfig.parse(config(nil), file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.accounts == AccountsConfiguration())
        #expect(c.accounts.scrypt == ScryptParameters(n: 16_384, r: 8, p: 5))
        #expect(!c.jsonText().contains("accounts"))
    }

    @Test func settingsAreReadAndWrittenBack() throws {
        let c = try NodeConfig.parse(config(#"{"scrypt_n": 32768, "scrypt_p": 2, "password_checks": 1, "audit_retention_days": 400}"#),
                                     file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.accounts.scrypt == ScryptParameters(n: 32_768, r: 8, p: 2))
        #expect(c.accounts.concurrentPasswordChecks == 1 && c.accounts.auditRetentionDays == 400)
        #expect(c.accounts.sessionIdleMs == 30 * 60_000, "30 idle minutes by default")
        let idle = try NodeConfig.parse(config(#"{"session_idle_seconds": 5}"#), file: "node.json", baseDirectory: "/srv/xs")
        #expect(idle.accounts.sessionIdleMs == 5_000)
        #expect(try NodeConfig.parse(idle.jsonText(), file: "node.json", baseDirectory: "/srv/xs").accounts.sessionIdleMs == 5_000)
        let back = try NodeConfig.parse(c.jsonText(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(back.accounts == c.accounts)
    }

    @Test(arguments: [
        (#"{"scrypt_n": 1000}"#, "power of two"),
        (#"{"scrypt_n": 2097152}"#, "accounts.scrypt_n"),
        (#"{"scrypt_r": 0}"#, "accounts.scrypt_r"),
        (#"{"audit_retention_days": 90}"#, "accounts.audit_retention_days"),
        (#"{"password_checks": 0}"#, "accounts.password_checks"),
        (#"{"session_idle_seconds": 1}"#, "accounts.session_idle_seconds"),
        (#"{"session_idle_seconds": 86401}"#, "accounts.session_idle_seconds"),
        (#"{"scrypt": 5}"#, "unknown field \"accounts.scrypt\""),
        (#""fast""#, "accounts"),
    ])
    func badSettingsNameTheField(_ text: String, _ expected: String) {
        let error = #expect(throws: NodeError.self) {
            try NodeConfig.parse(config(text), file: "node.json", baseDirectory: "/srv/xs")
        }
        #expect(error?.message.contains(expected) == true, "\(String(describing: error))")
    }
}
