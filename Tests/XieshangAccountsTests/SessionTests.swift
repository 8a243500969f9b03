import Foundation
import Testing
import XieshangAccounts
import XieshangStore

/// Sessions with a manual clock: idle timeout, absolute lifetime, logout, CSRF tokens, the cookie, ids stored hashed.
@Suite(.serialized)
struct SessionTests {
    @Test func anIdleSessionExpiresAfterThirtyMinutes() async throws {
        let t = try TestBook("idle")
        defer { t.remove() }
        let s = try await t.activeUser("zhang")
        t.clock.advance(minutes: 29)
        guard case .active = await t.book.session(token: s.token) else { Issue.record("expired early"); return }
        t.clock.advance(minutes: 29)
        guard case .active = await t.book.session(token: s.token) else { Issue.record("use did not extend the session"); return }
        t.clock.advance(minutes: 30)
        #expect(await t.book.session(token: s.token) == .expired)
        #expect(await t.book.session(token: s.token) == .none, "an expired session is gone")
        #expect(try await t.book.auditRecords().last?.event == .sessionExpired)
    }

    @Test func aSessionEndsTwelveHoursAfterLoginHoweverUsed() async throws {
        let t = try TestBook("lifetime")
        defer { t.remove() }
        let s = try await t.activeUser("zhang")
        for _ in 0..<(12 * 3 - 1) {
            t.clock.advance(minutes: 20)
            guard case .active = await t.book.session(token: s.token) else { Issue.record("ended before 12 h"); return }
        }
        t.clock.advance(minutes: 20)
        #expect(await t.book.session(token: s.token) == .expired)
    }

    @Test func logoutEndsTheSessionAndIsAudited() async throws {
        let t = try TestBook("logout")
        defer { t.remove() }
        let s = try await t.activeUser("zhang")
        await t.book.logout(token: s.token, source: "10.0.0.1")
        #expect(await t.book.session(token: s.token) == .none)
        let last = try #require(try await t.book.auditRecords().last)
        #expect(last.event == .logout && last.username == "zhang" && last.source == "10.0.0.1" && last.succeeded)
    }

    @Test func theCSRFTokenIsCheckedAndAMismatchRefused() async throws {
        let t = try TestBook("csrf")
        defer { t.remove() }
        let s = try await t.activeUser("zhang")
        guard case .active(let session) = await t.book.session(token: s.token) else { Issue.record("no session"); return }
        #expect(session.checkCSRF(s.session.csrfToken))
        #expect(!session.checkCSRF(nil))
        #expect(!session.checkCSRF(""))
        #expect(!session.checkCSRF(s.token), "the session id is not the CSRF token")
        var flipped = Array(session.csrfToken)
        flipped[0] = flipped[0] == "A" ? "B" : "A"
        #expect(!session.checkCSRF(String(flipped)))
        let other = try await t.activeUser("lisi")
        #expect(!session.checkCSRF(other.session.csrfToken), "another session's token")
    }

    @Test func sessionIdsAreRandomAndStoredOnlyHashed() async throws {
        let t = try TestBook("hashed")
        defer { t.remove() }
        let s = try await t.activeUser("zhang")
        #expect(s.token.count == 43 && SessionToken.bytes(s.token)?.count == 32)
        let db = try Database(path: t.path, readOnly: true)
        let stored = try db.rows("SELECT id_hash FROM account_sessions")
        #expect(stored.count == 1)
        guard case .blob(let hash)? = stored.first?.first else { Issue.record("no id hash"); return }
        #expect(hash != SessionToken.bytes(s.token), "the id itself is not stored")
        #expect(await t.book.session(token: "not-a-token") == .none)
        #expect(await t.book.session(token: SessionToken.text([UInt8](repeating: 7, count: 32))) == .none)
    }

    @Test func theCookieHasEveryAttribute() {
        let token = SessionToken.text([UInt8](repeating: 1, count: 32))
        #expect(SessionCookie.setCookie(token) == "__Host-xs_session=\(token); Path=/; Secure; HttpOnly; SameSite=Strict")
        #expect(SessionCookie.token(cookieHeaders: ["a=b; __Host-xs_session=\(token); c=d"]) == token)
        #expect(SessionCookie.token(cookieHeaders: ["a=b", "__Host-xs_session=\(token)"]) == token)
        #expect(SessionCookie.token(cookieHeaders: ["__Host-xs_session=\(token)", "__Host-xs_session=\(token)"]) == nil, "two are refused")
        #expect(SessionCookie.token(cookieHeaders: ["xs_session=\(token)"]) == nil, "only the __Host- cookie counts")
        #expect(SessionCookie.token(cookieHeaders: ["__Host-xs_session=short"]) == nil)
        #expect(SessionCookie.clearCookie.contains("Max-Age=0"))
    }
}
