import Foundation
import Testing
@testable import XieshangDomain

/// Plan import from CSV 协商计划导入.
@Suite struct PlanImportTests {
    static let bodies = ["碧江区政协": "cn.gz.tongren.bijiang", "万山区政协": "cn.gz.tongren.wanshan",
                         "镇远县政协": "cn.gz.qdn.zhenyuan"]

    func draftedCity() throws -> DomainState {
        var state = DomainState(body: cityBody)
        try state.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2026-01-05"),
                                         .drafted(year: 2026, title: "2026年度政治协商计划"))), by: .office)
        return state
    }

    static func sampleBytes() throws -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent("Ops/samples/plan-2026.csv")))
    }

    @Test func importsTheSampleWithBOMAndCRLF() throws {
        var state = try draftedCity()
        let bytes = try Self.sampleBytes()
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let events = try state.importPlan(csv: bytes, planID: "2026", on: day("2026-01-06"), bodiesByName: Self.bodies)
        #expect(events.count == 10)
        let plan = try #require(state.plans[PlanKey(issuer: cityBody.id, planID: "2026")])
        #expect(plan.items.map(\.id).prefix(3) == ["1-01", "1-02", "2-01"])
        let i2 = plan.item("1-02")!
        #expect(i2.topic == "优化营商环境，服务民营经济发展" && i2.deadline == day("2026-04-30"))
        #expect(plan.item("2-01")!.deadline == day("2026-06-30"))
        #expect(plan.item("2-01")!.assignees == ["cn.gz.qdn.zhenyuan", "cn.gz.tongren.wanshan"])
        #expect(plan.item("4-01")!.topic == "乡村旅游提质增效，\"梵净山\"品牌建设")
        #expect(plan.item("5-02")!.assignees.count == 3)
    }

    @Test func importsWithoutBOMAndWithQuotedLineBreaks() throws {
        var state = try draftedCity()
        let csv = "序号,类别,议题名称,形式,牵头领导,责任部门,责任人,时限,承办组织\n"
            + "A1,专题,\"多行\n议题，含逗号, 和 \"\"引号\"\"\",专题协商,主席,市民政局,某,2026.5.1,\"万山区政协\n碧江区政协\"\n"
        let events = try state.importPlan(csv: Array(csv.utf8), planID: "2026", on: day("2026-01-06"), bodiesByName: Self.bodies)
        #expect(events.count == 1)
        let item = try #require(state.plans[PlanKey(issuer: cityBody.id, planID: "2026")]?.item("A1"))
        #expect(item.topic == "多行\n议题，含逗号, 和 \"引号\"")
        #expect(item.assignees == ["cn.gz.tongren.wanshan", "cn.gz.tongren.bijiang"])
        #expect(item.deadline == day("2026-05-01"))
    }

    @Test func everyBadRowIsReportedAndNothingImported() throws {
        var state = try draftedCity()
        let before = state
        let csv = "\u{FEFF}编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位\r\n"
            + "1,甲,好议题,专题协商,主席,市民政局,某,2026-03-31,万山区政协\r\n"      // line 2: fine
            + "2,甲,,专题协商,主席,市民政局,某,2026-02-30,万山区政协\r\n"            // line 3: no topic, no such day
            + "\r\n"                                                                 // line 4: blank, skipped
            + "1,甲,重复,专题协商,主席,市民政局,某,2026-03-31,火星政协\r\n"          // line 5: id repeats, unknown body
            + "3,甲,\"跨\r\n行\",专题协商,主席,市民政局,某,2027-01-01,万山区政协\r\n" // line 6–7: deadline outside 2026
            + "4,甲,少列,专题协商\r\n"                                               // line 8: too few fields
        let error = expectRefused("import.rows") {
            try state.importPlan(csv: Array(csv.utf8), planID: "2026", on: day("2026-01-06"), bodiesByName: Self.bodies)
        }
        #expect(error?.code == .importRejected)
        #expect(error?.rows.map(\.line) == [3, 5, 6, 8])
        #expect(error?.rows[0].reason.contains("议题为空") == true)
        #expect(error?.rows[0].reason.contains("2026-02-30") == true)
        #expect(error?.rows[1].reason.contains("第 2 行重复") == true)
        #expect(error?.rows[1].reason.contains("火星政协") == true)
        #expect(state == before)
    }

    @Test func planRulesAreCheckedPerRowToo() throws {
        var state = try draftedCity()
        try state.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2026-01-05"), .itemAdded(ConsultationPlanTests.item))),
                         by: .office)
        let before = state
        let csv = "编号,议题,牵头领导,责任部门,完成时限,承办单位\n9,新议题,主席,市民政局,2026-09-30,万山区政协\n2-01,已有,主席,市民政局,2026-09-30,万山区政协\n"
        let error = expectRefused("import.rows") {
            try state.importPlan(csv: Array(csv.utf8), planID: "2026", on: day("2026-01-06"), bodiesByName: Self.bodies)
        }
        #expect(error?.rows.map(\.line) == [3])
        #expect(state == before)
    }

    @Test func missingColumnsAndBadEncodingAreRejected() throws {
        var state = try draftedCity()
        let noDeadline = "编号,议题,牵头领导,责任部门,承办单位\n1,议题,主席,部门,万山区政协\n"
        let e = expectRefused("import.header") {
            try state.importPlan(csv: Array(noDeadline.utf8), planID: "2026", on: day("2026-01-06"), bodiesByName: Self.bodies)
        }
        #expect(e?.rows.first?.reason.contains("完成时限") == true)
        // GBK bytes (as an old Excel would save them) are not UTF-8.
        expectRefused("csv.utf8") {
            try state.importPlan(csv: [0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0x0A], planID: "2026", on: day("2026-01-06"),
                                 bodiesByName: Self.bodies)
        }
        expectRefused("csv.quote") {
            try state.importPlan(csv: Array("编号,议题\n1,\"未闭合\n".utf8), planID: "2026", on: day("2026-01-06"),
                                 bodiesByName: Self.bodies)
        }
        expectRefused("plan.exists") {
            try state.importPlan(csv: Array(noDeadline.utf8), planID: "2027", on: day("2026-01-06"), bodiesByName: Self.bodies)
        }
    }
}
