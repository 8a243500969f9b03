import Foundation
import XieshangNode
import XieshangReport
import XieshangTransport
import XieshangWire
import XieshangDomain

/// `xieshang demo`: a real federation on this machine — a city (铜仁市), three counties, nine townships and an
/// alliance peer city, each its own `xieshang node` process on loopback. A year of CPPCC records is fed through the
/// CLI's record commands (``DemoFeed``); the demo waits until the city's signed rollup has every record, prints the
/// table with drill-down, checks every total (and each body's own figures) against the generated records, writes
/// report.html and stops every node.
enum DemoCommand {
    static let spec = Invocation.Spec(
        name: "demo", summary: "runs the demo: a city, three counties, nine townships and an alliance peer, each its own node process",
        valued: ["dir", "base-port"], flags: ["keep-running"],
        details: """
              Starts 14 node processes on 127.0.0.1 (ports from --base-port, \(basePorts.lowerBound)–\(basePorts.upperBound), default 27100), records a year
              of members, activities, suggestions, proposals, opinion reports and the consultation plan through the record
              commands, waits for the city's figures, prints and checks them, approves the year bottom-up, writes
              DIR/report.html, and stops every node. DIR (default: a new folder under /tmp) must not exist or be empty.
              --keep-running leaves the federation up and prints how to query and stop it.
              --lang en: the table's headings in English (bodies keep the names the federation gives them).
              --json: what it prints for people goes to standard error, and one JSON object to standard output: whether
              every figure matched the generated records ("checked", "mismatches"), each body's totals as the city holds
              them, whether the year was approved at every body, the report's path.
            """,
        example: "xieshang demo --dir /tmp/xieshang-demo --keep-running",
        talksToNode: false, jsonOutput: .prints)

    /// The ports the demo may start from: above the privileged ones, and room for its 14 nodes below 65536.
    static let basePorts = 1024...65000

    static let names: [String: String] = [
        "city": "铜仁市政协", "county1": "碧江区政协", "county2": "万山区政协", "county3": "江口县政协", "ally1": "遵义市政协",
        "county1-town1": "碧江区环北街道政协联络组", "county1-town2": "碧江区滑石乡政协联络组", "county1-town3": "碧江区坝黄镇政协联络组",
        "county2-town1": "万山区敖寨乡政协工委", "county2-town2": "万山区谢桥街道政协工委", "county2-town3": "万山区高楼坪乡政协工委",
        "county3-town1": "江口县双江街道政协联络组", "county3-town2": "江口县太平镇政协联络组", "county3-town3": "江口县闵孝镇政协联络组",
    ]

    /// 万山区's townships in two zones 片区: the table and the report group them with subtotals.
    static let zones: [String: [NodeConfig.Zone]] = [
        "county2": [NodeConfig.Zone(name: "东片区", members: ["county2-town1", "county2-town2"]),
                    NodeConfig.Zone(name: "西片区", members: ["county2-town3"])],
    ]

    static let topics = ["请你来协商：农村人居环境整治", "视察：乡村振兴项目推进", "调研：茶产业发展", "民主评议：乡镇卫生院服务",
                         "专题协商：留守儿童关爱", "对口协商：集镇规划", "网络协商：农村饮水安全", "公益活动：助学结对"]

    static func run(_ args: [String]) -> Int32 {
        let inv: Invocation, basePort: Int
        do throws(Invocation.Exit) {
            inv = try Invocation.parse(args, spec)
            basePort = try inv.int("base-port", in: basePorts, default: 27100)
        } catch {
            return error.code
        }
        let (dir, keepRunning) = (inv.value("dir"), inv.flags.contains("keep-running"))
        let directory = dir ?? (NSTemporaryDirectory() + "xieshang-demo-\(getpid())")
        var isDirectory: ObjCBool = false
        if directory.isEmpty {
            return inv.usage("--dir '' names no folder.").code
        } else if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && !isDirectory.boolValue {
            return inv.usage("--dir '\(directory)' is a file, not a folder; give a new --dir.").code
        } else if let existing = try? FileManager.default.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            return inv.usage("--dir '\(directory)' is not empty; give a new --dir.").code
        }
        var demo = Demo(directory: directory, basePort: basePort, language: inv.language, json: inv.json)
        let code = demo.run(keepRunning: keepRunning)
        if code != ExitCode.done || !keepRunning { demo.stopAll() }
        return code
    }
}

