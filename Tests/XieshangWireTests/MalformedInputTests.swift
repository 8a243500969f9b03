import Testing
import XieshangTestKinds
@testable import XieshangWire

/// One malformed input per error kind: each gives that specific typed error, with its offset.
struct MalformedInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let code: WireError.Code
        let offset: Int?
        var limits = DecodeLimits.default
        var testDescription: String { name }
    }

    static func nested(_ depth: Int) -> [UInt8] {
        // ConformanceTree.children is field 13, length-delimited: tag 0x6a.
        var inner: [UInt8] = []
        for _ in 0..<depth {
            var length: [UInt8] = []
            var n = UInt64(inner.count)
            while n >= 0x80 { length.append(UInt8(n & 0x7f) | 0x80); n >>= 7 }
            length.append(UInt8(n))
            inner = [0x6a] + length + inner
        }
        return inner
    }

    static let cases: [Case] = [
        Case(name: "truncated: tag with no value", bytes: [0x10], code: .truncated, offset: 1),
        Case(name: "truncated: varint cut short", bytes: [0x10, 0x80, 0x80], code: .truncated, offset: 1),
        Case(name: "truncated: fixed64 cut short", bytes: [0x09, 1, 2, 3], code: .truncated, offset: 1),
        Case(name: "varint over 10 bytes", bytes: [0x10] + Array(repeating: 0xff, count: 11) + [0x01], code: .varintTooLong, offset: 1),
        Case(name: "wire type 3 (start group)", bytes: [0x0b], code: .invalidWireType, offset: 0),
        Case(name: "wire type 7", bytes: [0x0a, 0x00, 0x0f], code: .invalidWireType, offset: 2),
        Case(name: "length past the end", bytes: [0x0a, 0x05, 0x61], code: .lengthPastEnd, offset: 1),
        Case(name: "length over the limit", bytes: [0x0a, 0x80, 0x80, 0x80, 0x80, 0x01], code: .lengthOverLimit, offset: 1),
        Case(name: "invalid UTF-8 in a string", bytes: [0x0a, 0x02, 0xc3, 0x28], code: .invalidUTF8, offset: 1),
        Case(name: "field number 0", bytes: [0x00, 0x01], code: .fieldNumberZero, offset: 0),
        Case(name: "message over the configured limit", bytes: [0x0a, 0x04, 0x61, 0x62, 0x63, 0x64], code: .lengthOverLimit,
             offset: 0, limits: DecodeLimits(maxMessageBytes: 5)),
    ]

    @Test(arguments: cases)
    func malformedEventBody(_ c: Case) {
        let error = #expect(throws: WireError.self) { try EventBody(serializedBytes: c.bytes, limits: c.limits) }
        #expect(error?.code == c.code, "got \(String(describing: error))")
        #expect(error?.offset == c.offset, "got \(String(describing: error))")
    }

    @Test func nestingDeeperThanTheLimit() throws {
        // 64 levels decode; 65 do not.
        #expect(throws: Never.self) { try ConformanceTree(serializedBytes: Self.nested(64)) }
        let error = #expect(throws: WireError.self) { try ConformanceTree(serializedBytes: Self.nested(65)) }
        #expect(error?.code == .nestingTooDeep)
        let shallow = #expect(throws: WireError.self) {
            try ConformanceTree(serializedBytes: Self.nested(5), limits: DecodeLimits(maxDepth: 4))
        }
        #expect(shallow?.code == .nestingTooDeep)
    }

    @Test func aHugeRepeatedCountDoesNotAllocateBeyondTheInput() throws {
        // A packed run claiming 4 GiB in a 10-byte input is refused before anything is allocated.
        let bytes: [UInt8] = [0xba, 0x01, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x02, 0x03]
        let error = #expect(throws: WireError.self) { try ConformanceScalars(serializedBytes: bytes) }
        #expect(error?.code == .lengthOverLimit)
    }

    @Test func missingEnvelopeFieldsAreNamed() throws {
        let key = try Ed25519.PrivateKey()
        func sealed(_ body: EventBody) throws -> SignedEvent { try SignedEvent.signing(body, with: key) }
        let good = EventBody(origin: "cn.gz.tongren", seq: 1, scope: Scope(target: .up(true)), kind: .testNote)
        #expect(throws: Never.self) { try sealed(good).verifiedBody(originKey: key.publicKey) }

        var noOrigin = good; noOrigin.origin = ""
        var seqZero = good; seqZero.seq = 0
        var noScope = good; noScope.scope = nil
        var noKind = good; noKind.kind = .unspecified
        var shortPrev = good; shortPrev.seq = 2; shortPrev.prevHash = [1, 2, 3]
        for (body, field) in [(noOrigin, 1), (seqZero, 2), (shortPrev, 3), (noScope, 5), (noKind, 6)] {
            let error = #expect(throws: WireError.self) { try sealed(body).verifiedBody(originKey: key.publicKey) }
            #expect(error?.code == .missingField)
            #expect(error?.fieldNumber == field)
        }
        var noSignature = try sealed(good)
        noSignature.signature = []
        let error = #expect(throws: WireError.self) { try noSignature.verifiedBody(originKey: key.publicKey) }
        #expect(error?.code == .missingField)
    }

    @Test func malformedJSONNamesThePath() throws {
        let e1 = #expect(throws: WireError.self) { try EventBody(jsonString: #"{"seq": "twelve"}"#) }
        #expect(e1?.code == .invalidJSON)
        #expect(e1?.message.contains("$.seq") == true)
        let e2 = #expect(throws: WireError.self) { try EventBody(jsonString: #"{"kind": "EVENT_KIND_NOPE"}"#) }
        #expect(e2?.code == .invalidEnumValue)
        let e3 = #expect(throws: WireError.self) { try EventBody(jsonString: #"{"nosuch": 1}"#) }
        #expect(e3?.message.contains("nosuch") == true)
        let e4 = #expect(throws: WireError.self) { try EventBody(jsonString: #"{"origin": "a""#) }
        #expect(e4?.code == .invalidJSON)
        let e5 = #expect(throws: WireError.self) { try ConformanceScalars(jsonString: #"{"fInt32": 3000000000}"#) }
        #expect(e5?.code == .invalidJSON)
    }
}

