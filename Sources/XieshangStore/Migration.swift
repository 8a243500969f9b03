/// One step of the store's schema history: run once, in order, at open.
public struct Migration: Sendable {
    /// The schema version this step produces; versions are 1, 2, 3… without gaps.
    public let version: Int
    /// What the step does, for the log and errors.
    public let summary: String
    /// The SQL script of the step.
    public let sql: String

    /// Makes a migration step.
    public init(version: Int, summary: String, sql: String) {
        self.version = version
        self.summary = summary
        self.sql = sql
    }
}
