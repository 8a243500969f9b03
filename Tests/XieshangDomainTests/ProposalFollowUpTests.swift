import Foundation
import Testing
@testable import XieshangDomain

/// Issue 18, the proposals side of the seeds' missing practices: leaders' instructions 批示 and supervision 督办 fed
/// back on the proposal (贵阳), key-proposal outcome figures (遵义: 重点提案 16 of 16 落实), the intake channel of every
/// proposal and report with figures per channel (镇远: 96 of 118 online), the import of a session's proposals from CSV
/// (遵义: 445 registered; all rows checked first, all or none), and the units' handling table (纳入部门绩效考核).
/// Every refusal is named and records nothing.
@Suite struct ProposalFollowUpTests {
    var county: Node

    init() throws {
        county = Node(countyBody)
        try county.addMembers(["m1", "m2", "m3"])
    }

    func p(_ id: String = "P1") -> Proposal { county.state.proposals[id]! }

    mutating func step(_ id: String = "P1", _ on: String, _ step: ProposalEvent.Step, by actor: Actor) throws {
        try county.record(.proposal(ProposalEvent(id, on: day(on), step)), by: actor)
    }

    /// Submitted on 2026-01-10 by m1 (online), registered on 2026-01-20.
    mutating func registered(_ id: String = "P1") throws {
        try step(id, "2026-01-10", .submitted(.init(title: "关于\(id)的提案", text: "建议……", kind: .individual, firstProposer: "m1")),
                 by: .member("m1"))
        try step(id, "2026-01-20", .reviewed(.registered(number: id)), by: .committee)
    }

    /// Registered, assigned to 县住建局 on 2026-02-01 (due 2026-05-01) and replied with `cls` on `repliedOn`.
    mutating func replied(_ id: String = "P1", unit: String = "县住建局", cls: String = "A", repliedOn: String = "2026-04-01") throws {
        try registered(id)
        try step(id, "2026-02-01", .assigned(.init(.lead(unit, coHandling: []))), by: .committee)
        try step(id, repliedOn, .replied(unit: unit, replyClass: cls, text: "已办理"), by: .unit(unit))
    }

    static let instruction = ProposalEvent.Instruction(leaderLevel: "city", leader: "市委书记 王某", text: "请县住建局牵头办理，按季度报告进展")

    // MARK: 批示

    /// A leader's instruction is recorded by the committee on a registered, open proposal and shown on the proposal
    /// (the proposers read it there); a member's command, one on a submitted or closed proposal and one without a
    /// leader or text are refused by name and record nothing. The instruction counts in the figures.
    @Test mutating func leadersInstructionOnAProposal() throws {
        try step("P1", "2026-01-10", .submitted(.init(title: "关于停车的提案", text: "建议……", kind: .individual, firstProposer: "m1")),
                 by: .member("m1"))
        expectRefused("proposal.instruct.state") { try step("P1", "2026-01-15", .instructed(Self.instruction), by: .committee) }
        try step("P1", "2026-01-20", .reviewed(.registered(number: "1")), by: .committee)
        expectRefused("proposal.instruct.actor") { try step("P1", "2026-01-25", .instructed(Self.instruction), by: .member("m1")) }
        expectRefused("proposal.instruct.fields") {
            try step("P1", "2026-01-25", .instructed(.init(leaderLevel: "city", leader: "", text: "请办理")), by: .committee)
        }
        expectRefused("proposal.instruct.fields") {
            try step("P1", "2026-01-25", .instructed(.init(leaderLevel: "city", leader: "市长", text: "")), by: .committee)
        }
        #expect(p().instructions.isEmpty && county.state.figures(for: .year(2026)).proposalsInstructed == 0)
        try step("P1", "2026-01-25", .instructed(Self.instruction), by: .office)
        #expect(p().instructions == [Proposal.Instruction(instruction: Self.instruction, on: day("2026-01-25"))])
        #expect(county.state.figures(for: .year(2026)).proposalsInstructed == 1)
        #expect(county.state.figures(for: .month(2026, 2)).proposalsInstructed == 0)
        #expect(county.replayed == county.state)
    }

