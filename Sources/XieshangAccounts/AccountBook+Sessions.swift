import XieshangStore

/// Logins, sessions, logout and password changes (登录与会话): what the web layer calls.
extension AccountBook {
    /// The hash a login of an unknown user is checked against, so it takes as long as a real check (no timing hint
    /// that a name does not exist). Never matches: its "hash" is empty.
    private static let decoySalt = [UInt8](repeating: 0x5a, count: 16)

    /// Checks a login and starts a session.
    ///
    /// Steps: a throttled source address or a locked account is refused without hashing; a password longer than
    /// ``PasswordPolicy/maxBytes`` counts as a failure without hashing; otherwise scrypt runs in the gate (for an unknown
    /// user too, against a decoy). A failure counts toward the account's lockout (the 5th locks it) and the address's
    /// throttle. A success resets the count, upgrades the stored hash when the configured parameters changed, and
    /// starts a session that may have to change its password first. Every outcome is audited.
    /// - Parameters:
    ///   - username: as typed (capitals are lowered).
    ///   - password: as typed.
    ///   - source: the client's address (audit and throttle).
    public func login(username: String, password: String, source: String) async -> LoginOutcome {
        let now = clock.nowMs()
        let typed = String(username.prefix(64))
        let name = try? Names.username(username)
        let key = name ?? typed
        let actor = "user:" + key
        // 1. Address throttle, lockout, one check per account at a time.
        enum Start { case refuse(LoginRefusal), check(StoredAccount?) }
        let start: Start
        do {
            start = try await onQueue { (c) throws(AccountsError) -> Start in
                if let until = self.throttledUntil(c, source: source, nowMs: now) {
                    let first = c.addresses[source].map { !$0.refusalLogged } ?? true
                    c.addresses[source]?.refusalLogged = true
                    if first {
                        try self.write(c, "audit a throttled login") { (db) throws(StoreError) in
                            try AccountBook.audit(db, timeMs: now, .loginRefused, username: typed, actor: actor, source: source, succeeded: false,
                                                  detail: LoginRefusal.throttled(untilMs: until).reason)
                        }
                    }
                    return .refuse(.throttled(untilMs: until))
                }
                let stored = try name.flatMap { (n) throws(AccountsError) in try self.storedAccount(c, n) }
                if let stored, stored.account.isLocked(atMs: now) {
                    // A try at a locked account counts against the address too: guessing on after a lockout ends in the
                    // address's throttle, whose refusals are audited once per window (the trail cannot be flooded).
                    self.countAddressFailure(c, source: source, nowMs: now)
                    try self.write(c, "audit a login of a locked account") { (db) throws(StoreError) in
                        try AccountBook.audit(db, timeMs: now, .loginRefused, username: key, actor: actor, source: source, succeeded: false,
                                              detail: LoginRefusal.locked(untilMs: stored.account.lockedUntilMs).reason)
                    }
                    return .refuse(.locked(untilMs: stored.account.lockedUntilMs))
                }
                guard c.checking.insert(key).inserted else { return .refuse(.busy) }
                return .check(stored)
            }
        } catch {
            return .refused(.busy)
        }
        let stored: StoredAccount?
        switch start {
        case .refuse(let r): return .refused(r)
        case .check(let s): stored = s
        }
        // 2. The password check, off the queue.
        // Measured before any copy: a megabyte-long password costs no more than its length check.
        let tooLong = password.utf8.count > PasswordPolicy.maxBytes
        let bytes = tooLong ? [] : Array(password.utf8)
        let check: Result<(match: Bool, upgrade: (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters)?), AccountsError>
        if tooLong {
            check = .success((false, nil))
        } else {
            let configured = configuration.scrypt
            do {
                let r = try await gate.run { () throws(AccountsError) -> (match: Bool, upgrade: (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters)?) in
                    guard let stored else {
                        _ = try Scrypt.derive(password: bytes, salt: AccountBook.decoySalt, parameters: configured)
                        return (false, nil)
                    }
                    let match = try self.verify(bytes, against: stored)
                    // Parameters changed in the config since this hash was made: rehash now, while the password is at hand.
                    let upgrade = match && stored.account.scrypt != configured ? try self.newHash(password) : nil
                    return (match, upgrade)
                }
                check = .success(r)
            } catch {
                check = .failure(error)
            }
        }
        // 3. Record the outcome.
        do {
            return try await onQueue { (c) throws(AccountsError) -> LoginOutcome in
                c.checking.remove(key)
                let result: (match: Bool, upgrade: (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters)?)
                switch check {
                case .failure(let error) where error.code == .busy:
                    return .refused(.busy)
                case .failure(let error):
                    try self.write(c, "audit a failed password check") { (db) throws(StoreError) in
                        try AccountBook.audit(db, timeMs: now, .loginRefused, username: key, actor: actor, source: source, succeeded: false,
                                              detail: "password check failed: \(error.message)")
                    }
                    return .refused(.busy)
                case .success(let r): result = r
                }
                guard let stored, result.match else {
                    return try self.recordFailure(c, stored: stored, key: key, actor: actor, source: source, nowMs: now,
                                                  detail: tooLong ? "password over \(PasswordPolicy.maxBytes) bytes, not checked / 密码过长" : "")
                }
                if stored.account.disabled {
                    try self.write(c, "audit a login of a disabled account") { (db) throws(StoreError) in
                        try AccountBook.audit(db, timeMs: now, .loginRefused, username: key, actor: actor, source: source, succeeded: false,
                                              detail: LoginRefusal.disabled.reason)
                    }
                    return .refused(.disabled)
                }
                // The session starts now, after the check: under load a check takes seconds, and a session dated
                // before it would start idle (with a short idle timeout, born expired).
                let started = try self.startSession(c, stored.account, source: source, nowMs: self.clock.nowMs())
                try self.write(c, "record the login of \(key)") { (db) throws(StoreError) in
                    try db.execute("UPDATE accounts SET failures = 0, locked_until_ms = 0, last_login_ms = ? WHERE username = ?",
                                   [.integer(now), .text(key)])
                    if let u = result.upgrade { try AccountBook.store(u, of: key, in: db) }
                    try started.insert(db)
                    var detail = started.started.session.mustChangePassword ? "must change the password first / 须先修改密码" : ""
                    if let u = result.upgrade { detail += (detail.isEmpty ? "" : "; ") + "hash upgraded \(stored.account.scrypt) → \(u.parameters)" }
                    try AccountBook.audit(db, timeMs: now, .login, username: key, actor: actor, source: source, succeeded: true, detail: detail)
                }
                try self.pruneIfDue(c, nowMs: now)
                return .signedIn(started.started)
            }
        } catch {
            return .refused(.busy)
        }
    }

