import Foundation
import Testing
import XieshangStore
import XieshangStoreTesting
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// Crash safety with real processes: a child appends through group commit and prints each acknowledged seq; it is
/// killed with SIGKILL at random moments, 50 times, and after every kill the store must hold every acknowledged
/// event, with intact chains, whole batches, cursors and projection rows from the same transactions.
struct CrashSafetyTests {
    static let writers = 3

    @Test func acknowledgedEventsSurviveSIGKILL() throws {
        guard let exe = siblingExecutable("xieshang-store-crashtest") else {
            Issue.record("xieshang-store-crashtest not built; run `swift build --build-tests` (make test does)")
            return
        }
        let dir = TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("node.db")
        var acked: [String: UInt64] = [:]
        var rng = SystemRandomNumberGenerator()
        var killsWithAcks = 0
        for round in 0..<50 {
            let child = try ChildProcess(exe, ["append", path, "\(Self.writers)"])
            // A random moment: right after start (during open or creation), or after some acknowledged commits.
            let wantAcks = round % 10 == 0 ? 0 : Int.random(in: 1...12, using: &rng)
            let reached = child.wait(seconds: 30) { lines in lines.filter { $0.hasPrefix("ack ") }.count >= wantAcks }
            #expect(reached, "round \(round): child printed \(child.lines.suffix(5))")
            usleep(UInt32.random(in: 0...2_000, using: &rng))  // a random point inside the next commits
            kill(child.pid, SIGKILL)
            child.reap()
            child.drain()  // acks printed before the kill are still in the pipe
            for line in child.lines {
                let parts = line.split(separator: " ")
                if parts.count == 3, parts[0] == "ack", let seq = UInt64(parts[2]) {
                    acked[String(parts[1]), default: 0] = max(acked[String(parts[1]), default: 0], seq)
                } else if line.hasPrefix("error") {
                    Issue.record("round \(round): child reported \(line)")
                }
            }
            if !child.lines.isEmpty { killsWithAcks += 1 }
            try verify(path, acked: acked, round: round)
        }
        print("crash test: \(killsWithAcks) kills after acknowledgements, acknowledged heads \(acked)")
        #expect(killsWithAcks >= 40)
        #expect(acked.values.reduce(0, +) > 100)
    }

    func verify(_ path: String, acked: [String: UInt64], round: Int) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            #expect(acked.isEmpty, "round \(round): no database but acks were printed")
            return
        }
        // Reopening runs the integrity check and WAL recovery; it must succeed after any kill.
        let store = try Store(path: path)
        let reader = store.reader
        let heads = try reader.highestSeqs()
        for (origin, seq) in acked {
            #expect((heads[origin] ?? 0) >= seq, "round \(round): \(origin) acknowledged \(seq) but only \(heads[origin] ?? 0) stored")
        }
        let counts = Dictionary(uniqueKeysWithValues: try reader.rows("SELECT origin, n FROM crash_counts").compactMap { row -> (String, UInt64)? in
            guard case .text(let o) = row[0], case .integer(let n) = row[1] else { return nil }
            return (o, UInt64(n))
        })
        for (origin, head) in heads {
            let events = try reader.events(origin: origin, seqs: 1...head)
            #expect(events.count == Int(head), "round \(round): \(origin) has holes")
            let key = testKey(origin).publicKey
            var prev: [UInt8] = []
            var batches: [String: (size: Int, seen: Int)] = [:]
            for (i, e) in events.enumerated() {
                #expect(e.seq == UInt64(i + 1) && e.prevHash == prev, "round \(round): chain of \(origin) broken at \(e.seq)")
                #expect(EventChainBuilder.verify(e, publicKey: key), "round \(round): \(e.ref) bytes damaged")
                prev = e.hash
                // The payload is "batch=<id>;n=<size>;i=<index>;xxx…".
                let payload = (try? e.signedEvent.decodedBody().payload) ?? []
                let fields = String(decoding: payload, as: UTF8.self).split(separator: ";")
                let id = fields.first { $0.hasPrefix("batch=") }.map { String($0.dropFirst(6)) } ?? "undecodable"
                let size = Int(fields.first { $0.hasPrefix("n=") }?.dropFirst(2) ?? "") ?? -1
                batches[id, default: (size, 0)].seen += 1
            }
            for (id, b) in batches { #expect(b.seen == b.size, "round \(round): \(origin) batch \(id) has \(b.seen) of \(b.size) events") }
            // The cursor and the projection row were written in the same transactions as the events.
            #expect(try reader.cursor(peer: "peer-" + origin, direction: .outbound)?.position == Int64(head), "round \(round)")
            #expect(counts[origin] == head, "round \(round): projection says \(counts[origin] ?? 0) for \(origin), log has \(head)")
        }
    }
}
