/// The one error type of XieshangDomain: a command broke a rule, or input was malformed.
///
/// `rule` names the rule that was broken (e.g. "proposal.extend.cap"); the messages say in Chinese and English
/// what failed, on which record, and what to do. A refused command records nothing.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure; a struct over a private enum so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Sendable { case invalidInput, ruleBroken, notFound, conflict, importRejected }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A field is missing, malformed or out of range.
        public static let invalidInput = Code(.invalidInput)
        /// The command is well formed but a domain rule (state, actor, deadline, policy) forbids it.
        public static let ruleBroken = Code(.ruleBroken)
        /// The record the command refers to does not exist at this body.
        public static let notFound = Code(.notFound)
        /// The record already exists, or the command was already applied.
        public static let conflict = Code(.conflict)
        /// A plan import was rejected; `rows` lists every bad row.
        public static let importRejected = Code(.importRejected)

        /// The code's name.
        public var description: String { value.rawValue }
    }

    /// One bad row of an import.
    public struct RowProblem: Equatable, Sendable {
        /// Line number in the file (1-based, counting the header line) where the row starts.
        public let line: Int
        /// Why the row is bad (Chinese, then English).
        public let reason: String

        /// Makes a row problem.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// What kind of failure.
    public let code: Code
    /// The rule broken, as a stable key (e.g. "proposal.submit.member").
    public let rule: String
    /// Message in Chinese.
    public let messageZh: String
    /// Message in English.
    public let messageEn: String
    /// The record concerned ("proposal 2026-0042 at cn.gz.zhenyuan"), when known.
    public var record: String?
    /// Bad rows of an import (code `.importRejected`).
    public var rows: [RowProblem]
    /// The underlying error, when another one caused this.
    public var cause: String?

    /// Makes an error.
    public init(_ code: Code, rule: String, zh: String, en: String, record: String? = nil,
                rows: [RowProblem] = [], cause: String? = nil) {
        self.code = code
        self.rule = rule
        self.messageZh = zh
        self.messageEn = en
        self.record = record
        self.rows = rows
        self.cause = cause
    }

    /// "[rule] English message (中文) — record".
    public var description: String {
        var text = "[\(rule)] \(messageEn) (\(messageZh))"
        if let record { text += " — \(record)" }
        for row in rows { text += "\n  line \(row.line): \(row.reason)" }
        if let cause { text += "; caused by \(cause)" }
        return text
    }

    /// Returns the error with `record` set.
    func at(_ record: String) -> DomainError {
        var copy = self
        copy.record = record
        return copy
    }
}

/// The error with its record set when it is a `DomainError` (every error this module throws is one).
func located(_ error: any Error, _ record: String) -> any Error {
    (error as? DomainError)?.at(record) ?? error
}

/// Throws a rule-broken error unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ rule: String, zh: @autoclosure () -> String, en: @autoclosure () -> String,
             code: DomainError.Code = .ruleBroken) throws {
    if !condition { throw DomainError(code, rule: rule, zh: zh(), en: en()) }
}
