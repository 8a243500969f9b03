import Testing
@testable import XieshangDomain

/// Consultation plans 年度协商计划: solicitation, lifecycle, decomposition, progress back up, overdue.
@Suite struct ConsultationPlanTests {
    var net = Federation([cityBody, countyBody, townshipBody])

    mutating func city(_ on: String, _ step: PlanEvent.Step) throws {
        try net.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day(on), step)), at: cityBody.id, by: .office)
    }

    static let item = PlanItem(id: "2-01", category: "常委会议协商", topic: "加强农村社会治理", form: "常委会视察",
                               leadLeader: "市政协副主席 赵某", department: "市民政局", person: "陈某",
                               deadline: day("2026-06-30"), assignees: [countyBody.id])

    mutating func issuedPlan() throws {
        try city("2026-01-05", .drafted(year: 2026, title: "2026年度政治协商计划"))
        try city("2026-01-06", .itemAdded(Self.item))
        try city("2026-01-20", .reviewed(meeting: "主席会议"))
        try city("2026-02-05", .approved(meeting: "市委常委会"))
        try city("2026-02-10", .issued(document: "铜政发〔2026〕3号"))
    }

    @Test mutating func topicsSolicitedFromBelowAndPicked() throws {
        try city("2025-11-01", .topicsSolicited(deadline: day("2025-11-30"), bodies: []))
        try net.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2025-11-20"), .topicProposed(
            topicID: "T1", byBody: countyBody.id, topic: "农村饮水安全", reason: "群众反映强烈"))), at: countyBody.id, by: .office)
        expectRefused("plan.topic.deadline") {
            try net.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2025-12-01"), .topicProposed(
                topicID: "T2", byBody: countyBody.id, topic: "迟到议题", reason: ""))), at: countyBody.id, by: .office)
        }
        #expect(net[cityBody.id].plans[PlanKey(issuer: cityBody.id, planID: "2026")]?.topics.map(\.id) == ["T1"])
        try city("2025-12-05", .topicPicked(topicID: "T1", itemID: "4-03"))
        try city("2025-12-10", .drafted(year: 2026, title: "2026年度政治协商计划"))
        #expect(net[cityBody.id].plans[PlanKey(issuer: cityBody.id, planID: "2026")]?.pickedAs("T1") == "4-03")
    }

    @Test mutating func lifecycleDraftReviewedApprovedIssuedInOrder() throws {
        try city("2026-01-05", .drafted(year: 2026, title: "2026年度政治协商计划"))
        expectRefused("plan.review.state") { try city("2026-01-06", .reviewed(meeting: "主席会议")) }
        try city("2026-01-06", .itemAdded(Self.item))
        expectRefused("plan.approve.state") { try city("2026-01-07", .approved(meeting: "市委常委会")) }
        try city("2026-01-20", .reviewed(meeting: "主席会议"))
        expectRefused("plan.issue.state") { try city("2026-01-21", .issued(document: "x")) }
        try city("2026-02-05", .approved(meeting: "市委常委会"))
        expectRefused("plan.item.state") { try city("2026-02-06", .itemAdded(Self.item)) }
        try city("2026-02-10", .issued(document: "铜政发〔2026〕3号"))
        let key = PlanKey(issuer: cityBody.id, planID: "2026")
        // Issued down the tree: the county and the township hold the same plan.
        #expect(net[countyBody.id].plans[key]?.status == .issued)
        #expect(net[townshipBody.id].plans[key]?.items.count == 1)
        expectRefused("plan.draft.issuer") {
            try net.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2026-01-05"), .drafted(year: 2026, title: "x"))),
                           at: countyBody.id, by: .office)
        }
    }

    @Test mutating func countyDecomposesAndProgressFlowsBackUp() throws {
        try issuedPlan()
        var sub = Self.item
        sub.id = "2-01-a"
        sub.assignees = [townshipBody.id]
        sub.deadline = day("2026-05-31")
        var late = sub
        late.deadline = day("2026-07-31")
        expectRefused("plan.decompose.deadline") {
            try net.record(.plan(PlanEvent("2026", issuer: countyBody.id, on: day("2026-02-15"), .decomposed(
                itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [late]))), at: countyBody.id, by: .office)
        }
        expectRefused("plan.decompose.assignee") {
            try net.record(.plan(PlanEvent("2026", issuer: townshipBody.id, on: day("2026-02-15"), .decomposed(
                itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [sub]))), at: townshipBody.id, by: .office)
        }
        try net.record(.plan(PlanEvent("2026", issuer: countyBody.id, on: day("2026-02-15"), .decomposed(
            itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [sub]))), at: countyBody.id, by: .office)
        let subKey = PlanKey(issuer: countyBody.id, planID: "2026")
        #expect(net[townshipBody.id].plans[subKey]?.items.first?.parent?.itemID == "2-01")

        // The township reports preparing, then holds it late: overdue at the end of May, held in June.
        func report(_ on: String, _ stage: ItemStage) throws {
            try net.record(.plan(PlanEvent("2026", issuer: countyBody.id, on: day(on), .stageReported(
                itemID: "2-01-a", byBody: townshipBody.id, stage: stage, note: ""))), at: townshipBody.id, by: .office)
        }
        try report("2026-03-01", .preparing)
        expectRefused("plan.stage.forward") { try report("2026-03-02", .assigned) }
        var may = net[townshipBody.id].figures(for: .month(2026, 5))
        #expect(may.planItemsAssigned == 1 && may.planItemsDone == 0 && may.planItemsOverdue == 0)
        let june1 = net[townshipBody.id].figures(for: .quarter(2026, 2))
        #expect(june1.planItemsOverdue == 1)
        try report("2026-06-10", .held)
        may = net[townshipBody.id].figures(for: .month(2026, 5))
        #expect(may.planItemsDone == 0)
        let june = net[townshipBody.id].figures(for: .month(2026, 6))
        #expect(june.planItemsDone == 1 && june.planItemsOverdue == 1)   // held after its deadline
        // The progress reached the county (the sub-plan's issuer); the county reports its item to the city.
        #expect(net[countyBody.id].plans[subKey]?.items.first?.stage(asOf: day("2026-06-30")) == .held)
        try net.record(.plan(PlanEvent("2026", issuer: cityBody.id, on: day("2026-06-20"), .stageReported(
            itemID: "2-01", byBody: countyBody.id, stage: .held, note: "各乡镇已召开"))), at: countyBody.id, by: .office)
        let cityItem = net[cityBody.id].plans[PlanKey(issuer: cityBody.id, planID: "2026")]?.item("2-01")
        #expect(cityItem?.stage(asOf: day("2026-06-30")) == .held)
        #expect(cityItem?.isOverdue(for: countyBody.id, asOf: day("2026-12-31")) == false)
        for node in net.nodes.values { #expect(node.replayed == node.state) }
    }

    /// Issue 19: a decomposition is recorded with its report up to the item's issuer (routed up, the same sub-items);
    /// the report is never a command of its own.
    @Test mutating func aDecompositionIsReportedUpWithIt() throws {
        try issuedPlan()
        var sub = Self.item
        sub.id = "2-01-a"
        sub.assignees = [townshipBody.id]
        let events = try net.record(.plan(PlanEvent("2026", issuer: countyBody.id, on: day("2026-02-15"), .decomposed(
            itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [sub]))), at: countyBody.id, by: .office)
        guard events.count == 2, case .plan(let down) = events[0], case .plan(let up) = events[1] else {
            Issue.record("expected the decomposition and its report: \(events)")
            return
        }
        #expect(events[0].routing(recordedAt: countyBody) == .subtree && events[1].routing(recordedAt: countyBody) == .up(to: cityBody.id))
        #expect(up == PlanEvent("2026", issuer: countyBody.id, on: day("2026-02-15"), .decompositionReported(
            itemID: "2-01", parentIssuer: cityBody.id, parentPlanID: "2026", subItems: [sub])) && down.decompositionReport == up)
        // At the county the report changes nothing beyond the decomposition itself.
        let subKey = PlanKey(issuer: countyBody.id, planID: "2026")
        #expect(net[countyBody.id].plans[subKey]?.items.map(\.id) == ["2-01-a"])
        let before = net[countyBody.id]
        expectRefused("plan.decompose.reported") {
            try net.record(.plan(up), at: countyBody.id, by: .office)
        }
        #expect(net[countyBody.id] == before)
    }

    /// ``PlanTree`` links a sub-item below an item only when its plan's issuer is an assignee of that item, follows
    /// several levels, and stops on a loop of parent references (a forgery) instead of running forever.
    @Test func planTreeLinksAssigneesDecompositionsOnly() {
        func plan(_ issuer: String, _ items: [PlanItem]) -> ConsultationPlan {
            ConsultationPlan(key: PlanKey(issuer: issuer, planID: "P"), year: 2026, title: "", status: .issued, items: items)
        }
        func item(_ id: String, _ assignees: [String], parent: (String, String)? = nil) -> PlanItem {
            PlanItem(id: id, category: "", topic: id, form: "", leadLeader: "l", department: "d", person: "p", deadline: day("2026-06-30"),
                     assignees: assignees, parent: parent.map { PlanItem.ParentRef(issuer: $0.0, planID: "P", itemID: $0.1) })
        }
        let plans = [
            plan("city", [item("1", ["county"])]),
            plan("county", [item("1.1", ["town"], parent: ("city", "1"))]),
            plan("town", [item("1.1.1", ["village"], parent: ("county", "1.1"))]),
            plan("other", [item("1.x", ["x"], parent: ("city", "1"))]),            // not an assignee of item 1
            plan("a", [item("a1", ["b"], parent: ("b", "b1"))]),                  // a loop: a1 below b1 below a1
            plan("b", [item("b1", ["a"], parent: ("a", "a1"))]),
        ]
        let tree = PlanTree(plans)
        let branches = tree.branches(of: plans[0].items[0], in: plans[0].key)
        #expect(branches.map { "\($0.depth)|\($0.plan.issuer)|\($0.item.id)" } == ["1|county|1.1", "2|town|1.1.1"])
        let rows = tree.assignments(of: plans[0].items[0], in: plans[0].key, asOf: day("2026-07-01"))
        #expect(rows.map { "\($0.depth)|\($0.assignee)|\($0.overdue)" } == ["0|county|true", "1|town|true", "2|village|true"])
        let loop = tree.branches(of: plans[4].items[0], in: plans[4].key)
        #expect(loop.map { "\($0.depth)|\($0.plan.issuer)|\($0.item.id)" } == ["1|b|b1", "2|a|a1"])
    }
}
