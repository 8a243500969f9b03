import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// Approval and lock per period (issue 15, item 6; DHIS2's data approval, bottom-up), in the core: the order is
/// enforced, only the latest report is approved, a return unlocks and is re-approved, and what a peer forges is
/// refused and alerted. State is derived from the log, so it survives a restart.
@Suite struct ApprovalTests {
    let period = "2026-11"

    /// city ← county ← (town0, town1), each town with a note dated in the period.
    func setUp() throws -> TestNetwork {
        let net = try AuthorizationTests().setUp()
        net.run()
        return net
    }

    /// `id` approves `period` (of the latest report unless `report` names one); the outputs are carried and delivered.
    func approve(_ net: TestNetwork, _ id: String, report: XieshangWire.EventRef? = nil) throws {
        net.carry(id, try net.nodes[id]!.approve(period: period, report: report, now: net.now))
        net.run()
    }

    func giveBack(_ net: TestNetwork, _ id: String, child: String, reason: String = "人次有误，请核实") throws {
        net.carry(id, try net.nodes[id]!.returnApproval(child: child, period: period, reason: reason, now: net.now))
        net.run()
    }

    func stands(_ net: TestNetwork, at: String, _ body: String) -> Bool {
        net.nodes[at]!.approvalState(body: body, period: period)?.stands == true
    }

    /// The refusal message of a core call that must throw.
    func refusal(_ call: () throws(FederationError) -> [FederationOutput]) -> String? {
        do { _ = try call(); return nil } catch { return error.message }
    }

    /// `origin`'s report events of `period` as `at` holds them, oldest first.
    func reports(_ net: TestNetwork, at: String, of origin: String) -> [XieshangWire.EventRef] {
        net.events(at).filter { $0.origin == origin && $0.kind == EventKind.aggregateReport.protoValue }.compactMap { e in
            guard let b = try? SignedEvent(body: e.body, signature: e.signature).decodedBody(),
                  (try? AggregateReport(serializedBytes: b.payload))?.period == period else { return nil }
            return XieshangWire.EventRef(origin: e.origin, seq: e.seq, hash: e.hash)
        }
    }

