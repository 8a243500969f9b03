import Testing
import XieshangFederation
import XieshangStore
import XieshangWire

/// Membership changes in the core (#20 item 2): peers added, removed and retired at run time, and a township moved to
/// another county (区划调整) with its history — the old county counts it before the date, the new one from the date,
/// and the city's figures are exact for periods before, across and after it.
@Suite struct MembershipTests {
    /// The totals of `child`'s report as `parent`'s latest report for `period` cites it (nil: not cited).
    static func cited(_ net: TestNetwork, _ parent: String, _ child: String, _ period: String) -> Int64? {
        net.nodes[parent]!.latestReport(period: period)?.children.first { $0.ref?.origin == child }.map { $0.totals["note_amount"] ?? 0 }
    }

    static func amount(_ net: TestNetwork, _ node: String, _ period: String) -> Int64 {
        net.nodes[node]!.latestReport(period: period)?.totals["note_amount"] ?? 0
    }

    /// Applies `change` to `id`'s config at run time and carries the outputs.
    static func reconfigure(_ net: TestNetwork, _ id: String, _ change: (inout FederationConfig) -> Void) throws {
        var config = net.nodes[id]!.config
        change(&config)
        let result = try net.nodes[id]!.reconfigure(config, now: net.now)
        net.carry(id, result.outputs)
    }

    @Test func aChildAddedAtRunTimeLinksAndIsCountedAndARemovedOneStopsCounting() throws {
        let net = TestNetwork()
        try net.tree([("city", ["a"]), ("b", [])], configure: { config in
            if config.nodeId == "b" { config.parent = net.peer("city") }
        })
        net.run()
        net.originate("a", amount: 1, dated: "2026-10-20")
        net.run(forMs: 5_000)
        #expect(!net.nodes["b"]!.isLinkUp("city"), "b is not a child of the city yet: its link is refused")
        #expect(Self.amount(net, "city", "2026") == 1)
        try Self.reconfigure(net, "city") { $0.children.append(net.peer("b")) }
        net.run(forMs: 40_000)   // b dials again after its backoff
        #expect(net.nodes["b"]!.isLinkUp("city"))
        net.originate("b", amount: 9, dated: "2026-10-20")
        net.run(forMs: 5_000)
        #expect(Self.amount(net, "city", "2026") == 10)
        #expect(net.nodes["city"]!.latestReport(period: "2026")?.expectedChildren == 2)
        try Self.reconfigure(net, "city") { $0.children.removeAll { $0.id == "b" } }
        net.run(forMs: 5_000)
        #expect(Self.amount(net, "city", "2026") == 1)
        #expect(net.nodes["city"]!.latestReport(period: "2026")?.expectedChildren == 1)
        #expect(!net.nodes["b"]!.isLinkUp("city"))
    }

    @Test func aReconfigurationNamingAnotherNodeOrAnInconsistentPeerSetChangesNothing() throws {
        let net = TestNetwork()
        try net.tree([("city", ["a"])])
        var wrong = net.nodes["city"]!.config
        wrong.nodeId = "other"
        #expect(throws: FederationError.self) { try net.nodes["city"]!.reconfigure(wrong, now: net.now) }
        var twice = net.nodes["city"]!.config
        twice.children.append(FederationConfig.Peer(id: "a", publicKey: net.key("zzz").publicKey))
        #expect(throws: FederationError.self) { try net.nodes["city"]!.reconfigure(twice, now: net.now) }
        #expect(net.nodes["city"]!.config.children.map(\.id) == ["a"])
    }

    @Test func aRetiredChildStaysCountedButIsNotExpectedFromItsDate() throws {
        let net = TestNetwork()
        try net.tree([("city", ["a", "b"])])
        net.run()
        net.originate("b", amount: 4, dated: "2026-03-10")
        net.run(forMs: 5_000)
        try Self.reconfigure(net, "city") { c in
            c.children = c.children.map { p in var p = p; if p.id == "b" { p.retiredFrom = Day(unchecked: 2026, 7, 1) }; return p }
        }
        net.run(forMs: 5_000)
        let city = net.nodes["city"]!
        #expect(city.currentReport(period: "2026-06").expectedChildren == 2)
        #expect(city.currentReport(period: "2026-07").expectedChildren == 1)
        #expect(city.currentReport(period: "2026-Q1").totals["note_amount"] == 4, "its history stays counted")
        #expect(Self.amount(net, "city", "2026") == 4)
    }

