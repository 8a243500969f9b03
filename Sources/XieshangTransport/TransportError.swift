/// The one error type of the transport module: connections, HTTP/2, gRPC calls, TLS and pinned keys.
///
/// Every `TransportError` carries the gRPC ``status`` a caller sees (a refused connection is `UNAVAILABLE`,
/// a late call `DEADLINE_EXCEEDED`), a ``code`` saying which part of the transport failed, a message that
/// says what failed, where and what to do, and the stream id, peer and underlying cause when known.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// Which part of the transport failed. A struct over a private enum, so codes can be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Raw: String, Hashable, Sendable {
            case rpc, connect, connectionClosed, protocolViolation, limit, deadline, cancelled, shutdown, refused
            case tls, peerKeyMismatch, address, io
        }
        private let raw: Raw
        private init(_ raw: Raw) { self.raw = raw }
        public var description: String { raw.rawValue }

        /// The call ended with a non-OK gRPC status (sent by the peer or chosen by a handler).
        public static let rpc = Code(.rpc)
        /// A connection could not be made (refused, unreachable, no such socket file).
        public static let connect = Code(.connect)
        /// The connection broke while the call was in flight, or is backing off after a failure.
        public static let connectionClosed = Code(.connectionClosed)
        /// The peer broke HTTP/2 or gRPC rules.
        public static let protocolViolation = Code(.protocolViolation)
        /// A configured limit was exceeded (message size, streams, connections).
        public static let limit = Code(.limit)
        /// The call's deadline passed.
        public static let deadline = Code(.deadline)
        /// The call was cancelled by its caller or its peer.
        public static let cancelled = Code(.cancelled)
        /// The server or client is shutting down.
        public static let shutdown = Code(.shutdown)
        /// The server refused the stream before processing it (HTTP/2 `REFUSED_STREAM`, RFC 9113 §8.7: a stream
        /// above the last id of its GOAWAY, or past its stream limit): nothing was done, so the call may be repeated.
        public static let refused = Code(.refused)
        /// The TLS handshake or a TLS record failed.
        public static let tls = Code(.tls)
        /// The peer presented a key other than the one pinned for it.
        public static let peerKeyMismatch = Code(.peerKeyMismatch)
        /// An address or socket path could not be parsed or bound.
        public static let address = Code(.address)
        /// A socket call failed.
        public static let io = Code(.io)
    }

    /// Which part of the transport failed.
    public var code: Code
    /// The gRPC status a caller sees for this failure.
    public var status: StatusCode
    /// A sentence that says what failed, where, and what to do.
    public var message: String
    /// The HTTP/2 stream id, when the failure belongs to one stream.
    public var streamID: Int32?
    /// The peer (address or node id), when known.
    public var peer: String?
    /// The underlying cause, when there is one (an errno text, an OpenSSL error, nghttp2_strerror).
    public var cause: String?

    /// Makes an error.
    public init(_ code: Code, status: StatusCode, _ message: String, streamID: Int32? = nil, peer: String? = nil,
                cause: String? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.streamID = streamID
        self.peer = peer
        self.cause = cause
    }

    /// An error a handler throws to end its call with `status` and `message` (sent as `grpc-message`).
    public static func status(_ status: StatusCode, _ message: String) -> TransportError {
        TransportError(.rpc, status: status, message)
    }

    /// A readable form for logs and errors.
    public var description: String {
        var s = "\(status) (\(code)): \(message)"
        if let streamID { s += " [stream \(streamID)]" }
        if let peer { s += " [peer \(peer)]" }
        if let cause { s += " — cause: \(cause)" }
        return s
    }
}
