import XieshangStore
import XieshangWire

/// Key rotation and revocation (密钥轮换与吊销): a node's id stays, its signing key changes.
///
/// - A rotation (``rotateKey(to:now:)``) puts one ``KeyRotation`` copy in each chain of the node, signed by the old key
///   (the envelope) and the new key (inside); every node checks each event against the key valid at its position
///   (``keyAt(_:seq:)``), so the old key's signatures after the rotation point are refused (`key_superseded`).
/// - A revocation (``revokeKey(child:fromSeq:reason:now:)``) is signed by the child's parent, never by the child: from
///   the position it names the revoked key's signatures are refused (`key_revoked`).
/// - Links follow: a node proves on its links (TLS certificate, Hello) its newest key that every peer it pushes to
///   has acknowledged the announcement of (``linkKey``), and accepts from a peer any of the peer's keys it holds a
///   record of that are not revoked (``acceptedLinkKeys(of:)``), so a peer that has not heard of a rotation yet still
///   links, and after restarts both sides rebuild all of it from their logs.
extension FederationNode {
    /// The key valid at one position of a chain, as this node knows the chain's node.
    public enum KeyLookup: Equatable, Sendable {
        /// This key signs there.
        case valid(Ed25519.PublicKey)
        /// The key that would sign there is revoked from `from` on by its parent `by`.
        case revoked(Ed25519.PublicKey, by: String, from: UInt64)
    }

    /// The key valid at `seq` of the chain `origin`, nil when the node knows no key for its node.
    public func keyAt(_ origin: String, seq: UInt64) -> KeyLookup? {
        guard let base = keyFor(origin) else { return nil }
        guard let history = keyHistories[ChainName.node(of: origin)] else { return .valid(base) }
        let key = history.key(base: base, chain: origin, seq: seq)
        if let r = history.revocation(of: key, chain: origin, seq: seq) { return .revoked(key, by: r.signer, from: r.from(origin)) }
        return .valid(key)
    }

    /// The newest key of `node` (the one it signs new events with), nil when unknown.
    public func latestKey(of node: String) -> Ed25519.PublicKey? {
        guard let base = keyFor(node) else { return nil }
        return keyHistories[node]?.latest(base: base) ?? base
    }

    /// Whether this node holds a key rotation or revocation of `node`.
    public func hasKeyRecords(of node: String) -> Bool { keyHistories[node] != nil }

    /// The private key this node holds for `publicKey` (its identity key or a rotated one), nil when it holds none.
    public func privateKey(for publicKey: Ed25519.PublicKey) -> Ed25519.PrivateKey? { privateKeys[publicKey.rawRepresentation] }

    /// This node's current signing key (after its last rotation).
    public var signingPublicKey: Ed25519.PublicKey { signingKey.publicKey }

    /// The keys a peer may authenticate a link with: its pinned key and the keys its rotations named, except revoked ones.
    public func acceptedLinkKeys(of peer: String) -> [Ed25519.PublicKey] {
        guard let pin = pins[peer] else { return [] }
        guard let history = keyHistories[peer] else { return [pin.publicKey] }
        return history.keys(base: pin.publicKey).filter { !history.isRevoked($0) }
    }

    /// Every pinned peer's ``acceptedLinkKeys(of:)`` (the TLS pins and the Hello precheck of the runtime).
    public func acceptedLinkKeys() -> [String: [Ed25519.PublicKey]] {
        var out: [String: [Ed25519.PublicKey]] = [:]
        for peer in pinnedIds { out[peer] = acceptedLinkKeys(of: peer) }
        return out
    }

