import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, 界别 on activities with figures per sector and a democratic appraisal's unit and result, through the
/// `xieshang` CLI against real node processes (city, county, township).
@Suite("sectors and appraisals (process acceptance)", .serialized)
struct SectorAppraisalProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    /// A township and its county record sector activities; the county's `stats` per sector shows its own and its
    /// subtree's activities and 人次 (text and `--json`), while the signed figures count each activity once as before.
    /// A 界别协商 without a sector is refused by name and records nothing. The county records democratic appraisals
    /// with their unit and result, refused without a unit, and lists each unit's results for the year.
    @Test("stats per sector at the county counts the township's and its own; appraisals are recorded and listed per unit")
    func sectorFiguresAndAppraisals() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Run.year, town = "county1-town1", county = "county1"
        /// `activity add` at `body` with `words` after the id and topic: exits `status`, its output naming `expected`.
        func refused(_ body: String, _ words: [String], status: Int32 = 1, naming expected: String,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws {
            try await Run.refused(fed, body, ["activity", "add", "--id", "X-0", "--topic", "议题", "--participants", "9"] + words,
                                  status: status, naming: expected, sourceLocation: sourceLocation)
        }

        try await refused(town, ["--kind", "consultation", "--form", "sector", "--date", "\(y)-03-10"], naming: "[activity.sector.required]")
        try await refused(town, ["--kind", "research", "--sectors", "农业界,农业界", "--date", "\(y)-03-10"], naming: "[activity.sector.once]")
        let listed = try await Run.run(fed, town, ["activity", "list", "--json"])
        #expect(listed.status == 0 && !listed.output.contains("X-0"), "nothing recorded on refusal: \(listed.output)")

        try await Run.ok(fed, town, ["activity", "add", "--id", "HD-1", "--kind", "consultation", "--form", "sector", "--topic", "界别协商：茶产业",
                                     "--participants", "20", "--sectors", "农业界,经济界", "--date", "\(y)-03-12"])
        try await Run.ok(fed, county, ["activity", "add", "--id", "HD-C1", "--kind", "research", "--topic", "营商环境调研",
                                       "--participants", "12", "--sectors", "经济界", "--date", "\(y)-04-02"])
        let townList = try await Run.run(fed, town, ["activity", "list"])
        #expect(townList.output.contains("农业界、经济界"), "\(townList.output)")

        func sectors() async throws -> [String: [String: Int]] {
            let r = try await Run.run(fed, county, ["stats", "--period", y, "--json"])
            guard r.status == 0, let o = try JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any],
                  let rows = o["sectors"] as? [[String: Any]] else { return [:] }
            var out: [String: [String: Int]] = [:]
            for row in rows {
                guard let s = row["sector"] as? String else { continue }
                out[s] = row.compactMapValues { $0 as? Int }
            }
            return out
        }
        try await waitUntil("the township's sector activity reaches the county's figures per sector", seconds: 60) {
            try await sectors()["农业界"]?["subtree_activities"] == 1
        }
        let s = try await sectors()
        #expect(s["农业界"] == ["activities": 0, "participants": 0, "subtree_activities": 1, "subtree_participants": 20], "\(s)")
        #expect(s["经济界"] == ["activities": 1, "participants": 12, "subtree_activities": 2, "subtree_participants": 32], "\(s)")
        let text = try await Run.run(fed, county, ["stats", "--period", y])
        #expect(text.status == 0 && text.output.contains("分界别") && text.output.contains("农业界"), "\(text.output)")
        // The signed figures are unchanged by sectors: each activity once, at the body that held it.
        try await waitUntil("the township's consultation reaches the city's totals", seconds: 60) {
            (try await fed.totals("city"))["consultations"] == 1
        }
        let totals = try await fed.totals("city")
        #expect(totals["research_visits"] == 1 && totals["activity_participants"] == 32, "\(totals)")

        // 民主评议: the unit appraised is required; the result is one of 满意 / 基本满意 / 不满意.
        try await refused(county, ["--kind", "appraisal", "--result", "满意", "--date", "\(y)-05-10"], naming: "[activity.appraisal.target]")
        try await refused(county, ["--kind", "appraisal", "--target-unit", "县交通运输局", "--result", "优秀"], status: 2, naming: "--result takes")
        try await refused(county, ["--kind", "inspection", "--target-unit", "县交通运输局", "--date", "\(y)-05-10"], naming: "[activity.appraisal.kind]")
        try await Run.ok(fed, county, ["activity", "add", "--id", "PY-1", "--kind", "appraisal", "--topic", "民主评议：公路养护",
                                       "--participants", "15", "--target-unit", "县交通运输局", "--result", "基本满意", "--date", "\(y)-05-10"])
        try await Run.ok(fed, county, ["activity", "add", "--id", "PY-2", "--kind", "appraisal", "--topic", "民主评议：不动产登记",
                                       "--participants", "11", "--target-unit", "县自然资源局", "--result", "unsatisfied", "--date", "\(y)-06-10"])
        let all = try await Run.run(fed, county, ["activity", "appraisals", "--period", y, "--json"])
        let rows = all.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        // By unit: 县交通运输局 before 县自然资源局 (交 U+4EA4 < 自 U+81EA).
        #expect(rows.map { $0["id"] as? String } == ["PY-1", "PY-2"], "\(all.output)")
        #expect(Set(rows.compactMap { "\($0["target_unit"] ?? "")=\($0["result"] ?? "")" }) == ["县交通运输局=basicallySatisfied", "县自然资源局=unsatisfied"])
        let one = try await Run.run(fed, county, ["activity", "appraisals", "--period", y, "--unit", "县交通运输局"])
        #expect(!(try await Run.run(fed, county, ["activity", "list", "--json"])).output.contains("X-0"), "nothing recorded on refusal")
        #expect(one.status == 0 && one.output.contains("基本满意") && one.output.contains("PY-1") && !one.output.contains("PY-2"), "\(one.output)")
        let badPeriod = try await Run.run(fed, county, ["activity", "appraisals", "--period", "2026-Q9"])
        #expect(badPeriod.status == 2, "\(badPeriod.output)")
    }
}
