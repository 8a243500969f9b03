import Foundation
import Testing
import XieshangDomain
import XieshangFederation
@testable import XieshangNode
import XieshangStore
import XieshangStoreTesting
import XieshangTransport
import XieshangWire

/// Issue 15 (3), "counted once, where the work happened": a record belongs to the body that originated it; a received
/// event of another body changes this body's records only through the listed cross-body steps (``CrossBodyStep``),
/// whose "who" fields must name the signer; anything else is refused, recorded as a projection problem and alerted.
/// Real `xieshang node` processes; forged events are signed with the real key of a (stopped) child node and appended
/// to its own chain, so the child pushes them up itself when it restarts.
@Suite("cross-body steps and forged events on node processes", .serialized)
struct CrossBodyTests {
    // MARK: Support

    /// Submits `event` at `id` as `actor` (optionally naming a scope) and returns the response.
    @discardableResult
    static func submit(_ fed: LocalFederation, _ id: String, _ event: DomainEvent, actor: String = "office",
                       scope: Scope? = nil) async throws -> SubmitResponse {
        var request = SubmitRequest(kind: event.eventKind, payload: event.payloadBytes(), actor: actor)
        request.scope = scope
        return try SubmitResponse(serializedBytes: try await fed.call(id, AdminService.submit.path, request.serializedBytes()))
    }

    static func query(_ fed: LocalFederation, _ id: String, _ type: String) async throws -> [[String: Any]] {
        try await RecordsQueryTests.query(fed, id, type).rows
    }

    /// Stops `id`, appends `events` to its own chain of `route` (up unless given) signed with its real key (as a
    /// compromised node would), and starts it again; returns the seqs of the forged events. The node pushes them on
    /// its own.
    static func forge(_ fed: LocalFederation, _ id: String, route: Route = .up, _ events: [DomainEvent]) async throws -> [UInt64] {
        #expect(fed.stop(id) == 0)
        var seqs: [UInt64] = []
        do {
            let store = try Store(path: fed.dir(id) + "/node.db")
            let origin = ChainName.chain(node: id, route: route)
            let head = try store.reader.highestSeq(origin: origin)
            let last = head > 0 ? try store.reader.events(origin: origin, seqs: head...head).first?.hash ?? [] : []
            var chain = EventChainBuilder(origin: origin, key: try KeyFile.load(from: fed.member(id).config.keyFile), after: head, lastHash: last)
            var made: [StoredEvent] = []
            for e in events {
                made.append(try chain.next(payload: e.payloadBytes(), scope: route.text, kind: e.eventKind.protoValue,
                                           timeMs: Int64(Date().timeIntervalSince1970 * 1000)))
            }
            try store.append(made)
            seqs = made.map(\.seq)
        }
        try await fed.start(id)
        if fed.member(id).config.parent != nil { try await fed.waitParentUp(id) }
        return seqs
    }

    /// Waits until `holder` holds event `seq` of `origin`'s up chain.
    static func waitHolds(_ fed: LocalFederation, _ holder: String, _ origin: String, _ seq: UInt64) async throws {
        try await waitUntil("\(holder) holds \(origin)#\(seq)", seconds: 60) {
            try await fed.events(holder, origin: origin).contains { $0.seq == seq }
        }
    }

    /// The alerts in `id`'s status with code foreign_record about `subject`.
    static func foreignAlerts(_ fed: LocalFederation, _ id: String, about subject: String) async throws -> [AlertEntry] {
        try await fed.status(id).alerts.filter { $0.code == "foreign_record" && $0.subject == subject }
    }

    /// The policy versions in `id`'s database (read-only, as the node holds them).
    static func policyVersions(_ fed: LocalFederation, _ id: String) throws -> [Int64] {
        let db = try Database(path: fed.dir(id) + "/node.db", readOnly: true)
        return try db.rows("SELECT version FROM policy_versions ORDER BY version").map { if case .integer(let v) = $0[0] { v } else { -1 } }
    }

    static func member(_ id: String, _ name: String, body: String) -> DomainEvent {
        .member(XieshangDomain.MemberRecorded(memberID: id, name: name, sector: "经济界", body: body, term: 9, effective: recordsDay("2025-01-01")))
    }

    // MARK: Attacks

