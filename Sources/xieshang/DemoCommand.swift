import Foundation
import XieshangNode
import XieshangReport
import XieshangTransport
import XieshangWire

/// `xieshang demo`: a real federation on this machine — a city (铜仁市), three counties, nine townships and an
/// alliance peer city, each its own `xieshang node` process on loopback. Townships record a year of activities with
/// their participants; the demo waits until the city's signed rollup has every figure, prints the table with
/// drill-down, checks every total against the generated records, writes report.html and stops every node.
enum DemoCommand {
    static let usage = """
        usage: xieshang demo [--dir DIR] [--base-port N] [--keep-running]
          Starts 14 node processes on 127.0.0.1 (ports from --base-port, default 27100), records a year of activities
          at the nine townships, waits for the city's figures, prints and checks them, writes DIR/report.html, and
          stops every node. DIR (default: a new folder under /tmp) must not exist or be empty.
          --keep-running leaves the federation up and prints how to query and stop it.
        """

    static let names: [String: String] = [
        "city": "铜仁市政协", "county1": "碧江区政协", "county2": "万山区政协", "county3": "江口县政协", "ally1": "遵义市政协",
        "county1-town1": "碧江区环北街道政协联络组", "county1-town2": "碧江区滑石乡政协联络组", "county1-town3": "碧江区坝黄镇政协联络组",
        "county2-town1": "万山区敖寨乡政协工委", "county2-town2": "万山区谢桥街道政协工委", "county2-town3": "万山区高楼坪乡政协工委",
        "county3-town1": "江口县双江街道政协联络组", "county3-town2": "江口县太平镇政协联络组", "county3-town3": "江口县闵孝镇政协联络组",
    ]

    static let topics = ["请你来协商：农村人居环境整治", "视察：乡村振兴项目推进", "调研：茶产业发展", "民主评议：乡镇卫生院服务",
                         "专题协商：留守儿童关爱", "对口协商：集镇规划", "网络协商：农村饮水安全", "公益活动：助学结对"]

    static func run(_ args: [String]) -> Int32 {
        var dir: String?
        var basePort = 27100
        var keepRunning = false
        var rest = args[...]
        while let flag = rest.first {
            rest = rest.dropFirst()
            switch flag {
            case "--help", "-h": print(usage); return ExitCode.done
            case "--keep-running": keepRunning = true
            case "--dir", "--base-port":
                guard let value = rest.first else { return fail("\(flag) needs a value.\n\n\(usage)", code: ExitCode.usage) }
                rest = rest.dropFirst()
                if flag == "--dir" { dir = value } else {
                    guard let p = Int(value), (1024...65000).contains(p) else { return fail("--base-port takes 1024–65000", code: ExitCode.usage) }
                    basePort = p
                }
            default:
                return fail("unknown option \(flag).\n\n\(usage)", code: ExitCode.usage)
            }
        }
        let fm = FileManager.default
        let directory = dir ?? (NSTemporaryDirectory() + "xieshang-demo-\(getpid())")
        if let existing = try? fm.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            return fail("demo: \(directory) is not empty; give a new --dir", code: ExitCode.usage)
        }
        var demo = Demo(directory: directory, basePort: basePort)
        let code = demo.run(keepRunning: keepRunning)
        if code != ExitCode.done || !keepRunning { demo.stopAll() }
        return code
    }
}

/// One run of the demo; owns the node processes it starts.
struct Demo {
    let directory: String
    let basePort: Int
    var processes: [(id: String, process: Process)] = []
    var topology: Topology?

    init(directory: String, basePort: Int) {
        self.directory = directory
        self.basePort = basePort
    }

    func say(_ s: String) { print(s); fflush(nil) }

