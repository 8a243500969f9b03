/// How an RPC streams: the four gRPC call kinds.
public enum RPCKind: Sendable, Hashable {
    case unary, clientStreaming, serverStreaming, bidirectionalStreaming
}

/// One method of a service from `Protos/`, with its request and response types.
public struct RPCMethod<Request: ProtoMessage, Response: ProtoMessage>: Sendable, Hashable {
    /// Full service name, e.g. `xieshang.v1.Federation`.
    public let service: String
    /// Method name, e.g. `Push`.
    public let method: String
    public let kind: RPCKind

    public init(service: String, method: String, kind: RPCKind) {
        self.service = service
        self.method = method
        self.kind = kind
    }

    /// The HTTP/2 `:path` of the method: `/<service>/<method>`.
    public var path: String { "/\(service)/\(method)" }
}
