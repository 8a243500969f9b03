import Testing
import XieshangDomain
import XieshangFederation
import XieshangWire
@testable import XieshangNode

/// The node's figures provider: a body's own records by their own dates, stats.proto names, never a descendant's.
@Suite struct NodeFiguresTests {
    static let county = XieshangDomain.BodyInfo(id: "county", name: "万山区政协", tier: "county", parent: "city")

    static func event(_ e: DomainEvent, origin: String, seq: UInt64 = 1) -> EventBody {
        EventBody(origin: origin, seq: seq, prevHash: [], timeMs: Day(unchecked: 2026, 4, 2).startMsChinaTime,
                  scope: Route.up.scope, kind: e.eventKind, payload: e.payloadBytes())
    }

    static func activity(_ id: String, on date: String, participants: Int) -> DomainEvent {
        .activity(Activity(id: id, kind: .research, date: (try? Day(parsing: date, field: "t")) ?? Day(unchecked: 1, 1, 1),
                           topic: "调研", participants: participants))
    }

    /// An activity held on 31 March and entered on 2 April touches 31 March (March, Q1, H1, the year), and is
    /// counted there under its stats.proto names; a township's activity passing through the county is not the
    /// county's (before, the county's projection counted every domain event it held as its own).
    @Test func ownRecordsCountByTheirDateAndADescendantsDoNot() throws {
        let figures = NodeFigures(body: Self.county)
        let touch = figures.recorded(Self.event(Self.activity("A1", on: "2026-03-31", participants: 12), origin: "county"), node: "county")
        #expect(touch.days == [Day(unchecked: 2026, 3, 31)])
        let passing = figures.recorded(Self.event(Self.activity("A1", on: "2026-03-31", participants: 30), origin: "county-town1"), node: "county")
        #expect(passing.isEmpty)
        let march = try figures.ownFigures(for: Period.month(2026, 3))
        #expect(march["research_visits"] == 1 && march["activity_participants"] == 12 && march["bodies"] == 1)
        #expect(try figures.ownFigures(for: Period.half(2026, 1))["research_visits"] == 1)
        #expect(try figures.ownFigures(for: Period.month(2026, 4))["research_visits"] == 0)
        #expect(try figures.ownFigures(for: Period.quarter(2026, 2))["research_visits"] == 0)
    }

    /// A plan its issuer sends down is counted at the assignee (plan items assigned); a plan step signed by
    /// someone other than its issuer is not.
    @Test func aPlanIssuedToTheBodyCountsThereOnlyFromItsIssuer() throws {
        let item = XieshangDomain.PlanItem(id: "1", category: "c", topic: "乡村振兴", form: "专题协商", leadLeader: "l", department: "d",
                            person: "p", deadline: Day(unchecked: 2026, 6, 30), assignees: ["county"])
        func plan(_ step: XieshangDomain.PlanEvent.Step) -> DomainEvent { .plan(XieshangDomain.PlanEvent("2026", issuer: "city", on: Day(unchecked: 2026, 2, 1), step)) }
        let steps = [plan(.drafted(year: 2026, title: "计划")), plan(.itemAdded(item)), plan(.reviewed(meeting: "主席会议")),
                     plan(.approved(meeting: "常委会")), plan(.issued(document: "文"))]
        let forged = NodeFigures(body: Self.county)
        for (i, s) in steps.enumerated() { _ = forged.recorded(Self.event(s, origin: "county-town1", seq: UInt64(i + 1)), node: "county") }
        #expect(try forged.ownFigures(for: Period.year(2026))["plan_items_assigned"] == 0)
        let figures = NodeFigures(body: Self.county)
        for (i, s) in steps.enumerated() { _ = figures.recorded(Self.event(s, origin: "city@down", seq: UInt64(i + 1)), node: "county") }
        let year = try figures.ownFigures(for: Period.year(2026))
        #expect(year["plan_items_assigned"] == 1 && year["plan_items_overdue"] == 1)
    }

    /// The one-commit receive path (a batch's records are no longer committed before its report is compared): the
    /// records received with a descendant's report are counted on trial, in the body's recomputed figures, and not
    /// kept — a failed commit must not leave them counted, and the committed ones are shown once more through
    /// `recorded`. An opinion report forwarded to the body, a step signed by another body, counts for it on trial too.
    @Test func pendingRecordsCountOnTrialAndAreNotKept() throws {
        let figures = NodeFigures(body: XieshangDomain.BodyInfo(id: "city", name: "铜仁市政协", tier: "city"))
        _ = figures.recorded(Self.event(Self.activity("A1", on: "2026-03-31", participants: 12), origin: "county-town1"), node: "city")
        let q1 = Period.quarter(2026, 1)
        #expect(figures.recomputedFigures(of: "county-town1", for: q1, adding: [])?.figures["research_visits"] == 1)
        let pending = [Self.event(Self.activity("A2", on: "2026-02-01", participants: 5), origin: "county-town1", seq: 2),
                       Self.event(Self.activity("B1", on: "2026-02-01", participants: 9), origin: "county-town2", seq: 1)]
        let trial = try #require(figures.recomputedFigures(of: "county-town1", for: q1, adding: pending))
        #expect(trial.figures["research_visits"] == 2 && trial.figures["activity_participants"] == 17)
        // Nothing of the trial stayed: the body's tally and the other body's are as before.
        #expect(figures.recomputedFigures(of: "county-town1", for: q1, adding: [])?.figures["research_visits"] == 1)
        #expect(figures.recomputedFigures(of: "county-town2", for: q1, adding: [])?.figures["research_visits"] == 0)
        // A report forwarded to county-town1 from below: signed on another body's chain, counted for the body it names.
        let p = XieshangDomain.OpinionEvent.Provenance(originBody: "county-town1-village", originReportID: "XX-1", author: "a", authorKind: .member)
        let forwarded = Self.event(.opinion(XieshangDomain.OpinionEvent(p, at: "county-town1-village", on: Day(unchecked: 2026, 3, 1),
                                                                        .forwarded(toBody: "county-town1", toTier: "township", title: "t", text: "x"))),
                                   origin: "county-town1-village")
        let withForward = try #require(figures.recomputedFigures(of: "county-town1", for: q1, adding: [forwarded]))
        #expect(withForward.figures["opinions_received"] == 1)
    }
}
