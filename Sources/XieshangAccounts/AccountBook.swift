import Dispatch
import XieshangStore

/// The node's accounts, sessions and audit trail (账号、会话与审计), kept in the node's own SQLite file.
///
/// The book has its own connection to the database, confined to one serial queue: account reads and writes never wait
/// for the federation's group commits, and SQLite's write lock keeps the two writers apart. Its tables come from
/// ``AccountsSchema`` through the store's ``Migrator`` (version table `accounts_schema_version`). Password checks
/// (scrypt) run in a ``PasswordCheckGate`` between two short steps on the queue, so the queue is never held for a
/// hash. Time comes from an ``AccountsClock``.
///
/// Rules (issue 17, 等保 level 3): passwords follow ``PasswordPolicy`` and are stored as scrypt hashes with a per-user
/// 16-byte salt and their parameters; 5 consecutive failures lock an account for 15 minutes (the 5th failure locks;
/// during a lockout even the right password is refused without hashing); 20 failures from one source address within
/// 15 minutes make the book refuse that address's logins until the window ends (in memory: a restart forgets it); one
/// login per account is checked at a time; a new or reset password must be changed at the next login; sessions end
/// after 30 idle minutes, 12 hours after login, at logout, and when the password changes or the account is disabled;
/// every login, failure, refusal, lockout, logout, expiry, password change and user change is audited and kept at least
/// 183 days.
///
/// Invariant (`@unchecked Sendable` of ``Confined``): the connection and the in-memory counters are used only on `queue`.
public final class AccountBook: Sendable {
    /// The settings in force.
    public let configuration: AccountsConfiguration
    /// The clock.
    public let clock: any AccountsClock
    /// The gate every password check goes through.
    public let gate: PasswordCheckGate
    /// The database file.
    public let path: String
    private let queue = DispatchQueue(label: "xieshang.accounts")
    private let confined: Confined

    /// State only touched on the book's queue (checked with `dispatchPrecondition` where it is read or written).
    final class Confined: @unchecked Sendable {
        let db: Database
        /// Failed logins per source address in the current window.
        var addresses: [String: AddressCount] = [:]
        /// Accounts with a password check in flight.
        var checking: Set<String> = []
        /// When the audit trail was last pruned.
        var lastPruneMs: Int64 = .min

        init(db: Database) { self.db = db }
    }

    struct AddressCount {
        var windowStartMs: Int64
        var failures: Int
        var refusalLogged = false
    }