    /// Counts a failed login: the account's count (locking it at the limit) and the address's; audited.
    private func recordFailure(_ c: Confined, stored: StoredAccount?, key: String, actor: String, source: String, nowMs now: Int64,
                               detail: String) throws(AccountsError) -> LoginOutcome {
        countAddressFailure(c, source: source, nowMs: now)
        let limit = configuration.lockoutFailures
        let failures = (stored?.account.failures ?? 0) + 1
        let locks = stored != nil && failures >= limit
        let until = now + configuration.lockoutMs
        try write(c, "record a failed login of \(key)") { (db) throws(StoreError) in
            if stored != nil {
                try db.execute("UPDATE accounts SET failures = ?, locked_until_ms = ? WHERE username = ?",
                               [.integer(Int64(locks ? 0 : failures)), .integer(locks ? until : 0), .text(key)])
            }
            try AccountBook.audit(db, timeMs: now, .loginFailed, username: key, actor: actor, source: source, succeeded: false,
                                  detail: detail.isEmpty ? (stored == nil ? "unknown user / 用户不存在" : "wrong password, failure \(failures) of \(limit) / 密码错误") : detail)
            if locks {
                try AccountBook.audit(db, timeMs: now, .lockout, username: key, actor: actor, source: source, succeeded: true,
                                      detail: "\(limit) consecutive failures; " + LoginRefusal.locked(untilMs: until).reason)
            }
        }
        return .refused(locks ? .locked(untilMs: until) : .badCredentials)
    }

    /// Counts a failed try from `source` in its current window (a new window when the last one ended).
    private func countAddressFailure(_ c: Confined, source: String, nowMs now: Int64) {
        var entry = c.addresses[source] ?? AddressCount(windowStartMs: now, failures: 0)
        if now - entry.windowStartMs >= configuration.addressWindowMs { entry = AddressCount(windowStartMs: now, failures: 0) }
        entry.failures += 1
        if c.addresses.count >= 4096, c.addresses[source] == nil { evictAddresses(c, nowMs: now) }
        c.addresses[source] = entry
    }