    /// The key this node proves on its links (its TLS certificate, its Hello): the newest key whose announcement every
    /// peer it pushes to has acknowledged — a peer that has not received the key record yet would refuse the new key
    /// and so never receive it — else the key before it.
    public var linkKey: Ed25519.PrivateKey {
        guard let rotations = keyHistories[id]?.rotations, !rotations.isEmpty else { return signingKey }
        if linkConfirmed < rotations.count {
            let dialed = pinnedIds.filter { pins[$0]?.dials == true }
            var confirmed = linkConfirmed
            while confirmed < rotations.count, let end = ownRotationEnds[rotations[confirmed].newKey.rawRepresentation],
                  dialed.allSatisfy({ outboundAcked($0) >= end }) {
                confirmed += 1
            }
            if confirmed != linkConfirmed {
                linkConfirmed = confirmed
                keysVersion &+= 1
            }
        }
        let key = linkConfirmed == 0 ? config.privateKey.publicKey : rotations[linkConfirmed - 1].newKey
        return privateKeys[key.rawRepresentation] ?? signingKey
    }

    /// The log position `peer` has acknowledged on this node's outbound link (in memory, unsaved or stored).
    func outboundAcked(_ peer: String) -> Int64 {
        let stored = (try? store.reader.cursor(peer: peer, direction: .outbound))??.position ?? 0
        return max(clients[peer]?.ackedPosition ?? 0, unsavedCursors[peer] ?? 0, stored)
    }

    // MARK: Rotating and revoking (local operators)

    /// Rotates this node's signing key to `newKey` (`xieshang key rotate`): one ``KeyRotation`` copy in each chain of
    /// the node (its up chain when it has a parent, its down chain when it has children, each alliance, each chain it
    /// already has), signed by the current key and by `newKey`, in one transaction; from then on the node signs with
    /// `newKey`. Returns the copies.
    /// - Throws: ``FederationError`` when the node may not originate (fenced), the key is not new, or the store fails.
    @discardableResult
    public func rotateKey(to newKey: Ed25519.PrivateKey, now: Int64) throws(FederationError) -> (copies: [StoredEvent], outputs: [FederationOutput]) {
        self.now = now
        outputs = []
        let history = keyHistories[id] ?? KeyHistory()
        if history.keys(base: config.privateKey.publicKey).contains(newKey.publicKey) {
            throw FederationError(.command, "key \(newKey.publicKey.fingerprint) was already a key of \(id); a rotation needs a new key", node: id)
        }
        var chains = Set(heads.keys.filter { ChainName.node(of: $0) == id && !$0.hasSuffix("@local") })
        if config.parent != nil { chains.insert(id) }
        if !config.children.isEmpty { chains.insert(ChainName.chain(node: id, route: .down(only: []))) }
        for a in config.alliances { chains.insert(ChainName.chain(node: id, route: .alliance(a.id))) }
        guard !chains.isEmpty else {
            throw FederationError(.command, "\(id) has no parent, children, alliances or chains to announce a new key to", node: id)
        }
        let ordered = chains.sorted()
        var rotation = KeyRotation()
        rotation.nodeId = id
        rotation.oldKey = signingKey.publicKey.rawRepresentation
        rotation.newKey = newKey.publicKey.rawRepresentation
        for chain in ordered {
            // The copy takes head + 1 (signed by the old key); the new key signs from head + 2.
            let (start, overflow) = (heads[chain]?.seq ?? 0).addingReportingOverflow(2)
            if overflow { throw FederationError(.store, "chain \(chain) of \(id) is at the largest seq; the store is damaged", node: id) }
            rotation.starts.append(ChainStart(chain: chain, fromSeq: start))
        }
        do throws(WireError) {
            rotation.newKeySignature = try newKey.signature(for: KeyHistory.statement(rotation))
        } catch {
            throw FederationError(.wire, "cannot sign the key rotation of \(id) with the new key: \(error)", node: id, underlying: error)
        }
        let payload = rotation.serializedBytes()
        privateKeys[newKey.publicKey.rawRepresentation] = newKey
        let copies: [StoredEvent]
        do throws(GroupRefusal) {
            copies = try originateGroup(ordered.map { Origination(kind: .keyRotation, payload: payload, route: route(ofOwnChain: $0)) })
        } catch {
            privateKeys[newKey.publicKey.rawRepresentation] = nil
            throw error.error
        }
        if let end = tail.end { ownRotationEnds[rotation.newKey] = end }
        return (copies, outputs)
    }

