import Testing
import XieshangWire
@testable import XieshangDomain

/// The mapping to and from the generated payload messages: every event of the scenarios survives the bytes
/// the federation carries, and a state replayed from those bytes equals the live one.
@Suite struct DomainEventWireTests {
    /// Logs of several scenarios that together use every event case.
    static func logs() throws -> [(XieshangDomain.BodyInfo, [DomainEvent], DomainState)] {
        var out: [(XieshangDomain.BodyInfo, [DomainEvent], DomainState)] = []
        let zhenyuan = try FiguresTests.zhenyuan()
        out.append((zhenyuan.state.body, zhenyuan.log, zhenyuan.state))
        for node in try FiguresTests.wanshanNodes().prefix(2) { out.append((node.state.body, node.log, node.state)) }

        // Every proposal step, including the rare ones.
        var county = Node(countyBody)
        try county.addMembers(["m1", "m2", "m3"])
        var renamed = countyBody
        renamed.zone = "东片区"
        try county.record(.member(XieshangDomain.MemberRecorded(memberID: "m1", name: "委员m1", sector: "教育界", body: countyBody.id,
                                                                term: 10, roles: ["standing"], effective: day("2026-01-02"),
                                                                bodyInfo: renamed)), by: .office)
        func p(_ id: String, _ on: String, _ step: XieshangDomain.ProposalEvent.Step, _ actor: Actor) throws {
            try county.record(.proposal(XieshangDomain.ProposalEvent(id, on: day(on), step)), by: actor)
        }
        try p("P1", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .joint, firstProposer: "m1", cosigners: ["m2"])), .member("m1"))
        try p("P1", "2026-01-11", .cosignerConfirmed(member: "m2"), .member("m2"))
        try p("P1", "2026-01-20", .reviewed(.registered(number: "1")), .committee)
        try p("P1", "2026-01-21", .keyProposal(supervisor: "主席"), .committee)
        try p("P1", "2026-02-01", .assigned(.init(.lead("A", coHandling: ["B"]))), .committee)
        try p("P1", "2026-02-02", .objected(unit: "A", reason: "r"), .unit("A"))
        try p("P1", "2026-02-03", .reassigned(.init(.lead("C", coHandling: ["B"]))), .committee)
        try p("P1", "2026-02-04", .extended(newDue: day("2026-06-01"), reason: "r"), .committee)
        try p("P1", "2026-02-05", .coHandlingOpinion(unit: "B", text: "o"), .unit("B"))
        try p("P1", "2026-02-06", .replied(unit: "C", replyClass: "B", text: "r"), .unit("C"))
        try p("P1", "2026-02-07", .evaluated(member: "m2", rating: .unsatisfied, comment: "c"), .member("m2"))
        try p("P1", "2026-02-08", .rehandled(reason: "r", due: nil, byAppraisal: false), .committee)
        try p("P2", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .collective, firstProposer: "m3", collectiveName: "民盟")), .member("m3"))
        try p("P2", "2026-01-20", .reviewed(.merged(into: "P1")), .committee)
        try p("P3", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "m3")), .member("m3"))
        try p("P3", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "n", conversion: .init(reportID: "R3", consentBy: "m3"))), .committee)
        try p("P4", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .fromLowerBody, firstProposer: "m3", fromBody: "t")), .member("m3"))
        try p("P4", "2026-01-11", .withdrawn(by: "m3", reason: "r"), .member("m3"))
        try p("P5", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "m1")), .member("m1"))
        try p("P5", "2026-01-20", .reviewed(.registered(number: "5")), .committee)
        try p("P5", "2026-02-01", .assigned(.init(.split(["D", "E"]), due: day("2026-04-01"))), .committee)
        try p("P5", "2026-03-01", .replied(unit: "D", replyClass: "A", text: "r"), .unit("D"))
        try p("P5", "2026-03-02", .replied(unit: "E", replyClass: "C", text: "r"), .unit("E"))
        try p("P5", "2026-03-03", .evaluated(member: "m1", rating: .basicallySatisfied, comment: ""), .member("m1"))
        try p("P5", "2026-03-04", .closed(note: "n"), .committee)
        try p("P6", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "m1")), .member("m1"))
        try p("P6", "2026-01-20", .reviewed(.registered(number: "6")), .committee)
        try p("P6", "2026-02-01", .assigned(.init(.lead("F", coHandling: []))), .committee)
        try p("P6", "2026-04-01", .replied(unit: "F", replyClass: "B", text: "r"), .unit("F"))
        try p("P6", "2026-06-20", .appraised(.init(quarter: .quarter(2026, 2), satisfied: 1, basicallySatisfied: 2, unsatisfied: 3)), .committee)
        try p("P6", "2026-06-25", .explained(unit: "F", text: "书面说明"), .unit("F"))
        try county.record(.duty(XieshangDomain.DutyEvent("m1", on: day("2026-01-05"), .attendance(meetingID: "全会", .excused))), by: .office)
        try county.record(.duty(XieshangDomain.DutyEvent("m1", on: day("2026-01-06"), .adjustment(.meetings, tenths: -15, reason: "迟到"))), by: .office)
        try county.record(.activity(Activity(id: "X", kind: .consultation, form: .other, formOther: "院坝协商", date: day("2026-01-07"),
                                             topic: "t", hostBodies: [countyBody.id, "other"], participants: 4, members: ["m1"],
                                             suggestionIDs: ["S"], reportIDs: ["R"], planItem: "2026/1",
                                             guests: [.init(body: cityBody.id, member: "c1")])), by: .office)
        try county.record(.suggestion(XieshangDomain.SuggestionEvent("S", on: day("2026-01-07"), .made(text: "s", addressee: "县政府", activityID: "X", members: ["m1"]))), by: .office)
        try county.record(.suggestion(XieshangDomain.SuggestionEvent("S", on: day("2026-01-08"), .adopted(by: "县长", note: "n"))), by: .office)
        try county.record(.suggestion(XieshangDomain.SuggestionEvent("S", on: day("2026-01-09"), .closed(note: "n"))), by: .office)
        var policy = county.state.policy
        policy.version = 2
        policy.effective = day("2026-03-01")
        policy.satisfactionFormula = .satisfiedOnly
        policy.replyClasses.append(.init(code: "D", labelZh: "不予采纳", labelEn: "not adopted"))
        policy.duty.capTenths[.welfare] = 150
        try county.record(.policy(policy), by: .office)
        out.append((countyBody, county.log, county.state))

        // Opinion chain and plans, from the other suites' federations.
        var chain = Federation([cityBody, countyBody, townshipBody])
        try chain.nodes[townshipBody.id]!.addMembers(["t1"])
        let prov = XieshangDomain.OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "1", author: "t1", authorKind: .member)
        func op(_ at: XieshangDomain.BodyInfo, _ step: XieshangDomain.OpinionEvent.Step) throws {
            try chain.record(.opinion(XieshangDomain.OpinionEvent(prov, at: at.id, on: day("2026-03-02"), step)), at: at.id, by: .office)
        }
        try op(townshipBody, .submitted(title: "t", text: "x"))
        try op(townshipBody, .edited(text: "y", title: "t2"))
        try op(townshipBody, .adopted(bulletinIssue: "1"))
        try op(townshipBody, .forwarded(toBody: countyBody.id, toTier: "county", title: "t", text: "y"))
        try op(countyBody, .adopted(bulletinIssue: "2"))
        try op(countyBody, .instruction(.init(leaderLevel: "county", leader: "l", date: day("2026-03-03"), text: "t", recordedBy: countyBody.id)))
        let informant = XieshangDomain.OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "2", author: "信息员甲", authorKind: .informant)
        try chain.record(.opinion(XieshangDomain.OpinionEvent(informant, at: townshipBody.id, on: day("2026-03-04"), .submitted(title: "t", text: "x"))), at: townshipBody.id, by: .office)
        try chain.record(.opinion(XieshangDomain.OpinionEvent(informant, at: townshipBody.id, on: day("2026-03-05"), .archived(reason: "r"))), at: townshipBody.id, by: .office)
        func plan(_ issuer: XieshangDomain.BodyInfo, _ at: XieshangDomain.BodyInfo, _ on: String, _ step: XieshangDomain.PlanEvent.Step) throws {
            try chain.record(.plan(XieshangDomain.PlanEvent("2026", issuer: issuer.id, on: day(on), step)), at: at.id, by: .office)
        }
        try plan(cityBody, cityBody, "2025-11-01", .topicsSolicited(deadline: day("2025-11-30"), bodies: [countyBody.id]))
        try plan(cityBody, countyBody, "2025-11-02", .topicProposed(topicID: "T", byBody: countyBody.id, topic: "t", reason: "r"))
        try plan(cityBody, cityBody, "2025-11-03", .topicPicked(topicID: "T", itemID: "1"))
        try plan(cityBody, cityBody, "2025-11-04", .topicReceived(topicID: "D", source: .department, proposer: "市交通局", topic: "t", reason: "r"))
        try plan(cityBody, cityBody, "2025-11-04", .topicReceived(topicID: "S", source: .society, proposer: "市民", topic: "t", reason: ""))
        try plan(cityBody, cityBody, "2025-11-05", .topicDecided(topicID: "D", .merged(into: "T")))
        try plan(cityBody, cityBody, "2025-11-05", .topicDecided(topicID: "S", .notAdopted(reason: "r")))
        try plan(cityBody, cityBody, "2025-12-01", .drafted(year: 2026, title: "计划"))
        try plan(cityBody, cityBody, "2025-12-02", .itemAdded(ConsultationPlanTests.item))
        try plan(cityBody, cityBody, "2025-12-03", .reviewed(meeting: "m"))
        try plan(cityBody, cityBody, "2025-12-04", .approved(meeting: "m"))
        try plan(cityBody, cityBody, "2025-12-05", .issued(document: "d"))
        var sub = ConsultationPlanTests.item
        sub.id = "1a"
        sub.assignees = [townshipBody.id]
        try plan(countyBody, countyBody, "2026-01-05", .decomposed(itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [sub]))
        try plan(countyBody, townshipBody, "2026-02-05", .stageReported(itemID: "1a", byBody: townshipBody.id, stage: .tracked, note: "n"))
        for node in chain.nodes.values { out.append((node.state.body, node.log, node.state)) }
        return out
    }

    @Test func everyEventRoundTripsThroughItsPayloadBytes() throws {
        var kinds = Set<String>()
        var count = 0
        for (body, log, live) in try Self.logs() {
            var decoded: [DomainEvent] = []
            for event in log {
                let bytes = event.payloadBytes()
                let back = try DomainEvent(kind: event.eventKind, payload: bytes)
                #expect(back == event, "\(event)")
                #expect(back.payloadBytes() == bytes)   // deterministic encoding
                decoded.append(back)
                kinds.insert("\(event.eventKind)")
                count += 1
            }
            // A state replayed from the decoded bytes equals the live one.
            #expect(DomainState.replay(body: body, events: decoded) == live)
        }
        #expect(kinds.count == 8)
        #expect(try Self.logs().contains { $0.2.body.zone == "东片区" })
        #expect(count > 900)
    }

    @Test func payloadMatchesTheEnvelopeKind() throws {
        let event = DomainEvent.suggestion(XieshangDomain.SuggestionEvent("S", on: day("2026-01-01"), .closed(note: "n")))
        #expect(event.eventKind == .suggestion)
        let json = event.wireMessage(asJSON: ())
        #expect(json.contains("\"suggestionId\"") && json.contains("2026-01-01"))
    }

    @Test func malformedPayloadsAreRefusedWithTheRule() throws {
        expectRefused("wire.decode") { _ = try DomainEvent(kind: .proposal, payload: [0x0A, 0xFF]) }
        expectRefused("wire.kind") { _ = try DomainEvent(kind: .testNote, payload: []) }
        expectRefused("wire.field") { _ = try DomainEvent(kind: .proposal, payload: XieshangWire.ProposalEvent(proposalId: "P", on: "2026-01-01").serializedBytes()) }
        let badDay = XieshangWire.SuggestionEvent(suggestionId: "S", on: "2026-02-30", step: .closed(.init(note: "")))
        expectRefused("date.format") { _ = try DomainEvent(kind: .suggestion, payload: badDay.serializedBytes()) }
        let noPolicyTable = XieshangWire.PolicySet(version: 2, effective: "2026-01-01")
        expectRefused("wire.field") { _ = try DomainEvent(kind: .policySet, payload: noPolicyTable.serializedBytes()) }
    }

    @Test func figuresRoundTripAsMessageAndAsNamedCounts() throws {
        let node = try FiguresTests.zhenyuan()
        var f = node.state.figures(for: .year(2025))
        f.consultationsByForm["topical"] = 2
        f.opinionsAdoptedHigher["city"] = 1
        let message = try XieshangWire.Figures(serializedBytes: f.wireMessage.serializedBytes())
        #expect(try Figures(wire: message) == f)
        let named = f.namedCounts
        #expect(named["proposals_closed"] == 118 && named["replies_by_class.B"] == 52 && named["consultations_by_form.topical"] == 2)
        #expect(Figures.labelKey(ofName: "replies_by_class.B") == "repliesByClass" && Figures.labelKey(ofName: "proposals_closed") == "proposalsClosed")
        #expect(try Figures(period: .year(2025), namedCounts: named) == f)
        expectRefused("figures.name") { _ = try Figures(period: .year(2025), namedCounts: ["inflated": 1]) }
        #expect(try Period.domain("2026-Q3") == .quarter(2026, 3))
        #expect(try Period.domain("2026-11") == .month(2026, 11))
        #expect(try Period.domain("2026") == .year(2026))
        expectRefused("period.format") { _ = try Period.domain("2026-Q5x") }
        expectRefused("period.index") { _ = try Period.domain("2026-13") }
    }
}

extension DomainEvent {
    /// The payload as proto3 JSON (for the test's readability check).
    func wireMessage(asJSON: Void) -> String {
        switch self {
        case .suggestion(let e): return e.wireMessage.jsonString()
        default: return ""
        }
    }
}