    mutating func run(keepRunning: Bool) -> Int32 {
        // 1. Topology: keys (mode 0600) and node.json for every node, pinned both ways.
        for port in basePort..<(basePort + 14) where !portIsFree(port) {
            return fail("demo: port \(port) on 127.0.0.1 is in use; pass --base-port N", code: ExitCode.refused)
        }
        let topology: Topology
        do {
            topology = try Topology.generate(counties: 3, townshipsPerCounty: 3, alliancePeers: 1, basePort: basePort,
                                             directory: directory, names: DemoCommand.names)
        } catch {
            return fail("demo: \(error)", code: ExitCode.refused)
        }
        self.topology = topology
        say("协商 demo — \(topology.members.count) nodes in \(directory)")

        // 2. One process per body.
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        for (i, m) in topology.members.enumerated() {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: exe)
            p.arguments = ["node", "--config", m.directory + "/node.json"]
            _ = FileManager.default.createFile(atPath: m.directory + "/node.log", contents: nil)
            let log = FileHandle(forWritingAtPath: m.directory + "/node.log")
            p.standardOutput = log
            p.standardError = log
            do { try p.run() } catch { return fail("demo: cannot start the node \(m.id): \(error)", code: ExitCode.refused) }
            try? "\(p.processIdentifier)\n".write(toFile: m.directory + "/node.pid", atomically: true, encoding: .utf8)
            processes.append((m.id, p))
            progress("starting nodes", i + 1, topology.members.count)
        }
        for (i, m) in topology.members.enumerated() {
            guard waitUntil(seconds: 60, { status(m) != nil }) else {
                return fail("demo: node \(m.id) did not answer on \(m.config.adminSocket); see \(m.directory)/node.log", code: ExitCode.refused)
            }
            progress("nodes answering", i + 1, topology.members.count)
        }

        // 3. A year of activities at each township, recorded through each township's own node.
        var rng = SplitMix(seed: 2026)
        var expected: [String: (count: Int64, participants: Int64)] = [:]
        let towns = topology.members.filter { $0.config.tier == "township" }
        var recorded = 0
        let perTown = 24
        for town in towns {
            for month in 1...12 {
                for k in 0..<(perTown / 12) {
                    let topic = DemoCommand.topics[Int(rng.next() % UInt64(DemoCommand.topics.count))]
                    let participants = Int64(8 + rng.next() % 40)
                    let note = Note(text: "2026-\(month < 10 ? "0" : "")\(month) \(topic)（第\(k + 1)次）", amount: participants)
                    guard submit(town, note) else {
                        return fail("demo: \(town.id) could not record; see \(town.directory)/node.log", code: ExitCode.refused)
                    }
                    expected[town.id, default: (0, 0)].count += 1
                    expected[town.id, default: (0, 0)].participants += participants
                    recorded += 1
                    progress("recording activities", recorded, towns.count * perTown)
                }
            }
        }

        // 4. Wait for the city's rollup to carry every record.
        let city = topology.members[0]
        let wantCount = expected.values.reduce(0) { $0 + $1.count }
        let wantParticipants = expected.values.reduce(0) { $0 + $1.participants }
        say("waiting for 铜仁市政协's figures to converge (\(wantCount) activities, \(wantParticipants) 人次)…")
        var final: StatsResponse?
        _ = waitUntil(seconds: 90) {
            guard let s = stats(city), let root = s.bodies.first else { return false }
            final = s
            return root.totals["note"] == wantCount && root.totals["note_amount"] == wantParticipants
                && s.bodies.count >= 13
        }
        guard let stats = final, let root = stats.bodies.first else {
            return fail("demo: the city's figures did not arrive", code: ExitCode.refused)
        }

        // 5. The table with drill-down, and the check against the generated records.
        say("")
        say("\(pad("单位", 30)) \(pad("活动(次)", 10)) 参加(人次)   核验")
        var ok = root.totals["note"] == wantCount && root.totals["note_amount"] == wantParticipants
        func line(_ b: BodyFigures, _ depth: Int) {
            let name = String(repeating: "  ", count: depth) + (DemoCommand.names[b.body] ?? b.name)
            say("\(pad(name, 30)) \(pad(String(b.totals["note"] ?? 0), 10)) \(pad(String(b.totals["note_amount"] ?? 0), 12)) \(b.verified || depth == 0 ? "✔" : "—")")
        }
        line(root, 0)
        for county in topology.members.filter({ $0.config.tier == "county" }) {
            guard let c = stats.bodies.first(where: { $0.body == county.id }) else { ok = false; continue }
            line(c, 1)
            var sumCount: Int64 = 0, sumPeople: Int64 = 0
            for town in towns where town.config.parent?.nodeId == county.id {
                sumCount += expected[town.id]?.count ?? 0
                sumPeople += expected[town.id]?.participants ?? 0
                if let t = stats.bodies.first(where: { $0.body == town.id }) {
                    line(t, 2)
                    if t.totals["note"] != expected[town.id]?.count || t.totals["note_amount"] != expected[town.id]?.participants { ok = false }
                } else {
                    ok = false
                }
            }
            if c.totals["note"] != sumCount || c.totals["note_amount"] != sumPeople { ok = false }
        }
        say("")
        if ok {
            say("✔ every total equals the sum of the \(wantCount) generated records (\(wantParticipants) 人次), county by county and township by township")
        } else {
            say("✘ the figures do not match the generated records")
        }

