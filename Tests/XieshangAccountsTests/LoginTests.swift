import Foundation
import Testing
import XieshangAccounts
import XieshangStore

/// Logins against a real SQLite file with a manual clock: first-login password change, lockout and its release,
/// the per-address throttle, disabled accounts, resets, hostile input, and the stored-parameter upgrade.
@Suite(.serialized)
struct LoginTests {
    @Test func aNewAccountMustChangeItsPasswordAtFirstLogin() async throws {
        let t = try TestBook("first-login")
        defer { t.remove() }
        let issued = try await t.book.addUser(username: "Clerk1", displayName: "李文书", role: "clerk", actor: "os:root(uid 0)", source: "admin-socket")
        #expect(issued.username == "clerk1" && issued.generated)
        guard case .signedIn(let first) = await t.book.login(username: "CLERK1", password: issued.password, source: "10.0.0.7") else {
            Issue.record("the initial password did not log in"); return
        }
        #expect(first.session.mustChangePassword)
        #expect(!first.session.may(.record(.activities)) && first.session.may(.changeOwnPassword))
        let changed = try await t.book.changePassword(token: first.token, current: issued.password, new: "Tea-Garden-2026", source: "10.0.0.7")
        #expect(!changed.session.mustChangePassword && changed.session.may(.record(.activities)))
        #expect(await t.book.session(token: first.token) == .none, "the old session ended with the password change")
        guard case .active(let s) = await t.book.session(token: changed.token) else { Issue.record("the new session is not active"); return }
        #expect(s.username == "clerk1" && s.displayName == "李文书" && s.role == .clerk)
        #expect(await t.book.login(username: "clerk1", password: issued.password, source: "10.0.0.7") == .refused(.badCredentials))
        guard case .signedIn(let again) = await t.book.login(username: "clerk1", password: "Tea-Garden-2026", source: "10.0.0.7") else {
            Issue.record("the new password did not log in"); return
        }
        #expect(!again.session.mustChangePassword)
    }