    /// Bottom-up: a body cannot approve before every direct child's approval of the period is held; once they are,
    /// it can, and every ancestor holds each approval.
    @Test func bottomUpOrderIsEnforced() throws {
        let net = try setUp()
        let county = net.nodes["county"]!
        let early = refusal { () throws(FederationError) in try county.approve(period: period, now: net.now) }
        #expect(early?.contains("waiting for town0, town1") == true, "\(early ?? "approved")")
        try approve(net, "town0")
        let half = refusal { () throws(FederationError) in try county.approve(period: period, now: net.now) }
        #expect(half?.contains("waiting for town1") == true, "\(half ?? "approved")")
        #expect(refusal { () throws(FederationError) in try net.nodes["city"]!.approve(period: period, now: net.now) }?.contains("waiting for county") == true)
        try approve(net, "town1")
        try approve(net, "county")
        try approve(net, "city")
        for body in ["town0", "town1", "county"] { #expect(stands(net, at: "city", body), "\(body) at the city") }
        #expect(stands(net, at: "city", "city"))
        let again = refusal { () throws(FederationError) in try county.approve(period: period, now: net.now) }
        #expect(again?.contains("already approved") == true)
        // The approval names the body's latest report of the period.
        guard case .approved(_, let report)? = county.approvalState(body: "town0", period: period) else { Issue.record("no approval"); return }
        #expect(report == reports(net, at: "county", of: "town0").last)
    }

    /// An approval names the body's latest report: one the office looked at before the figures changed is refused at
    /// origination, and an approval signed with the real key that names a stale report (or another body's report) is
    /// refused by the parent, alerted, and stored nowhere.
    @Test func approvalOfAStaleReportIsRefused() throws {
        let net = try setUp()
        let stale = try #require(reports(net, at: "town0", of: "town0").last)
        net.originate("town0", amount: 2)
        net.run()
        let latest = try #require(reports(net, at: "town0", of: "town0").last)
        #expect(latest.seq > stale.seq)
        let why = refusal { () throws(FederationError) in try net.nodes["town0"]!.approve(period: period, report: stale, now: net.now) }
        #expect(why?.contains("not the body's latest report") == true, "\(why ?? "approved")")
        #expect(!stands(net, at: "town0", "town0"))
        try approve(net, "town0", report: latest)
        #expect(stands(net, at: "county", "town0"))

        // Forged by town1 with its own key: a stale report of its own, then town0's report.
        let hostile = HostileInputTests()
        let town1Stale = try #require(reports(net, at: "county", of: "town1").first)
        net.originate("town1", amount: 3)
        net.run()
        for (ref, what) in [(town1Stale, "latest report of that period"), (latest, "a body approves only its own report")] {
            let forged = try hostile.next(net, "town1", at: "county", kind: .approval,
                                          payload: Approval(period: period, body: "town1", report: ref).serializedBytes())
            let ack = net.inject([forged], from: "town1", to: "county")
            #expect(ack?.refused.map(\.code) == ["bad_approval"])
            #expect(ack?.refused.first?.reason.contains(what) == true, "\(ack?.refused.first?.reason ?? "")")
            net.run()
            #expect(net.storedAlerts("county").contains { $0.code == "bad_approval" && $0.subject == "town1" && $0.period == period })
            #expect(!net.events("county").contains { $0.hash == forged.hash })
            #expect(!stands(net, at: "county", "town1"))
        }
    }

    /// A return unlocks the child, is refused while the returner's own approval stands (the root withdraws its own
    /// first), then the child and the parent approve again; every state survives a restart of every node.
    @Test func returnThenReapprove() throws {
        let net = try setUp()
        for id in ["town0", "town1", "county", "city"] { try approve(net, id) }
        let day = Day(chinaTimeMs: net.now)
        #expect(net.nodes["town0"]!.lockingPeriod(of: day)?.description == period)
        let county = net.nodes["county"]!
        let blocked = refusal { () throws(FederationError) in try county.returnApproval(child: "town0", period: period, reason: "x", now: net.now) }
        #expect(blocked?.contains("while its own approval of \(period) stands") == true, "\(blocked ?? "returned")")

        try giveBack(net, "city", child: "city", reason: "全市复核")
        try giveBack(net, "city", child: "county", reason: "县级汇总待核")
        #expect(net.nodes["county"]!.approvalState(body: "county", period: period) == .returned(
            approval: try #require(approvalRef(net, at: "county", of: "county")), by: "city", reason: "县级汇总待核"))
        try giveBack(net, "county", child: "town0", reason: "3月活动人次有误")
        guard case .returned(_, let by, let reason)? = net.nodes["town0"]!.approvalState(body: "town0", period: period) else {
            Issue.record("town0 not returned"); return
        }
        #expect(by == "county" && reason == "3月活动人次有误")
        // The city, which holds town0's approval, sees it returned too (the return also travels up).
        #expect(!stands(net, at: "city", "town0") && stands(net, at: "city", "town1"))
        #expect(net.nodes["town0"]!.lockingPeriod(of: day) == nil)
        #expect(net.nodes["town1"]!.lockingPeriod(of: day)?.description == period)   // town1's approval still stands

        // Restart every node: the states are derived from the log again.
        for id in ["town0", "town1", "county", "city"] { try HostileInputTests().restart(net, id) }
        #expect(net.nodes["town0"]!.lockingPeriod(of: day) == nil)
        #expect(!stands(net, at: "county", "town0") && stands(net, at: "county", "town1") && !stands(net, at: "county", "county"))

        net.originate("town0", amount: 4)
        net.run()
        try approve(net, "town0")
        try approve(net, "county")
        try approve(net, "city")
        for id in ["town0", "town1", "county", "city"] { try HostileInputTests().restart(net, id) }
        for body in ["town0", "town1", "county", "city"] { #expect(stands(net, at: "city", body), "\(body) at the city after restart") }
        #expect(net.nodes["town0"]!.lockingPeriod(of: day)?.description == period)
    }

    /// Only a body's parent returns its approval: a child cannot return its parent, a body cannot return another's
    /// child, and a return signed by the grandparent (with its real key) is refused by the child's parent, alerted.
    @Test func onlyTheParentReturns() throws {
        let net = try setUp()
        for id in ["town0", "town1", "county"] { try approve(net, id) }
        let childOfParent = refusal { () throws(FederationError) in
            try net.nodes["town0"]!.returnApproval(child: "county", period: period, reason: "x", now: net.now)
        }
        #expect(childOfParent?.contains("not a direct child of town0") == true, "\(childOfParent ?? "returned")")
        let selfReturn = refusal { () throws(FederationError) in
            try net.nodes["town0"]!.returnApproval(child: "town0", period: period, reason: "x", now: net.now)
        }
        #expect(selfReturn?.contains("cannot return its own approval") == true)
        let grandparent = refusal { () throws(FederationError) in
            try net.nodes["city"]!.returnApproval(child: "town0", period: period, reason: "x", now: net.now)
        }
        #expect(grandparent?.contains("not a direct child of city") == true)

        // Forged: the city signs a return of town0's approval on its down chain and pushes it to the county.
        let approval = try #require(approvalRef(net, at: "county", of: "town0"))
        let (seq, hash) = AuthorizationTests().head(net, "county", "city@down")
        let forged = try SignedEvent.signing(EventBody(origin: "city@down", seq: seq + 1, prevHash: hash, timeMs: net.now,
                                                       scope: Route.down(only: []).scope, kind: .approvalReturn,
                                                       payload: ApprovalReturn(child: "town0", period: period, approval: approval,
                                                                               reason: "越级退回").serializedBytes()),
                                             with: net.key("city"))
        let ack = net.inject([forged], from: "city", to: "county")
        #expect(ack?.refused.map(\.code) == ["bad_approval"])
        net.run()
        #expect(net.storedAlerts("county").contains { $0.code == "bad_approval" && ChainName.node(of: $0.subject) == "city" })
        #expect(stands(net, at: "county", "town0") && stands(net, at: "town0", "town0"))
    }

    /// The lock follows the calendar: a record dated 2026-03-31 is locked while 2026-03, 2026-Q1, 2026-H1 or 2026 is
    /// approved at the body, and unlocked once its parent returns that approval; 1 April is outside March and Q1.
    @Test func lockCoversEveryPeriodContainingTheRecordDate() throws {
        let net = try setUp()
        let town = net.nodes["town0"]!
        let (lastOfMarch, firstOfApril) = (Day(unchecked: 2026, 3, 31), Day(unchecked: 2026, 4, 1))
        for p in ["2026-03", "2026-Q1", "2026-H1", "2026"] {
            #expect(town.lockingPeriod(of: lastOfMarch) == nil)
            net.carry("town0", try town.approve(period: p, now: net.now))
            net.run()
            #expect(town.lockingPeriod(of: lastOfMarch)?.description == p)
            #expect((town.lockingPeriod(of: firstOfApril) != nil) == (p == "2026-H1" || p == "2026"), "\(p) and 1 April")
            net.carry("county", try net.nodes["county"]!.returnApproval(child: "town0", period: p, reason: "复核", now: net.now))
            net.run()
            #expect(town.lockingPeriod(of: lastOfMarch) == nil, "\(p) returned")
        }
    }

    /// A child's figures that change after its approval (here a note the core lets through; at a node, a cross-body
    /// step attributed to it) are not approved: the parent refuses to approve until it returned the child's approval
    /// and the child approved its new report.
    @Test func parentRefusesAChildApprovalOfASupersededReport() throws {
        let net = try setUp()
        try approve(net, "town0")
        try approve(net, "town1")
        net.originate("town0", amount: 9)
        net.run()
        let county = net.nodes["county"]!
        let why = refusal { () throws(FederationError) in try county.approve(period: period, now: net.now) }
        #expect(why?.contains("town0's figures changed after its approval") == true, "\(why ?? "approved")")
        try giveBack(net, "county", child: "town0", reason: "数字有变，请重新审核")
        try approve(net, "town0")
        try approve(net, "county")
        #expect(stands(net, at: "city", "county"))
    }

    /// The approval event of `body` that `at` holds as standing or returned.
    func approvalRef(_ net: TestNetwork, at: String, of body: String) -> XieshangWire.EventRef? {
        switch net.nodes[at]!.approvalState(body: body, period: period) {
        case .approved(let a, _)?, .returned(let a, _, _)?: return a
        case nil: return nil
        }
    }
}
