import Foundation
import Testing
import XieshangStore
import XieshangStoreTesting

/// Group commit: many callers, one transaction; each caller resumed after the commit; batches isolated.
struct GroupCommitterTests {
    @Test func concurrentCallersShareOneTransaction() async throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        var options = GroupCommitter.Options()
        options.maxEvents = 20
        options.settle = .seconds(30)  // the group closes when 20 events are queued, not by time
        options.maxDelay = .seconds(30)
        let committer = try GroupCommitter(path: dir.file("node.db"), options: options)
        let results = try await withThrowingTaskGroup(of: AppendResult.self) { group in
            for i in 0..<20 {
                group.addTask {
                    var chain = EventChainBuilder(origin: "writer-\(i)", key: testKey("w"))
                    return try await committer.append(makeEvents(&chain, 1))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 20 && results.allSatisfy { $0.stored.count == 1 })
        #expect(committer.commitCount == 1)
        // Resumed only after COMMIT: a new connection already sees every event.
        #expect(try EventReader(path: dir.file("node.db")).count() == 20)
        committer.close()
    }

    @Test func aRejectedBatchDoesNotSpoilTheOthersInItsGroup() async throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        var options = GroupCommitter.Options()
        options.maxEvents = 5
        options.settle = .seconds(30)
        options.maxDelay = .seconds(30)
        let committer = try GroupCommitter(path: dir.file("node.db"), options: options)
        var good1 = EventChainBuilder(origin: "g1", key: testKey("g"))
        var good2 = EventChainBuilder(origin: "g2", key: testKey("g"))
        var gappy = EventChainBuilder(origin: "bad", key: testKey("g"))
        let g1 = makeEvents(&good1, 2), g2 = makeEvents(&good2, 2), bad = makeEvents(&gappy, 2)
        async let r1 = committer.append(g1, cursors: [PeerCursor(peer: "p1", direction: .outbound, position: 2)])
        async let r2 = committer.append(g2)
        async let r3: AppendResult = committer.append([bad[1]], cursors: [PeerCursor(peer: "p3", direction: .outbound, position: 9)])
        #expect(try await r1.stored == g1.map(\.ref))
        #expect(try await r2.stored == g2.map(\.ref))
        let rejected: Result<AppendResult, StoreError>
        do { rejected = .success(try await r3) } catch { rejected = .failure(error as! StoreError) }
        #expect(throws: StoreError.self) { try rejected.get() }
        if case .failure(let e) = rejected { #expect(e.missing == 1...1) }
        #expect(committer.commitCount == 1)
        let reader = try EventReader(path: dir.file("node.db"))
        #expect(try reader.highestSeqs() == ["g1": 2, "g2": 2])
        #expect(try reader.cursor(peer: "p1", direction: .outbound)?.position == 2)
        #expect(try reader.cursor(peer: "p3", direction: .outbound) == nil)
        committer.close()
    }

    @Test func aProjectorFailureInOneBatchLeavesTheGroupsOtherBatches() async throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        var options = GroupCommitter.Options()
        options.maxEvents = 4
        options.settle = .seconds(30)
        options.maxDelay = .seconds(30)
        let committer = try GroupCommitter(path: dir.file("node.db"), projectors: [OriginProjector()], options: options)
        var good = EventChainBuilder(origin: "good", key: testKey("g"))
        var bad = EventChainBuilder(origin: "bad", key: testKey("g"))
        let goodEvents = makeEvents(&good, 3, kind: 7)
        let poisoned = try bad.next(payload: Array("poison".utf8), kind: 8)
        async let ok = committer.append(goodEvents)
        async let failed: AppendResult = committer.append([poisoned])
        #expect(try await ok.stored.count == 3)
        var code: StoreError.Code?
        do { _ = try await failed } catch { code = (error as? StoreError)?.code }
        #expect(code == .projector)
        let reader = try EventReader(path: dir.file("node.db"))
        #expect(try reader.highestSeqs() == ["good": 3])
        #expect(try reader.rows("SELECT origin, seq FROM origin_latest") == [["good", 3]])
        committer.close()
    }

    @Test func blockingCallersFromThreads() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let committer = try GroupCommitter(path: dir.file("node.db"))
        let threads = 8, batches = 10
        let done = DispatchGroup()
        let failures = Failures()
        for t in 0..<threads {
            done.enter()
            Thread.detachNewThread {
                var chain = EventChainBuilder(origin: "t\(t)", key: testKey("t"))
                for _ in 0..<batches {
                    do { try committer.appendAndWait(makeEvents(&chain, 3)) } catch { failures.add("\(error)") }
                }
                done.leave()
            }
        }
        done.wait()
        #expect(failures.all.isEmpty)
        let reader = try EventReader(path: dir.file("node.db"))
        #expect(try reader.count() == threads * batches * 3)
        #expect(committer.commitCount <= threads * batches)
        committer.close()
        #expect { try committer.appendAndWait([]) } throws: { ($0 as? StoreError)?.code == .closed }
    }

    @Test func performRunsOnTheWriterBetweenCommits() async throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let committer = try GroupCommitter(path: dir.file("node.db"), projectors: [KindCountProjector()])
        var chain = EventChainBuilder(origin: "a", key: testKey("a"))
        try await committer.append(makeEvents(&chain, 4, kind: 3))
        let counted = try await committer.perform { (store) throws(StoreError) -> [[DatabaseValue]] in
            try store.rebuildProjection(named: "kind_counts")
            return try store.reader.rows("SELECT kind, n FROM kind_counts")
        }
        #expect(counted == [[3, 4]])
        committer.close()
    }

    @Test func droppingTheLastReferenceClosesTheStore() async throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        do {
            let committer = try GroupCommitter(path: path)
            var chain = EventChainBuilder(origin: "a", key: testKey("a"))
            try await committer.append(makeEvents(&chain, 2))
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        }
        // The writer thread closed its connection (SQLite checkpoints and removes the WAL when the last one closes).
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(try EventReader(path: path).count() == 2)
    }

    @Test func openErrorsSurfaceFromTheWriterThread() throws {
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("junk.db")
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x42, count: 4096))
        #expect { try GroupCommitter(path: path) } throws: { ($0 as? StoreError)?.code == .notADatabase }
    }
}

/// Error texts collected from several threads.
final class Failures: @unchecked Sendable {
    // Invariant: `list` is guarded by `lock`.
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var all: [String] { lock.withLock { list } }
}
