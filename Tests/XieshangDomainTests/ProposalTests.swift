import Testing
@testable import XieshangDomain

/// The proposal table of shared/DOMAIN.md: one test per transition and per refusal.
@Suite struct ProposalTests {
    var county: Node

    init() throws {
        county = Node(countyBody)
        try county.addMembers(["m1", "m2", "m3", "m4"])
        try county.record(.member(MemberRecorded(memberID: "gone", name: "离任委员", sector: "教育界", body: countyBody.id,
                                                 term: 9, active: false, effective: day("2020-01-01"))), by: .office)
    }

    var state: DomainState { county.state }
    func p(_ id: String = "P1") -> Proposal { county.state.proposals[id]! }

    mutating func step(_ id: String = "P1", _ on: String, _ step: ProposalEvent.Step, by actor: Actor) throws {
        try county.record(.proposal(ProposalEvent(id, on: day(on), step)), by: actor)
    }

    mutating func submit(_ id: String = "P1", by member: String = "m1", cosigners: [String] = [],
                         on: String = "2026-01-10") throws {
        let kind: ProposalEvent.Kind = cosigners.isEmpty ? .individual : .joint
        try step(id, on, .submitted(.init(title: "关于\(id)的提案", text: "建议……", kind: kind,
                                          firstProposer: member, cosigners: cosigners)), by: .member(member))
    }

    mutating func register(_ id: String = "P1", on: String = "2026-01-20") throws {
        try step(id, on, .reviewed(.registered(number: "\(id)号")), by: .committee)
    }

    mutating func assignLead(_ id: String = "P1", on: String = "2026-02-01", co: [String] = ["县财政局"]) throws {
        try step(id, on, .assigned(.init(.lead("县住建局", coHandling: co))), by: .committee)
    }

    mutating func reply(_ id: String = "P1", on: String = "2026-04-01", unit: String = "县住建局", cls: String = "A") throws {
        try step(id, on, .replied(unit: unit, replyClass: cls, text: "已解决"), by: .unit(unit))
    }

    /// Submitted, registered, assigned (lead 县住建局 + co 县财政局 who gave its opinion), replied A.
    mutating func replied(_ id: String = "P1", cosigners: [String] = []) throws {
        try submit(id, cosigners: cosigners)
        for c in cosigners { try step(id, "2026-01-12", .cosignerConfirmed(member: c), by: .member(c)) }
        try register(id)
        try assignLead(id)
        try step(id, "2026-03-01", .coHandlingOpinion(unit: "县财政局", text: "同意"), by: .unit("县财政局"))
        try reply(id)
    }

    // MARK: submit

    @Test mutating func memberSubmits() throws {
        try submit()
        #expect(p().status == .submitted)
        #expect(p().submission.cosignDeadline == day("2026-01-17"))  // policy: 7 days
        #expect(p().proposers == ["m1"])
    }

    @Test mutating func nonMemberCannotSubmit() throws {
        let before = state
        expectRefused("proposal.submit.member") { try submit(by: "stranger") }
        expectRefused("proposal.submit.member") { try submit(by: "gone") }
        #expect(state == before)
    }

