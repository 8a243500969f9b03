import Foundation
import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangStore
import struct XieshangWire.EventBody
import enum XieshangWire.EventKind
import enum XieshangWire.SHA256
import enum XieshangFederation.ChainName
import enum XieshangFederation.Route
#if canImport(Glibc)
import Glibc
#endif

// MARK: Test support (shared by the Records*Tests files)

/// A fresh directory under /tmp, removed by `cleanUp`.
struct RecordsTempDir {
    let path: String
    init() {
        var template = Array("/tmp/xs-records-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        path = String(cString: template.withUnsafeBufferPointer { $0.baseAddress! })
    }
    func file(_ name: String) -> String { path + "/" + name }
    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

/// A day from "YYYY-MM-DD" (test literals only).
func recordsDay(_ text: String) -> Day {
    do { return try Day(parsing: text, field: "test") } catch { fatalError("bad test day \(text)") }
}

/// One body's node as far as records go: its store with a ``DomainProjector``, a recorder, and its own chains — one
/// per route, named as the federation names them (`id` for up, `id@down`, `id@local`), so that ``pull(from:)`` moves
/// only what the federation would: a child's up chain to its parent, a parent's down chain to its child.
final class RecordsBody {
    let info: BodyInfo
    let projector: DomainProjector
    let store: Store
    /// The head (seq, hash) of each own chain.
    var heads: [String: (seq: UInt64, hash: [UInt8])] = [:]

    init(_ info: BodyInfo, in dir: RecordsTempDir) throws {
        self.info = info
        projector = DomainProjector(body: info)
        store = try Store(path: dir.file(info.id + ".db"), projectors: [projector])
        for entry in try store.reader.entries(after: 0, limit: Int.max) where ChainName.node(of: entry.event.origin) == info.id {
            heads[entry.event.origin] = (entry.event.seq, entry.event.hash)
        }
    }

    /// The seq of the last event of the up chain (0 before the first).
    var seq: UInt64 { heads[info.id]?.seq ?? 0 }

    /// Validates `command` here, originates its events (appending each) and returns them.
    @discardableResult
    func record(_ command: DomainEvent, by actor: XieshangDomain.Actor) throws -> [StoredEvent] {
        let events = try DomainRecorder(projector: projector, database: try store.write { $0 }).record(command, by: actor)
        var stored: [StoredEvent] = []
        for r in events {
            let e = next(kind: r.kind.protoValue, payload: r.payload, scope: r.scope)
            try store.append([e])
            stored.append(e)
        }
        return stored
    }

    /// The next event of this body's chain for `scope` carrying `payload`.
    func next(kind: Int32, payload: [UInt8], scope: String = "local") -> StoredEvent {
        let origin = ChainName.chain(node: info.id, route: Route(text: scope))
        let seq = (heads[origin]?.seq ?? 0) + 1
        let prev = heads[origin]?.hash ?? []
        let body = EventBody(origin: origin, seq: seq, prevHash: prev, timeMs: 1_767_225_600_000 + Int64(seq),
                             scope: StoredEvent.scope(named: scope), kind: EventKind(protoValue: kind), payload: payload)
        let bytes = body.serializedBytes()
        let hash = SHA256.hash(bytes + [0x5A])
        heads[origin] = (seq, hash)
        return StoredEvent(origin: origin, seq: seq, prevHash: body.prevHash, hash: hash, timeMs: body.timeMs, scope: scope,
                           kind: kind, body: bytes, signature: [1])
    }

    /// Receives what the federation would send from `other` that this store does not hold yet: a child's up chain,
    /// or a parent's down chain — or `chain`, one `other` holds (its own or relayed, as a county relays its city's
    /// down chain to its townships).
    func pull(from other: RecordsBody, chain: String? = nil) throws {
        let chain = chain ?? (other.info.id == info.parent ? other.info.id + "@down" : other.info.id)
        let held = try store.reader.highestSeq(origin: chain)
        let theirs = try other.store.reader.highestSeq(origin: chain)
        guard theirs > held else { return }
        try store.append(try other.store.reader.events(origin: chain, seqs: (held + 1)...theirs))
    }

    /// Typed queries on the store's connection.
    func queries() throws -> RecordQueries { RecordQueries(database: try store.write { $0 }, projector: projector) }

    /// Every row of every record table, ordered by all columns, as text.
    func dump() throws -> [String: [String]] {
        try store.write { (db: Database) throws(StoreError) -> [String: [String]] in
            var out: [String: [String]] = [:]
            for t in projector.tables {
                let columns = try db.rows("SELECT name FROM pragma_table_info(?)", [.text(t)]).count
                let order = (1...columns).map(String.init).joined(separator: ", ")
                out[t] = try db.rows("SELECT * FROM \(t) ORDER BY \(order)").map { $0.map(\.description).joined(separator: "|") }
            }
            return out
        }
    }
}

// MARK: Tests

/// The CPPCC record projections: rows from a realistic log, rebuild equality, undecodable payloads.
@Suite struct RecordsProjectionTests {
    static let city = BodyInfo(id: "cn.gz.tongren", name: "铜仁市政协", tier: "city")
    static let county = BodyInfo(id: "cn.gz.tongren.wanshan", name: "万山区政协", tier: "county", parent: "cn.gz.tongren")
    static let township = BodyInfo(id: "cn.gz.tongren.wanshan.aozhai", name: "敖寨乡政协联络组", tier: "township",
                                   parent: "cn.gz.tongren.wanshan")

    /// A year of county records: members, proposals through their lifecycle (incl. re-handling), an opinion report
    /// forwarded township → county → city with the city's instruction fed back, activities, suggestions, the city's
    /// plan issued down with the county's progress, attendance, and a policy version.
    static func mixedLog(_ dir: RecordsTempDir) throws -> (city: RecordsBody, county: RecordsBody, township: RecordsBody) {
        let city = try RecordsBody(Self.city, in: dir)
        let county = try RecordsBody(Self.county, in: dir)
        let town = try RecordsBody(Self.township, in: dir)
        func d(_ s: String) -> Day { recordsDay(s) }
        for m in ["m1", "m2", "m3", "m4"] {
            try county.record(.member(MemberRecorded(memberID: m, name: "委员\(m)", sector: "经济界", body: Self.county.id,
                                                     term: 9, effective: d("2025-01-01"))), by: .office)
        }
        try town.record(.member(MemberRecorded(memberID: "t1", name: "张某", sector: "农业界", body: Self.township.id, term: 9,
                                               effective: d("2025-01-01"))), by: .office)
        var policy = try county.projector.state(in: try county.store.write { $0 }).policy
        policy.version = 2
        policy.effective = d("2026-01-01")
        policy.appraisalThresholdPercent = 85
        try county.record(.policy(policy), by: .office)

        // P1: joint, registered, assigned lead + co, replied, unsatisfied, re-handled, replied, satisfied, closed.
        func p(_ id: String, _ on: String, _ step: ProposalEvent.Step, _ actor: XieshangDomain.Actor) throws {
            try county.record(.proposal(ProposalEvent(id, on: d(on), step)), by: actor)
        }
        try p("P1", "2026-01-10", .submitted(.init(title: "关于改善山区道路的提案", text: "建议……", kind: .joint,
                                                  firstProposer: "m1", cosigners: ["m2", "m3"])), .member("m1"))
        try p("P1", "2026-01-12", .cosignerConfirmed(member: "m2"), .member("m2"))
        try p("P1", "2026-01-20", .reviewed(.registered(number: "第1号")), .committee)
        try p("P1", "2026-02-01", .assigned(.init(.lead("县住建局", coHandling: ["县财政局"]))), .committee)
        try p("P1", "2026-03-01", .coHandlingOpinion(unit: "县财政局", text: "同意"), .unit("县财政局"))
        try p("P1", "2026-04-01", .replied(unit: "县住建局", replyClass: "B", text: "正在解决"), .unit("县住建局"))
        try p("P1", "2026-04-05", .evaluated(member: "m1", rating: .unsatisfied, comment: "未解决"), .member("m1"))
        try p("P1", "2026-04-10", .rehandled(reason: "提案人不满意", due: nil, byAppraisal: false), .committee)
        try p("P1", "2026-05-01", .coHandlingOpinion(unit: "县财政局", text: "已安排资金"), .unit("县财政局"))
        try p("P1", "2026-06-01", .replied(unit: "县住建局", replyClass: "A", text: "已解决"), .unit("县住建局"))
        try p("P1", "2026-06-05", .evaluated(member: "m1", rating: .satisfied, comment: ""), .member("m1"))
        try p("P1", "2026-06-10", .closed(note: "办结"), .committee)
        // P2: not registered.  P3: key proposal, assigned and past due.
        try p("P2", "2026-02-10", .submitted(.init(title: "关于个人诉求的提案", text: "……", kind: .individual, firstProposer: "m4")), .member("m4"))
        let reason = policy.notRegisteredReasons[0].code
        try p("P2", "2026-02-20", .reviewed(.notRegistered(reason: reason, notice: "已告知", conversion: nil)), .committee)
        try p("P3", "2026-03-10", .submitted(.init(title: "关于乡村教育的提案", text: "……", kind: .individual, firstProposer: "m3")), .member("m3"))
        try p("P3", "2026-03-15", .reviewed(.registered(number: "第2号")), .committee)
        try p("P3", "2026-03-20", .assigned(.init(.split(["县教育局", "县人社局"]))), .committee)
        try p("P3", "2026-03-21", .keyProposal(supervisor: "县政协主席 王某"), .committee)

        // An opinion report from the township, forwarded to the county, adopted and forwarded to the city, where a
        // leader's instruction is recorded and comes back down.
        let prov = OpinionEvent.Provenance(originBody: Self.township.id, originReportID: "AZ-2026-003", author: "t1", authorKind: .member)
        func op(_ body: RecordsBody, _ on: String, _ step: OpinionEvent.Step) throws -> [StoredEvent] {
            try body.record(.opinion(OpinionEvent(prov, at: body.info.id, on: d(on), step)), by: .office)
        }
        _ = try op(town, "2026-03-02", .submitted(title: "关于山区学生上学交通安全的建议", text: "敖寨乡……"))
        _ = try op(town, "2026-03-04", .adopted(bulletinIssue: "敖寨联络组2026年第3期"))
        _ = try op(town, "2026-03-05", .forwarded(toBody: Self.county.id, toTier: "county", title: "山区学生上学交通安全", text: "（报送稿）"))
        try county.pull(from: town)
        _ = try op(county, "2026-03-10", .adopted(bulletinIssue: "万山社情民意2026年第8期"))
        _ = try op(county, "2026-03-11", .forwarded(toBody: Self.city.id, toTier: "city", title: "山区学生上学交通安全", text: "（县报送稿）"))
        try city.pull(from: county)
        _ = try op(city, "2026-03-20", .adopted(bulletinIssue: "铜仁社情民意2026年第5期"))
        let instruction = OpinionEvent.Instruction(leaderLevel: "city", leader: "市委副书记 某某", date: d("2026-03-25"),
                                                   text: "请市教育局研究解决。", recordedBy: Self.city.id)
        _ = try op(city, "2026-03-25", .instruction(instruction))

        // Activities and suggestions.
        try county.record(.activity(Activity(id: "A1", kind: .consultation, form: .topical, date: d("2026-04-15"),
                                             topic: "乡村振兴专题协商", participants: 15, members: ["m1", "m2"])), by: .office)
        try county.record(.activity(Activity(id: "A2", kind: .research, date: d("2026-05-15"), topic: "饮水安全调研",
                                             participants: 6, members: ["m3"])), by: .office)
        for (i, on) in ["2026-04-15", "2026-04-16", "2026-04-17"].enumerated() {
            try county.record(.suggestion(SuggestionEvent("J\(i)", on: d(on), .made(text: "建议\(i)", addressee: "县政府",
                                                                                 activityID: "A1", members: ["m1"]))), by: .office)
        }
        try county.record(.suggestion(SuggestionEvent("J0", on: d("2026-05-01"), .adopted(by: "县长", note: "同意"))), by: .office)
        try county.record(.suggestion(SuggestionEvent("J1", on: d("2026-05-01"), .adopted(by: "县长", note: "同意"))), by: .office)
        try county.record(.suggestion(SuggestionEvent("J0", on: d("2026-06-01"), .closed(note: "已落实"))), by: .office)

        // The city's plan, issued down the tree; the county reports progress on its item.
        let item = PlanItem(id: "2-01", category: "常委会议协商", topic: "加强农村社会治理", form: "常委会视察",
                            leadLeader: "市政协副主席 赵某", department: "市民政局", person: "陈某", deadline: d("2026-06-30"),
                            assignees: [Self.county.id])
        for (on, step) in [("2026-01-05", PlanEvent.Step.drafted(year: 2026, title: "2026年度政治协商计划")), ("2026-01-06", .itemAdded(item)),
                           ("2026-01-20", .reviewed(meeting: "主席会议")), ("2026-02-05", .approved(meeting: "市委常委会")),
                           ("2026-02-10", .issued(document: "铜政发〔2026〕3号"))] {
            try city.record(.plan(PlanEvent("2026", issuer: Self.city.id, on: d(on), step)), by: .office)
        }
        try county.pull(from: city)
        try county.record(.plan(PlanEvent("2026", issuer: Self.city.id, on: d("2026-03-01"), .stageReported(
            itemID: "2-01", byBody: Self.county.id, stage: .preparing, note: "已成立专班"))), by: .office)

        // Attendance.
        try county.record(.duty(DutyEvent("m1", on: d("2026-01-15"), .attendance(meetingID: "全会", .present))), by: .office)
        try county.record(.duty(DutyEvent("m4", on: d("2026-01-15"), .attendance(meetingID: "全会", .unexcused))), by: .office)
        return (city, county, town)
    }

    @Test func mixedLogGivesTheExpectedRows() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let (_, county, town) = try Self.mixedLog(dir)
        let q = try county.queries()

        let p1 = try #require(try q.proposal("P1"))
        #expect(p1.proposal.status == "closed" && p1.proposal.round == 2 && p1.proposal.leadUnit == "县住建局")
        #expect(p1.proposal.units == ["县住建局", "县财政局"] && p1.proposal.registerNumber == "第1号")
        #expect(p1.cosignerIDs == ["m2", "m3"] && p1.cosignerConfirmed == [true, false])
        #expect(p1.replies.map(\.replyClass) == ["B", "A"] && p1.replies.map(\.round) == [1, 2])
        #expect(p1.evaluations.map(\.rating) == ["unsatisfied", "satisfied"])
        #expect(try q.proposals().map(\.id) == ["P1", "P2", "P3"])
        #expect(try q.proposals(status: .notRegistered).map(\.id) == ["P2"])
        #expect(try q.proposal("P9") == nil)
        let p3 = try #require(try q.proposal("P3"))
        #expect(p3.proposal.supervisor == "县政协主席 王某" && p3.proposal.due == "2026-06-20")
        #expect(try q.proposalsPastDue(asOf: recordsDay("2026-06-20")).isEmpty)
        #expect(try q.proposalsPastDue(asOf: recordsDay("2026-06-21")).map(\.id) == ["P3"])

        let opinions = try q.opinions()
        #expect(opinions.count == 1)
        let o = try #require(opinions.first)
        #expect(o.key.originBody == Self.township.id && o.author == "t1")
        #expect(o.status == "adopted" && o.forwardedTo == Self.city.id && o.bulletinIssue == "万山社情民意2026年第8期")
        // The city's adoption and instruction are the township's (the report's origin): the county in between relays
        // them down but never records them on its copy, so they are never counted again there.
        #expect(o.adoptedBy == [] && o.instructions == [])
        try town.pull(from: county)
        try town.pull(from: county, chain: Self.city.id + "@down")
        let own = try #require(try town.queries().opinions().first)
        #expect(own.key == o.key && own.forwardedTo == Self.county.id)
        #expect(own.adoptedBy == [Self.county.id, Self.city.id])
        #expect(own.instructions == ["市委副书记 某某：请市教育局研究解决。"])
        #expect(try town.queries().problems().isEmpty)

        #expect(try q.activities().map(\.id) == ["A1", "A2"])
        #expect(try q.activities(in: .month(2026, 5)).map(\.id) == ["A2"])
        #expect(try q.activities().first?.participants == 15)

        let items = try q.planItems(asOf: recordsDay("2026-04-01"))
        #expect(items.map(\.itemID) == ["2-01"] && items.first?.stage == .preparing && items.first?.isOverdue == false)
        #expect(try q.overdueItems(asOf: recordsDay("2026-07-01")).map(\.overdueFor) == [[Self.county.id]])

        let members = try q.membersWithDuty(year: 2026)
        #expect(members.map(\.id) == ["m1", "m2", "m3", "m4"])
        let state = try county.projector.state(in: try county.store.write { $0 })
        let scores = state.dutyAssessments(year: 2026)
        #expect(members.map(\.totalTenths) == ["m1", "m2", "m3", "m4"].map { scores[$0]?.totalTenths ?? 0 })
        #expect(members[3].totalTenths < members[0].totalTenths)  // the unexcused absence costs m4

        let dump = try county.dump()
        // The table holds this body's own members only (the township's t1 never reaches it: a member stays local).
        #expect(dump["members"]?.count == 4)
        #expect(dump["policy_versions"]?.map { $0.prefix(4) } == ["i:1|", "i:2|"])  // the defaults, then version 2
        #expect(dump["policy_versions"]?.last?.contains("|i:85|") == true)
        #expect(dump["suggestions"]?.filter { $0.contains("\"closed\"") }.count == 1)
        #expect(dump["suggestions"]?.filter { $0.contains("\"adopted\"") }.count == 1)
        #expect(dump["duty_records"]?.count == 2)
        #expect(dump["plans"]?.count == 1 && dump["plan_progress"]?.count == 1)
        #expect(dump["proposal_cosigners"]?.count == 2 && dump["proposal_replies"]?.count == 2)
        #expect(dump["projection_problems"]?.isEmpty == true)
        let figures = try q.figures(for: .year(2026))
        #expect(figures == state.figures(for: .year(2026)))
        #expect(figures.consultations == 1 && figures.researchVisits == 1 && figures.suggestionsMade == 3)
        #expect(figures.suggestionsAdopted == 2 && figures.suggestionsClosed == 1 && figures.proposalsClosed == 1)
    }

    @Test func rebuildingFromTheLogGivesIdenticalTablesAndFigures() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let (city, county, town) = try Self.mixedLog(dir)
        for body in [city, county, town] {
            let live = try body.dump()
            let liveFigures = try body.queries().figures(for: .year(2026))
            #expect(live.values.reduce(0) { $0 + $1.count } > 0)
            try body.store.rebuildAllProjections()
            #expect(try body.dump() == live, "tables of \(body.info.id) differ after a rebuild")
            #expect(try body.queries().figures(for: .year(2026)) == liveFigures)
        }
        // A restart (a fresh projector, nothing to catch up) folds the same state from the log.
        let liveCounty = try county.dump()
        let liveFigures = try county.queries().figures(for: .year(2026))
        // A read-only connection on the same file (how the CLI's reads may go) sees the same.
        let reader = try Database(path: county.store.path, readOnly: true)
        let readerQueries = RecordQueries(database: reader, projector: county.projector)
        #expect(try readerQueries.figures(for: .year(2026)) == liveFigures)
        #expect(try readerQueries.proposals() == county.queries().proposals())
        let reopened = try RecordsBody(Self.county, in: dir)
        #expect(try reopened.dump() == liveCounty)
        #expect(try reopened.queries().figures(for: .year(2026)) == liveFigures)
        #expect(try reopened.queries().membersWithDuty(year: 2026) == county.queries().membersWithDuty(year: 2026))
    }

