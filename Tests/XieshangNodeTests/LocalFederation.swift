import Foundation
import Testing
import XieshangCalendar
import XieshangNode
import XieshangTransport
import XieshangWire

/// A federation of real `xieshang node` processes on loopback for the multi-process tests: a generated topology in a
/// short temp directory, ports from a free range checked before use, a process per node, admin calls over each
/// node's Unix socket.
///
/// Invariant: `processes` is only touched under `lock`, so the harness is shareable across test tasks.
final class LocalFederation: @unchecked Sendable {
    let directory: String
    let topology: Topology
    let executable: String
    private let lock = NSLock()
    private var processes: [String: Process] = [:]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(counties: Int, townshipsPerCounty: Int, tls: Bool = false) throws {
        guard let exe = LocalFederation.xieshang() else {
            throw Failure(description: "the xieshang executable is not built; run `swift build --build-tests` (make test does)")
        }
        executable = exe
        let dir = "/tmp/xsnt-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        directory = dir
        let count = 1 + counties * (1 + townshipsPerCounty)
        let base = try LocalFederation.freePortRange(count)
        topology = try Topology.generate(counties: counties, townshipsPerCounty: townshipsPerCounty, basePort: base,
                                         directory: dir, rollupDebounceMs: 100, retryCapMs: 1_000, tls: tls)
    }

    /// A federation of a custom topology: `build(basePort, directory)` makes it with `ports` consecutive free ports
    /// from `basePort` (and may use more ports only if it checks them itself).
    init(ports: Int, build: (Int, String) throws -> Topology) throws {
        guard let exe = LocalFederation.xieshang() else {
            throw Failure(description: "the xieshang executable is not built; run `swift build --build-tests` (make test does)")
        }
        executable = exe
        let dir = "/tmp/xsnt-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        directory = dir
        topology = try build(try LocalFederation.freePortRange(ports), dir)
    }

    deinit {
        for p in processes.values where p.isRunning { kill(p.processIdentifier, SIGKILL); p.waitUntilExit() }
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func xieshang() -> String? { built("xieshang") }

    /// The node process alone (`xieshang-node --config F`), what servers run.
    static func xieshangNode() -> String? { built("xieshang-node") }

    static func built(_ name: String) -> String? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [String] = []
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent(name).path)
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug/" + name).path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A run of `count` consecutive TCP ports on 127.0.0.1 that bind now, in 20000–32767: below Linux's ephemeral
    /// range (32768–60999), where the outgoing connections of other nodes could take a port a restarting node needs.
    /// Runs handed out in this test process never overlap (a shared cursor), so two tests started at the same
    /// moment cannot pick the same ports before either has bound them; the cursor starts at a random point so
    /// that the next `make test` does not meet this run's ports still in TIME_WAIT.
    static func freePortRange(_ count: Int) throws -> Int {
        portCursorLock.lock()
        defer { portCursorLock.unlock() }
        for _ in 0..<200 {
            if portCursor + count > 32_768 { portCursor = 20_000 }
            let base = portCursor
            portCursor += count
            if (base..<(base + count)).allSatisfy(portIsFree) { return base }
        }
        throw Failure(description: "no run of \(count) free ports found on 127.0.0.1 in 20000–32767")
    }

    private static let portCursorLock = NSLock()
    nonisolated(unsafe) private static var portCursor = Int.random(in: 20_000...31_000)

    static func portIsFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    func member(_ id: String) -> Topology.Member { topology.members.first { $0.id == id }! }
    func dir(_ id: String) -> String { member(id).directory }
    var townships: [String] { topology.members.filter { $0.config.tier == "township" }.map(\.id) }
    var counties: [String] { topology.members.filter { $0.config.tier == "county" }.map(\.id) }

    // MARK: Processes

    /// Which executable runs a node.
    enum Binary: Sendable {
        /// `xieshang node --config F`: the operators' CLI running the node.
        case cli
        /// `xieshang-node --config F`: the node process alone, what servers run.
        case shipped
        /// `xieshang-node-test --config F`: the node for tests, never shipped — the event kinds reserved for tests
        /// enabled (XieshangTestKinds: notes) and fault injection through XIESHANG_TEST_CRASH.
        case test

        var executable: String { self == .cli ? "xieshang" : self == .shipped ? "xieshang-node" : "xieshang-node-test" }
    }

