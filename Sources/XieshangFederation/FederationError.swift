/// The one error type of the federation core: a node's configuration or its store refused an operation.
///
/// Peers' misbehaviour is not an error of this type: it is answered with a `Refusal` and raised as an `Alert`
/// event. A `FederationError` says what failed (``code``), a sentence for the operator (``message``), which node
/// or peer it concerns, and the underlying cause (usually a `StoreError` or `WireError`).
public struct FederationError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; a struct over a private enum so codes can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable { case config, store, fenced, wire, command }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }
        /// The node's configuration is inconsistent (duplicate peer, itself as a peer, bad key).
        public static let config = Code(.config)
        /// The store failed to read or commit.
        public static let store = Code(.store)
        /// The node may not originate events yet: it is pulling its own events back after a restore.
        public static let fenced = Code(.fenced)
        /// An event could not be encoded or signed.
        public static let wire = Code(.wire)
        /// A local command asks for something a command may not do (a kind only the node makes).
        public static let command = Code(.command)
    }

    /// What failed.
    public var code: Code
    /// What failed, where, and what to do.
    public var message: String
    /// The node or peer concerned.
    public var node: String?
    /// The cause, when another error led to this one.
    public var underlying: (any Error)?

    /// Makes an error.
    public init(_ code: Code, _ message: String, node: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.node = node
        self.underlying = underlying
    }

    /// The message, with the cause when there is one.
    public var description: String {
        if let underlying { return "\(code): \(message) (cause: \(underlying))" }
        return "\(code): \(message)"
    }
}
