import Foundation
import Synchronization
import XieshangDomain
import XieshangTransport
import XieshangWire

/// `xieshang-bench figures --dir DIR --xieshang NODE --cli XIESHANG [--rate 2] [--probes 100] [--drill-calls 50]`
/// (issue 15's benchmark, figures up): real node processes of a topology written by `xieshang topology` (city,
/// countyK, countyK-townJ). Each township records a realistic year of records (≈ 190: members, activities with
/// participants, suggestions made/adopted/closed, opinion reports submitted/adopted/archived/forwarded — the kinds
/// and steps `xieshang demo` records, DemoFeed.swift, at ten times its volume), each county a year of proposals
/// through their steps and the adoption of what its townships forwarded. Measures:
/// - the city's CPU per received event and per record fed (utime+stime of /proc/PID/stat over the feed, until the
///   city's log is quiet), and the size of its database (node.db + WAL) for the year of the whole subtree;
/// - township record → the city's figures: a probe (an inspection 视察, a kind the feed never records, dated on a
///   random day of the year) is submitted at a random township while every township records one activity per
///   second; the clock starts when Submit returned (the township's commit) and stops when the city's `Stats` for the
///   year shows the probe in its subtree total of `inspections` (polled every 5 ms);
/// - `xieshang stats --drill --json` at the city: wall time of the CLI process (spawn included), and of the
///   `Stats(drill)` call alone, over repeated calls on the quiet federation.
func runFiguresBench(_ args: [String]) -> Int32 {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < args.count { options[args[i]] = args[i + 1]; i += 2 }
    guard let dir = options["--dir"], let bin = options["--xieshang"], let cli = options["--cli"] else {
        say("usage: xieshang-bench figures --dir DIR --xieshang NODE --cli XIESHANG [--rate 2] [--probes 100] [--drill-calls 50]")
        return 2
    }
    let rate = Double(options["--rate"] ?? "2") ?? 2
    let probes = Int(options["--probes"] ?? "100") ?? 100
    let drillCalls = Int(options["--drill-calls"] ?? "50") ?? 50
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Int32>(0)
    Task {
        do {
            try await FiguresBench(nodes: FederationBench(dir: dir, bin: bin), cli: cli).run(rate: rate, probes: probes, drillCalls: drillCalls)
        } catch {
            say("figures bench failed: \(error)")
            result.withLock { $0 = 1 }
        }
        done.signal()
    }
    done.wait()
    return result.withLock { $0 }
}

/// The figures benchmark: the node processes (started and called through ``FederationBench``) and the CLI binary.
final class FiguresBench: Sendable {
    let nodes: FederationBench
    let cli: String
    /// The year the records are dated in: the current year in China Standard Time (what `stats` shows by default).
    let year: Int

    /// One record to submit: the domain event and who records it (the Submit's actor, as the CLI names it).
    typealias Record = (event: XieshangDomain.DomainEvent, actor: String)

