import Testing
@testable import XieshangDomain

/// Issue 18, 议题征集 for the annual plan "from lower bodies, departments and the public": a lower body proposes at its
/// own node (up to the issuer), the issuer's office enters the topics of departments, the public and members with their
/// source; the office then adopts a topic into the plan (选题), merges it into another (合并) or does not adopt it
/// (不予采纳, with the reason). The issuer's figures count topics proposed and each decision, by day.
@Suite struct TopicSolicitationTests {
    var net = Federation([cityBody, countyBody, townshipBody])
    var key: PlanKey { PlanKey(issuer: cityBody.id, planID: "2027") }
    var plan: ConsultationPlan? { net[cityBody.id].plans[key] }

    init() throws {
        try city("2026-11-01", .topicsSolicited(deadline: day("2026-11-30"), bodies: []))
    }

    mutating func city(_ on: String, _ step: PlanEvent.Step) throws {
        try net.record(.plan(PlanEvent("2027", issuer: cityBody.id, on: day(on), step)), at: cityBody.id, by: .office)
    }

    mutating func received(_ id: String, _ source: ConsultationPlan.TopicSource, _ proposer: String, on: String = "2026-11-10") throws {
        try city(on, .topicReceived(topicID: id, source: source, proposer: proposer, topic: "议题\(id)", reason: "理由"))
    }

    /// Topics from a department, the public and a member are entered by the issuer with their source and proposer; a
    /// lower body's topic arrives from its own node. Refused by name, recording nothing: a topic entered at another body,
    /// one claiming to come from a lower body, one without its proposer, one after the deadline, an id taken.
    @Test mutating func topicsFromDepartmentsThePublicAndLowerBodies() throws {
        try net.record(.plan(PlanEvent("2027", issuer: cityBody.id, on: day("2026-11-05"), .topicProposed(
            topicID: "T1", byBody: countyBody.id, topic: "农村饮水安全", reason: "群众反映强烈"))), at: countyBody.id, by: .office)
        try received("T2", .department, "市农业农村局")
        try received("T3", .society, "市民李某（网络征集）")
        try received("T4", .member, "经济界别")
        expectRefused("plan.topic.received.issuer") {
            try net.record(.plan(PlanEvent("2027", issuer: cityBody.id, on: day("2026-11-10"), .topicReceived(
                topicID: "T9", source: .department, proposer: "县交通局", topic: "议题", reason: ""))), at: countyBody.id, by: .office)
        }
        expectRefused("plan.topic.source") { try received("T9", .lowerBody, cityBody.id) }
        expectRefused("plan.topic.proposer.name") { try received("T9", .department, "") }
        expectRefused("plan.topic.deadline") { try received("T9", .society, "市民", on: "2026-12-01") }
        expectRefused("plan.topic.fields") { try received("T2", .society, "市民") }
        let p = try #require(plan)
        #expect(p.topics.map(\.id) == ["T1", "T2", "T3", "T4"])
        #expect(p.topics.map(\.source) == [.lowerBody, .department, .society, .member])
        #expect(p.topics.map(\.proposer) == ["", "市农业农村局", "市民李某（网络征集）", "经济界别"])
        #expect(p.topics.map(\.byBody) == [countyBody.id, cityBody.id, cityBody.id, cityBody.id])
        #expect(p.topics.compactMap(\.proposedOn) == [day("2026-11-05"), day("2026-11-10"), day("2026-11-10"), day("2026-11-10")])
        // The bodies below hold the topics the issuer received (its steps go down the subtree).
        #expect(net[townshipBody.id].plans[key]?.topics.map(\.id) == ["T2", "T3", "T4"])
    }

