import Foundation
import Testing
@testable import XieshangNode
import XieshangDomain
import XieshangTransport
import XieshangWeb
import XieshangWire

/// Issue 18 item 3, the queries: one catalog (``QueryCatalog``) names every admin query, the record type it reads, its
/// filters and its columns; the admin Query dispatches by it alone, refuses a type or a filter it does not declare,
/// and answers rows carrying exactly the declared columns.
@Suite("query catalog", .serialized)
struct QueryCatalogTests {
    @Test("the catalog names each query once, each filter and column once per query, and every record type has a query")
    func catalogIsWellFormed() {
        let names = QueryCatalog.entries.map(\.name)
        #expect(Set(names).count == names.count, "duplicate query names: \(names.filter { n in names.filter { $0 == n }.count > 1 })")
        for q in QueryCatalog.entries {
            #expect(Set(q.columns).count == q.columns.count, "\(q.name) declares a column twice: \(q.columns)")
            #expect(Set(q.filters.map(\.name)).count == q.filters.count, "\(q.name) declares a filter twice")
            #expect(!q.summary.isEmpty && q.filters.allSatisfy { !$0.meaning.isEmpty }, "\(q.name) says what it answers and what its filters mean")
            #expect(!q.columns.isEmpty || q.varying != nil, "\(q.name) declares its columns")
        }
        for type in RecordType.allCases {
            #expect(QueryCatalog.entries.contains { $0.recordType == type }, "no query reads \(type.rawValue) (\(type.zh))")
        }
    }

    @Test("each web record list reads a query of the catalog, and the columns it shows, files and filters by are that query's")
    func webListsReadDeclaredColumns() throws {
        for kind in RecordKind.all {
            let list = try #require(QueryCatalog.entry(kind.query), "\(kind.key) reads \(kind.query), which the catalog does not name")
            #expect(list.recordType == kind.type, "\(kind.key) lists \(kind.type) through \(kind.query), which reads \(String(describing: list.recordType))")
            let used = kind.idColumns + kind.columns + [kind.dateColumn, kind.statusColumn].compactMap { $0 } + Array(kind.valueLabels.keys)
            #expect(used.allSatisfy(list.columns.contains), "\(kind.key) uses \(used.filter { !list.columns.contains($0) }), not columns of \(kind.query)")
            if !kind.detailQuery.isEmpty {
                let detail = try #require(QueryCatalog.entry(kind.detailQuery), "\(kind.key)'s detail query \(kind.detailQuery)")
                #expect(detail.recordType == kind.type, "\(kind.key)'s detail reads \(String(describing: detail.recordType)), not \(kind.type)")
            }
        }
    }

    @Test("a row is checked against its query's columns: one missing, one undeclared, both named")
    func rowMismatchIsNamed() {
        let columns = ["id", "title"]
        #expect(QueryCatalog.mismatch(["id": "1", "title": "t"], columns) == nil)
        #expect(QueryCatalog.mismatch(["id": "1"], columns)?.contains("misses the declared column(s) title") == true)
        let both = QueryCatalog.mismatch(["id": "1", "as_of": "2026-06-30"], columns) ?? ""
        #expect(both.contains("misses the declared column(s) title") && both.contains("carries the undeclared column(s) as_of"), "\(both)")
        #expect(NameHint.closest(to: "proposls", among: QueryCatalog.entries.map(\.name)) == "proposals")
        #expect(NameHint.closest(to: "motions", among: ["proposals"]) == nil)
    }

    static func run(_ fed: LocalFederation, _ node: String, _ args: [String]) async throws -> ProcessRun {
        try await ProcessRun.run(fed.executable, args + ["--node", fed.member(node).config.adminSocket])
    }

