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
                        // Acknowledged = recorded, or queued durably by a township that restarted and has not
                        // reached its county yet (issue 20): either way it must reach the city exactly once.
                        let id = "K-" + UUID().uuidString
                        if (try? await fed.submitActivity(town, activityId: id)) != nil {
                            acked.add(town, id)
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
            try await waitUntil("\(town)'s queue is empty", seconds: 60) { try await fed.status(town).queued == 0 }
            let heldInOrder = try fed.activityIdsInChainOrder("city", origin: town)
            let held = Set(heldInOrder)
            #expect(held.count == heldInOrder.count, "the city holds an activity of \(town) twice")
            let ackedHere: Set<String> = ackedNow[town] ?? []
            let missing = ackedHere.subtracting(held)
            #expect(missing.isEmpty, "acknowledged records of \(town) missing at the city: \(missing.sorted().prefix(10))")
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

/// Activity ids the Admin service acknowledged (recorded or queued), per township (shared by the recording tasks).
final class AckLog: Sendable {
    private let state = Mutex<[String: Set<String>]>([:])
    func add(_ town: String, _ activityId: String) { state.withLock { _ = $0[town, default: []].insert(activityId) } }
    var all: [String: Set<String>] { state.withLock { $0 } }
}