    /// The 5th consecutive failure locks the account for 15 minutes; during the lockout even the right password is
    /// refused; at 15 minutes it logs in again.
    @Test func lockoutAtTheFifthFailureAndReleaseAfterFifteenMinutes() async throws {
        let t = try TestBook("lockout")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        for i in 1...4 {
            #expect(await t.book.login(username: "zhang", password: "Wrong-Pass-\(i)", source: "10.0.0.\(i)") == .refused(.badCredentials), "failure \(i)")
        }
        let until = TestBook.start + 15 * 60_000
        #expect(await t.book.login(username: "zhang", password: "Wrong-Pass-5", source: "10.0.0.5") == .refused(.locked(untilMs: until)))
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.6") == .refused(.locked(untilMs: until)))
        #expect(LoginRefusal.locked(untilMs: until).chinese == "连续登录失败次数过多，账号已锁定，请于 09:15 后再试")
        t.clock.advance(minutes: 14)
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.6") == .refused(.locked(untilMs: until)))
        t.clock.advance(minutes: 1)
        guard case .signedIn = await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.6") else {
            Issue.record("the lockout did not end after 15 minutes"); return
        }
        #expect(try await t.book.user("zhang")?.failures == 0)
        let events = try await t.book.auditRecords().map(\.event)
        #expect(events.filter { $0 == .loginFailed }.count == 5)
        #expect(events.filter { $0 == .lockout }.count == 1)
        #expect(events.filter { $0 == .loginRefused }.count == 2)
    }

    @Test func aSuccessResetsTheFailureCount() async throws {
        let t = try TestBook("reset-count")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        for _ in 1...4 { _ = await t.book.login(username: "zhang", password: "Wrong-Pass", source: "10.0.0.1") }
        guard case .signedIn = await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") else { Issue.record("no login"); return }
        for _ in 1...4 { #expect(await t.book.login(username: "zhang", password: "Wrong-Pass", source: "10.0.0.1") == .refused(.badCredentials)) }
    }

    /// Per-address throttle: 20 failures from one address within 15 minutes (over many accounts, none locked) refuse
    /// that address's logins without hashing until the window ends; other addresses are not affected.
    @Test func aGuessingAddressIsThrottledAndOthersAreNot() async throws {
        let t = try TestBook("throttle")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        for i in 0..<20 {
            #expect(await t.book.login(username: "user\(i)", password: "Guess-Pass-1", source: "203.0.113.9") == .refused(.badCredentials))
        }
        let end = TestBook.start + 15 * 60_000
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "203.0.113.9") == .refused(.throttled(untilMs: end)))
        guard case .signedIn = await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.2") else {
            Issue.record("another address was throttled too"); return
        }
        #expect(await t.book.login(username: "zhang", password: "x", source: "203.0.113.9") == .refused(.throttled(untilMs: end)))
        let refusals = try await t.book.auditRecords().filter { $0.event == .loginRefused && $0.source == "203.0.113.9" }
        #expect(refusals.count == 1, "a throttled address's refusals are audited once per window, not once per request")
        t.clock.advance(minutes: 15)
        guard case .signedIn = await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "203.0.113.9") else {
            Issue.record("the throttle did not end with its window"); return
        }
    }

    /// A disabled account cannot log in (said only after the right password) and its sessions end at once.
    @Test func disablingEndsSessionsAndRefusesLogins() async throws {
        let t = try TestBook("disable")
        defer { t.remove() }
        let s = try await t.activeUser("zhang", final: "Right-Pass-2026")
        let account = try await t.book.disableUser("zhang", actor: "os:root(uid 0)", source: "admin-socket")
        #expect(account.disabled)
        #expect(await t.book.session(token: s.token) == .none)
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") == .refused(.disabled))
        #expect(await t.book.login(username: "zhang", password: "Wrong-Pass-2026", source: "10.0.0.1") == .refused(.badCredentials))
    }

    /// A reset gives a new initial password that must be changed, clears a lockout and ends the sessions.
    @Test func aResetClearsTheLockoutAndForcesAChange() async throws {
        let t = try TestBook("reset")
        defer { t.remove() }
        let s = try await t.activeUser("zhang", final: "Right-Pass-2026")
        for _ in 1...5 { _ = await t.book.login(username: "zhang", password: "Wrong-Pass", source: "10.0.0.1") }
        #expect(try await t.book.user("zhang")?.isLocked(atMs: t.clock.nowMs()) == true)
        let issued = try await t.book.resetPassword("zhang", actor: "os:root(uid 0)", source: "admin-socket")
        #expect(await t.book.session(token: s.token) == .none)
        guard case .signedIn(let fresh) = await t.book.login(username: "zhang", password: issued.password, source: "10.0.0.1") else {
            Issue.record("the reset password did not log in"); return
        }
        #expect(fresh.session.mustChangePassword)
        await #expect(throws: AccountsError.self) {
            try await t.book.resetPassword("nobody", actor: "os:root(uid 0)", source: "admin-socket")
        }
    }

    @Test func aWrongCurrentPasswordAtAChangeCountsAsAFailure() async throws {
        let t = try TestBook("change-wrong")
        defer { t.remove() }
        let s = try await t.activeUser("zhang", final: "Right-Pass-2026")
        do {
            _ = try await t.book.changePassword(token: s.token, current: "Wrong-Pass-2026", new: "Another-Pass-2027", source: "10.0.0.1")
            Issue.record("a wrong current password changed the password")
        } catch {
            #expect(error.code == .badCredentials && error.chinese == "当前密码错误")
        }
        #expect(try await t.book.user("zhang")?.failures == 1)
        do {
            _ = try await t.book.changePassword(token: s.token, current: "Right-Pass-2026", new: "short", source: "10.0.0.1")
            Issue.record("a weak new password was accepted")
        } catch {
            #expect(error.code == .weakPassword && error.chinese.contains("密码至少需要 10 个字符"))
        }
    }

    /// A 1 MB password is refused as a failure at once, without hashing, and never reaches a form's complexity rules.
    @Test func aVeryLongPasswordIsRefusedWithoutHashing() async throws {
        let t = try TestBook("long", configure: { $0.scrypt = ScryptParameters(n: 1 << 14, r: 8, p: 1) })
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        let huge = String(repeating: "A1b-", count: 262_144)
        let clock = ContinuousClock()
        let hashedAt = clock.now
        _ = await t.book.login(username: "zhang", password: "Wrong-Pass-2026", source: "10.0.0.1")
        let hashed = clock.now - hashedAt
        let longAt = clock.now
        #expect(await t.book.login(username: "zhang", password: huge, source: "10.0.0.1") == .refused(.badCredentials))
        let long = clock.now - longAt
        // A ratio within one run: the 1 MB refusal does no scrypt, so it is not slower than one real check.
        #expect(long < hashed * 2, "1 MB password took \(long), a checked one \(hashed)")
        let last = try await t.book.auditRecords().last
        #expect(last?.event == .loginFailed && last?.detail.contains("not checked") == true)
        #expect(PasswordPolicy.problems(huge, username: "zhang") == [.tooLong(maximum: 128)])
    }

    /// Hostile login names are stored in the audit trail literally (cut to 64 characters), never interpreted.
    @Test func sqlLookingAndUnicodeUsernamesAreStoredLiterally() async throws {
        let t = try TestBook("hostile")
        defer { t.remove() }
        try await t.activeUser("zhang")
        let hostile = ["robert'); DROP TABLE accounts;--", "a\u{202E}dmin", "x' OR '1'='1", String(repeating: "长", count: 100)]
        for name in hostile {
            #expect(await t.book.login(username: name, password: "Whatever-2026", source: "10.0.0.1") == .refused(.badCredentials))
            await #expect(throws: AccountsError.self) {
                try await t.book.addUser(username: name, displayName: "x", role: "clerk", actor: "os:test", source: "admin-socket")
            }
        }
        let failed = try await t.book.auditRecords().filter { $0.event == .loginFailed }.map(\.username)
        #expect(failed == hostile.map { String($0.prefix(64)) })
        #expect(try await t.book.users().map(\.username) == ["zhang"], "the accounts table is intact")
        _ = try await t.book.addUser(username: "lisi", displayName: "'); DROP TABLE accounts;--", role: "viewer", actor: "os:test", source: "admin-socket")
        #expect(try await t.book.user("lisi")?.displayName == "'); DROP TABLE accounts;--")
    }

    /// Parameters changed in the config: the hash made with the old ones still logs in, and is stored again with the
    /// new parameters (and a new salt) at that login.
    @Test func storedParametersAreUpgradedAtTheNextLogin() async throws {
        let t = try TestBook("upgrade")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        #expect(try await t.book.user("zhang")?.scrypt == ScryptParameters(n: 16, r: 1, p: 1))
        var config = t.book.configuration
        config.scrypt = ScryptParameters(n: 64, r: 2, p: 1)
        let upgraded = try AccountBook(databasePath: t.path, configuration: config, clock: t.clock)
        guard case .signedIn = await upgraded.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") else {
            Issue.record("the old hash did not log in"); return
        }
        #expect(try await upgraded.user("zhang")?.scrypt == ScryptParameters(n: 64, r: 2, p: 1))
        guard case .signedIn = await upgraded.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") else {
            Issue.record("the upgraded hash did not log in"); return
        }
        #expect(await upgraded.login(username: "zhang", password: "Wrong-Pass-2026", source: "10.0.0.1") == .refused(.badCredentials))
        #expect(try await upgraded.auditRecords().contains { $0.detail.contains("hash upgraded N=16 r=1 p=1 → N=64 r=2 p=1") })
    }

    /// A stored row with absurd parameters (a damaged or hostile database) refuses the login; it never traps or
    /// allocates terabytes.
    @Test func absurdStoredParametersAreRefused() async throws {
        let t = try TestBook("absurd")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        let db = try Database(path: t.path)
        try db.execute("UPDATE accounts SET kdf_n = ?, kdf_r = ? WHERE username = 'zhang'", [.integer(1 << 40), .integer(1 << 40)])
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") == .refused(.busy))
        try db.execute("UPDATE accounts SET kdf_n = -5 WHERE username = 'zhang'")
        #expect(await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") == .refused(.busy))
    }

    @Test func duplicateAndInvalidAdditionsAreRefused() async throws {
        let t = try TestBook("dup")
        defer { t.remove() }
        _ = try await t.book.addUser(username: "zhang", displayName: "张三", role: "office", actor: "os:test", source: "admin-socket")
        do {
            _ = try await t.book.addUser(username: "ZHANG", displayName: "张三", role: "office", actor: "os:test", source: "admin-socket")
            Issue.record("a duplicate was added")
        } catch {
            #expect(error.code == .duplicateUser)
        }
        do {
            _ = try await t.book.addUser(username: "lisi", displayName: "李四", role: "office", initialPassword: "lisi-password", actor: "os:test", source: "admin-socket")
            Issue.record("a weak initial password was accepted")
        } catch {
            #expect(error.code == .weakPassword && error.problems.contains(.containsUsername))
        }
        await #expect(throws: AccountsError.self) {
            try await t.book.addUser(username: "wang", displayName: "王五", role: "boss", actor: "os:test", source: "admin-socket")
        }
    }

    /// A caller that stopped waiting (a CLI past its deadline) gets nothing written: no account whose generated password
    /// nobody saw, no reset password nobody saw — the old one still logs in; the trail records each as a failure.
    @Test func anAdditionOrResetTheCallerGaveUpOnWritesNothing() async throws {
        let t = try TestBook("abandoned")
        defer { t.remove() }
        do {
            _ = try await t.book.addUser(username: "zhao", displayName: "赵六", role: "clerk", actor: "os:test", source: "admin-socket",
                                         wanted: { false })
            Issue.record("an abandoned addition was written")
        } catch {
            #expect(error.code == .abandoned && error.chinese.contains("未写入"), "\(error)")
        }
        #expect(try await t.book.user("zhao") == nil)
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        do {
            _ = try await t.book.resetPassword("zhang", actor: "os:test", source: "admin-socket", wanted: { false })
            Issue.record("an abandoned reset was written")
        } catch {
            #expect(error.code == .abandoned, "\(error)")
        }
        guard case .signedIn(let s) = await t.book.login(username: "zhang", password: "Right-Pass-2026", source: "10.0.0.1") else {
            Issue.record("the password before the abandoned reset no longer logs in"); return
        }
        #expect(!s.session.mustChangePassword)
        let failed = try await t.book.auditRecords().filter { !$0.succeeded }.map { "\($0.event.rawValue) \($0.username)" }
        #expect(failed == ["\(AuditEvent.userAdded.rawValue) zhao", "\(AuditEvent.passwordReset.rawValue) zhang"])
    }
}

/// Abuse of a locked account cannot flood the audit trail.
@Suite(.serialized)
struct LockedAccountFloodTests {
    /// Finding: every try at a locked account wrote an audit row and counted nowhere, so a script could write rows (each
    /// one fsync) without end. Tries at a locked account now count against the address, whose throttle is audited once
    /// per window.
    @Test func triesAtALockedAccountEndInTheAddressThrottle() async throws {
        let t = try TestBook("flood")
        defer { t.remove() }
        try await t.activeUser("zhang", final: "Right-Pass-2026")
        for _ in 0..<200 { _ = await t.book.login(username: "zhang", password: "Wrong-Pass", source: "198.51.100.7") }
        let rows = try await t.book.auditRecords().filter { $0.source == "198.51.100.7" }
        #expect(rows.count <= 25, "\(rows.count) audit rows for 200 tries")
        #expect(rows.last?.event == .loginRefused && rows.last?.detail.contains("throttled") == true)
    }
}