    // MARK: 督办 and key-proposal outcomes

    /// Supervision is recorded only on a key proposal, with a note, by the committee; a result (implemented or not)
    /// only once the units replied; progress before. The proposer sees every step on the proposal. The figures count
    /// the key proposals marked in the period and, of them, those closed and those implemented by its end — the
    /// 遵义 "重点提案落实 n of m" — and an ancestor recomputes them the same way (they survive the wire).
    @Test mutating func supervisionOfAKeyProposalAndItsOutcomeFigures() throws {
        try registered("P1")
        try step("P1", "2026-02-01", .assigned(.init(.lead("县住建局", coHandling: []))), by: .committee)
        let progress = ProposalEvent.Step.supervised(outcome: .inProgress, note: "已召开现场督办会")
        expectRefused("proposal.supervise.key") { try step("P1", "2026-02-10", progress, by: .committee) }
        try step("P1", "2026-01-25", .keyProposal(supervisor: "县政协主席 张某"), by: .committee)
        expectRefused("proposal.supervise.actor") { try step("P1", "2026-02-10", progress, by: .unit("县住建局")) }
        expectRefused("proposal.supervise.note") {
            try step("P1", "2026-02-10", .supervised(outcome: .inProgress, note: ""), by: .committee)
        }
        expectRefused("proposal.supervise.date") { try step("P1", "2026-01-24", progress, by: .committee) }
        expectRefused("proposal.supervise.result") {
            try step("P1", "2026-02-10", .supervised(outcome: .implemented, note: "已落实"), by: .committee)
        }
        #expect(p().supervisions.isEmpty)
        try step("P1", "2026-02-10", .instructed(Self.instruction), by: .committee)
        try step("P1", "2026-02-12", progress, by: .committee)
        try step("P1", "2026-04-01", .replied(unit: "县住建局", replyClass: "A", text: "已建成停车场"), by: .unit("县住建局"))
        try step("P1", "2026-05-20", .supervised(outcome: .implemented, note: "停车场已投入使用"), by: .committee)
        #expect(p().supervisions.map(\.outcome) == [.inProgress, .implemented])
        #expect(p().supervisionOutcome(asOf: day("2026-03-31")) == .inProgress)

        // A second key proposal, marked in the same year, is not implemented by the year's end.
        try registered("P2")
        try step("P2", "2026-01-26", .keyProposal(supervisor: "县政协副主席 李某"), by: .committee)
        let year = county.state.figures(for: .year(2026))
        #expect(year.keyProposals == 2 && year.keyProposalsImplementedOfMarked == 1 && year.keyProposalsClosedOfMarked == 0)
        #expect(year.keyProposalsSupervised == 2 && year.proposalsInstructed == 1)
        #expect(year.keyProposalImplementationRate == Rate(1, of: 2))
        // By the cohort's end: P1 was marked in Q1 and implemented only in Q2.
        let q1 = county.state.figures(for: .quarter(2026, 1))
        #expect(q1.keyProposals == 2 && q1.keyProposalsImplementedOfMarked == 0 && q1.keyProposalsSupervised == 1)
        #expect(try Figures(wire: year.wireMessage) == year)
        #expect(try Figures(period: .year(2026), namedCounts: year.namedCounts) == year)
        #expect(year.namedCounts["key_proposals_implemented_of_marked"] == 1)
        #expect(FigureNames.rates(year.namedCounts).first { $0.name == "key_proposal_implementation_rate" }?.text == "50.0% (1/2)")
        #expect(county.replayed == county.state)
    }

