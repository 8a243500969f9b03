import Testing
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Issue 16 (hostile neighbours), the federation core's part: what a keyed peer or the node's own store can hold never
/// reaches a trap, and what a child claims cannot fool its parent. Each test names the finding it reproduces; each
/// failed (most by trapping the test process) on the code before the fix.
@Suite struct HostileInputTests {
    /// city ← county ← (town0, town1): town1 is the attacker, the county the victim (as in ``AuthorizationTests``).
    func setUp() throws -> TestNetwork { try AuthorizationTests().setUp() }

    func head(_ net: TestNetwork, _ at: String, _ origin: String) -> (seq: UInt64, hash: [UInt8]) { AuthorizationTests().head(net, at, origin) }

    /// The next event of `origin`'s up chain as `at` holds it, signed with `origin`'s real key.
    func next(_ net: TestNetwork, _ origin: String, at: String, kind: EventKind, payload: [UInt8], timeMs: Int64? = nil) throws -> SignedEvent {
        let (seq, hash) = head(net, at, origin)
        return try SignedEvent.signing(EventBody(origin: origin, seq: seq + 1, prevHash: hash, timeMs: timeMs ?? net.now,
                                                 scope: Route.up.scope, kind: kind, payload: payload), with: net.key(origin))
    }

    /// Restarts `id` on its store (a crash and a restart of the process) and lets the links come back.
    func restart(_ net: TestNetwork, _ id: String) throws {
        net.nodes[id] = nil
        net.alerts[id] = nil
        try net.start(id)
        net.run()
    }

    // MARK: 1. Crash loop from a child: a report of a period that does not exist

