import Foundation
import Testing
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangWire
@testable import XieshangNode

/// Report sizes (issue 15's "database size per year of the whole subtree"): real ``FederationNode``s with the node's
/// figures provider (``NodeFigures``) and real SQLite files, wired in this process by ``ReportSizeNetwork`` — a city,
/// two counties and two townships under each; every township records a realistic year (189 records, as
/// `xieshang-bench figures` feeds), one record at a time, each rolled up before the next (records arrive slower than
/// the debounce). It prints the bytes of a typical township, county and city report and each tier's database size,
/// for Ops/bench/README.md.
@Suite struct ReportSizeTests {
    /// Finding (issue 15's storage): a report named every stats.proto counter in `own` and `totals`, zeros included,
    /// and each parent report repeated every child's totals the same way — a township report with one activity
    /// carried ~40 names × 2, and every county report ~40 names per township. Now each map holds only the counters
    /// that are not zero, at the township, in the county's citation of it and in the city's totals; the city still
    /// verifies it all and `Figures.everyCounter` shows every counter again for people.
    @Test func aTownshipReportWithOneActivityHoldsOnlyTheCountersThatAreNotZero() throws {
        let net = try ReportSizeNetwork(counties: 1, townsPerCounty: 1)
        net.originate("county1-town1", .activity(Activity(id: "HD-1", kind: .research, date: Day(unchecked: 2026, 3, 31), topic: "调研", participants: 12)))
        let want: [String: Int64] = ["research_visits": 1, "activity_participants": 12, "bodies": 1]
        let town = try #require(net.nodes["county1-town1"]?.latestReport(period: "2026-03"))
        #expect(town.own == want && town.totals == want)
        let county = try #require(net.nodes["county1"]?.latestReport(period: "2026-03"))
        #expect(county.children.map(\.totals) == [want])
        #expect(county.own == ["bodies": 1] && county.totals == ["research_visits": 1, "activity_participants": 12, "bodies": 2])
        let city = try #require(net.nodes["city"]?.latestReport(period: "2026"))
        #expect(city.totals == ["research_visits": 1, "activity_participants": 12, "bodies": 3])
        #expect(net.alerts.isEmpty, "\(net.alerts)")
        let shown = Figures.everyCounter(city.totals)
        #expect(shown.count == Figures.counters.count && shown["proposals_filed"] == 0 && shown["research_visits"] == 1)
    }

    /// The measurement: every record reaches the city and the city's year adds up (so the sizes are of a working
    /// federation); the numbers are printed, not judged (timings and sizes never decide pass/fail).
    @Test func aYearOfRecordsReportSizesAndDatabaseSizes() throws {
        // XS_REPORT_SIZE=CxT measures C counties of T townships (e.g. 1x17, a county of Tongren's size) instead of 2x2.
        let scale = (ProcessInfo.processInfo.environment["XS_REPORT_SIZE"] ?? "2x2").split(separator: "x").compactMap { Int($0) }
        let (counties, towns) = scale.count == 2 && scale.allSatisfy({ (1...20).contains($0) }) ? (scale[0], scale[1]) : (2, 2)
        let net = try ReportSizeNetwork(counties: counties, townsPerCounty: towns)
        var records = 0
        for town in net.towns {
            for event in ReportSizeNetwork.townshipYear(town, county: String(town.split(separator: "-")[0])) {
                net.originate(town, event)
                records += 1
            }
        }
        net.run()
        let year = String(ReportSizeNetwork.year)
        let city = try #require(net.nodes["city"]?.latestReport(period: year))
        #expect(city.subtreeBodies == UInt32(1 + counties * (1 + towns)))
        #expect((city.totals["activity_participants"] ?? 0) > 0 && city.totals["suggestions_made"] == Int64(24 * net.towns.count))

        func reportBytes(_ id: String) -> (count: Int, bytes: Int, latestYear: Int, all: Int, allBytes: Int) {
            let held = net.events(id)
            let events = held.filter { $0.origin == id && $0.kind == EventKind.aggregateReport.protoValue }
            let bytes = events.reduce(0) { $0 + $1.body.count + $1.signature.count }
            let latest = events.last { (try? SignedEvent(body: $0.body, signature: $0.signature).decodedBody())
                .flatMap { try? AggregateReport(serializedBytes: $0.payload) }?.period == year }
            return (events.count, bytes, latest.map { $0.body.count + $0.signature.count } ?? 0,
                    held.count, held.reduce(0) { $0 + $1.body.count + $1.signature.count })
        }
        let town = reportBytes(net.towns[0]), county = reportBytes("county1"), top = reportBytes("city")
        /// A year report's parts: its own and totals maps, and one cited child (for reports of 17 or 10 children).
        func parts(_ id: String) -> String {
            guard let r = net.nodes[id]?.latestReport(period: year) else { return "" }
            var bare = r
            bare.children = []
            let perChild = r.children.isEmpty ? 0 : (r.serializedBytes().count - bare.serializedBytes().count) / r.children.count
            // The same report as it was made before: every counter named in each map, zeros included.
            var before = r
            before.own = Figures.everyCounter(r.own)
            before.totals = Figures.everyCounter(r.totals)
            for i in before.children.indices { before.children[i].totals = Figures.everyCounter(r.children[i].totals) }
            var bareBefore = before
            bareBefore.children = []
            let perChildBefore = r.children.isEmpty ? 0 : (before.serializedBytes().count - bareBefore.serializedBytes().count) / r.children.count
            return "payload \(r.serializedBytes().count) B (own \(r.own.count) figures, totals \(r.totals.count)), per cited child \(perChild) B; "
                + "with every counter named as before \(before.serializedBytes().count) B, per cited child \(perChildBefore) B"
        }
        let report = """
            report sizes after \(records) township records (\(net.towns.count) townships × \(records / net.towns.count)):
              township: latest year report \(town.latestYear) B; own reports \(town.count), \(town.bytes) B; all \(town.all) events held \(town.allBytes) B; \(net.databaseText(net.towns[0]))
              county (\(towns) townships): latest year report \(county.latestYear) B; own reports \(county.count), \(county.bytes) B; all \(county.all) events held \(county.allBytes) B; \(net.databaseText("county1"))
              city (\(counties) counties): latest year report \(top.latestYear) B; own reports \(top.count), \(top.bytes) B; all \(top.all) events held \(top.allBytes) B; \(net.databaseText("city"))
            """
        print(report)
        print("  year payloads:\n    township \(parts(net.towns[0]))\n    county \(parts("county1"))\n    city \(parts("city"))")
        #expect(town.count > 0 && county.count > 0 && top.count > 0)
    }
}

