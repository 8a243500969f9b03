/// The one error type of XieshangDomain: a command broke a CPPCC rule, or input (a command, a payload, a CSV
/// file, a joint-draft operation or sign-off) was malformed. A refused command records nothing.
///
/// It says what failed (`code`, and `rule`: the stable key of the rule broken, e.g. "proposal.extend.cap"), in
/// words a person can act on (`message` in English, `messageZh` in Chinese), and where: the `record` concerned,
/// the `replica` (node id) whose operation or signature was refused, the byte `offset` in decoded input, the bad
/// `rows` of an import, and the underlying `cause` when another module's error led to it.
///
/// (Merged from the proposals/plans side and the joint-draft side of the module; every initializer of both is kept.)
public struct DomainError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            // Records and rules.
            case invalidInput, ruleBroken, notFound, conflict, importRejected
            // Joint drafts.
            case malformedOperation, pendingOverflow, truncated, invalidEncoding, limitExceeded
            case positionOutOfRange, frozen, notCoSponsor, badSignature, contentMismatch, unknownKey
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        /// The code's name.
        public var description: String { raw.rawValue }

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
        /// A draft operation breaks the operation rules (bad ids, empty text, a reference to a deletion).
        public static let malformedOperation = Code(.malformedOperation)
        /// Too many operations wait for their dependencies; the sender must send what they depend on first.
        public static let pendingOverflow = Code(.pendingOverflow)
        /// Encoded input ended inside a value.
        public static let truncated = Code(.truncated)
        /// Encoded input is not a valid encoding (bad varint, wire type, UTF-8, or field).
        public static let invalidEncoding = Code(.invalidEncoding)
        /// A size or count is over the configured limit.
        public static let limitExceeded = Code(.limitExceeded)
        /// A local edit names a position past the end of the text.
        public static let positionOutOfRange = Code(.positionOutOfRange)
        /// The draft was submitted (frozen) and takes no more edits or sign-offs.
        public static let frozen = Code(.frozen)
        /// A sign-off came from a body that is not a required co-sponsor of the draft.
        public static let notCoSponsor = Code(.notCoSponsor)
        /// A sign-off's signature does not verify against the signer's pinned key.
        public static let badSignature = Code(.badSignature)
        /// A sign-off names a content hash that is not the hash of the draft's content at the version it names.
        public static let contentMismatch = Code(.contentMismatch)
        /// No pinned key is known for the signer.
        public static let unknownKey = Code(.unknownKey)
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

    /// What failed.
    public var code: Code
    /// The rule broken, as a stable key ("proposal.submit.member"; "draft.<code>" for joint-draft errors).
    public var rule: String
    /// A sentence in English that says what failed, where, and what to do.
    public var message: String
    /// The same in Chinese (the English sentence when only that exists).
    public var messageZh: String
    /// The record concerned ("proposal 2026-0042 at cn.gz.zhenyuan"), when known.
    public var record: String?
    /// The replica (node id) whose operation or signature is concerned, when there is one.
    public var replica: String?
    /// Byte offset in decoded input, when the failure has one.
    public var offset: Int?
    /// Bad rows of an import (code `.importRejected`).
    public var rows: [RowProblem]
    /// The error of another module that caused this one, if any.
    public var cause: (any Error & Sendable)?

    /// The English message (`message`).
    public var messageEn: String { message }

    /// A rule error: the rule's key and the message in both languages.
    public init(_ code: Code, rule: String, zh: String, en: String, record: String? = nil,
                rows: [RowProblem] = [], cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.rule = rule
        self.message = en
        self.messageZh = zh
        self.record = record
        self.rows = rows
        self.cause = cause
    }

    /// An input or joint-draft error; `message` should say what failed, where, and what to do.
    public init(_ code: Code, _ message: String, replica: String? = nil, offset: Int? = nil,
                cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.rule = "draft.\(code)"
        self.message = message
        self.messageZh = message
        self.replica = replica
        self.offset = offset
        self.rows = []
        self.cause = cause
    }

    /// One line: rule, message (and the Chinese one), the location fields that are set, then any bad rows.
    public var description: String {
        var s = "[\(rule)] \(message)"
        if messageZh != message { s += " (\(messageZh))" }
        if let record { s += " — \(record)" }
        if let replica { s += " [replica \(replica)]" }
        if let offset { s += " at offset \(offset)" }
        if let cause { s += " (cause: \(cause))" }
        for row in rows { s += "\n  line \(row.line): \(row.reason)" }
        return s
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
