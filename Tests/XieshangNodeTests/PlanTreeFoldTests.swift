import Testing
import XieshangDomain
@testable import XieshangNode

/// Issue 19, the issuer's plan board down the tree: the city's fold (``DomainProjector/Folded``, the same decision live
/// and in a rebuild) keeps the county's reported decomposition and the township's progress on it with the county's
/// records, and ``PlanTree`` over the city's plans and those gives the stage and overdue flag of every assignee below
/// the city's item. The events are the ones the bodies' rules record, folded as the city's projector folds them.
@Suite struct PlanTreeFoldTests {
    static let city = BodyInfo(id: "city", name: "市政协", tier: "city")
    static let county = BodyInfo(id: "county1", name: "县政协", tier: "county", parent: "city")
    static let county2 = BodyInfo(id: "county2", name: "另一县政协", tier: "county", parent: "city")
    static let town = BodyInfo(id: "county1-town1", name: "乡镇联络组", tier: "township", parent: "county1")

    static func item(_ id: String, deadline: String, _ assignees: [String]) -> XieshangDomain.PlanItem {
        XieshangDomain.PlanItem(id: id, category: "专题协商", topic: "议题\(id)", form: "专题协商", leadLeader: "王副主席", department: "经济委",
                                person: "李四", deadline: recordsDay(deadline), assignees: assignees)
    }

    /// The four bodies' rules, and the city's fold of what reaches it (each event with its signer and the way it came).
    struct Bodies {
        var states: [String: DomainState] = [:]
        var city = DomainProjector.Folded(own: DomainState(body: PlanTreeFoldTests.city))

        init() {
            for b in [PlanTreeFoldTests.city, PlanTreeFoldTests.county, PlanTreeFoldTests.county2, PlanTreeFoldTests.town] {
                states[b.id] = DomainState(body: b)
            }
        }

        /// Records `step` of plan XS (issuer `issuer`) at `at` and delivers its events as the federation routes them:
        /// a plan issued goes down to every body below the city; a step up reaches the city (and the bodies between).
        @discardableResult
        mutating func record(_ at: String, issuer: String, on: String, _ step: XieshangDomain.PlanEvent.Step) throws -> [DomainEvent] {
            let events = try states[at]!.record(.plan(XieshangDomain.PlanEvent("XS", issuer: issuer, on: recordsDay(on), step)), by: .office)
            for event in events {
                if at == "city" { #expect(fold(event, signer: "city", .down) != nil) }
                deliver(event, from: at)
            }
            return events
        }

        mutating func deliver(_ event: DomainEvent, from: String) {
            let body = states[from]!.body
            switch event.routing(recordedAt: body) {
            case .up:
                var cursor = body.parent
                while let id = cursor {
                    if id == "city" { #expect(fold(event, signer: from, .up) != nil) } else {
                        apply(event, signer: from, at: id, .up)
                    }
                    cursor = states[id]?.body.parent
                }
            case .subtree, .down:
                for (id, state) in states where isBelow(state.body, from) { apply(event, signer: from, at: id, .down) }
            case .local: break
            }
        }

        /// The bodies other than the city apply only their own and the steps for them (their fold's own state).
        mutating func apply(_ event: DomainEvent, signer: String, at id: String, _ way: CrossBodyStep.Direction) {
            switch event.reach(signer: signer, at: id, arrived: way) {
            case .own, .crossBody: states[id]!.apply(event)
            default: break
            }
        }

        /// Folds an event at the city as its projector does; nil when refused.
        @discardableResult
        mutating func fold(_ event: DomainEvent, signer: String, _ way: CrossBodyStep.Direction?) -> String? {
            if case .refused = city.fold(event, signer: signer, arrived: way) { return nil }
            return "applied"
        }

        func isBelow(_ body: BodyInfo, _ ancestor: String) -> Bool {
            var cursor = body.parent
            while let c = cursor { if c == ancestor { return true }; cursor = states[c]?.body.parent }
            return false
        }

        /// The city's tree of its item `id`, as of `day`: "depth|plan issuer|item|assignee|stage|overdue" per row.
        func tree(_ id: String, asOf day: String) -> [String] {
            let plans = Array(city.own.plans.values) + DomainSubmit.plansBelow(city.others)
            let key = PlanKey(issuer: "city", planID: "XS")
            guard let item = city.own.plans[key]?.item(id) else { return [] }
            return PlanTree(plans).assignments(of: item, in: key, asOf: recordsDay(day)).map {
                "\($0.depth)|\($0.plan.issuer)|\($0.itemID)|\($0.assignee)|\($0.stage.name)|\($0.overdue ? "逾期" : "")"
            }
        }
    }

