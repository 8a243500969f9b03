import Testing
import XieshangWire
@testable import XieshangDomain

/// Research and inspection reports 调研视察报告 (issue 18 item 2): a report of a research visit or inspection of the body,
/// leaders' instructions 批示 on it and its conversion 成果转化 into a proposal, an opinion report or a 建议案 — one test
/// per rule, the figures, and the wire.
@Suite struct ResearchReportTests {
    var county: Node

    init() throws {
        county = Node(countyBody)
        try county.addMembers(["m1"])
        try county.record(.activity(Activity(id: "DY1", kind: .research, date: day("2026-03-01"), topic: "农村饮水安全", participants: 12)), by: .office)
        try county.record(.activity(Activity(id: "SC1", kind: .inspection, date: day("2026-03-05"), topic: "民营经济", participants: 8)), by: .office)
        try county.record(.activity(Activity(id: "XS1", kind: .consultation, form: .topical, date: day("2026-03-06"), topic: "协商",
                                             participants: 20)), by: .office)
    }

    static func report(_ id: String = "R1", activity: String = "DY1", on: String = "2026-03-10", title: String = "关于农村饮水安全的调研报告",
                       text: String = "调研发现……") -> DomainEvent {
        .research(ResearchEvent(id, on: day(on), .reported(activityID: activity, title: title, text: text)))
    }

    static func instruction(_ id: String = "R1", on: String = "2026-03-20", leader: String = "县委书记张三", level: String = "县委",
                            text: String = "请县水务局抓好落实") -> DomainEvent {
        .research(ResearchEvent(id, on: day(on), .instructed(leader: leader, level: level, text: text)))
    }

    static func convert(_ c: ResearchReport.Conversion, id: String = "R1", on: String = "2026-04-01") -> DomainEvent {
        .research(ResearchEvent(id, on: day(on), .converted(c)))
    }

    /// Expects `command` refused by `rule` at the county, with nothing recorded.
    mutating func refused(_ rule: String, _ command: DomainEvent, sourceLocation: SourceLocation = #_sourceLocation) {
        let before = county.state, logged = county.log.count
        expectRefused(rule, sourceLocation: sourceLocation) { try county.record(command, by: .office) }
        #expect(county.state == before && county.log.count == logged, sourceLocation: sourceLocation)
    }

    @Test mutating func aReportOfAResearchVisitOrInspectionIsRecordedWithItsKind() throws {
        try county.record(Self.report("R1", activity: "DY1"), by: .office)
        try county.record(Self.report("R2", activity: "SC1", title: "关于民营经济发展状况的视察报告"), by: .office)
        #expect(county.state.researchReports["R1"]?.kind == .research)
        #expect(county.state.researchReports["R2"]?.kind == .inspection)
        #expect(county.state.researchReports["R2"]?.reportedOn == day("2026-03-10"))
        #expect(county.replayed == county.state)
    }

    @Test mutating func aReportNeedsAnIdATitleAndATextOfBoundedLength() {
        refused("research.fields", Self.report(""))
        refused("research.fields", Self.report(title: "  "))
        refused("research.fields", Self.report(text: ""))
        refused("research.length", Self.report(title: String(repeating: "题", count: ResearchReport.maxTitleLength + 1)))
        refused("research.length", Self.report(text: String(repeating: "文", count: ResearchReport.maxTextLength + 1)))
    }

    @Test mutating func aReportNamesAResearchOrInspectionOfThisBodyOnOrAfterItsDay() throws {
        refused("research.activity", Self.report(activity: "NONE"))
        refused("research.activity.kind", Self.report(activity: "XS1"))
        refused("research.date.activity", Self.report(on: "2026-02-28"))
        try county.record(Self.report(), by: .office)
        refused("research.id.unique", Self.report(activity: "SC1"))
    }

    @Test mutating func anInstructionNamesTheLeaderAKnownLevelAndAText() throws {
        refused("research.exists", Self.instruction("NONE"))
        try county.record(Self.report(), by: .office)
        refused("research.instruction.fields", Self.instruction(leader: " "))
        refused("research.instruction.fields", Self.instruction(text: ""))
        refused("research.instruction.level", Self.instruction(level: "村委"))
        refused("research.instruction.level", Self.instruction(level: ""))
        refused("research.date.order", Self.instruction(on: "2026-03-09"))
        try county.record(Self.instruction(), by: .office)
        try county.record(Self.instruction(on: "2026-03-25", leader: "县长李四", level: "县政府"), by: .office)
        #expect(county.state.researchReports["R1"]?.instructions.map(\.level) == ["县委", "县政府"])
        #expect(county.state.researchReports["R1"]?.firstInstructedOn == day("2026-03-20"))
    }