    /// The office adopts one topic, merges one into it and does not adopt one, with its reason; the figures count
    /// each. Refused by name, recording nothing: merging into itself, into a topic not in the plan or into a merged
    /// one, a refusal without a reason, deciding a topic twice (or picking a decided one), a decision at another body.
    @Test mutating func theOfficeAdoptsMergesOrDoesNotAdoptEachTopic() throws {
        try received("T1", .department, "市农业农村局")
        try received("T2", .society, "市民李某")
        try received("T3", .member, "委员王某")
        try received("T4", .member, "委员赵某")
        try city("2026-12-05", .topicPicked(topicID: "T1", itemID: "4-03"))
        expectRefused("plan.decide.merge") { try city("2026-12-06", .topicDecided(topicID: "T2", .merged(into: "T2"))) }
        expectRefused("plan.decide.merge") { try city("2026-12-06", .topicDecided(topicID: "T2", .merged(into: "T9"))) }
        expectRefused("plan.decide.reason") { try city("2026-12-06", .topicDecided(topicID: "T3", .notAdopted(reason: ""))) }
        expectRefused("plan.decide.topic") { try city("2026-12-06", .topicDecided(topicID: "T1", .notAdopted(reason: "已采纳"))) }
        expectRefused("plan.decide.topic") { try city("2026-12-06", .topicDecided(topicID: "T9", .notAdopted(reason: "无此议题"))) }
        expectRefused("plan.decide.issuer") {
            try net.record(.plan(PlanEvent("2027", issuer: cityBody.id, on: day("2026-12-06"), .topicDecided(
                topicID: "T3", .notAdopted(reason: "不属于政协协商范围")))), at: countyBody.id, by: .office)
        }
        #expect(plan?.topicDecisions.count == 1)
        try city("2026-12-06", .topicDecided(topicID: "T2", .merged(into: "T1")))
        expectRefused("plan.decide.merge") { try city("2026-12-06", .topicDecided(topicID: "T4", .merged(into: "T2"))) }
        expectRefused("plan.pick.topic") { try city("2026-12-06", .topicPicked(topicID: "T2", itemID: "4-04")) }
        try city("2026-12-07", .topicDecided(topicID: "T3", .notAdopted(reason: "不属于政协协商范围")))
        let p = try #require(plan)
        #expect(p.pickedAs("T1") == "4-03" && p.pickedAs("T2") == nil)
        #expect(p.topicDecisions["T2"] == ConsultationPlan.Decided(outcome: .decided(.merged(into: "T1")), on: day("2026-12-06")))
        #expect(p.topicDecisions["T3"]?.outcome == .decided(.notAdopted(reason: "不属于政协协商范围")) && p.topicDecisions["T4"] == nil)

        let f = net[cityBody.id].figures(for: .year(2026))
        #expect(f.topicsProposed == 4 && f.topicsAdopted == 1 && f.topicsMerged == 1 && f.topicsNotAdopted == 1)
        #expect(f.namedCounts["topics_proposed"] == 4 && f.namedCounts["topics_not_adopted"] == 1)
        // Counted once, at the issuer: the bodies below hold the plan's topics but count none of them.
        let below = net[countyBody.id].figures(for: .year(2026))
        #expect(below.topicsProposed == 0 && below.topicsAdopted == 0 && below.topicsMerged == 0)
        // Replaying the issuer's log gives the same topics and decisions.
        #expect(net.nodes[cityBody.id]!.replayed.plans[key] == plan)
    }

    /// A decision is kept even when the topic it names is not held (a tally that holds only the issuer's steps): the
    /// figures count it, so an ancestor's recomputation of the issuer's figures agrees.
    @Test func aDecisionCountsWithoutItsTopic() {
        var state = DomainState(body: cityBody)
        state.apply(.plan(PlanEvent("2027", issuer: cityBody.id, on: day("2026-11-01"), .topicsSolicited(deadline: day("2026-11-30"), bodies: []))))
        state.apply(.plan(PlanEvent("2027", issuer: cityBody.id, on: day("2026-12-05"), .topicPicked(topicID: "T1", itemID: "4-03"))))
        #expect(state.figures(for: .year(2026)).topicsAdopted == 1 && state.figures(for: .year(2026)).topicsProposed == 0)
    }
}