    /// The city issues items 1 (to county1) and 2 (to county2); county1 decomposes item 1 into 1.1 and 1.2 for its
    /// township.
    static func issued() throws -> Bodies {
        var b = Bodies()
        try b.record("city", issuer: "city", on: "2026-01-05", .drafted(year: 2026, title: "市政协2026年度协商计划"))
        try b.record("city", issuer: "city", on: "2026-01-05", .itemAdded(item("1", deadline: "2026-12-31", ["county1"])))
        try b.record("city", issuer: "city", on: "2026-01-05", .itemAdded(item("2", deadline: "2026-12-31", ["county2"])))
        try b.record("city", issuer: "city", on: "2026-01-10", .reviewed(meeting: "主席会议"))
        try b.record("city", issuer: "city", on: "2026-01-20", .approved(meeting: "党委常委会"))
        try b.record("city", issuer: "city", on: "2026-02-01", .issued(document: "市政协发〔2026〕1号"))
        let events = try b.record("county1", issuer: "county1", on: "2026-02-10", .decomposed(itemID: "1", parentIssuer: "city", parentPlanID: "XS", subItems: [
            item("1.1", deadline: "2026-06-30", [town.id]), item("1.2", deadline: "2026-03-31", [town.id]),
        ]))
        #expect(events.count == 2, "the decomposition and its report up: \(events)")
        return b
    }

