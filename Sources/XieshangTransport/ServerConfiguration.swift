/// Limits and timeouts of a ``Server``; every one has a safe default.
///
/// What one connection can make the server hold is bounded: received bytes of unfinished or unread request messages
/// plus response bytes not yet written to the socket stay within ``maxBufferedBytesPerConnection`` (plus at most one
/// message per running handler and 1 MiB of encoded frames): past it the server stops reopening the client's
/// flow-control windows, stops reading the socket, defers new unary handlers and parks streaming writers until the
/// client reads. Before authentication (``unauthenticated``) the budgets are smaller still.
public struct ServerConfiguration: Sendable {
    /// Largest gRPC message accepted or sent (RESOURCE_EXHAUSTED beyond it). Default 4 MiB.
    public var maxMessageBytes = 4 * 1024 * 1024
    /// Concurrent streams per connection (SETTINGS_MAX_CONCURRENT_STREAMS). Default 100.
    public var maxConcurrentStreams = 100
    /// Open connections; further ones are closed right after accept. Default 1,000.
    public var maxConnections = 1000
    /// Total bytes of a request's header names and values (SETTINGS_MAX_HEADER_LIST_SIZE). Default 16 KiB.
    public var maxHeaderListBytes = 16 * 1024
    /// A connection with no open stream and no traffic for this long is closed with GOAWAY. Default 5 minutes.
    public var idleTimeoutSeconds: Double = 300
    /// A stream whose client sends nothing for this long before ending its side is reset. Default 30 s.
    public var silentStreamTimeoutSeconds: Double = 30
    /// The TLS handshake, then the client's HTTP/2 preface and first SETTINGS frame, must arrive within this long of
    /// accept, or the connection is closed. Default 10 s.
    public var handshakeTimeoutSeconds: Double = 10
    /// HTTP/2 stream receive window: how much a client may send before the handler reads. Default 1 MiB.
    public var streamWindowBytes = 1024 * 1024
    /// Bytes a streaming handler may queue for sending before `write` waits for the client. Default 1 MiB.
    public var sendBufferBytes = 1024 * 1024
    /// Bytes one connection may hold, received and not yet taken by handlers plus responses not yet written (see the
    /// type's summary). At least two messages, so one stream can always finish. Default 8 MiB.
    public var maxBufferedBytesPerConnection = 8 * 1024 * 1024
    /// Budgets of a connection until a handler calls ``ConnectionHandle/markAuthenticated()``; nil (the default)
    /// trusts every connection from accept (a Unix socket only its owner can open, a test server).
    public var unauthenticated: UnauthenticatedLimits?
    /// Optional TLS (with ALPN h2); nil serves h2c with prior knowledge.
    public var tls: TLSConfiguration?

    /// The defaults.
    public init() {}
}

/// What a connection may use before its peer proved who it is (未认证连接的预算): a few streams, small messages, a
/// deadline to authenticate, a few connections per address, and a share of the server's connections.
public struct UnauthenticatedLimits: Sendable {
    /// Concurrent streams (announced in SETTINGS, raised to the full limit on authentication). Default 4.
    public var maxConcurrentStreams = 4
    /// Largest request message. Default 64 KiB.
    public var maxMessageBytes = 64 * 1024
    /// A connection still unauthenticated this long after accept is closed. Default 10 s.
    public var authenticationTimeoutSeconds: Double = 10
    /// Unauthenticated connections from one IP address; more are refused at accept. Default 32 (a county's townships
    /// dialing at once from behind one address, or from one test machine, still fit).
    public var maxConnectionsPerAddress = 32
    /// Unauthenticated connections in all; at the limit the oldest one is closed to admit the new one, so a flood of
    /// silent sockets cannot lock real peers out. Default 256.
    public var maxConnections = 256

    /// The defaults.
    public init() {}
}