    @Test mutating func aConversionNamesAProposalOrAnOpinionReportOfThisBodyOrAnAdviceTitleOnce() throws {
        try county.record(Self.report(), by: .office)
        refused("research.convert.proposal", Self.convert(.proposal("P1")))
        refused("research.convert.opinion", Self.convert(.opinion("XX-1")))
        refused("research.convert.advice", Self.convert(.advice(title: " ")))
        refused("research.convert.advice", Self.convert(.advice(title: String(repeating: "案", count: ResearchReport.maxTitleLength + 1))))
        refused("research.date.order", Self.convert(.advice(title: "关于农村饮水安全的建议案"), on: "2026-03-01"))
        refused("research.exists", Self.convert(.advice(title: "关于农村饮水安全的建议案"), id: "R9"))

        try county.record(.proposal(ProposalEvent("P1", on: day("2026-03-15"), .submitted(.init(
            title: "关于农村饮水安全的提案", text: "建议……", kind: .individual, firstProposer: "m1")))), by: .member("m1"))
        let author = OpinionEvent.Provenance(originBody: countyBody.id, originReportID: "XX-1", author: "m1", authorKind: .member)
        try county.record(.opinion(OpinionEvent(author, at: countyBody.id, on: day("2026-03-16"), .submitted(title: "饮水", text: "……"))),
                          by: .office)
        try county.record(Self.convert(.proposal("P1")), by: .office)
        try county.record(Self.convert(.opinion("XX-1")), by: .office)
        try county.record(Self.convert(.advice(title: "关于农村饮水安全的建议案")), by: .office)
        refused("research.convert.once", Self.convert(.opinion("XX-1"), on: "2026-04-02"))
        #expect(county.state.researchReports["R1"]?.conversions.map(\.conversion.kind) == ["proposal", "opinion", "advice"])
        #expect(county.replayed == county.state)
    }

    @Test mutating func figuresCountReportsByKindReportsInstructedOnceAndConversionsByKind() throws {
        try county.record(Self.report("R1", activity: "DY1"), by: .office)
        try county.record(Self.report("R2", activity: "SC1"), by: .office)
        try county.record(Self.report("R3", activity: "SC1", on: "2026-04-02"), by: .office)
        try county.record(Self.instruction("R1", on: "2026-03-20"), by: .office)
        try county.record(Self.instruction("R1", on: "2026-04-05", leader: "县长李四", level: "县政府"), by: .office)
        try county.record(Self.instruction("R2", on: "2026-04-10"), by: .office)
        try county.record(Self.convert(.advice(title: "建议案一"), id: "R1"), by: .office)
        try county.record(Self.convert(.advice(title: "建议案二"), id: "R2", on: "2026-04-11"), by: .office)

        let year = county.state.figures(for: .year(2026))
        #expect(year.researchReports == 1 && year.inspectionReports == 2)
        // R1 has two instructions but counts once, in the quarter of its first.
        #expect(year.researchReportsInstructed == 2)
        #expect(year.researchConvertedToAdvice == 2 && year.researchConvertedToProposals == 0 && year.researchConvertedToOpinions == 0)
        let q1 = county.state.figures(for: .quarter(2026, 1)), q2 = county.state.figures(for: .quarter(2026, 2))
        #expect(q1.researchReports == 1 && q1.inspectionReports == 1 && q1.researchReportsInstructed == 1)
        #expect(q2.inspectionReports == 1 && q2.researchReportsInstructed == 1 && q2.researchConvertedToAdvice == 2)
        // Carried by name, as the rollup carries them.
        let named = year.namedCounts
        #expect(named["inspection_reports"] == 2 && named["research_reports_instructed"] == 2 && named["research_converted_to_advice"] == 2)
        #expect(try Figures(period: .year(2026), namedCounts: named) == year)
        #expect(try Figures(wire: year.wireMessage) == year)
        // The days a step re-rolls: the step's and the report's own.
        #expect(Set(county.state.figureDays(of: Self.instruction("R2", on: "2026-04-10")).days).isSuperset(of: [day("2026-03-10"), day("2026-04-10")]))
    }

    @Test func everyStepRoundTripsOnTheWireAndAnUnknownConversionIsRefused() throws {
        for e in [Self.report(), Self.instruction(), Self.convert(.proposal("P1")), Self.convert(.opinion("XX-1")),
                  Self.convert(.advice(title: "建议案"))] {
            #expect(e.eventKind == .research)
            #expect(try DomainEvent(kind: .research, payload: e.payloadBytes()) == e)
        }
        let unknown = XieshangWire.ResearchEvent(reportId: "R1", on: "2026-04-01",
                                                 step: .converted(.init(conversion: .unrecognized(9), target: "x")))
        expectRefused("wire.field") { _ = try DomainEvent(kind: .research, payload: unknown.serializedBytes()) }
        expectRefused("wire.field") { _ = try DomainEvent(kind: .research, payload: XieshangWire.ResearchEvent(reportId: "R1", on: "2026-04-01").serializedBytes()) }
        expectRefused("date.format") {
            _ = try DomainEvent(kind: .research, payload: XieshangWire.ResearchEvent(reportId: "R1", on: "2026-13-01",
                                                                                    step: .instructed(.init(leader: "a", level: "县委", text: "b"))).serializedBytes())
        }
    }

    @Test func aTownshipsReportsStayItsOwnAtTheCounty() throws {
        // The county receives the township's research events as the township's records (kept by owner), never its own.
        let e = Self.report()
        #expect(e.reach(signer: townshipBody.id, at: countyBody.id, arrived: .up) == .othersRecord)
        #expect(e.routing(recordedAt: townshipBody) == .up(to: countyBody.id))
    }
}