    init(nodes: FederationBench, cli: String) {
        self.nodes = nodes
        self.cli = cli
        year = Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000)).year
    }

    func day(_ month: Int, _ day: Int) -> Day { Day(unchecked: year, month, min(day, Day.daysIn(month: month, year: year))) }

    // MARK: The year of records

    static let activityKinds: [(XieshangDomain.Activity.Kind, XieshangDomain.Activity.Form?, String)] = [
        (.consultation, .pleaseCome, "请你来协商：农村人居环境整治"), (.research, nil, "调研：茶产业发展"),
        (.appraisal, nil, "民主评议：乡镇卫生院服务"), (.consultation, .topical, "专题协商：留守儿童关爱"),
        (.consultation, .counterpart, "对口协商：集镇规划"), (.consultation, .online, "网络协商：农村饮水安全"),
        (.welfare, nil, "公益活动：助学结对"), (.training, nil, "委员履职培训"),
    ]

    /// A township's year, in the order it is recorded: 3 invited members; per month 8 activities (8–47 participants,
    /// one or two members) and 2 suggestions from them (3 of 4 adopted, 1 of 2 closed); 16 opinion reports over the
    /// year (10 adopted — 4 of those forwarded to the county — and 6 archived). 189 records.
    func townshipYear(_ town: String, county: String, seed: UInt64) -> [Record] {
        var rng = SplitMix64(seed: seed)
        var out: [Record] = []
        let members = (1...3).map { "\(town.uppercased())-M\($0)" }
        for m in members {
            out.append((.member(XieshangDomain.MemberRecorded(memberID: m, name: "特邀委员" + m.suffix(1), sector: "特邀", body: town, term: 1,
                                               invited: true, effective: day(1, 1))), "office"))
        }
        var opinion = 0
        for month in 1...12 {
            for k in 1...8 {
                let (kind, form, topic) = FiguresBench.activityKinds[rng.next(FiguresBench.activityKinds.count)]
                let second = members[1 + rng.next(2)]
                let a = XieshangDomain.Activity(id: "HD-\(month)-\(k)", kind: kind, form: form, date: day(month, 1 + rng.next(19)), topic: topic,
                                 participants: 8 + rng.next(40), members: k % 2 == 0 ? [members[0], second] : [members[0]],
                                 appraisal: kind == .appraisal ? .init(targetUnit: "乡镇卫生院", result: .basicallySatisfied) : nil)
                out.append((.activity(a), "office"))
            }
            for j in 1...2 {
                let id = "JY-\(month)-\(j)"
                out.append((.suggestion(XieshangDomain.SuggestionEvent(id, on: day(month, 20), .made(text: "关于\(FiguresBench.activityKinds[j].2)的建议", addressee: "乡镇党委",
                                                                                     activityID: "HD-\(month)-\(j)", members: [members[0]]))), "office"))
                if j == 1 || month % 2 == 1 { out.append((.suggestion(XieshangDomain.SuggestionEvent(id, on: day(month, 25), .adopted(by: "乡镇党委书记", note: ""))), "office")) }
                if j == 1 { out.append((.suggestion(XieshangDomain.SuggestionEvent(id, on: day(month, 28), .closed(note: "已落实"))), "office")) }
            }
            // 16 reports over 12 months: two in every third month.
            for _ in 0..<(month % 3 == 0 ? 2 : 1) where opinion < 16 {
                opinion += 1
                let p = XieshangDomain.OpinionEvent.Provenance(originBody: town, originReportID: "XX-\(opinion)", author: "联络组", authorKind: .liaisonGroup)
                out.append((.opinion(XieshangDomain.OpinionEvent(p, at: town, on: day(month, 2), .submitted(title: "情况反映 \(opinion)", text: "部分村组供水管网老化，旱季断水。"))), "office"))
                if opinion <= 10 {
                    out.append((.opinion(XieshangDomain.OpinionEvent(p, at: town, on: day(month, 4), .adopted(bulletinIssue: "\(year)年第\(opinion)期"))), "office"))
                    if opinion <= 4 {
                        out.append((.opinion(XieshangDomain.OpinionEvent(p, at: town, on: day(month, 6), .forwarded(toBody: county, toTier: "county", title: "情况反映 \(opinion)",
                                                                                                    text: "建议纳入农村供水保障工程。"))), "office"))
                    }
                } else {
                    out.append((.opinion(XieshangDomain.OpinionEvent(p, at: town, on: day(month, 5), .archived(reason: "与已录用信息重复"))), "office"))
                }
            }
        }
        return out
    }

    /// A county's year: 12 members and 40 proposals, each submitted, registered, assigned (a lead and a co-handling
    /// unit), given the co-handling opinion and the lead's reply, evaluated and closed within the year. 292 records.
    func countyYear(_ county: String) -> [Record] {
        var out: [Record] = []
        let members = (1...12).map { "\(county.uppercased())-M\($0 < 10 ? "0" : "")\($0)" }
        for m in members {
            out.append((.member(XieshangDomain.MemberRecorded(memberID: m, name: "委员" + m.suffix(2), sector: "经济界", body: county, term: 5, effective: day(1, 1))), "office"))
        }
        let units = ["县农业农村局", "县教育局", "县卫生健康局", "县交通运输局", "县水务局"]
        for n in 1...40 {
            let id = "TA-\(year)-\(n)", by = members[n % members.count], month = 1 + (n - 1) % 10
            let lead = units[n % units.count], co = units[(n + 1) % units.count]
            func step(_ s: XieshangDomain.ProposalEvent.Step, _ on: Day, _ actor: String) { out.append((.proposal(XieshangDomain.ProposalEvent(id, on: on, s)), actor)) }
            step(.submitted(.init(title: "关于民生实事第\(n)项的建议", text: "建议有关部门统筹推进。", kind: .individual, firstProposer: by)), day(month, 3), "member:" + by)
            step(.reviewed(.registered(number: "\(year)-\(n)")), day(month, 8), "committee")
            step(.assigned(.init(.lead(lead, coHandling: [co]))), day(month, 12), "committee")
            step(.coHandlingOpinion(unit: co, text: "同意主办单位意见"), day(month + 1, 1), "unit:" + co)
            step(.replied(unit: lead, replyClass: n % 2 == 0 ? "B" : "A", text: "已列入年度工作计划并落实"), day(month + 1, 20), "unit:" + lead)
            step(.evaluated(member: by, rating: n % 3 == 0 ? .basicallySatisfied : .satisfied, comment: ""), day(month + 2, 5), "member:" + by)
            step(.closed(note: ""), day(month + 2, 15), "committee")
        }
        return out
    }

    func submit(_ id: String, _ record: Record) async throws {
        let request = SubmitRequest(kind: record.event.eventKind, payload: record.event.payloadBytes(), actor: record.actor)
        _ = try await nodes.call(id, AdminService.submit.path, request.serializedBytes())
    }

    // MARK: Measures

    /// utime + stime of node `id` in µs (/proc/PID/stat fields 14 and 15, clock ticks).
    func cpuMicros(_ id: String) -> Double? {
        guard let pid = nodes.processes.withLock({ $0[id]?.processIdentifier }),
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let utime = Double(fields[11]), let stime = Double(fields[12]) else { return nil }
        return (utime + stime) * 1e6 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Events the city holds by origin chain (the `origins` query).
    func cityOrigins() async throws -> [String: Int] {
        let r = try QueryResponse(serializedBytes: try await nodes.call("city", AdminService.query.path, QueryRequest(recordType: "origins").serializedBytes()))
        var out: [String: Int] = [:]
        for row in r.rowsJson {
            guard let o = try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any], let origin = o["origin"] as? String,
                  let count = o["count"] as? NSNumber else { continue }
            out[origin] = count.intValue
        }
        return out
    }

    /// Events the city received from other bodies (every chain not signed by the city).
    func cityReceived() async throws -> Int {
        try await cityOrigins().filter { $0.key != "city" && !$0.key.hasPrefix("city@") }.values.reduce(0, +)
    }

    /// The city's subtree total of `figure` for the year.
    func cityTotal(_ figure: String) async throws -> Int64 {
        let r = try StatsResponse(serializedBytes: try await nodes.call("city", AdminService.stats.path, FiguresBench.statsRequest(year: year, drill: false).serializedBytes()))
        return r.bodies.first?.totals[figure] ?? 0
    }

    static func statsRequest(year: Int, drill: Bool) -> StatsRequest {
        var r = StatsRequest()
        r.period = String(year)
        r.drill = drill
        return r
    }

    /// node.db plus its WAL (or one of them: `suffix` "" or "-wal"), in MB.
    func databaseMB(_ id: String, _ suffixes: [String] = ["", "-wal"]) -> Double {
        let base = "\(nodes.dir)/\(id)/node.db"
        let bytes = suffixes.compactMap { (try? FileManager.default.attributesOfItem(atPath: base + $0)[.size] as? NSNumber)?.doubleValue }.reduce(0, +)
        return bytes / 1e6
    }

    static func ms(_ values: [Double]) -> String {
        String(format: "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d)", FederationBench.percentile(values, 0.5) * 1000,
               FederationBench.percentile(values, 0.99) * 1000, (values.max() ?? 0) * 1000, values.count)
    }

    // MARK: Phases

    func run(rate: Double, probes: Int, drillCalls: Int) async throws {
        defer { nodes.stopAll() }
        try await startAll()
        try await feedYear(rate: rate)
        let towns = nodes.townships
        try await figuresLatency(towns: towns, probes: probes)
        try await drill(calls: drillCalls)
    }

    /// Starts every node of the topology (eight at a time) and waits until each is linked to its parent.
    func startAll() async throws {
        let towns = nodes.townships, counties = nodes.counties
        say("topology: \(nodes.ids.count) nodes (1 city, \(counties.count) counties, \(towns.count) townships); records dated in \(year)")
        for chunk in stride(from: 0, to: nodes.ids.count, by: 8).map({ Array(nodes.ids[$0..<min($0 + 8, nodes.ids.count)]) }) {
            try await withThrowingTaskGroup(of: Double.self) { g in
                for id in chunk { g.addTask { try await self.nodes.start(id) } }
                try await g.waitForAll()
            }
        }
        for id in nodes.ids where id != "city" { try await nodes.waitUp(id) }
        say("all linked")
        try await Task.sleep(nanoseconds: 3_000_000_000)
    }

    /// The feed shared by the figures and web benchmarks: a year of records (``countyYear(_:)``,
    /// ``townshipYear(_:county:seed:)``) fed at `rate` records per second per body, all bodies at once; the counties'
    /// adoptions of what their townships forwarded; then until the city is quiet. Prints the feed, the city's CPU per
    /// received event and the databases' sizes.
    func feedYear(rate: Double) async throws {
        let towns = nodes.townships, counties = nodes.counties
        // 1. The year, fed at `rate` records per second per body, all bodies at once.
        var plans: [(String, [Record])] = counties.map { ($0, countyYear($0)) }
        for (i, town) in towns.enumerated() {
            let county = String(town.prefix { $0 != "-" })
            plans.append((town, townshipYear(town, county: county, seed: UInt64(i + 1))))
        }
        let fed = plans.reduce(0) { $0 + $1.1.count }
        let refused = Shared<[String]>([])
        let received0 = try await cityReceived()
        let cpu0 = cpuMicros("city")
        let t0 = FederationBench.now()
        try await withThrowingTaskGroup(of: Void.self) { g in
            for (id, records) in plans {
                g.addTask {
                    let start = FederationBench.now() + Double.random(in: 0..<1)
                    for (i, record) in records.enumerated() {
                        let wait = start + Double(i) / rate - FederationBench.now()
                        if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1e9)) }
                        do { try await self.submit(id, record) } catch { refused.withLock { $0.append("\(id): \(error)") } }
                    }
                }
            }
            try await g.waitForAll()
        }
        // Each county adopts the reports its townships forwarded (they must have arrived: retried for up to 60 s).
        var adoptions = 0
        for town in towns {
            let county = String(town.prefix { $0 != "-" })
            for n in 1...4 {
                let p = XieshangDomain.OpinionEvent.Provenance(originBody: town, originReportID: "XX-\(n)", author: "联络组", authorKind: .liaisonGroup)
                let record: Record = (.opinion(XieshangDomain.OpinionEvent(p, at: county, on: day(min(12, 3 * n), 10), .adopted(bulletinIssue: "\(year)年第\(n)期"))), "office")
                let until = FederationBench.now() + 60
                while true {
                    do { try await submit(county, record); adoptions += 1; break } catch {
                        if FederationBench.now() > until { refused.withLock { $0.append("\(county) adopting \(town)/XX-\(n): \(error)") }; break }
                        try await Task.sleep(nanoseconds: 200_000_000)
                    }
                }
            }
        }
        let fedSeconds = FederationBench.now() - t0
        // Quiet: the city's log has not grown for 3 s (reports re-rolled after the last records included).
        var last = -1, stable = 0
        while stable < 3 && FederationBench.now() - t0 < fedSeconds + 600 {
            let n = try await cityReceived()
            stable = n == last ? stable + 1 : 0
            last = n
            try await Task.sleep(nanoseconds: 1_000_000_000)
        }
        let quietSeconds = FederationBench.now() - t0
        let cpu1 = cpuMicros("city")
        let received = last - received0
        let refusals = refused.withLock { $0 }
        say(String(format: "feed: %d records (%d + %d county adoptions) from %d bodies at %.1f/s each in %.1f s; the city quiet after %.1f s%@",
                   fed + adoptions, fed, adoptions, plans.count, rate, fedSeconds, quietSeconds,
                   refusals.isEmpty ? "" : "; \(refusals.count) refused, first: \(refusals[0])"))
        if let cpu0, let cpu1, received > 0 {
            say(String(format: "city CPU: %.2f s over the feed; %.0f µs per received event (%d events: records, reports, rosters, alerts), %.0f µs per record fed",
                       (cpu1 - cpu0) / 1e6, (cpu1 - cpu0) / Double(received), received, (cpu1 - cpu0) / Double(fed + adoptions)))
        }
        let countyDB = counties.map { databaseMB($0) }, townDB = towns.map { databaseMB($0) }
        say(String(format: "database (node.db + WAL) for the year: city %.1f MB (node.db %.1f MB + WAL %.1f MB); county p50 %.1f MB; township p50 %.2f MB",
                   databaseMB("city"), databaseMB("city", [""]), databaseMB("city", ["-wal"]),
                   FederationBench.percentile(countyDB, 0.5), FederationBench.percentile(townDB, 0.5)))

    }

    /// Township record → the city's figures, under a load of one activity per township per second.
    func figuresLatency(towns: [String], probes: Int) async throws {
        // 2. Record → the city's figures, under a load of one activity per township per second.
        let loadEnd = Shared(false)
        var latencies: [Double] = []
        var unseen = 0
        try await withThrowingTaskGroup(of: Void.self) { g in
            for town in towns {
                g.addTask {
                    try await Task.sleep(nanoseconds: UInt64.random(in: 0...1_000_000_000))
                    var n = 0
                    while !loadEnd.withLock({ $0 }) {
                        n += 1
                        let a = XieshangDomain.Activity(id: "LOAD-\(n)", kind: .research, date: self.day(1 + n % 12, 1 + n % 28), topic: "调研", participants: 5)
                        try? await self.submit(town, (.activity(a), "office"))
                        try await Task.sleep(nanoseconds: 1_000_000_000)
                    }
                }
            }
            var base = try await cityTotal("inspections")
            for k in 1...max(1, probes) {
                guard let town = towns.randomElement() else { break }
                let a = XieshangDomain.Activity(id: "PROBE-\(k)", kind: .inspection, date: day(Int.random(in: 1...12), Int.random(in: 1...28)), topic: "视察", participants: 3)
                try await submit(town, (.activity(a), "office"))
                let committed = FederationBench.now()
                var seen = false
                while FederationBench.now() - committed < 30 {
                    if let total = try? await cityTotal("inspections"), total > base { base = total; seen = true; break }
                    try await Task.sleep(nanoseconds: 5_000_000)
                }
                if seen { latencies.append(FederationBench.now() - committed) } else { unseen += 1 }
                try await Task.sleep(nanoseconds: UInt64.random(in: 0...200_000_000))
            }
            loadEnd.withLock { $0 = true }
            try await g.waitForAll()
        }
        say("township record → city's figures (Submit returned → the city's Stats shows it), \(towns.count) townships recording 1/s: "
            + FiguresBench.ms(latencies) + (unseen > 0 ? ", \(unseen) not seen within 30 s" : ""))

    }

    /// `xieshang stats --drill --json` at the city (the CLI process and the call alone), the federation quiet.
    func drill(calls drillCalls: Int) async throws {
        // 3. `xieshang stats --drill --json` at the city, the federation quiet.
        try await Task.sleep(nanoseconds: 3_000_000_000)
        var cliTimes: [Double] = [], callTimes: [Double] = []
        var bytes = 0
        for _ in 0..<max(1, drillCalls) {
            let t = FederationBench.now()
            guard let out = runProgram(cli, ["stats", "--drill", "--json", "--node", "\(nodes.dir)/city/admin.sock"]) else {
                throw FederationBench.Failure(description: "`\(cli) stats --drill --json` at the city failed")
            }
            cliTimes.append(FederationBench.now() - t)
            bytes = out.utf8.count
            let c = FederationBench.now()
            _ = try await nodes.call("city", AdminService.stats.path, FiguresBench.statsRequest(year: year, drill: true).serializedBytes())
            callTimes.append(FederationBench.now() - c)
        }
        say("city `xieshang stats --drill --json` (process spawn included, \(bytes) bytes out): " + FiguresBench.ms(cliTimes))
        say("city Stats(drill) call alone: " + FiguresBench.ms(callTimes))
    }
}

/// SplitMix64: the bench's seeded generator (the records are the same at every run).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in 0..<n.
    mutating func next(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}
