/// The one error type of the node runtime: configuration, start-up, and fatal runtime failures.
public struct NodeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case config, keyFile, store, listen, admin, peer, unreachable, refused, auditBundle
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }
        /// The config file is missing, malformed, or has a field that is wrong, unknown or missing.
        public static let config = Code(.config)
        /// The node's key file cannot be used.
        public static let keyFile = Code(.keyFile)
        /// The node's database cannot be opened or written.
        public static let store = Code(.store)
        /// The listen address or admin socket cannot be bound.
        public static let listen = Code(.listen)
        /// The admin API failed.
        public static let admin = Code(.admin)
        /// A peer misbehaved or refused us.
        public static let peer = Code(.peer)
        /// The local node cannot be reached (for the CLI).
        public static let unreachable = Code(.unreachable)
        /// A command was refused by a rule.
        public static let refused = Code(.refused)
        /// An audit bundle file cannot be read: empty, truncated, not a bundle, or of another format version.
        public static let auditBundle = Code(.auditBundle)
    }

    public var code: Code
    /// What failed, where, and what to do.
    public var message: String
    /// The file involved, if any.
    public var path: String?

    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { message }
}
