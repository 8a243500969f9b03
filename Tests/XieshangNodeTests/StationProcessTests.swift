import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, item 2: sub-body units as data (赤水's four-level platform) through the `xieshang` CLI and the web against
/// real node processes (city, county, township): a township registers a village station and a group point under it,
/// records activities at them, and the county and the city see the per-unit breakdown with the township's records,
/// while the signed figures count each activity once.
@Suite("sub-body units (process acceptance)", .serialized)
struct StationProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    /// JSON lines of a `--json` listing.
    static func rows(_ output: String) -> [[String: Any]] {
        output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test("a township's village station and group point: refusals by name, the breakdown at the county and the city, counted once")
    func unitsTravelUpAndCountOnce() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Run.year, town = "county1-town1", county = "county1"
        func refused(_ body: String, _ words: [String], status: Int32 = 1, naming expected: String,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws {
            try await Run.refused(fed, body, words, status: status, naming: expected, sourceLocation: sourceLocation)
        }

        try await Run.ok(fed, town, ["station", "add", "GZC", "--name", "高竹村民主协商中心站", "--kind", "village", "--date", "\(y)-01-05"])
        try await Run.ok(fed, town, ["station", "add", "GZC-JZL", "--name", "金竹林组民主协商中心点", "--kind", "组民主协商中心点",
                                     "--parent", "GZC", "--date", "\(y)-01-05"])
        try await Run.ok(fed, town, ["station", "add", "LK", "--name", "龙坑村民主协商中心站", "--kind", "village", "--date", "\(y)-01-05"])
        // Bad arguments (2) and broken rules (1, named), nothing recorded.
        try await refused(town, ["station", "add", "X1", "--name", "某站", "--kind", "hamlet"], status: 2, naming: "--kind takes")
        try await refused(town, ["station", "add", "X1", "--kind", "village"], status: 2, naming: "--name")
        try await refused(town, ["station", "add", "X1", "--name", "某站", "--kind", "village", "--date", "\(y)-13-01"], status: 2, naming: "date")
        try await refused(town, ["station", "retire", "LK"], status: 2, naming: "--date")
        try await refused(town, ["station", "add", "高竹", "--name", "某站", "--kind", "village"], naming: "[station.id]")
        try await refused(town, ["station", "add", "GZC", "--name", "某站", "--kind", "village"], naming: "[station.id.unique]")
        try await refused(town, ["station", "add", "X1", "--name", "二组", "--kind", "group"], naming: "[station.parent.required]")
        try await refused(town, ["station", "add", "X1", "--name", "二组", "--kind", "group", "--parent", "NONE"], naming: "[station.parent.unknown]")
        try await refused(town, ["station", "add", "X1", "--name", "中心户", "--kind", "household", "--parent", "GZC"], naming: "[station.parent.kind]")
        try await refused(town, ["station", "add", "X1", "--name", "二组", "--kind", "group", "--parent", "X1"], naming: "[station.parent.self]")
        try await refused(town, ["station", "retire", "GZC", "--date", "\(y)-02-01"], naming: "[station.retire.children]")
        try await refused(town, ["station", "figures", "--period", "\(y)-Q9"], status: 2, naming: "--period")
        try await refused(town, ["station", "list", "--body", "nowhere"], naming: "station.body")
        let listed = try await Run.run(fed, town, ["station", "list", "--json"])
        #expect(Self.rows(listed.output).compactMap { $0["id"] as? String } == ["GZC", "GZC-JZL", "LK"], "\(listed.output)")
        let text = try await Run.run(fed, town, ["station", "list"])
        #expect(text.status == 0 && text.output.contains("组民主协商中心点") && text.output.contains("  金竹林组"), "\(text.output)")

        // Activities at the units, and one at the township itself.
        func activity(_ id: String, _ participants: Int, at station: String?, on date: String) -> [String] {
            ["activity", "add", "--id", id, "--kind", "consultation", "--form", "topical", "--topic", "议题\(id)",
             "--participants", String(participants), "--date", date] + (station.map { ["--station", $0] } ?? [])
        }
        try await Run.ok(fed, town, activity("HD-1", 30, at: "GZC", on: "\(y)-02-10"))
        try await Run.ok(fed, town, activity("HD-2", 20, at: "GZC-JZL", on: "\(y)-02-12"))
        try await Run.ok(fed, town, activity("HD-3", 40, at: nil, on: "\(y)-02-14"))
        try await Run.ok(fed, town, ["station", "retire", "LK", "--date", "\(y)-02-28", "--reason", "并村"])
        try await refused(town, activity("X-1", 5, at: "NONE", on: "\(y)-03-01"), naming: "[activity.station.unknown]")
        try await refused(town, activity("X-2", 5, at: "LK", on: "\(y)-03-01"), naming: "[activity.station.retired]")
        try await refused(town, activity("X-3", 5, at: "GZC", on: "\(y)-01-04"), naming: "[activity.station.notYet]")
        let acts = try await Run.run(fed, town, ["activity", "list", "--json"])
        #expect(Self.rows(acts.output).compactMap { $0["id"] as? String }.sorted() == ["HD-1", "HD-2", "HD-3"], "nothing recorded: \(acts.output)")

        /// The breakdown of the township at `body`: station → [activities, participants, total_activities, total_participants].
        func breakdown(_ body: String) async throws -> [String: [Int]] {
            let r = try await Run.run(fed, body, ["station", "figures", "--period", y, "--body", town, "--json"])
            var out: [String: [Int]] = [:]
            for row in Self.rows(r.output) {
                guard let s = row["station"] as? String else { continue }
                out[s] = ["activities", "participants", "total_activities", "total_participants"].map { row[$0] as? Int ?? -1 }
            }
            return out
        }
        let expected: [String: [Int]] = ["": [1, 40, 3, 90], "GZC": [1, 30, 2, 50], "GZC-JZL": [1, 20, 1, 20], "LK": [0, 0, 0, 0]]
        #expect(try await breakdown(town) == expected)
        for body in [county, "city"] {
            try await waitUntil("the township's units and activities reach \(body)", seconds: 60) {
                try await breakdown(body) == expected
            }
            // The signed figures count each activity once, at the township: 3 consultations, 90 人次.
            try await waitUntil("\(body)'s totals count the township's activities once", seconds: 60) {
                let t = try await fed.totals(body)
                return t["consultations"] == 3 && t["activity_participants"] == 90
            }
            let list = try await Run.run(fed, body, ["station", "list", "--body", town, "--json"])
            let lk = Self.rows(list.output).first { $0["id"] as? String == "LK" }
            #expect(lk?["retired_on"] as? String == "\(y)-02-28", "\(list.output)")
        }
        // Without --body the county lists its own (none) and its township's; the text names the unit kinds in Chinese.
        let all = try await Run.run(fed, county, ["station", "figures", "--period", y])
        #expect(all.status == 0 && all.output.contains("本级（未在站点）") && all.output.contains("村(社区)民主协商中心站")
                && all.output.contains(town), "\(all.output)")
        let totals = try await fed.totals("city")
        #expect(totals["consultations"] == 3, "\(totals)")
    }

    /// The township's activity form in Chromium: the unit is a choice; a retired unit after its last day is refused with
    /// the rule's message next to the form (nothing recorded), a working unit records the activity there; the
    /// township's dashboard shows the breakdown per unit.
    @Test("the activity form's unit in Chromium: a retired unit is refused next to the form, a working one records")
    func theWebFormChoosesTheUnit() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1"
        let port = try fed.serveWeb(town)
        let dir = fed.dir(town)
        try await fed.startAll()
        let y = Run.year, today = LocalFederation.today()
        try await Run.ok(fed, town, ["station", "add", "GZC", "--name", "高竹村民主协商中心站", "--kind", "village", "--date", "\(y)-01-01"])
        try await Run.ok(fed, town, ["station", "add", "GZC-JZL", "--name", "金竹林组民主协商中心点", "--kind", "group",
                                     "--parent", "GZC", "--date", "\(y)-01-01"])
        try await Run.ok(fed, town, ["station", "retire", "GZC-JZL", "--date", "\(y)-01-01"])
        let base = "https://127.0.0.1:\(port)"
        let clerk = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(town).config.adminSocket, base: base,
                                               certificate: dir + "/web.crt", directory: dir, username: "wenshu", role: "clerk")
        // Abuse by hand: a unit not registered here (not one of the choices) is the rule's refusal too (422).
        let forged = try await clerk.post("/forms/activity", [("id", "HD-F"), ("kind", "research"), ("date", today), ("topic", "调研"),
                                                              ("participants", "5"), ("station", "NOWHERE")])
        #expect(forged.status == 422 && forged.body.contains("data-refusal") && forged.body.contains("NOWHERE"), "\(forged.status) \(forged.body.prefix(2000))")
        let fields: [String: String] = ["id": "HD-W1", "kind": "consultation", "form": "topical", "date": today, "topic": "古民居修缮协商",
                                        "participants": "20"]
        let steps: [[String: Any]] = [
            ["user": "wenshu", "path": "/forms/activity", "form": "form.entry", "fields": fields.merging(["station": "GZC-JZL"]) { $1 }],
            ["user": "wenshu", "path": "/forms/activity", "form": "form.entry", "fields": fields.merging(["station": "GZC"]) { $1 }],
            ["user": "wenshu", "path": "/figures"],
        ]
        let plan: [String: Any] = ["base": base, "spki": try await WebClient.spki(dir + "/web.crt"), "profile": dir + "/chromium",
                                   "users": ["wenshu": WebClient.password], "steps": steps, "walk": [String](), "maxPages": 1]
        let run = try await ProcessRun.run(try ExportCommandTests.python(), [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_walk.py"],
                                           input: String(decoding: try JSONSerialization.data(withJSONObject: plan), as: UTF8.self))
        #expect(run.status == 0, "web_walk.py: \(run.output.suffix(3000))")
        let results = ((try? JSONSerialization.jsonObject(with: Data(run.output.utf8))) as? [String: Any])?["steps"] as? [[String: Any]] ?? []
        func text(_ i: Int) -> String { results.indices.contains(i) ? (results[i]["text"] as? String ?? "") : "" }
        func url(_ i: Int) -> String { results.indices.contains(i) ? (results[i]["url"] as? String ?? "") : "" }
        #expect(url(0).hasSuffix("/forms/activity") && text(0).contains("已于 \(y)-01-01 撤销"),
                "refused next to the form: \(url(0)) \(text(0))")
        #expect(url(1).contains("/records/activities/HD-W1") && text(1).contains("GZC"), "recorded at the unit: \(url(1)) \(text(1))")
        #expect(text(2).contains("分站点活动") && text(2).contains("高竹村民主协商中心站"), "the dashboard's breakdown: \(text(2))")
        let r = try await Run.run(fed, town, ["station", "figures", "--json"])
        let gzc = Self.rows(r.output).first { $0["station"] as? String == "GZC" }
        #expect(gzc?["activities"] as? Int == 1 && gzc?["participants"] as? Int == 20, "\(r.output)")
        let acts = try await Run.run(fed, town, ["activity", "list", "--json"])
        #expect(Self.rows(acts.output).compactMap { $0["id"] as? String } == ["HD-W1"], "nothing else recorded: \(acts.output)")
    }
}

extension ProposalFollowUpProcessTests {
    /// `xieshang words…` at `body` exits `status` (1: a rule's refusal, 2: a bad command line), its output naming `expected`.
    static func refused(_ fed: LocalFederation, _ body: String, _ words: [String], status: Int32 = 1, naming expected: String,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let r = try await run(fed, body, words)
        #expect(r.status == status && r.output.contains(expected), "\(words): \(r.output)", sourceLocation: sourceLocation)
    }
}