    /// Every new step survives the wire, and the replayed log gives the same proposal.
    @Test func newStepsRoundTripTheWire() throws {
        let steps: [ProposalEvent.Step] = [
            .instructed(Self.instruction),
            .supervised(outcome: .partlyImplemented, note: "部分完成"), .supervised(outcome: .notImplemented, note: "资金未落实"),
            .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "m1", cosignDeadline: day("2026-01-17"), channel: .paper)),
        ]
        for s in steps {
            let e = ProposalEvent("P1", on: day("2026-03-01"), s, policyVersion: 1)
            #expect(try ProposalEvent(wire: e.wireMessage) == e)
        }
        var unset = ProposalEvent("P1", on: day("2026-03-01"), .supervised(outcome: .inProgress, note: "n")).wireMessage
        if case .supervised(var v)? = unset.step { v.outcome = .unspecified; unset.step = .supervised(v) }
        #expect(throws: DomainError.self) { try ProposalEvent(wire: unset) }
    }

    // MARK: Intake channels

    /// Online (web) proposals are submitted by their proposer; paper, session and chat-group ones are entered by the
    /// office on the proposer's behalf. The office entering an online proposal, or a member one received on paper, is
    /// refused by name and records nothing. The figures split the proposals filed and the reports received (at their
    /// origin only) by channel, and those maps add up across bodies.
    @Test mutating func intakeChannelsAndTheirFigures() throws {
        func submission(_ channel: IntakeChannel) -> ProposalEvent.Step {
            .submitted(.init(title: "关于路灯的提案", text: "建议……", kind: .individual, firstProposer: "m1", channel: channel))
        }
        expectRefused("proposal.submit.actor") { try step("P1", "2026-01-10", submission(.web), by: .office) }
        expectRefused("proposal.submit.channel") { try step("P1", "2026-01-10", submission(.paper), by: .member("m1")) }
        #expect(county.state.proposals.isEmpty)
        try step("P1", "2026-01-10", submission(.web), by: .member("m1"))
        try step("P2", "2026-01-10", submission(.paper), by: .office)
        try step("P3", "2026-01-10", submission(.session), by: .committee)
        try step("P4", "2026-01-11", submission(.chatGroup), by: .office)
        #expect(p("P2").submission.channel == .paper && p("P2").submission.firstProposer == "m1")

        let report = OpinionEvent.Provenance(originBody: countyBody.id, originReportID: "R1", author: "m2", authorKind: .member)
        try county.record(.opinion(OpinionEvent(report, at: countyBody.id, on: day("2026-02-01"),
                                                .submitted(title: "关于饮水的信息", text: "……", channel: .chatGroup))), by: .office)
        let f = county.state.figures(for: .year(2026))
        #expect(f.proposalsByChannel == ["web": 1, "paper": 1, "session": 1, "chatGroup": 1] && f.proposalsFiled == 4)
        #expect(f.opinionsByChannel == ["chatGroup": 1])
        #expect(f.namedCounts["proposals_by_channel.paper"] == 1 && f.namedCounts["opinions_by_channel.chatGroup"] == 1)
        let sum = f + f
        #expect(sum.proposalsByChannel["paper"] == 2 && sum.opinionsByChannel["chatGroup"] == 2)
        #expect(try Figures(wire: f.wireMessage) == f)
        #expect(county.replayed == county.state)
    }

    /// A submission stored before channels were recorded carries none on the wire and reads as online (web): until then
    /// only the proposer could submit. A channel this version does not know is refused, never guessed.
    @Test func anUnrecordedChannelReadsAsWeb() throws {
        var old = ProposalEvent("P1", on: day("2026-01-10"), .submitted(.init(title: "t", text: "x", kind: .individual,
                                                                             firstProposer: "m1", channel: .paper))).wireMessage
        func channel(_ value: Int32) -> ProposalEvent? {
            if case .submitted(var s)? = old.step { s.channel = .init(protoValue: value); old.step = .submitted(s) }
            return try? ProposalEvent(wire: old)
        }
        guard case .submitted(let paper)? = channel(3)?.step, case .submitted(let unrecorded)? = channel(0)?.step else {
            Issue.record("the submissions do not decode"); return
        }
        #expect(paper.channel == .paper && unrecorded.channel == .web)
        #expect(channel(9) == nil)
        var report = OpinionEvent(.init(originBody: "c", originReportID: "R", author: "m1", authorKind: .member), at: "c",
                                  on: day("2026-01-10"), .submitted(title: "t", text: "x", channel: .session)).wireMessage
        #expect(try OpinionEvent(wire: report).step == .submitted(title: "t", text: "x", channel: .session))
        if case .submitted(var s)? = report.step { s.channel = .init(protoValue: 0); report.step = .submitted(s) }
        #expect(try OpinionEvent(wire: report).step == .submitted(title: "t", text: "x", channel: .web))
    }

    // MARK: Import

    static var fixture: [UInt8] {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let path = root.appendingPathComponent("Ops/samples/proposals-445.csv").path
            guard let data = FileManager.default.contents(atPath: path) else { throw DomainError(.notFound, "no fixture at \(path)") }
            return Array(data)
        }
    }

    /// 遵义 registered 445 proposals at its session: the fixture's 445 rows are all checked, then recorded together, each
    /// entered by the office with its channel (never online); the figures count 445 filed, split by channel.
    @Test mutating func importsTheSessionsFourHundredFortyFiveProposals() throws {
        try county.addMembers((1...200).map { String(format: "M%03d", $0) })
        let rows = try ProposalImport.rows(csv: try Self.fixture)
        #expect(rows.count == 445 && rows.first?.line == 2)
        let events = try county.state.importProposals(rows)
        #expect(events.count == 445 && county.state.proposals.count == 445)
        let f = county.state.figures(for: .year(2026))
        #expect(f.proposalsFiled == 445 && f.proposalsByChannel.values.reduce(0, +) == 445 && f.proposalsByChannel["web"] == nil)
        #expect(county.state.proposals.values.contains { $0.submission.kind == .joint && !$0.submission.cosigners.isEmpty })
    }

    /// One bad row anywhere refuses the whole file: every bad row is named by its line and column — those the file
    /// itself shows (a date, a kind, an online channel, a joint proposal without co-signers, a repeated id) before the
    /// body's rules are asked, then those the rules refuse (a proposer who is not a member, an id already taken) — and
    /// nothing is recorded.
    @Test mutating func aBadRowRefusesTheWholeImportNamingRowAndColumn() throws {
        try county.addMembers((1...200).map { String(format: "M%03d", $0) })
        var lines = String(decoding: try Self.fixture, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func set(_ line: Int, _ column: Int, _ value: String) {
            var fields = lines[line - 1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = value
            lines[line - 1] = fields.joined(separator: ",")
        }
        set(10, 8, "2026-13-40")         // 提交日期
        set(20, 3, "特别")                // 类型
        set(30, 9, "网上")                // 渠道
        set(40, 0, "ZY-2026-001")         // 编号 repeats line 2
        let csv = Array(lines.joined(separator: "\n").utf8)
        let error = expectRefused("import.rows") { _ = try ProposalImport.rows(csv: csv) }
        #expect(error?.rows.map(\.line) == [10, 20, 30, 40])
        for (row, column) in zip(error?.rows ?? [], ["提交日期", "类型", "渠道", "编号"]) {
            #expect(row.reason.contains("第 \(row.line) 行") && row.reason.contains("“\(column)”列"), "\(row.reason)")
        }

        // Rows the file shows no fault in, refused by the body's rules: named by line and column, nothing recorded.
        let good = String(decoding: try Self.fixture, as: UTF8.self)
        var rows = try ProposalImport.rows(csv: Array(good.utf8))
        if case .submitted(var s) = rows[99].event.step { s.firstProposer = "M999"; rows[99].event.step = .submitted(s) }
        try step("ZY-2026-300", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "M001")),
                 by: .member("M001"))
        let before = county.state
        let refused = expectRefused("import.rows") { try county.state.importProposals(rows) }
        #expect(refused?.rows.map(\.line) == [101, 301], "\(String(describing: refused))")
        #expect(refused?.rows.first?.reason.contains("“第一提案人”列") == true && refused?.rows.first?.reason.contains("[proposal.submit.member]") == true)
        #expect(refused?.rows.last?.reason.contains("“编号”列") == true && refused?.rows.last?.reason.contains("[proposal.id.unique]") == true)
        #expect(county.state == before && county.state.proposals.count == 1)

        expectRefused("import.header") { _ = try ProposalImport.rows(csv: Array("编号,案由\nX,Y\n".utf8)) }
        expectRefused("import.empty") { _ = try ProposalImport.rows(csv: Array("编号,案由,正文,第一提案人,提交日期\n".utf8)) }
    }

    // MARK: The units' handling table

    /// Per unit: proposals assigned, replies on time and late, replies overdue on the day asked (one overdue rule:
    /// `Proposal.isOverdue`), reply classes and the proposers' satisfaction with the rounds it replied in.
    @Test mutating func theUnitsHandlingTable() throws {
        try replied("P1", unit: "县住建局", cls: "A", repliedOn: "2026-04-01")         // on time (due 2026-05-01)
        try replied("P2", unit: "县住建局", cls: "B", repliedOn: "2026-05-10")         // late
        try registered("P3")
        try step("P3", "2026-02-01", .assigned(.init(.split(["县交通局", "县住建局"]))), by: .committee)
        try step("P3", "2026-04-20", .replied(unit: "县住建局", replyClass: "A", text: "已办理"), by: .unit("县住建局"))
        try step("P1", "2026-04-10", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        try step("P2", "2026-05-20", .evaluated(member: "m1", rating: .unsatisfied, comment: ""), by: .member("m1"))

        let table = county.state.unitHandling(in: .year(2026), overdueOn: day("2026-06-01"))
        #expect(table.map(\.unit) == ["县交通局", "县住建局"])
        let housing = table[1], transport = table[0]
        #expect(housing.assigned == 3 && housing.replying == 3 && housing.repliedOnTime == 2 && housing.repliedLate == 1)
        #expect(housing.overdue == 0 && housing.byClass == ["A": 2, "B": 1])
        #expect(housing.satisfied == 1 && housing.unsatisfied == 1 && housing.satisfactionRate(.satisfiedOrBasic) == Rate(1, of: 2))
        #expect(housing.onTimeRate == Rate(2, of: 3))
        #expect(transport.assigned == 1 && transport.overdue == 1 && transport.repliedOnTime + transport.repliedLate == 0)
        // Before the due date nothing is overdue; a period without assignments has no lines for them.
        #expect(county.state.unitHandling(in: .year(2026), overdueOn: day("2026-05-01")).allSatisfy { $0.overdue == 0 })
        #expect(county.state.unitHandling(in: .year(2025), overdueOn: day("2025-12-31")).isEmpty)
        #expect(p("P3").isOverdue(asOf: day("2026-05-02")) && !p("P1").isOverdue(asOf: day("2026-06-01")))
    }
}

