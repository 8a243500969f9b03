import Testing
import XieshangFederation
import XieshangWire

/// ``PlanBoard``: plan events of plans.proto from a node's log → the issuer's view (assignees' stages, overdue).
@Suite struct PlanBoardTests {
    /// The local commands that draft, fill, review, approve and issue a plan (one group).
    static func issuing(plan: String, by issuer: String, on day: String, items: [PlanItem], scope: Scope) -> [LocalCommand] {
        func step(_ s: PlanEvent.Step) -> LocalCommand {
            LocalCommand(kind: .plan, payload: PlanEvent(planId: plan, issuer: issuer, on: day, step: s).serializedBytes(), scope: scope)
        }
        return [step(.drafted(.init(year: 2026, title: "2026年度政治协商计划")))] + items.map { step(.itemAdded($0)) }
            + [step(.reviewed(.init(meeting: "主席会议"))), step(.approved(.init(meeting: "党委常委会"))),
               step(.issued(.init(document: "铜政发〔2026〕3号")))]
    }

    /// An assignee's stage report (scope up).
    static func stage(_ stage: ItemStage, of key: PlanBoard.ItemKey, by body: String, on day: String) -> LocalCommand {
        LocalCommand(kind: .plan, payload: PlanEvent(planId: key.planId, issuer: key.issuer, on: day,
                                                     step: .stageReported(.init(itemId: key.itemId, byBody: body, stage: stage))).serializedBytes(),
                     scope: Route.up.scope)
    }

    @Test func daysAreChinaStandardTime() {
        #expect(PlanBoard.day(ofMs: 0) == "1970-01-01")
        #expect(PlanBoard.day(ofMs: 16 * 3_600_000 - 1) == "1970-01-01")
        #expect(PlanBoard.day(ofMs: 16 * 3_600_000) == "1970-01-02")              // midnight in Beijing
        #expect(PlanBoard.day(ofMs: Day(unchecked: 2026, 11, 1).startMsChinaTime) == "2026-11-01")
        #expect(PlanBoard.day(ofMs: Day(unchecked: 2024, 3, 1).startMsChinaTime - 9 * 3_600_000) == "2024-02-29")
        #expect(PlanBoard.day(ofMs: -1) == "1970-01-01" && PlanBoard.day(ofMs: -8 * 3_600_000 - 1) == "1969-12-31")
    }

    @Test func itemsReachOnlyTheirAssigneesWhenThePlanIsIssuedAndOverdueFollowsTheHeldDay() throws {
        let net = TestNetwork()
        try net.tree([("county", ["t0", "t1", "t2"])])
        net.run()
        let item = PlanItem(itemId: "1", topic: "乡村振兴", leadLeader: "主席", department: "农业农村局", deadline: "2026-11-10",
                            assignees: ["t0", "t1"])
        var commands = PlanBoardTests.issuing(plan: "p", by: "county", on: "2026-11-01", items: [item], scope: Route.down(only: []).scope)
        let issue = commands.removeLast()
        net.feed("county", .originateMany(commands))                   // drafted, reviewed, approved — not issued
        net.run()
        let key = PlanBoard.ItemKey(issuer: "county", planId: "p", itemId: "1")
        #expect(net.nodes["county"]!.plans.issued.isEmpty && net.nodes["t0"]!.plans.received.isEmpty)
        net.feed("county", .originate(issue))
        net.run()
        #expect(net.nodes["t0"]!.plans.received[key] != nil && net.nodes["t1"]!.plans.received[key] != nil)
        #expect(net.nodes["t2"]!.plans.received[key] == nil)             // down to all, but not its assignee
        // t0 holds it on the deadline, t1 two days late; progress never moves back.
        net.feed("t0", .originate(PlanBoardTests.stage(.held, of: key, by: "t0", on: "2026-11-10")))
        net.feed("t0", .originate(PlanBoardTests.stage(.preparing, of: key, by: "t0", on: "2026-11-11")))
        net.feed("t1", .originate(PlanBoardTests.stage(.resultsReported, of: key, by: "t1", on: "2026-11-12")))
        net.run()
        let view = try #require(net.nodes["county"]!.plans.issued[key])
        #expect(view.stage(of: "t0") == .held && view.stage(of: "t1") == .resultsReported)
        #expect(view.overdueAssignees(asOf: "2026-11-10") == [])
        #expect(view.overdueAssignees(asOf: "2026-11-11") == ["t1"])    // not held by the deadline (yet)
        #expect(view.overdueAssignees(asOf: "2026-11-30") == ["t1"])    // held, but after the deadline
    }

