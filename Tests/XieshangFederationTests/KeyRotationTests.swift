import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Issue 20, item 3: key rotation and revocation (密钥轮换与吊销) in the federation core. city ← county ← (town0, town1);
/// town1 rotates or loses its key, the county is its parent, the city an ancestor that knows town1 only by rosters.
@Suite struct KeyRotationTests {
    func setUp() throws -> TestNetwork { try AuthorizationTests().setUp() }

    /// A second key for town1 (deterministic).
    func newKey(_ tag: String = "town1-2") throws -> Ed25519.PrivateKey { try Ed25519.PrivateKey(seed: SHA256.hash(Array(tag.utf8))) }

    /// The next event of `origin`'s up chain as `at` holds it, signed with `key`.
    func next(_ net: TestNetwork, _ origin: String, at: String, key: Ed25519.PrivateKey, kind: EventKind = .testNote,
              payload: [UInt8] = Note(text: "t", amount: 1).serializedBytes()) throws -> SignedEvent {
        let (seq, hash) = AuthorizationTests().head(net, at, origin)
        return try SignedEvent.signing(EventBody(origin: origin, seq: seq + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                 kind: kind, payload: payload), with: key)
    }

    /// town1 rotates to `key` and the network settles.
    func rotate(_ net: TestNetwork, to key: Ed25519.PrivateKey) throws -> [StoredEvent] {
        let (copies, outputs) = try net.nodes["town1"]!.rotateKey(to: key, now: net.now)
        net.carry("town1", outputs)
        net.run()
        return copies
    }

    /// Restarts `id` on its store: its connections drop (the peers see them close) and the links come back.
    func restart(_ net: TestNetwork, _ id: String) throws {
        net.nodes[id] = nil
        for (c, conn) in net.conns where conn.client == id || conn.server == id {
            net.conns[c] = nil
            net.feed(conn.client == id ? conn.server : conn.client, .disconnected(c))
        }
        try net.start(id)
        net.run(forMs: 60_000)
    }

    func holds(_ net: TestNetwork, _ at: String, _ event: SignedEvent) -> Bool { net.events(at).contains { $0.hash == event.hash } }

    func signedBy(_ e: StoredEvent, _ key: Ed25519.PrivateKey) -> Bool { key.publicKey.isValidSignature(e.signature, for: e.body) }

    /// A rotation of town1 from `old` to `new` at the next seq the county holds, its envelope signed by `envelope` and
    /// its inside by `inner` (nil: no new-key signature).
    func rotation(_ net: TestNetwork, old: Ed25519.PrivateKey, new: Ed25519.PrivateKey, envelope: Ed25519.PrivateKey,
                  inner: Ed25519.PrivateKey?) throws -> SignedEvent {
        let (seq, _) = AuthorizationTests().head(net, "county", "town1")
        var r = KeyRotation(nodeId: "town1", oldKey: old.publicKey.rawRepresentation, newKey: new.publicKey.rawRepresentation,
                            starts: [ChainStart(chain: "town1", fromSeq: seq + 2)])
        r.newKeySignature = try inner.map { try $0.signature(for: FederationNode.keyRotationStatement(r)) } ?? Array(repeating: 0, count: 64)
        return try next(net, "town1", at: "county", key: envelope, kind: .keyRotation, payload: r.serializedBytes())
    }

    // MARK: Rotation

