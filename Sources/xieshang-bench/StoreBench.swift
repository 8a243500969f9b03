// xieshang-bench store: durable appends/s of the event log against the sqlite3 shell on the same disk.
import Foundation
import XieshangStore
import XieshangStoreTesting
import XieshangWire

/// `xieshang-bench store [--quick] [--group-only] [--settle-us N]`: batches of 1, 100 and 1,000 through ``Store/append(_:cursors:)`` and through
/// `sqlite3 file < script` with the same schema, pragmas, rows and transactions; then 100 concurrent single-event
/// writers through ``GroupCommitter`` against one transaction per event. Ends with `ratio batch=<N> <ours/raw>`.
func runStoreBench(_ args: [String]) -> Int32 {
    let quick = args.contains("--quick")
    let groupOnly = args.contains("--group-only")
    var groupOptions = GroupCommitter.Options()
    if let i = args.firstIndex(of: "--settle-us"), i + 1 < args.count, let us = Int(args[i + 1]) {
        groupOptions.settle = .microseconds(us)
    }
    let dir = NSTemporaryDirectory() + "xs-store-bench-\(getpid())"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    do {
        return try storeBench(dir: dir, quick: quick, groupOnly: groupOnly, groupOptions: groupOptions)
    } catch {
        print("store bench failed: \(error)")
        return 1
    }
}

private func storeBench(dir: String, quick: Bool, groupOnly: Bool, groupOptions: GroupCommitter.Options) throws -> Int32 {
    let runs: [(batch: Int, events: Int)] = groupOnly ? [] : quick
        ? [(1, 200), (100, 3_000), (1_000, 10_000)]
        : [(1, 600), (100, 10_000), (1_000, 30_000)]
    let rounds = 3
    let maxEvents = max(1, runs.map(\.events).max() ?? 1)
    let key = try Ed25519.PrivateKey(seed: SHA256.hash(Array("bench".utf8)))
    var chain = EventChainBuilder(origin: "bench-origin", key: key)
    let payload = [UInt8](repeating: UInt8(ascii: "p"), count: 200)
    let events = try (0..<maxEvents).map { i in try chain.next(payload: payload, scope: "up", kind: Int32(i % 5), timeMs: 1_700_000_000_000 + Int64(i)) }
    let envelopeSize = events[0].signedEvent.serializedBytes().count
    print("store: SignedEvent of \(envelopeSize) bytes (body \(events[0].body.count) + signature 64), row with both hashes ≈ \(envelopeSize + 64 + 40) bytes")
    print("       WAL, synchronous=FULL, foreign_keys=ON; fresh database per run; \(ProcessInfo.processInfo.activeProcessorCount) cores")
    if !runs.isEmpty {
        print("       \(rounds) rounds per batch size, ours and sqlite3 alternating (fsync time drifts on a shared disk); the ratio is the median")
        print("")
        print("batch   round  events   ours ev/s    sqlite3 ev/s   ours/raw")
    }
    var ratios: [(Int, Double)] = []
    for run in runs {
        let slice = Array(events.prefix(run.events))
        var roundRatios: [Double] = []
        for round in 0..<rounds {
            // Ours: Store.append, one durable transaction per batch with the chain checks.
            func ours() throws -> (Double, [String]) {
                let store = try Store(path: dir + "/ours-\(run.batch)-\(round).db")
                let start = DispatchTime.now()
                var i = 0
                while i < slice.count {
                    try store.append(Array(slice[i..<min(i + run.batch, slice.count)]))
                    i += run.batch
                }
                let rate = Double(slice.count) / seconds(since: start)
                let schema = try store.reader.rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").compactMap { row -> String? in
                    if case .text(let s) = row[0] { return s + ";" } else { return nil }
                }
                return (rate, schema)
            }
            // Raw: the same schema, pragmas, rows and transactions through the sqlite3 shell.
            var oursRate = 0.0, rawRate = 0.0
            if round % 2 == 0 {
                let (rate, schema) = try ours()
                oursRate = rate
                rawRate = try rawSQLiteRate(dir: dir, tag: "\(run.batch)-\(round)", batch: run.batch, events: slice, schema: schema)
            } else {
                let schema = try Store(path: dir + "/schema-\(run.batch)-\(round).db").reader
                    .rows("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").compactMap { row -> String? in
                        if case .text(let s) = row[0] { return s + ";" } else { return nil }
                    }
                rawRate = try rawSQLiteRate(dir: dir, tag: "\(run.batch)-\(round)", batch: run.batch, events: slice, schema: schema)
                oursRate = try ours().0
            }
            roundRatios.append(oursRate / rawRate)
            print(String(format: "%-7d %-6d %-8d %-12.0f %-14.0f %.2f", run.batch, round + 1, run.events, oursRate, rawRate, oursRate / rawRate))
        }
        ratios.append((run.batch, roundRatios.sorted()[rounds / 2]))
    }

    // Group commit: 100 writers each appending single events of their own origin, all at once, against one
    // transaction per event on the same disk. The disk's fsync time drifts (shared machine), so the two are
    // measured in alternating rounds and each round's ratio is reported; the median is the figure.
    let writers = 100, perWriter = groupOnly ? 100 : quick ? 20 : 40
    var groupRatios: [Double] = []
    for round in 0..<rounds {
        let single = try Store(path: dir + "/single-\(round).db")
        var singleChain = EventChainBuilder(origin: "single", key: key)
        let singles = try (0..<(quick ? 200 : 400)).map { _ in try singleChain.next(payload: payload) }
        var start = DispatchTime.now()
        for e in singles { try single.append([e]) }
        let singleRate = Double(singles.count) / seconds(since: start)

        var chains = (0..<writers).map { EventChainBuilder(origin: "writer-\($0)", key: key) }
        let work: [[StoredEvent]] = try chains.indices.map { w in
            try (0..<perWriter).map { _ in try chains[w].next(payload: payload) }
        }
        let committer = try GroupCommitter(path: dir + "/group-\(round).db", options: groupOptions)
        let failures = BenchFailures()
        let done = DispatchSemaphore(value: 0)
        let cpuBefore = cpuSeconds()
        start = DispatchTime.now()
        Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for w in 0..<writers {
                    group.addTask {
                        for e in work[w] {
                            do { try await committer.append([e]) } catch { failures.add("\(error)") }
                        }
                    }
                }
            }
            done.signal()
        }
        done.wait()
        let elapsed = seconds(since: start)
        let cpu = cpuSeconds() - cpuBefore
        let total = writers * perWriter
        let groupRate = Double(total) / elapsed
        let commits = committer.commitCount
        committer.close()
        if let f = failures.first { print("group commit failed: \(f)"); return 1 }
        groupRatios.append(groupRate / singleRate)
        if round == 0 { print("") }
        print(String(format: "round %d: one transaction per event %.0f ev/s; group commit, %d writers × %d single-event appends: %.0f ev/s in %d commits (%.1f events/commit, %.1f µs CPU/event) → %.1f×",
                     round + 1, singleRate, writers, perWriter, groupRate, commits, Double(total) / Double(commits),
                     cpu / Double(total) * 1e6, groupRate / singleRate))
    }
    let median = groupRatios.sorted()[groupRatios.count / 2]
    print(String(format: "ratio group-commit %.1f", median))
    for (batch, r) in ratios { print(String(format: "ratio batch=%d %.2f", batch, r)) }
    return 0
}

