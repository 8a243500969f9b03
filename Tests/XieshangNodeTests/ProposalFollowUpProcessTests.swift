import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, the proposals side of the seeds' missing practices, through the `xieshang` CLI against real node
/// processes: a key proposal's leader's instruction 批示 and supervision result 督办 reach its proposer, and the
/// key-proposal outcome figures roll up to the city, which recomputes them; a session's 445 proposals imported from CSV
/// (all rows checked first, one transaction); the intake channels and the units' handling table, with their bad
/// arguments refused.
@Suite("proposal follow-up (process acceptance)", .serialized)
struct ProposalFollowUpProcessTests {
    typealias City = ProposalStepsProcessTests.City

    static var year: String { String(LocalFederation.today().prefix(4)) }

    /// Runs `xieshang words… --node <id's socket>`.
    static func run(_ fed: LocalFederation, _ id: String, _ words: [String]) async throws -> ProcessRun {
        try await ProcessRun.run(fed.executable, words + ["--node", fed.member(id).config.adminSocket], environment: ["XIESHANG_NODE": nil])
    }

    static func ok(_ fed: LocalFederation, _ id: String, _ words: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let r = try await run(fed, id, words)
        #expect(r.status == 0, "xieshang \(words.joined(separator: " ")) at \(id): \(r.output)", sourceLocation: sourceLocation)
    }

    /// Issue 18's acceptance: "a key proposal with a leader's instruction whose supervision result reaches the member".
    /// At a county (a real process under a real city): the city's party secretary's instruction and the supervision
    /// steps are recorded on the member's key proposal, and the member reads both on it (`proposal show`); a result
    /// before the unit replied and supervision of a proposal that is not key are refused by name and record nothing.
    /// The county's figures (重点提案 1, 落实 1 of 1, 批示 1, 督办 2) reach the city, which recomputes them from the
    /// county's signed records: equal, and no `own_mismatch`.
    @Test("a key proposal's leader's instruction (批示) and supervision result (督办) reach the member; the outcome figures roll up verified")
    func keyProposalInstructionAndSupervisionReachTheMember() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Self.year, county = "county1"
        func ok(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
            try await Self.ok(fed, county, words, sourceLocation: sourceLocation)
        }
        func refused(_ words: [String], _ rule: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let r = try await Self.run(fed, county, words)
            #expect(r.status == 1 && r.output.contains("[\(rule)]"), "\(words) refused by \(rule): \(r.output)", sourceLocation: sourceLocation)
        }
        try await ok(["member", "add", "--id", "M1", "--name", "委员甲", "--sector", "经济界", "--date", "\(y)-01-02"])
        for id in ["TA-1", "TA-2"] {
            try await ok(["proposal", "submit", "--id", id, "--title", "关于\(id)停车难的建议", "--text", "建议…", "--by", "M1", "--date", "\(y)-01-10"])
            try await ok(["proposal", "review", id, "--register", id, "--date", "\(y)-01-20"])
        }
        try await refused(["proposal", "supervise", "TA-2", "--outcome", "progress", "--note", "已督办", "--date", "\(y)-02-15"],
                          "proposal.supervise.key")
        try await ok(["proposal", "key", "TA-1", "--supervisor", "县政协主席张某", "--date", "\(y)-01-25"])
        try await ok(["proposal", "instruct", "TA-1", "--leader", "市委书记王某", "--level", "city", "--text", "请县住建局牵头办理，按季度报告进展",
                      "--date", "\(y)-01-26"])
        try await ok(["proposal", "assign", "TA-1", "--lead", "县住建局", "--date", "\(y)-02-01"])
        try await ok(["proposal", "supervise", "TA-1", "--outcome", "progress", "--note", "县政协主席张某现场督办", "--date", "\(y)-02-15"])
        try await refused(["proposal", "supervise", "TA-1", "--outcome", "implemented", "--note", "已落实", "--date", "\(y)-03-01"],
                          "proposal.supervise.result")
        try await ok(["proposal", "reply", "TA-1", "--unit", "县住建局", "--class", "A", "--text", "新建停车场一处", "--date", "\(y)-04-01"])
        try await ok(["proposal", "supervise", "TA-1", "--outcome", "implemented", "--note", "停车场已投入使用", "--date", "\(y)-05-20"])

