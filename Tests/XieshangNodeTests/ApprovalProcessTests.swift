import Foundation
import Testing
import XieshangWire

/// Approval and lock per period (issue 15, item 6) with real node processes and the real CLI: a township, its county
/// and the city approve March bottom-up (the county refusing township figures that changed after their approval);
/// a record dated in March is refused at the township (rule `period.locked`,
/// exit 1, nothing recorded); the approvals are returned top-down with reasons; the record is then accepted; the
/// month is approved again; every state survives a restart of each node.
@Suite("approval and lock (processes)", .serialized)
struct ApprovalProcessTests {
    @Test("a month approved bottom-up locks the township, a return unlocks it, and the states survive restarts")
    func approveLockReturnReapproveAndRestart() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let town = try #require(fed.townships.first), county = try #require(fed.counties.first)
        func cli(_ body: String, _ words: [String]) async throws -> ProcessRun {
            try await ProcessRun.run(fed.executable, words + ["--node", fed.member(body).config.adminSocket], environment: ["XIESHANG_NODE": nil])
        }
        func ok(_ body: String, _ words: [String]) async throws {
            let r = try await cli(body, words)
            if r.status != 0 { throw LocalFederation.Failure(description: "`xieshang \(words.joined(separator: " "))` at \(body): \(r.output)") }
        }
        func activity(_ id: String, _ date: String) -> [String] {
            ["activity", "add", "--id", id, "--kind", "research", "--topic", "调研\(id)", "--participants", "5", "--date", date]
        }
        /// The approval row of `body` in `at`'s `stats --drill --json` for March.
        func row(_ at: String, _ body: String) async throws -> [String: Any]? {
            let r = try await cli(at, ["stats", "--period", "2026-03", "--drill", "--json"])
            guard r.status == 0, let o = try? JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any],
                  let bodies = o["bodies"] as? [[String: Any]] else { return nil }
            return bodies.first { $0["body"] as? String == body }
        }
        func waitState(_ at: String, _ body: String, _ state: String) async throws {
            try await waitUntil("\(at) shows \(body) \(state) for 2026-03", seconds: 30) {
                try await row(at, body)?["approval"] as? String == state
            }
        }
        func activities(_ body: String) async throws -> [String] {
            let r = try QueryResponse(serializedBytes: try await fed.call(body, AdminService.query.path,
                                                                          QueryRequest(recordType: "activities").serializedBytes()))
            return r.rowsJson.compactMap { ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["id"] as? String }
        }

        try await ok(town, activity("HD-1", "2026-03-10"))
        func opinion(_ words: [String]) async throws { try await ok(town, ["opinion"] + words + ["--author-kind", "group"]) }
        try await opinion(["submit", "--id", "XX-1", "--title", "饮水安全", "--text", "供水管网老化。", "--author", town, "--date", "2026-03-02"])
        try await opinion(["adopt", "XX-1", "--issue", "第3期", "--date", "2026-03-05"])
        try await opinion(["forward", "XX-1", "--text", "供水管网老化，建议纳入保障工程。", "--date", "2026-03-06"])
        // Bottom-up: the county cannot approve before its township.
        let early = try await cli(county, ["approve", "--period", "2026-03"])
        #expect(early.status == 1 && early.output.contains("waiting for \(town)"), "\(early.output)")
        try await ok(town, ["approve", "--period", "2026-03"])
        try await waitState(county, town, "approved")

        // The county's adoption of the township's report (a cross-body step attributed to the township) changes the
        // township's March figures after its approval: the county shows them superseded and refuses to approve them
        // until it returned the township's approval and the township approved its new figures.
        try await waitUntil("\(county) holds \(town)'s forwarded report", seconds: 30) {
            let r = try QueryResponse(serializedBytes: try await fed.call(county, AdminService.query.path,
                                                                           QueryRequest(recordType: "opinions").serializedBytes()))
            return r.rowsJson.contains { $0.contains(town) }
        }
        try await ok(county, ["opinion", "adopt", "\(town)/XX-1", "--issue", "第5期", "--author-kind", "group", "--date", "2026-03-12"])
        try await waitState(county, town, "superseded")
        let changed = try await cli(county, ["approve", "--period", "2026-03"])
        #expect(changed.status == 1 && changed.output.contains("figures changed after its approval"), "\(changed.output)")
        try await ok(county, ["return", "--child", town, "--period", "2026-03", "--reason", "县级录用后数字有变"])
        try await waitState(town, town, "returned")
        try await ok(town, ["approve", "--period", "2026-03"])
        try await waitState(county, town, "approved")
        try await ok(county, ["approve", "--period", "2026-03"])
        try await waitState("city", county, "approved")
        try await ok("city", ["approve", "--period", "2026-03", "--json"])
        try await waitState("city", "city", "approved")
        let cityRow = try #require(try await row("city", county))
        #expect(cityRow["expected_children"] as? Int == 1 && cityRow["reported_children"] as? Int == 1 && cityRow["on_time_children"] != nil)

        // Locked: a record dated 31 March is refused at the township, by name, and nothing is recorded.
        let locked = try await cli(town, activity("HD-2", "2026-03-31"))
        #expect(locked.status == 1, "\(locked.output)")
        #expect(locked.output.contains("period.locked") && locked.output.contains("2026-03") && locked.output.contains("已审核锁定"), "\(locked.output)")
        #expect(try await activities(town) == ["HD-1"])
        try await ok(town, activity("HD-3", "2026-04-01"))   // April is not approved

        // Abuse through the CLI: a child cannot return its parent; the county cannot return while its own approval stands.
        let upward = try await cli(town, ["return", "--child", county, "--period", "2026-03", "--reason", "x"])
        #expect(upward.status == 1 && upward.output.contains("not a direct child of \(town)"), "\(upward.output)")
        let standing = try await cli(county, ["return", "--child", town, "--period", "2026-03", "--reason", "x"])
        #expect(standing.status == 1 && standing.output.contains("its own approval of 2026-03 stands"), "\(standing.output)")

        // Returned top-down, with reasons: the root withdraws its own, returns the county's; the county the township's.
        try await ok("city", ["return", "--child", "city", "--period", "2026-03", "--reason", "全市复核"])
        try await ok("city", ["return", "--child", county, "--period", "2026-03", "--reason", "县级汇总待核"])
        try await waitState(county, county, "returned")
        try await ok(county, ["return", "--child", town, "--period", "2026-03", "--reason", "3月调研人次有误，请核实"])
        try await waitState(town, town, "returned")
        try await waitState("city", town, "returned")
        #expect(try await row(town, town)?["return_reason"] as? String == "3月调研人次有误，请核实")
        try await ok(town, activity("HD-2", "2026-03-31"))
        #expect(Set(try await activities(town)) == ["HD-1", "HD-2", "HD-3"])

        // Approved again, bottom-up.
        try await ok(town, ["approve", "--period", "2026-03"])
        try await waitState(county, town, "approved")
        try await ok(county, ["approve", "--period", "2026-03"])
        try await waitState("city", county, "approved")

        // Every node restarts: the states come back from the log, and the lock with them.
        for id in [town, county, "city"] {
            _ = fed.stop(id)
            try await fed.start(id)
        }
        for id in [town, county] { try await fed.waitParentUp(id) }
        try await waitState(town, town, "approved")
        try await waitState(county, town, "approved")
        try await waitState(county, county, "approved")
        try await waitState("city", county, "approved")
        try await waitState("city", "city", "returned")
        let again = try await cli(town, activity("HD-4", "2026-03-20"))
        #expect(again.status == 1 && again.output.contains("period.locked"), "\(again.output)")
        let text = try await cli("city", ["stats", "--period", "2026-03", "--drill"])
        #expect(text.status == 0 && text.output.contains("已审核") && text.output.contains("已退回（全市复核）"), "\(text.output)")
    }
}