    /// Either order of the operators: the new county adds the township before or after it moved.
    @Test(arguments: [false, true])
    func aTownshipMovedToAnotherCountyCountsUnderEachByDateAndTheCityFiguresAreExact(newCountyAddsFirst: Bool) throws {
        let net = TestNetwork()   // the clock is 2026-11-01 (China Standard Time)
        try net.tree([("city", ["a", "b"]), ("a", ["t"])])
        net.run()
        // t's records: September (before), 1 October (before the move on 15 October), 20 October (after, entered before).
        net.originate("t", amount: 3, dated: "2026-09-20")
        net.originate("t", amount: 5, dated: "2026-10-01")
        net.originate("t", amount: 7, dated: "2026-10-20")
        net.originate("a", amount: 100, dated: "2026-10-20")
        net.originate("b", amount: 1000, dated: "2026-10-20")
        net.run(forMs: 10_000)
        #expect(Self.amount(net, "city", "2026") == 1115)

        if newCountyAddsFirst {
            try Self.reconfigure(net, "b") { $0.children.append(net.peer("t")) }
            net.run(forMs: 5_000)
        }
        let outputs = try net.nodes["t"]!.move(to: net.peer("b"), effective: Day(unchecked: 2026, 10, 15), now: net.now)
        net.carry("t", outputs)
        #expect(net.nodes["t"]!.config.parent?.id == "b" && net.nodes["t"]!.config.leavingParent?.id == "a")
        if !newCountyAddsFirst {
            // A restart in the middle of the handover: t still pushes the move group to a, and only that.
            let config = net.nodes["t"]!.config
            net.nodes["t"] = nil
            try net.start("t", config: config)
            net.run(forMs: 5_000)
            try Self.reconfigure(net, "b") { $0.children.append(net.peer("t")) }
        }
        net.run(forMs: 40_000)
        #expect(net.nodes["t"]!.leavingParentHasAll, "a acknowledged the move record and the part before it")
        net.originate("t", amount: 11, dated: "2026-10-25")
        net.run(forMs: 5_000)
        #expect(net.nodes["t"]!.leavingParentHasAll, "later own events do not go to the parent being left")
        try Self.reconfigure(net, "a") { $0.children.removeAll { $0.id == "t" } }
        try Self.reconfigure(net, "t") { $0.leavingParent = nil }
        net.run(forMs: 10_000)

        // Before the date (September): under a. Across it (October, Q4, H2, 2026): a counts the part before, b the rest.
        #expect(Self.cited(net, "a", "t", "2026-09") == 3 && Self.amount(net, "a", "2026-09") == 3 && Self.amount(net, "b", "2026-09") == 0)
        for period in ["2026-10", "2026-Q4"] {
            #expect(Self.cited(net, "a", "t", period) == 5, "\(period)")
            #expect(Self.cited(net, "b", "t", period) == 18, "\(period)")
            #expect(Self.amount(net, "a", period) == 105 && Self.amount(net, "b", period) == 1018, "\(period)")
            #expect(Self.amount(net, "city", period) == 1123, "\(period)")
        }
        #expect(Self.amount(net, "a", "2026") == 108 && Self.amount(net, "b", "2026") == 1018)
        #expect(Self.amount(net, "city", "2026") == 1126, "nothing counted twice or lost")
        #expect(net.nodes["a"]!.latestReport(period: "2026")?.expectedChildren == 1 && net.nodes["b"]!.latestReport(period: "2026")?.expectedChildren == 1)
        // Every report was accepted where it arrived: no refusal, no roster conflict.
        let bad = ["rollup_mismatch", "bad_citation", "own_mismatch", "roster_conflict", "not_in_subtree"]
        for node in ["city", "a", "b"] {
            let alerts = (net.alerts[node] ?? []).filter { bad.contains($0.code) }
            #expect(alerts.isEmpty, "\(node): \(alerts.map { "\($0.code): \($0.message)" })")
        }
        // The figures survive a restart of every node (each rebuilds its view, moves included, from its log).
        for id in ["t", "a", "b", "city"] {
            let config = net.nodes[id]!.config
            net.nodes[id] = nil
            try net.start(id, config: config)
        }
        net.run(forMs: 10_000)
        #expect(Self.cited(net, "a", "t", "2026-09") == 3 && Self.amount(net, "a", "2026-09") == 3, "a's report of a period before the move, after a restart")
        #expect(net.nodes["a"]!.currentReport(period: "2026-09").totals["note_amount"] == 3)
        #expect(net.nodes["a"]!.currentReport(period: "2026").totals["note_amount"] == 108)
        #expect(net.nodes["b"]!.currentReport(period: "2026").totals["note_amount"] == 1018)
        #expect(net.nodes["city"]!.currentReport(period: "2026").totals["note_amount"] == 1126)
        // Every event of t is held at the city and at b.
        let tAtCity = net.events("city").filter { $0.origin == "t" }.map(\.seq)
        let tAtB = net.events("b").filter { $0.origin == "t" }.map(\.seq)
        #expect(tAtCity == Array(1...UInt64(tAtCity.count)) && tAtB == tAtCity)
    }

    @Test func aMoveIsRefusedForARootABodyWithChildrenAndAPeerItHas() throws {
        let net = TestNetwork()
        try net.tree([("city", ["a", "b"]), ("a", ["t"])])
        net.run()
        let day = Day(unchecked: 2026, 10, 15)
        #expect(throws: FederationError.self) { try net.nodes["city"]!.move(to: net.peer("x"), effective: day, now: net.now) }
        #expect(throws: FederationError.self) { try net.nodes["a"]!.move(to: net.peer("b"), effective: day, now: net.now) }
        #expect(throws: FederationError.self) { try net.nodes["t"]!.move(to: net.peer("a"), effective: day, now: net.now) }
        #expect(net.nodes["t"]!.config.parent?.id == "a" && net.events("t").allSatisfy { $0.kind != EventKind.membership.protoValue })
    }
}
