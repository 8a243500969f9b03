/// The store's own tables, as ordered migrations. Projection tables are not here: projectors create their own.
enum StoreSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, summary: "event log, peer cursors, projection high-water marks", sql: """
            CREATE TABLE events (
                position    INTEGER PRIMARY KEY,
                origin      TEXT    NOT NULL,
                seq         INTEGER NOT NULL,
                prev_hash   BLOB    NOT NULL,
                hash        BLOB    NOT NULL,
                time_ms     INTEGER NOT NULL,
                scope       TEXT    NOT NULL,
                kind        INTEGER NOT NULL,
                body        BLOB    NOT NULL,
                signature   BLOB    NOT NULL,
                received_at INTEGER NOT NULL,
                UNIQUE (origin, seq)
            );
            CREATE INDEX events_by_scope ON events (scope, position);
            CREATE INDEX events_by_kind ON events (kind, position);
            CREATE TABLE peer_cursors (
                peer       TEXT    NOT NULL,
                direction  TEXT    NOT NULL CHECK (direction IN ('outbound', 'inbound')),
                position   INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (peer, direction)
            ) WITHOUT ROWID;
            CREATE TABLE projections (
                name            TEXT    PRIMARY KEY,
                version         INTEGER NOT NULL,
                applied_through INTEGER NOT NULL
            ) WITHOUT ROWID;
            """),
        Migration(version: 2, summary: "queue of local commands accepted while the node could not originate", sql: """
            CREATE TABLE queued_commands (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                entry     BLOB    NOT NULL,
                state     TEXT    NOT NULL CHECK (state IN ('queued', 'refused')),
                reason    TEXT    NOT NULL DEFAULT '',
                queued_at INTEGER NOT NULL,
                done_at   INTEGER
            );
            CREATE INDEX queued_commands_by_state ON queued_commands (state, id);
            """),
    ]

    /// Tables the store owns; a projector may not claim them.
    static let reservedTables: Set<String> = ["events", "peer_cursors", "projections", "schema_version", "queued_commands"]
}