/// Signing, verifying and chaining envelopes.
struct EnvelopeTests {
    func chain(_ count: Int, key: Ed25519.PrivateKey, origin: String = "cn.gz.tongren.wanshan") throws -> [SignedEvent] {
        var events: [SignedEvent] = []
        var prev: [UInt8] = []
        for seq in 1...count {
            let body = EventBody(origin: origin, seq: UInt64(seq), prevHash: prev, timeMs: 1_700_000_000_000,
                                 scope: Scope(target: .up(true)), kind: .testNote,
                                 payload: Note(text: "第\(seq)条", amount: Int64(seq)).serializedBytes())
            let event = try SignedEvent.signing(body, with: key)
            prev = event.hash
            events.append(event)
        }
        return events
    }

    @Test func aFlippedBitInBodyOrSignatureOrTheWrongKeyFails() throws {
        let key = try Ed25519.PrivateKey()
        let event = try chain(1, key: key)[0]
        #expect(throws: Never.self) { try event.verifiedBody(originKey: key.publicKey) }
        var flippedBody = event
        flippedBody.body[flippedBody.body.count - 1] ^= 0x01
        #expect(throws: WireError.self) { try flippedBody.verifiedBody(originKey: key.publicKey) }
        var flippedSignature = event
        flippedSignature.signature[10] ^= 0x80
        let e = #expect(throws: WireError.self) { try flippedSignature.verifiedBody(originKey: key.publicKey) }
        #expect(e?.code == .badSignature)
        let other = try Ed25519.PrivateKey()
        #expect(throws: WireError.self) { try event.verifiedBody(originKey: other.publicKey) }
    }

    @Test func chainChecksEachWayItCanFail() throws {
        let key = try Ed25519.PrivateKey()
        let events = try chain(4, key: key)
        let bodies = try events.map { try $0.decodedBody() }
        let link2 = EventChain.Link(seq: 2, hash: events[1].hash)
        #expect(throws: Never.self) { try EventChain.check(bodies[2], follows: link2, origin: bodies[2].origin) }
        #expect(throws: Never.self) { try EventChain.check(bodies[0], follows: nil, origin: bodies[0].origin) }

        let gap = #expect(throws: WireError.self) { try EventChain.check(bodies[3], follows: link2, origin: bodies[3].origin) }
        #expect(gap?.code == .chainSeqGap)
        let wrongHash = EventChain.Link(seq: 2, hash: events[0].hash)
        let prev = #expect(throws: WireError.self) { try EventChain.check(bodies[2], follows: wrongHash, origin: bodies[2].origin) }
        #expect(prev?.code == .chainPrevHash)
        let origin = #expect(throws: WireError.self) { try EventChain.check(bodies[2], follows: link2, origin: "cn.other") }
        #expect(origin?.code == .chainOrigin)
    }

    @Test func aRunIsAuthenticatedByItsLinksAndLastSignature() throws {
        let key = try Ed25519.PrivateKey()
        let events = try chain(50, key: key)
        let bodies = try EventChain.authenticateRun(events, follows: nil, origin: "cn.gz.tongren.wanshan", originKey: key.publicKey)
        #expect(bodies.map(\.seq) == Array(1...50))

        // Tampering with any event breaks a hash link or the last signature.
        for index in [0, 25, 49] {
            var tampered = events
            tampered[index].body[tampered[index].body.count - 1] ^= 0x01
            #expect(throws: WireError.self) {
                try EventChain.authenticateRun(tampered, follows: nil, origin: "cn.gz.tongren.wanshan", originKey: key.publicKey)
            }
        }
        // A run signed by another key fails on its last signature.
        let forged = try chain(3, key: try Ed25519.PrivateKey())
        let e = #expect(throws: WireError.self) {
            try EventChain.authenticateRun(forged, follows: nil, origin: "cn.gz.tongren.wanshan", originKey: key.publicKey)
        }
        #expect(e?.code == .badSignature)
    }

    @Test func forwardersKeepTheExactBodyBytes() throws {
        let key = try Ed25519.PrivateKey()
        let event = try chain(1, key: key)[0]
        let escalation = Escalation(original: event.serializedBytes(), note: "县政协录用后报送")
        let carried = try Escalation(serializedBytes: escalation.serializedBytes())
        let original = try SignedEvent(serializedBytes: carried.original)
        #expect(original.body == event.body)
        #expect(throws: Never.self) { try original.verifiedBody(originKey: key.publicKey) }
    }
}

struct JSONStrictnessTests {
    @Test func duplicateMemberNamesAreRefused() {
        let error = #expect(throws: WireError.self) { try EventBody(jsonString: #"{"origin":"a","origin":"b"}"#) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.message.contains("twice") == true)
    }
}