/// User + system CPU time of this process so far.
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

private func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Writes the SQL script and times `sqlite3 <file> < script`.
private func rawSQLiteRate(dir: String, tag: String, batch: Int, events: [StoredEvent], schema: [String]) throws -> Double {
    let dbPath = dir + "/raw-\(tag).db", scriptPath = dir + "/raw-\(tag).sql"
    var script = "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\nPRAGMA foreign_keys = ON;\nPRAGMA busy_timeout = 5000;\n"
    script += schema.joined(separator: "\n") + "\n"
    script.reserveCapacity(events.count * 800)
    let received = Int64(Date().timeIntervalSince1970 * 1000)
    var i = 0
    while i < events.count {
        script += "BEGIN IMMEDIATE;\n"
        for e in events[i..<min(i + batch, events.count)] {
            script += "INSERT INTO events (origin, seq, prev_hash, hash, time_ms, scope, kind, body, signature, received_at) VALUES ('\(e.origin)', \(e.seq), X'\(hexString(e.prevHash))', X'\(hexString(e.hash))', \(e.timeMs), '\(e.scope)', \(e.kind), X'\(hexString(e.body))', X'\(hexString(e.signature))', \(received));\n"
        }
        script += "COMMIT;\n"
        i += batch
    }
    try script.write(toFile: scriptPath, atomically: false, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [dbPath]
    process.standardInput = FileHandle(forReadingAtPath: scriptPath)
    process.standardOutput = FileHandle.nullDevice
    let start = DispatchTime.now()
    try process.run()
    process.waitUntilExit()
    let elapsed = seconds(since: start)
    try? FileManager.default.removeItem(atPath: scriptPath)
    guard process.terminationStatus == 0 else {
        throw StoreError(.sqlite, "sqlite3 \(dbPath) < \(scriptPath) exited with \(process.terminationStatus)")
    }
    return Double(events.count) / elapsed
}

/// Errors from the group-commit writers.
private final class BenchFailures: @unchecked Sendable {
    // Invariant: `list` is guarded by `lock`.
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.withLock { list.append(s) } }
    var first: String? { lock.withLock { list.first } }
}
