import Testing
@testable import XieshangDomain

/// Determinism: a state rebuilt from its event log equals the live state (what the SQL projections must match).
@Suite struct DomainStateTests {
    @Test func replayOfTheLogEqualsTheLiveState() throws {
        var node = try FiguresTests.zhenyuan()
        // Add every other kind of record to the same body's log, including refusals (which log nothing).
        try node.addMembers(["x1"], joined: day("2025-01-01"))
        try node.record(.proposal(ProposalEvent("J1", on: day("2025-03-01"), .submitted(.init(
            title: "联名", text: "……", kind: .joint, firstProposer: "zy1", cosigners: ["zy2", "zy3"])))), by: .member("zy1"))
        try node.record(.proposal(ProposalEvent("J1", on: day("2025-03-02"), .cosignerConfirmed(member: "zy2"))), by: .member("zy2"))
        _ = try? node.record(.proposal(ProposalEvent("J1", on: day("2025-03-20"), .cosignerConfirmed(member: "zy3"))), by: .member("zy3"))
        try node.record(.activity(Activity(id: "A1", kind: .inspection, date: day("2025-04-01"), topic: "视察",
                                           participants: 12, members: ["zy1", "x1"])), by: .office)
        try node.record(.suggestion(SuggestionEvent("S1", on: day("2025-04-01"), .made(text: "建议", addressee: "县政府",
                                                                                       activityID: "A1", members: ["zy1"]))), by: .office)
        try node.record(.duty(DutyEvent("zy4", on: day("2025-01-10"), .attendance(meetingID: "全会", .unexcused))), by: .office)
        try node.record(.duty(DutyEvent("zy4", on: day("2025-12-10"), .adjustment(.welfare, tenths: 30, reason: "县政协表彰"))),
                        by: .office)
        let prov = OpinionEvent.Provenance(originBody: node.state.body.id, originReportID: "O1", author: "zy5", authorKind: .member)
        try node.record(.opinion(OpinionEvent(prov, at: node.state.body.id, on: day("2025-05-01"), .submitted(title: "t", text: "x"))),
                        by: .office)
        var policy = node.state.policy
        policy.version = 2
        policy.effective = day("2025-07-01")
        policy.replyMonths = 2
        try node.record(.policy(policy), by: .office)

        let replayed = node.replayed
        #expect(replayed == node.state)
        #expect(replayed.figures(for: .year(2025)) == node.state.figures(for: .year(2025)))
        #expect(replayed.dutyAssessment(member: "zy4", year: 2025) == node.state.dutyAssessment(member: "zy4", year: 2025))
        #expect(replayed.policyHistory.map(\.version) == [1, 2])
        // A prefix of the log replays to the state at that point: the last event matters.
        let shorter = DomainState.replay(body: node.state.body, events: node.log.dropLast())
        #expect(shorter != node.state && shorter.policy.version == 1)
        // Applying an event twice (a duplicate delivery) leaves activities and submissions unchanged.
        var twice = node.state
        for event in node.log where { if case .activity = event { return true }; return false }() { twice.apply(event) }
        #expect(twice.activities == node.state.activities)
    }

    @Test func routingHintsFollowTheDomain() {
        let prov = OpinionEvent.Provenance(originBody: townshipBody.id, originReportID: "1", author: "t1", authorKind: .member)
        let forward = DomainEvent.opinion(OpinionEvent(prov, at: townshipBody.id, on: day("2026-01-01"), .forwarded(
            toBody: countyBody.id, toTier: "county", title: "t", text: "x")))
        #expect(forward.routing(recordedAt: townshipBody) == .up(to: countyBody.id))
        let instruction = DomainEvent.opinion(OpinionEvent(prov, at: cityBody.id, on: day("2026-01-01"), .instruction(.init(
            leaderLevel: "city", leader: "l", date: day("2026-01-01"), text: "t", recordedBy: cityBody.id))))
        #expect(instruction.routing(recordedAt: cityBody) == .down(to: [townshipBody.id]))
        let issued = DomainEvent.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2026-01-01"), .issued(document: "d")))
        #expect(issued.routing(recordedAt: cityBody) == .subtree)
    }
}
