import Foundation
import Synchronization
import XieshangTransport
import XieshangDomain
import XieshangWire

/// `xieshang-bench federation --dir DIR --xieshang BIN [--seconds S] [--burst N]`: real node processes (BIN is
/// `xieshang-node`, or `xieshang`, run as `xieshang node`) of a topology
/// written by `xieshang topology` (city, countyK, countyK-townJ): start-up time, RSS idle and under load, p50/p99
/// latency from a township's commit to the city's rollup reflecting it while every township records one event per
/// second, and the catch-up of a county that comes back to a township holding N queued events.
func runFederationBench(_ args: [String]) -> Int32 {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < args.count { options[args[i]] = args[i + 1]; i += 2 }
    guard let dir = options["--dir"], let bin = options["--xieshang"] else {
        say("usage: xieshang-bench federation --dir DIR --xieshang BIN [--seconds 60] [--burst 100000]")
        return 2
    }
    let seconds = Double(options["--seconds"] ?? "60") ?? 60
    let burst = Int(options["--burst"] ?? "100000") ?? 100_000
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Int32>(0)
    Task {
        do {
            try await FederationBench(dir: dir, bin: bin).run(seconds: seconds, burst: burst)
        } catch {
            say("federation bench failed: \(error)")
            result.withLock { $0 = 1 }
        }
        done.signal()
    }
    done.wait()
    return result.withLock { $0 }
}

/// The federation benchmark's state. Invariant: `processes` is only touched under its mutex.
final class FederationBench: Sendable {
    let dir: String
    let bin: String
    let ids: [String]
    let processes = Mutex<[String: Process]>([:])

    struct Failure: Error, CustomStringConvertible { let description: String }

    init(dir: String, bin: String) throws {
        self.dir = dir
        self.bin = bin
        ids = try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { FileManager.default.fileExists(atPath: "\(dir)/\($0)/node.json") }.sorted()
    }

    var townships: [String] { ids.filter { $0.contains("-town") } }
    var counties: [String] { ids.filter { $0.hasPrefix("county") && !$0.contains("-town") } }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    func call(_ id: String, _ path: String, _ request: [UInt8]) async throws -> [UInt8] {
        let client = try Client(target: .unix(path: "\(dir)/\(id)/admin.sock"))
        defer { client.close() }
        return try await client.unary(path, request, options: CallOptions(timeoutSeconds: 30))
    }

    func status(_ id: String) async throws -> StatusResponse {
        try StatusResponse(serializedBytes: try await call(id, AdminService.status.path, StatusRequest().serializedBytes()))
    }

    /// The city's subtree total of research visits (调研) this year: what the load phase's records add up to.
    func cityNotes() async throws -> Int64 {
        let r = try StatsResponse(serializedBytes: try await call("city", AdminService.stats.path, StatsRequest().serializedBytes()))
        return r.bodies.first?.totals["research_visits"] ?? 0
    }

