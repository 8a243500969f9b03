import Dispatch
import FoundationEssentials
import Glibc
import XieshangFederation
import XieshangTransport
import XieshangWire

/// The Federation service (联邦服务) as peers call it: Hello, Prove and Pull are unary; Push is the bidirectional
/// stream of EventBatches in and Acks out.
///
/// A peer's session is its transport connection (``ServerContext/connection``): the runtime keeps one core connection
/// per transport connection and drops it when that closes. Until the peer proved its key (Prove accepted), the
/// connection is unauthenticated: the transport keeps it on small budgets, Push and Pull are refused before any
/// decoding or signature work, and a Hello is checked here, off the federation executor (node id syntax, pin, key),
/// before the core signs anything.
enum FederationHandlers {
    static func decode<M: ProtoMessage>(_ type: M.Type, _ bytes: [UInt8]) throws -> M {
        do {
            return try M(serializedBytes: bytes)
        } catch {
            throw TransportError.status(.invalidArgument, "\(M.protoName) does not decode: \(error)")
        }
    }

    /// Ends a call of a peer that failed the handshake: the status, and the connection closes once it is sent.
    static func refuse(_ context: ServerContext, _ status: StatusCode, _ reason: String) -> TransportError {
        context.connection.close()
        return TransportError.status(status, reason)
    }

    /// Refuses Push and Pull on a connection whose peer has not proved its key, before any work on the request.
    static func requireAuthenticated(_ context: ServerContext, _ method: String) throws {
        guard context.connection.isAuthenticated else {
            throw refuse(context, .unauthenticated, "\(method) before the Hello/Prove handshake completed on this connection; say Hello first")
        }
    }

    /// The cheap part of a Hello, off the executor: a well-formed node id, pinned here, with its pinned key.
    static func precheck(_ runtime: NodeRuntime, _ request: HelloRequest, _ context: ServerContext) throws {
        guard NodeConfig.isNodeId(request.nodeId) else {
            throw refuse(context, .invalidArgument, "the Hello's node id is not a node id (1–128 lowercase letters, digits, '.', '-', '_')")
        }
        let accepted = runtime.keyring.acceptedKeys(of: request.nodeId)
        guard !accepted.isEmpty else {
            runtime.logger.debug("refused a Hello from \(context.peer): node \(request.nodeId) is not a pinned peer")
            throw refuse(context, .permissionDenied, "node \(request.nodeId) is not a pinned peer of \(runtime.config.nodeId); add it to the config to link them")
        }
        guard accepted.contains(request.publicKey) else {
            let reason = "node \(request.nodeId) presented a key that does not match its pin"
            runtime.noteRefused(peer: request.nodeId, reason: reason)
            throw refuse(context, .permissionDenied, reason)
        }
    }

    /// Feeds one unary request and picks the core's answer on the same connection.
    static func unary(_ runtime: NodeRuntime, _ context: ServerContext, _ message: FederationMessage, peerName: String,
                      pick: (FederationMessage) -> [UInt8]?) async throws -> [UInt8] {
        let conn = await runtime.acceptedConnection(context.connection)
        let outputs = await runtime.submit(.received(conn, message))
        var closed: String?
        for output in outputs {
            if case .send(let c, let m) = output, c == conn, let bytes = pick(m) { return bytes }
            if case .close(let c, let reason) = output, c == conn { closed = reason }
        }
        let reason = closed ?? "\(message.name) was not answered (connection not in the right state)"
        runtime.noteRefused(peer: peerName, reason: reason)
        runtime.acceptedEnded(context.connection.id)
        throw refuse(context, .permissionDenied, reason)
    }

    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        let faults = runtime.faults
        return [
            FederationService.hello.path: .unary { bytes, context in
                let request = try decode(HelloRequest.self, bytes)
                try precheck(runtime, request, context)
                // The answer's signature depends only on the request: made here, on the handler's thread, so a Hello
                // costs the serial executor no signature (the core takes it from the cache, or signs inline).
                runtime.signatures.presignHandshake(FederationNode.transcript(signer: runtime.config.nodeId, challenger: request.nodeId,
                                                                              challenge: request.challenge), with: runtime.keyring.identity)
                return try await unary(runtime, context, .hello(request), peerName: request.nodeId) {
                    if case .helloResponse(let r) = $0 { return r.serializedBytes() }
                    return nil
                }
            },
            FederationService.prove.path: .unary { bytes, context in
                let request = try decode(ProveRequest.self, bytes)
                return try await unary(runtime, context, .prove(request), peerName: context.peer) {
                    guard case .proveResponse(let r) = $0 else { return nil }
                    // The peer signed our challenge with its pinned key: its connection leaves the pre-auth budgets.
                    if r.accepted { context.connection.markAuthenticated() } else { context.connection.close() }
                    return r.serializedBytes()
                }
            },
            FederationService.pull.path: .unary { bytes, context in
                try requireAuthenticated(context, "Pull")
                let request = try decode(PullRequest.self, bytes)
                return try await unary(runtime, context, .pull(request), peerName: context.peer) {
                    if case .pullResponse(let r) = $0 { return r.serializedBytes() }
                    return nil
                }
            },
            FederationService.push.path: .bidirectionalStreaming { requests, writer, context in
                try requireAuthenticated(context, "Push")
                let conn = await runtime.acceptedConnection(context.connection)
                defer { runtime.acceptedEnded(context.connection.id) }
                for try await bytes in requests {
                    let batch = try decode(EventBatch.self, bytes)
                    let outputs = await runtime.submitVerified(conn, .push(batch))
                    for output in outputs {
                        if case .send(let c, .ack(let ack)) = output, c == conn {
                            if let faults, !batch.events.isEmpty, runtime.roles[batch.sender] == "child" { faults.reached(.afterCommitBeforeAck) }
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
