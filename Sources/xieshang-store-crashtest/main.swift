// xieshang-store-crashtest: the child process of the store's crash-safety test (Tests/XieshangStoreTests).
//
//   xieshang-store-crashtest append <db> <writers> [max-batches]
//       Opens the store with group commit and runs <writers> threads, each appending batches of 1–8 signed events
//       of its own origin with a cursor advance in the same transaction, and printing `ack <origin> <seq>` after
//       each commit returned. Runs until killed (or max-batches per writer).
//   xieshang-store-crashtest open <db> [--as-nobody]
//       Opens the store and prints `ok`, or `error <code>: <description>` and exits 1. With --as-nobody a root
//       process first drops to uid/gid 65534, so permission checks apply (the read-only directory test).
// `make test` builds it: `swift build --build-tests` builds every target of the package.
import Foundation
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// Counts events per origin, in the append's transaction; the test checks it against the log after each crash.
struct CrashCountProjector: Projector {
    let name = "crash_counts", version = 1, tables = ["crash_counts"]
    let schema = "CREATE TABLE crash_counts (origin TEXT PRIMARY KEY, n INTEGER NOT NULL)"
    let kinds: Set<Int32>? = nil
    func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
        try db.execute("INSERT INTO crash_counts VALUES (?, 1) ON CONFLICT (origin) DO UPDATE SET n = n + 1", [.text(event.origin)])
    }
}

/// Serializes output lines from the writer threads; each ack is flushed before the next append starts.
final class Output: @unchecked Sendable {
    // Invariant: stdout is written only while `lock` is held.
    private let lock = NSLock()
    func line(_ s: String) {
        lock.withLock {
            FileHandle.standardOutput.write(Data((s + "\n").utf8))
        }
    }
}

func key(for origin: String) -> Ed25519.PrivateKey {
    // The same derivation as the test's `testKey`, so the test can verify the signatures.
    try! Ed25519.PrivateKey(seed: SHA256.hash(Array("xieshang-store-test-key:\(origin)".utf8)))
}

func runAppend(_ path: String, writers: Int, maxBatches: Int) -> Int32 {
    let committer: GroupCommitter
    do { committer = try GroupCommitter(path: path, projectors: [CrashCountProjector()]) } catch {
        print("error \(error.code): \(error)")
        return 1
    }
    let out = Output()
    let done = DispatchSemaphore(value: 0)
    for w in 0..<writers {
        let origin = "origin-\(w)"
        Thread.detachNewThread {
            do {
                let reader = try EventReader(path: path)
                let head = try reader.highestSeq(origin: origin)
                let last = head == 0 ? [] : try reader.events(origin: origin, seqs: head...head)[0].hash
                var chain = EventChainBuilder(origin: origin, key: key(for: origin), after: head, lastHash: last)
                var rng = SystemRandomNumberGenerator()
                for _ in 0..<maxBatches {
                    let size = Int.random(in: 1...8, using: &rng)
                    let batchID = String(UInt64.random(in: 0...UInt64.max, using: &rng), radix: 16)
                    var events: [StoredEvent] = []
                    for i in 0..<size {
                        var payload = Array("batch=\(batchID);n=\(size);i=\(i);".utf8)
                        payload += Array(repeating: UInt8(ascii: "x"), count: max(0, 200 - payload.count))
                        events.append(try chain.next(payload: payload, kind: Int32(4 + i % 3)))
                    }
                    try committer.appendAndWait(events, cursors: [PeerCursor(peer: "peer-" + origin, direction: .outbound,
                                                                             position: Int64(chain.seq))])
                    out.line("ack \(origin) \(chain.seq)")
                }
            } catch {
                out.line("error \(error)")
            }
            done.signal()
        }
    }
    for _ in 0..<writers { done.wait() }
    committer.close()
    return 0
}

func runOpen(_ path: String, asNobody: Bool) -> Int32 {
    if asNobody, getuid() == 0 {
        guard setgid(65534) == 0, setuid(65534) == 0 else {
            print("error setup: cannot drop privileges to uid 65534")
            return 2
        }
    }
    do {
        _ = try Store(path: path)
        print("ok")
        return 0
    } catch {
        print("error \(error.code): \(error)")
        return 1
    }
}

let args = Array(CommandLine.arguments.dropFirst())
switch (args.first, args.count) {
case ("append", 3...4):
    exit(runAppend(args[1], writers: Int(args[2]) ?? 1, maxBatches: args.count == 4 ? Int(args[3]) ?? .max : .max))
case ("open", 2...3):
    exit(runOpen(args[1], asNobody: args.count == 3 && args[2] == "--as-nobody"))
default:
    print("usage: xieshang-store-crashtest append <db> <writers> [max-batches] | open <db> [--as-nobody]")
    exit(2)
}
