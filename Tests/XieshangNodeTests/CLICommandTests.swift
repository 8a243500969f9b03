import Foundation
import Testing
import XieshangNode

/// The `xieshang` command line as an operator meets it: every command and subcommand answers `--help` with an
/// example, and each kind of bad input gives its message and exit code (2 usage, 1 refused by a rule, 3 node not
/// running) — against real node processes.
@Suite("xieshang CLI", .serialized)
struct CLICommandTests {
    typealias Run = ProcessRun

    /// Runs the built `xieshang` with `args` (XIESHANG_NODE unset, so --node decides), `env` added, `input` on stdin.
    static func run(_ args: [String], env: [String: String] = [:], input: String? = nil) async throws -> Run {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang is not built") }
        var environment: [String: String?] = ["XIESHANG_NODE": nil]
        for (k, v) in env { environment[k] = v }
        return try await ProcessRun.run(exe, args, environment: environment, input: input)
    }

    @Test("every command and every subcommand answers --help with exit 0; record commands show an example")
    func everyHelpWorks() async throws {
        let top = try await Self.run(["--help"])
        #expect(top.status == 0)
        let commands = top.output.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        for expected in ["init", "node", "status", "member", "activity", "suggestion", "proposal", "opinion", "plan", "stats", "report", "export", "demo", "approve", "return"] {
            #expect(commands.contains(expected), "xieshang --help lists \(expected)")
        }
        var subcommands = 0
        for command in commands {
            let help = try await Self.run([command, "--help"])
            #expect(help.status == 0, "xieshang \(command) --help: \(help.output)")
            #expect(help.output.contains("usage"), "xieshang \(command) --help prints a usage")
            // A group lists its subcommands as <a|b|c>.
            guard let line = help.output.split(separator: "\n").first, line.hasPrefix("usage: xieshang \(command) <"),
                  let open = line.firstIndex(of: "<"), let close = line.firstIndex(of: ">") else { continue }
            for sub in line[line.index(after: open)..<close].split(separator: "|") {
                let r = try await Self.run([command, String(sub), "--help"])
                #expect(r.status == 0, "xieshang \(command) \(sub) --help: \(r.output)")
                #expect(r.output.contains("example:\n  xieshang \(command) \(sub)"), "xieshang \(command) \(sub) --help has an example")
                subcommands += 1
            }
        }
        #expect(subcommands >= 30, "member 3, activity 2, suggestion 4, proposal 11, opinion 6, plan 5")
        for command in ["stats", "report", "export", "approve", "return"] {
            #expect(try await Self.run([command, "--help"]).output.contains("example:\n  xieshang \(command)"))
        }
    }

