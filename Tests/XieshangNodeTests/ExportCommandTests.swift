import Foundation
import Testing
import XieshangNode

/// `xieshang export --csv DIR` on real node processes: every file starts with the UTF-8 BOM, parses with Python's
/// csv module with Chinese headers, and a plan exported then imported with `plan import` is the same plan.
@Suite("xieshang export", .serialized)
struct ExportCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Python for the test tools: XIESHANG_PYTHON, else the package's .venv (make venv).
    static func python() throws -> String {
        if let p = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"], FileManager.default.isExecutableFile(atPath: p) { return p }
        let venv = packageRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: venv) else {
            throw LocalFederation.Failure(description: "no Python for the CSV check: set XIESHANG_PYTHON or run make venv")
        }
        return venv
    }

    static func run(_ exe: String, _ args: [String]) async throws -> ProcessRun {
        try await ProcessRun.run(exe, args)
    }

    @Test("export writes BOM-prefixed CSV that Python's csv module reads with Chinese headers; a plan exported and imported again is unchanged")
    func exportParsesAndPlanRoundTrips() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        for id in ["city", "county1", "county2"] { try await fed.start(id) }
        for id in ["county1", "county2"] { try await fed.waitParentUp(id) }
        let city = ["--node", fed.member("city").config.adminSocket]
        let county = ["--node", fed.member("county1").config.adminSocket]
        let planCSV = """
            编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位
            1,经济发展,"推进茶产业高质量发展,打造品牌",专题协商,王副主席,经济委员会,刘科长,2026-06-30,county1
            2,社会民生,保障农村饮水安全,对口协商,李副主席,社会和法制委员会,陈科长,2026-09-30,county1、county2
            3,乡村振兴,农村人居环境整治,请你来协商,张副主席,农业和农村委员会,,2026-10-31,county2

            """
        let dir = fed.directory + "/export"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try planCSV.write(toFile: dir + "/plan.csv", atomically: true, encoding: .utf8)
        for args in [["plan", "import", dir + "/plan.csv", "--plan", "XS-2026", "--year", "2026", "--title", "市政协2026年度协商计划", "--date", "2026-01-15"] + city,
                     ["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2026-01-05"] + county,
                     ["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "建议，一事一案", "--by", "M1", "--date", "2026-01-10"] + county,
                     ["activity", "add", "--id", "HD-1", "--kind", "consultation", "--form", "topical", "--topic", "专题协商：茶产业", "--participants", "25", "--date", "2026-03-01"] + county,
                     ["suggestion", "add", "--id", "JY-1", "--text", "建议设立茶产业基金", "--activity", "HD-1", "--date", "2026-03-01"] + county] {
            let r = try await Self.run(fed.executable, args)
            #expect(r.status == 0, "\(args): \(r.output)")
        }
        let cityOut = dir + "/city", countyOut = dir + "/county"
        #expect(try await Self.run(fed.executable, ["export", "--csv", cityOut] + city).status == 0)
        let exported = try await Self.run(fed.executable, ["export", "--csv", countyOut] + county)
        #expect(exported.status == 0, "\(exported.output)")

        // Every file starts with the BOM and parses with Python's csv module.
        let files = ["members.csv", "proposals.csv", "opinions.csv", "activities.csv", "suggestions.csv", "plan_items.csv",
                     "research.csv", "stations.csv"]
        // The files follow the catalog's exported queries; a body in no alliance gets no alliance files.
        let written = Set((try? FileManager.default.contentsOfDirectory(atPath: countyOut)) ?? [])
        #expect(written.isSuperset(of: files), "\(written.sorted())")
        #expect(written.isDisjoint(with: ["charters.csv", "meetings.csv", "joint_research.csv", "drafts.csv", "joint_proposals.csv"]))
        for f in files.map({ countyOut + "/" + $0 }) + [cityOut + "/plan-XS-2026.csv"] {
            let bytes = try #require(FileManager.default.contents(atPath: f), "\(f) was written")
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(f) starts with the UTF-8 BOM")
        }
        let script = """
            import csv, json, sys
            out = {}
            for path in sys.argv[1:]:
                with open(path, encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.reader(f))
                out[path.rsplit("/", 1)[-1]] = rows
            print(json.dumps(out, ensure_ascii=False))
            """
        let parsed = try await Self.run(try Self.python(), ["-c", script] + files.map { countyOut + "/" + $0 } + [cityOut + "/plan-XS-2026.csv"])
        #expect(parsed.status == 0, "\(parsed.output)")
        let decoded = try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: [[String]]]
        let tables = try #require(decoded, "\(parsed.output)")
        #expect(tables["members.csv"]?.first?.prefix(3) == ["编号", "姓名", "界别"])
        #expect(tables["members.csv"]?.dropFirst().first?.prefix(3) == ["M1", "张明", "经济界"])
        #expect(tables["proposals.csv"]?.dropFirst().first?.contains("建议，一事一案") == false, "the list has no text column")
        #expect(tables["proposals.csv"]?.dropFirst().first?.contains("已提交") == true, "states in Chinese")
        #expect(tables["activities.csv"]?.dropFirst().first?.contains("专题协商：茶产业") == true)
        #expect(tables["suggestions.csv"]?.count == 2)
        let exportedPlan = tables["plan-XS-2026.csv"] ?? []
        #expect(exportedPlan.first == ["编号", "类别", "议题", "协商形式", "牵头领导", "责任部门", "责任人", "完成时限", "承办单位"])
        #expect(exportedPlan.count == 4)
        #expect(exportedPlan.dropFirst().first?[2] == "推进茶产业高质量发展,打造品牌", "a comma inside a field survives")

        // Export then import: the same plan.
        let reimport = try await Self.run(fed.executable, ["plan", "import", cityOut + "/plan-XS-2026.csv", "--plan", "XS-2026-B", "--year", "2026",
                                                     "--title", "市政协2026年度协商计划", "--date", "2026-01-15"] + city)
        #expect(reimport.status == 0, "\(reimport.output)")
        let plans = try await Self.run(fed.executable, ["query", "plans"] + city)
        let items = plans.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        func plan(_ id: String) -> [String] {
            items.filter { $0["plan_id"] as? String == id }.map { item in
                ["item_id", "category", "topic", "form", "lead_leader", "department", "person", "deadline", "assignees", "year", "title"]
                    .map { "\(item[$0] ?? "")" }.joined(separator: "|")
            }
        }
        #expect(plan("XS-2026").count == 3)
        #expect(plan("XS-2026-B") == plan("XS-2026"), "the imported plan has the same items")
        #expect(try await Self.run(fed.executable, ["export", "--csv", dir + "/again"] + city).status == 0)
        #expect(FileManager.default.contents(atPath: dir + "/again/plan-XS-2026-B.csv") == FileManager.default.contents(atPath: cityOut + "/plan-XS-2026.csv"),
                "exporting the imported plan gives the same file")
        for id in ["county1", "county2", "city"] { #expect(fed.stop(id) == 0) }
    }
}
