import Foundation
import Testing
import XieshangTransport
import XieshangWire
@testable import XieshangNode

/// Alliance commands through Admin Submit, driven with the `xieshang draft|meeting|research|charter` command lines
/// against real nodes: the rules refuse with exit code 1 and leave nothing recorded; what is recorded replicates.
@Suite(.serialized)
struct AllianceRecorderTests {
    /// Runs `xieshang args` against node `id`'s admin socket; exit status and output (stdout + stderr). Waited for on
    /// a Dispatch thread (``ProcessRun``), never on the cooperative pool: this suite runs dozens of CLI calls, and
    /// blocking a pool thread for each starved the other tests' waits on 2 cores.
    func cli(_ fed: LocalFederation, _ id: String?, _ args: [String]) async throws -> (status: Int32, output: String) {
        let r = try await ProcessRun.run(fed.executable, args + (id.map { ["--node", fed.dir($0) + "/admin.sock"] } ?? []))
        return (r.status, r.output)
    }

    func write(_ text: String, _ fed: LocalFederation, _ name: String) throws -> String {
        let path = fed.directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("draft rules through Submit: members only, co-sponsors only sign, an edit after signing voids it, exit codes")
    func draftRules() async throws {
        let fed = try AllianceProcessTests.federation()
        defer { fed.stopAll() }
        try await fed.startAll()
        try await fed.waitAllianceLinks(among: AllianceProcessTests.members)

        // A co-sponsor outside the alliance is refused (exit 1), and nothing is recorded.
        let text = "# 问题\n乌江航运协作不足。\n"
        let file = try write(text, fed, "draft.txt")
        var r = try await cli(fed, "tongren", ["draft", "new", "--alliance", "wuling", "--title", "航运", "--cosponsors", "tongren,province", "--file", file])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("not members of alliance wuling"), "\(r.output)")
        #expect(try await fed.query("tongren", "drafts").isEmpty)
        // Usage errors exit 2, an absent node 3.
        #expect(try await cli(fed, "tongren", ["draft", "new", "--alliance", "wuling"]).status == 2)
        #expect(try await cli(fed, nil, ["draft", "list", "--node", fed.directory + "/no-such.sock"]).status == 3)

        // tongren and enshi co-sponsor; xiangxi holds the draft but may not sign it.
        r = try await cli(fed, "tongren", ["draft", "new", "--alliance", "wuling", "--title", "关于乌江航运协作的联名提案", "--cosponsors", "tongren,enshi", "--file", file])
        #expect(r.status == 0, "\(r.output)")
        let id = "wuling/tongren/1"
        #expect(r.output.contains(id), "\(r.output)")
        try await fed.waitDraftsAgree(id, among: AllianceProcessTests.members) { $0["text"] as? String == text }
        r = try await cli(fed, "xiangxi", ["draft", "sign", id])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("not one of the draft's required co-sponsors"), "\(r.output)")

        // tongren signs what it read; an edit from a file then voids that sign-off (kept, marked void).
        let shown = try await fed.queryDraft("tongren", id)
        r = try await cli(fed, "tongren", ["draft", "sign", id, "--hash", shown["content_hash"] as! String])
        #expect(r.status == 0, "\(r.output)")
        #expect(try await cli(fed, "tongren", ["draft", "sign", id]).status == 1)   // the same content twice
        let edited = text + "# 建议\n共建港口联盟。\n"
        r = try await cli(fed, "enshi", ["draft", "edit", id, "--file", try write(edited, fed, "edited.txt")])
        #expect(r.status == 0, "\(r.output)")
        let after = try await fed.waitDraftsAgree(id, among: AllianceProcessTests.members) { $0["text"] as? String == edited }
        let signOffs = after["sign_offs"] as! [[String: Any]]
        #expect(signOffs.count == 1 && signOffs[0]["signer"] as? String == "tongren" && signOffs[0]["void"] as? Bool == true)
        // Signing with a hash that is no longer the content is refused.
        #expect(try await cli(fed, "tongren", ["draft", "sign", id, "--hash", shown["content_hash"] as! String]).status == 1)
        r = try await cli(fed, "enshi", ["draft", "show", id])
        #expect(r.status == 0 && r.output.contains("VOID") && r.output.contains("共建港口联盟"), "\(r.output)")
        r = try await cli(fed, "xiangxi", ["draft", "list"])
        #expect(r.status == 0 && r.output.contains(id) && r.output.contains("已签 0/2"), "\(r.output)")

        // Both sign: submitted and frozen; an edit is refused.
        #expect(try await cli(fed, "tongren", ["draft", "sign", id]).status == 0)
        #expect(try await cli(fed, "enshi", ["draft", "sign", id]).status == 0)
        try await fed.waitDraftsAgree(id, among: AllianceProcessTests.members) { $0["status"] as? String == "submitted" }
        r = try await cli(fed, "tongren", ["draft", "edit", id, "--file", try write(edited + "补充。", fed, "late.txt")])
        #expect(r.status == 1 && r.output.contains("submitted"), "\(r.output)")

        // One Submit path for every record type: an alliance command from the CLI is made by the OS user the kernel
        // reports for the admin socket (SO_PEERCRED), as a domain command is — before, its events carried no actor.
        let made = try await fed.query("tongren", "events").filter {
            [EventKind.draft.protoValue, EventKind.draftSignOff.protoValue].contains(Int32(($0["kind"] as? Int) ?? 0))
                && ($0["origin"] as? String ?? "").hasPrefix("tongren")
        }
        #expect(!made.isEmpty)
        for event in made { #expect((event["actor"] as? String ?? "").hasPrefix("os:"), "\(event)") }
        // A joint proposal is its host's to originate, never a command: refused, and nothing is stored.
        let before = try await fed.query("tongren", "joint_proposals").count
        let forged = SubmitRequest(kind: .jointProposal, payload: JointProposal(allianceId: "wuling", draftId: id, host: "tongren", title: "伪造").serializedBytes())
        do {
            _ = try await fed.call("tongren", AdminService.submit.path, forged.serializedBytes())
            Issue.record("a Submit of JOINT_PROPOSAL was accepted")
        } catch let error as TransportError {
            #expect(error.status == .invalidArgument && error.message.contains("xieshang draft sign"), "\(error)")
        }
        #expect(try await fed.query("tongren", "joint_proposals").count == before)
    }