    /// Starts node `id` and waits until its admin socket answers. `binary` says which executable runs it; by default
    /// `xieshang node`, or `xieshang-node-test` when `env` sets XIESHANG_TEST_CRASH (production binaries wire no
    /// fault injection and refuse the test event kinds).
    func start(_ id: String, env: [String: String] = [:], configFile: String = "node.json", binary: Binary? = nil) async throws {
        let p = Process()
        let binary = binary ?? (env["XIESHANG_TEST_CRASH"] != nil ? .test : .cli)
        guard let node = LocalFederation.built(binary.executable) else {
            throw Failure(description: "the \(binary.executable) executable is not built; run `swift build --build-tests` (make test does)")
        }
        p.executableURL = URL(fileURLWithPath: node)
        p.arguments = (binary == .cli ? ["node"] : []) + ["--config", dir(id) + "/" + configFile]
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let logPath = dir(id) + "/node.log"
        if !FileManager.default.fileExists(atPath: logPath) { _ = FileManager.default.createFile(atPath: logPath, contents: nil) }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        p.standardOutput = log
        p.standardError = log
        try p.run()
        lock.withLock { processes[id] = p }
        try await waitUntil("\(id) answers on its admin socket", seconds: 30) {
            if !p.isRunning { throw Failure(description: "\(id) exited with \(p.terminationStatus): \(self.logTail(id))") }
            return (try? await self.status(id)) != nil
        }
    }

    /// Starts every node (with `binary`, `xieshang node` by default) and waits until each reached its parent.
    func startAll(binary: Binary = .cli) async throws {
        try await withThrowingTaskGroup(of: Void.self) { g in
            for m in topology.members { g.addTask { try await self.start(m.id, binary: binary) } }
            try await g.waitForAll()
        }
        for m in topology.members where m.config.parent != nil { try await waitParentUp(m.id) }
    }

    /// Waits until `id`'s link to its parent is up (it may then originate).
    func waitParentUp(_ id: String) async throws {
        try await waitUntil("\(id) reached its parent", seconds: 30) {
            try await self.status(id).links.contains { $0.role == "parent" && $0.state == "up" }
        }
    }

    func process(_ id: String) -> Process? { lock.withLock { processes[id] } }

    func isRunning(_ id: String) -> Bool { process(id)?.isRunning ?? false }

    /// SIGKILL (no cleanup at all) and reap.
    func kill9(_ id: String) {
        guard let p = process(id), p.isRunning else { return }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
    }