    /// One research visit 调研 numbered `n` at `id` (`series` keeps the phases' ids apart), dated today in Beijing.
    static func researchVisit(_ id: String, _ series: String, _ n: Int) -> [UInt8] {
        ActivityRecorded(activityId: "\(series)-\(id)-\(n)", kind: .research,
                         date: Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000)).description,
                         topic: "调研", participants: 1).serializedBytes()
    }

    /// Records one research visit at `id`: a real domain record, which reaches the city's figures through the rollups
    /// (township → county → city), as the figures people report do.
    func record(_ id: String, _ n: Int64) async throws {
        let request = SubmitRequest(kind: .activity, payload: FederationBench.researchVisit(id, "B", Int(n)), actor: "office")
        _ = try await call(id, AdminService.submit.path, request.serializedBytes())
    }

    /// Records the research visits numbered `numbers` at `id` in one Submit (an import's batch: one transaction), sent up:
    /// the catch-up phase measures replication of queued events. Real records, so the nodes are the binary servers
    /// run (`xieshang-node`, which refuses the test schema's notes).
    func submit(_ id: String, _ numbers: Range<Int>) async throws {
        guard let first = numbers.first else { return }
        var request = SubmitRequest(kind: .activity, payload: FederationBench.researchVisit(id, "C", first), actor: "office")
        request.batch = numbers.dropFirst().map { FederationBench.researchVisit(id, "C", $0) }
        _ = try await call(id, AdminService.submit.path, request.serializedBytes())
    }

    func heldCount(_ id: String, origin: String) async throws -> Int {
        let r = try QueryResponse(serializedBytes: try await call(id, AdminService.query.path, QueryRequest(recordType: "origins").serializedBytes()))
        for row in r.rowsJson {
            let o = try JSONSerialization.jsonObject(with: Data(row.utf8)) as! [String: Any]
            if o["origin"] as? String == origin { return (o["count"] as! NSNumber).intValue }
        }
        return 0
    }

    /// Starts `id` and returns seconds until its admin socket answered.
    func start(_ id: String) async throws -> Double {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        // `xieshang-node --config F` (what servers run) or `xieshang node --config F`.
        let lean = URL(fileURLWithPath: bin).lastPathComponent == "xieshang-node"
        p.arguments = (lean ? [] : ["node"]) + ["--config", "\(dir)/\(id)/node.json"]
        let logPath = "\(dir)/\(id)/node.log"
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        p.standardOutput = log
        p.standardError = log
        let t0 = FederationBench.now()
        try p.run()
        processes.withLock { $0[id] = p }
        while FederationBench.now() - t0 < 60 {
            if (try? await status(id)) != nil { return FederationBench.now() - t0 }
            if !p.isRunning {
                let tail = (try? String(contentsOfFile: logPath, encoding: .utf8))?.split(separator: "\n").suffix(3).joined(separator: " | ") ?? ""
                throw Failure(description: "\(id) exited with \(p.terminationStatus) before answering: \(tail)")
            }
            try await Task.sleep(nanoseconds: 2_000_000)
        }
        throw Failure(description: "\(id) did not answer within 60 s (log: \(logPath))")
    }

    func stop(_ id: String) {
        guard let p = processes.withLock({ $0[id] }) else { return }
        if p.isRunning { kill(p.processIdentifier, SIGTERM) }
        p.waitUntilExit()
    }

    /// SIGTERM to every node at once, then waits for each (each drains its streams for up to its grace period).
    func stopAll() {
        let all = processes.withLock { Array($0.values) }
        for p in all where p.isRunning { kill(p.processIdentifier, SIGTERM) }
        for p in all { p.waitUntilExit() }
    }

    /// Resident memory of node `id` in MB: VmRSS (what `ps` and the target count), or a field of
    /// `/proc/PID/smaps_rollup` (`Pss`: shared pages divided among the processes mapping them; `Private`: pages only
    /// this process maps, clean plus dirty — what one more node costs).
    func rssMB(_ id: String, field: String = "VmRSS") -> Double {
        guard let pid = processes.withLock({ $0[id]?.processIdentifier }) else { return 0 }
        func kB(_ file: String, _ key: String) -> Double? {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/\(file)", encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return nil }
            return Double(line.split(separator: " ").dropFirst().first ?? "")
        }
        switch field {
        case "Private": return ((kB("smaps_rollup", "Private_Clean") ?? 0) + (kB("smaps_rollup", "Private_Dirty") ?? 0)) / 1024
        case "Pss": return (kB("smaps_rollup", "Pss") ?? 0) / 1024
        default: return (kB("status", "VmRSS") ?? 0) / 1024
        }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let s = values.sorted()
        return s[min(s.count - 1, Int(Double(s.count - 1) * p + 0.5))]
    }

    func waitUp(_ id: String) async throws {
        let t0 = FederationBench.now()
        while FederationBench.now() - t0 < 120 {
            if let s = try? await status(id), s.links.contains(where: { $0.role == "parent" && $0.state == "up" }) { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw Failure(description: "\(id) did not reach its parent within 120 s")
    }

    func run(seconds: Double, burst: Int) async throws {
        defer { stopAll() }
        say("topology: \(ids.count) nodes (1 city, \(counties.count) counties, \(townships.count) townships)")
        // Start-up: each node alone (the city first), then the rest eight at a time.
        var startTimes: [Double] = []
        let t0 = FederationBench.now()
        for chunk in stride(from: 0, to: ids.count, by: 8).map({ Array(ids[$0..<min($0 + 8, ids.count)]) }) {
            try await withThrowingTaskGroup(of: Double.self) { g in
                for id in chunk { g.addTask { try await self.start(id) } }
                for try await t in g { startTimes.append(t) }
            }
        }
        for id in ids where id != "city" { try await waitUp(id) }
        say(String(format: "start-up: p50 %.0f ms, max %.0f ms per node (8 starting at once); all %d linked after %.1f s",
                     FederationBench.percentile(startTimes, 0.5) * 1000, (startTimes.max() ?? 0) * 1000, ids.count, FederationBench.now() - t0))
        try await Task.sleep(nanoseconds: 5_000_000_000)
        func rssLine(_ label: String) {
            let towns = townships.map { rssMB($0) }
            say(String(format: "RSS %@: township p50 %.1f MB max %.1f MB; county p50 %.1f MB; city %.1f MB", label,
                         FederationBench.percentile(towns, 0.5), towns.max() ?? 0,
                         FederationBench.percentile(counties.map { rssMB($0) }, 0.5), rssMB("city")))
            say(String(format: "  township p50: PSS %.1f MB, private %.1f MB (the rest of RSS is pages shared with the other nodes)",
                         FederationBench.percentile(townships.map { rssMB($0, field: "Pss") }, 0.5),
                         FederationBench.percentile(townships.map { rssMB($0, field: "Private") }, 0.5)))
        }
        rssLine("idle")

        // Load: every township records one event per second; the city's rollup is polled every 20 ms.
        let base = try await cityNotes()
        let commits = Shared<[(time: Double, cumulative: Int64)]>([])
        let counter = Shared<Int64>(0)
        let polls = Shared<[(time: Double, notes: Int64)]>([])
        let end = FederationBench.now() + seconds
        try await withThrowingTaskGroup(of: Void.self) { g in
            for town in townships {
                g.addTask {
                    try await Task.sleep(nanoseconds: UInt64.random(in: 0...1_000_000_000))
                    var made: Int64 = 0
                    while FederationBench.now() < end {
                        let next = FederationBench.now() + 1
                        made += 1
                        if (try? await self.record(town, made)) != nil {
                            let t = FederationBench.now()
                            let c = counter.withLock { $0 += 1; return $0 }
                            commits.withLock { $0.append((t, c)) }
                        }
                        let wait = next - FederationBench.now()
                        if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
                    }
                }
            }
            g.addTask {
                let total = { counter.withLock { $0 } }
                while FederationBench.now() < end + 30 {
                    if let n = try? await self.cityNotes() { polls.withLock { $0.append((FederationBench.now(), n - base)) } }
                    if FederationBench.now() > end, let last = polls.withLock({ $0.last }), last.notes >= total() { break }
                    try await Task.sleep(nanoseconds: 20_000_000)
                }
            }
            try await Task.sleep(nanoseconds: UInt64(max(0, seconds - 2) * 1e9))
            rssLine("under load")
            try await g.waitForAll()
        }
        let polled = polls.withLock { $0 }
        var latencies: [Double] = []
        var unseen = 0
        for c in commits.withLock({ $0 }) {
            if let p = polled.first(where: { $0.time >= c.time && $0.notes >= c.cumulative }) { latencies.append(p.time - c.time) } else { unseen += 1 }
        }
        say(String(format: "commit → city rollup (conservative: the city must show every earlier commit too): %d events, p50 %.0f ms, p99 %.0f ms, max %.0f ms%@",
                     latencies.count, FederationBench.percentile(latencies, 0.5) * 1000, FederationBench.percentile(latencies, 0.99) * 1000,
                     (latencies.max() ?? 0) * 1000, unseen > 0 ? ", \(unseen) not seen within 30 s" : ""))

        // Catch-up: the county is stopped, one township records `burst` events, the county comes back.
        guard let county = counties.first, let town = townships.first(where: { $0.hasPrefix(county + "-") }) else { return }
        stop(county)
        let before = try await heldCount(town, origin: town)
        let tb = FederationBench.now()
        let next = Shared(0)
        let batch = 100
        try await withThrowingTaskGroup(of: Void.self) { g in
            for _ in 0..<8 {   // concurrent callers, each a Submit of up to `batch` records (one transaction)
                g.addTask {
                    while true {
                        let start = next.withLock { let s = $0; $0 += batch; return s }
                        guard start < burst else { break }
                        try await self.submit(town, start..<min(start + batch, burst))
                    }
                }
            }
            try await g.waitForAll()
        }
        let recordSeconds = FederationBench.now() - tb
        let target = try await heldCount(town, origin: town)
        say(String(format: "burst: %d research visits recorded at %@ in %.1f s (%.0f events/s through Submit, batches of %d)", burst, town, recordSeconds,
                     Double(burst) / recordSeconds, batch))
        let tc = FederationBench.now()
        _ = try await start(county)
        var held = 0
        while FederationBench.now() - tc < 600 {
            held = (try? await heldCount(county, origin: town)) ?? held
            if held >= target { break }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let catchUp = FederationBench.now() - tc
        say(String(format: "catch-up: %@ back after holding %d queued events of %@: all %d held after %.2f s (%.0f events/s ingested, start-up included)",
                     county, target - before, town, target, catchUp, Double(target - before) / catchUp))
    }
}

/// A value shared by benchmark tasks behind a mutex.
final class Shared<T: Sendable>: Sendable {
    private let state: Mutex<T>
    init(_ value: T) { state = Mutex(value) }
    func withLock<R: Sendable>(_ body: (inout T) -> R) -> R { state.withLock { body(&$0) } }
}

/// Writes one line to standard output at once (unbuffered, so a long run shows its progress in a file).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