    @Test func stepsFromBodiesThatMayNotMakeThemAreIgnored() throws {
        let net = TestNetwork()
        try net.tree([("county", ["t0", "t1"])])
        net.run()
        let item = PlanItem(itemId: "1", topic: "t", leadLeader: "l", department: "d", deadline: "2026-11-10", assignees: ["t0"])
        net.feed("county", .originateMany(PlanBoardTests.issuing(plan: "p", by: "county", on: "2026-11-01", items: [item],
                                                                  scope: Route.down(only: []).scope)))
        net.run()
        let key = PlanBoard.ItemKey(issuer: "county", planId: "p", itemId: "1")
        // t1 reports for t0 (signed by t1), and t1 — not an assignee — reports for itself.
        net.feed("t1", .originate(PlanBoardTests.stage(.held, of: key, by: "t0", on: "2026-11-02")))
        net.feed("t1", .originate(PlanBoardTests.stage(.held, of: key, by: "t1", on: "2026-11-02")))
        // t0 claims to issue a plan in the county's name (the event is signed by t0).
        let forged = PlanBoardTests.issuing(plan: "q", by: "county", on: "2026-11-01", items: [item], scope: Route.up.scope)
        net.feed("t0", .originateMany(forged))
        net.run()
        let view = try #require(net.nodes["county"]!.plans.issued[key])
        #expect(view.stages.isEmpty)
        #expect(net.nodes["county"]!.plans.issued.count == 1 && net.nodes["county"]!.plans.received.isEmpty)
        // The events were stored (authorization is about who may send, the board about who may make a step).
        #expect(net.events("county").filter { $0.origin == "t1" && $0.kind == EventKind.plan.protoValue }.count == 2)
    }

    @Test func aCountyDecomposesAReceivedItemAndSeesItsTownshipsProgress() throws {
        let net = TestNetwork()
        try net.tree([("city", ["county"]), ("county", ["t0", "t1"])])
        net.run()
        let item = PlanItem(itemId: "5", topic: "文旅融合", leadLeader: "l", department: "文旅局", deadline: "2026-12-31", assignees: ["county"])
        net.feed("city", .originateMany(PlanBoardTests.issuing(plan: "2026", by: "city", on: "2026-11-01", items: [item],
                                                                scope: Route.down(only: ["county"]).scope)))
        net.run()
        let parent = PlanBoard.ItemKey(issuer: "city", planId: "2026", itemId: "5")
        #expect(net.nodes["county"]!.plans.received[parent] != nil)
        let subs = ["t0", "t1"].map {
            PlanItem(itemId: "5-\($0)", topic: "文旅融合·\($0)", leadLeader: "l", department: "d", deadline: "2026-12-15", assignees: [$0],
                     parentItemId: "5", parentPlanId: "2026", parentIssuer: "city")
        }
        let decomposed = PlanEvent(planId: "2026-county", issuer: "county", on: "2026-11-02",
                                   step: .decomposed(.init(itemId: "5", parentIssuer: "city", subItems: subs, parentPlanId: "2026")))
        net.feed("county", .originate(LocalCommand(kind: .plan, payload: decomposed.serializedBytes(), scope: Route.down(only: []).scope)))
        net.run()
        let sub0 = PlanBoard.ItemKey(issuer: "county", planId: "2026-county", itemId: "5-t0")
        #expect(net.nodes["t0"]!.plans.received[sub0]?.item.parentItemId == "5")
        #expect(net.nodes["t1"]!.plans.received[sub0] == nil)
        net.feed("t0", .originate(PlanBoardTests.stage(.held, of: sub0, by: "t0", on: "2026-11-20")))
        net.run()
        let board = net.nodes["county"]!.plans
        #expect(board.issued.keys.sorted().map(\.itemId) == ["5-t0", "5-t1"])
        #expect(board.issued[sub0]?.stage(of: "t0") == .held)
        #expect(board.overdue(asOf: "2026-12-16").map(\.key.itemId) == ["5-t1"])
    }
}
