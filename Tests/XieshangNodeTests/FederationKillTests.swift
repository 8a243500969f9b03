import Foundation
import Synchronization
import Testing
import XieshangNode
import XieshangWire

/// The kill -9 acceptance test of issue 6, in its own suite so it runs beside the other process tests (it takes
/// 60 s by its definition).
@Suite("node processes under kill -9")
struct FederationKillTests {
    @Test("kill -9 a random node every second for 60 s while townships record; then every acknowledged event is everywhere exactly once")
    func killNinetyTimes() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 2)
        defer { fed.stopAll() }
        try await fed.startAll()
        let acked = AckLog()
        // Sixty rounds of one second, one kill each: counted in rounds, not by the clock, so a loaded machine (a round
        // taking longer than its second) still sees sixty kills.
        let recording = Flag()
        var kills = 0
        try await withThrowingTaskGroup(of: Void.self) { g in
            for town in fed.townships {
                g.addTask {
                    while recording.isSet {
                        if let seq = try? await fed.submit(town, amount: 1) {
                            acked.add(town, seq)
                        } else {
                            try await Task.sleep(nanoseconds: 50_000_000)
                        }
                    }
                }
            }
            for _ in 0..<60 {
                try await Task.sleep(nanoseconds: 1_000_000_000)
                guard let victim = fed.topology.members.filter({ fed.isRunning($0.id) }).randomElement()?.id else { continue }
                fed.kill9(victim)
                kills += 1
                // Restarted concurrently, so the killing keeps its one-second pace; it may be killed again while starting.
                g.addTask {
                    try await Task.sleep(nanoseconds: 300_000_000)
                    try? await fed.start(victim)
                }
            }
            recording.clear()
            try await g.waitForAll()
        }
        for m in fed.topology.members where !fed.isRunning(m.id) { try await fed.start(m.id) }
        try await waitUntil("the city's totals equal the townships' notes", seconds: 120) { try await fed.cityMatchesTownships() }
        try await fed.expectChainsReplicated()
        let ackedNow = acked.all
        for town in fed.townships {
            let held = Set(try await fed.recordSeqs("city", origin: town).keys)
            let ackedHere: Set<UInt64> = ackedNow[town] ?? []
            let missing = ackedHere.subtracting(held)
            #expect(missing.isEmpty, "acknowledged events of \(town) missing at the city: \(missing.sorted().prefix(10))")
            #expect(!ackedHere.isEmpty, "\(town) recorded nothing during the kills")
        }
        #expect(kills == 60, "every round found a running node to kill")
    }
}

/// A flag the recording tasks read and the kill loop clears.
final class Flag: Sendable {
    private let value = Mutex(true)
    var isSet: Bool { value.withLock { $0 } }
    func clear() { value.withLock { $0 = false } }
}

/// Seqs the Admin service acknowledged, per township (shared by the recording tasks).
final class AckLog: Sendable {
    private let state = Mutex<[String: Set<UInt64>]>([:])
    func add(_ town: String, _ seq: UInt64) { state.withLock { _ = $0[town, default: []].insert(seq) } }
    var all: [String: Set<UInt64>] { state.withLock { $0 } }
}