    /// Events the new key signs are accepted from the announced position on, at the parent and at the ancestor that
    /// knows town1 only through the county's roster; the rotation is one key record in town1's chain.
    @Test func newKeyIsAcceptedFromTheAnnouncedPosition() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        let copies = try rotate(net, to: new)
        #expect(copies.map(\.origin) == ["town1"])
        #expect(copies.allSatisfy { signedBy($0, old) })
        net.originate("town1", amount: 4)
        net.run()
        let after = net.events("town1").filter { $0.origin == "town1" && $0.kind == EventKind.testNote.protoValue }.last!
        #expect(after.seq == copies[0].seq + 1)
        #expect(signedBy(after, new) && !signedBy(after, old))
        for at in ["county", "city"] {
            #expect(net.events(at).contains { $0.hash == after.hash }, "\(at) holds town1#\(after.seq)")
            #expect(net.nodes[at]!.keyDirectory().keys["town1"] == new.publicKey)
        }
        #expect(net.storedAlerts("county").isEmpty && net.storedAlerts("city").isEmpty)
        #expect(net.nodes["town1"]!.signingPublicKey == new.publicKey)
    }

    /// An event signed by the old key after the rotation point is refused, named `key_superseded`, and raises an alert.
    @Test func oldKeyAfterTheRotationPointIsRefused() throws {
        let net = try setUp()
        _ = try rotate(net, to: try newKey())
        let forged = try next(net, "town1", at: "county", key: net.key("town1"))
        let ack = net.inject([forged], from: "town1", to: "county")
        #expect(ack?.refused.map(\.code) == ["key_superseded"])
        #expect(!holds(net, "county", forged))
        net.run()
        #expect(net.storedAlerts("county").contains { $0.code == "key_superseded" && $0.subject == "town1" && !$0.evidence.isEmpty })
        // The real node goes on with the new key.
        net.originate("town1", amount: 2)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 14)
    }

    /// A rotation only the new key signed (its envelope) is refused, and so is one only the old key signed (no valid
    /// signature by the new key inside): `key_rotation_refused`, nothing stored, the old key stays valid.
    @Test func rotationSignedByOnlyOneKeyIsRefused() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        let onlyNew = try rotation(net, old: old, new: new, envelope: new, inner: new)
        #expect(net.inject([onlyNew], from: "town1", to: "county")?.refused.map(\.code) == ["key_rotation_refused"])
        let onlyOld = try rotation(net, old: old, new: new, envelope: old, inner: nil)
        #expect(net.inject([onlyOld], from: "town1", to: "county")?.refused.map(\.code) == ["key_rotation_refused"])
        let wrongInner = try rotation(net, old: old, new: new, envelope: old, inner: try newKey("someone-else"))
        #expect(net.inject([wrongInner], from: "town1", to: "county")?.refused.map(\.code) == ["key_rotation_refused"])
        #expect(![onlyNew, onlyOld, wrongInner].contains { holds(net, "county", $0) })
        net.run()
        #expect(net.storedAlerts("county").filter { $0.code == "key_rotation_refused" }.count == 3)
        // Nothing changed: the old key still signs.
        let good = try next(net, "town1", at: "county", key: old)
        #expect(net.inject([good], from: "town1", to: "county")?.refused.isEmpty == true)
        #expect(holds(net, "county", good))
        // A rotation both keys sign is accepted when injected the same way.
        let both = try rotation(net, old: old, new: new, envelope: old, inner: new)
        #expect(net.inject([both], from: "town1", to: "county")?.refused.isEmpty == true)
        let byNew = try next(net, "town1", at: "county", key: new)
        #expect(net.inject([byNew], from: "town1", to: "county")?.refused.isEmpty == true)
    }

    /// Malformed key records from a keyed child are refused by name, never stored, never a trap: a payload that does not
    /// decode, a rotation of another node, one that does not start its own chain right after itself, one naming another
    /// node's chain or seq 0, a new key that is not 32 bytes; a revocation that does not decode.
    @Test func malformedKeyRecordsAreRefused() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        let (seq, _) = AuthorizationTests().head(net, "county", "town1")
        func rotation(_ change: (inout KeyRotation) -> Void) throws -> SignedEvent {
            var r = KeyRotation(nodeId: "town1", oldKey: old.publicKey.rawRepresentation, newKey: new.publicKey.rawRepresentation,
                                starts: [ChainStart(chain: "town1", fromSeq: seq + 2)])
            change(&r)
            r.newKeySignature = (try? new.signature(for: FederationNode.keyRotationStatement(r))) ?? []
            return try next(net, "town1", at: "county", key: old, kind: .keyRotation, payload: r.serializedBytes())
        }
        let bad: [SignedEvent] = [
            try next(net, "town1", at: "county", key: old, kind: .keyRotation, payload: [0xff, 0xff, 0xff]),
            try rotation { $0.nodeId = "town0" },
            try rotation { $0.starts = [ChainStart(chain: "town1", fromSeq: seq + 5)] },
            try rotation { $0.starts = [] },
            try rotation { $0.starts.append(ChainStart(chain: "town0", fromSeq: 1)) },
            try rotation { $0.starts.append(ChainStart(chain: "town1@down", fromSeq: 0)) },
            try rotation { $0.starts.append(ChainStart(chain: "town1", fromSeq: seq + 2)) },
            try rotation { $0.newKey = [1, 2, 3] },
            try rotation { $0.oldKey = new.publicKey.rawRepresentation },
        ]
        for (i, e) in bad.enumerated() {
            #expect(net.inject([e], from: "town1", to: "county")?.refused.map(\.code) == ["key_rotation_refused"], "case \(i)")
            #expect(!holds(net, "county", e), "case \(i)")
        }
        let revocation = try next(net, "town1", at: "county", key: old, kind: .keyRevocation, payload: [0x0a, 0xff])
        #expect(net.inject([revocation], from: "town1", to: "county")?.refused.map(\.code) == ["key_revocation_refused"])
        // The key history is untouched: the old key still signs.
        let still = try next(net, "town1", at: "county", key: old)
        #expect(net.inject([still], from: "town1", to: "county")?.refused.isEmpty == true)
    }

    /// A rotation and the events after it in ONE batch: the rotation is applied before the rest of the run is checked.
    @Test func rotationAndNewKeyEventsInOneBatchAreAccepted() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        let r = try rotation(net, old: old, new: new, envelope: old, inner: new)
        let body = try r.decodedBody()
        let e1 = try SignedEvent.signing(EventBody(origin: "town1", seq: body.seq + 1, prevHash: r.hash, timeMs: net.now, scope: Route.up.scope,
                                                   kind: .testNote, payload: Note(text: "t", amount: 1).serializedBytes()), with: new)
        let e2 = try SignedEvent.signing(EventBody(origin: "town1", seq: body.seq + 2, prevHash: e1.hash, timeMs: net.now, scope: Route.up.scope,
                                                   kind: .testNote, payload: Note(text: "t", amount: 1).serializedBytes()), with: new)
        let ack = net.inject([r, e1, e2], from: "town1", to: "county")
        #expect(ack?.refused.isEmpty == true, "\(ack?.refused.map { "\($0.code): \($0.reason)" } ?? [])")
        #expect([r, e1, e2].allSatisfy { holds(net, "county", $0) })
    }

    /// A sibling gets none of town1's chains with a rotation copy, only a direct chain opened after the rotation: it
    /// learns the new key from the key records the county's roster carries (each checked by both keys), also after a
    /// restart.
    @Test func directEventsToANonNeighbourAfterARotationAreAccepted() throws {
        let net = try setUp()
        let new = try newKey()
        _ = try rotate(net, to: new)
        net.originate("town1", amount: 3, route: .direct("town0"))
        net.run()
        let direct = net.events("town0").filter { $0.origin == "town1@direct:town0" }
        #expect(direct.count == 1 && direct.allSatisfy { signedBy($0, new) })
        #expect(net.storedAlerts("town0").isEmpty)
        try restart(net, "town0")
        net.originate("town1", amount: 1, route: .direct("town0"))
        net.run()
        #expect(net.events("town0").filter { $0.origin == "town1@direct:town0" }.count == 2)
        #expect(net.nodes["town0"]!.keyDirectory().keys["town1"] == new.publicKey)
    }

    // MARK: Revocation

    /// The county revokes town1's leaked key from the next seq: town1's events signed by it from there are refused at
    /// the county (`key_revoked`) and the city, which got the revocation through the county's up chain.
    @Test func revokedKeysEventsAfterTheRevocationAreRefused() throws {
        let net = try setUp()
        let (seq, _) = AuthorizationTests().head(net, "county", "town1")
        let before = try next(net, "town1", at: "county", key: net.key("town1"))
        #expect(net.inject([before], from: "town1", to: "county")?.refused.isEmpty == true)
        let (revocation, copies, outputs) = try net.nodes["county"]!.revokeKey(child: "town1", fromSeq: seq + 2, reason: "密钥泄露", now: net.now)
        net.carry("county", outputs)
        net.run()
        #expect(revocation.revokedKey == net.key("town1").publicKey.rawRepresentation)
        #expect(copies.map(\.origin).sorted() == ["county", "county@down"])
        #expect(net.events("city").contains { $0.kind == EventKind.keyRevocation.protoValue })
        let leaked = try next(net, "town1", at: "county", key: net.key("town1"))
        #expect(net.inject([leaked], from: "town1", to: "county")?.refused.map(\.code) == ["key_revoked"])
        #expect(!holds(net, "county", leaked))
        net.run()
        #expect(net.storedAlerts("county").contains { $0.code == "key_revoked" && $0.subject == "town1" })
        // The city refuses it too, were it relayed (say by a county that has not heard yet).
        let atCity = try next(net, "town1", at: "city", key: net.key("town1"))
        let city = net.nodes["city"]!
        #expect(net.inject([atCity], from: "county", to: "city")?.refused.map(\.code) == ["key_revoked"])
        #expect(!net.events("city").contains { $0.hash == atCity.hash })
        _ = city
        // town1 was told (the down copy): an alert at town1.
        #expect(net.alerts["town1"]?.contains { $0.code == "key_revoked" } == true)
    }

    /// A revocation signed by the compromised node itself is refused (`key_revocation_refused`), as is one by a body
    /// that is not its parent; the key stays valid.
    @Test func revocationSignedByTheCompromisedKeyIsRefused() throws {
        let net = try setUp()
        func revocation(of node: String, signedBy signer: String) throws -> SignedEvent {
            let r = KeyRevocation(nodeId: node, revokedKey: net.key(node).publicKey.rawRepresentation,
                                  starts: [ChainStart(chain: node, fromSeq: 1)], reason: "x")
            return try next(net, signer, at: "county", key: net.key(signer), kind: .keyRevocation, payload: r.serializedBytes())
        }
        let bySelf = try revocation(of: "town1", signedBy: "town1")
        #expect(net.inject([bySelf], from: "town1", to: "county")?.refused.map(\.code) == ["key_revocation_refused"])
        let bySibling = try revocation(of: "town1", signedBy: "town0")
        #expect(net.inject([bySibling], from: "town0", to: "county")?.refused.map(\.code) == ["key_revocation_refused"])
        #expect(!holds(net, "county", bySelf) && !holds(net, "county", bySibling))
        let still = try next(net, "town1", at: "county", key: net.key("town1"))
        #expect(net.inject([still], from: "town1", to: "county")?.refused.isEmpty == true)
        // Nor may a node originate a key record as a plain command.
        net.feed("town1", .originate(LocalCommand(kind: .keyRevocation, payload: [], scope: Route.up.scope)))
        #expect(net.events("town1").allSatisfy { $0.kind != EventKind.keyRevocation.protoValue })
    }

    /// Bad revocation commands at the parent: not a child, seq 0.
    @Test func revocationCommandsWithBadArgumentsAreRefused() throws {
        let net = try setUp()
        #expect(throws: FederationError.self) { try net.nodes["county"]!.revokeKey(child: "city", fromSeq: 1, reason: "", now: net.now) }
        #expect(throws: FederationError.self) { try net.nodes["county"]!.revokeKey(child: "town9", fromSeq: 1, reason: "", now: net.now) }
        #expect(throws: FederationError.self) { try net.nodes["county"]!.revokeKey(child: "town1", fromSeq: 0, reason: "", now: net.now) }
        #expect(throws: FederationError.self) { try net.nodes["town1"]!.rotateKey(to: net.key("town1"), now: net.now) }
    }

    // MARK: Restarts and links

    /// After restarts the parent still checks each event with the key valid at its position (the key records are
    /// replayed in log order), and town1 signs with its newest key — which it must be given, or it refuses to start.
    @Test func replayAtOpenKeepsTheKeyValidAtEachPosition() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        _ = try rotate(net, to: new)
        try restart(net, "county")
        let forged = try next(net, "town1", at: "county", key: old)
        #expect(net.inject([forged], from: "town1", to: "county")?.refused.map(\.code) == ["key_superseded"])
        // town1 without its rotated key file: refused at open, naming the key.
        net.nodes["town1"] = nil
        #expect(throws: FederationError.self) { try net.start("town1") }
        net.configs["town1"]!.rotatedKeys = [new]
        try restart(net, "town1")
        #expect(net.nodes["town1"]!.signingPublicKey == new.publicKey)
        net.originate("town1", amount: 1)
        net.run()
        let last = net.events("county").filter { $0.origin == "town1" && $0.kind == EventKind.testNote.protoValue }.last!
        #expect(signedBy(last, new) && last.kind == EventKind.testNote.protoValue)
        #expect(net.nodes["town1"]!.isLinkUp("county"))
    }

    /// The links follow: town1 proves its new key on its links only once the county has acknowledged the key record
    /// (a county that had not heard of it would refuse the key); the county accepts both keys meanwhile.
    @Test func linkKeySwitchesOnceThePeerHoldsTheKeyRecord() throws {
        let net = try setUp()
        let old = net.key("town1"), new = try newKey()
        // The county is away while town1 rotates.
        net.nodes["county"] = nil
        for (c, conn) in net.conns where conn.client == "county" || conn.server == "county" {
            net.conns[c] = nil
            net.feed("town1", .disconnected(c))
        }
        _ = try rotate(net, to: new)
        #expect(net.nodes["town1"]!.signingPublicKey == new.publicKey)
        #expect(net.nodes["town1"]!.linkKey.publicKey == old.publicKey)
        try net.start("county")
        net.run(forMs: 60_000)
        #expect(net.nodes["town1"]!.isLinkUp("county"))
        #expect(net.nodes["town1"]!.linkKey.publicKey == new.publicKey)
        #expect(net.nodes["county"]!.acceptedLinkKeys(of: "town1") == [old.publicKey, new.publicKey])
        // Both restart: the link comes up on the new key.
        net.nodes["county"] = nil
        net.nodes["town1"] = nil
        net.conns = [:]
        net.configs["town1"]!.rotatedKeys = [new]
        try net.start("county")
        try net.start("town1")
        net.run(forMs: 60_000)
        #expect(net.nodes["town1"]!.linkKey.publicKey == new.publicKey)
        #expect(net.nodes["town1"]!.isLinkUp("county") && net.nodes["county"]!.isLinkUp("town1"))
    }
}
