import XieshangStore
import XieshangWire

/// The Hello/Prove handshake: each side signs the other's challenge over a `HandshakeTranscript`; keys are checked
/// against the pins, and a second live copy of a node (same id, other incarnation) is refused.
extension FederationNode {
    static let transcriptContext = "xieshang-hello-v1"

    /// The bytes a handshake signature covers: `signer` proves its key over `challenger`'s challenge.
    public static func transcript(signer: String, challenger: String, challenge: [UInt8]) -> [UInt8] {
        HandshakeTranscript(context: transcriptContext, signer: signer, challenger: challenger, challenge: challenge)
            .serializedBytes()
    }

    func clientConnected(_ conn: ConnectionID, peer: String) {
        dialing.remove(peer)
        guard pins[peer]?.dials == true else {
            // Dialled before a membership change removed the peer (or its address).
            outputs.append(.close(conn, reason: "\(peer) is no longer a peer \(id) dials"))
            return
        }
        if let old = clients[peer] { clientByConnection[old.connection] = nil }
        var link = ClientLink(connection: conn, peer: peer)
        link.challenge = random.bytes(32)
        link.lastProgressMs = now
        outputs.append(.setTimer(.retransmit(peer), atMs: now + config.options.ackTimeoutMs))
        clients[peer] = link
        clientByConnection[conn] = peer
        outputs.append(.send(conn, .hello(HelloRequest(nodeId: id, publicKey: linkKey.publicKey.rawRepresentation,
                                                        incarnation: incarnation, challenge: link.challenge,
                                                        protocolVersion: 1))))
    }

    func clientHelloResponse(_ r: HelloResponse, peer: String, conn: ConnectionID) {
        guard var link = clients[peer], link.state == .helloSent else {
            return ignored(conn, "unexpected HelloResponse from \(peer)")
        }
        guard r.nodeId == peer, let presented = acceptedLinkKeys(of: peer).first(where: { $0.rawRepresentation == r.publicKey }) else {
            return refuseHandshake(conn, peer: peer, "peer \(peer) answered as \(r.nodeId) with a key that does not match its pin \(pins[peer]?.publicKey.fingerprint ?? "?") nor a key its rotations announced; check the peer's key in the config")
        }
        let transcript = FederationNode.transcript(signer: peer, challenger: id, challenge: link.challenge)
        guard presented.isValidSignature(r.challengeSignature, for: transcript) else {
            return refuseHandshake(conn, peer: peer, "peer \(peer) did not prove its key: its signature over our challenge does not verify")
        }
        let mine = FederationNode.transcript(signer: id, challenger: peer, challenge: r.challenge)
        guard let signature = try? linkKey.signature(for: mine) else {
            return refuseHandshake(conn, peer: peer, "cannot sign the handshake for \(peer)")
        }
        link.state = .proveSent
        link.session = r.session
        link.highestSeqReported = r.yourHighestSeq
        clients[peer] = link
        outputs.append(.send(conn, .prove(ProveRequest(session: r.session, challengeSignature: signature))))
    }

    func clientProveResponse(_ r: ProveResponse, peer: String, conn: ConnectionID) {
        guard var link = clients[peer], link.state == .proveSent else {
            return ignored(conn, "unexpected ProveResponse from \(peer)")
        }
        guard r.accepted else {
            return refuseHandshake(conn, peer: peer, "peer \(peer) refused the handshake: \(r.reason)")
        }
        link.state = .up
        link.lastProgressMs = now
        let cursor = unsavedCursors[peer] ?? (try? store.reader.cursor(peer: peer, direction: .outbound))??.position ?? 0
        link.ackedPosition = cursor
        link.scanPosition = cursor
        clients[peer] = link
        dialAttempts[peer] = 0
        outputs.append(.log(LogRecord(.info, .linkUp, peer: peer, "link to \(peer) up; pushing from position \(cursor)")))
        checkFence(peer: peer, theirCount: link.highestSeqReported)
        pump(peer)
    }

    func refuseHandshake(_ conn: ConnectionID, peer: String, _ why: String) {
        outputs.append(.log(LogRecord(.warning, .handshakeRefused, peer: peer, "handshake with \(peer) refused: \(why)")))
        outputs.append(.close(conn, reason: why))
        clientByConnection[conn] = nil
        clients[peer] = nil
        scheduleReconnect(peer)
    }

