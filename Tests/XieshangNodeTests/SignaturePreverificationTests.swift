import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangStore
import XieshangWire

/// Signature verification off the executor: a real county node in this process (real store, real servers) receives
/// Push batches from a township whose sans-I/O core runs in the test (``CountyWithFakeTownship``).
@Suite(.serialized)
struct SignaturePreverificationTests {
    @Test func batchesAreVerifiedOffTheExecutorAndTheCoreTrustsThem() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        await pair.originate(600)
        let held = await pair.countyHolds()
        let townHead = try pair.town.store.reader.highestSeqs()["county1-town1"] ?? 0
        await pair.close()
        #expect(townHead >= 600)
        #expect(held == townHead, "the county holds \(held) of the township's \(townHead) events")
        let counters = pair.county.runtime.signatures.counters
        let threads = pair.county.runtime.verifierThreads.withLock { $0 }
        #expect(counters.preverified > 0, "nothing was pre-verified: \(counters)")
        #expect(counters.failed == 0)
        #expect(counters.hits > 0, "the core never used a pre-verified signature: \(counters)")
        #expect(counters.misses == 0, "the core verified \(counters.misses) signatures inline on the executor")
        #expect(threads.offExecutor > 0)
        #expect(threads.onExecutor == 0, "pre-verification ran on the executor \(threads.onExecutor) times")
        #expect(pair.county.runtime.signatures.count == 0, "entries of handled batches were not forgotten")
    }

    @Test func aForgedSignatureIsStillRefused() async throws {
        let pair = try await CountyWithFakeTownship.make()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        let before = await pair.countyHolds()
        var forged: UInt64 = 0
        pair.tamper = { batch in
            guard forged == 0, let last = batch.events.indices.last,
                  let body = try? batch.events[last].decodedBody(), body.kind == .testNote else { return }
            batch.events[last].signature[5] ^= 0x40
            forged = body.seq
        }
        await pair.originate(20)
        let held = await pair.countyHolds()
        await pair.close()
        #expect(forged > before)
        #expect(held < forged, "the county stored the event with the forged signature (holds up to \(held), forged \(forged))")
        let refusals = pair.acks.flatMap(\.refused)
        #expect(refusals.contains { $0.code == "bad_signature" && $0.seq == forged }, "refusals: \(refusals)")
        let counters = pair.county.runtime.signatures.counters
        #expect(counters.failed >= 1, "the pre-verifier did not see the forged signature fail: \(counters)")
        #expect(counters.misses >= 1, "the core did not verify the forged signature inline: \(counters)")
    }
}