    @Test("bad inputs: unknown command and subcommand (with a suggestion), missing argument, invalid date, unknown proposal id, a transition the rules forbid, node not running")
    func badInputsGiveTheirMessageAndExitCode() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city")
        try await fed.start("county1")
        try await fed.waitParentUp("county1")
        let node = ["--node", fed.member("county1").config.adminSocket]
        // A member and a registered proposal to break rules on.
        for args in [["member", "add", "--id", "M1", "--name", "张明", "--sector", "经济界", "--date", "2026-01-05"],
                     ["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "建议…", "--by", "M1", "--date", "2026-01-10"],
                     ["proposal", "review", "TA-1", "--register", "2026-1", "--date", "2026-01-20"]] {
            let r = try await Self.run(args + node)
            #expect(r.status == 0, "\(args): \(r.output)")
            #expect(r.output.contains("已记录"), "\(r.output)")
        }
        let missingSocket = fed.directory + "/nobody/admin.sock"
        let cases: [(args: [String], status: Int32, says: [String])] = [
            (["proposl", "list"], 2, ["unknown command 'proposl'", "Did you mean 'proposal'?"]),
            (["proposal", "revew", "TA-1"] + node, 2, ["unknown subcommand 'proposal revew'", "Did you mean 'proposal review'?"]),
            (["proposal", "review"] + node, 2, ["missing ID", "example:"]),
            (["proposal", "submit", "--id", "TA-2", "--text", "x", "--by", "M1"] + node, 2, ["missing --title"]),
            (["activity", "add", "--id", "HD-1", "--kind", "research", "--topic", "调研", "--participants", "5", "--date", "2026-02-30"] + node, 2,
             ["--date '2026-02-30' is not a date", "YYYY-MM-DD"]),
            (["proposal", "assign", "TA-1", "--lead", "县农业农村局", "--due", "26-5-1"] + node, 2, ["--due '26-5-1' is not a date"]),
            (["proposal", "close", "TA-404"] + node, 1, ["[proposal.exists]", "TA-404"]),
            (["proposal", "show", "TA-404"] + node, 1, ["[proposal.exists]"]),
            (["proposal", "reply", "TA-1", "--unit", "县农业农村局", "--class", "A", "--text", "已办", "--date", "2026-02-01"] + node, 1,
             ["[proposal.reply.state]", "TA-1"]),
            (["proposal", "submit", "--id", "TA-3", "--title", "t", "--text", "x", "--by", "M9", "--date", "2026-01-10"] + node, 1, ["[proposal.submit.member]"]),
            (["proposal", "list", "--node", missingSocket], 3, ["not reachable on \(missingSocket)", "xieshang node --config"]),
            (["stats", "--node", missingSocket], 3, ["not reachable on \(missingSocket)"]),
            (["stats", "--period", "2026-13"] + node, 2, ["--period '2026-13'"]),
            // The alliance's commands parse as every other group does.
            (["draft", "sing", "wuling/tongren/1"] + node, 2, ["unknown subcommand 'draft sing'", "Did you mean 'draft sign'?"]),
            (["draft", "show"] + node, 2, ["missing ID", "example:\n  xieshang draft show"]),
            (["meeting", "add", "--alliance", "wuling", "--agend", "follow-up:落实情况"] + node, 2, ["unknown option --agend", "Did you mean '--agenda'?"]),
            (["meeting", "add", "--alliance", "wuling", "--id", "m1", "--date", "2026-11-20", "--host", "a", "--attendees", "a",
              "--agenda", "follow-up:一", "--agenda", "nonsense"] + node, 2, ["--agenda 'nonsense'", "KIND:TITLE"]),
            (["meeting", "add", "--alliance", "wuling", "--id", "m1", "--date", "2026-11-20", "--host", "a", "--attendees", "a",
              "--minutes", "纪要", "--minutes-file", "/dev/null"] + node, 2, ["--minutes or --minutes-file, not both"]),
            (["research", "add", "--alliance", "wuling", "--id", "r1", "--topic", "调研", "--date", "2026-06-01", "--hosts", "a",
              "--participants", "99999999999"] + node, 2, ["--participants 99999999999 is more than 4294967295"]),
            (["charter", "add", "--alliance", "wuling", "--version", "0", "--members", "a", "--effective", "2026-01-01"] + node, 2,
             ["--version takes the charter's version number"]),
            (["charter", "add", "--alliance", "wuling", "--version", "1", "--members", "a"] + node, 2, ["missing --effective"]),
            // The operators' own commands too.
            (["query"] + node, 2, ["missing TYPE", "example:\n  xieshang query"]),
            (["query", "events", "--limit", "many"] + node, 2, ["--limit takes a whole number"]),
            (["query", "events", "--orign", "city"] + node, 2, ["Did you mean '--origin'?"]),
            (["status", "--jsn"] + node, 2, ["Did you mean '--json'?"]),
            // topology and init refuse counts and ports they cannot make (a negative count trapped, 10^10 nodes ran on).
            (["topology", "--counties", "1", "--townships-per-county", "-1", "--out", fed.directory + "/t1"], 2,
             ["--townships-per-county takes a whole number ≥ 0, not '-1'"]),
            (["topology", "--counties", "100000", "--townships-per-county", "100000", "--out", fed.directory + "/t2"], 2,
             ["counties must be 0 to 10000"]),
            (["topology", "--counties", "100", "--townships-per-county", "200", "--out", fed.directory + "/t3"], 2,
             ["1 × 100 × 200 gives 20101 nodes; a topology holds at most 10000"]),
            (["topology", "--counties", "1", "--townships-per-county", "1", "--base-port", "65534", "--out", fed.directory + "/t4"], 2,
             ["ports 65534…65536 for 3 nodes"]),
            (["topology", "--counties", "1", "--townships-per-county", "1", "--node", "x", "--out", fed.directory + "/t5"], 2,
             ["unknown option --node"]),
            (["init", "--id", "a", "--listen", "127.0.0.1:7001"], 2, ["missing --dir", "example:\n  xieshang init"]),
        ]
        for c in cases {
            let r = try await Self.run(c.args)
            #expect(r.status == c.status, "xieshang \(c.args.joined(separator: " ")) → \(r.status): \(r.output)")
            for text in c.says { #expect(r.output.contains(text), "xieshang \(c.args.joined(separator: " ")) says '\(text)': \(r.output)") }
        }
        for n in 1...5 { #expect(!FileManager.default.fileExists(atPath: fed.directory + "/t\(n)"), "a refused topology wrote nothing") }
        // The refused transition recorded nothing: the proposal is still registered.
        let list = try await Self.run(["proposal", "list", "--json"] + node)
        #expect(list.output.contains("\"status\":\"registered\""), "\(list.output)")

        // A command of several events is all or nothing: importing the same plan again is refused as a whole.
        let cityNode = ["--node", fed.member("city").config.adminSocket]
        let csv = fed.directory + "/plan.csv"
        // The assignee by its display name (the node knows its children's names).
        let countyName = fed.member("county1").config.name
        try "编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位\n1,民生,农村饮水安全,对口协商,王副主席,社会和法制委员会,陈科长,2026-09-30,\(countyName)\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try await Self.run(["plan", "import", csv, "--plan", "XS-2026", "--title", "2026年度协商计划", "--date", "2026-01-15"] + cityNode)
        #expect(imported.status == 0, "\(imported.output)")
        let again = try await Self.run(["plan", "import", csv, "--plan", "XS-2026", "--title", "2026年度协商计划", "--date", "2026-01-16"] + cityNode)
        #expect(again.status == 1 && again.output.contains("[plan.draft.state]") && again.output.contains("nothing was recorded"), "\(again.output)")
        let items = try await Self.run(["query", "plans"] + cityNode).output.split(separator: "\n")
        #expect(items.count == 1, "the plan still has one item: \(items)")
        #expect(items.first?.contains("\"assignees\":[\"county1\"]") == true, "the name became the node id: \(items)")
        let issueEmpty = try await Self.run(["plan", "issue", "XS-NONE", "--document", "文号", "--date", "2026-02-01"] + cityNode)
        #expect(issueEmpty.status == 1 && issueEmpty.output.contains("[plan.exists]"), "\(issueEmpty.output)")

        // Member import: every row is checked first; a bad row imports nothing and names its line.
        let members = fed.directory + "/members.csv"
        try "\u{FEFF}编号,姓名,界别,届次,职务,特邀\nM2,李华,农业界,5,常委、主席会议成员,否\n,无名,教育界,5,,否\nM4,王芳,教育界,五,,是\n"
            .write(toFile: members, atomically: true, encoding: .utf8)
        let badImport = try await Self.run(["member", "import", members] + node)
        #expect(badImport.status == 1 && badImport.output.contains("[import.rows]") && badImport.output.contains("line 3")
                && badImport.output.contains("line 4"), "\(badImport.output)")
        try "\u{FEFF}编号,姓名,界别,届次,职务,特邀\nM2,李华,农业界,5,常委、主席会议成员,否\nM4,王芳,教育界,5,,是\n"
            .write(toFile: members, atomically: true, encoding: .utf8)
        let goodImport = try await Self.run(["member", "import", members] + node)
        #expect(goodImport.status == 0 && goodImport.output.contains("导入委员 2 名"), "\(goodImport.output)")
        let memberList = try await Self.run(["member", "list"] + node)
        #expect(memberList.output.contains("李华") && memberList.output.contains("王芳") && memberList.output.contains("姓名"), "\(memberList.output)")

        // Stats speaks Chinese by default and English on request.
        let zh = try await Self.run(["stats", "--drill"] + cityNode)
        #expect(zh.status == 0 && zh.output.contains("统计期间") && zh.output.contains("单位") && zh.output.contains("核验"), "\(zh.output)")
        let en = try await Self.run(["stats", "--lang", "en"] + cityNode)
        #expect(en.status == 0 && en.output.contains("children reported"), "\(en.output)")
        #expect(fed.stop("county1") == 0)
        #expect(fed.stop("city") == 0)
    }
}