    /// Revokes `child`'s key from `fromSeq` of its up chain on (`xieshang key revoke`): the key valid there is refused
    /// from that position on, by every node the revocation reaches (one copy up, one down). Signed by this node, the
    /// child's parent.
    /// - Throws: ``FederationError`` `.command` for a node that is not a child, seq 0 or a key already revoked there.
    @discardableResult
    public func revokeKey(child: String, fromSeq: UInt64, reason: String, now: Int64) throws(FederationError) -> (revocation: KeyRevocation, copies: [StoredEvent], outputs: [FederationOutput]) {
        self.now = now
        outputs = []
        guard childIds.contains(child) else {
            throw FederationError(.command, "\(child) is not a child of \(id); only a body's parent revokes its key", node: child)
        }
        guard fromSeq >= 1 else { throw FederationError(.command, "--from-seq must be 1 or more (the first refused seq of \(child)'s chain)", node: child) }
        guard case .valid(let key)? = keyAt(child, seq: fromSeq) else {
            throw FederationError(.command, "the key of \(child) at seq \(fromSeq) is already revoked", node: child)
        }
        var revocation = KeyRevocation()
        revocation.nodeId = child
        revocation.revokedKey = key.rawRepresentation
        revocation.starts = [ChainStart(chain: child, fromSeq: fromSeq)]
        revocation.reason = reason
        let payload = revocation.serializedBytes()
        var group = [Origination(kind: .keyRevocation, payload: payload, route: .down(only: []))]
        if config.parent != nil { group.insert(Origination(kind: .keyRevocation, payload: payload, route: .up), at: 0) }
        let copies: [StoredEvent]
        do throws(GroupRefusal) {
            copies = try originateGroup(group)
        } catch {
            throw error.error
        }
        return (revocation, copies, outputs)
    }

    /// The route of one of this node's own chains (its bare id is the up chain).
    func route(ofOwnChain chain: String) -> Route {
        chain == id ? .up : Route(text: String(chain.dropFirst(id.count + 1)))
    }

    // MARK: Checks on receipt

    /// Why a delivered key rotation is refused (`key_rotation_refused`), or nil. Its envelope was authenticated
    /// against the key valid at its position: the old key it names must be that key, and the new key must sign it.
    func keyRotationCheck(_ body: EventBody) -> Rejection? {
        func refused(_ why: String) -> Rejection {
            Rejection(code: "key_rotation_refused", reason: "key rotation \(body.origin)#\(body.seq) refused: \(why)", alert: true)
        }
        let node = ChainName.node(of: body.origin)
        guard let r = try? KeyRotation(serializedBytes: body.payload) else { return refused("its payload does not decode") }
        guard r.nodeId == node else { return refused("it names node \(r.nodeId), not its signer \(node)") }
        guard let starts = KeyHistory.startMap(r.starts) else { return refused("it names a chain twice, an empty chain or seq 0") }
        guard starts.keys.allSatisfy({ ChainName.node(of: $0) == node }) else { return refused("it names a chain of another node") }
        guard let newKey = try? Ed25519.PublicKey(rawRepresentation: r.newKey) else { return refused("its new key is not 32 bytes") }
        guard case .valid(let signer)? = keyAt(body.origin, seq: body.seq), signer.rawRepresentation == r.oldKey else {
            return refused("the old key it names is not the key that signs \(body.origin) at seq \(body.seq)")
        }
        let (next, overflow) = body.seq.addingReportingOverflow(1)
        guard !overflow, starts[body.origin] == next else {
            return refused("it must start the new key at seq \(body.seq &+ 1) of its own chain \(body.origin)")
        }
        guard newKey.isValidSignature(r.newKeySignature, for: KeyHistory.statement(r)) else {
            return refused("it is signed by the old key only; the new key \(newKey.fingerprint) must sign it too")
        }
        let history = keyHistories[node] ?? KeyHistory()
        if let known = history.rotations.first(where: { $0.newKey == newKey }) {
            // Another chain's copy of a rotation already applied: the same rotation, or an equivocation.
            return known.oldKey == r.oldKey && known.starts == starts ? nil : refused("it differs from the copy of the same rotation \(id) holds")
        }
        guard let base = keyFor(node), r.oldKey == history.latest(base: base).rawRepresentation else {
            return refused("it rotates from a key that is not \(node)'s newest key")
        }
        if history.keys(base: base).contains(newKey) { return refused("its new key was an earlier key of \(node)") }
        return nil
    }

