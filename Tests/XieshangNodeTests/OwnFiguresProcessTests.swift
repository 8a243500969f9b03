import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangStore
import XieshangWire

/// #15 item 5 against real node processes: every body's records travel up to the city, the city recomputes each
/// descendant's own figures from them and refuses a report that differs, and it drills from a figure to the signed
/// records behind it.
@Suite(.serialized)
struct OwnFiguresProcessTests {
    /// The rows of an admin query at `id`, decoded.
    static func query(_ fed: LocalFederation, _ id: String, _ type: String, _ filter: [String: String]) async throws -> [[String: Any]] {
        let r = try QueryResponse(serializedBytes: try await fed.call(id, AdminService.query.path,
            QueryRequest(recordType: type, filter: filter).serializedBytes()))
        return try r.rowsJson.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    static var year: String { String(LocalFederation.today().prefix(4)) }

    /// Finding: a township's records stayed at the township (a Submit without `scope: up` was `local`), so no
    /// ancestor could check its figures. Now, with no scope given, each township's records reach the city (held
    /// there under the township's origin, contiguous from seq 1), the city's recomputed own figures of each township
    /// equal the township's latest report, and the drill-down of a figure lists exactly that township's records.
    @Test func townshipRecordsReachTheCityWhichRecomputesTheirFiguresAndDrillsToThem() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 2)
        try await fed.startAll()
        defer { fed.stopAll() }
        let (t1, t2) = ("county1-town1", "county1-town2")
        _ = try await fed.submit(t1, amount: 3)
        _ = try await fed.submit(t1, amount: 4)
        _ = try await fed.submit(t2, amount: 5)
        try await waitUntil("the city counts the townships' research visits", seconds: 60) {
            (try? await fed.totals("city"))?["activity_participants"] == 12
        }
        for (town, visits) in [(t1, 2), (t2, 1)] {
            // Held at the city under the township's origin (contiguous from 1: recordSeqs checks it).
            let held = try await fed.recordSeqs("city", origin: town)
            #expect(held.count == visits, "\(town): \(held)")
            // The city's recomputation equals the township's own report, figure by figure.
            try await waitUntil("\(town)'s report reached the city", seconds: 30) {
                let r = try StatsResponse(serializedBytes: try await fed.call("city", AdminService.stats.path,
                    StatsRequest(period: OwnFiguresProcessTests.year, drill: true).serializedBytes()))
                return r.bodies.first { $0.body == town }?.own["research_visits"] == Int64(visits)
            }
            let r = try StatsResponse(serializedBytes: try await fed.call("city", AdminService.stats.path,
                StatsRequest(period: OwnFiguresProcessTests.year, drill: true).serializedBytes()))
            let reported = try #require(r.bodies.first { $0.body == town }).own
            let recomputed = try #require(try await OwnFiguresProcessTests.query(fed, "city", "recomputed_figures",
                                                                               ["body": town, "period": OwnFiguresProcessTests.year]).first)
            #expect(!recomputed.isEmpty)
            for (name, value) in recomputed {
                #expect((value as? NSNumber)?.int64Value == reported[name] ?? 0, "\(town) \(name): recomputed \(value), reported \(reported[name] ?? 0)")
            }
            // The drill-down lists exactly the township's activity records (origin, seq, hash as the city holds them).
            let rows = try await OwnFiguresProcessTests.query(fed, "city", "figure_records",
                                                            ["body": town, "period": OwnFiguresProcessTests.year, "figure": "research_visits"])
            let listed = Dictionary(uniqueKeysWithValues: rows.map { (UInt64(($0["seq"] as! NSNumber).int64Value), $0["hash"] as! String) })
            #expect(listed == held, "\(town): \(rows)")
            #expect(rows.allSatisfy { $0["origin"] as? String == town && $0["date"] as? String == LocalFederation.today() })
        }
        // The CLI form.
        let cli = try await ProcessRun.run(fed.executable, ["stats", "--records", t1, "--period", OwnFiguresProcessTests.year,
                                                            "--figure", "activity_participants", "--node", fed.member("city").config.adminSocket])
        #expect(cli.status == 0, "\(cli.output)")
        #expect(cli.output.contains("2") && cli.output.components(separatedBy: "\n").filter { $0.contains(t1 + "#") }.count == 2, "\(cli.output)")
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
    }

    /// Finding: a county could sign a report claiming own figures its records do not give (here 9 research visits
    /// with none recorded; its totals add up, so the rollup check passed) and the city summed it. The report is
    /// written into the county's SQLite file while it is down, signed with its real key: the real city refuses it
    /// (`own_mismatch` naming the county, the period and the figure) and its figures stay right.
    @Test func countyReportWithForgedOwnFiguresIsRefusedByTheCity() async throws {
        let fed = try await HostileChildProcessTests.countyStoppedAfterANoteOf5()
        defer { fed.stopAll() }
        let year = OwnFiguresProcessTests.year
        do {
            let key = try KeyFile.load(from: fed.member("county1").config.keyFile)
            let store = try Store(path: fed.member("county1").config.dataDir + "/node.db")
            let own: [String: Int64] = ["research_visits": 9, "bodies": 1]
            let report = AggregateReport(period: year, body: "county1", own: own, totals: own, subtreeBodies: 1)
            let event = try HostileChildProcessTests.next(store, origin: "county1", key: key, kind: .aggregateReport, payload: report.serializedBytes())
            try store.append([StoredEvent(event)])
        }
        try await fed.start("county1")
        try await waitUntil("the city refused the county's forged report with an alert", seconds: 60) {
            try await fed.status("city").alerts.contains { $0.code == "own_mismatch" && $0.subject == "county1" }
        }
        let alert = try #require(try await fed.status("city").alerts.first { $0.code == "own_mismatch" })
        #expect(alert.message.contains(year) && alert.message.contains("research_visits"), "\(alert.message)")
        #expect((try await fed.totals("city"))["activity_participants"] == 5)
        #expect(fed.isRunning("city") && fed.isRunning("county1"))
    }
}