    /// The end of `source`'s throttle, when it is throttled at `now`.
    private func throttledUntil(_ c: Confined, source: String, nowMs now: Int64) -> Int64? {
        guard let entry = c.addresses[source] else { return nil }
        let end = entry.windowStartMs + configuration.addressWindowMs
        if now >= end {
            c.addresses[source] = nil
            return nil
        }
        return entry.failures >= configuration.addressFailures ? end : nil
    }

    /// Drops address counts whose window ended; if none did, the oldest quarter (the map stays bounded).
    private func evictAddresses(_ c: Confined, nowMs now: Int64) {
        c.addresses = c.addresses.filter { now - $0.value.windowStartMs < configuration.addressWindowMs }
        if c.addresses.count >= 4096 {
            let oldest = c.addresses.sorted { $0.value.windowStartMs < $1.value.windowStartMs }.prefix(1024).map(\.key)
            for k in oldest { c.addresses[k] = nil }
        }
    }

    /// A new session row for `account`, not yet inserted.
    struct NewSession {
        var started: StartedSession
        var idHash: [UInt8]
        var csrf: [UInt8]
        var source: String

        func insert(_ db: Database) throws(StoreError) {
            try db.execute("""
                INSERT INTO account_sessions (id_hash, username, csrf, created_ms, last_seen_ms, must_change, source)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.blob(idHash), .text(started.session.username), .blob(csrf), .integer(started.session.createdMs),
                      .integer(started.session.lastSeenMs), .integer(started.session.mustChangePassword ? 1 : 0), .text(String(source.prefix(128)))])
        }
    }

    private func startSession(_ c: Confined, _ account: Account, source: String, nowMs now: Int64) throws(AccountsError) -> NewSession {
        let id = try SessionToken.fresh()
        let csrf = try SessionToken.fresh()
        let session = Session(username: account.username, displayName: account.displayName, role: account.role,
                              csrfToken: SessionToken.text(csrf), mustChangePassword: account.mustChangePassword, createdMs: now, lastSeenMs: now)
        return NewSession(started: StartedSession(token: SessionToken.text(id), session: session), idHash: SessionToken.storedHash(id),
                          csrf: csrf, source: source)
    }

    /// The session a request's cookie token names: active (its last use updated, at most once a minute), expired (idle
    /// past ``AccountsConfiguration/sessionIdleMs`` or older than ``AccountsConfiguration/sessionLifetimeMs``: removed
    /// and audited), or none.
    public func session(token: String) async -> SessionLookup {
        guard let id = SessionToken.bytes(token) else { return .none }
        let idHash = SessionToken.storedHash(id)
        let now = clock.nowMs()
        let config = configuration
        do {
            return try await onQueue { (c) throws(AccountsError) -> SessionLookup in
                let rows: [[DatabaseValue]]
                do throws(StoreError) {
                    rows = try c.db.rows("""
                        SELECT s.username, s.csrf, s.created_ms, s.last_seen_ms, s.must_change, s.source, a.display_name, a.role, a.disabled
                        FROM account_sessions s JOIN accounts a ON a.username = s.username WHERE s.id_hash = ?
                        """, [.blob(idHash)])
                } catch {
                    throw AccountBook.storeError("read a session", error)
                }
                guard let r = rows.first, case .text(let username) = r[0], case .blob(let csrf) = r[1], case .integer(let created) = r[2],
                      case .integer(let lastSeen) = r[3], case .integer(let mustChange) = r[4], case .text(let display) = r[6],
                      case .text(let roleText) = r[7], case .integer(let disabled) = r[8], let role = try? Role(parsing: roleText) else {
                    return .none
                }
                let source: String = { if case .text(let s) = r[5] { return s }; return "" }()
                let idle = now - lastSeen >= config.sessionIdleMs
                let old = now - created >= config.sessionLifetimeMs
                if disabled == 1 || idle || old {
                    try self.write(c, "end an expired session") { (db) throws(StoreError) in
                        try db.execute("DELETE FROM account_sessions WHERE id_hash = ?", [.blob(idHash)])
                        if disabled != 1 {
                            try AccountBook.audit(db, timeMs: now, .sessionExpired, username: username, actor: "user:" + username, source: source,
                                                  succeeded: true, detail: idle ? "idle for \(config.sessionIdleMs / 60_000) min / 空闲超时"
                                                      : "older than \(config.sessionLifetimeMs / 3_600_000) h / 超过会话期限")
                        }
                    }
                    return disabled == 1 ? .none : .expired
                }
                // Touched at most once a minute, and at least four times per idle timeout (a timeout of seconds, as a
                // test configures it, must not end a session that is in use).
                if now - lastSeen >= min(60_000, config.sessionIdleMs / 4) {
                    try self.write(c, "touch a session") { (db) throws(StoreError) in
                        try db.execute("UPDATE account_sessions SET last_seen_ms = ? WHERE id_hash = ?", [.integer(now), .blob(idHash)])
                    }
                }
                return .active(Session(username: username, displayName: display, role: role, csrfToken: SessionToken.text(csrf),
                                       mustChangePassword: mustChange == 1, createdMs: created, lastSeenMs: max(lastSeen, now)))
            }
        } catch {
            return .none
        }
    }

    /// Ends the session `token` names (audited); nothing happens for an unknown token.
    public func logout(token: String, source: String) async {
        guard let id = SessionToken.bytes(token) else { return }
        let idHash = SessionToken.storedHash(id)
        let now = clock.nowMs()
        _ = try? await onQueue { (c) throws(AccountsError) in
            try self.write(c, "log out") { (db) throws(StoreError) in
                guard case .text(let username)? = try db.scalar("SELECT username FROM account_sessions WHERE id_hash = ?", [.blob(idHash)]) else { return }
                try db.execute("DELETE FROM account_sessions WHERE id_hash = ?", [.blob(idHash)])
                try AccountBook.audit(db, timeMs: now, .logout, username: username, actor: "user:" + username, source: source, succeeded: true, detail: "")
            }
        }
    }

    /// Changes the password of the session's user: the current one must be right (a wrong one counts toward the
    /// lockout like a failed login), the new one must follow ``PasswordPolicy`` and differ from the current one. Every
    /// session of the user ends, and a new one starts (the caller sends its cookie).
    /// - Throws: ``AccountsError`` `.badCredentials` (wrong current password, or the session is gone), `.weakPassword`
    ///   with every broken rule, `.busy`, `.store`.
    public func changePassword(token: String, current: String, new: String, source: String) async throws(AccountsError) -> StartedSession {
        guard case .active(let session) = await session(token: token) else {
            throw AccountsError(.badCredentials, "the session ended; log in again", chinese: "会话已结束，请重新登录")
        }
        let name = session.username
        let actor = "user:" + name
        let now = clock.nowMs()
        let problems = PasswordPolicy.problems(new, username: name, current: current)
        if !problems.isEmpty {
            try await onQueue { (c) throws(AccountsError) in
                try self.write(c, "audit a refused password change") { (db) throws(StoreError) in
                    try AccountBook.audit(db, timeMs: now, .passwordChanged, username: name, actor: actor, source: source, succeeded: false,
                                          detail: problems.map(\.english).joined(separator: "; "))
                }
            }
            try PasswordPolicy.check(new, username: name, current: current)
        }
        guard let stored = try await onQueue({ (c) throws(AccountsError) -> StoredAccount? in try self.storedAccount(c, name) }),
              !stored.account.disabled, !stored.account.isLocked(atMs: now) else {
            throw AccountsError(.badCredentials, "account \(name) is disabled or locked", chinese: "账号已停用或已锁定")
        }
        let currentBytes = Array(current.utf8)
        let result = try await gate.run { () throws(AccountsError) -> (match: Bool, new: (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters)?) in
            guard try self.verify(currentBytes, against: stored) else { return (false, nil) }
            return (true, try self.newHash(new))
        }
        return try await onQueue { (c) throws(AccountsError) -> StartedSession in
            guard result.match, let hashed = result.new else {
                _ = try self.recordFailure(c, stored: stored, key: name, actor: actor, source: source, nowMs: now,
                                           detail: "wrong current password at a password change / 修改密码时当前密码错误")
                throw AccountsError(.badCredentials, "the current password of \(name) is wrong", chinese: "当前密码错误")
            }
            var account = stored.account
            account.mustChangePassword = false
            let started = try self.startSession(c, account, source: source, nowMs: self.clock.nowMs())  // after the checks (see login)
            try self.write(c, "change the password of \(name)") { (db) throws(StoreError) in
                try AccountBook.store(hashed, of: name, in: db)
                try db.execute("UPDATE accounts SET must_change = 0, failures = 0, password_changed_ms = ? WHERE username = ?",
                               [.integer(now), .text(name)])
                try db.execute("DELETE FROM account_sessions WHERE username = ?", [.text(name)])
                try started.insert(db)
                try AccountBook.audit(db, timeMs: now, .passwordChanged, username: name, actor: actor, source: source, succeeded: true,
                                      detail: "other sessions ended / 其他会话已结束")
            }
            return started.started
        }
    }
}
