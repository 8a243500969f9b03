import Foundation
import Testing
import XieshangAccounts
import XieshangNode
import XieshangStore

/// `xieshang user add|list|disable|reset|audit` against a running `xieshang-node`: accounts in the node's database,
/// one-time passwords that must be changed at first login, the audit trail with the OS user of each command
/// (SO_PEERCRED on the admin socket), and its CSV export.
@Suite("xieshang user", .serialized)
struct UserCommandTests {
    static func run(_ fed: LocalFederation, _ args: [String], input: String? = nil) async throws -> ProcessRun {
        try await ProcessRun.run(fed.executable, args + ["--node", fed.member("city").config.adminSocket], input: input)
    }

    /// The OS user this test runs as, as the node should record it.
    static var expectedActor: String {
        let uid = getuid()
        guard let pw = getpwuid(uid), let name = pw.pointee.pw_name else { return "os:uid \(uid)" }
        return "os:\(String(cString: name))(uid \(uid))"
    }

    @Test("add, list, disable, reset and audit --csv on a running node; the audit rows carry the OS user from SO_PEERCRED")
    func userCommandsOnARunningNode() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city", binary: .shipped)

        let added = try await Self.run(fed, ["user", "add", "Wanshan.Clerk", "--name", "李文书", "--role", "clerk", "--json"])
        #expect(added.status == 0, "\(added.output)")
        let issued = try #require(try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [String: Any], "\(added.output)")
        #expect(issued["username"] as? String == "wanshan.clerk")
        let generated = try #require(issued["password"] as? String)
        #expect(PasswordPolicy.problems(generated, username: "wanshan.clerk").isEmpty)

        let fromStdin = try await Self.run(fed, ["user", "add", "zhang", "--name", "张三", "--role", "unit:交通局", "--password-stdin"],
                                           input: "Initial-Pass-2026\n")
        #expect(fromStdin.status == 0 && fromStdin.output.contains("已新增用户：zhang"), "\(fromStdin.output)")
        #expect(!fromStdin.output.contains("Initial-Pass-2026"), "a password from stdin is not echoed")

        let weak = try await Self.run(fed, ["user", "add", "lisi", "--name", "李四", "--role", "viewer", "--password-stdin"], input: "short\n")
        #expect(weak.status == 1 && weak.output.contains("密码至少需要 10 个字符"), "\(weak.output)")
        let bidi = try await Self.run(fed, ["user", "add", "ad\u{202E}min", "--name", "x", "--role", "viewer"])
        #expect(bidi.status == 1 && bidi.output.contains("\\u{202e}"), "\(bidi.output)")
        let duplicate = try await Self.run(fed, ["user", "add", "zhang", "--name", "张三", "--role", "viewer"])
        #expect(duplicate.status == 1 && duplicate.output.contains("已存在"), "\(duplicate.output)")

