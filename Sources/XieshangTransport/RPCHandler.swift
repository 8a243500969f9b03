/// A method's implementation on raw message bytes; typed encoding and decoding happen above the transport.
public struct RPCHandler: Sendable {
    /// The four gRPC call shapes.
    public enum Kind: Sendable {
        /// One request, one response.
        case unary
        /// One request, a stream of responses.
        case serverStreaming
        /// A stream of requests, one response.
        case clientStreaming
        /// Streams both ways.
        case bidirectionalStreaming
    }
    /// The call shape.
    public let kind: Kind
    let unaryBody: (@Sendable ([UInt8], ServerContext) async throws -> [UInt8])?
    let streamingBody: (@Sendable (RequestStream, ResponseWriter, ServerContext) async throws -> Void)?

    /// One request, one response.
    public static func unary(_ body: @escaping @Sendable ([UInt8], ServerContext) async throws -> [UInt8]) -> RPCHandler {
        RPCHandler(kind: .unary, unaryBody: body, streamingBody: nil)
    }

    /// One request, a stream of responses.
    public static func serverStreaming(
        _ body: @escaping @Sendable ([UInt8], ResponseWriter, ServerContext) async throws -> Void
    ) -> RPCHandler {
        RPCHandler(kind: .serverStreaming, unaryBody: nil, streamingBody: { requests, writer, context in
            guard let request = try await requests.next() else {
                throw TransportError.status(.internal, "the client ended the stream without a request message")
            }
            guard try await requests.next() == nil else {
                throw TransportError.status(.internal, "the client sent more than one request to a server-streaming method")
            }
            try await body(request, writer, context)
        })
    }

    /// A stream of requests, one response.
    public static func clientStreaming(
        _ body: @escaping @Sendable (RequestStream, ServerContext) async throws -> [UInt8]
    ) -> RPCHandler {
        RPCHandler(kind: .clientStreaming, unaryBody: nil, streamingBody: { requests, writer, context in
            try await writer.write(try await body(requests, context))
        })
    }

    /// Streams both ways.
    public static func bidirectionalStreaming(
        _ body: @escaping @Sendable (RequestStream, ResponseWriter, ServerContext) async throws -> Void
    ) -> RPCHandler {
        RPCHandler(kind: .bidirectionalStreaming, unaryBody: nil, streamingBody: body)
    }
}
