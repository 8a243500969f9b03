import Testing
@testable import XieshangDomain

/// The table of cross-body steps (issue 15, 3): what a received event of another body may do at this body.
@Suite struct CrossBodyStepTests {
    let city = cityBody.id, county = countyBody.id, town = townshipBody.id

    func opinion(at: String, _ step: OpinionEvent.Step, origin: String? = nil) -> DomainEvent {
        .opinion(OpinionEvent(.init(originBody: origin ?? town, originReportID: "R1", author: "t1", authorKind: .member),
                              at: at, on: day("2026-03-01"), step))
    }

    func plan(_ step: PlanEvent.Step, issuer: String? = nil) -> DomainEvent {
        .plan(PlanEvent("2026", issuer: issuer ?? city, on: day("2026-03-01"), step))
    }

    @Test func eachListedStepAppliesOnlyAtItsRecipient() {
        let forwarded = opinion(at: town, .forwarded(toBody: county, toTier: "county", title: "t", text: "x"))
        #expect(forwarded.reach(signer: town, at: county, arrived: .up) == .crossBody(.reportForwarded))
        #expect(forwarded.reach(signer: town, at: city, arrived: .up) == .passingThrough(.reportForwarded, to: county))
        #expect(forwarded.reach(signer: town, at: town, arrived: nil) == .own)

        let adopted = opinion(at: city, .adoptedHigher(byBody: city, byTier: "city", bulletinIssue: "第5期"))
        #expect(adopted.reach(signer: city, at: town, arrived: .down) == .crossBody(.reportAdoptedHigher))
        #expect(adopted.reach(signer: city, at: county, arrived: .down) == .passingThrough(.reportAdoptedHigher, to: town))

        let instruction = opinion(at: city, .instruction(.init(leaderLevel: "city", leader: "某", date: day("2026-03-02"),
                                                               text: "研究", recordedBy: city)))
        #expect(instruction.reach(signer: city, at: town, arrived: .down) == .crossBody(.reportInstruction))

        #expect(plan(.issued(document: "3号")).reach(signer: city, at: town, arrived: .down) == .crossBody(.planIssued))
        let progress = plan(.stageReported(itemID: "1", byBody: town, stage: .held, note: ""))
        #expect(progress.reach(signer: town, at: city, arrived: .up) == .crossBody(.progressReported))
        #expect(progress.reach(signer: town, at: county, arrived: .up) == .passingThrough(.progressReported, to: city))
        #expect(plan(.topicProposed(topicID: "T", byBody: town, topic: "议题", reason: "")).reach(signer: town, at: city, arrived: .up)
                == .crossBody(.topicProposed))
    }

    /// Issue 19: a county's decomposition reported up is its own sub-plan at the bodies above (kept by owner for the
    /// issuer's board), never a step of theirs; signed by another body, or coming down, it is refused.
    @Test func aDecompositionReportIsTheCountysOwnRecordAbove() {
        func refused(_ r: Reach, _ text: String) -> Bool { if case .refused(let why) = r { return why.contains(text) }; return false }
        let report = plan(.decompositionReported(itemID: "1", parentIssuer: city, parentPlanID: "2026", subItems: []), issuer: county)
        #expect(CrossBodyStep.match(report) == nil)
        #expect(report.routing(recordedAt: countyBody) == .up(to: city))
        #expect(report.reach(signer: county, at: city, arrived: .up) == .othersRecord)
        #expect(report.reach(signer: county, at: county, arrived: nil) == .own)
        #expect(refused(report.reach(signer: town, at: city, arrived: .up), "names a record of \(county)"))
        #expect(refused(report.reach(signer: county, at: town, arrived: .down), "came down"))
    }

    @Test func whoFieldsMustNameTheSigner() {
        func refused(_ r: Reach, _ text: String) -> Bool { if case .refused(let why) = r { return why.contains(text) }; return false }
        let forwardedByCounty = opinion(at: county, .forwarded(toBody: city, toTier: "city", title: "t", text: "x"))
        #expect(refused(forwardedByCounty.reach(signer: town, at: city, arrived: .up), "names \(county) as the body that took it"))
        let progressByCounty = plan(.stageReported(itemID: "1", byBody: county, stage: .held, note: ""))
        #expect(refused(progressByCounty.reach(signer: town, at: city, arrived: .up), "signed by \(town)"))
        let adoptedByCity = opinion(at: county, .adoptedHigher(byBody: city, byTier: "city", bulletinIssue: "第5期"))
        #expect(refused(adoptedByCity.reach(signer: county, at: town, arrived: .down), "names \(city)"))
        // A plan "issued" by a township reaching its county (up) is not a plan issued down to it.
        #expect(refused(plan(.issued(document: "3号"), issuer: town).reach(signer: town, at: county, arrived: .up), "travels down"))
        // A report forwarded up that claims to be the recipient's own.
        let claimsMine = opinion(at: town, .forwarded(toBody: county, toTier: "county", title: "t", text: "x"), origin: county)
        #expect(refused(claimsMine.reach(signer: town, at: county, arrived: .up), "claims a record of \(county)"))
    }

    @Test func otherBodiesRecordsAreTheirsOrRefused() {
        let ownMember = DomainEvent.member(MemberRecorded(memberID: "t1", name: "张某", sector: "农业界", body: town, term: 9,
                                                          effective: day("2025-01-01")))
        #expect(ownMember.reach(signer: town, at: county, arrived: .up) == .othersRecord)
        let forged = DomainEvent.member(MemberRecorded(memberID: "x", name: "冒名", sector: "农业界", body: county, term: 9,
                                                       effective: day("2025-01-01")))
        guard case .refused(let why) = forged.reach(signer: town, at: county, arrived: .up) else {
            Issue.record("a member of the county signed by a township was not refused")
            return
        }
        #expect(why.contains("names a record of \(county)"))
        // Nothing but the listed steps comes down.
        #expect(DomainEvent.policy(Policy()).reach(signer: city, at: county, arrived: .down) != .othersRecord)
    }

    /// Finding (issue 15, 3): a state a foreign step could leave (a registered proposal "re-handled": assigned with no
    /// assignment) trapped the next reply at `p.assignment!`. The decide path now refuses naming the rule.
    @Test func aProposalStateWithoutItsHandlingIsRefusedNotTrapped() throws {
        var county = Node(countyBody)
        try county.addMembers(["m1"])
        try county.record(.proposal(ProposalEvent("P1", on: day("2026-01-10"), .submitted(.init(
            title: "关于P1的提案", text: "建议……", kind: .individual, firstProposer: "m1")))), by: .member("m1"))
        try county.record(.proposal(ProposalEvent("P1", on: day("2026-01-20"), .reviewed(.registered(number: "1号")))), by: .committee)
        county.receive(.proposal(ProposalEvent("P1", on: day("2026-01-21"), .rehandled(reason: "伪造", due: day("2026-03-01"), byAppraisal: true))))
        #expect(county.state.proposals["P1"]?.status == .assigned && county.state.proposals["P1"]?.handling == nil)
        expectRefused("proposal.state.handling") {
            try county.record(.proposal(ProposalEvent("P1", on: day("2026-02-01"), .replied(unit: "县住建局", replyClass: "A", text: "已解决"))),
                              by: .unit("县住建局"))
        }
        expectRefused("proposal.state.handling") {
            try county.record(.proposal(ProposalEvent("P1", on: day("2026-02-01"), .extended(newDue: day("2026-04-01"), reason: "延期"))),
                              by: .committee)
        }
    }
}
