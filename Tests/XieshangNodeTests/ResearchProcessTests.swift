import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18 item 2, research and inspection reports 调研视察报告 with 批示 and 成果转化, through the `xieshang` CLI against
/// real node processes (city, county, township).
@Suite("research and inspection reports (process acceptance)", .serialized)
struct ResearchProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    /// A township's inspection report is instructed and turned into an opinion report; each bad argument or broken rule is
    /// refused by name and records nothing; `research list` and `research show` read it back; the county's and the city's
    /// totals count the report, its instruction and its conversion once (the county's own figures not at all).
    @Test("a township's inspection report is instructed and converted into an opinion report; county and city count it once")
    func inspectionReportInstructedAndConverted() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Run.year, town = "county1-town1", county = "county1"
        /// `research WORDS` at the township: exits `status`, its output naming `expected`.
        func refused(_ words: [String], status: Int32 = 1, naming expected: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let r = try await Run.run(fed, town, ["research"] + words)
            #expect(r.status == status && r.output.contains(expected), "research \(words): \(r.output)", sourceLocation: sourceLocation)
        }

        try await Run.ok(fed, town, ["activity", "add", "--id", "SC-1", "--kind", "inspection", "--topic", "农村饮水安全视察",
                                     "--participants", "9", "--date", "\(y)-03-10"])
        try await Run.ok(fed, town, ["activity", "add", "--id", "XS-1", "--kind", "consultation", "--form", "topical", "--topic", "协商",
                                     "--participants", "9", "--date", "\(y)-03-10"])
        let report = ["report", "SC-R1", "--activity", "SC-1", "--title", "关于农村饮水安全的视察报告", "--text", "视察发现……", "--date", "\(y)-03-15"]
        try await refused(["report", "SC-R1", "--activity", "NONE", "--title", "t", "--text", "x", "--date", "\(y)-03-15"], naming: "[research.activity]")
        try await refused(["report", "SC-R1", "--activity", "XS-1", "--title", "t", "--text", "x", "--date", "\(y)-03-15"], naming: "[research.activity.kind]")
        try await refused(["report", "SC-R1", "--activity", "SC-1", "--text", "x"], status: 2, naming: "missing --title")
        try await refused(["report", "--activity", "SC-1", "--title", "t", "--text", "x"], status: 2, naming: "missing ID")
        try await refused(["report", "SC-R1", "--activity", "SC-1", "--title", "t", "--text", "x", "--date", "\(y)-02-30"], status: 2, naming: "--date")
        try await refused(["report", "SC-R1", "--activity", "SC-1", "--title", "t", "--text", "x", "--date", "\(y)-03-01"], naming: "[research.date.activity]")
        try await refused(["report", "SC-R1", "--activity", "SC-1", "--title", "t", "--text", "x", "--colour", "red"], status: 2, naming: "unknown option")
        let empty = try await Run.run(fed, town, ["research", "reports", "--json"])
        #expect(empty.status == 0 && !empty.output.contains("SC-R1"), "nothing recorded on refusal: \(empty.output)")

        try await Run.ok(fed, town, ["research"] + report)
        try await refused(report, naming: "[research.id.unique]")

        // 批示: the level is one of the known ones; the report must exist.
        try await refused(["instruction", "SC-R1", "--leader", "乡党委书记", "--level", "村委", "--text", "抓落实"], naming: "[research.instruction.level]")
        try await refused(["instruction", "NONE", "--leader", "乡党委书记", "--level", "乡镇党委", "--text", "抓落实"], naming: "[research.exists]")
        try await refused(["instruction", "SC-R1", "--leader", "乡党委书记", "--text", "抓落实"], status: 2, naming: "missing --level")
        try await Run.ok(fed, town, ["research", "instruction", "SC-R1", "--leader", "乡党委书记王五", "--level", "乡镇党委",
                                     "--text", "请乡水利站抓好落实", "--date", "\(y)-03-20"])

        // 成果转化: into an opinion report of this body (a township holds no proposals).
        try await refused(["convert", "SC-R1", "XX-9", "--to", "opinion", "--date", "\(y)-03-25"], naming: "[research.convert.opinion]")
        try await refused(["convert", "SC-R1", "P-1", "--to", "proposal", "--date", "\(y)-03-25"], naming: "[research.convert.proposal]")
        try await refused(["convert", "SC-R1", "XX-9", "--to", "letter"], status: 2, naming: "--to takes")
        try await refused(["convert", "SC-R1", "--to", "opinion"], status: 2, naming: "missing TARGET")
        try await Run.ok(fed, town, ["opinion", "submit", "--id", "XX-9", "--title", "关于农村饮水安全的建议", "--text", "……", "--author", "乡联络组",
                                     "--author-kind", "group", "--date", "\(y)-03-24"])
        try await Run.ok(fed, town, ["research", "convert", "SC-R1", "XX-9", "--to", "opinion", "--date", "\(y)-03-25"])
        try await refused(["convert", "SC-R1", "XX-9", "--to", "opinion", "--date", "\(y)-03-26"], naming: "[research.convert.once]")

        let list = try await Run.run(fed, town, ["research", "reports"])
        // `research list` is still the alliance's joint research (none here), never the reports.
        let joint = try await Run.run(fed, town, ["research", "list"])
        #expect(joint.status == 0 && !joint.output.contains("SC-R1"), "\(joint.output)")
        #expect(list.status == 0 && list.output.contains("SC-R1") && list.output.contains("视察") && list.output.contains("社情民意信息：XX-9"), "\(list.output)")
        let show = try await Run.run(fed, town, ["research", "show", "SC-R1"])
        #expect(show.status == 0 && show.output.contains("乡党委书记王五") && show.output.contains("请乡水利站抓好落实")
                && show.output.contains("社情民意信息") && show.output.contains("视察发现"), "\(show.output)")
        let exported = try await Run.run(fed, town, ["export", "--csv", fed.directory + "/export-town"])
        let csv = (try? String(contentsOfFile: fed.directory + "/export-town/research.csv", encoding: .utf8)) ?? ""
        #expect(exported.status == 0 && csv.contains("报告日期") && csv.contains("SC-R1") && csv.contains("社情民意信息：XX-9"), "\(exported.output) \(csv)")
        let missing = try await Run.run(fed, town, ["research", "show", "NONE"])
        #expect(missing.status != 0 && missing.output.contains("research.exists"), "\(missing.output)")

        // Figures: once at the township (own), once in the county's and the city's totals, never in the county's own.
        func counted(_ t: [String: Int64]) -> Bool {
            t["inspection_reports"] == 1 && t["research_reports_instructed"] == 1 && t["research_converted_to_opinions"] == 1
        }
        try await waitUntil("the township's report reaches the city's totals", seconds: 60) { counted(try await fed.totals("city")) }
        let city = try await fed.totals("city"), countyTotals = try await fed.totals(county)
        #expect(counted(city) && counted(countyTotals), "city \(city), county \(countyTotals)")
        #expect((city["research_reports"] ?? 0) == 0 && (city["research_converted_to_advice"] ?? 0) == 0, "\(city)")
        let own = try await Run.run(fed, county, ["query", "figures", "--json"])
        #expect(own.status == 0 && own.output.contains("\"inspectionReports\":0"), "\(own.output)")
        let stats = try await Run.run(fed, "city", ["stats", "--period", y])
        #expect(stats.status == 0 && stats.output.contains("视察报告") && stats.output.contains("成果转化为社情民意信息"), "\(stats.output)")
    }
}