    /// The parent of `node` as this node knows it (config, rosters), nil when unknown.
    func parentOfNode(_ node: String) -> String? {
        if node == id { return config.parent?.id }
        if childIds.contains(node) { return id }
        if let p = parentOf[node] { return p }
        if let e = parentRoster?.entries.first(where: { $0.nodeId == node }), !e.parent.isEmpty { return e.parent }
        return nil
    }

    /// Why a delivered key revocation is refused (`key_revocation_refused`), or nil: only the revoked node's parent
    /// may sign one — never the node itself, whose key may be the leaked one.
    func keyRevocationCheck(_ body: EventBody) -> Rejection? {
        func refused(_ why: String) -> Rejection {
            Rejection(code: "key_revocation_refused", reason: "key revocation \(body.origin)#\(body.seq) refused: \(why)", alert: true)
        }
        let signer = ChainName.node(of: body.origin)
        guard let r = try? KeyRevocation(serializedBytes: body.payload) else { return refused("its payload does not decode") }
        guard r.nodeId != signer else {
            return refused("\(signer) signed the revocation of its own key; only its parent may revoke it (never the key itself)")
        }
        guard let parent = parentOfNode(r.nodeId), parent == signer else {
            return refused("\(signer) is not the parent of \(r.nodeId) as \(id) knows it")
        }
        guard let starts = KeyHistory.startMap(r.starts), starts.keys.allSatisfy({ ChainName.node(of: $0) == r.nodeId }) else {
            return refused("it names a chain twice, seq 0 or a chain of another node")
        }
        guard let base = keyFor(r.nodeId),
              (keyHistories[r.nodeId]?.keys(base: base) ?? [base]).contains(where: { $0.rawRepresentation == r.revokedKey }) else {
            return refused("the key it revokes is not a key of \(r.nodeId) as \(id) knows it")
        }
        return nil
    }

    /// Why the event `item` of `origin`, which did not authenticate against `expected` (the key valid at its position),
    /// is refused: a rotation not signed by the old key, the old key signing after the rotation point, or a bad signature.
    func authenticationRejection(_ item: Delivered, origin: String, expected: Ed25519.PublicKey) -> Rejection {
        let (e, body, _) = item
        let evidence = [e.serializedBytes()]
        if body.kind == .keyRotation {
            return Rejection(code: "key_rotation_refused",
                             reason: "key rotation \(origin)#\(body.seq) is not signed by the key valid at that position (\(expected.fingerprint)); a rotation is signed by the old key and the new key",
                             alert: true, evidence: evidence)
        }
        let node = ChainName.node(of: origin)
        if let history = keyHistories[node], let base = keyFor(origin) {
            for old in history.keys(base: base) where old != expected {
                guard old.isValidSignature(e.signature, for: e.body) else { continue }
                let start = history.rotation(replacing: old).flatMap { $0.starts[origin] }
                return Rejection(code: "key_superseded",
                                 reason: "\(origin)#\(body.seq) is signed by \(node)'s key \(old.fingerprint), which is not valid at that position\(start.map { " (replaced from seq \($0))" } ?? ""); the key valid there is \(expected.fingerprint)",
                                 alert: true, evidence: evidence)
            }
        }
        return Rejection(code: "bad_signature",
                         reason: "\(origin)#\(body.seq) does not authenticate (signature or hash chain) against key \(expected.fingerprint)",
                         alert: true, evidence: evidence)
    }