    static func answer(_ fed: LocalFederation, _ node: String, _ request: QueryRequest) async throws -> (columns: [String], rows: [[String: Any]]) {
        let r = try QueryResponse(serializedBytes: try await fed.call(node, AdminService.query.path, request.serializedBytes()))
        return (r.columns, try r.rowsJson.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) })
    }

    /// Checks every row of `request`'s answer at `node` carries exactly the query's declared columns (and the
    /// varying ones the answer names); returns the rows.
    @discardableResult
    static func checkColumns(_ fed: LocalFederation, _ node: String, _ request: QueryRequest) async throws -> [[String: Any]] {
        let spec = try #require(QueryCatalog.entry(request.recordType))
        let answer = try await answer(fed, node, request)
        #expect(Array(answer.columns.prefix(spec.columns.count)) == spec.columns, "\(spec.name): the answer's columns are the declared ones")
        if spec.varying == nil { #expect(answer.columns == spec.columns, "\(spec.name) has no varying columns: \(answer.columns)") }
        for row in answer.rows {
            #expect(Set(row.keys) == Set(answer.columns), "\(spec.name) at \(node): row keys \(row.keys.sorted()) ≠ columns \(answer.columns.sorted())")
        }
        return answer.rows
    }

    @Test("every domain and system query answers a node holding a record of each type with rows carrying exactly the declared columns")
    func everyQueryAnswersItsColumns() async throws {
        let fed = try await LocalFederation.cityAndCounty()
        defer { fed.stopAll() }
        let county = "county1"
        let planCSV = """
            编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位
            1,经济发展,推进茶产业高质量发展,专题协商,王副主席,经济委员会,刘科长,2026-06-30,county1

            """
        let planFile = fed.directory + "/plan.csv"
        try planCSV.write(toFile: planFile, atomically: true, encoding: .utf8)
        let steps: [(String, [String])] = [
            ("city", ["plan", "import", planFile, "--plan", "XS-2026", "--year", "2026", "--title", "市政协2026年度协商计划", "--date", "2026-01-15"]),
            ("city", ["plan", "solicit", "XS-2027", "--deadline", "2026-11-30", "--date", "2026-11-01"]),
            ("city", ["plan", "topic", "XS-2027", "--id", "T-01", "--topic", "乡村旅游提质", "--reason", "游客增长快", "--source", "member",
                      "--proposer", "张明", "--date", "2026-11-10"]),
            (county, ["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2026-01-05"]),
            (county, ["policy", "set", "--set", "appraisal_threshold_percent=85", "--effective", "2026-01-06"]),
            (county, ["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "建议设立茶产业基金", "--by", "M1", "--date", "2026-01-10"]),
            (county, ["proposal", "review", "TA-1", "--register", "2026-001", "--date", "2026-01-20"]),
            (county, ["proposal", "assign", "TA-1", "--lead", "县农业农村局", "--date", "2026-02-01"]),
            (county, ["proposal", "reply", "TA-1", "--unit", "县农业农村局", "--class", "A", "--text", "已列入年度计划", "--date", "2026-04-01"]),
            (county, ["proposal", "appraise", "TA-1", "--quarter", "2026-Q2", "--satisfied", "20", "--basic", "6", "--unsatisfied", "9", "--date", "2026-06-28"]),
            (county, ["opinion", "submit", "--id", "XX-1", "--title", "关于农村饮水安全的建议", "--text", "部分村组供水管网老化", "--author", "M1", "--date", "2026-03-02"]),
            (county, ["opinion", "adopt", "XX-1", "--issue", "2026年第3期", "--date", "2026-03-10"]),
            (county, ["opinion", "send-to-department", "XX-1", "--department", "县水务局", "--date", "2026-03-15"]),
            (county, ["activity", "add", "--id", "HD-1", "--kind", "consultation", "--form", "topical", "--topic", "专题协商：茶产业",
                      "--participants", "25", "--members", "M1", "--sectors", "经济界", "--date", "2026-03-01"]),
            (county, ["activity", "add", "--id", "HD-2", "--kind", "research", "--topic", "农村饮水安全调研", "--participants", "8", "--date", "2026-03-05"]),
            (county, ["suggestion", "add", "--id", "JY-1", "--text", "建议设立茶产业基金", "--activity", "HD-1", "--date", "2026-03-01"]),
            (county, ["member", "attendance", "--meeting", "2026-常委会-1", "--present", "M1", "--date", "2026-03-18"]),
            (county, ["station", "add", "GZC", "--name", "高竹村民主协商中心站", "--kind", "village", "--date", "2026-01-05"]),
            (county, ["research", "report", "DY-1", "--activity", "HD-2", "--title", "关于农村饮水安全的调研报告", "--text", "调研发现…", "--date", "2026-04-10"]),
        ]
        for (node, args) in steps {
            let r = try await Self.run(fed, node, args)
            #expect(r.status == 0, "\(node) \(args.prefix(2).joined(separator: " ")): \(r.output)")
        }
        let year = "2026"
        try await waitUntil("the city recomputes the county's figures", seconds: 60) {
            (try? await Self.answer(fed, "city", QueryRequest(recordType: "recomputed_figures", filter: ["body": county, "period": year]))) != nil
        }
        // Where and how each query is asked (default: at the county, no filter); the queries that may answer no row.
        let asked: [String: (node: String, request: QueryRequest)] = [
            "proposal": (county, QueryRequest(recordType: "proposal", id: "TA-1")),
            "research_report": (county, QueryRequest(recordType: "research_report", filter: ["id": "DY-1"])),
            "duty": (county, QueryRequest(recordType: "duty", filter: ["member": "M1", "year": year])),
            "appraisals": (county, QueryRequest(recordType: "appraisals", filter: ["quarter": "2026-Q2"])),
            "units": (county, QueryRequest(recordType: "units", filter: ["period": year])),
            "figure_records": (county, QueryRequest(recordType: "figure_records", filter: ["body": county, "period": year, "figure": "activity_participants"])),
            "recomputed_figures": ("city", QueryRequest(recordType: "recomputed_figures", filter: ["body": county, "period": year])),
            "plans": ("city", QueryRequest(recordType: "plans")), "plan_items": ("city", QueryRequest(recordType: "plan_items")),
            "plan_tree": ("city", QueryRequest(recordType: "plan_tree", filter: ["as_of": "2026-07-01"])),
            "topics": ("city", QueryRequest(recordType: "topics")),
            "sector_figures": (county, QueryRequest(recordType: "sector_figures", filter: ["period": year])),
            "station_figures": (county, QueryRequest(recordType: "station_figures", filter: ["period": year])),
        ]
        let mayBeEmpty: Set<String> = ["problems", "alerts", "activity_appraisals"]
        for spec in QueryCatalog.entries where spec.recordType?.family != .alliance && spec.name != "alliance_problems" {
            let (node, request) = asked[spec.name] ?? (county, QueryRequest(recordType: spec.name))
            let rows = try await Self.checkColumns(fed, node, request)
            if !mayBeEmpty.contains(spec.name) { #expect(!rows.isEmpty, "\(spec.name) at \(node) answers no row") }
        }
        // The columns the answers used to omit are declared now (plan_tree's as_of, units' period and as_of).
        #expect(try await Self.answer(fed, "city", asked["plan_tree"]!.request).columns.contains("as_of"))
        let units = try await Self.answer(fed, county, asked["units"]!.request)
        #expect(units.columns.contains("period") && units.columns.contains("as_of") && units.columns.contains("class_A"), "\(units.columns)")
        #expect(fed.stop(county) == 0)
        #expect(fed.stop("city") == 0)
    }

    @Test("an unknown query type is INVALID_ARGUMENT naming the known ones and the closest; an undeclared filter is INVALID_ARGUMENT naming it and the accepted ones")
    func unknownTypeAndUndeclaredFilterAreRefused() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city")
        func refusal(_ request: QueryRequest) async -> TransportError? {
            await #expect(throws: TransportError.self) { _ = try await fed.call("city", AdminService.query.path, request.serializedBytes()) }
        }
        let unknown = await refusal(QueryRequest(recordType: "proposls"))
        #expect(unknown?.status == .invalidArgument)
        #expect(unknown?.message.contains("unknown record type 'proposls'") == true && unknown?.message.contains("did you mean 'proposals'") == true,
                "\(String(describing: unknown))")
        for name in QueryCatalog.entries.map(\.name) { #expect(unknown?.message.contains(name) == true, "names \(name)") }

        let undeclared = await refusal(QueryRequest(recordType: "units", filter: ["perod": "2026"]))
        #expect(undeclared?.status == .invalidArgument)
        #expect(undeclared?.message.contains("does not take the filter 'perod'") == true && undeclared?.message.contains("did you mean 'period'") == true
                && undeclared?.message.contains("period, as_of") == true, "\(String(describing: undeclared))")
        let none = await refusal(QueryRequest(recordType: "proposals", filter: ["as_of": "2026-06-30"]))
        #expect(none?.message.contains("query proposals does not take the filter 'as_of'") == true && none?.message.contains("takes no filter") == true,
                "\(String(describing: none))")

        // The CLI: --filter passes a declared filter, refuses one without '=' before calling, and shows the node's refusal.
        let node = ["--node", fed.member("city").config.adminSocket]
        let ok = try await ProcessRun.run(fed.executable, ["query", "figures", "--filter", "period=2026"] + node)
        #expect(ok.status == 0 && ok.output.contains("\"period\":\"2026\""), "\(ok.output)")
        let malformed = try await ProcessRun.run(fed.executable, ["query", "figures", "--filter", "period"] + node)
        #expect(malformed.status != 0 && malformed.output.contains("--filter takes NAME=VALUE"), "\(malformed.output)")
        let refused = try await ProcessRun.run(fed.executable, ["query", "origins", "--origin", "city"] + node)
        #expect(refused.status != 0 && refused.output.contains("does not take the filter 'origin'"), "\(refused.output)")
        #expect(fed.stop("city") == 0)
    }

    @Test("xieshang query --help lists every query of the node's catalog with its summary and filters")
    func queryHelpListsTheCatalog() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        let help = try await ProcessRun.run(fed.executable, ["query", "--help"])
        #expect(help.status == 0, "\(help.output)")
        for q in QueryCatalog.entries {
            #expect(help.output.contains(q.name) && help.output.contains(q.summary), "the help lists \(q.name)")
            for f in q.filters { #expect(help.output.contains("--filter \(f.name)=") && help.output.contains(f.meaning), "\(q.name)'s filter \(f.name)") }
        }
    }
}

extension LocalFederation {
    /// A city and its one county, started, the county's link to the city up.
    static func cityAndCounty() async throws -> LocalFederation {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        do {
            try await fed.start("city")
            try await fed.start("county1")
            try await fed.waitParentUp("county1")
        } catch {
            fed.stopAll()
            throw error
        }
        return fed
    }
}
