import XieshangStore

/// The accounts module's tables in the node's database, as migrations with their own version table
/// (`accounts_schema_version`), run by the store's ``Migrator`` when an ``AccountBook`` opens.
///
/// These are local tables, not projections: accounts, password hashes, sessions and the audit trail belong to this
/// node and never travel in events.
enum AccountsSchema {
    static let versionTable = "accounts_schema_version"

    static let migrations: [Migration] = [
        Migration(version: 1, summary: "accounts, sessions and the audit trail", sql: """
            CREATE TABLE accounts (
                username            TEXT    PRIMARY KEY,
                display_name        TEXT    NOT NULL,
                role                TEXT    NOT NULL,
                disabled            INTEGER NOT NULL DEFAULT 0,
                must_change         INTEGER NOT NULL,
                kdf                 TEXT    NOT NULL,
                kdf_n               INTEGER NOT NULL,
                kdf_r               INTEGER NOT NULL,
                kdf_p               INTEGER NOT NULL,
                salt                BLOB    NOT NULL,
                hash                BLOB    NOT NULL,
                failures            INTEGER NOT NULL DEFAULT 0,
                locked_until_ms     INTEGER NOT NULL DEFAULT 0,
                created_ms          INTEGER NOT NULL,
                created_by          TEXT    NOT NULL,
                password_changed_ms INTEGER NOT NULL,
                last_login_ms       INTEGER
            ) WITHOUT ROWID;
            CREATE TABLE account_sessions (
                id_hash      BLOB    PRIMARY KEY,
                username     TEXT    NOT NULL REFERENCES accounts (username),
                csrf         BLOB    NOT NULL,
                created_ms   INTEGER NOT NULL,
                last_seen_ms INTEGER NOT NULL,
                must_change  INTEGER NOT NULL,
                source       TEXT    NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX account_sessions_by_user ON account_sessions (username);
            CREATE TABLE account_audit (
                id       INTEGER PRIMARY KEY,
                time_ms  INTEGER NOT NULL,
                event    TEXT    NOT NULL,
                username TEXT    NOT NULL,
                actor    TEXT    NOT NULL,
                source   TEXT    NOT NULL,
                outcome  TEXT    NOT NULL,
                detail   TEXT    NOT NULL
            );
            CREATE INDEX account_audit_by_time ON account_audit (time_ms);
            """),
    ]
}