/// A city, its counties and their townships as sans-I/O ``FederationNode``s in this process, each with ``NodeFigures``
/// and its own SQLite file, messages delivered in order and timers fired by ``run()`` (the shape of the federation
/// tests' network, reduced to what a measurement needs: no faults).
final class ReportSizeNetwork {
    /// The year the records are dated in.
    static let year = 2026
    let directory: String
    var nodes: [String: FederationNode] = [:]
    var towns: [String] = []
    private var conns: [ConnectionID: (client: String, server: String)] = [:]
    private var pending: [(ConnectionID, toClient: Bool, FederationMessage)] = []
    private var timers: [String: [FederationTimer: Int64]] = [:]
    private var nextConn: UInt64 = 1
    private(set) var alerts: [Alert] = []
    var now: Int64 = Day(unchecked: 2026, 12, 20).startMsChinaTime

    init(counties: Int, townsPerCounty: Int) throws {
        directory = NSTemporaryDirectory() + "xs-size-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var edges: [(String, String, [String])] = [("city", "city", (1...counties).map { "county\($0)" })]
        for c in 1...counties {
            let ts = (1...townsPerCounty).map { "county\(c)-town\($0)" }
            edges.append(("county\(c)", "county", ts))
            for t in ts { edges.append((t, "township", [])) }
            towns += ts
        }
        var parent: [String: String] = [:]
        for (id, _, children) in edges { for c in children { parent[c] = id } }
        let tiers = Dictionary(uniqueKeysWithValues: edges.map { ($0.0, $0.1) })
        func peer(_ id: String) -> FederationConfig.Peer {
            .init(id: id, publicKey: ReportSizeNetwork.key(id).publicKey, name: id, tier: tiers[id] ?? "")
        }
        var options = FederationOptions()
        options.rollupDebounceMs = 250
        for (id, tier, children) in edges {
            var config = FederationConfig(nodeId: id, privateKey: ReportSizeNetwork.key(id), parent: parent[id].map(peer),
                                          children: children.map(peer), options: options)
            let body = BodyInfo(id: id, name: id, tier: tier, parent: parent[id])
            config.figures = { NodeFigures(body: body) }
            config.sessions = SessionCalendar(dates: [Day(unchecked: 2022, 1, 15)])
            nodes[id] = try FederationNode(config: config, store: try Store(path: directory + "/\(id).db"), seed: 1)
        }
        for (id, _, _) in edges { feed(id, .start) }
        run()
    }