/// 社情民意 直通车: a report sent straight from a township to the city, skipping the county, provenance kept.
@Suite struct OpinionDirectTests {
    let author = OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "AZ-ZTC-1", author: "t1", authorKind: .member)

    func op(_ at: BodyInfo, _ on: String, _ step: OpinionEvent.Step) -> DomainEvent {
        .opinion(OpinionEvent(author, at: at.id, on: day(on), step))
    }

    /// The township sends its report straight to the city (直通车), without adopting it first: the city holds it as
    /// received from the township with the original body, id and author; the county holds no copy. The city's adoption
    /// reaches the township (上级录用 by the city). Sending straight to the parent, without a tier, or an archived report
    /// is refused by name and records nothing; a plain forward to the city is still refused.
    @Test func aReportSentStraightFromATownshipToTheCity() throws {
        var net = Federation([cityBody, countyBody, townshipBody])
        try net.nodes[townshipBody.id]!.addMembers(["t1"])
        try net.record(op(townshipBody, "2026-03-02", .submitted(title: "关于山区学生上学交通安全的建议", text: "敖寨乡……", channel: .chatGroup)),
                       at: townshipBody.id, by: .office)
        expectRefused("opinion.forward.direct") {
            try net.record(op(townshipBody, "2026-03-03", .forwarded(toBody: countyBody.id, toTier: "county", title: "t", text: "x", direct: true)),
                           at: townshipBody.id, by: .office)
        }
        expectRefused("opinion.forward.direct") {
            try net.record(op(townshipBody, "2026-03-03", .forwarded(toBody: cityBody.id, toTier: "", title: "t", text: "x", direct: true)),
                           at: townshipBody.id, by: .office)
        }
        expectRefused("opinion.forward.adopted") {
            try net.record(op(townshipBody, "2026-03-03", .forwarded(toBody: cityBody.id, toTier: "city", title: "t", text: "x")),
                           at: townshipBody.id, by: .office)
        }
        #expect(net[townshipBody.id].opinions[author.key]?.forwardedTo == nil && net[cityBody.id].opinions.isEmpty)
        try net.record(op(townshipBody, "2026-03-03", .forwarded(toBody: cityBody.id, toTier: "city", title: "山区学生上学交通安全",
                                                                 text: "（直通稿）", direct: true)), at: townshipBody.id, by: .office)
        let atCity = try #require(net[cityBody.id].opinions[author.key])
        #expect(atCity.receivedFrom == townshipBody.id && atCity.direct && atCity.author == "t1" && atCity.key.originBody == townshipBody.id)
        #expect(net[countyBody.id].opinions[author.key] == nil)
        #expect(net[townshipBody.id].opinions[author.key]?.forwardedTo == cityBody.id && net[townshipBody.id].opinions[author.key]?.direct == true)
        try net.record(op(cityBody, "2026-03-20", .adopted(bulletinIssue: "铜仁社情民意2026年第5期")), at: cityBody.id, by: .office)
        #expect(net[townshipBody.id].opinions[author.key]?.higherAdoptions.map(\.tier) == ["city"])
        let city = net[cityBody.id].figures(for: .year(2026)), town = net[townshipBody.id].figures(for: .year(2026))
        #expect(city.opinionsReceived == 1 && city.opinionsAdopted == 1 && city.opinionsByChannel.isEmpty)
        #expect(town.opinionsForwarded == 1 && town.opinionsByChannel == ["chatGroup": 1] && town.opinionsAdoptedHigher == ["city": 1])
        for node in net.nodes.values { #expect(node.replayed == node.state) }

        var archived = Federation([cityBody, countyBody, townshipBody])
        let other = OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "AZ-ZTC-2", author: "联络组", authorKind: .liaisonGroup)
        try archived.record(.opinion(OpinionEvent(other, at: townshipBody.id, on: day("2026-03-02"), .submitted(title: "t", text: "x"))),
                            at: townshipBody.id, by: .office)
        try archived.record(.opinion(OpinionEvent(other, at: townshipBody.id, on: day("2026-03-03"), .archived(reason: "重复"))),
                            at: townshipBody.id, by: .office)
        expectRefused("opinion.forward.direct.state") {
            try archived.record(.opinion(OpinionEvent(other, at: townshipBody.id, on: day("2026-03-04"),
                                                      .forwarded(toBody: cityBody.id, toTier: "city", title: "t", text: "x", direct: true))),
                                at: townshipBody.id, by: .office)
        }
        let e = OpinionEvent(author, at: townshipBody.id, on: day("2026-03-03"), .forwarded(toBody: cityBody.id, toTier: "city", title: "t", text: "x", direct: true))
        #expect(try OpinionEvent(wire: e.wireMessage) == e)
    }
}
