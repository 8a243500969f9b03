/// The one error type of the accounts module (账号): bad input from an operator or a form, refused rules, and failures of
/// the database or of libcrypto underneath.
///
/// ``message`` is a sentence a person can act on; ``chinese`` is what a web page shows next to the form (the web layer
/// shows it as text, never as markup). ``underlying`` keeps the store's or libcrypto's cause.
public struct AccountsError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is. A struct over a private enum, so codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case invalidUsername, invalidDisplayName, invalidRole, weakPassword, unknownUser, duplicateUser
            case badCredentials, invalidParameters, crypto, store, busy, abandoned
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        /// The code's name.
        public var description: String { raw.rawValue }

        /// A username breaks the rules (length, characters).
        public static let invalidUsername = Code(.invalidUsername)
        /// A display name is empty, too long, or holds control or bidi characters.
        public static let invalidDisplayName = Code(.invalidDisplayName)
        /// A role is not one of office, committee, clerk, unit:<name>, member:<id>, viewer.
        public static let invalidRole = Code(.invalidRole)
        /// A new password breaks the complexity rules; ``AccountsError/problems`` lists which.
        public static let weakPassword = Code(.weakPassword)
        /// No account has this username.
        public static let unknownUser = Code(.unknownUser)
        /// An account with this username exists already.
        public static let duplicateUser = Code(.duplicateUser)
        /// The current password given to a password change is wrong.
        public static let badCredentials = Code(.badCredentials)
        /// scrypt parameters (config or stored) are outside the accepted bounds.
        public static let invalidParameters = Code(.invalidParameters)
        /// libcrypto failed (RAND_bytes, EVP_KDF); the message carries OpenSSL's error queue.
        public static let crypto = Code(.crypto)
        /// The database failed; ``AccountsError/underlying`` is the store's error.
        public static let store = Code(.store)
        /// Too many password checks are waiting; try again in a moment.
        public static let busy = Code(.busy)
        /// The caller stopped waiting (its deadline passed) before the change was written; nothing was written.
        public static let abandoned = Code(.abandoned)
    }

    /// What failed.
    public var code: Code
    /// A sentence that says what failed, where, and what to do.
    public var message: String
    /// The same for the people at the web form, in Chinese.
    public var chinese: String
    /// For ``Code/weakPassword``: every rule the password broke.
    public var problems: [PasswordProblem]
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    /// Makes an error.
    public init(_ code: Code, _ message: String, chinese: String, problems: [PasswordProblem] = [],
                underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.chinese = chinese
        self.problems = problems
        self.underlying = underlying
    }

    /// The code and the message (and the cause).
    public var description: String {
        var s = "\(code): \(message)"
        if let underlying { s += " — caused by: \(underlying)" }
        return s
    }
}
