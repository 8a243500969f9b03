import XieshangStore

/// Managing users (用户管理): the CLI's `xieshang user add|list|disable|reset` and the office's web pages.
extension AccountBook {
    /// Adds an account whose password must be changed at first login.
    /// - Parameters:
    ///   - initialPassword: the operator's choice (checked by ``PasswordPolicy``), or nil to generate one.
    ///   - actor: who adds it (`os:<user>(uid N)` from the CLI, `user:<name>` from the web).
    ///   - source: where from (`admin-socket`, an IP address).
    ///   - wanted: asked once the password is hashed, before anything is written: false when the caller stopped
    ///     waiting (a CLI whose deadline passed), so no account is made whose generated password nobody saw.
    /// - Returns: the initial password, to show once.
    /// - Throws: ``AccountsError`` `.invalidUsername`, `.invalidDisplayName`, `.invalidRole`, `.weakPassword`,
    ///   `.duplicateUser`, `.busy`, `.abandoned`, `.store`.
    public func addUser(username: String, displayName: String, role: String, initialPassword: String? = nil,
                        actor: String, source: String, wanted: @Sendable () -> Bool = { true }) async throws(AccountsError) -> IssuedPassword {
        let name = try Names.username(username)
        let display = try Names.displayName(displayName)
        let role = try Role(parsing: role)
        let password = try chosenPassword(initialPassword, for: name)
        let hashed = try await gate.run { () throws(AccountsError) in try self.newHash(password) }
        try await stillWanted(wanted, .userAdded, name, actor: actor, source: source, "add user \(name)", chinese: "未添加用户 \(name)")
        let now = clock.nowMs()
        try await onQueue { (c) throws(AccountsError) in
            let exists = try self.storedAccount(c, name) != nil
            try self.write(c, "add user \(name)") { (db) throws(StoreError) in
                if exists {
                    try AccountBook.audit(db, timeMs: now, .userAdded, username: name, actor: actor, source: source, succeeded: false,
                                          detail: "exists already / 用户名已存在")
                    return
                }
                try db.execute("""
                    INSERT INTO accounts (username, display_name, role, disabled, must_change, kdf, kdf_n, kdf_r, kdf_p, salt, hash,
                                          failures, locked_until_ms, created_ms, created_by, password_changed_ms)
                    VALUES (?, ?, ?, 0, 1, 'scrypt', ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)
                    """, [.text(name), .text(display), .text(role.description), .integer(Int64(hashed.parameters.n)),
                          .integer(Int64(hashed.parameters.r)), .integer(Int64(hashed.parameters.p)), .blob(hashed.salt),
                          .blob(hashed.hash), .integer(now), .text(actor), .integer(now)])
                try AccountBook.audit(db, timeMs: now, .userAdded, username: name, actor: actor, source: source, succeeded: true,
                                      detail: "role \(role) / 角色 \(role.label)")
            }
            if exists {
                throw AccountsError(.duplicateUser, "user \(name) exists already; pick another username or reset its password",
                                    chinese: "用户名 \(name) 已存在")
            }
            try self.pruneIfDue(c, nowMs: now)
        }
        return IssuedPassword(username: name, password: password, generated: initialPassword == nil)
    }

    /// Every account, by username.
    public func users() async throws(AccountsError) -> [Account] {
        try await onQueue { (c) throws(AccountsError) -> [Account] in
            let rows: [[DatabaseValue]]
            do throws(StoreError) {
                rows = try c.db.rows("SELECT \(AccountBook.accountColumns) FROM accounts ORDER BY username")
            } catch {
                throw AccountBook.storeError("list the accounts", error)
            }
            var out: [Account] = []
            for r in rows { out.append(try AccountBook.decodeAccount(r).account) }
            return out
        }
    }

    /// The account `username`, if any.
    public func user(_ username: String) async throws(AccountsError) -> Account? {
        guard let name = try? Names.username(username) else { return nil }
        return try await onQueue { (c) throws(AccountsError) -> Account? in try self.storedAccount(c, name)?.account }
    }

