/// Limits and timeouts of a ``Server``; every one has a safe default.
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
    /// HTTP/2 stream receive window: how much a client may send before the handler reads. Default 1 MiB.
    public var streamWindowBytes = 1024 * 1024
    /// Bytes a streaming handler may queue for sending before `write` waits for the client. Default 1 MiB.
    public var sendBufferBytes = 1024 * 1024
    /// Optional TLS (with ALPN h2); nil serves h2c with prior knowledge.
    public var tls: TLSConfiguration?

    /// The defaults.
    public init() {}
}
