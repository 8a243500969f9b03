import Dispatch
import FoundationEssentials
import Glibc
import XieshangFederation
import XieshangTransport
import XieshangWire

/// The Federation service (联邦服务) as peers call it: Hello, Prove and Pull are unary; Push is the bidirectional
/// stream of EventBatches in and Acks out. Calls of one peer connection carry the same `xs-conn` token, which the
/// runtime maps to one ``ConnectionID`` of the core.
enum FederationHandlers {
    static func token(_ context: ServerContext) -> String {
        context.metadata.first { $0.0 == "xs-conn" }?.1 ?? context.peer
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw TransportError.status(.invalidArgument, "\(M.protoName) does not decode: \(error)")
        }
    }

    /// Feeds one unary request and picks the core's answer on the same connection.
    static func unary(_ runtime: NodeRuntime, _ context: ServerContext, _ message: FederationMessage, peerName: String,
                      pick: (FederationMessage) -> [UInt8]?) async throws -> [UInt8] {
        let conn = await runtime.acceptedConnection(token(context))
        let outputs = await runtime.submit(.received(conn, message))
        var closed: String?
        for output in outputs {
            if case .send(let c, let m) = output, c == conn, let bytes = pick(m) { return bytes }
            if case .close(let c, let reason) = output, c == conn { closed = reason }
        }
        let reason = closed ?? "\(message.name) was not answered (connection not in the right state)"
        runtime.noteRefused(peer: peerName, reason: reason)
        runtime.acceptedEnded(token(context))
        throw TransportError.status(.permissionDenied, reason)
    }

    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        let crashHook = runtime.crashHook
        return [
            FederationService.hello.path: .unary { bytes, context in
                let request = try decode(HelloRequest.self, bytes)
                return try await unary(runtime, context, .hello(request), peerName: request.nodeId) {
                    if case .helloResponse(let r) = $0 { return r.serializedBytes() }
                    return nil
                }
            },
            FederationService.prove.path: .unary { bytes, context in
                let request = try decode(ProveRequest.self, bytes)
                return try await unary(runtime, context, .prove(request), peerName: context.peer) {
                    if case .proveResponse(let r) = $0 { return r.serializedBytes() }
                    return nil
                }
            },
            FederationService.pull.path: .unary { bytes, context in
                let request = try decode(PullRequest.self, bytes)
                return try await unary(runtime, context, .pull(request), peerName: context.peer) {
                    if case .pullResponse(let r) = $0 { return r.serializedBytes() }
                    return nil
                }
            },
            FederationService.push.path: .bidirectionalStreaming { requests, writer, context in
                let token = token(context)
                let conn = await runtime.acceptedConnection(token)
                defer { runtime.acceptedEnded(token) }
                for try await bytes in requests {
                    let batch = try decode(EventBatch.self, bytes)
                    let outputs = await runtime.submitVerified(conn, .push(batch))
                    for output in outputs {
                        if case .send(let c, .ack(let ack)) = output, c == conn {
                            if crashHook == "after-commit-before-ack" && !batch.events.isEmpty && runtime.roles[batch.sender] == "child" {
                                StandardError.write("xieshang: test hook after-commit-before-ack: exiting\n")
                                _exit(86)
                            }
                            try await writer.write(ack.serializedBytes())
                        }
                    }
                    if let reason = await runtime.closeReason(conn) {
                        throw TransportError.status(.permissionDenied, reason)
                    }
                }
            },
        ]
    }
}