    /// Disables an account and ends its sessions. Disabling a disabled account changes nothing (and is audited).
    /// - Throws: ``AccountsError`` `.unknownUser`, `.store`.
    @discardableResult
    public func disableUser(_ username: String, actor: String, source: String) async throws(AccountsError) -> Account {
        let name = try existingName(username)
        let now = clock.nowMs()
        return try await onQueue { (c) throws(AccountsError) -> Account in
            guard var stored = try self.storedAccount(c, name) else { throw AccountBook.unknown(name) }
            try self.write(c, "disable user \(name)") { (db) throws(StoreError) in
                try db.execute("UPDATE accounts SET disabled = 1 WHERE username = ?", [.text(name)])
                try db.execute("DELETE FROM account_sessions WHERE username = ?", [.text(name)])
                try AccountBook.audit(db, timeMs: now, .userDisabled, username: name, actor: actor, source: source, succeeded: true,
                                      detail: stored.account.disabled ? "was disabled already / 原已停用" : "")
            }
            stored.account.disabled = true
            return stored.account
        }
    }

    /// Sets a new initial password (generated, or the operator's), which must be changed at the next login; clears a
    /// lockout and ends the account's sessions. A disabled account stays disabled. `wanted` as for ``addUser``.
    /// - Throws: ``AccountsError`` `.unknownUser`, `.weakPassword`, `.busy`, `.abandoned`, `.store`.
    public func resetPassword(_ username: String, newPassword: String? = nil, actor: String, source: String,
                              wanted: @Sendable () -> Bool = { true }) async throws(AccountsError) -> IssuedPassword {
        let name = try existingName(username)
        guard try await user(name) != nil else { throw AccountBook.unknown(name) }
        let password = try chosenPassword(newPassword, for: name)
        let hashed = try await gate.run { () throws(AccountsError) in try self.newHash(password) }
        try await stillWanted(wanted, .passwordReset, name, actor: actor, source: source, "reset the password of \(name)",
                              chinese: "未重置 \(name) 的密码")
        let now = clock.nowMs()
        try await onQueue { (c) throws(AccountsError) in
            guard try self.storedAccount(c, name) != nil else { throw AccountBook.unknown(name) }
            try self.write(c, "reset the password of \(name)") { (db) throws(StoreError) in
                try AccountBook.store(hashed, of: name, in: db)
                try db.execute("UPDATE accounts SET must_change = 1, failures = 0, locked_until_ms = 0, password_changed_ms = ? WHERE username = ?",
                               [.integer(now), .text(name)])
                try db.execute("DELETE FROM account_sessions WHERE username = ?", [.text(name)])
                try AccountBook.audit(db, timeMs: now, .passwordReset, username: name, actor: actor, source: source, succeeded: true,
                                      detail: "must change at next login / 下次登录须修改密码")
            }
        }
        return IssuedPassword(username: name, password: password, generated: newPassword == nil)
    }

    /// Checked after hashing, before writing: when the caller no longer waits for `what`, audits the change as failed
    /// (abandoned, nothing changed) and throws `.abandoned`.
    func stillWanted(_ wanted: () -> Bool, _ event: AuditEvent, _ name: String, actor: String, source: String, _ what: String,
                     chinese: String) async throws(AccountsError) {
        guard !wanted() else { return }
        let now = clock.nowMs()
        try await onQueue { (c) throws(AccountsError) in
            try self.write(c, "audit an abandoned change") { (db) throws(StoreError) in
                try AccountBook.audit(db, timeMs: now, event, username: name, actor: actor, source: source, succeeded: false,
                                      detail: "the caller stopped waiting; nothing changed / 调用方已超时，未作更改")
            }
        }
        throw AccountsError(.abandoned, "the caller stopped waiting before the node could \(what); nothing was written, run it again",
                            chinese: chinese + "（调用方已超时，未写入任何内容，请重试）")
    }

    /// The operator's initial password (checked against the rules), or a generated one.
    func chosenPassword(_ given: String?, for name: String) throws(AccountsError) -> String {
        guard let given else { return try PasswordPolicy.generateInitial(username: name) }
        try PasswordPolicy.check(given, username: name)
        return given
    }

    func existingName(_ username: String) throws(AccountsError) -> String {
        do { return try Names.username(username) } catch { throw AccountBook.unknown(username) }
    }

    static func unknown(_ name: String) -> AccountsError {
        AccountsError(.unknownUser, "no user named '\(Names.visible(name))'; `xieshang user list` shows the accounts",
                      chinese: "用户“\(Names.visible(name))”不存在")
    }
}
