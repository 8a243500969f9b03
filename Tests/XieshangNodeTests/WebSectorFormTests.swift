import Foundation
import Testing
import XieshangDomain
import XieshangWeb
import XieshangReport
@testable import XieshangNode

/// The activity form's 界别 and 民主评议 fields (issue 18), on the proposal desk's site whose recording path is the
/// domain's own rules: the fields are shown, a good post records them, and each abuse — a sector consultation without a
/// sector, a bad or repeated sector, an appraisal without its unit, an unknown result — answers 422 naming the field
/// and records nothing.
@Suite struct WebSectorFormTests {
    static func fields(_ id: String, kind: String, form: String = "", extra: [(String, String)]) -> [(String, String)] {
        [("id", id), ("kind", kind), ("form", form), ("date", "2026-03-02"), ("topic", "议题\(id)"), ("participants", "12")] + extra
    }

    @Test func theActivityFormRecordsSectorsAndAnAppraisalsUnitAndResult() async throws {
        let site = try ProposalDeskTests.Site()
        let clerk = try await site.user("clerk1", "clerk")
        let page = String(decoding: (await clerk.get("/forms/activity")).body, as: UTF8.self)
        #expect(page.contains("name=\"sectors\"") && page.contains("name=\"target_unit\"") && page.contains("name=\"result\"")
                && page.contains("基本满意"), "\(page)")
        let csrf = WebLoginTests.csrf(in: await clerk.get("/forms/activity"))

        let sector = await clerk.post("/forms/activity", [("csrf", csrf)] + Self.fields("HD-1", kind: "consultation", form: "sector",
                                                                                       extra: [("sectors", "经济界，农业界")]))
        #expect(sector.status == 303, "\(String(decoding: sector.body, as: UTF8.self))")
        #expect(site.data.state.withLock { $0.activities["HD-1"]?.sectors } == ["经济界", "农业界"])

        let appraisal = await clerk.post("/forms/activity", [("csrf", csrf)] + Self.fields("PY-1", kind: "appraisal",
                                                                                          extra: [("target_unit", "县交通运输局"), ("result", "basicallySatisfied")]))
        #expect(appraisal.status == 303, "\(String(decoding: appraisal.body, as: UTF8.self))")
        #expect(site.data.state.withLock { $0.activities["PY-1"]?.appraisal } == Activity.Appraisal(targetUnit: "县交通运输局", result: .basicallySatisfied))
    }

    @Test func badSectorsAndAnAppraisalWithoutItsUnitAre422NamingTheFieldAndRecordNothing() async throws {
        let site = try ProposalDeskTests.Site()
        let clerk = try await site.user("clerk1", "clerk")
        let csrf = WebLoginTests.csrf(in: await clerk.get("/forms/activity"))
        let cases: [(String, [(String, String)], String)] = [
            ("a sector consultation without a sector", Self.fields("A1", kind: "consultation", form: "sector", extra: [("sectors", " ， ")]),
             "界别协商须注明界别"),
            ("an over-long sector", Self.fields("A2", kind: "research", extra: [("sectors", String(repeating: "界", count: 31))]), "界别名称须非空"),
            ("a sector twice", Self.fields("A3", kind: "research", extra: [("sectors", "经济界,经济界")]), "界别重复登记"),
            ("an appraisal without its unit", Self.fields("A4", kind: "appraisal", extra: [("result", "satisfied")]), "民主评议须注明被评议单位"),
            ("a unit on an inspection", Self.fields("A5", kind: "inspection", extra: [("target_unit", "县国土局")]), "只有民主评议有被评议单位"),
            ("an unknown result", Self.fields("A6", kind: "appraisal", extra: [("target_unit", "县国土局"), ("result", "excellent")]),
             "评议结果“excellent”无效"),
        ]
        for (what, fields, message) in cases {
            let r = await clerk.post("/forms/activity", [("csrf", csrf)] + fields)
            let html = String(decoding: r.body, as: UTF8.self)
            #expect(r.status == 422 && html.contains("data-refusal") && html.contains(message), "\(what): \(r.status) \(html)")
        }
        #expect(site.data.state.withLock { $0.activities.isEmpty } && site.data.count == 0)
    }
}

/// The dashboard 统计数字 shows activities and 人次 per 界别 from the records the node holds, its own and the subtree's
/// (a township's activity recorded at a township of this county reaches it as a descendant's record).
@Suite(.serialized) struct WebSectorDashboardTests {
    @Test func theDashboardShowsFiguresPerSector() async throws {
        let pair = try await CountyWithFakeTownship.make()
        let runtime = pair.county.runtime
        let data = NodeWebData(runtime: runtime, startedAt: Date())
        let today = Day(chinaTimeMs: runtime.now())
        let activities: [DomainEvent] = [
            .activity(Activity(id: "HD-S1", kind: .consultation, form: .sector, date: today, topic: "界别协商", participants: 20,
                               sectors: ["经济界", "农业界"])),
            .activity(Activity(id: "HD-S2", kind: .research, date: today, topic: "调研", participants: 5, sectors: ["经济界"])),
            .activity(Activity(id: "HD-S3", kind: .research, date: today, topic: "调研", participants: 3)),
        ]
        guard case .success(.recorded) = await data.record(activities, actor: .office, madeBy: "user:office") else {
            Issue.record("the activities were not recorded")
            await pair.close()
            return
        }
        let appraisal: DomainEvent = .activity(Activity(id: "PY-S1", kind: .appraisal, date: today, topic: "民主评议", participants: 9,
                                                        appraisal: .init(targetUnit: "县交通运输局", result: .satisfied)))
        _ = await data.record([appraisal], actor: .office, madeBy: "user:office")
        let dashboard = await data.dashboard(period: String(today.year), body: nil)
        // The activity list and detail pages read the sectors, the unit appraised and the result (labelled 满意).
        let kind = try #require(RecordKind.named("activities"))
        let rows = try await data.records(kind).get().rows
        await pair.close()
        #expect(rows.first { $0["id"] == "HD-S1" }?["sectors"] == "经济界、农业界", "\(rows)")
        let py = try #require(rows.first { $0["id"] == "PY-S1" })
        #expect(py["target_unit"] == "县交通运输局" && kind.display("result", py["result"] ?? "") == "满意", "\(py)")
        let model = try dashboard.get().model
        #expect(model.sectorRows == [["经济界", "2", "25", "2", "25"], ["农业界", "1", "20", "1", "20"]], "\(model.sectorRows)")
        let html = HTMLReport.sections(model, link: { _ in nil })
        #expect(html.contains("分界别活动") && html.contains("<td>农业界</td>"), "\(html)")
        // The signed figures count each activity once, as before.
        #expect(model.bodies.first?.own["activity_participants"] == 37 && model.bodies.first?.own["research_visits"] == 2)
    }
}