/// One run of the demo; owns the node processes it starts.
struct Demo {
    let directory: String
    let basePort: Int
    /// The language of the table's headings and the approval lines.
    let language: Invocation.Language
    /// `--json`: the lines for people go to standard error, the summary (``summary``) to standard output.
    let json: Bool
    var processes: [(id: String, process: Process)] = []
    var topology: Topology?

    init(directory: String, basePort: Int, language: Invocation.Language, json: Bool) {
        self.directory = directory
        self.basePort = basePort
        self.language = language
        self.json = json
    }

    /// A line for people: on standard output, or standard error with `--json`.
    func say(_ s: String) {
        if json { FileHandle.standardError.write(Data((s + "\n").utf8)) } else { print(s); fflush(nil) }
    }

    /// Chinese or English text chosen by `--lang`.
    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    mutating func run(keepRunning: Bool) -> Int32 {
        // 1. Topology: keys (mode 0600) and node.json for every node, pinned both ways.
        for port in basePort..<(basePort + 14) where !portIsFree(port) {
            return fail("demo: port \(port) on 127.0.0.1 is in use; pass --base-port N", code: ExitCode.refused)
        }
        let topology: Topology
        do {
            // Plain h2c: every node of the demo listens on 127.0.0.1, where a node allows it (DESIGN.md §7).
            topology = try Topology.generate(counties: 3, townshipsPerCounty: 3, alliancePeers: 1, basePort: basePort,
                                             directory: directory, names: DemoCommand.names, tls: false, zones: DemoCommand.zones)
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

        // 3. Every node has reached its parent (a node originates only once its parent confirmed its chain).
        for (i, m) in topology.members.enumerated() {
            guard waitUntil(seconds: 60, { m.config.parent == nil || (status(m)?.links.contains { $0.role == "parent" && $0.state == "up" } ?? false) }) else {
                return fail("demo: \(m.id) did not reach its parent; see \(m.directory)/node.log", code: ExitCode.refused)
            }
            progress("links up", i + 1, topology.members.count)
        }

        // 4. A year of records through the CLI's record commands, at the body where each belongs.
        Recorded.quiet = true
        let counting = !json
        var feed = DemoFeed(topology: topology, directory: directory) { n in if counting { Demo.progressLine("recording a year of records (commands)", n) } }
        do {
            try feed.run()
        } catch {
            if counting { Demo.progressLine("", -1) }
            return fail("demo: \(error)", code: ExitCode.refused)
        }
        if counting { Demo.progressLine("", -1) }
        Recorded.quiet = false
        let city = topology.members[0]
        let subtree = topology.members.filter { $0.id == city.id || isBelow($0, city, topology) }
        // What the city must show for each body: its own generated records (by record date) plus its subtree's.
        func own(_ m: Topology.Member) -> [String: Int64] { (feed.expected[m.id] ?? DemoFeed.Expected()).counts }
        func expectedTotals(_ m: Topology.Member) -> [String: Int64] {
            var t = own(m)
            for c in subtree where c.config.parent?.nodeId == m.id { for (k, v) in expectedTotals(c) { t[k, default: 0] += v } }
            return t
        }
        let want = expectedTotals(city)
        let generated = feed.expected.values.reduce(Int64(0)) { $0 + $1.activities + $1.suggestionsMade + $1.proposalsFiled + $1.opinionsReceived }
        say("recorded \(feed.commands) commands → \(generated) records (activities, suggestions, proposals, opinion reports) at \(subtree.count) bodies")
        say(feed.jointDraft)

        // 5. Wait for the city's rollup to carry every record.
        say("waiting for 铜仁市政协's figures to converge…")
        var final: StatsResponse?
        _ = waitUntil(seconds: 90) {
            guard let s = stats(city), let root = s.bodies.first else { return false }
            final = s
            return want.allSatisfy { root.totals[$0.key] == $0.value } && s.bodies.count >= 13
        }
        guard let stats = final, !stats.bodies.isEmpty else {
            return fail("demo: the city's figures did not arrive", code: ExitCode.refused)
        }

        // 6. The table of real figures with drill-down, every figure and rate checked against the generated records.
        let columns = FigureNames.headline
        say("")
        say(text("\(stats.period) 年度汇总：铜仁市政协（按组织逐级下钻；数字为各级已签名核验的报表；比率为 百分比 (分子/分母)）",
                 "\(stats.period) totals of 铜仁市政协 (drill-down by body; each level's signed, verified reports; rates as percent (numerator/denominator))"))
        say(pad(text("单位", "body"), 30) + columns.map { pad(language == .zh ? $0.zh : $0.en, $0.key.hasSuffix("_rate") ? 20 : 10) }.joined()
            + text("核验", "checked"))
        var ok = true
        var mismatches: [String] = []
        var checked: [[String: Any]] = []  // each body's row for --json
        func line(_ m: Topology.Member, _ depth: Int) {
            guard let b = stats.bodies.first(where: { $0.body == m.id }) else { ok = false; mismatches.append("\(m.id): no figures"); return }
            let expected = expectedTotals(m)
            var equal = expected.allSatisfy { (b.totals[$0.key] ?? 0) == $0.value }
            let shown = FigureNames.rates(b.totals), wanted = FigureNames.rates(expected)
            for (s, w) in zip(shown, wanted) where s.numerator != w.numerator || s.denominator != w.denominator {
                equal = false
                mismatches.append("\(m.id) \(s.name): \(s.text) shown, \(w.text) generated")
            }
            if !equal {
                ok = false
                let diff = expected.filter { (b.totals[$0.key] ?? 0) != $0.value }.map { "\($0.key) \(b.totals[$0.key] ?? 0)≠\($0.value)" }
                if !diff.isEmpty { mismatches.append("\(m.id): " + diff.sorted().joined(separator: ", ")) }
            }
            checked.append(["body": b.body, "name": b.name, "tier": b.tier, "parent": b.parent, "verified": b.verified, "matches": equal,
                            "totals": b.totals.mapValues { NSNumber(value: $0) }])
            let name = String(repeating: "  ", count: depth) + b.name  // as the federation names it (config, rosters)
            say(pad(name, 30) + columns.map { pad(FigureNames.cell($0.key, b.totals), $0.key.hasSuffix("_rate") ? 20 : 10) }.joined()
                + (equal && (b.verified || depth == 0) ? "✔" : "✘"))
            let children = subtree.filter { $0.config.parent?.nodeId == m.id }
            for zone in m.config.zones {
                // The zone's subtotal as the CLI computes it from the city's drill-down, checked against the generated records.
                let members = children.filter { zone.members.contains($0.id) }
                let shown = ZoneGroups.subtotal(stats.bodies.filter { b in zone.members.contains(b.body) }) ?? [:]
                var expected: [String: Int64] = [:]
                for c in members { for (k, v) in expectedTotals(c) { expected[k, default: 0] += v } }
                let equal = expected.allSatisfy { (shown[$0.key] ?? 0) == $0.value }
                if !equal { ok = false; mismatches.append("\(m.id) \(zone.name): subtotal differs from its townships' generated records") }
                say(pad(String(repeating: "  ", count: depth + 1) + ZoneGroups.subtotalLabel(zone.name, language), 30)
                    + columns.map { pad(FigureNames.cell($0.key, shown), $0.key.hasSuffix("_rate") ? 20 : 10) }.joined() + (equal ? "✔" : "✘"))
                for c in members { line(c, depth + 2) }
            }
            for c in children where m.config.zone(of: c.id).isEmpty { line(c, depth + 1) }
        }
        line(city, 0)
        if !stats.coverage.isEmpty {
            say(text("报送情况：", "coverage: ") + ZoneGroups.coverageLine(stats.coverage, language))
        }
        // Each body's own record figures (by record date) against what was generated there.
        for m in subtree {
            guard let e = feed.expected[m.id] else { continue }
            let f = (try? NodeClient(socket: m.config.adminSocket).query("figures", filter: ["period": "2026"]).first) ?? [:]
            func n(_ k: String) -> Int64 { (f[k] as? NSNumber)?.int64Value ?? -1 }
            let activities = ["consultations", "researchVisits", "inspections", "appraisals", "trainings", "welfareActivities"].map(n).reduce(0, +)
            let checks: [(String, Int64, Int64)] = [
                ("activities", activities, e.activities), ("activityParticipants", n("activityParticipants"), e.participants),
                ("suggestionsMade", n("suggestionsMade"), e.suggestionsMade), ("suggestionsAdopted", n("suggestionsAdopted"), e.suggestionsAdopted),
                ("proposalsFiled", n("proposalsFiled"), e.proposalsFiled), ("proposalsClosed", n("proposalsClosed"), e.proposalsClosed),
                ("opinionsReceived", n("opinionsReceived"), e.opinionsReceived), ("members", n("members"), e.members),
            ]
            for (name, got, wanted) in checks where got != wanted {
                ok = false
                mismatches.append("\(m.id) \(name): \(got) recorded, \(wanted) generated")
            }
        }
        let people = feed.expected.values.reduce(0) { $0 + $1.participants }
        let activities = feed.expected.values.reduce(0) { $0 + $1.activities }
        say("")
        if ok {
            say("✔ every total equals the sum of the \(generated) generated records, county by county and township by township, by record date (every figure and rate above); each body's own figures (\(activities) activities, \(people) 人次, proposals, opinion reports, suggestions, members) equal what was generated there")
        } else {
            say("✘ the figures do not match the generated records:\n  " + mismatches.joined(separator: "\n  "))
        }

        // 7. The year approved bottom-up (审核): townships, then counties, then the city, each with `xieshang approve`.
        let figuresMatch = ok
        let approved = approveBottomUp(period: stats.period, subtree: subtree, city: city, topology: topology)
        if !approved { ok = false }

        // 8. The HTML report of the city, as `xieshang report` writes it (as of the year's end).
        let reportPath = directory + "/report.html"
        do {
            let model = try ReportCommand.build(NodeClient(socket: city.config.adminSocket), period: stats.period, title: "铜仁市政协履职统计报告",
                                                asOf: Day(year: 2026, month: 12, day: 31)!, language: .zh, progress: false)
            try HTMLReport.render(model).write(toFile: reportPath, atomically: true, encoding: .utf8)
            say("report: \(reportPath)")
        } catch {
            return fail("demo: cannot write \(reportPath): \(error)", code: ExitCode.refused)
        }

        if keepRunning {
            say("""

                The federation keeps running. Try:
                  xieshang stats --node \(city.config.adminSocket) --drill
                  xieshang proposal list --node \(topology.members.first { $0.id == "county2" }?.config.adminSocket ?? "")
                  xieshang plan show --node \(city.config.adminSocket)
                  xieshang report --html report.html --node \(city.config.adminSocket)
                  xieshang status --node \(city.config.adminSocket)
                \(stats.period) is approved and locked at every body: records dated in it are refused until the parent returns the
                approval (xieshang return --child ID --period \(stats.period) --reason … at the parent, from the city down).
                Stop it with: Ops/federation.sh down \(directory)
                """)
        }
        if json {
            let summary: [String: Any] = [
                "directory": directory, "nodes": topology.members.count, "commands": feed.commands, "records": NSNumber(value: generated),
                "period": stats.period, "checked": figuresMatch, "mismatches": mismatches, "approved": approved, "report": reportPath,
                "keep_running": keepRunning, "bodies": checked,
            ]
            if let data = try? JSONSerialization.data(withJSONObject: summary, options: [.prettyPrinted, .sortedKeys]) {
                print(String(decoding: data, as: UTF8.self))
                fflush(nil)
            }
        }
        return ok ? ExitCode.done : ExitCode.refused
    }

    /// Approves `period` bottom-up with the CLI's `approve` command: every township, then every county, then the city,
    /// each once its node holds every child's standing approval (the rule the core enforces). Waits until the city
    /// sees every body's approval and prints the state per county ("已审核 4/4": bodies of the county's subtree whose
    /// approval the city holds, of those in it) and for the city; false (printed with the missing bodies) otherwise.
    func approveBottomUp(period: String, subtree: [Topology.Member], city: Topology.Member, topology: Topology) -> Bool {
        func children(_ m: Topology.Member) -> [Topology.Member] { subtree.filter { $0.config.parent?.nodeId == m.id } }
        func depth(_ m: Topology.Member) -> Int {
            var d = 0, parent = m.config.parent?.nodeId
            while let p = parent, let up = subtree.first(where: { $0.id == p }) { d += 1; parent = up.config.parent?.nodeId }
            return d
        }
        say("")
        say(text("审核 \(period)（自下而上：乡镇 → 县区 → 市）…", "approving \(period) bottom-up (townships → counties → city)…"))
        Recorded.quiet = true
        defer { Recorded.quiet = false }
        for m in subtree.sorted(by: { depth($0) > depth($1) }) {
            let kids = children(m)
            // A body approves only after its children approved theirs: wait until its node holds each standing approval.
            let heard = waitUntil(seconds: 60) {
                guard let s = stats(m) else { return false }
                return kids.allSatisfy { k in s.bodies.contains { $0.body == k.id && $0.approval == "approved" } }
            }
            if !heard {
                say("✘ \(m.id) did not see its children's approvals of \(period); see \(m.directory)/node.log")
                return false
            }
            let code = ApprovalCommand.approve(["--period", period, "--node", m.config.adminSocket])
            if code != ExitCode.done {
                say("✘ `xieshang approve --period \(period)` at \(m.id) exited \(code); see \(m.directory)/node.log")
                return false
            }
        }
        // The city sees every approval: its own and, through the drill-down, every county's and township's.
        var seen: [String: String] = [:]
        let all = waitUntil(seconds: 60) {
            guard let s = stats(city) else { return false }
            for b in s.bodies { seen[b.body] = b.approval }
            return subtree.allSatisfy { seen[$0.id] == "approved" }
        }
        func line(_ m: Topology.Member) -> String {
            let bodies = [m] + subtree.filter { $0.id != m.id && isBelow($0, m, topology) }
            let approved = bodies.filter { seen[$0.id] == "approved" }
            let missing = bodies.filter { seen[$0.id] != "approved" }.map(\.id)
            let name = DemoCommand.names[m.id] ?? m.id
            return pad("  " + name, 30) + "\(missing.isEmpty ? text("已审核", "approved") : text("未全部审核", "not all approved")) \(approved.count)/\(bodies.count)"
                + (missing.isEmpty ? " ✔" : text(" ✘ 未审核：", " ✘ not approved: ") + missing.joined(separator: text("、", ", ")))
        }
        for county in children(city) { say(line(county)) }
        say(line(city))
        return all
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
                say("node \(id) did not stop on SIGTERM and was killed")
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

    // MARK: - Helpers

    /// Whether `m` is in the subtree below `top`.
    func isBelow(_ m: Topology.Member, _ top: Topology.Member, _ topology: Topology) -> Bool {
        var parent = m.config.parent?.nodeId
        while let p = parent {
            if p == top.id { return true }
            parent = topology.members.first { $0.id == p }?.config.parent?.nodeId
        }
        return false
    }

    /// A counter line redrawn in place on a terminal (every 25th count elsewhere is silent); -1 ends the line.
    static func progressLine(_ what: String, _ n: Int) {
        guard isatty(STDOUT_FILENO) != 0 else { return }
        print(n < 0 ? "" : "\r\(what): \(n)", terminator: n < 0 ? "\n" : "")
        fflush(nil)
    }

    func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return condition()
    }

    func progress(_ what: String, _ done: Int, _ total: Int) {
        guard isatty(STDOUT_FILENO) != 0, !json else {
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
