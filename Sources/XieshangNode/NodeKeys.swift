import Dispatch
import FoundationEssentials
import Glibc
import XieshangFederation
import XieshangTransport
import XieshangWire

/// Key rotation and revocation at the node (密钥轮换与吊销): the key files a rotation writes beside the node's key file,
/// and the Admin `RotateKey` / `RevokeKey` calls behind `xieshang key rotate|revoke`. The rules are the core's
/// (``FederationNode/rotateKey(to:now:)``, ``FederationNode/revokeKey(child:fromSeq:reason:now:)``).
///
/// The node's key file (`key_file`) stays its identity: peers pin it and backups name it. A rotation writes the new key
/// to `<key_file>.rotated-<24 hex digits of its fingerprint>` (mode 0600, written durably before the key record is
/// stored); at start the node loads every such file and signs with the newest key its log announced.
enum NodeKeys {
    /// The file a rotated `key` is kept in, beside `keyFile`.
    static func path(for key: Ed25519.PublicKey, beside keyFile: String) -> String {
        keyFile + ".rotated-" + key.fingerprint.dropFirst("SHA256:".count)
    }

    /// Every rotated key kept beside `keyFile` (none when there are none).
    /// - Throws: ``NodeError`` `.keyFile` naming a rotated key file that cannot be read (mode, owner, form).
    static func loadRotated(beside keyFile: String) throws(NodeError) -> [Ed25519.PrivateKey] {
        let directory = PathText.directory(of: keyFile)
        let prefix = String(keyFile.split(separator: "/").last ?? "") + ".rotated-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        var keys: [Ed25519.PrivateKey] = []
        for name in names.sorted() where name.hasPrefix(prefix) && !name.hasSuffix(".tmp") {
            let path = PathText.appending(directory, name)
            do {
                keys.append(try KeyFile.load(from: path))
            } catch {
                throw NodeError(.keyFile, "rotated key file \(path): \(error.message)", path: path)
            }
        }
        return keys
    }

    static func handlers(_ runtime: NodeRuntime) -> [String: RPCHandler] {
        [AdminService.rotateKey.path: .unary { bytes, context in
            _ = try AdminHandlers.decode(RotateKeyRequest.self, bytes)
            return try await rotate(runtime, actor: AccountsHandlers.actor(context)).serializedBytes()
        },
         AdminService.revokeKey.path: .unary { bytes, context in
             let request = try AdminHandlers.decode(RevokeKeyRequest.self, bytes)
             return try await revoke(runtime, request, actor: AccountsHandlers.actor(context)).serializedBytes()
         }]
    }

    /// Makes a new key, writes it beside the key file, then has the core announce it and sign with it.
    static func rotate(_ runtime: NodeRuntime, actor: String) async throws -> KeyChange {
        let newKey: Ed25519.PrivateKey
        do { newKey = try Ed25519.PrivateKey() } catch {
            throw TransportError.status(.internal, "key rotate: cannot make a new key: \(error)")
        }
        let keyFile = runtime.config.keyFile
        let path = path(for: newKey.publicKey, beside: keyFile)
        // Durable before the key record exists: a node that restarts after the record always finds its key.
        do { try KeyFile.save(newKey, to: path) } catch {
            throw TransportError.status(.failedPrecondition, "key rotate: \(error.message)")
        }
        let result = await runtime.read { () -> Result<KeyChange, TransportError> in
            let core = runtime.core
            let old = core.signingPublicKey
            do {
                let (copies, outputs) = try core.rotateKey(to: newKey, now: runtime.now())
                runtime.carryOnQueue(outputs)
                runtime.logger.info("key rotated by \(actor): \(old.fingerprint) → \(newKey.publicKey.fingerprint), announced in \(copies.map { "\($0.origin)#\($0.seq)" }.joined(separator: ", "))")
                return .success(KeyChange(nodeId: core.id, oldFingerprint: old.fingerprint, newFingerprint: newKey.publicKey.fingerprint,
                                          keyFile: path, events: copies.map { "\($0.origin)#\($0.seq)" }))
            } catch let error as FederationError {
                return .failure(TransportError.status(.failedPrecondition, "key rotate refused at \(core.id): \(error.message)"))
            } catch {
                return .failure(TransportError.status(.internal, "key rotate: \(error)"))
            }
        }
        if case .failure = result { unlink(path) }  // nothing announced: the new key is not kept
        return try result.get()
    }

    /// Revokes a child's key from a seq of its chain on, signed by this node (the child's parent).
    static func revoke(_ runtime: NodeRuntime, _ request: RevokeKeyRequest, actor: String) async throws -> KeyChange {
        guard NodeConfig.isNodeId(request.child) else {
            throw TransportError.status(.invalidArgument, "key revoke: '\(DisplayText.escaped(request.child))' is not a node id")
        }
        guard request.fromSeq >= 1 else {
            throw TransportError.status(.invalidArgument, "key revoke: --from-seq must be 1 or more (the first seq of \(request.child)'s chain whose signatures are refused)")
        }
        let result = await runtime.read { () -> Result<KeyChange, TransportError> in
            let core = runtime.core
            do {
                let (revocation, copies, outputs) = try core.revokeKey(child: request.child, fromSeq: request.fromSeq,
                                                                       reason: request.reason, now: runtime.now())
                runtime.carryOnQueue(outputs)
                let fingerprint = (try? Ed25519.PublicKey(rawRepresentation: revocation.revokedKey))?.fingerprint ?? "?"
                runtime.logger.info("key of \(request.child) revoked by \(actor) from seq \(request.fromSeq): \(fingerprint)")
                return .success(KeyChange(nodeId: request.child, oldFingerprint: fingerprint, newFingerprint: "", keyFile: "",
                                          events: copies.map { "\($0.origin)#\($0.seq)" }))
            } catch let error as FederationError {
                return .failure(TransportError.status(.failedPrecondition, "key revoke refused at \(core.id): \(error.message)"))
            } catch {
                return .failure(TransportError.status(.internal, "key revoke: \(error)"))
            }
        }
        return try result.get()
    }
}