    deinit {
        nodes = [:]
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func key(_ id: String) -> Ed25519.PrivateKey {
        try! Ed25519.PrivateKey(seed: Array(SHA256.hash(Array(id.utf8))))   // a fixed 32-byte seed per node id
    }

    /// Records `event` at `id` and rolls it up through the tree before the next one.
    func originate(_ id: String, _ event: DomainEvent) {
        feed(id, .originate(LocalCommand(kind: event.eventKind, payload: event.payloadBytes(), scope: Route.up.scope)))
        run()
    }

    func feed(_ id: String, _ input: FederationInput) {
        guard let node = nodes[id] else { return }
        for output in node.handle(input, now: now) {
            switch output {
            case .dial(let peer):
                guard nodes[peer] != nil else { feed(id, .dialFailed(peer: peer)); continue }
                let c = ConnectionID(nextConn)
                nextConn += 1
                conns[c] = (id, peer)
                feed(peer, .accepted(c))
                feed(id, .connected(c, peer: peer))
            case .send(let c, let m):
                if let conn = conns[c] { pending.append((c, conn.server == id, m)) }
            case .close(let c, _):
                if let conn = conns.removeValue(forKey: c) { feed(conn.client == id ? conn.server : conn.client, .disconnected(c)) }
            case .setTimer(let t, let at):
                timers[id, default: [:]][t] = at
            case .alert(let a):
                alerts.append(a)
            default:
                break
            }
        }
    }

    /// Delivers every message and fires every timer due within a second, in time order.
    func run() {
        let end = now + 1_000
        while true {
            while !pending.isEmpty {
                let (c, toClient, m) = pending.removeFirst()
                guard let conn = conns[c] else { continue }
                feed(toClient ? conn.client : conn.server, .received(c, m))
            }
            let due = timers.flatMap { id, ts in ts.map { (id, $0.key, $0.value) } }.min { $0.2 < $1.2 }
            guard let (id, timer, at) = due, at <= end else { return }
            timers[id]?[timer] = nil
            now = max(now, at)
            feed(id, .timer(timer))
        }
    }

    func events(_ id: String) -> [StoredEvent] {
        (try? nodes[id]?.store.reader.entries(after: 0, limit: 1_000_000).map(\.event)) ?? []
    }

    /// The node's database file and its WAL, shown apart ("db 1234 B + WAL 567 B").
    func databaseText(_ id: String) -> String {
        let sizes = ["", "-wal"].map { (try? FileManager.default.attributesOfItem(atPath: directory + "/\(id).db" + $0)[.size] as? NSNumber)?.intValue ?? 0 }
        return "db \(sizes[0]) B + WAL \(sizes[1]) B"
    }

    /// A township's year as `xieshang-bench figures` feeds it (FiguresBench.townshipYear): 3 invited members; per
    /// month 8 activities and 2 suggestions (3 of 4 adopted, 1 of 2 closed); 16 opinion reports (10 adopted, 4 of those
    /// forwarded to the county; 6 archived). 189 records.
    static func townshipYear(_ town: String, county: String) -> [DomainEvent] {
        func day(_ m: Int, _ d: Int) -> Day { Day(unchecked: year, m, d) }
        let kinds: [(Activity.Kind, Activity.Form?)] = [(.consultation, .pleaseCome), (.research, nil), (.appraisal, nil),
                                                        (.consultation, .topical), (.welfare, nil), (.training, nil)]
        let members = (1...3).map { "\(town.uppercased())-M\($0)" }
        var out: [DomainEvent] = members.map {
            .member(MemberRecorded(memberID: $0, name: "特邀委员", sector: "特邀", body: town, term: 1, invited: true, effective: day(1, 1)))
        }
        var opinion = 0
        for month in 1...12 {
            for k in 1...8 {
                let (kind, form) = kinds[(month * 8 + k) % kinds.count]
                out.append(.activity(Activity(id: "HD-\(month)-\(k)", kind: kind, form: form, date: day(month, 1 + (k * 7 + month) % 19),
                                              topic: "议题", participants: 8 + (k * 13 + month) % 40,
                                              members: k % 2 == 0 ? [members[0], members[1 + k % 2]] : [members[0]],
                                              appraisal: kind == .appraisal ? .init(targetUnit: "乡镇卫生院", result: .basicallySatisfied) : nil)))
            }
            for j in 1...2 {
                let id = "JY-\(month)-\(j)"
                out.append(.suggestion(SuggestionEvent(id, on: day(month, 20), .made(text: "建议", addressee: "乡镇党委",
                                                                                    activityID: "HD-\(month)-\(j)", members: [members[0]]))))
                if j == 1 || month % 2 == 1 { out.append(.suggestion(SuggestionEvent(id, on: day(month, 25), .adopted(by: "乡镇党委书记", note: "")))) }
                if j == 1 { out.append(.suggestion(SuggestionEvent(id, on: day(month, 28), .closed(note: "已落实")))) }
            }
            for _ in 0..<(month % 3 == 0 ? 2 : 1) where opinion < 16 {
                opinion += 1
                let p = OpinionEvent.Provenance(originBody: town, originReportID: "XX-\(opinion)", author: "联络组", authorKind: .liaisonGroup)
                out.append(.opinion(OpinionEvent(p, at: town, on: day(month, 2), .submitted(title: "情况反映", text: "供水管网老化。"))))
                if opinion <= 10 {
                    out.append(.opinion(OpinionEvent(p, at: town, on: day(month, 4), .adopted(bulletinIssue: "第\(opinion)期"))))
                    if opinion <= 4 {
                        out.append(.opinion(OpinionEvent(p, at: town, on: day(month, 6), .forwarded(toBody: county, toTier: "county",
                                                                                                   title: "情况反映", text: "建议。"))))
                    }
                } else {
                    out.append(.opinion(OpinionEvent(p, at: town, on: day(month, 5), .archived(reason: "重复"))))
                }
            }
        }
        return out
    }
}