    /// Issue 15 (3): a descendant's own records reaching its county (its up chain) are kept by owner for drill-down
    /// and never mix into the county's records, rows or figures; one of them naming the county's records is refused.
    @Test func descendantsRecordsAreKeptByOwnerNeverMixed() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let county = try RecordsBody(Self.county, in: dir)
        let town = try RecordsBody(Self.township, in: dir)
        var townPolicy = Policy.defaults(for: Self.township)
        townPolicy.version = 2
        townPolicy.appraisalThresholdPercent = 50
        let events: [DomainEvent] = [
            .member(MemberRecorded(memberID: "t1", name: "张某", sector: "农业界", body: Self.township.id, term: 9, effective: recordsDay("2025-01-01"))),
            .activity(Activity(id: "HD-1", kind: .research, date: recordsDay("2026-04-15"), topic: "饮水安全调研", hostBodies: [Self.township.id],
                               participants: 6)),
            .policy(townPolicy),
            .member(MemberRecorded(memberID: "x", name: "冒名", sector: "农业界", body: Self.county.id, term: 9, effective: recordsDay("2025-01-01"))),
            .proposal(ProposalEvent("P1", on: recordsDay("2026-04-16"), .closed(note: "伪造"))),
        ]
        try county.store.append(events.map { town.next(kind: $0.eventKind.protoValue, payload: $0.payloadBytes(), scope: "up") })
        let db = try county.store.write { $0 }
        let own = try county.projector.state(in: db)
        #expect(own.members.isEmpty && own.activities.isEmpty && own.proposals.isEmpty && own.policy.version == 1)
        #expect(try county.queries().membersWithDuty(year: 2026).isEmpty && county.queries().activities().isEmpty)
        #expect(try county.queries().figures(for: .year(2026)) == DomainState(body: Self.county).figures(for: .year(2026)))
        let kept = try #require(try county.projector.descendantStates(in: db)[Self.township.id])
        #expect(kept.members.keys.sorted() == ["t1"] && kept.activities.keys.sorted() == ["HD-1"] && kept.policy.version == 2)
        let problems = try county.queries().problems()
        #expect(problems.map(\.seq) == [4, 5], "\(problems)")
        #expect(problems.first?.reason.contains("names a record of \(Self.county.id)") == true)
        #expect(problems.last?.reason.contains("does not hold") == true)
        #expect(county.projector.drainProblems().map(\.signer) == [Self.township.id, Self.township.id])
        // A rebuild and a fresh fold decide the same.
        let live = try county.dump()
        try county.store.rebuildAllProjections()
        #expect(try county.dump() == live)
        #expect(try DomainProjector(body: Self.county).descendantStates(in: db)[Self.township.id] == kept)
    }

    @Test func undecodablePayloadIsRecordedAndDoesNotFailTheAppend() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let county = try RecordsBody(Self.county, in: dir)
        let bad = county.next(kind: EventKind.proposal.protoValue, payload: [0xFF, 0xFF, 0xFF])
        let result = try county.store.append([bad])
        #expect(result.positions != nil)
        let badBody = county.next(kind: EventKind.activity.protoValue, payload: [])
        var corrupt = badBody
        corrupt.body = [0x0A, 0xFF]  // an envelope body that does not decode
        try county.store.append([corrupt])
        // Later events still project.
        try county.record(.member(MemberRecorded(memberID: "m1", name: "委员", sector: "经济界", body: Self.county.id, term: 9,
                                                 effective: recordsDay("2025-01-01"))), by: .office)
        let problems = try county.queries().problems()
        #expect(problems.map(\.origin) == [Self.county.id + "@local", Self.county.id + "@local"] && problems.map(\.seq) == [1, 2])
        #expect(problems[0].reason.contains("payload does not decode"))
        #expect(problems[1].reason.contains("event body does not decode"))
        #expect(try county.queries().membersWithDuty(year: 2026).map(\.id) == ["m1"])
        // The problems are found again by a rebuild.
        let live = try county.dump()
        try county.store.rebuildAllProjections()
        #expect(try county.dump() == live)
    }

    @Test func refusedCommandNamesTheRuleAndRecordsNothing() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let county = try RecordsBody(Self.county, in: dir)
        let before = try county.dump()
        #expect {
            try county.record(.proposal(ProposalEvent("P1", on: recordsDay("2026-01-10"), .submitted(.init(
                title: "t", text: "x", kind: .individual, firstProposer: "stranger")))), by: .member("stranger"))
        } throws: { error in
            guard let e = error as? NodeError else { return false }
            return e.code == .refused && e.message.contains("proposal.submit.member")
        }
        #expect(try county.dump() == before)
        // Routing: a forwarded report goes up, the city's instruction down.
        let recorder = DomainRecorder(projector: county.projector, database: try county.store.write { $0 })
        let member = try recorder.record(.member(MemberRecorded(memberID: "m1", name: "委员", sector: "经济界", body: Self.county.id,
                                                                 term: 9, effective: recordsDay("2025-01-01"))), by: .office)
        #expect(member.map(\.scope) == ["up"] && member.first?.kind == .memberRecorded)  // a body's records travel up to its ancestors
        #expect(try county.dump() == before)  // validating is not recording
    }

    /// A projector that fails on events of origin "bad", to roll appends back after the records projector ran.
    struct FailingProjector: Projector {
        let name = "failing"
        let version = 1
        let tables = ["failing_probe"]
        let schema = "CREATE TABLE failing_probe (position INTEGER PRIMARY KEY);"
        let kinds: Set<Int32>? = nil
        func apply(_ event: StoredEvent, position: Int64, in db: Database) throws(StoreError) {
            if ChainName.node(of: event.origin) == "bad" { throw StoreError(.projector, "probe refuses \(event.ref)") }
            try db.execute("INSERT INTO failing_probe VALUES (?)", [.integer(position)])
        }
    }

    @Test func rolledBackAppendsLeaveNoTraceInTheStateOrTables() throws {
        let dir = RecordsTempDir()
        defer { dir.cleanUp() }
        let projector = DomainProjector(body: Self.county)
        let store = try Store(path: dir.file("rollback.db"), projectors: [projector, FailingProjector()])
        let county = try RecordsBody(Self.county, in: dir)  // a source of chained events for the same body
        let bad = try RecordsBody(BodyInfo(id: "bad", name: "坏", tier: "county"), in: dir)
        func member(_ id: String) -> DomainEvent {
            .member(MemberRecorded(memberID: id, name: "委员\(id)", sector: "经济界", body: Self.county.id, term: 9,
                                   effective: recordsDay("2025-01-01")))
        }
        func event(_ from: RecordsBody, _ e: DomainEvent) -> StoredEvent { from.next(kind: e.eventKind.protoValue, payload: e.payloadBytes()) }
        try store.append([event(county, member("m1"))])
        // A single append whose other projector fails: nothing of it stays, in the tables or in the state.
        #expect(throws: StoreError.self) { try store.append([event(bad, member("m2"))]) }
        // A group commit with a failing batch: the group is rolled back and retried batch by batch.
        let results = store.appendBatches([([event(county, member("m3"))], []), ([event(bad, member("m4"))], [])])
        #expect(results.map { if case .success = $0 { true } else { false } } == [true, false])
        try store.append([event(county, member("m5"))])
        let db = try store.write { $0 }
        let queries = RecordQueries(database: db, projector: projector)
        #expect(try queries.membersWithDuty(year: 2026).map(\.id) == ["m1", "m3", "m5"])
        #expect(try projector.state(in: db).members.keys.sorted() == ["m1", "m3", "m5"])
        let live = try db.rows("SELECT * FROM members ORDER BY id")
        try store.rebuildAllProjections()
        #expect(try db.rows("SELECT * FROM members ORDER BY id") == live)
        #expect(try projector.state(in: db).members.keys.sorted() == ["m1", "m3", "m5"])
    }
}
