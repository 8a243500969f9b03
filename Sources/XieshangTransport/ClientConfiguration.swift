/// Settings of a ``Client``: deadlines, limits, reconnect backoff and optional TLS.
public struct ClientConfiguration: Sendable {
    /// Deadline of a call whose ``CallOptions`` name none. Default 30 s.
    public var defaultTimeoutSeconds: Double = 30
    /// Largest response message accepted (RESOURCE_EXHAUSTED beyond it) and request message sent. Default 4 MiB.
    public var maxMessageBytes = 4 * 1024 * 1024
    /// HTTP/2 stream receive window: how much a server may send before the caller reads. Default 1 MiB.
    public var streamWindowBytes = 1024 * 1024
    /// Bytes a caller may queue for sending on one call before `write` waits for the server. Default 1 MiB.
    public var sendBufferBytes = 1024 * 1024
    /// First wait after a failed connection attempt. Default 0.1 s.
    public var initialBackoffSeconds: Double = 0.1
    /// Longest wait between attempts. Default 10 s.
    public var maxBackoffSeconds: Double = 10
    /// Growth of the wait after each failure. Default 1.6.
    public var backoffMultiplier: Double = 1.6
    /// Random spread of each wait, as a fraction (0.2 = ±20 %). Default 0.2.
    public var backoffJitter: Double = 0.2
    /// Optional TLS; nil speaks h2c with prior knowledge.
    public var tls: TLSConfiguration?
    /// With TLS, the name of the peer whose pinned key the server must present (a key of
    /// ``TLSConfiguration/pinnedPeers``).
    public var serverName: String?

    /// The defaults.
    public init() {}
}

/// Per-call settings.
public struct CallOptions: Sendable {
    /// The call's deadline in seconds from its start; nil uses the client's default.
    public var timeoutSeconds: Double?
    /// Extra request headers (lower-case names).
    public var metadata: [(String, String)]

    /// Options with an optional timeout and metadata.
    public init(timeoutSeconds: Double? = nil, metadata: [(String, String)] = []) {
        self.timeoutSeconds = timeoutSeconds
        self.metadata = metadata
    }
}