    /// Finding: an `AggregateReport` whose period is "99999999999" was accepted and stored, then trapped in
    /// `Period.startMs` when the parent rolled it up, and again at every restart (a crash loop). Refused on receipt.
    @Test func reportOfAPeriodThatDoesNotExistIsRefusedOnReceipt() throws {
        let net = try setUp()
        for period in ["99999999999", "0", "2026-13", "2026-Q5", "2026-01-31", "+2026", "-2026"] {
            let report = AggregateReport(period: period, body: "town1", subtreeBodies: 1)
            let event = try next(net, "town1", at: "county", kind: .aggregateReport, payload: report.serializedBytes())
            let ack = net.inject([event], from: "town1", to: "county")
            #expect(ack?.refused.map(\.code) == ["bad_period"], "period \(period)")
            #expect(!net.events("county").contains { $0.hash == event.hash })
        }
        net.run()
        #expect(net.storedAlerts("county").contains { $0.code == "bad_period" && $0.subject == "town1" })
        net.originate("town1", amount: 2)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 14)
    }

    /// Finding: replaying a stored event traps at open (the same report, already in the store before the fix). Such
    /// an event is skipped with a `not_applied` alert; the node opens, keeps working and its figures stay right.
    @Test func storedReportOfAPeriodThatDoesNotExistIsSkippedAtOpen() throws {
        let net = try setUp()
        let report = AggregateReport(period: "99999999999", body: "town1", subtreeBodies: 1)
        let event = try next(net, "town1", at: "county", kind: .aggregateReport, payload: report.serializedBytes())
        // Written straight into the county's store, as a node before the fix stored it.
        try net.nodes["county"]!.store.append([StoredEvent(event)])
        try restart(net, "county")
        #expect(net.alerts["county"]?.contains { $0.code == "not_applied" && $0.subject == "town1" } == true)
        #expect(net.storedAlerts("county").contains { $0.code == "not_applied" && !$0.evidence.isEmpty })
        net.originate("town0", amount: 3)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 15)
    }

    // MARK: 2. Crash from any pinned peer: the largest seq

    /// Finding: an unsigned batch with seq = 2^64-1 (two runs of one origin) trapped in `authenticateByOrigin` before
    /// any signature was checked.
    @Test func unsignedBatchWithTheLargestSeqIsRefusedWithoutATrap() throws {
        let net = try setUp()
        // Not signed: 64 zero bytes where the signature goes (the envelope decodes; no signature verifies).
        func unsigned(_ origin: String, _ seq: UInt64) -> SignedEvent {
            SignedEvent(body: EventBody(origin: origin, seq: seq, prevHash: seq == 1 ? [] : Array(repeating: 0, count: 32), timeMs: 1, scope: Route.up.scope,
                                        kind: .testNote, payload: Note(text: "x", amount: 1).serializedBytes()).serializedBytes(),
                        signature: Array(repeating: 0, count: 64))
        }
        let batch = [unsigned("town1", .max), unsigned("town1@direct:county", 1), unsigned("town1", 2)]
        let ack = net.inject(batch, from: "town1", to: "county")
        #expect(ack != nil)
        #expect(!net.events("county").contains { $0.seq == .max })
        // A held run that starts at the largest seq, and a Pull whose range ends before it starts.
        _ = net.inject([unsigned("town1", .max - 1), unsigned("town1", .max)], from: "town1", to: "county")
        let c = try #require(net.connection(from: "town1", to: "county"))
        let outputs = net.nodes["county"]!.handle(.received(c, .pull(PullRequest(origin: "town0", fromSeq: 2, toSeq: 1, maxEvents: 0))), now: net.now)
        let answered = outputs.contains { if case .send(_, .pullResponse(let b)) = $0 { return b.events.isEmpty } else { return false } }
        #expect(answered)
        let huge = net.nodes["county"]!.handle(.received(c, .pull(PullRequest(origin: "town0", fromSeq: .max, toSeq: .max, maxEvents: .max))), now: net.now)
        #expect(!huge.isEmpty)
        net.originate("town1", amount: 1)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 13)
    }

    // MARK: 3. Figures past Int64.max

    /// Finding: two notes whose amounts sum past Int64.max trapped after the commit, and again at every restart. The
    /// core no longer sums figures itself (the figures source does, with checked arithmetic): both notes are stored,
    /// the period whose sum would pass Int64's range gets no new report (never a wrapped one), the node keeps
    /// originating and rolling up other periods, and it restarts on the same store without a trap.
    @Test func noteAmountsPastTheLargestFigureNeverTrapNorWrap() throws {
        let net = TestNetwork()
        try net.tree([("city", ["town"])])
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        net.originate("town", amount: .max - 10)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals["note_amount"] == Int64.max - 10)
        let before = net.events("town").count
        net.originate("town", amount: 11)
        net.run()
        #expect(net.events("town").count == before + 1)
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals["note_amount"] == Int64.max - 10)
        // Another month still rolls up, before and after a restart on the same store.
        net.originate("town", amount: 4, dated: "2025-02-03")
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: "2025-02")?.totals["note_amount"] == 4)
        try restart(net, "town")
        net.originate("town", amount: 5, dated: "2025-02-04")
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: "2025-02")?.totals["note_amount"] == 9)
        #expect((net.nodes["city"]!.latestReport(period: period)?.totals["note_amount"] ?? 0) > 0)
    }

    /// A parent's total of two children's reports past Int64.max: the second report is refused (before the fix the
    /// sum wrapped to a negative total that the city accepted as verified).
    @Test func childReportsSummingPastTheLargestFigureAreRefused() throws {
        let net = try setUp()
        net.originate("town0", amount: .max - 100)
        net.run()
        net.originate("town1", amount: 1_000)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let county = try #require(net.nodes["county"]!.latestReport(period: period))
        #expect((county.totals["note_amount"] ?? 0) > 0)
        #expect(net.storedAlerts("county").contains { $0.code == "rollup_mismatch" && $0.subject == "town1" })
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals == county.totals)
    }

    // MARK: 4. Roster conflicts

    /// Finding: a child could vouch a key for a node outside its subtree, and the last roster silently won. Here
    /// countyB vouches its own key for townA (countyA's township) and for a node placed under countyA: both are
    /// refused with `roster_conflict` alerts, townA keeps its real key and place, and events signed with the false key
    /// are refused.
    @Test func rosterVouchingOutsideTheSubtreeChangesNothing() throws {
        let net = TestNetwork()
        try net.tree([("city", ["countyA", "countyB"]), ("countyA", ["townA"]), ("countyB", ["townB"])])
        net.run()
        let city = net.nodes["city"]!
        #expect(city.subtreeEntry("townA")?.publicKey == net.key("townA").publicKey.rawRepresentation)
        let fake = try Ed25519.PrivateKey(seed: Array(repeating: 7, count: 32))
        let roster = Roster(entries: [
            RosterEntry(nodeId: "townB", publicKey: net.key("townB").publicKey.rawRepresentation, parent: "countyB"),
            RosterEntry(nodeId: "townA", publicKey: fake.publicKey.rawRepresentation, parent: "countyB"),
            RosterEntry(nodeId: "ghost", publicKey: fake.publicKey.rawRepresentation, parent: "countyA"),
        ])
        let event = try next(net, "countyB", at: "city", kind: .roster, payload: roster.serializedBytes())
        _ = net.inject([event], from: "countyB", to: "city")
        net.run()
        #expect(city.subtreeEntry("townA")?.publicKey == net.key("townA").publicKey.rawRepresentation)
        #expect(city.subtreeEntry("ghost") == nil)
        let alerts = net.storedAlerts("city").filter { $0.code == "roster_conflict" && $0.subject == "countyB" }
        #expect(alerts.contains { $0.message.contains("townA") } && alerts.contains { $0.message.contains("ghost") })
        // An event signed with the false key, relayed by countyB, is refused; townA's real events still arrive.
        let (seq, hash) = head(net, "city", "townA")
        let forged = try SignedEvent.signing(EventBody(origin: "townA", seq: seq + 1, prevHash: hash, timeMs: net.now, scope: Route.up.scope,
                                                       kind: .testNote, payload: Note(text: "x", amount: 1_000).serializedBytes()), with: fake)
        let ack = net.inject([forged], from: "countyB", to: "city")
        #expect(ack?.refused.isEmpty == false)
        net.originate("townA", amount: 4)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 4)
    }

    /// Two children vouching for one node: the first vouching stays, the second is a conflict.
    @Test func secondChildVouchingForANodeIsAConflict() throws {
        let net = TestNetwork()
        try net.tree([("city", ["countyA", "countyB"]), ("countyA", ["townA"]), ("countyB", ["townB"])])
        net.run()
        let roster = Roster(entries: [
            RosterEntry(nodeId: "townB", publicKey: net.key("townB").publicKey.rawRepresentation, parent: "countyB"),
            RosterEntry(nodeId: "townA", publicKey: net.key("townA").publicKey.rawRepresentation, parent: "countyB"),
        ])
        _ = net.inject([try next(net, "countyB", at: "city", kind: .roster, payload: roster.serializedBytes())], from: "countyB", to: "city")
        net.run()
        #expect(net.storedAlerts("city").contains { $0.code == "roster_conflict" && $0.message.contains("townA") })
        #expect(net.nodes["city"]!.subtreeEntry("townA")?.parent == "countyA")
        // townA's events still come through countyA (before the fix, countyB's roster took townA into its subtree, and
        // countyA's relay of townA's report was refused as not in its subtree).
        net.originate("townA", amount: 2)
        net.run()
        #expect(net.nodes["city"]!.latestReport(period: Period.all(containing: Day(chinaTimeMs: net.now))[0].description)?.totals["note_amount"] == 2)
    }

    // MARK: 5. Alert evidence and count

    /// Finding: alert evidence was unbounded (a peer grew the store by sending large events it knew would be
    /// refused). Evidence, text and alerts per subject per window are capped.
    @Test func alertsAreCappedInSizeAndNumberPerSubject() throws {
        let net = try setUp()
        let before = net.events("county").count
        var total = 0
        for round in 0..<3 {
            var batch: [SignedEvent] = []
            for i in 0..<60 {
                // Does not decode (field 0, wire type 7): refused as malformed, evidence = the whole envelope.
                batch.append(SignedEvent(body: [0x07, UInt8(round), UInt8(i)] + Array(repeating: 0xAB, count: 100_000), signature: []))
                total += 1
            }
            _ = net.inject(batch, from: "town1", to: "county")
        }
        net.run()
        let alerts = net.storedAlerts("county").filter { $0.subject == "town1" }
        #expect(total == 180)
        #expect(alerts.count == AlertLimits.perSubjectPerWindow + 1)
        #expect(alerts.contains { $0.code == "alerts_suppressed" })
        #expect(alerts.allSatisfy { $0.evidence.reduce(0) { $0 + $1.count } <= AlertLimits.evidenceBytes && $0.message.count <= AlertLimits.messageCharacters })
        #expect(net.events("county").count - before <= AlertLimits.perSubjectPerWindow + 10)
        // A new window: alerts about town1 are stored again.
        net.now += AlertLimits.windowMs
        _ = net.inject([SignedEvent(body: [0x07, 9, 9], signature: [])], from: "town1", to: "county")
        net.run()
        #expect(net.storedAlerts("county").filter { $0.subject == "town1" }.count == AlertLimits.perSubjectPerWindow + 2)
    }

    // MARK: 6. Timeliness by the receiver's clock

    /// Finding: a child's own clock (its event's time) decided whether its report was on time. A report that arrives
    /// after the deadline is late whatever time it claims, and stays late after the parent restarts.
    @Test func reportTimelinessIsJudgedByTheReceiversClockAndSurvivesRestart() throws {
        let net = try setUp()
        let period = "2026-10"
        let deadline = try Period(parsing: period).end.adding(days: 1).startMsChinaTime + FederationOptions().onTimeGraceMs
        net.now = deadline + 60_000
        let report = AggregateReport(period: period, body: "town1", subtreeBodies: 1)
        let late = try next(net, "town1", at: "county", kind: .aggregateReport, payload: report.serializedBytes(), timeMs: deadline - 86_400_000)
        let ack = net.inject([late], from: "town1", to: "county")
        #expect(ack?.refused.isEmpty == true)
        let county = net.nodes["county"]!.currentReport(period: period)
        #expect(county.reportedChildren == 1 && county.onTimeChildren == 0)
        try restart(net, "county")
        let again = net.nodes["county"]!.currentReport(period: period)
        #expect(again.reportedChildren == 1 && again.onTimeChildren == 0)
    }

    // MARK: 7. Citations (issue 15)

    /// Finding (issue 15): a county cited one township's report twice and the city showed 10 for 5, marked verified.
    /// A report whose citations are not one distinct report per direct child of the reporter is refused and alerted;
    /// the city's figures stay right.
    @Test func reportCitingOneChildTwiceIsRefused() throws {
        let net = try setUp()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let city = net.nodes["city"]!
        let honest = try #require(city.latestReport(period: period))
        #expect(honest.totals["note_amount"] == 12)
        let countyReport = try #require(net.nodes["county"]!.latestReport(period: period))
        let town0 = try #require(countyReport.children.first { $0.ref?.origin == "town0" })
        var forged = AggregateReport(period: period, body: "county", own: countyReport.own, children: [town0, town0], subtreeBodies: 3)
        forged.totals = countyReport.own
        for _ in 0..<2 { for (k, v) in town0.totals { forged.totals[k, default: 0] += v } }
        let event = try next(net, "county", at: "city", kind: .aggregateReport, payload: forged.serializedBytes())
        let ack = net.inject([event], from: "county", to: "city")
        #expect(ack?.refused.map(\.code) == ["bad_citation"])
        net.run()
        #expect(net.storedAlerts("city").contains { $0.code == "bad_citation" && $0.subject == "county" })
        #expect(city.latestReport(period: period)?.totals == honest.totals)
    }

    /// A citation of a report that is not of a direct child of the reporter (a township of another county).
    @Test func reportCitingAnotherBodysChildIsRefused() throws {
        let net = TestNetwork()
        try net.tree([("city", ["countyA", "countyB"]), ("countyA", ["townA"]), ("countyB", ["townB"])])
        net.run()
        net.originate("townA", amount: 5)
        net.run()
        let period = Period.all(containing: Day(chinaTimeMs: net.now))[0].description
        let a = try #require(net.nodes["countyA"]!.latestReport(period: period))
        let townA = try #require(a.children.first)
        let forged = AggregateReport(period: period, body: "countyB", own: [:], totals: townA.totals, children: [townA], subtreeBodies: 2)
        let event = try next(net, "countyB", at: "city", kind: .aggregateReport, payload: forged.serializedBytes())
        let ack = net.inject([event], from: "countyB", to: "city")
        #expect(ack?.refused.map(\.code) == ["bad_citation"])
        #expect(net.nodes["city"]!.latestReport(period: period)?.totals["note_amount"] == 5)
    }
}
