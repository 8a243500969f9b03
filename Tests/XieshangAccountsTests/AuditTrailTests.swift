import Foundation
import Testing
import XieshangAccounts
import XieshangStore

/// The audit trail: every kind of event with time, user, actor, source and outcome; six months' retention; CSV.
@Suite(.serialized)
struct AuditTrailTests {
    @Test func everyAccountEventIsRecorded() async throws {
        let t = try TestBook("audit")
        defer { t.remove() }
        let s = try await t.activeUser("zhang", final: "Right-Pass-2026")
        for _ in 1...5 { _ = await t.book.login(username: "zhang", password: "Wrong-Pass", source: "10.0.0.9") }
        _ = try await t.book.resetPassword("zhang", newPassword: "Reset-Pass-2026", actor: "os:ops(uid 1001)", source: "admin-socket")
        await t.book.logout(token: s.token, source: "10.0.0.9")
        _ = try await t.book.disableUser("zhang", actor: "os:ops(uid 1001)", source: "admin-socket")
        let records = try await t.book.auditRecords()
        let events = Set(records.map(\.event))
        for e: AuditEvent in [.userAdded, .login, .passwordChanged, .loginFailed, .lockout, .passwordReset, .userDisabled] {
            #expect(events.contains(e), "\(e)")
        }
        let reset = try #require(records.first { $0.event == .passwordReset })
        #expect(reset.username == "zhang" && reset.actor == "os:ops(uid 1001)" && reset.source == "admin-socket" && reset.succeeded)
        #expect(reset.timeMs == TestBook.start)
        let failure = try #require(records.first { $0.event == .loginFailed })
        #expect(failure.source == "10.0.0.9" && !failure.succeeded && failure.actor == "user:zhang")
        #expect(records.map(\.id) == records.map(\.id).sorted())
    }

    /// Rows are kept 183 days: pruning removes only older ones, and a configuration below six months is refused.
    @Test func pruningKeepsSixMonths() async throws {
        let t = try TestBook("prune")
        defer { t.remove() }
        try await t.activeUser("zhang")
        let early = try await t.book.auditRecords().count
        t.clock.advance(ms: 182 * 86_400_000)
        _ = await t.book.login(username: "zhang", password: "Wrong-Pass", source: "10.0.0.1")
        #expect(try await t.book.pruneAudit() == 0)
        t.clock.advance(ms: 2 * 86_400_000)
        #expect(try await t.book.pruneAudit() == early)
        #expect(try await t.book.auditRecords().map(\.event) == [.loginFailed])
        var config = AccountsConfiguration()
        config.auditRetentionDays = 90
        #expect(throws: AccountsError.self) { try config.validated() }
    }

    @Test func theCSVHasChineseHeadersBOMAndSafeCells() async throws {
        let t = try TestBook("csv")
        defer { t.remove() }
        try await t.activeUser("zhang")
        _ = await t.book.login(username: "=cmd|' /C calc'!A0", password: "Wrong-Pass", source: "10.0.0.1")
        let bytes = AuditCSV.bytes(try await t.book.auditRecords())
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "时间（北京时间）,事件,事件代码,用户名,操作人,来源,结果,说明")
        #expect(lines.dropFirst().first?.hasPrefix("2026-03-02 09:00:00,新增用户,user_added,zhang,os:test,admin-socket,成功") == true, "\(lines)")
        #expect(lines.last?.contains(",'=cmd|' /C calc'!A0,") == true, "a formula-looking name is kept as text: \(lines.last ?? "")")
        #expect(AuditCSV.chinaTime(TestBook.start + 3_723_000) == "2026-03-02 10:02:03")
    }
}