    /// Finding (issue 15, 3): a township's Submit of a policy with `scope: up` replaced its county's and its city's
    /// policy — DomainSubmit let the request override a domain event's routing, and every node folded whatever domain
    /// event reached it into its own state. Submit now refuses a scope for domain kinds (INVALID_ARGUMENT).
    @Test("a township's Submit of a policy with scope up is refused; the county's and the city's policies are unchanged")
    func policyScopeOverrideIsRefused() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let town = "county1-town1"
        var policy = XieshangDomain.Policy()
        policy.version = 2
        policy.appraisalThresholdPercent = 50
        let refused = await #expect(throws: TransportError.self) {
            try await Self.submit(fed, town, .policy(policy), scope: Scope(target: .up(true)))
        }
        #expect(refused?.status == .invalidArgument, "\(String(describing: refused))")
        #expect(refused?.message.contains("scope 'up'") == true && refused?.message.contains("remove `scope`") == true,
                "\(String(describing: refused))")
        // The same policy without a scope is the township's own: recorded there, and only there.
        try await Self.submit(fed, town, .policy(policy))
        #expect(try Self.policyVersions(fed, town) == [1, 2])
        // A note sent up after it: once the city holds the note, anything the township sent up before has arrived.
        let note = try await fed.submit(town, amount: 1)
        try await Self.waitHolds(fed, "city", town, note)
        #expect(try Self.policyVersions(fed, "county1") == [1])
        #expect(try Self.policyVersions(fed, "city") == [1])
    }

    /// Finding (issue 15, 3): with a child's key, a forged member appeared in the parent's `member list` — the
    /// projector folded every member event that reached the node into its own members, whoever signed it. A member
    /// event of another body is never this body's: it is refused, recorded as a problem and alerted.
    @Test("a member event signed with a township's key does not appear in the county's or the city's member list; an alert reaches the city")
    func memberForgedWithAChildKeyDoesNotAppearAtTheParent() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let town = "county1-town1"
        try await Self.submit(fed, "county1", Self.member("C1", "县委员", body: "county1"))
        try await Self.submit(fed, "city", Self.member("S1", "市委员", body: "city"))
        let seqs = try await Self.forge(fed, town, [Self.member("FX1", "冒名县委员", body: "county1"),
                                                   Self.member("FX2", "冒名市委员", body: "city")])
        try await Self.waitHolds(fed, "city", town, seqs.last ?? 0)
        for (id, own) in [("county1", "C1"), ("city", "S1")] {
            let ids = try await Self.query(fed, id, "members").compactMap { $0["id"] as? String }
            #expect(ids == [own], "\(id) lists \(ids)")
            let socket = fed.member(id).config.adminSocket
            let list = try await ProcessRun.run(fed.executable, ["member", "list", "--node", socket])
            #expect(list.status == 0 && !list.output.contains("冒名") && !list.output.contains("FX"), "\(id): \(list.output)")
            let problems = try await Self.query(fed, id, "problems")
            #expect(problems.count == 2 && problems.allSatisfy { ($0["reason"] as? String)?.contains("names a record of") == true },
                    "\(id): \(problems)")
        }
        // The county's alert travels up as an Alert event; the city raised its own too.
        try await waitUntil("the city holds the county's alert", seconds: 60) {
            try await fed.events("city", origin: "county1").contains { $0.kind == Int64(EventKind.alert.protoValue) }
        }
        let alerts = try await Self.foreignAlerts(fed, "city", about: town)
        #expect(alerts.count == 2 && alerts.allSatisfy { $0.message.contains(town) }, "\(alerts)")
        #expect(try await Self.foreignAlerts(fed, "county1", about: town).count == 2)
    }

    /// Finding (issue 15, 3): a proposal step of another body, naming this body's proposal, was applied to it — a
    /// forged re-handling left a registered proposal "assigned" with no assignment, and the next local reply trapped
    /// at `p.assignment!`. It is now refused and alerted, and a proposal state without its handling is a refusal
    /// naming the rule, never a trap.
    @Test("a proposal step from another body naming this body's proposal is refused and alerted; the next local reply works; the node restarts cleanly")
    func foreignProposalStepIsRefusedAndDoesNotCrash() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        try await fed.startAll()
        func step(_ on: String, _ s: XieshangDomain.ProposalEvent.Step) -> DomainEvent { .proposal(XieshangDomain.ProposalEvent("P1", on: recordsDay(on), s)) }
        try await Self.submit(fed, "city", Self.member("m1", "张明", body: "city"))
        try await Self.submit(fed, "city", step("2026-03-01", .submitted(.init(title: "关于茶产业的提案", text: "建议……",
                                                                              kind: .individual, firstProposer: "m1"))), actor: "member:m1")
        try await Self.submit(fed, "city", step("2026-03-05", .reviewed(.registered(number: "第1号"))), actor: "committee")
        let seqs = try await Self.forge(fed, "county1", [step("2026-03-06", .rehandled(reason: "伪造", due: recordsDay("2026-06-01"), byAppraisal: true))])
        try await Self.waitHolds(fed, "city", "county1", seqs[0])
        let row = try #require(try await Self.query(fed, "city", "proposals").first { $0["id"] as? String == "P1" })
        #expect(row["status"] as? String == "registered" && (row["round"] as? NSNumber)?.intValue == 0, "\(row)")
        // The next local reply: a refusal naming the rule (the proposal is not assigned), and the node answers on.
        let early = await #expect(throws: TransportError.self) {
            try await Self.submit(fed, "city", step("2026-03-07", .replied(unit: "市住建局", replyClass: "A", text: "已解决")), actor: "unit:市住建局")
        }
        #expect(early?.status == .failedPrecondition && early?.message.contains("proposal.reply.state") == true, "\(String(describing: early))")
        #expect(fed.isRunning("city"))
        try await waitUntil("the city alerts about the county's proposal step", seconds: 30) {
            try await !Self.foreignAlerts(fed, "city", about: "county1").isEmpty
        }
        try await Self.submit(fed, "city", step("2026-03-10", .assigned(.init(.lead("市住建局", coHandling: [])))), actor: "committee")
        try await Self.submit(fed, "city", step("2026-04-01", .replied(unit: "市住建局", replyClass: "A", text: "已解决")), actor: "unit:市住建局")
        #expect(fed.stop("city") == 0)
        try await fed.start("city")
        let after = try #require(try await Self.query(fed, "city", "proposals").first { $0["id"] as? String == "P1" })
        #expect(after["status"] as? String == "replied" && (after["round"] as? NSNumber)?.intValue == 1, "\(after)")
        let problems = try await Self.query(fed, "city", "problems")
        #expect(problems.count == 1 && (problems.first?["origin"] as? String) == "county1", "\(problems)")
        #expect(fed.stop("city") == 0)
    }

    // MARK: The listed steps, end to end

    /// The cross-body steps still work across real nodes: a township's opinion report forwarded up, adopted at the
    /// county and the city with the city's instruction — the adoptions and the instruction land on the township's own
    /// record and never on the county's copy in between; a plan issued down and progress reported up to the issuer.
    /// A "who" field naming another body than the signer is refused and alerted.
    @Test("a report forwarded up, adopted and instructed higher, a plan issued down and progress reported up; a forged who is refused")
    func crossBodyStepsWorkEndToEnd() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let town = "county1-town1"
        func d(_ s: String) -> Day { recordsDay(s) }
        let prov = XieshangDomain.OpinionEvent.Provenance(originBody: town, originReportID: "R1", author: "t1", authorKind: .member)
        func op(_ at: String, _ on: String, _ step: XieshangDomain.OpinionEvent.Step) -> DomainEvent { .opinion(XieshangDomain.OpinionEvent(prov, at: at, on: d(on), step)) }
        func report(_ id: String) async throws -> [String: Any]? {
            try await Self.query(fed, id, "opinions").first { $0["origin_body"] as? String == town && $0["origin_report_id"] as? String == "R1" }
        }
        try await Self.submit(fed, town, Self.member("t1", "张某", body: town))
        try await Self.submit(fed, town, op(town, "2026-03-02", .submitted(title: "关于山区学生上学交通安全的建议", text: "敖寨乡……")))
        try await Self.submit(fed, town, op(town, "2026-03-04", .adopted(bulletinIssue: "联络组第3期")))
        try await Self.submit(fed, town, op(town, "2026-03-05", .forwarded(toBody: "county1", toTier: "county", title: "交通安全", text: "（报送稿）")))
        try await waitUntil("the county received the report", seconds: 60) { try await report("county1") != nil }
        try await Self.submit(fed, "county1", op("county1", "2026-03-10", .adopted(bulletinIssue: "县第8期")))
        try await Self.submit(fed, "county1", op("county1", "2026-03-11", .forwarded(toBody: "city", toTier: "city", title: "交通安全", text: "（县报送稿）")))
        try await waitUntil("the city received the report", seconds: 60) { try await report("city") != nil }
        try await Self.submit(fed, "city", op("city", "2026-03-20", .adopted(bulletinIssue: "市第5期")))
        let instruction = XieshangDomain.OpinionEvent.Instruction(leaderLevel: "city", leader: "市委副书记 某某", date: d("2026-03-25"),
                                                   text: "请市教育局研究解决。", recordedBy: "city")
        try await Self.submit(fed, "city", op("city", "2026-03-25", .instruction(instruction)))
        try await waitUntil("the township's own report shows both adoptions and the instruction", seconds: 60) {
            let r = try await report(town)
            return (r?["adopted_by"] as? [String]) == ["county1", "city"] && (r?["instructions"] as? [String])?.count == 1
        }
        let own = try #require(try await report(town))
        #expect(own["status"] as? String == "adopted" && own["forwarded_to"] as? String == "county1")
        // The county in between relays the city's steps down; its copy never counts them again.
        let atCounty = try #require(try await report("county1"))
        #expect((atCounty["adopted_by"] as? [String]) == [] && (atCounty["instructions"] as? [String]) == [], "\(atCounty)")
        #expect(atCounty["status"] as? String == "adopted" && atCounty["forwarded_to"] as? String == "city")
        let atCity = try #require(try await report("city"))
        #expect(atCity["status"] as? String == "adopted" && (atCity["adopted_by"] as? [String]) == [])

        // A plan issued down by the city; the township reports progress up to it.
        let item = XieshangDomain.PlanItem(id: "1-01", category: "专题协商", topic: "加强农村社会治理", form: "专题协商", leadLeader: "市政协副主席 赵某",
                            department: "市民政局", person: "陈某", deadline: d("2026-12-31"), assignees: [town, "county1"])
        for (on, s) in [("2026-01-05", XieshangDomain.PlanEvent.Step.drafted(year: 2026, title: "2026年度协商计划")), ("2026-01-06", .itemAdded(item)),
                        ("2026-01-20", .reviewed(meeting: "主席会议")), ("2026-02-05", .approved(meeting: "市委常委会")),
                        ("2026-02-10", .issued(document: "铜政协发〔2026〕3号"))] {
            try await Self.submit(fed, "city", .plan(XieshangDomain.PlanEvent("2026", issuer: "city", on: d(on), s)))
        }
        func stages(_ id: String) async throws -> [String: String]? {
            try await Self.query(fed, id, "plans").first { $0["issuer"] as? String == "city" && $0["item_id"] as? String == "1-01" }?["stages"] as? [String: String]
        }
        try await waitUntil("the township holds the city's plan, issued", seconds: 60) {
            try await Self.query(fed, town, "plans").first { $0["issuer"] as? String == "city" }?["plan_status"] as? String == "issued"
        }
        try await Self.submit(fed, town, .plan(XieshangDomain.PlanEvent("2026", issuer: "city", on: d("2026-05-01"),
                                                          .stageReported(itemID: "1-01", byBody: town, stage: .preparing, note: "已成立专班"))))
        try await waitUntil("the city sees the township's progress", seconds: 60) {
            try await stages("city")?[town] == XieshangDomain.ItemStage.preparing.name
        }
        #expect(try await stages("county1")?[town] == XieshangDomain.ItemStage.assigned.name)  // in between: relayed, not applied
        #expect(try await stages(town)?[town] == XieshangDomain.ItemStage.preparing.name)

        // Forged "who": the township's key signs progress "by" the county and a report "forwarded by" the county.
        let forgedReport = XieshangDomain.OpinionEvent.Provenance(originBody: "county1", originReportID: "FAKE", author: "某", authorKind: .informant)
        let seqs = try await Self.forge(fed, town, [
            .plan(XieshangDomain.PlanEvent("2026", issuer: "city", on: d("2026-06-01"), .stageReported(itemID: "1-01", byBody: "county1", stage: .held, note: "伪造"))),
            .opinion(XieshangDomain.OpinionEvent(forgedReport, at: "county1", on: d("2026-06-01"), .forwarded(toBody: "city", toTier: "city", title: "伪造", text: "伪造"))),
        ])
        try await Self.waitHolds(fed, "city", town, seqs.last ?? 0)
        try await waitUntil("the city alerts about both forged steps", seconds: 30) {
            try await Self.foreignAlerts(fed, "city", about: town).filter { $0.message.contains("names county1 as the body that took it") }.count == 2
        }
        #expect(try await stages("city")?["county1"] == XieshangDomain.ItemStage.assigned.name)
        #expect(try await Self.query(fed, "city", "opinions").map { $0["origin_report_id"] as? String } == ["R1"])
        #expect(try await Self.foreignAlerts(fed, "county1", about: town).count == 2)
    }
}
