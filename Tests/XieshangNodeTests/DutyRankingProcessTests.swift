import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Issue 18, item 2, through the `xieshang` CLI against a real city node: "四个一" complete (research and the good deed
/// 公益 beside the proposal and the opinion report), training 履职培训 in the ledger, `member ranking` (equal totals share
/// a rank) and `member awards` (优秀委员 by the policy, and who is to be talked to 约谈), with their bad arguments.
@Suite("duty ranking and awards (process acceptance)", .serialized)
struct DutyRankingProcessTests {
    typealias City = ProposalStepsProcessTests.City

    /// Four members. M1 and M2 take part in a research visit, a welfare activity and a training (72.0 each: tied);
    /// M3 attends a meeting (62.0); M4 does nothing (60.0). The policy (set here) drops the proposal and opinion
    /// minimums, puts the talk line at 65, the award line at 70 and the award share at 50% (4 members → 2 places).
    /// Then: ranks 1, 1, 3, 4; M1 and M2 are 优秀委员; M3 misses research and welfare; M4 is to be talked to.
    @Test("member ranking and member awards: ties share a rank, awards by policy, talks listed; bad arguments refused")
    func rankingAndAwardsThroughTheCLI() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1", "M2", "M3", "M4"])
        try await city.ok(["activity", "add", "--id", "DY-1", "--kind", "research", "--topic", "农村饮水安全", "--participants", "2",
                           "--members", "M1,M2", "--date", "2026-03-10"])
        try await city.ok(["activity", "add", "--id", "GY-1", "--kind", "welfare", "--topic", "助学结对", "--participants", "2",
                           "--members", "M1,M2", "--date", "2026-04-10"])
        try await city.ok(["activity", "add", "--id", "PX-1", "--kind", "training", "--topic", "委员履职培训", "--participants", "2",
                           "--members", "M1,M2", "--date", "2026-05-10"])
        try await city.ok(["member", "attendance", "--meeting", "常委会-1", "--present", "M3", "--date", "2026-03-18"])

        // Training is its own category in the ledger; the four minimums are shown met or missed.
        let ledger = try await city.json(["member", "ledger", "M1", "--year", "2026"])
        #expect((ledger["categories"] as? [String: Any])?["training"] as? Int == 20 && ledger["training_count"] as? Int == 1, "\(ledger)")
        #expect(ledger["minimums_missed"] as? [String] == ["proposals", "opinions"], "\(ledger)")
        let minimums = (ledger["minimums"] as? [[String: Any]]) ?? []
        #expect(minimums.map { $0["category"] as? String } == ["proposals", "opinions", "research", "welfare"]
                && minimums.map { $0["met"] as? Bool } == [false, false, true, true], "\(ledger)")
        let text = try await city.run(["member", "ledger", "M1", "--year", "2026"])
        #expect(text.output.contains("履职培训") && text.output.contains("参加履职培训") && text.output.contains("四个一：")
                && text.output.contains("公益活动 1/1 已完成") && text.output.contains("提案 0/1 未完成"), "\(text.output)")
        let list = try await city.run(["member", "list", "--year", "2026"])
        #expect(list.status == 0 && list.output.contains("四个一未完成") && list.output.contains("调研视察、公益活动"), "\(list.output)")

        // The new settings through `policy set`; one out of bounds is refused by name and records nothing.
        try await city.refused(["policy", "set", "--set", "duty.award_top_percent=101", "--effective", "2026-01-01"], "policy.values")
        let refusedBounds = try await city.run(["policy", "set", "--set", "duty.minimum_welfare=-1", "--effective", "2026-01-01"])
        #expect(refusedBounds.status == 1 && refusedBounds.output.contains("duty.minimum_welfare"), "\(refusedBounds.output)")
        #expect(try await city.json(["policy", "show"])["version"] as? Int == 1)
        try await city.ok(["policy", "set", "--set", "duty.minimum_proposals=0,duty.minimum_opinions=0,duty.talk_below_tenths=650,"
                           + "duty.award_min_tenths=700,duty.award_top_percent=50", "--effective", "2026-01-01"])
        let duty = (try await city.json(["policy", "show"])["duty"] as? [String: Any]) ?? [:]
        #expect(duty["award_top_percent"] as? Int == 50 && duty["minimum_welfare"] as? Int == 1 && duty["training_tenths"] as? Int == 20
                && (duty["caps_tenths"] as? [String: Any])?["training"] as? Int == 100, "\(duty)")

        let ranking = try await city.rows(["member", "ranking", "--year", "2026"])
        #expect(ranking.map { $0["member"] as? String } == ["M1", "M2", "M3", "M4"], "\(ranking)")
        #expect(ranking.map { $0["rank"] as? Int } == [1, 1, 3, 4], "\(ranking)")
        #expect(ranking.map { $0["total_tenths"] as? Int } == [720, 720, 620, 600], "\(ranking)")
        #expect(ranking.map { $0["award"] as? Bool } == [true, true, false, false] && ranking.first?["places"] as? Int == 2, "\(ranking)")
        #expect(ranking[2]["not_awarded"] as? [String] == ["duty.award.total", "duty.award.minimums", "duty.award.talk", "duty.award.places"],
                "\(ranking)")
        let table = try await city.run(["member", "ranking", "--year", "2026"])
        #expect(table.status == 0 && table.output.contains("2026 年度委员履职排名（4 名") && table.output.contains("72.0"), "\(table.output)")

        let awards = try await city.run(["member", "awards", "--year", "2026"])
        #expect(awards.status == 0 && awards.output.contains("名额 2 名") && awards.output.contains("第1名  M1 委员M1  72.0 分")
                && awards.output.contains("第1名  M2 委员M2") && awards.output.contains("须约谈（低于约谈线）：2 名")
                && awards.output.contains("M4 委员M4  60.0"), "\(awards.output)")
        let awardRows = try await city.rows(["member", "awards", "--year", "2026"])
        #expect(awardRows.map { $0["member"] as? String } == ["M1", "M2", "M3", "M4"]
                && awardRows.map { $0["award"] as? Bool } == [true, true, false, false], "\(awardRows)")
        // In 2025 none of them had joined: nobody is ranked, nobody awarded.
        #expect(try await city.rows(["member", "ranking", "--year", "2025"]).isEmpty)
        let none = try await city.run(["member", "awards", "--year", "2025"])
        #expect(none.status == 0 && none.output.contains("无人符合") && none.output.contains("须约谈（低于约谈线）：0 名"), "\(none.output)")

        // Bad arguments: a usage error (exit 2) naming the argument; the node refuses a bad year sent around the CLI.
        for words in [["member", "ranking", "--year", "20x6"], ["member", "awards", "--year", "99999"], ["member", "ranking", "--year", ""],
                      ["member", "awards", "--top", "3"], ["member", "ranking", "M1"]] {
            let r = try await city.run(words)
            #expect(r.status == 2 && !r.output.isEmpty, "\(words): \(r.output)")
            if words.contains("--year") { #expect(r.output.contains("--year takes a year"), "\(words): \(r.output)") }
        }
        do {
            _ = try await OwnFiguresProcessTests.query(city.fed, "city", "duty_ranking", ["year": "1e3"])
            Issue.record("a duty_ranking query with year 1e3 was answered")
        } catch {
            #expect("\(error)".contains("filter year '1e3'"), "\(error)")
        }
        #expect(city.fed.stop("city") == 0)
    }
}