    /// Authenticates a run of `origin` that follows `head`, in stretches of one key (a rotation inside the run changes
    /// the key): the authentic prefix, and why the next event is refused.
    func authenticateByKey(_ items: [Delivered], follows head: XieshangWire.EventChain.Link, origin: String,
                           preAuthenticated: Set<[UInt8]>) -> (authentic: [Delivered], refusal: (seq: UInt64, Rejection)?) {
        var out: [Delivered] = []
        var link = head
        var start = 0
        while start < items.count {
            let first = items[start].body
            guard let lookup = keyAt(origin, seq: first.seq) else { break }
            guard case .valid(let key) = lookup else {
                if case .revoked(let key, let parent, let from) = lookup {
                    return (out, (first.seq, Rejection(code: "key_revoked",
                                                       reason: "\(origin)#\(first.seq) is signed by key \(key.fingerprint), which \(parent) revoked from seq \(from); refused",
                                                       alert: true, evidence: [items[start].event.serializedBytes()])))
                }
                break
            }
            // A stretch ends where the key changes, and just after a key record: what follows it is judged once the
            // record is applied (the caller commits it and looks at the rest of the run again).
            func isKeyRecord(_ i: Int) -> Bool { items[i].body.kind == .keyRotation || items[i].body.kind == .keyRevocation }
            var end = start + 1
            let uniform = keyHistories[ChainName.node(of: origin)] == nil
            while end < items.count, !isKeyRecord(end - 1), uniform || keyAt(origin, seq: items[end].body.seq) == lookup { end += 1 }
            let segment = Array(items[start..<end])
            let ok = authenticate(segment, follows: link, origin: origin, key: key, preAuthenticated: preAuthenticated)
            out += ok
            if ok.count < segment.count {
                let bad = segment[ok.count]
                return (out, (bad.body.seq, authenticationRejection(bad, origin: origin, expected: key)))
            }
            if isKeyRecord(end - 1) { break }
            if let last = ok.last { link = XieshangWire.EventChain.Link(seq: last.body.seq, hash: last.hash) }
            start = end
        }
        return (out, nil)
    }

    // MARK: Applying (receipt, origination and replay at open)

    /// Applies a stored key rotation to the node's key history; why it cannot be (nothing changed), or nil.
    func keyRotationApplied(_ body: EventBody, stored: StoredEvent) -> String? {
        guard let r = try? KeyRotation(serializedBytes: body.payload), let newKey = try? Ed25519.PublicKey(rawRepresentation: r.newKey),
              let starts = KeyHistory.startMap(r.starts) else { return "its key rotation does not decode" }
        let node = ChainName.node(of: body.origin)
        var history = keyHistories[node] ?? KeyHistory()
        if history.rotations.contains(where: { $0.newKey == newKey }) { return nil }  // another chain's copy
        history.rotations.append(KeyHistory.Rotation(oldKey: r.oldKey, newKey: newKey, starts: starts))
        keyHistories[node] = history
        keyRecords[node, default: []].append(SignedEvent(body: stored.body, signature: stored.signature).serializedBytes())
        keysVersion &+= 1
        if node == id, let key = privateKeys[newKey.rawRepresentation] { signingKey = key }
        outputs.append(.log(LogRecord(.info, .keyRotated, peer: node, "\(id): \(node) signs with key \(newKey.fingerprint) from now on (rotation \(body.origin)#\(body.seq))")))
        // The rosters carry the key records to the nodes that get none of the node's chains with a copy.
        if !fenced && !isLoading { refreshRosters() }
        return nil
    }

