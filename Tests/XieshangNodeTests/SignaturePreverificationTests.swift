import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangStore
import XieshangWire

/// Signature verification off the executor: a real county node in this process (real store, real servers) receives
/// Push batches from a township whose sans-I/O core runs in the test and is wired to the county's runtime directly.
@Suite(.serialized)
struct SignaturePreverificationTests {
    /// A county node and a township core talking through the county's runtime entry point.
    final class Pair: @unchecked Sendable {
        let directory: String
        let county: Node
        let town: FederationNode
        let townConn = ConnectionID(1)
        var countyConn = ConnectionID(0)
        var acks: [Ack] = []
        /// Applied to every Push batch the township sends (tests forge signatures with it).
        var tamper: ((inout EventBatch) -> Void)?

        init() throws {
            let dir = "/tmp/xsnv-" + String(UUID().uuidString.prefix(8)).lowercased()
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            directory = dir
            let base = try LocalFederation.freePortRange(3)
            let topology = try Topology.generate(counties: 1, townshipsPerCounty: 1, basePort: base, directory: dir)
            let countyMember = topology.members.first { $0.id == "county1" }!
            let townMember = topology.members.first { $0.id == "county1-town1" }!
            var countyConfig = countyMember.config
            countyConfig.logLevel = "warning"
            county = try Node(config: countyConfig)
            let key = try KeyFile.load(from: townMember.config.keyFile)
            let parent = townMember.config.parent!
            let store = try Store(path: townMember.directory + "/fake.db")
            town = try FederationNode(config: FederationConfig(nodeId: townMember.id, privateKey: key,
                                                               parent: .init(id: parent.nodeId, publicKey: parent.publicKey)),
                                      store: store, seed: 7)
        }

        func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

        /// Relays the township's outputs to the county (through `submitVerified`) and the answers back, until quiet.
        func pump(_ initial: [FederationOutput]) async {
            var pending = initial
            while !pending.isEmpty {
                let output = pending.removeFirst()
                switch output {
                case .dial(let peer):
                    countyConn = await county.runtime.acceptedConnection("test-\(UUID().uuidString)")
                    pending += town.handle(.connected(townConn, peer: peer), now: now())
                case .send(_, let message):
                    var message = message
                    if case .push(var batch) = message, let tamper {
                        tamper(&batch)
                        message = .push(batch)
                    }
                    for answer in await county.runtime.submitVerified(countyConn, message) {
                        guard case .send(let c, let reply) = answer, c == countyConn else { continue }
                        if case .ack(let a) = reply { acks.append(a) }
                        pending += town.handle(.received(townConn, reply), now: now())
                    }
                default:
                    continue
                }
            }
        }

        func originate(_ count: Int) async {
            var outputs: [FederationOutput] = []
            for i in 0..<count {
                let note = Note(text: "n\(i)", amount: 1).serializedBytes()
                outputs += town.handle(.originate(LocalCommand(kind: .note, payload: note, scope: Scope(target: .up(true)))), now: now())
            }
            await pump(outputs)
        }

        /// The highest seq of the township's chain the county holds.
        func countyHolds() async -> UInt64 {
            await county.runtime.read { (try? self.county.runtime.core.store.reader.highestSeqs()["county1-town1"]) ?? 0 }
        }

        func close() async {
            await county.shutdown()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    @Test func batchesAreVerifiedOffTheExecutorAndTheCoreTrustsThem() async throws {
        let pair = try Pair()
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
        let pair = try Pair()
        await pair.pump(pair.town.handle(.start, now: pair.now()))
        let before = await pair.countyHolds()
        var forged: UInt64 = 0
        pair.tamper = { batch in
            guard forged == 0, let last = batch.events.indices.last,
                  let body = try? batch.events[last].decodedBody(), body.kind == .note else { return }
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