        let listed = try await Self.run(fed, ["user", "list"])
        #expect(listed.status == 0 && listed.output.contains("李文书") && listed.output.contains("承办单位（交通局）")
                && listed.output.contains("待修改初始密码"), "\(listed.output)")

        let disabled = try await Self.run(fed, ["user", "disable", "zhang"])
        #expect(disabled.status == 0, "\(disabled.output)")
        let listJSON = try await Self.run(fed, ["user", "list", "--json"])
        let rows = listJSON.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 2)
        #expect(rows.first { $0["username"] as? String == "zhang" }?["disabled"] as? Bool == true, "\(listJSON.output)")
        #expect(try await Self.run(fed, ["user", "disable", "nobody"]).status == 1)

        let reset = try await Self.run(fed, ["user", "reset", "wanshan.clerk"])
        #expect(reset.status == 0, "\(reset.output)")
        let line = try #require(reset.output.split(separator: "\n").first { $0.hasPrefix("初始密码") }, "\(reset.output)")
        let newPassword = String(line.split(separator: "：").last ?? "")
        #expect(newPassword.count == 16 && newPassword != generated)

        // The node's database holds the account: the reset password logs in and must be changed first.
        let book = try AccountBook(databasePath: fed.dir("city") + "/node.db")
        guard case .signedIn(let s) = await book.login(username: "wanshan.clerk", password: newPassword, source: "127.0.0.1") else {
            Issue.record("the reset password does not log in"); return
        }
        #expect(s.session.mustChangePassword && s.session.role == .clerk)
        #expect(await book.login(username: "wanshan.clerk", password: generated, source: "127.0.0.1") == .refused(.badCredentials))

        let csvPath = fed.directory + "/audit.csv"
        let exported = try await Self.run(fed, ["user", "audit", "--csv", csvPath])
        #expect(exported.status == 0, "\(exported.output)")
        let bytes = try #require(FileManager.default.contents(atPath: csvPath))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == AuditCSV.header.joined(separator: ","))
        let cells = lines.dropFirst().map { $0.components(separatedBy: ",") }
        func audited(_ event: String) -> [[String]] { cells.filter { $0.count >= 8 && $0[2] == event } }
        let actor = Self.expectedActor
        #expect(audited("user_added").count == 3, "two added, one duplicate refused: \(lines)")
        #expect(audited("user_added").allSatisfy { $0[4] == actor && $0[5] == "admin-socket" }, "\(lines) — expected actor \(actor)")
        let addedNames: [String] = audited("user_added").filter { $0[6] == "成功" }.map { $0[3] }
        #expect(addedNames == ["wanshan.clerk", "zhang"])
        #expect(audited("user_disabled").map { [$0[3], $0[4], $0[6]] } == [["zhang", actor, "成功"]])
        #expect(audited("password_reset").map { [$0[3], $0[4]] } == [["wanshan.clerk", actor]])
        #expect(audited("login").map { [$0[3], $0[5]] } == [["wanshan.clerk", "127.0.0.1"]])
        #expect(audited("login_failed").map { $0[3] } == ["wanshan.clerk"])
        let again = try await Self.run(fed, ["user", "audit", "--json"])
        #expect(again.output.contains("\"audit_exported\""), "the export itself is audited: \(again.output)")
    }

    /// The CLI waits `XIESHANG_TIMEOUT` seconds for the node (default 60). A malformed value is a usage error naming
    /// it, before any call. A `user add` whose wait ends before the node's password hash (about 0.35 s of CPU at the
    /// default scrypt parameters) says the node did not answer and how to wait longer — and the node, seeing its caller
    /// gone once the hash is done, writes no account (audited as a failure): the same add run again with the default
    /// wait succeeds once, rather than finding an account whose password nobody saw.
    @Test("XIESHANG_TIMEOUT: malformed values refused; a user add the CLI stopped waiting for is not written")
    func aUserAddTheCLIStoppedWaitingForIsNotWritten() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city", binary: .shipped)
        let socket = fed.member("city").config.adminSocket
        for bad in ["abc", "0", "-5", "nan", "inf", "1e400", "86401", "", "10s"] {
            let r = try await ProcessRun.run(fed.executable, ["user", "list", "--node", socket], environment: ["XIESHANG_TIMEOUT": bad])
            #expect(r.status == 2 && r.output.contains("XIESHANG_TIMEOUT='\(bad)'"), "\(bad): \(r.status) \(r.output)")
        }
        let listed = try await ProcessRun.run(fed.executable, ["user", "list", "--node", socket], environment: ["XIESHANG_TIMEOUT": " 120 "])
        #expect(listed.status == 0, "\(listed.output)")

        let add = ["user", "add", "zhao", "--name", "赵六", "--role", "clerk", "--password-stdin", "--node", socket]
        let gaveUp = try await ProcessRun.run(fed.executable, add, environment: ["XIESHANG_TIMEOUT": "0.1"], input: "Initial-Pass-2026\n")
        #expect(gaveUp.status == 1 && gaveUp.output.contains("did not answer") && gaveUp.output.contains("XIESHANG_TIMEOUT=SECONDS"),
                "\(gaveUp.status) \(gaveUp.output)")
        let again = try await ProcessRun.run(fed.executable, add, environment: ["XIESHANG_TIMEOUT": nil], input: "Initial-Pass-2026\n")
        #expect(again.status == 0, "the first add wrote nothing, so the second is no duplicate: \(again.output)")
        let book = try AccountBook(databasePath: fed.dir("city") + "/node.db")
        let rows = try await book.auditRecords().filter { $0.event == .userAdded && $0.username == "zhao" }
        #expect(rows.filter(\.succeeded).count == 1, "\(rows)")
        #expect(rows.filter { !$0.succeeded }.allSatisfy { $0.detail.contains("调用方已超时") }, "an abandoned add, never a duplicate: \(rows)")
    }

    /// Issue 17 item 2, "a record made with the CLI carries the OS user (SO_PEERCRED), so both are accountable the same
    /// way": the web audited its records (`recorded`, user:<name>, seqs) but a domain Submit on the admin socket wrote
    /// no audit row, so `user audit` could not say who recorded what with the CLI. Now the row carries the OS user
    /// the kernel reported and the seqs; a refused command is audited as a failure. Abuse: with the audit table made
    /// to refuse `recorded` rows (a trigger, as a full or damaged table would), `activity add` still records and
    /// answers its seq — the record is never lost or failed for its audit row — and the node logs the row it could
    /// not write.
    @Test("a CLI record is audited with the OS user and its seqs; an audit write that fails neither loses nor fails the record")
    func cliRecordsAreAuditedWithTheOSUser() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.start("city", binary: .shipped)
        let added = try await Self.run(fed, ["activity", "add", "--id", "HD-7", "--kind", "research", "--topic", "调研", "--participants", "3"])
        #expect(added.status == 0 && added.output.contains("已记录"), "\(added.output)")
        let seq = try #require(added.output.split(separator: "事件 ").last.flatMap { UInt64($0.prefix { $0.isNumber }) }, "\(added.output)")
        let refused = try await Self.run(fed, ["activity", "add", "--id", "HD-7", "--kind", "research", "--topic", "again", "--participants", "1"])
        #expect(refused.status != 0, "a duplicate id is refused: \(refused.output)")

        let csvPath = fed.directory + "/audit-cli.csv"
        let exported = try await Self.run(fed, ["user", "audit", "--csv", csvPath])
        #expect(exported.status == 0, "\(exported.output)")
        let bytes = try #require(FileManager.default.contents(atPath: csvPath))
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let recorded = lines.dropFirst().map { $0.components(separatedBy: ",") }.filter { $0.count >= 8 && $0[2] == "recorded" }
        #expect(recorded.count == 2, "\(lines)")
        let ok = try #require(recorded.first, "\(lines)")
        #expect(ok[4] == Self.expectedActor && ok[5] == "admin-socket" && ok[6] == "成功", "\(ok)")
        let detail = ok.dropFirst(7).joined(separator: ",")  // the detail is one quoted CSV cell, split here at its commas
        #expect(detail.contains("activity") && detail.contains("seqs \(seq)"), "\(ok)")
        #expect(recorded.last.map { $0[4] == Self.expectedActor && $0[6] != "成功" && $0.joined(separator: ",").contains("refused") } == true, "\(lines)")

        // The audit table refuses every new `recorded` row from here on.
        let db = try Database(path: fed.dir("city") + "/node.db", create: false)
        try db.execute("CREATE TRIGGER refuse_recorded BEFORE INSERT ON account_audit WHEN NEW.event = 'recorded' BEGIN SELECT RAISE(ABORT, 'audit table full'); END")
        let second = try await Self.run(fed, ["activity", "add", "--id", "HD-8", "--kind", "research", "--topic", "调研", "--participants", "2"])
        #expect(second.status == 0 && second.output.contains("已记录"), "the record must not fail for its audit row: \(second.output)")
        let events = try await fed.events("city", origin: "city")
        let secondSeq = second.output.split(separator: "事件 ").last.flatMap { UInt64($0.prefix { $0.isNumber }) }
        #expect(secondSeq.map { s in s > seq && events.contains { $0.seq == s } } == true, "the record was stored: \(second.output)")
        let log = (try? String(contentsOfFile: fed.dir("city") + "/node.log", encoding: .utf8)) ?? ""
        #expect(log.contains("cannot write the audit row") && log.contains("audit table full"), "the missing row is logged: \(fed.logTail("city"))")
    }
}
