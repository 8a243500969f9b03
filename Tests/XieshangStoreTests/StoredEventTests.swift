import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// The store's event value and the wire envelope.
struct StoredEventTests {
    @Test func aSignedEventBecomesTheSameStoredEventAndBack() throws {
        var chain = EventChainBuilder(origin: "cn.gz.tongren", key: testKey("t"))
        for scope in ["up", "down", "alliance:wuling", "direct:cn.cq.youyang", "local"] {
            let event = try chain.next(payload: Array("活动".utf8), scope: scope, kind: 120, timeMs: 1_700_000_000_123)
            let back = try StoredEvent(event.signedEvent)
            #expect(back == event)
            #expect(back.scope == scope)
            #expect(StoredEvent.scopeName(StoredEvent.scope(named: scope)) == scope)
            #expect(EventChainBuilder.verify(back, publicKey: testKey("t").publicKey))
        }
        // The store keeps exactly the received bytes.
        let event = try chain.next(payload: [1, 2, 3])
        #expect(try StoredEvent(event.signedEvent).signedEvent.serializedBytes() == event.signedEvent.serializedBytes())
    }

    @Test func aMalformedEnvelopeIsAnInvalidEventWithTheWireCause() {
        let broken = SignedEvent(body: [0x0a, 0x05, 0x61], signature: Array(repeating: 0, count: 64))
        #expect {
            try StoredEvent(broken)
        } throws: { error in
            let e = error as? StoreError
            return e?.code == .invalidEvent && e?.underlying is WireError
        }
        var noKind = EventBody(origin: "a", seq: 1, scope: Scope(target: .up(true)))
        noKind.kind = .unspecified
        let signed = try! SignedEvent.signing(noKind, with: testKey("a"))
        #expect { try StoredEvent(signed) } throws: { ($0 as? StoreError)?.message.contains("no kind") == true }
    }
}