    /// SIGTERM and wait for a clean exit; returns the exit status.
    @discardableResult
    func stop(_ id: String) -> Int32 {
        guard let p = process(id) else { return -1 }
        if p.isRunning { kill(p.processIdentifier, SIGTERM) }
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// SIGTERM to every node at once, then reap them all: a node's graceful stop takes up to 3 s (its servers' grace
    /// periods), and stopping eight nodes one after another blocked the calling thread — a thread of the test
    /// process's two-thread cooperative pool in a `defer` — for half a minute, starving every other test's waits.
    func stopAll() {
        let running = lock.withLock { Array(processes.values) }.filter(\.isRunning)
        for p in running { kill(p.processIdentifier, SIGTERM) }
        for p in running { p.waitUntilExit() }
    }

    func logTail(_ id: String) -> String {
        let text = (try? String(contentsOfFile: dir(id) + "/node.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(8).joined(separator: "\n")
    }

    // MARK: Admin calls

    func call(_ id: String, _ path: String, _ request: [UInt8]) async throws -> [UInt8] {
        var configuration = ClientConfiguration()
        configuration.defaultTimeoutSeconds = 10
        let client = try Client(target: .unix(path: dir(id) + "/admin.sock"), configuration: configuration)
        defer { client.close() }
        return try await client.unary(path, request)
    }

    func status(_ id: String) async throws -> StatusResponse {
        try StatusResponse(serializedBytes: try await call(id, AdminService.status.path, StatusRequest(recentAlerts: 50).serializedBytes()))
    }

    /// Records one research visit 调研 of `amount` participants at `id`, dated today in Beijing (a real domain record,
    /// so it counts in the body's figures as `research_visits` and `activity_participants`); returns its seq (the
    /// event is durably stored when this returns).
    func submit(_ id: String, amount: Int64) async throws -> UInt64 {
        let activity = ActivityRecorded(activityId: "R-" + UUID().uuidString, kind: .research, date: LocalFederation.today(),
                                        topic: "调研", participants: amount)
        // No scope: a body's records travel up to every ancestor by default (#15 item 5).
        let request = SubmitRequest(kind: .activity, payload: activity.serializedBytes(), actor: "office")
        return try SubmitResponse(serializedBytes: try await call(id, AdminService.submit.path, request.serializedBytes())).seq
    }

    /// Today in Beijing (UTC+8), "YYYY-MM-DD".
    static func today() -> String {
        Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000)).description
    }

    /// The city's subtree totals for the current year.
    func totals(_ id: String) async throws -> [String: Int64] {
        let r = try StatsResponse(serializedBytes: try await call(id, AdminService.stats.path, StatsRequest().serializedBytes()))
        return r.bodies.first?.totals ?? [:]
    }

    /// (origin, seq, hash, kind) of every event `id` holds of chain `origin`.
    func events(_ id: String, origin: String) async throws -> [(seq: UInt64, hash: String, kind: Int64)] {
        let r = try QueryResponse(serializedBytes: try await call(id, AdminService.query.path,
            QueryRequest(recordType: "events", filter: ["origin": origin]).serializedBytes()))
        return try r.rowsJson.map { row in
            let o = try JSONSerialization.jsonObject(with: Data(row.utf8)) as! [String: Any]
            return (UInt64((o["seq"] as! NSNumber).int64Value), o["hash"] as! String, (o["kind"] as! NSNumber).int64Value)
        }
    }

    /// Origins `id` holds.
    func origins(_ id: String) async throws -> [String] {
        let r = try QueryResponse(serializedBytes: try await call(id, AdminService.query.path, QueryRequest(recordType: "origins").serializedBytes()))
        return try r.rowsJson.map { ((try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["origin"] as! String) }
    }

    /// Record (activity) events of `origin` held by `id`, checked contiguous from seq 1 (exactly once, no gaps).
    func recordSeqs(_ id: String, origin: String) async throws -> [UInt64: String] {
        let all = try await events(id, origin: origin)
        for (i, e) in all.enumerated() where e.seq != UInt64(i + 1) {
            throw Failure(description: "\(id) holds \(origin) with a gap or duplicate at position \(i): seq \(e.seq)")
        }
        var out: [UInt64: String] = [:]
        for e in all where e.kind == Int64(EventKind.activity.protoValue) { out[e.seq] = e.hash }
        return out
    }
}

/// Polls `condition` until it holds or `seconds` of patience run out (then the test fails naming `what`).
func waitUntil(_ what: String, seconds: Double, _ condition: () async throws -> Bool) async throws {
    var patience = Patience(seconds: seconds)
    repeat {
        if try await condition() { return }
        try await Task.sleep(nanoseconds: 100_000_000)
    } while patience.remains()
    if try await condition() { return }
    throw LocalFederation.Failure(description: "timed out after \(Int(seconds)) s waiting until \(what)")
}

/// A timeout that counts the time its waiter was awake to look, not the time the test runner kept it from running.
/// Swift Testing runs synchronous tests on the cooperative pool (one thread per core): on 2 cores, two long synchronous
/// tests can hold both threads for half a minute, and a wall-clock deadline then expires before the waiter has checked
/// even once (CI failed this way). A gap between two checks longer than `starvedAfter` counts as `starvedAfter`; a hard
/// limit of four times `seconds` of wall time still ends every wait.
struct Patience {
    let seconds: Double
    let starvedAfter: Double
    private var waited: Double = 0
    private var last = Date()
    private let hardDeadline: Date

    init(seconds: Double, starvedAfter: Double = 2) {
        self.seconds = seconds
        self.starvedAfter = starvedAfter
        hardDeadline = Date().addingTimeInterval(seconds * 4)
    }

    /// Call once per check: true while patience remains.
    mutating func remains() -> Bool {
        let now = Date()
        waited += min(max(now.timeIntervalSince(last), 0), starvedAfter)
        last = now
        return waited < seconds && now < hardDeadline
    }
}

/// A finished child process: its exit status and its standard output and error, interleaved.
struct ProcessRun: Sendable {
    let status: Int32
    let output: String

    /// Runs `exe` with `args` to its end. `environment` replaces the keys it names (nil removes one). The wait happens
    /// on a Dispatch thread, not on Swift's cooperative pool (one thread per core): tests blocking pool threads while a
    /// demo or a CLI runs would starve the other tests' waits on node processes and time them out on a 2-core machine.
    /// `input`, when given, is written to the child's standard input, which is then closed.
    static func run(_ exe: String, _ args: [String], environment: [String: String?] = [:], input: String? = nil) async throws -> ProcessRun {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<ProcessRun, Error>) in
            DispatchQueue.global().async {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: exe)
                p.arguments = args
                if !environment.isEmpty {
                    var env = ProcessInfo.processInfo.environment
                    for (k, v) in environment { env[k] = v }
                    p.environment = env
                }
                let pipe = Pipe()
                p.standardOutput = pipe
                p.standardError = pipe
                let stdin = input.map { _ in Pipe() }
                if let stdin { p.standardInput = stdin }
                do { try p.run() } catch { c.resume(throwing: error); return }
                if let stdin, let input {
                    stdin.fileHandleForWriting.write(Data(input.utf8))
                    try? stdin.fileHandleForWriting.close()
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                p.waitUntilExit()
                c.resume(returning: ProcessRun(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self)))
            }
        }
    }
}