    func serverHello(_ h: HelloRequest, conn: ConnectionID) {
        guard var link = servers[conn], link.state == .awaitingHello else {
            return ignored(conn, "unexpected Hello")
        }
        guard let pin = pins[h.nodeId] else {
            return refuseServer(conn, claimed: h.nodeId, "node \(h.nodeId) is not a pinned peer of \(id); add it to the config to link them")
        }
        guard let presented = acceptedLinkKeys(of: h.nodeId).first(where: { $0.rawRepresentation == h.publicKey }) else {
            return refuseServer(conn, claimed: h.nodeId, "node \(h.nodeId) presented a key that does not match its pin \(pin.publicKey.fingerprint) nor a key its rotations announced")
        }
        if let live = servers.values.first(where: { $0.state == .up && $0.peer == h.nodeId && $0.incarnation != h.incarnation }) {
            return refuseServer(conn, claimed: h.nodeId, "a second live copy of \(h.nodeId) (incarnation \(hexString(h.incarnation.prefix(8)))) while incarnation \(hexString(live.incarnation.prefix(8))) is connected; stop the clone")
        }
        // Signed by the runtime off the executor when it could (a Hello's answer depends only on the request).
        let transcript = FederationNode.transcript(signer: id, challenger: h.nodeId, challenge: h.challenge)
        guard let signature = config.signatureCache?.takeHandshakeSignature(for: transcript)
                ?? (try? linkKey.signature(for: transcript)) else {
            return refuseServer(conn, "cannot sign the handshake")
        }
        link.peer = h.nodeId
        link.peerKey = presented
        link.incarnation = h.incarnation
        link.challenge = random.bytes(32)
        link.session = random.bytes(16)
        link.state = .helloAnswered
        servers[conn] = link
        let theirs = (try? store.reader.highestSeq(origin: h.nodeId)) ?? 0
        outputs.append(.send(conn, .helloResponse(HelloResponse(nodeId: id, publicKey: linkKey.publicKey.rawRepresentation,
                                                                 incarnation: incarnation, challengeSignature: signature,
                                                                 challenge: link.challenge, session: link.session,
                                                                 yourHighestSeq: theirs))))
    }

    func serverProve(_ p: ProveRequest, conn: ConnectionID) {
        guard var link = servers[conn], link.state == .helloAnswered, let peer = link.peer, let key = link.peerKey else {
            return ignored(conn, "Prove before Hello (or a repeated Prove)")
        }
        let transcript = FederationNode.transcript(signer: peer, challenger: id, challenge: link.challenge)
        guard p.session == link.session, key.isValidSignature(p.challengeSignature, for: transcript) else {
            outputs.append(.send(conn, .proveResponse(ProveResponse(accepted: false, reason: "signature over the challenge does not verify against the pinned key of \(peer)"))))
            return refuseServer(conn, claimed: peer, "\(peer) failed to prove its key")
        }
        if servers.values.contains(where: { $0.state == .up && $0.peer == peer && $0.incarnation != link.incarnation }) {
            outputs.append(.send(conn, .proveResponse(ProveResponse(accepted: false, reason: "another incarnation of \(peer) is connected"))))
            return refuseServer(conn, claimed: peer, "a second live copy of \(peer) tried to connect")
        }
        link.state = .up
        servers[conn] = link
        outputs.append(.send(conn, .proveResponse(ProveResponse(accepted: true))))
    }

    /// Refuses an accepted connection's handshake; `claimed` is the node id the Hello named (for the log's peer field).
    func refuseServer(_ conn: ConnectionID, claimed: String? = nil, _ why: String) {
        outputs.append(.log(LogRecord(.warning, .connectionRefused, peer: claimed ?? servers[conn]?.peer, "refused \(conn): \(why)")))
        outputs.append(.close(conn, reason: why))
        servers[conn] = nil
    }

    // MARK: Fencing

    /// A peer holds `theirCount` of this node's own events: if that is more than the store holds, the node was
    /// restored from an old backup and pulls them back before originating anything.
    func checkFence(peer: String, theirCount: UInt64) {
        let mine = heads[id]?.seq ?? 0
        if theirCount > mine {
            fenced = true
            fenceTarget = max(fenceTarget, theirCount)
            outputs.append(.log(LogRecord(.warning, .fenced, peer: peer, "\(peer) holds own events up to seq \(theirCount), the store only \(mine): fenced until they are pulled back")))
            requestPull(from: peer, origin: id, fromSeq: mine + 1, toSeq: theirCount)
        } else if fenced && peer == config.parent?.id {
            releaseFenceIfCaughtUp()
        }
    }

    func releaseFenceIfCaughtUp() {
        guard fenced else { return }
        let mine = heads[id]?.seq ?? 0
        let parentConfirmed = config.parent.map { clients[$0.id]?.state == .up } ?? true
        if mine >= fenceTarget && parentConfirmed {
            fenced = false
            outputs.append(.log(LogRecord(.info, .fenceReleased, fenceTarget > 0 ? "own chain restored up to seq \(mine); originating again"
                                                                         : "parent confirmed its own chain (seq \(mine)); originating")))
            refreshRosters()
            if !unstoredAlerts.isEmpty {
                let alerts = unstoredAlerts
                unstoredAlerts = []
                do throws(GroupRefusal) {
                    _ = try originateGroup(alerts.map { Origination(kind: .alert, payload: $0.serializedBytes(), route: .up) })
                } catch {
                    outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot store \(alerts.count) alerts raised before the parent confirmed: \(error.error.message)")))
                }
            }
            if !dirtyPeriods.isEmpty { scheduleRollup() }
            drainQueue()  // commands queued while fenced, in order, before anything submitted from now on
        }
    }
}
