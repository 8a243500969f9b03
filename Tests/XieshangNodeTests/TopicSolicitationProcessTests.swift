import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, 议题征集 for the annual plan through the `xieshang` CLI against real node processes (city, county,
/// township): the county solicits topics, its township proposes one from its own node, the county's office enters a
/// department's and the public's, then adopts, merges and does not adopt them; the figures roll up to the city (which
/// does not compare them: the county's plan steps travel down only), with no mismatch raised.
@Suite("topic solicitation (process acceptance)", .serialized)
struct TopicSolicitationProcessTests {
    typealias Run = ProposalFollowUpProcessTests

    @Test("议题征集: topics from a township, a department and the public, decided by the county's office; figures roll up")
    func topicsSolicitedFromATownshipADepartmentAndThePublic() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        try await fed.startAll()
        defer { fed.stopAll() }
        let y = Run.year, county = "county1", town = "county1-town1", plan = "XS-\(y)"
        func rows(_ id: String, _ words: [String]) async throws -> [[String: Any]] {
            let r = try await Run.run(fed, id, words + ["--json"])
            #expect(r.status == 0, "\(words): \(r.output)")
            return r.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
        let help = try await Run.run(fed, county, ["plan", "topic", "--help"])
        #expect(help.status == 0 && help.output.contains("--source") && help.output.contains("--issuer"), "\(help.output)")

        let noDeadline = try await Run.run(fed, county, ["plan", "solicit", plan])
        #expect(noDeadline.status == 2 && noDeadline.output.contains("--deadline"), "\(noDeadline.output)")
        let badDeadline = try await Run.run(fed, county, ["plan", "solicit", plan, "--deadline", "\(y)-11-31"])
        #expect(badDeadline.status == 2 && badDeadline.output.contains("--deadline"), "\(badDeadline.output)")
        try await Run.ok(fed, county, ["plan", "solicit", plan, "--deadline", "\(y)-11-30", "--date", "\(y)-01-02"])
        try await waitUntil("the township holds the county's solicitation", seconds: 60) {
            (try await Run.run(fed, town, ["plan", "topic", plan, "--id", "T1", "--topic", "乡村旅游提质", "--reason", "游客增长快",
                                           "--issuer", county, "--date", "\(y)-01-05"])).status == 0
        }
        try await Run.ok(fed, county, ["plan", "topic", plan, "--id", "T2", "--topic", "农村饮水安全", "--source", "department",
                                       "--proposer", "县水务局", "--date", "\(y)-01-06"])
        try await Run.ok(fed, county, ["plan", "topic", plan, "--id", "T3", "--topic", "城区停车难", "--source", "society",
                                       "--proposer", "网络征集", "--date", "\(y)-01-06"])
        // Bad command lines: exit 2 with what to give; a rule's refusal: exit 1 naming it, nothing recorded.
        let noIssuer = try await Run.run(fed, county, ["plan", "topic", plan, "--id", "T9", "--topic", "议题"])
        #expect(noIssuer.status == 2 && noIssuer.output.contains("--issuer") && noIssuer.output.contains("--source"), "\(noIssuer.output)")
        let badSource = try await Run.run(fed, county, ["plan", "topic", plan, "--id", "T9", "--topic", "议题", "--source", "lowerBody",
                                                        "--proposer", "x"])
        #expect(badSource.status == 2 && badSource.output.contains("department, society or member"), "\(badSource.output)")
        let noProposer = try await Run.run(fed, county, ["plan", "topic", plan, "--id", "T9", "--topic", "议题", "--source", "society"])
        #expect(noProposer.status == 2 && noProposer.output.contains("--proposer"), "\(noProposer.output)")
        let neither = try await Run.run(fed, county, ["plan", "decide", plan, "T3"])
        #expect(neither.status == 2 && neither.output.contains("--merge-into") && neither.output.contains("--not-adopted"), "\(neither.output)")
        let onDeadline = try await Run.run(fed, county, ["plan", "topic", plan, "--id", "T9", "--topic", "议题", "--source", "society",
                                                         "--proposer", "市民", "--date", "\(y)-11-30"])
        #expect(onDeadline.status == 0, "on the deadline is in time: \(onDeadline.output)")
        let taken = try await Run.run(fed, county, ["plan", "topic", plan, "--id", "T9", "--topic", "议题", "--source", "society",
                                                    "--proposer", "市民", "--date", "\(y)-11-30"])
        #expect(taken.status == 1 && taken.output.contains("[plan.topic.fields]"), "\(taken.output)")

        try await waitUntil("the county holds the township's topic", seconds: 60) {
            try await rows(county, ["plan", "topics", "--plan", plan]).contains { $0["topic_id"] as? String == "T1" }
        }
        let noItem = try await Run.run(fed, county, ["plan", "pick", plan, "T1"])
        #expect(noItem.status == 2 && noItem.output.contains("--item"), "\(noItem.output)")
        try await Run.ok(fed, county, ["plan", "pick", plan, "T1", "--item", "4-03", "--date", "\(y)-02-01"])
        try await Run.ok(fed, county, ["plan", "decide", plan, "T2", "--merge-into", "T1", "--date", "\(y)-02-01"])
        try await Run.ok(fed, county, ["plan", "decide", plan, "T3", "--not-adopted", "不属于政协协商范围", "--date", "\(y)-02-02"])
        let merged = try await Run.run(fed, county, ["plan", "decide", plan, "T9", "--merge-into", "T9", "--date", "\(y)-02-02"])
        #expect(merged.status == 1 && merged.output.contains("[plan.decide.merge]"), "\(merged.output)")

        let topics = try await rows(county, ["plan", "topics", "--plan", plan])
        let byID = Dictionary(topics.map { (($0["topic_id"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["T1"]?["source"] as? String == "lowerBody" && byID["T1"]?["proposer"] as? String == town
                && byID["T1"]?["decision"] as? String == "adopted" && byID["T1"]?["item"] as? String == "4-03", "\(topics)")
        #expect(byID["T2"]?["source"] as? String == "department" && byID["T2"]?["proposer"] as? String == "县水务局"
                && byID["T2"]?["decision"] as? String == "merged" && byID["T2"]?["merged_into"] as? String == "T1", "\(topics)")
        #expect(byID["T3"]?["decision"] as? String == "notAdopted" && byID["T3"]?["not_adopted_reason"] as? String == "不属于政协协商范围")
        #expect(byID["T9"]?["decision"] as? String == "open" && topics.count == 4, "\(topics)")
        let text = try await Run.run(fed, county, ["plan", "topics"])
        #expect(text.status == 0 && text.output.contains("议题来源") && text.output.contains("社会公众") && text.output.contains("不予采纳"),
                "\(text.output)")

        // The county's figures roll up to the city, which recomputes them from the county's and the township's records.
        let expected: [String: Int64] = ["topics_proposed": 4, "topics_adopted": 1, "topics_merged": 1, "topics_not_adopted": 1]
        try await waitUntil("the county's topic figures reach the city", seconds: 60) {
            guard let totals = try? await fed.totals("city") else { return false }
            return expected.allSatisfy { totals[$0.key] == $0.value }
        }
        // The issuer's plan steps travel down only, so the city cannot recompute these: they are reported, not compared.
        let recomputed = try #require(try await OwnFiguresProcessTests.query(fed, "city", "recomputed_figures", ["body": county, "period": y]).first)
        #expect(expected.keys.allSatisfy { recomputed[$0] == nil } && recomputed["proposals_filed"] != nil, "\(recomputed)")
        let townFigures = try #require(try await OwnFiguresProcessTests.query(fed, town, "figures", ["period": y]).first)
        #expect(townFigures["topicsProposed"] as? Int == 0, "counted once, at the issuer: \(townFigures)")
        #expect(!(try await fed.status("city")).alerts.contains { $0.code == "own_mismatch" })
    }
}
