import Foundation
import Testing
import XieshangDomain
import XieshangWeb

/// The /duty page with the ranking 履职排名 and the awards 优秀委员 (issue 18, item 2), on the desk's in-process site:
/// the office sees every member ranked with the four minimums and the award or why not; a member sees their own rank
/// and none of anyone else's — not by asking for another member, not in their own page.
@Suite struct DutyRankingWebTests {
    typealias Desk = ProposalDeskTests

    /// M1 and M2 (tied, 70.0) did research and welfare; M3 nothing (60.0). Policy: no proposal/opinion minimums, award
    /// and talk lines 60, 50% → (150 + 50) / 100 = 2 places; M1 and M2 are 优秀委员, M3 misses two of the four.
    static func site() async throws -> Desk.Site {
        let site = try Desk.Site()
        var policy = site.data.state.withLock { $0.policy }
        policy.version = 2
        policy.effective = try Day(parsing: "2026-01-01", field: "d")
        policy.duty.minimumProposals = 0
        policy.duty.minimumOpinions = 0
        policy.duty.awardMinTenths = 600
        policy.duty.talkBelowTenths = 600
        policy.duty.awardTopPercent = 50
        var commands: [DomainEvent] = [.policy(policy)]
        for (id, kind) in [("DY-1", Activity.Kind.research), ("GY-1", .welfare)] {
            commands.append(.activity(Activity(id: id, kind: kind, date: try Day(parsing: "2026-04-01", field: "d"), topic: id,
                                               participants: 2, members: ["M1", "M2"])))
        }
        let result = await site.data.record(commands, actor: .office, madeBy: "test")
        if case .failure(let e) = result { Issue.record("setup refused: \(e)") }
        return site
    }

    @Test func theOfficeSeesTheRankingWithTheAwards() async throws {
        let site = try await Self.site()
        let office = try await site.user("bangong", "office")
        let page = await office.get("/duty", query: "year=2026")
        let html = Desk.text(page)
        #expect(page.status == 200 && html.contains("data-section=\"ranking\"") && html.contains("2026 年度履职排名"), "\(html.prefix(3000))")
        #expect(html.contains("<tr data-member=\"M1\" data-award><td data-rank>1</td>") && html.contains("<tr data-member=\"M2\" data-award><td data-rank>1</td>")
                && html.contains("<tr data-member=\"M3\"><td data-rank>3</td>"), "ties share a rank: \(html)")
        #expect(html.contains("名额 2 名") && html.contains("“四个一”未全部完成") && html.contains("调研视察 ✗"), "\(html)")
        let one = Desk.text(await office.get("/duty", query: "member=M1&year=2026"))
        #expect(one.contains("<dd data-rank>第 1 名 · 优秀委员</dd>") && one.contains("data-minimum=\"welfare\" data-met"), "\(one)")
        let bad = await office.get("/duty", query: "year=20261")
        #expect(bad.status == 400, "\(Desk.text(bad).prefix(500))")
    }

    @Test func aMemberSeesTheirOwnRankOnly() async throws {
        let site = try await Self.site()
        let member = try await site.user("wangqiang", "member:M3")
        let own = Desk.text(await member.get("/duty", query: "year=2026"))
        #expect(own.contains("王强（M3）2026 年履职档案") && own.contains("<dd data-rank>第 3 名</dd>"), "\(own)")
        #expect(own.contains("data-minimum=\"research\">调研视察 0 次（至少 1 次）：<strong"), "the missed minimum named: \(own)")
        // The page's random CSRF token may hold "M1" by chance (it did, once in many runs): look past it.
        let shown = own.replacingOccurrences(of: #"name="csrf" value="[^"]*""#, with: "", options: .regularExpression)
        #expect(!shown.contains("data-section=\"ranking\"") && !shown.contains("张明") && !shown.contains("李红") && !shown.contains("M1"),
                "no one else's rank or name: \(own)")
        #expect(await member.get("/duty", query: "member=M1&year=2026").status == 403, "another member's record, rank included")
    }
}