    /// Applies a stored key revocation; why it cannot be, or nil.
    func keyRevocationApplied(_ body: EventBody) -> String? {
        guard let r = try? KeyRevocation(serializedBytes: body.payload), let starts = KeyHistory.startMap(r.starts) else {
            return "its key revocation does not decode"
        }
        let signer = ChainName.node(of: body.origin)
        var history = keyHistories[r.nodeId] ?? KeyHistory()
        if history.revocations.contains(where: { $0.key == r.revokedKey && $0.starts == starts }) { return nil }  // the other copy
        var held: [String: UInt64] = [:]
        for (chain, link) in heads where ChainName.node(of: chain) == r.nodeId && starts[chain] == nil { held[chain] = link.seq }
        history.revocations.append(KeyHistory.Revocation(key: r.revokedKey, starts: starts, held: held, signer: signer))
        keyHistories[r.nodeId] = history
        keysVersion &+= 1
        let fingerprint = (try? Ed25519.PublicKey(rawRepresentation: r.revokedKey))?.fingerprint ?? "?"
        outputs.append(.log(LogRecord(.warning, .keyRevoked, peer: r.nodeId, "\(id): \(signer) revoked key \(fingerprint) of \(r.nodeId) from \(starts.sorted { $0.key < $1.key }.map { "\($0.key)#\($0.value)" }.joined(separator: ", "))")))
        if r.nodeId == id {
            raiseAlert(Alert(subject: id, code: "key_revoked",
                             message: "\(signer) revoked \(id)'s key \(fingerprint): events it signs from the named positions on are refused; make a new key with the parent's office",
                             period: "", figure: "", evidence: []))
        }
        return nil
    }

    /// Adopts the key rotations a roster entry carries for `node` beyond those this node holds, each checked as a
    /// chain copy is (signed by the key before it and by its new key): a body that receives none of `node`'s chains
    /// with a copy — a direct chain to it from a body that is not its neighbour — learns them so.
    func adoptKeyRecords(_ node: String, base: Ed25519.PublicKey, _ records: [[UInt8]]) {
        guard node != id else { return }
        var history = keyHistories[node] ?? KeyHistory()
        guard records.count > history.rotations.count else { return }
        var adopted: [[UInt8]] = []
        for bytes in records.dropFirst(history.rotations.count) {
            guard let e = try? SignedEvent(serializedBytes: bytes), let body = try? e.decodedBody(), body.kind == .keyRotation,
                  ChainName.node(of: body.origin) == node, let r = try? KeyRotation(serializedBytes: body.payload), r.nodeId == node,
                  let newKey = try? Ed25519.PublicKey(rawRepresentation: r.newKey), let starts = KeyHistory.startMap(r.starts) else { break }
            let old = history.latest(base: base)
            guard r.oldKey == old.rawRepresentation, old.isValidSignature(e.signature, for: e.body),
                  newKey.isValidSignature(r.newKeySignature, for: KeyHistory.statement(r)),
                  !history.keys(base: base).contains(newKey) else { break }
            history.rotations.append(KeyHistory.Rotation(oldKey: r.oldKey, newKey: newKey, starts: starts))
            adopted.append(bytes)
        }
        guard !adopted.isEmpty else { return }
        keyHistories[node] = history
        keyRecords[node, default: []] += adopted
        keysVersion &+= 1
    }

    /// `entry` with the key records this node holds for its body when they are more than the entry's.
    func withKeyRecords(_ entry: RosterEntry) -> RosterEntry {
        guard let mine = keyRecords[entry.nodeId], mine.count > entry.keyRecords.count else { return entry }
        var e = entry
        e.keyRecords = mine
        return e
    }

    /// After the store was replayed at open: the node signs with its newest key, which a key file must hold.
    func selectSigningKey() throws(FederationError) {
        let latest = keyHistories[id]?.latest(base: config.privateKey.publicKey) ?? config.privateKey.publicKey
        guard let key = privateKeys[latest.rawRepresentation] else {
            throw FederationError(.config, "\(id) rotated its key to \(latest.fingerprint), but no key file given to the node holds it; put the file `xieshang key rotate` wrote beside the node's key file back",
                                  node: id)
        }
        signingKey = key
    }
}

extension FederationNode {
    /// The bytes the new key signs in a ``KeyRotation`` (`new_key_signature`): a context text, then the rotation
    /// without that signature. Public for tools and tests that build key records by hand.
    public static func keyRotationStatement(_ rotation: KeyRotation) -> [UInt8] { KeyHistory.statement(rotation) }
}

extension FederationNode {
    /// Whether a roster event carries key records (the events after it are judged once it is applied).
    static func carriesKeyRecords(_ body: EventBody) -> Bool {
        (try? Roster(serializedBytes: body.payload))?.entries.contains { !$0.keyRecords.isEmpty } ?? false
    }
}
