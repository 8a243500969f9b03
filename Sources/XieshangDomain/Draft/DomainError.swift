/// The one error type of the domain module: a rule or an input that the CPPCC domain refuses.
///
/// A `DomainError` says what failed (``code``), in words a person can act on (``message``), and where:
/// the ``replica`` (node id) whose operation or signature was refused, the byte ``offset`` in decoded input,
/// and the underlying ``cause`` when another module's error led to it.
///
/// Note for the module: this type lives beside the joint-draft code because that code came first; it is meant
/// to be the single error type of `XieshangDomain`, and other domain areas add their codes here.
public struct DomainError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case malformedOperation, pendingOverflow, truncated, invalidEncoding, limitExceeded
            case positionOutOfRange, frozen, notCoSponsor, badSignature, contentMismatch, unknownKey
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }

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

    /// What failed.
    public var code: Code
    /// A sentence that says what failed, where, and what to do.
    public var message: String
    /// The replica (node id) whose operation or signature is concerned, when there is one.
    public var replica: String?
    /// Byte offset in decoded input, when the failure has one.
    public var offset: Int?
    /// The error of another module that caused this one, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error; `message` should say what failed, where, and what to do.
    public init(_ code: Code, _ message: String, replica: String? = nil, offset: Int? = nil,
                cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.replica = replica
        self.offset = offset
        self.cause = cause
    }

    /// One line: code, message, and the location fields that are set.
    public var description: String {
        var s = "\(code): \(message)"
        if let replica { s += " [replica \(replica)]" }
        if let offset { s += " at offset \(offset)" }
        if let cause { s += " (cause: \(cause))" }
        return s
    }
}