    @Test("joint meetings, research and charters: host chosen at the previous meeting, members only, replicated")
    func meetingsResearchCharters() async throws {
        let fed = try AllianceProcessTests.federation()
        defer { fed.stopAll() }
        try await fed.startAll()
        try await fed.waitAllianceLinks(among: AllianceProcessTests.members)
        func meeting(_ at: String, _ id: String, _ date: String, host: String, attendees: String = "tongren,enshi,xiangxi",
                     extra: [String] = []) async throws -> (status: Int32, output: String) {
            try await cli(fed, at, ["meeting", "add", "--alliance", "wuling", "--id", id, "--date", date, "--host", host, "--attendees", attendees] + extra)
        }
        var r = try await meeting("tongren", "wuling/2025", "2025-11-20", host: "tongren",
                            extra: ["--agenda", "recommendation:旅游年票互认:建议三地互认年票", "--minutes", "会议纪要", "--next-host", "enshi"])
        #expect(r.status == 0, "\(r.output)")
        r = try await meeting("xiangxi", "wuling/2026", "2026-11-20", host: "xiangxi", extra: ["--agenda", "follow-up:落实情况"])
        #expect(r.status == 1 && r.output.contains("chosen at the previous meeting"), "\(r.output)")
        r = try await meeting("enshi", "wuling/2026", "2026-11-20", host: "enshi", extra: ["--agenda", "recommendation:生态补偿"])
        #expect(r.status == 1 && r.output.contains("follow-up report"), "\(r.output)")
        r = try await meeting("enshi", "wuling/2026", "2026-11-20", host: "enshi", attendees: "enshi,province", extra: ["--agenda", "follow-up:落实情况"])
        #expect(r.status == 1 && r.output.contains("not members"), "\(r.output)")
        #expect(try await meeting("enshi", "wuling/2026", "2026-11-20", host: "enshi", extra: ["--agenda", "follow-up:落实情况"]).status == 0)
        #expect(try await meeting("enshi", "wuling/2026b", "2026-12-01", host: "enshi", extra: ["--agenda", "bogus:x"]).status == 2)

        r = try await cli(fed, "xiangxi", ["research", "add", "--alliance", "wuling", "--id", "wuling/r1", "--kind", "inspection",
                                     "--topic", "武陵山片区生态保护", "--date", "2026-06-02", "--end", "2026-06-05",
                                     "--hosts", "tongren,xiangxi", "--participants", "24", "--findings", "三地联合巡查发现问题12个"])
        #expect(r.status == 0, "\(r.output)")
        r = try await cli(fed, "xiangxi", ["research", "add", "--alliance", "wuling", "--id", "wuling/r2", "--topic", "x", "--date", "2026-06-05",
                                     "--end", "2026-06-01", "--hosts", "xiangxi"])
        #expect(r.status == 1 && r.output.contains("before the first day"), "\(r.output)")

        r = try await cli(fed, "tongren", ["charter", "add", "--alliance", "wuling", "--version", "2", "--members", "tongren,enshi", "--effective", "2026-01-01"])
        #expect(r.status == 1 && r.output.contains("record version 1"), "\(r.output)")
        r = try await cli(fed, "tongren", ["charter", "add", "--alliance", "wuling", "--version", "1", "--name", "武陵山片区政协主席联席会",
                                     "--members", "tongren,enshi,xiangxi", "--effective", "2025-01-01"])
        #expect(r.status == 0, "\(r.output)")

        for m in AllianceProcessTests.members {
            try await waitUntil("\(m) holds the meetings, the inspection and the charter", seconds: 30) {
                let meetings = try await fed.query(m, "meetings")
                let work = try await fed.query(m, "joint_research")
                let charters = try await fed.query(m, "charters")
                return meetings.map { $0["id"] as! String } == ["wuling/2025", "wuling/2026"]
                    && work.first?["hosts"] as? [String] == ["tongren", "xiangxi"] && work.first?["kind"] as? String == "inspection"
                    && charters.count == 1
            }
        }
        r = try await cli(fed, "xiangxi", ["meeting", "list"])
        #expect(r.status == 0 && r.output.contains("下届主办 enshi") && r.output.contains("follow_up_report: 落实情况"), "\(r.output)")
        r = try await cli(fed, "enshi", ["research", "list", "--kind", "inspection"])
        #expect(r.status == 0 && r.output.contains("武陵山片区生态保护"), "\(r.output)")
        // --lang en for scripts that read English; --json for the rows themselves.
        r = try await cli(fed, "xiangxi", ["meeting", "list", "--lang", "en"])
        #expect(r.status == 0 && r.output.contains("next host enshi"), "\(r.output)")
        r = try await cli(fed, "tongren", ["charter", "list", "--alliance", "wuling", "--json"])
        #expect(r.status == 0 && r.output.contains("\"version\":1"), "\(r.output)")
        // Their rows carry exactly the columns the query catalog declares (issue 18).
        for type in ["meetings", "joint_research", "charters"] {
            #expect(try await !QueryCatalogTests.checkColumns(fed, "enshi", QueryRequest(recordType: type, filter: ["alliance": "wuling"])).isEmpty, "\(type)")
        }
    }
}