        // 6. The HTML report.
        let model = ReportModel(
            title: "铜仁市政协履职统计", period: stats.period, generatedAt: Date().description,
            bodies: stats.bodies.map { b in
                ReportModel.Body(id: b.body, name: DemoCommand.names[b.body] ?? b.name, tier: b.tier,
                                 parent: b.body == root.body ? "" : b.parent, own: b.own, totals: b.totals,
                                 verified: b.verified || b.body == root.body)
            },
            figures: [("note", "履职活动（次）"), ("note_amount", "参加人次")], chartFigure: "note_amount")
        let reportPath = directory + "/report.html"
        do {
            try HTMLReport.render(model).write(toFile: reportPath, atomically: true, encoding: .utf8)
            say("report: \(reportPath)")
        } catch {
            return fail("demo: cannot write \(reportPath): \(error)", code: ExitCode.refused)
        }

        if keepRunning {
            say("""

                The federation keeps running. Try:
                  xieshang stats --node \(city.config.adminSocket) --drill
                  xieshang status --node \(city.config.adminSocket)
                Stop it with: Ops/federation.sh down \(directory)
                """)
        }
        return ok ? ExitCode.done : ExitCode.refused
    }

    /// SIGTERM to every node, then wait; SIGKILL any that is still there after 10 s. Leaves no process behind.
    func stopAll() {
        for (_, p) in processes where p.isRunning { p.terminate() }
        let deadline = Date().addingTimeInterval(10)
        for (id, p) in processes {
            while p.isRunning && Date() < deadline { usleep(20_000) }
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                p.waitUntilExit()
                print("node \(id) did not stop on SIGTERM and was killed")
            }
        }
        for m in topology?.members ?? [] { try? FileManager.default.removeItem(atPath: m.directory + "/node.pid") }
        if !processes.isEmpty { say("stopped \(processes.count) nodes") }
    }

    // MARK: - Admin calls

    func call(_ m: Topology.Member, _ path: String, _ request: [UInt8]) -> [UInt8]? {
        try? AdminCommand.unary(m.config.adminSocket, path, request).get()
    }

    func status(_ m: Topology.Member) -> StatusResponse? {
        call(m, AdminService.status.path, StatusRequest().serializedBytes()).flatMap { try? StatusResponse(serializedBytes: $0) }
    }

    func stats(_ m: Topology.Member) -> StatsResponse? {
        call(m, AdminService.stats.path, StatsRequest(period: "2026", drill: true).serializedBytes())
            .flatMap { try? StatsResponse(serializedBytes: $0) }
    }

    /// Records one note; retries while the node waits for its parent to confirm its own chain (after a start).
    func submit(_ m: Topology.Member, _ note: Note) -> Bool {
        let request = SubmitRequest(kind: .note, payload: note.serializedBytes(), scope: Scope(target: .up(true)))
        return waitUntil(seconds: 60) { call(m, AdminService.submit.path, request.serializedBytes()) != nil }
    }

    // MARK: - Helpers

    func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }

    func progress(_ what: String, _ done: Int, _ total: Int) {
        guard isatty(STDOUT_FILENO) != 0 else {
            if done == total { say("\(what): \(done)/\(total)") }
            return
        }
        print("\r\(what): \(done)/\(total)", terminator: done == total ? "\n" : "")
        fflush(nil)
    }

    func pad(_ s: String, _ width: Int) -> String {
        // Chinese characters take two columns in a terminal.
        let columns = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width - columns))
    }

    func portIsFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// A small seeded generator (SplitMix64) so the demo's records are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
