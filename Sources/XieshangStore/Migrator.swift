/// Brings a database's schema to the latest version: the `schema_version` table and an ordered list of steps.
///
/// All pending steps run in one transaction, so a crash leaves either the old or the new version. A database whose
/// version is newer than the newest step is refused and left untouched.
///
/// The store's own schema keeps its version in `schema_version`. Another layer that keeps tables of its own in the
/// node's database (accounts, sessions and the audit trail: XieshangAccounts) gives its migrator a version table of
/// its own, so each layer's history is numbered 1, 2, 3… independently and neither needs the other's steps.
public struct Migrator: Sendable {
    /// The steps, in version order.
    public let migrations: [Migration]
    /// The table that records the version these steps reached (one row).
    public let versionTable: String

    /// A migrator over `migrations`, which must be numbered 1, 2, 3… (a programmer error otherwise).
    /// - Parameter versionTable: where the version is kept; `schema_version` (the store's own) by default. Another
    ///   layer names its own table (letters, digits and `_` only — a programmer error otherwise).
    public init(migrations: [Migration], versionTable: String = "schema_version") {
        for (i, m) in migrations.enumerated() {
            precondition(m.version == i + 1, "migration versions must be 1, 2, 3…; found \(m.version) at index \(i)")
        }
        precondition(!versionTable.isEmpty && versionTable.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5f },
                     "version table name '\(versionTable)' must be lowercase letters, digits and _")
        self.migrations = migrations
        self.versionTable = versionTable
    }

    /// The version the migrations lead to.
    public var latestVersion: Int { migrations.count }

    /// The schema version recorded in `db` (0 for a database without the table).
    public static func version(of db: Database, versionTable: String = "schema_version") throws(StoreError) -> Int {
        let hasTable = try db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(versionTable)])
        guard case .integer(1)? = hasTable else { return 0 }
        guard case .integer(let v)? = try db.scalar("SELECT max(version) FROM \(versionTable)") else { return 0 }
        return Int(v)
    }

    /// Runs the pending steps.
    /// - Returns: the version before and after.
    /// - Throws: ``StoreError`` `.newerSchema` when the file is newer than this build; a step's SQL error otherwise
    ///   (nothing of the failed migration run is kept).
    @discardableResult
    public func migrate(_ db: Database) throws(StoreError) -> (from: Int, to: Int) {
        let current = try Migrator.version(of: db, versionTable: versionTable)
        if current > latestVersion {
            throw StoreError(.newerSchema,
                             "database \(db.path) has \(versionTable) \(current) but this build knows versions up to \(latestVersion); run a newer xieshang on it (the file was left unchanged)",
                             path: db.path)
        }
        if current == latestVersion { return (current, current) }
        try db.transaction { () throws(StoreError) in
            try db.executeScript("CREATE TABLE IF NOT EXISTS \(versionTable) (version INTEGER NOT NULL)")
            for m in migrations where m.version > current {
                do throws(StoreError) {
                    try db.executeScript(m.sql)
                } catch {
                    var e = error
                    e.message = "migration to schema version \(m.version) (\(m.summary)) failed on \(db.path): \(error.message)"
                    throw e
                }
            }
            try db.execute("DELETE FROM \(versionTable)")
            try db.execute("INSERT INTO \(versionTable) (version) VALUES (?)", [.integer(Int64(latestVersion))])
        }
        return (current, latestVersion)
    }
}