    @Test mutating func onlyTheFirstProposerSubmits() throws {
        expectRefused("proposal.submit.actor") {
            try step("P1", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .individual, firstProposer: "m1")),
                     by: .member("m2"))
        }
    }

    @Test func townshipGroupRegistersNoProposals() throws {
        var township = Node(townshipBody)
        try township.addMembers(["t1"])
        expectRefused("proposal.body.registers") {
            try township.record(.proposal(ProposalEvent("P1", on: day("2026-01-10"), .submitted(.init(
                title: "t", text: "x", kind: .individual, firstProposer: "t1")))), by: .member("t1"))
        }
        #expect(township.state.proposals.isEmpty)
    }

    // MARK: co-signers

    @Test mutating func cosignerConfirmedBeforeDeadlineCounts() throws {
        try submit(cosigners: ["m2", "m3"])
        try step("P1", "2026-01-17", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        #expect(p().proposers == ["m1", "m2"])
    }

    @Test mutating func cosignerConfirmedAfterDeadlineDoesNotCount() throws {
        try submit(cosigners: ["m2", "m3"])
        try step("P1", "2026-01-11", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        expectRefused("proposal.cosign.deadline") {
            try step("P1", "2026-01-18", .cosignerConfirmed(member: "m3"), by: .member("m3"))
        }
        // The unconfirmed co-signer is dropped: not a proposer, cannot evaluate, scores nothing.
        #expect(p().proposers == ["m1", "m2"])
        #expect(state.dutyEntries(member: "m3", year: 2026).isEmpty)
    }

    @Test mutating func uninvitedMemberCannotCosign() throws {
        try submit(cosigners: ["m2"])
        expectRefused("proposal.cosign.invited") {
            try step("P1", "2026-01-11", .cosignerConfirmed(member: "m4"), by: .member("m4"))
        }
    }

    /// A co-signer confirms only for themselves and only once: a second confirmation or one made in another
    /// member's name is refused and records nothing (issue 18: `xieshang proposal cosign` reaches this rule).
    @Test mutating func cosignerConfirmsOnceAndOnlyForThemselves() throws {
        try submit(cosigners: ["m2", "m3"])
        try step("P1", "2026-01-11", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        let before = state
        expectRefused("proposal.cosign.once") {
            try step("P1", "2026-01-12", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        }
        expectRefused("proposal.cosign.actor") {
            try step("P1", "2026-01-12", .cosignerConfirmed(member: "m3"), by: .member("m2"))
        }
        expectRefused("proposal.cosign.actor") {
            try step("P1", "2026-01-12", .cosignerConfirmed(member: "m3"), by: .committee)
        }
        #expect(state == before)
        #expect(p().proposers == ["m1", "m2"])
    }

    /// A deadline given at submission (`--cosign-deadline`) replaces the policy's window: confirming on it counts,
    /// the day after is refused; a deadline before the submission is refused at submission.
    @Test mutating func givenCosignDeadlineReplacesThePolicyWindow() throws {
        expectRefused("proposal.submit.cosignDeadline") {
            try step("P0", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .joint, firstProposer: "m1",
                                                          cosigners: ["m2"], cosignDeadline: day("2026-01-09"))), by: .member("m1"))
        }
        #expect(state.proposals["P0"] == nil)
        try step("P1", "2026-01-10", .submitted(.init(title: "t", text: "x", kind: .joint, firstProposer: "m1",
                                                      cosigners: ["m2", "m3"], cosignDeadline: day("2026-01-25"))), by: .member("m1"))
        try step("P1", "2026-01-25", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        expectRefused("proposal.cosign.deadline") {
            try step("P1", "2026-01-26", .cosignerConfirmed(member: "m3"), by: .member("m3"))
        }
        #expect(p().proposers == ["m1", "m2"])
    }

    /// Confirmed co-signers rate the reply (each once), an invited co-signer who never confirmed cannot.
    @Test mutating func confirmedCosignersRateTheReplyUnconfirmedCannot() throws {
        try submit(cosigners: ["m2", "m3"])
        try step("P1", "2026-01-12", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        try register()
        try assignLead(co: [])
        try reply()
        try step("P1", "2026-04-05", .evaluated(member: "m2", rating: .satisfied, comment: ""), by: .member("m2"))
        let before = state
        expectRefused("proposal.evaluate.proposer") {
            try step("P1", "2026-04-05", .evaluated(member: "m3", rating: .satisfied, comment: ""), by: .member("m3"))
        }
        #expect(state == before)
        #expect(p().evaluations.map(\.member) == ["m2"])
    }

    // MARK: withdraw

    @Test mutating func firstProposerWithdrawsBeforeReview() throws {
        try submit()
        try step("P1", "2026-01-11", .withdrawn(by: "m1", reason: "重复"), by: .member("m1"))
        #expect(p().status == .withdrawn)
    }

    @Test mutating func withdrawAfterReviewRefused() throws {
        try submit()
        try register()
        expectRefused("proposal.withdraw.beforeReview") {
            try step("P1", "2026-01-21", .withdrawn(by: "m1", reason: ""), by: .member("m1"))
        }
        #expect(p().status == .registered)
    }

    @Test mutating func onlyFirstProposerWithdraws() throws {
        try submit(cosigners: ["m2"])
        expectRefused("proposal.withdraw.actor") {
            try step("P1", "2026-01-11", .withdrawn(by: "m2", reason: ""), by: .member("m2"))
        }
    }

    // MARK: review

    @Test mutating func committeeRegisters() throws {
        try submit()
        try register()
        #expect(p().status == .registered)
        expectRefused("proposal.review.state") { try register() }
    }

    @Test mutating func unitCannotReview() throws {
        try submit()
        expectRefused("proposal.review.actor") {
            try step("P1", "2026-01-20", .reviewed(.registered(number: "1")), by: .unit("县住建局"))
        }
    }

    @Test mutating func notRegisteredWithReasonAndNotice() throws {
        try submit()
        try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "personal_matter", notice: "属个人事务，建议通过信访渠道反映",
                                                             conversion: nil)), by: .committee)
        #expect(p().status == .notRegistered)
        if case .notRegistered(_, let notice, _) = p().review { #expect(notice.contains("信访")) }
        else { Issue.record("review not recorded") }
    }

    @Test mutating func notRegisteredNeedsAReasonFromThePolicy() throws {
        try submit()
        expectRefused("proposal.review.reason") {
            try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "不喜欢", notice: "x", conversion: nil)), by: .committee)
        }
        expectRefused("proposal.review.notice") {
            try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "", conversion: nil)),
                     by: .committee)
        }
    }

    @Test mutating func conversionToOpinionReportNeedsConsent() throws {
        try submit(cosigners: ["m2"])
        expectRefused("proposal.review.conversion.consent") {
            try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "转为社情民意信息",
                conversion: .init(reportID: "R-P1", consentBy: "m2"))), by: .committee)
        }
        try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "经本人同意转为社情民意信息",
            conversion: .init(reportID: "R-P1", consentBy: "m1"))), by: .committee)
        let report = state.opinions[OpinionKey(originBody: countyBody.id, originReportID: "R-P1")]
        #expect(report?.convertedFromProposal == "P1")
        #expect(report?.author == "m1")
    }

    @Test mutating func mergedIntoRegisteredProposal() throws {
        try submit("P1", by: "m1")
        try register("P1")
        try submit("P2", by: "m2")
        try step("P2", "2026-01-21", .reviewed(.merged(into: "P1")), by: .committee)
        #expect(p("P2").status == .merged)
        #expect(p("P1").mergedFrom == ["P2"])
        expectRefused("proposal.assign.state") { try assignLead("P2") }
        // Every proposer of the merged set receives the reply and evaluates it.
        try assignLead("P1", co: [])
        try reply("P1")
        try step("P1", "2026-04-05", .evaluated(member: "m2", rating: .satisfied, comment: ""), by: .member("m2"))
        #expect(p("P1").evaluations.map(\.member) == ["m2"])
    }

    @Test mutating func mergeTargetMustBeRegistered() throws {
        try submit("P1")
        try submit("P2", by: "m2")
        expectRefused("proposal.merge.targetState") {
            try step("P2", "2026-01-21", .reviewed(.merged(into: "P1")), by: .committee)
        }
        expectRefused("proposal.merge.target") {
            try step("P2", "2026-01-21", .reviewed(.merged(into: "P9")), by: .committee)
        }
    }

    // MARK: assign

    @Test mutating func assignWithLeadAndCoHandlingUnitsDueInThreeMonths() throws {
        try submit()
        try register()
        try assignLead()
        #expect(p().status == .assigned)
        #expect(p().due == day("2026-05-01"))
        #expect(p().round == 1)
        #expect(p().assignment?.coHandlingUnits == ["县财政局"])
    }

    @Test mutating func assignBeforeRegistrationRefused() throws {
        try submit()
        expectRefused("proposal.assign.state") { try assignLead() }
    }

    @Test mutating func splitHandlingNeedsSeveralUnits() throws {
        try submit()
        try register()
        expectRefused("proposal.assign.split") {
            try step("P1", "2026-02-01", .assigned(.init(.split(["县教育局"]))), by: .committee)
        }
        expectRefused("proposal.assign.units") {
            try step("P1", "2026-02-01", .assigned(.init(.lead("县教育局", coHandling: ["县教育局"]))), by: .committee)
        }
    }

    // MARK: object and reassign

    @Test mutating func objectionWithinWindowThenCommitteeReassigns() throws {
        try submit()
        try register()
        try assignLead()
        try step("P1", "2026-02-11", .objected(unit: "县住建局", reason: "不属本单位职责"), by: .unit("县住建局"))
        #expect(p().status == .reassigning)
        try step("P1", "2026-02-13", .reassigned(.init(.lead("县自然资源局", coHandling: []))), by: .committee)
        #expect(p().status == .assigned)
        #expect(p().due == day("2026-05-01"))  // counted from the original assignment
        #expect(p().assignment?.replyingUnits == ["县自然资源局"])
    }

    @Test mutating func objectionAfterWindowRefused() throws {
        try submit()
        try register()
        try assignLead()
        expectRefused("proposal.object.window") {
            try step("P1", "2026-02-12", .objected(unit: "县住建局", reason: "不属本单位职责"), by: .unit("县住建局"))
        }
    }

    @Test mutating func unitNeverReassignsByItself() throws {
        try submit()
        try register()
        try assignLead()
        try step("P1", "2026-02-05", .objected(unit: "县住建局", reason: "不属本单位职责"), by: .unit("县住建局"))
        expectRefused("proposal.reassign.actor") {
            try step("P1", "2026-02-06", .reassigned(.init(.lead("县自然资源局", coHandling: []))), by: .unit("县住建局"))
        }
        #expect(p().status == .reassigning)
    }

    // MARK: extend

    @Test mutating func extensionWithReasonWithinSixMonths() throws {
        try submit()
        try register()
        try assignLead()
        try step("P1", "2026-04-20", .extended(newDue: day("2026-08-01"), reason: "需跨年度预算"), by: .committee)
        #expect(p().due == day("2026-08-01"))
    }

    @Test mutating func extensionPastSixMonthsRefused() throws {
        try submit()
        try register()
        try assignLead()
        expectRefused("proposal.extend.cap") {
            try step("P1", "2026-04-20", .extended(newDue: day("2026-08-02"), reason: "需跨年度预算"), by: .committee)
        }
        expectRefused("proposal.extend.reason") {
            try step("P1", "2026-04-20", .extended(newDue: day("2026-06-01"), reason: ""), by: .committee)
        }
        #expect(p().due == day("2026-05-01"))
    }

    // MARK: reply

    @Test mutating func leadRepliesAfterCoHandlingOpinions() throws {
        try replied()
        #expect(p().status == .replied)
        #expect(p().currentReplies.map(\.replyClass) == ["A"])
        #expect(p().currentReplies.first?.onTime == true)
    }

    @Test mutating func coHandlingUnitCannotReply() throws {
        try submit()
        try register()
        try assignLead()
        try step("P1", "2026-03-01", .coHandlingOpinion(unit: "县财政局", text: "同意"), by: .unit("县财政局"))
        expectRefused("proposal.reply.coHandlingUnit") { try reply(unit: "县财政局") }
        #expect(p().status == .assigned)
    }

    @Test mutating func leadCannotReplyBeforeCoHandlingOpinions() throws {
        try submit()
        try register()
        try assignLead()
        expectRefused("proposal.reply.coHandlingPending") { try reply() }
    }

    @Test mutating func replyClassFromThePolicy() throws {
        try submit()
        try register()
        try assignLead(co: [])
        expectRefused("proposal.reply.class") { try reply(cls: "D") }
    }

    @Test mutating func splitUnitsEachReply() throws {
        try submit()
        try register()
        try step("P1", "2026-02-01", .assigned(.init(.split(["县教育局", "县卫健局"]))), by: .committee)
        try reply(unit: "县教育局", cls: "B")
        #expect(p().status == .assigned)
        try reply(on: "2026-05-03", unit: "县卫健局", cls: "A")
        #expect(p().status == .replied)
        let f = state.figures(for: .year(2026))
        #expect(f.repliesOnTime == 1 && f.repliesLate == 1)
        #expect(f.repliesByClass == ["A": 1])   // one proposal, counted once by its final reply (each unit's reply used to count)
    }

    // MARK: evaluate, re-handle, close

    @Test mutating func eachProposerEvaluatesOncePerRound() throws {
        try replied(cosigners: ["m2"])
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        #expect(p().status == .evaluated)
        expectRefused("proposal.evaluate.once") {
            try step("P1", "2026-04-06", .evaluated(member: "m1", rating: .unsatisfied, comment: ""), by: .member("m1"))
        }
        try step("P1", "2026-04-06", .evaluated(member: "m2", rating: .basicallySatisfied, comment: ""), by: .member("m2"))
        expectRefused("proposal.evaluate.proposer") {
            try step("P1", "2026-04-06", .evaluated(member: "m3", rating: .satisfied, comment: ""), by: .member("m3"))
        }
        #expect(p().evaluations.count == 2)
    }

    @Test mutating func evaluationBeforeReplyRefused() throws {
        try submit()
        try register()
        try assignLead()
        expectRefused("proposal.evaluate.state") {
            try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        }
    }

    @Test mutating func unsatisfiedIsReturnedForRehandlingAsANewRound() throws {
        try replied()
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .unsatisfied, comment: "未解决"), by: .member("m1"))
        try step("P1", "2026-04-10", .rehandled(reason: "提案人不满意", due: nil, byAppraisal: false), by: .committee)
        #expect(p().status == .assigned)
        #expect(p().round == 2)
        #expect(p().due == day("2026-07-10"))
        // The open round blocks closing.
        expectRefused("proposal.close.openRound") { try step("P1", "2026-05-01", .closed(note: ""), by: .committee) }
        // Round 2: co-handling opinion again, reply, evaluation, close.
        try step("P1", "2026-05-01", .coHandlingOpinion(unit: "县财政局", text: "已安排资金"), by: .unit("县财政局"))
        try reply(on: "2026-06-01")
        try step("P1", "2026-06-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        try step("P1", "2026-06-10", .closed(note: "办结"), by: .committee)
        #expect(p().status == .closed)
        #expect(p().evaluations.map(\.round) == [1, 2])
        // 满意率 from the latest round: the year counts round 2's 满意 only (the superseded 不满意 used to count, giving
        // 1 of 2 = 50%); Q2 as of its end is round 2 as well; April as of its end still had round 1 only.
        let year = state.figures(for: .year(2026))
        #expect(year.satisfactionRate(.satisfiedOrBasic) == Rate(1, of: 1))
        #expect(year.evaluations == 2 && year.latestRoundUnsatisfied == 0)
        #expect(state.figures(for: .month(2026, 4)).satisfactionRate(.satisfiedOrBasic) == Rate(0, of: 1))
        // Reply classes per proposal: two replies (one per round), one proposal of final class A.
        #expect(year.repliesByClass == ["A": 1] && year.repliesOnTime + year.repliesLate == 2)
    }

    /// 办结率 by cohort: of the proposals registered in a period, those closed by its end. P1 registered in January and
    /// closed in April counts in H1 and the year, not in Q1 (Q1: 0 of 1); P2, registered in Q1 and closed in July, is
    /// open at the end of H1 (H1: 1 of 2); an old proposal closed in a period never raises that period's rate (the old
    /// closed / registered of the same period could exceed 100%).
    @Test mutating func completionRateIsByCohort() throws {
        try replied()
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        try step("P1", "2026-04-20", .closed(note: ""), by: .committee)
        try replied("P2")
        try step("P2", "2026-07-01", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        try step("P2", "2026-07-05", .closed(note: ""), by: .committee)
        #expect(state.figures(for: .quarter(2026, 1)).completionRate == Rate(0, of: 2))
        #expect(state.figures(for: .half(2026, 1)).completionRate == Rate(1, of: 2))
        #expect(state.figures(for: .year(2026)).completionRate == Rate(2, of: 2))
        let q3 = state.figures(for: .quarter(2026, 3))
        #expect(q3.proposalsClosed == 1 && q3.completionRate == Rate(0, of: 0))
    }

    @Test mutating func satisfiedProposalIsNotReturned() throws {
        try replied()
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        expectRefused("proposal.rehandle.unsatisfied") {
            try step("P1", "2026-04-10", .rehandled(reason: "复查", due: nil, byAppraisal: false), by: .committee)
        }
    }

    @Test mutating func evaluatedProposalCloses() throws {
        try replied()
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .basicallySatisfied, comment: ""), by: .member("m1"))
        try step("P1", "2026-04-20", .closed(note: ""), by: .committee)
        #expect(p().status == .closed)
        #expect(p().closedOn == day("2026-04-20"))
    }

    @Test mutating func unevaluatedProposalClosesOnlyAfterTheWindow() throws {
        try replied()
        expectRefused("proposal.close.notEvaluated") { try step("P1", "2026-05-01", .closed(note: ""), by: .committee) }
        try step("P1", "2026-05-02", .closed(note: "测评期满"), by: .committee)
        #expect(p().status == .closed)
    }

    @Test mutating func assignedProposalCannotClose() throws {
        try submit()
        try register()
        try assignLead()
        expectRefused("proposal.close.state") { try step("P1", "2026-03-01", .closed(note: ""), by: .committee) }
    }

    // MARK: key proposals and appraisal

    @Test mutating func keyProposalNamesSupervisor() throws {
        try submit()
        try register()
        expectRefused("proposal.key.supervisor") { try step("P1", "2026-01-25", .keyProposal(supervisor: ""), by: .committee) }
        try step("P1", "2026-01-25", .keyProposal(supervisor: "县政协主席 张某"), by: .committee)
        #expect(p().supervisor == "县政协主席 张某")
        #expect(state.figures(for: .year(2026)).keyProposals == 1)
    }

    /// Only the committee makes a key proposal, and only of a registered proposal not yet closed: a member's
    /// command, a submitted and a not-registered proposal are refused and nothing is recorded
    /// (`xieshang proposal key` reaches these rules).
    @Test mutating func keyProposalOnlyByTheCommitteeOfAnOpenRegisteredProposal() throws {
        try submit()
        expectRefused("proposal.key.state") { try step("P1", "2026-01-15", .keyProposal(supervisor: "主席"), by: .committee) }
        try register()
        expectRefused("proposal.key.actor") { try step("P1", "2026-01-25", .keyProposal(supervisor: "主席"), by: .member("m1")) }
        try submit("P2")
        try step("P2", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "n", conversion: nil)), by: .committee)
        expectRefused("proposal.key.state") { try step("P2", "2026-01-25", .keyProposal(supervisor: "主席"), by: .committee) }
        #expect(p().supervisor == nil && p("P2").supervisor == nil)
        #expect(state.figures(for: .year(2026)).keyProposals == 0)
    }

    /// A withdrawn proposal cannot be reviewed, and neither its first proposer nor its confirmed co-signer scores
    /// for it (`xieshang proposal withdraw`).
    @Test mutating func withdrawnProposalIsNotReviewedAndScoresNothing() throws {
        try submit(cosigners: ["m2"])
        try step("P1", "2026-01-11", .cosignerConfirmed(member: "m2"), by: .member("m2"))
        try step("P1", "2026-01-12", .withdrawn(by: "m1", reason: "重复"), by: .member("m1"))
        let before = state
        expectRefused("proposal.review.state") { try register() }
        expectRefused("proposal.withdraw.beforeReview") {
            try step("P1", "2026-01-13", .withdrawn(by: "m1", reason: ""), by: .member("m1"))
        }
        #expect(state == before)
        #expect(state.dutyEntries(member: "m1", year: 2026).isEmpty && state.dutyEntries(member: "m2", year: 2026).isEmpty)
    }

    /// Conversion into an opinion report whose id is already taken (or empty) is refused and records nothing: no
    /// review, no second report (`xieshang proposal review --convert-to`).
    @Test mutating func conversionToATakenReportIDRefused() throws {
        try submit("P1")
        try submit("P2")
        try step("P1", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "经本人同意转为社情民意信息",
            conversion: .init(reportID: "R-1", consentBy: "m1"))), by: .committee)
        let before = state
        for id in ["R-1", ""] {
            expectRefused("proposal.review.conversion.id") {
                try step("P2", "2026-01-20", .reviewed(.notRegistered(reason: "no_substance", notice: "转为社情民意信息",
                    conversion: .init(reportID: id, consentBy: "m1"))), by: .committee)
            }
        }
        #expect(state == before)
        #expect(p("P2").status == .submitted)
        #expect(state.opinions[OpinionKey(originBody: countyBody.id, originReportID: "R-1")]?.convertedFromProposal == "P1")
    }

    mutating func appraise(_ id: String, _ satisfied: Int, _ basic: Int, _ unsatisfied: Int, quarter: Period = .quarter(2026, 2),
                           on: String = "2026-06-28", by actor: Actor = .committee) throws {
        try step(id, on, .appraised(.init(quarter: quarter, satisfied: satisfied, basicallySatisfied: basic, unsatisfied: unsatisfied)),
                 by: actor)
    }

    /// 习水's 逐个提案测评: each proposal rated at the quarterly meeting; the threshold (80%) is compared unrounded — 1,599
    /// of 2,000 (79.95%, displayed "80.0%") is below and returned for re-handling by the same command, 1,600 of 2,000
    /// is not — and the list of the quarter's proposals below the threshold is exactly the returned one.
    @Test mutating func appraisalComparesTheThresholdUnroundedAndReturnsTheProposal() throws {
        try replied("P1")
        try replied("P2")
        let events = try county.record(.proposal(ProposalEvent("P1", on: day("2026-06-28"), .appraised(.init(
            quarter: .quarter(2026, 2), satisfied: 1_000, basicallySatisfied: 599, unsatisfied: 401)))), by: .committee)
        #expect(events.count == 2, "the appraisal and the return for re-handling")
        if case .proposal(let e)? = events.last, case .rehandled(_, _, let byAppraisal) = e.step { #expect(byAppraisal) }
        else { Issue.record("no re-handling event: \(events)") }
        try appraise("P2", 1_000, 600, 400)
        #expect(p("P1").appraisals.first?.rate.description == "80.0%" && p("P1").appraisals.first?.belowThreshold == true)
        #expect(p("P1").round == 2 && p("P1").status == .assigned)
        #expect(p("P2").round == 1 && p("P2").status == .replied && p("P2").appraisals.first?.belowThreshold == false)
        #expect(state.proposalAppraisals(.quarter(2026, 2), belowOnly: true).map(\.proposalID) == ["P1"])
        #expect(state.proposalAppraisals(.quarter(2026, 2)).map(\.proposalID) == ["P1", "P2"])
        #expect(state.proposalAppraisals(.quarter(2026, 3)).isEmpty)
        #expect(p("P1").appraisals.first?.votes.thresholdPercent == 80)
    }

    /// The appraisal's refusals, each named, none recording anything: not the committee, a period that is not a
    /// quarter, a day before the quarter, no votes or negative votes, a proposal not replied, a second appraisal of
    /// the same round in the same quarter.
    @Test mutating func appraisalRefusals() throws {
        try replied("P1")
        try submit("P3")
        try register("P3")
        try appraise("P1", 9, 0, 1)
        let before = state
        expectRefused("proposal.appraise.actor") { try appraise("P1", 9, 0, 1, quarter: .quarter(2026, 3), on: "2026-09-28", by: .unit("县住建局")) }
        expectRefused("proposal.appraise.quarter") { try appraise("P1", 9, 0, 1, quarter: .month(2026, 9), on: "2026-09-28") }
        expectRefused("proposal.appraise.date") { try appraise("P1", 9, 0, 1, quarter: .quarter(2026, 3), on: "2026-06-30") }
        expectRefused("proposal.appraise.votes") { try appraise("P1", 0, 0, 0, quarter: .quarter(2026, 3), on: "2026-09-28") }
        expectRefused("proposal.appraise.votes") { try appraise("P1", 5, -1, 0, quarter: .quarter(2026, 3), on: "2026-09-28") }
        expectRefused("proposal.appraise.state") { try appraise("P3", 9, 0, 1) }
        expectRefused("proposal.appraise.once") { try appraise("P1", 1, 0, 9) }
        #expect(state == before)
    }

    /// The unit whose reply the appraisal returned gives its written explanation 书面说明 before it replies again;
    /// another unit, another actor, an empty text, a second explanation and one for a proposal not returned are
    /// refused by name.
    @Test mutating func returnedUnitExplainsInWritingBeforeReplyingAgain() throws {
        try replied("P1")
        try replied("P2")
        try appraise("P1", 1, 1, 8)
        try appraise("P2", 9, 1, 0)
        try step("P1", "2026-07-02", .coHandlingOpinion(unit: "县财政局", text: "同意"), by: .unit("县财政局"))
        let before = state
        expectRefused("proposal.reply.explanationPending") { try reply("P1", on: "2026-07-05") }
        expectRefused("proposal.explain.actor") {
            try step("P1", "2026-07-03", .explained(unit: "县住建局", text: "说明"), by: .unit("县财政局"))
        }
        expectRefused("proposal.explain.unit") {
            try step("P1", "2026-07-03", .explained(unit: "县财政局", text: "说明"), by: .unit("县财政局"))
        }
        expectRefused("proposal.explain.text") {
            try step("P1", "2026-07-03", .explained(unit: "县住建局", text: ""), by: .unit("县住建局"))
        }
        expectRefused("proposal.explain.state") {
            try step("P2", "2026-07-03", .explained(unit: "县住建局", text: "说明"), by: .unit("县住建局"))
        }
        #expect(state == before)
        try step("P1", "2026-07-03", .explained(unit: "县住建局", text: "资金未到位，已制定整改计划"), by: .unit("县住建局"))
        expectRefused("proposal.explain.once") {
            try step("P1", "2026-07-04", .explained(unit: "县住建局", text: "再说明"), by: .unit("县住建局"))
        }
        try reply("P1", on: "2026-07-05")
        #expect(p("P1").status == .replied && p("P1").currentReplies.count == 1)
        #expect(state.proposalAppraisals(.quarter(2026, 2), belowOnly: true).first?.explanations.map(\.text) == ["资金未到位，已制定整改计划"])
    }

    /// The per-unit appraisal compares unrounded too: 18 of 53 evaluations (33.96%, displayed "34.0%") is below a
    /// 34% threshold. The old code compared the rounded permille (340 < 340 is false) and kept the unit.
    @Test mutating func unitAppraisalComparesTheThresholdUnrounded() throws {
        var policy = state.policy
        policy.version = 2
        policy.effective = day("2026-01-01")
        policy.appraisalThresholdPercent = 34
        try county.record(.policy(policy), by: .office)
        let cosigners = (1...52).map { "c\($0)" }
        try county.addMembers(cosigners)
        try replied("P1", cosigners: cosigners)
        for (i, m) in (["m1"] + cosigners).enumerated() {
            try step("P1", "2026-04-05", .evaluated(member: m, rating: i < 18 ? .satisfied : .unsatisfied, comment: ""), by: .member(m))
        }
        let result = state.quarterlyAppraisal(.quarter(2026, 2), on: day("2026-07-02"))
        #expect(result.units.first?.rate.description == "34.0%")
        #expect(result.units.first?.belowThreshold == true)
        #expect(result.returns.map(\.proposalID) == ["P1"])
        #expect(Rate(1_599, of: 2_000).isBelow(percent: 80) && !Rate(1_600, of: 2_000).isBelow(percent: 80) && !Rate(0, of: 0).isBelow(percent: 80))
    }

    @Test mutating func quarterlyAppraisalReturnsUnitBelowThreshold() throws {
        // 县住建局: 1 of 2 satisfied (50%) → below 80%; 县水务局: 1 of 1 (100%).
        try replied("P1")
        try replied("P2")
        try submit("P3", by: "m2")
        try register("P3")
        try step("P3", "2026-02-01", .assigned(.init(.lead("县水务局", coHandling: []))), by: .committee)
        try reply("P3", unit: "县水务局")
        try step("P1", "2026-04-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), by: .member("m1"))
        try step("P2", "2026-04-05", .evaluated(member: "m1", rating: .unsatisfied, comment: ""), by: .member("m1"))
        try step("P3", "2026-04-05", .evaluated(member: "m2", rating: .satisfied, comment: ""), by: .member("m2"))
        let result = state.quarterlyAppraisal(.quarter(2026, 2), on: day("2026-07-02"))
        #expect(result.units.map(\.unit) == ["县住建局", "县水务局"])
        #expect(result.units.map(\.belowThreshold) == [true, false])
        #expect(result.units[0].rate.description == "50.0%")
        #expect(result.returns.map(\.proposalID) == ["P1", "P2"])
        for command in result.returns { try county.record(.proposal(command), by: .committee) }
        #expect(p("P1").round == 2 && p("P2").round == 2 && p("P3").round == 1)
        #expect(state.figures(for: .year(2026)).proposalsRehandled == 2)
    }

    @Test mutating func refusedCommandRecordsNothing() throws {
        try replied()
        let before = county
        expectRefused("proposal.reply.state") { try reply() }
        #expect(county.state == before.state)
        #expect(county.log == before.log)
    }
}
