/// The one error type of the wire module: decoding, JSON mapping, keys, signatures and hash chains.
///
/// A `WireError` says what failed (``code``), in words a person can act on (``message``), and where:
/// the byte ``offset`` in the input, the protobuf ``fieldNumber``, the ``path`` of a file.
public struct WireError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case truncated, varintTooLong, invalidWireType, lengthPastEnd, lengthOverLimit, invalidUTF8
            case fieldNumberZero, nestingTooDeep, missingField, invalidEnumValue, invalidJSON
            case keyFile, crypto, badSignature, chainSeqGap, chainPrevHash, chainOrigin, unknownMessage
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }

        /// The input ended inside a value.
        public static let truncated = Code(.truncated)
        /// A varint ran past 10 bytes (or past 5 for a 32-bit value's tag).
        public static let varintTooLong = Code(.varintTooLong)
        /// A tag named wire type 3, 4, 6 or 7, or a type that does not fit the field.
        public static let invalidWireType = Code(.invalidWireType)
        /// A length prefix points past the end of the input.
        public static let lengthPastEnd = Code(.lengthPastEnd)
        /// A message or length is larger than the configured limit.
        public static let lengthOverLimit = Code(.lengthOverLimit)
        /// A `string` field holds bytes that are not UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A tag carried field number 0, which protobuf reserves.
        public static let fieldNumberZero = Code(.fieldNumberZero)
        /// Messages were nested deeper than the configured limit.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// A field the envelope requires is absent.
        public static let missingField = Code(.missingField)
        /// A JSON enum name that the schema does not define.
        public static let invalidEnumValue = Code(.invalidEnumValue)
        /// JSON text that is malformed or does not fit the message's schema.
        public static let invalidJSON = Code(.invalidJSON)
        /// A key file that is missing, malformed or readable by others.
        public static let keyFile = Code(.keyFile)
        /// libcrypto reported a failure.
        public static let crypto = Code(.crypto)
        /// A signature does not verify against the key.
        public static let badSignature = Code(.badSignature)
        /// An event's seq does not follow its predecessor's.
        public static let chainSeqGap = Code(.chainSeqGap)
        /// An event's prev_hash is not the hash of its predecessor.
        public static let chainPrevHash = Code(.chainPrevHash)
        /// Two events of one chain name different origins.
        public static let chainOrigin = Code(.chainOrigin)
        /// A message name that the schema does not define.
        public static let unknownMessage = Code(.unknownMessage)
    }

    /// What failed.
    public var code: Code
    /// A sentence that says what failed, where, and what to do.
    public var message: String
    /// Byte offset in the decoded input, when the failure has one.
    public var offset: Int?
    /// Protobuf field number being decoded, when known.
    public var fieldNumber: Int?
    /// File involved (key files), when there is one.
    public var path: String?

    public init(_ code: Code, _ message: String, offset: Int? = nil, fieldNumber: Int? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.fieldNumber = fieldNumber
        self.path = path
    }

    public var description: String {
        var s = "\(code): \(message)"
        if let fieldNumber { s += " (field \(fieldNumber))" }
        if let offset { s += " at offset \(offset)" }
        if let path { s += " [\(path)]" }
        return s
    }
}
