/// Something a server reports to its owner as data (服务端事件), not as a log line to be parsed: a refused TLS
/// handshake, a failed `accept`. Passed to the `events` callback of ``Server/init(handlers:routes:configuration:log:events:)``
/// on the reactor thread; the callback must return quickly. A server without the callback logs ``message`` instead.
public enum ServerEvent: Sendable, Equatable {
    /// A TLS handshake the server refused.
    case tlsRefused(TLSRefusal)
    /// `accept` on `endpoint` failed for lack of descriptors or memory; accepts pause for 100 ms.
    case acceptFailed(endpoint: String, reason: String)

    /// The event as one line for a log.
    public var message: String {
        switch self {
        case .tlsRefused(let r): return r.message
        case .acceptFailed(let endpoint, let reason):
            return "accept on \(endpoint) failed: \(reason); pausing accepts for 100 ms (raise the open-files limit?)"
        }
    }
}

/// A TLS handshake a server refused (TLS 拒绝): who connected, whom its certificate claimed to be, and why.
public struct TLSRefusal: Sendable, Equatable {
    /// Why the handshake was refused.
    public enum Reason: String, Sendable, Equatable, CaseIterable {
        /// The client's certificate names a pinned peer (or none) but carries another key.
        case pinMismatch = "pin_mismatch"
        /// Any other failure: no certificate, a protocol or version the server does not speak, no ALPN h2, a
        /// client that gave up (a browser on a certificate warning).
        case handshakeFailed = "handshake_failed"
    }

    /// The client's address and port.
    public var address: String
    /// The name the client's certificate claimed, when the pin check saw a certificate; nil otherwise.
    public var claimedName: String?
    /// Why.
    public var reason: Reason
    /// The detail for people (OpenSSL's error, the keys compared).
    public var message: String

    /// Makes a refusal.
    public init(address: String, claimedName: String?, reason: Reason, message: String) {
        self.address = address
        self.claimedName = claimedName
        self.reason = reason
        self.message = message
    }
}