    /// Opens the accounts tables in the database at `databasePath` (the node's `node.db`, which must exist: the store
    /// creates it), running their migrations.
    /// - Throws: ``AccountsError`` `.invalidParameters` for bad settings, `.store` when the file cannot be opened or
    ///   migrated.
    public init(databasePath: String, configuration: AccountsConfiguration = AccountsConfiguration(),
                clock: any AccountsClock = SystemClock()) throws(AccountsError) {
        self.configuration = try configuration.validated()
        self.clock = clock
        self.path = databasePath
        gate = PasswordCheckGate(limit: configuration.concurrentPasswordChecks, maxWaiting: configuration.waitingPasswordChecks)
        do {
            let db = try Database(path: databasePath, create: false)
            // Every commit reaches the disk (the audit trail must survive power loss); WAL mode is the store's setting
            // of the file already, foreign keys keep sessions tied to accounts.
            try db.executeScript("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
            try Migrator(migrations: AccountsSchema.migrations, versionTable: AccountsSchema.versionTable).migrate(db)
            confined = Confined(db: db)
        } catch {
            throw AccountBook.storeError("open the accounts tables in \(databasePath)", error)
        }
        let confined = self.confined, now = clock.nowMs()
        let pruned: Result<Void, AccountsError> = queue.sync {
            do throws(AccountsError) { try pruneIfDue(confined, nowMs: now); return .success(()) } catch { return .failure(error) }
        }
        try pruned.get()
    }

    static func storeError(_ doing: String, _ error: StoreError) -> AccountsError {
        AccountsError(.store, "cannot \(doing): \(error.message)", chinese: "账号数据库出错，请联系管理员", underlying: error)
    }

    /// Runs `body` on the book's queue.
    func onQueue<T: Sendable>(_ body: @escaping @Sendable (Confined) throws(AccountsError) -> T) async throws(AccountsError) -> T {
        let confined = self.confined
        let result = await withCheckedContinuation { (c: CheckedContinuation<Result<T, AccountsError>, Never>) in
            queue.async {
                do throws(AccountsError) { c.resume(returning: .success(try body(confined))) } catch { c.resume(returning: .failure(error)) }
            }
        }
        return try result.get()
    }

    /// Runs `body` in one write transaction on the book's connection (call on the queue).
    func write<T>(_ c: Confined, _ doing: String, _ body: (Database) throws(StoreError) -> T) throws(AccountsError) -> T {
        dispatchPrecondition(condition: .onQueue(queue))  // the Confined invariant
        do {
            return try c.db.transaction { () throws(StoreError) -> T in try body(c.db) }
        } catch {
            throw AccountBook.storeError(doing, error)
        }
    }

    // MARK: Rows

    static let accountColumns = """
        username, display_name, role, disabled, must_change, kdf_n, kdf_r, kdf_p, salt, hash, failures, locked_until_ms,
        created_ms, created_by, password_changed_ms, last_login_ms
        """

    /// An account row with its hash.
    struct StoredAccount: Sendable {
        var account: Account
        var salt: [UInt8]
        var hash: [UInt8]
    }

    /// Decodes a row of ``accountColumns``; a row whose role or numbers do not parse is refused, never trapped on.
    static func decodeAccount(_ r: [DatabaseValue]) throws(AccountsError) -> StoredAccount {
        func text(_ i: Int) -> String { if case .text(let s) = r[i] { return s }; return "" }
        func int(_ i: Int) -> Int64? { if case .integer(let v) = r[i] { return v }; return nil }
        func blob(_ i: Int) -> [UInt8] { if case .blob(let b) = r[i] { return b }; return [] }
        guard r.count == 16, let n = int(5).flatMap(UInt64.init(exactly:)), let rr = int(6).flatMap(UInt32.init(exactly:)),
              let p = int(7).flatMap(UInt32.init(exactly:)), let failures = int(10).flatMap(Int.init(exactly:)) else {
            throw AccountsError(.store, "account row '\(Names.visible(r.first.map { "\($0)" } ?? ""))' has bad numbers; restore the database from a backup",
                                chinese: "账号数据损坏，请联系管理员")
        }
        let role = try Role(parsing: text(2))
        let account = Account(username: text(0), displayName: text(1), role: role, disabled: int(3) == 1, mustChangePassword: int(4) == 1,
                              failures: failures, lockedUntilMs: int(11) ?? 0, createdMs: int(12) ?? 0, createdBy: text(13),
                              passwordChangedMs: int(14) ?? 0, lastLoginMs: int(15), scrypt: ScryptParameters(n: n, r: rr, p: p))
        return StoredAccount(account: account, salt: blob(8), hash: blob(9))
    }

    func storedAccount(_ c: Confined, _ username: String) throws(AccountsError) -> StoredAccount? {
        dispatchPrecondition(condition: .onQueue(queue))  // the Confined invariant
        let rows: [[DatabaseValue]]
        do throws(StoreError) {
            rows = try c.db.rows("SELECT \(AccountBook.accountColumns) FROM accounts WHERE username = ?", [.text(username)])
        } catch {
            throw AccountBook.storeError("read account \(username)", error)
        }
        guard let row = rows.first else { return nil }
        return try AccountBook.decodeAccount(row)
    }

    /// A new hash of `password` with a fresh salt at the configured parameters (runs scrypt: call through the gate).
    func newHash(_ password: String) throws(AccountsError) -> (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters) {
        let salt = try SecureRandom.bytes(16)
        let hash = try Scrypt.derive(password: Array(password.utf8), salt: salt, parameters: configuration.scrypt)
        return (salt, hash, configuration.scrypt)
    }

    /// Whether `password` is the one `stored` was hashed from (runs scrypt at the stored parameters, which are checked
    /// first: a damaged row cannot make the node allocate without bound). Call through the gate.
    func verify(_ password: [UInt8], against stored: StoredAccount) throws(AccountsError) -> Bool {
        guard password.count <= PasswordPolicy.maxBytes else { return false }
        let parameters = try stored.account.scrypt.validated("account \(stored.account.username)'s stored hash")
        let derived = try Scrypt.derive(password: password, salt: stored.salt, parameters: parameters, length: max(16, min(64, stored.hash.count)))
        return Scrypt.constantTimeEqual(derived, stored.hash)
    }

    /// Writes a new hash (with its salt and parameters) to `name`'s row.
    static func store(_ hashed: (salt: [UInt8], hash: [UInt8], parameters: ScryptParameters), of name: String, in db: Database) throws(StoreError) {
        try db.execute("UPDATE accounts SET kdf = 'scrypt', kdf_n = ?, kdf_r = ?, kdf_p = ?, salt = ?, hash = ? WHERE username = ?",
                       [.integer(Int64(hashed.parameters.n)), .integer(Int64(hashed.parameters.r)), .integer(Int64(hashed.parameters.p)),
                        .blob(hashed.salt), .blob(hashed.hash), .text(name)])
    }

    // MARK: Audit

    /// Appends an audit row (inside the caller's transaction when there is one). `username` is kept as given, cut to
    /// 64 characters: a hostile login name is stored literally, never interpreted.
    static func audit(_ db: Database, timeMs: Int64, _ event: AuditEvent, username: String, actor: String, source: String,
                      succeeded: Bool, detail: String) throws(StoreError) {
        try db.execute("""
            INSERT INTO account_audit (time_ms, event, username, actor, source, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(timeMs), .text(event.rawValue), .text(String(username.prefix(64))), .text(String(actor.prefix(128))),
                  .text(String(source.prefix(128))), .text(succeeded ? "success" : "failure"), .text(String(detail.prefix(512)))])
    }

    /// Deletes audit rows older than the retention, at most once a day (at open and on later writes).
    func pruneIfDue(_ c: Confined, nowMs: Int64) throws(AccountsError) {
        guard c.lastPruneMs == .min || nowMs - c.lastPruneMs >= 86_400_000 else { return }
        c.lastPruneMs = nowMs
        _ = try prune(c, nowMs: nowMs)
    }

    func prune(_ c: Confined, nowMs: Int64) throws(AccountsError) -> Int {
        let cutoff = nowMs - Int64(configuration.auditRetentionDays) * 86_400_000
        return try write(c, "prune the audit trail") { (db) throws(StoreError) -> Int in
            try db.execute("DELETE FROM account_audit WHERE time_ms < ?", [.integer(cutoff)])
            return db.changes
        }
    }

    /// Deletes audit rows older than the retention now; returns how many.
    @discardableResult
    public func pruneAudit() async throws(AccountsError) -> Int {
        let now = clock.nowMs()
        return try await onQueue { (c) throws(AccountsError) -> Int in try self.prune(c, nowMs: now) }
    }

    /// Audit rows from `sinceMs` on, oldest first, at most `limit` (0: all).
    public func auditRecords(sinceMs: Int64 = 0, limit: Int = 0) async throws(AccountsError) -> [AuditRecord] {
        try await onQueue { (c) throws(AccountsError) -> [AuditRecord] in
            var sql = "SELECT id, time_ms, event, username, actor, source, outcome, detail FROM account_audit WHERE time_ms >= ? ORDER BY id"
            if limit > 0 { sql += " LIMIT \(limit)" }
            do throws(StoreError) {
                return try c.db.rows(sql, [.integer(sinceMs)]).compactMap { r -> AuditRecord? in
                    guard case .integer(let id) = r[0], case .integer(let t) = r[1], case .text(let e) = r[2],
                          let event = AuditEvent(rawValue: e) else { return nil }
                    func text(_ i: Int) -> String { if case .text(let s) = r[i] { return s }; return "" }
                    return AuditRecord(id: id, timeMs: t, event: event, username: text(3), actor: text(4), source: text(5),
                                       succeeded: text(6) == "success", detail: text(7))
                }
            } catch {
                throw AccountBook.storeError("read the audit trail", error)
            }
        }
    }

    /// Records that `actor` exported the audit trail (`count` rows).
    public func noteAuditExport(actor: String, source: String, count: Int) async throws(AccountsError) {
        let now = clock.nowMs()
        try await onQueue { (c) throws(AccountsError) in
            try self.write(c, "audit an export") { (db) throws(StoreError) in
                try AccountBook.audit(db, timeMs: now, .auditExported, username: "", actor: actor, source: source, succeeded: true,
                                      detail: "\(count) rows / \(count) 条")
            }
        }
    }

    /// Records that a record was made (`detail`: which record, its event seqs, "queued", or why it was refused), so a
    /// record made on the web and one made with the CLI are accountable the same way: on the web `username` made it
    /// (actor `user:<name>`); through the admin socket `actor` is the OS user the kernel reported
    /// (`os:<name>(uid N)`, ``PeerCredentials``) and `username` is empty.
    public func noteRecorded(username: String, actor: String? = nil, source: String, succeeded: Bool, detail: String) async throws(AccountsError) {
        let now = clock.nowMs()
        let actor = actor ?? "user:" + username
        try await onQueue { (c) throws(AccountsError) in
            try self.write(c, "audit a record") { (db) throws(StoreError) in
                try AccountBook.audit(db, timeMs: now, .recorded, username: username, actor: actor, source: source,
                                      succeeded: succeeded, detail: detail)
            }
        }
    }
}