        // The member reads the instruction and the supervision result on their proposal.
        let shown = try await Self.run(fed, county, ["proposal", "show", "TA-1"])
        #expect(shown.status == 0 && shown.output.contains("领导批示") && shown.output.contains("市委书记王某")
                && shown.output.contains("请县住建局牵头办理") && shown.output.contains("督办") && shown.output.contains("已落实")
                && shown.output.contains("停车场已投入使用"), "\(shown.output)")
        let json = try await Self.run(fed, county, ["proposal", "show", "TA-1", "--json"])
        let detail = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any] ?? [:]
        #expect(((detail["supervisions"] as? [[String: Any]]) ?? []).map { $0["outcome"] as? String } == ["inProgress", "implemented"], "\(detail)")
        #expect(((detail["instructions"] as? [[String: Any]]) ?? []).map { $0["leader_level"] as? String } == ["city"], "\(detail)")
        #expect(detail["first_proposer"] as? String == "M1", "\(detail)")

        // The outcome figures roll up to the city, which recomputes them from the county's records.
        let expected: [String: Int64] = ["key_proposals": 1, "key_proposals_implemented_of_marked": 1, "proposals_instructed": 1,
                                         "key_proposals_supervised": 2, "proposals_by_channel.web": 2]
        try await waitUntil("the county's key-proposal figures reach the city", seconds: 60) {
            guard let totals = try? await fed.totals("city") else { return false }
            return expected.allSatisfy { totals[$0.key] == $0.value }
        }
        let recomputed = try #require(try await OwnFiguresProcessTests.query(fed, "city", "recomputed_figures", ["body": county, "period": y]).first)
        for (name, value) in expected {
            #expect((recomputed[name] as? NSNumber)?.int64Value == value, "\(name): \(recomputed)")
        }
        let stats = try await Self.run(fed, "city", ["stats", "--period", y, "--json"])
        #expect(stats.status == 0 && stats.output.contains("key_proposal_implementation_rate"), "\(stats.output)")
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
    }

    /// Issue 18's acceptance: "`xieshang proposal import` of 445 rows checks every row first, then records all of them
    /// in one transaction" (遵义 registered 445). A file with one bad row in the file itself (a date) is refused naming
    /// its line and column before the node is asked; one whose row 101 names a proposer who is not a member passes the
    /// file's checks and is refused by the node's rules naming that row — nothing recorded either time. The fixture then
    /// records 445 proposals as 445 consecutive events of one Submit, entered by the office with their channels, which
    /// the figures split.
    @Test("proposal import of 445 rows: every row checked first, bad rows named by line and column, then all recorded in one transaction")
    func importsASessionsFourHundredFortyFiveProposals() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        let samples = OpsFederationScriptTests.root + "/Ops/samples"
        try await city.ok(["member", "import", samples + "/members-200.csv", "--date", "2026-01-02"])
        let text = try String(contentsOfFile: samples + "/proposals-445.csv", encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let dir = city.fed.dir("city")
        func write(_ name: String, _ change: (inout [String]) -> Void) throws -> String {
            var copy = lines
            change(&copy)
            let path = dir + "/" + name
            try copy.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        func replace(_ l: inout [String], line: Int, column: Int, with value: String) {
            var fields = l[line - 1].components(separatedBy: ",")
            fields[column] = value
            l[line - 1] = fields.joined(separator: ",")
        }
        let badDate = try write("bad-date.csv") { replace(&$0, line: 10, column: 8, with: "2026-02-30") }
        let r1 = try await city.run(["proposal", "import", badDate])
        #expect(r1.status == 1 && r1.output.contains("第 10 行") && r1.output.contains("“提交日期”列") && r1.output.contains("import.rows"), "\(r1.output)")
        let notMember = try write("not-member.csv") { replace(&$0, line: 101, column: 4, with: "M999") }
        let r2 = try await city.run(["proposal", "import", notMember])
        #expect(r2.status == 1 && r2.output.contains("command 100 of 445") && r2.output.contains("[proposal.submit.member]")
                && r2.output.contains("nothing was recorded") && r2.output.contains("第 N 个提案行"), "\(r2.output)")
        #expect(try await city.rows(["proposal", "list"]).isEmpty)
        let missing = try await city.run(["proposal", "import", dir + "/none.csv"])
        #expect(missing.status == 2 && missing.output.contains("cannot read"), "\(missing.output)")

        let imported = try await city.run(["proposal", "import", samples + "/proposals-445.csv", "--json"])
        #expect(imported.status == 0, "\(imported.output)")
        let response = try JSONSerialization.jsonObject(with: Data(imported.output.utf8)) as? [String: Any] ?? [:]
        let seqs = ((response["seqs"] as? [Any]) ?? []).compactMap { ($0 as? NSNumber)?.int64Value ?? Int64("\($0)") }
        #expect(seqs.count == 445 && zip(seqs, seqs.dropFirst()).allSatisfy { $1 == $0 + 1 }, "one Submit, 445 consecutive events: \(response)")
        let listed = try await city.rows(["proposal", "list"])
        #expect(listed.count == 445 && listed.allSatisfy { $0["status"] as? String == "submitted" })
        let figures = try #require(try await OwnFiguresProcessTests.query(city.fed, "city", "figures", ["period": "2026"]).first)
        let byChannel = (figures["proposalsByChannel"] as? [String: Any] ?? [:]).mapValues { ($0 as? NSNumber)?.intValue ?? 0 }
        #expect(figures["proposalsFiled"] as? Int == 445 && byChannel.values.reduce(0, +) == 445 && byChannel["web"] == nil
                && byChannel["paper"] == 90 && byChannel["session"] == 266 && byChannel["chatGroup"] == 89, "\(figures)")
        let shown = try await city.json(["proposal", "show", "ZY-2026-002"])
        #expect(shown["channel"] as? String == "session" && shown["first_proposer"] as? String == "M162", "\(shown)")
    }

    /// The new arguments of the proposal and opinion groups refuse bad values with a usage error (exit 2) naming the
    /// argument, before anything reaches the node; the units' table prints as a table, as JSON and as CSV for Excel.
    @Test("proposal instruct, supervise, units and --channel: bad arguments refused; the units' table as text, JSON and CSV")
    func newArgumentsAndTheUnitsTable() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1"])
        for (words, named) in [
            (["proposal", "submit", "--id", "TA-9", "--title", "t", "--text", "x", "--by", "M1", "--channel", "fax"], "--channel"),
            (["proposal", "instruct", "TA-1", "--leader", "市长", "--level", "galaxy", "--text", "办"], "--level"),
            (["proposal", "instruct", "TA-1", "--leader", "市长", "--level", "city"], "--text"),
            (["proposal", "supervise", "TA-1", "--outcome", "maybe", "--note", "n"], "--outcome"),
            (["proposal", "units", "--as-of", "someday"], "--as-of"),
            (["opinion", "submit", "--id", "R1", "--title", "t", "--text", "x", "--author", "M1", "--channel", "pigeon"], "--channel"),
        ] {
            let r = try await city.run(words)
            #expect(r.status == 2 && r.output.contains(named), "\(words): \(r.output)")
        }
        let badPeriod = try await city.run(["proposal", "units", "--period", "2026-Q9"])
        #expect(badPeriod.status != 0 && badPeriod.output.contains("period"), "\(badPeriod.output)")
        #expect(try await city.rows(["proposal", "list"]).isEmpty)

        // Paper: entered by the office on the proposer's behalf.
        try await city.ok(["proposal", "submit", "--id", "TA-1", "--title", "关于路灯的建议", "--text", "建议…", "--by", "M1",
                           "--channel", "paper", "--date", "2026-01-10"])
        try await city.ok(["proposal", "review", "TA-1", "--register", "1", "--date", "2026-01-20"])
        try await city.ok(["proposal", "assign", "TA-1", "--split", "市住建局,市交通局", "--date", "2026-02-01"])
        try await city.ok(["proposal", "reply", "TA-1", "--unit", "市住建局", "--class", "B", "--text", "已列入计划", "--date", "2026-04-01"])
        let rows = try await city.rows(["proposal", "units", "--period", "2026", "--as-of", "2026-06-01"])
        #expect(rows.map { $0["unit"] as? String } == ["市交通局", "市住建局"], "\(rows)")
        #expect(rows.first?["overdue"] as? Int == 1 && rows.last?["replied_on_time"] as? Int == 1 && rows.last?["class_B"] as? Int == 1, "\(rows)")
        let table = try await city.run(["proposal", "units", "--period", "2026", "--as-of", "2026-06-01"])
        #expect(table.status == 0 && table.output.contains("承办单位") && table.output.contains("逾期未答复") && table.output.contains("答复B类"),
                "\(table.output)")
        let csv = try await city.run(["proposal", "units", "--period", "2026", "--as-of", "2026-06-01", "--csv"])
        let csvLines = csv.output.split(whereSeparator: \.isNewline)  // CRLF, as Excel writes
        #expect(csv.status == 0 && csvLines.count == 3 && csvLines[0].contains("承办单位,交办件数") && csvLines[2].hasPrefix("市住建局,1,1,1,0,0"),
                "\(csv.output)")
        let shown = try await city.run(["proposal", "show", "TA-1"])
        #expect(shown.output.contains("受理渠道") && shown.output.contains("纸质"), "\(shown.output)")
        #expect(city.fed.stop("city") == 0)
    }

    /// Issue 18's acceptance: "an opinion report sent by 直通车 from a township to the city with provenance". On real
    /// processes (city, county, township): the township sends a report straight to the city, skipping the county; the
    /// city lists it with the township as origin body and the original id and author, the county holds no copy, and the
    /// city's checks of both bodies' figures find nothing wrong. Sending straight to the parent is refused by name, and
    /// `--direct` without `--to` and `--tier` is a usage error.
    @Test("直通车: an opinion report sent straight from a township to the city, skipping the county, provenance kept")
    func opinionReportSentStraightFromATownshipToTheCity() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let town = "county1-town1", y = Self.year
        try await Self.ok(fed, town, ["member", "add", "--id", "t1", "--name", "委员乙", "--sector", "农业界", "--date", "\(y)-01-02"])
        try await Self.ok(fed, town, ["opinion", "submit", "--id", "R1", "--title", "关于山区学生上学交通安全的建议", "--text", "敖寨乡……",
                                      "--author", "t1", "--channel", "chat", "--date", "\(y)-03-02"])
        let toParent = try await Self.run(fed, town, ["opinion", "forward", "R1", "--direct", "--to", "county1", "--tier", "county",
                                                      "--text", "（直通稿）", "--date", "\(y)-03-03"])
        #expect(toParent.status == 1 && toParent.output.contains("[opinion.forward.direct]"), "\(toParent.output)")
        let noTier = try await Self.run(fed, town, ["opinion", "forward", "R1", "--direct", "--to", "city", "--text", "（直通稿）"])
        #expect(noTier.status == 2 && noTier.output.contains("--tier"), "\(noTier.output)")
        try await Self.ok(fed, town, ["opinion", "forward", "R1", "--direct", "--to", "city", "--tier", "city", "--text", "（直通稿）",
                                      "--date", "\(y)-03-03"])
        func reports(_ id: String) async throws -> [[String: Any]] {
            let r = try await Self.run(fed, id, ["opinion", "list", "--json"])
            return r.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        try await waitUntil("the city holds the township's report", seconds: 60) {
            try await reports("city").contains { $0["origin_report_id"] as? String == "R1" }
        }
        let atCity = try #require(try await reports("city").first)
        #expect(atCity["origin_body"] as? String == town && atCity["author"] as? String == "t1" && atCity["status"] as? String == "submitted",
                "\(atCity)")
        #expect(try await reports("county1").isEmpty)
        let atTown = try #require(try await reports(town).first)
        #expect(atTown["forwarded_to"] as? String == "city", "\(atTown)")
        try await waitUntil("the city counts the report received and the township's report sent", seconds: 60) {
            let totals = try await fed.totals("city")
            return totals["opinions_received"] == 2 && totals["opinions_forwarded"] == 1 && totals["opinions_by_channel.chatGroup"] == 1
        }
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
    }
}