    @Test("the city's fold follows its item through the county's decomposition to the township's stage and overdue flag")
    func stagePerAssigneeThroughADecomposition() throws {
        var b = try Self.issued()
        #expect(b.tree("1", asOf: "2026-02-11") == ["0|city|1|county1|assigned|", "1|county1|1.1|\(Self.town.id)|assigned|",
                                                     "1|county1|1.2|\(Self.town.id)|assigned|"])
        try b.record(Self.town.id, issuer: "county1", on: "2026-03-01", .stageReported(itemID: "1.1", byBody: Self.town.id, stage: .preparing, note: ""))
        try b.record(Self.town.id, issuer: "county1", on: "2026-05-20", .stageReported(itemID: "1.1", byBody: Self.town.id, stage: .held, note: "已召开"))
        try b.record("county1", issuer: "city", on: "2026-05-25", .stageReported(itemID: "1", byBody: "county1", stage: .preparing, note: ""))
        #expect(b.tree("1", asOf: "2026-05-31") == ["0|city|1|county1|preparing|", "1|county1|1.1|\(Self.town.id)|held|",
                                                     "1|county1|1.2|\(Self.town.id)|assigned|逾期"])
        // As of an earlier day, the stages then: the tree reads each report's day.
        #expect(b.tree("1", asOf: "2026-03-15") == ["0|city|1|county1|assigned|", "1|county1|1.1|\(Self.town.id)|preparing|",
                                                     "1|county1|1.2|\(Self.town.id)|assigned|"])
        // Kept with the county's records: never the city's own plans, rows or figures.
        #expect(b.city.own.plans.keys.map(\.description) == ["city/XS"])
        #expect(b.city.others["county1"]?.plans[PlanKey(issuer: "county1", planID: "XS")]?.items.map(\.id) == ["1.1", "1.2"])
        // Item 2 was not decomposed: its county only.
        #expect(b.tree("2", asOf: "2026-05-31") == ["0|city|2|county2|assigned|"])
        // The county's own board: the same tree from its own state (its decomposition is its own record).
        let atCounty = PlanTree(b.states["county1"]!.plans.values).assignments(
            of: try #require(b.states["county1"]!.plans[PlanKey(issuer: "city", planID: "XS")]?.item("1")), in: PlanKey(issuer: "city", planID: "XS"),
            asOf: recordsDay("2026-05-31"))
        #expect(atCounty.map { "\($0.depth)|\($0.itemID)|\($0.assignee)|\($0.stage.name)" }
                == ["0|1|county1|preparing", "1|1.1|\(Self.town.id)|held", "1|1.2|\(Self.town.id)|assigned"])
    }

    @Test("refused: a decomposition report on its own, one signed by another body or coming down; a township's stage on another county's sub-plan or a sub-item not its own")
    func forgedLinksAndStagesAreRefusedOrNotLinked() throws {
        var b = try Self.issued()
        let subItems = [Self.item("1.9", deadline: "2026-06-30", [Self.town.id])]
        let report = XieshangDomain.PlanEvent.Step.decompositionReported(itemID: "1", parentIssuer: "city", parentPlanID: "XS", subItems: subItems)
        // Recorded only with its decomposition: a command of its own is refused by name, nothing recorded.
        let before = b.states["county1"]!
        do {
            try b.record("county1", issuer: "county1", on: "2026-02-11", report)
            Issue.record("a decomposition report on its own was accepted")
        } catch let e as DomainError {
            #expect(e.rule == "plan.decompose.reported" && e.messageZh.contains("自动上报"), "\(e)")
        }
        #expect(b.states["county1"]! == before)
        // Signed by the township but naming the county as the owner of the sub-plan: refused at the city.
        let forged = DomainEvent.plan(XieshangDomain.PlanEvent("XS", issuer: "county1", on: recordsDay("2026-02-11"), report))
        #expect(b.fold(forged, signer: Self.town.id, .up) == nil)
        // Coming down (not a step addressed down): refused.
        #expect(b.fold(forged, signer: "county1", .down) == nil)
        // county2 reports a decomposition of item 1, which the city assigned to county1: kept with county2's records,
        // never linked below item 1.
        let foreign = DomainEvent.plan(XieshangDomain.PlanEvent("XS", issuer: "county2", on: recordsDay("2026-02-11"),
                                                                .decompositionReported(itemID: "1", parentIssuer: "city", parentPlanID: "XS", subItems: [
                                                                    Self.item("1.x", deadline: "2026-06-30", ["county2-town1"])])))
        #expect(b.fold(foreign, signer: "county2", .up) != nil)
        #expect(b.tree("1", asOf: "2026-03-01").allSatisfy { !$0.contains("1.x") && !$0.contains("county2") }, "\(b.tree("1", asOf: "2026-03-01"))")

        // The township's own rules: a stage on item 2's sub-plan of county2 (not held), on the city's item 1 (not its
        // own), on a sub-item with a forged issuer (the city's plan has no 1.1), and moving back, all refused by name.
        let town = Self.town.id
        let refusals: [(String, String, XieshangDomain.PlanEvent.Step)] = [
            ("plan.exists", "county2", .stageReported(itemID: "1.x", byBody: town, stage: .held, note: "")),
            ("plan.stage.assignee", "city", .stageReported(itemID: "1", byBody: town, stage: .held, note: "")),
            ("plan.stage.item", "city", .stageReported(itemID: "1.1", byBody: town, stage: .held, note: "")),
            ("plan.stage.reporter", "county1", .stageReported(itemID: "1.1", byBody: "county1", stage: .held, note: "")),
        ]
        for (rule, issuer, step) in refusals {
            let held = b.states[town]!
            do {
                try b.record(town, issuer: issuer, on: "2026-03-01", step)
                Issue.record("accepted: \(step)")
            } catch let e as DomainError {
                #expect(e.rule == rule, "\(step): \(e)")
            }
            #expect(b.states[town]! == held, "nothing recorded for \(step)")
        }
        // A stage on county1's sub-item signed by a township that is not its assignee (forged past its rules): kept
        // with county1's records at the city, and not an assignee's row of the tree.
        let stranger = DomainEvent.plan(XieshangDomain.PlanEvent("XS", issuer: "county1", on: recordsDay("2026-03-01"),
                                                                 .stageReported(itemID: "1.1", byBody: "county2-town1", stage: .tracked, note: "")))
        #expect(b.fold(stranger, signer: "county2-town1", .up) != nil)
        // A stage "by" the township signed by another body: refused (the who must be the signer).
        let wrongWho = DomainEvent.plan(XieshangDomain.PlanEvent("XS", issuer: "county1", on: recordsDay("2026-03-01"),
                                                                 .stageReported(itemID: "1.1", byBody: town, stage: .tracked, note: "")))
        #expect(b.fold(wrongWho, signer: "county2-town1", .up) == nil)
        #expect(b.tree("1", asOf: "2026-03-02") == ["0|city|1|county1|assigned|", "1|county1|1.1|\(town)|assigned|",
                                                     "1|county1|1.2|\(town)|assigned|"])
    }
}
