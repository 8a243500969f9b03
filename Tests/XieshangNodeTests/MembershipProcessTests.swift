import Foundation
import Testing
import XieshangCalendar
import XieshangDomain
import XieshangNode
import XieshangTestKinds
import XieshangTransport
import XieshangWire

/// Membership changes at run time through real node processes (#20 item 2): `xieshang peer add|remove|set-address`
/// on the admin socket rewrite node.json atomically and the running nodes link or unlink at once; a township moved to
/// another county (区划调整) keeps every record, and the city's figures before, across and after the move date are
/// exact per county and in total; bad requests change nothing.
@Suite(.serialized)
struct MembershipProcessTests {
    /// Admin.Peer at `id`.
    static func peer(_ fed: LocalFederation, _ id: String, _ request: PeerRequest) async throws -> PeerResponse {
        try PeerResponse(serializedBytes: try await fed.call(id, AdminService.peer.path, request.serializedBytes()))
    }

    /// The refusal message of Admin.Peer at `id`, or nil when it was accepted.
    static func refusal(_ fed: LocalFederation, _ id: String, _ request: PeerRequest) async -> String? {
        do {
            _ = try await peer(fed, id, request)
            return nil
        } catch {
            return (error as? TransportError)?.message ?? "\(error)"
        }
    }

    static func nodeJSON(_ fed: LocalFederation, _ id: String) throws -> NodeConfig {
        try NodeConfig.load(from: fed.dir(id) + "/node.json")
    }

    static func fileBytes(_ fed: LocalFederation, _ id: String) -> Data? {
        FileManager.default.contents(atPath: fed.dir(id) + "/node.json")
    }

    /// Writes `config` as `id`'s node.json (before the node starts).
    static func write(_ fed: LocalFederation, _ id: String, _ config: NodeConfig) throws {
        try Data(config.jsonText().utf8).write(to: URL(fileURLWithPath: fed.dir(id) + "/node.json"))
    }

    /// Records an activity of `participants` dated `date` at `id`; the refusal text when refused.
    @discardableResult
    static func record(_ fed: LocalFederation, _ id: String, participants: Int64, date: String) async throws -> String? {
        let activity = ActivityRecorded(activityId: "R-" + UUID().uuidString, kind: .research, date: date, topic: "调研", participants: participants)
        let request = SubmitRequest(kind: .activity, payload: activity.serializedBytes(), actor: "office")
        do {
            _ = try await fed.call(id, AdminService.submit.path, request.serializedBytes())
            return nil
        } catch {
            return (error as? TransportError)?.message ?? "\(error)"
        }
    }

    /// `id`'s figures for `period` with the subtree: body → totals.
    static func drill(_ fed: LocalFederation, _ id: String, period: String) async throws -> [String: [String: Int64]] {
        let r = try StatsResponse(serializedBytes: try await fed.call(id, AdminService.stats.path, StatsRequest(period: period, drill: true).serializedBytes()))
        var out: [String: [String: Int64]] = [:]
        for b in r.bodies where out[b.body] == nil { out[b.body] = b.totals }
        return out
    }

    static func participants(_ totals: [String: [String: Int64]], _ body: String) -> Int64 { totals[body]?["activity_participants"] ?? 0 }

    static func link(_ fed: LocalFederation, _ id: String, _ peer: String) async throws -> LinkStatus? {
        try await fed.status(id).links.first { $0.peer == peer }
    }

    /// With TLS (the default between nodes) the county's TLS pins follow the change too.
    @Test(arguments: [false, true])
    func peerAddLinksANewTownshipAtARunningCountyAndItsRecordsReachTheCityWithoutARestart(tls: Bool) async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 2, tls: tls)
        defer { fed.stopAll() }
        // county1 does not know county1-town2 yet; the township is set up and running, pointed at county1.
        var county = try Self.nodeJSON(fed, "county1")
        let town2 = try #require(county.children.first { $0.nodeId == "county1-town2" })
        county.children.removeAll { $0.nodeId == "county1-town2" }
        try Self.write(fed, "county1", county)
        for id in ["city", "county1", "county1-town1", "county1-town2"] { try await fed.start(id) }
        try await fed.waitParentUp("county1")
        try await fed.waitParentUp("county1-town1")
        let countyPid = fed.process("county1")?.processIdentifier
        #expect(try await fed.status("county1").links.contains { $0.peer == "county1-town2" } == false)

        let cli = try await ProcessRun.run(fed.executable, ["peer", "add", "county1-town2", "--role", "child", "--key", town2.publicKey.text,
                                                            "--address", town2.address, "--name", "乡镇联络组 新", "--tier", "township",
                                                            "--node", fed.dir("county1") + "/admin.sock", "--lang", "en"])
        #expect(cli.status == 0, "\(cli.output)")
        #expect(cli.output.contains("added county1-town2"), "\(cli.output)")
        // node.json was rewritten (and still loads); the county was not restarted.
        let written = try Self.nodeJSON(fed, "county1")
        #expect(written.children.map(\.nodeId).contains("county1-town2"))
        #expect(written.children.first { $0.nodeId == "county1-town2" }?.name == "乡镇联络组 新")
        #expect(!FileManager.default.fileExists(atPath: fed.dir("county1") + "/node.json.tmp"))
        try await fed.waitParentUp("county1-town2")
        try await waitUntil("county1 shows its link to the new township up", seconds: 30) {
            try await Self.link(fed, "county1", "county1-town2")?.state == "up"
        }
        try await Self.record(fed, "county1-town2", participants: 9, date: LocalFederation.today())
        try await waitUntil("the city's figures count the new township's record", seconds: 60) {
            let totals = try await Self.drill(fed, "city", period: String(LocalFederation.today().prefix(4)))
            return Self.participants(totals, "county1-town2") == 9 && Self.participants(totals, "city") == 9
        }
        #expect(fed.process("county1")?.processIdentifier == countyPid && fed.isRunning("county1"))
    }

    @Test func peerAddAndRemoveAnAllianceMemberAtRunTime() async throws {
        let fed = try LocalFederation(ports: 4) { base, dir in
            try Topology.generate(counties: 1, townshipsPerCounty: 0, alliancePeers: 2, basePort: base, directory: dir, rollupDebounceMs: 100,
                                  retryCapMs: 1_000, tls: false)
        }
        defer { fed.stopAll() }
        // The city does not know ally2 yet (ally2 knows the city).
        var city = try Self.nodeJSON(fed, "city")
        let ally2 = try #require(city.alliances[0].members.first { $0.nodeId == "ally2" })
        city.alliances[0].members.removeAll { $0.nodeId == "ally2" }
        try Self.write(fed, "city", city)
        try await fed.startAll(binary: .test)   // ally2 pushes a note (the test schema's kind) below
        #expect(try await Self.link(fed, "city", "ally2") == nil)
        let r = try await Self.peer(fed, "city", PeerRequest(action: .add, nodeId: "ally2", role: "alliance:wuling", publicKey: ally2.publicKey.text,
                                                             address: ally2.address, name: ally2.name, tier: "city"))
        #expect(r.added == ["ally2"])
        #expect(try Self.nodeJSON(fed, "city").alliances[0].members.map(\.nodeId).contains("ally2"))
        try await waitUntil("the city links the new alliance member", seconds: 30) {
            let link = try await Self.link(fed, "city", "ally2")
            return link?.state == "up" && link?.role == "alliance:wuling"
        }
        // Adding it to an alliance the city does not belong to is refused; removing it unlinks it.
        let refused = await Self.refusal(fed, "city", PeerRequest(action: .add, nodeId: "ally3", role: "alliance:other", publicKey: ally2.publicKey.text))
        #expect(refused?.contains("is not child, parent or an alliance of city (alliance:wuling)") == true, "\(refused ?? "accepted")")
        _ = try await Self.peer(fed, "city", PeerRequest(action: .remove, nodeId: "ally2", role: "alliance:wuling"))
        #expect(try Self.nodeJSON(fed, "city").alliances[0].members.map(\.nodeId) == ["ally1"])
        #expect(try await Self.link(fed, "city", "ally2") == nil)
        // ally2 finds out the next time it pushes (an idle client connection learns of its end only then).
        let note = SubmitRequest(kind: .testNote, payload: Note(text: "t", amount: 1).serializedBytes(), scope: Scope(target: .alliance("wuling")))
        _ = try await fed.call("ally2", AdminService.submit.path, note.serializedBytes())
        try await waitUntil("ally2's link to the city is down", seconds: 30) {
            try await Self.link(fed, "ally2", "city")?.state != "up"
        }
    }

    @Test func peerRemoveUnlinksAChildAndItsFiguresStopCountingThere() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 2)
        defer { fed.stopAll() }
        try await fed.startAll()
        let year = String(LocalFederation.today().prefix(4))
        try await Self.record(fed, "county1-town2", participants: 4, date: LocalFederation.today())
        try await Self.record(fed, "county1-town1", participants: 3, date: LocalFederation.today())
        try await waitUntil("the city counts both townships", seconds: 60) {
            Self.participants(try await Self.drill(fed, "city", period: year), "city") == 7
        }
        let r = try await Self.peer(fed, "county1", PeerRequest(action: .remove, nodeId: "county1-town2"))
        #expect(r.removed == ["county1-town2"])
        #expect(try Self.nodeJSON(fed, "county1").children.map(\.nodeId) == ["county1-town1"])
        #expect(try await fed.status("county1").links.contains { $0.peer == "county1-town2" } == false)
        try await waitUntil("the township's link to county1 is down (refused)", seconds: 30) {
            try await Self.link(fed, "county1-town2", "county1")?.state != "up"
        }
        try await waitUntil("the city no longer counts the removed township", seconds: 60) {
            let totals = try await Self.drill(fed, "city", period: year)
            return Self.participants(totals, "city") == 3 && totals["county1-town2"] == nil
        }
        // Retiring the other township (撤销) from the first of this month: still counted, no longer expected from then.
        let month = String(LocalFederation.today().prefix(7))
        let r2 = try await Self.peer(fed, "county1", PeerRequest(action: .retire, nodeId: "county1-town1", date: month + "-01"))
        #expect(r2.retired == ["county1-town1"])
        #expect(try Self.nodeJSON(fed, "county1").children.first?.retiredFrom?.description == month + "-01")
        let stats = { (period: String) async throws -> StatsResponse in
            try StatsResponse(serializedBytes: try await fed.call("county1", AdminService.stats.path, StatsRequest(period: period).serializedBytes()))
        }
        try await waitUntil("county1 expects no township this month and still counts the retired one's records", seconds: 30) {
            let m = try await stats(month)
            return m.expectedChildren == 0 && m.bodies.first?.totals["activity_participants"] == 3
        }
    }

    @Test func peerSetAddressRelinksAfterAPeerMovedPort() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        try await waitUntil("county1 dialled its township", seconds: 30) {
            try await Self.link(fed, "county1", "county1-town1")?.state == "up"
        }
        // The township's server moves to another port.
        fed.stop("county1-town1")
        var town = try Self.nodeJSON(fed, "county1-town1")
        let port = try LocalFederation.freePortRange(1)
        town.listen = "127.0.0.1:\(port)"
        try Self.write(fed, "county1-town1", town)
        try await fed.start("county1-town1")
        try await waitUntil("county1 cannot reach the township at its old port", seconds: 30) {
            try await Self.link(fed, "county1", "county1-town1")?.state != "up"
        }
        let r = try await Self.peer(fed, "county1", PeerRequest(action: .setAddress, nodeId: "county1-town1", address: "127.0.0.1:\(port)"))
        #expect(r.relinked == ["county1-town1"])
        #expect(try Self.nodeJSON(fed, "county1").children.first?.address == "127.0.0.1:\(port)")
        try await waitUntil("county1 linked the township again at its new port", seconds: 30) {
            let link = try await Self.link(fed, "county1", "county1-town1")
            return link?.state == "up" && link?.address == "127.0.0.1:\(port)"
        }
    }

    @Test func badPeerRequestsAreRefusedWithAClearErrorAndNodeJsonUnchanged() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let key = try Ed25519.PrivateKey().publicKey.text   // a well-formed key no body has
        let county2 = try Self.nodeJSON(fed, "city").children.first { $0.nodeId == "county2" }!
        let cases: [(String, String, PeerRequest, String)] = [
            ("county1", "unknown peer", PeerRequest(action: .remove, nodeId: "county9"), "is not a peer of county1"),
            ("county1", "unknown peer", PeerRequest(action: .setAddress, nodeId: "county9", address: "127.0.0.1:1"), "is not a peer of county1"),
            ("county1", "duplicate id", PeerRequest(action: .add, nodeId: "county1-town1", role: "child", publicKey: key), "is already child of county1"),
            ("county1", "duplicate parent", PeerRequest(action: .add, nodeId: "city2", role: "parent", publicKey: key), "already has a parent, city"),
            ("county1", "malformed address", PeerRequest(action: .add, nodeId: "county1-town9", role: "child", publicKey: key, address: "127.0.0.1"), "is not HOST:PORT"),
            ("county1", "malformed address", PeerRequest(action: .setAddress, nodeId: "county1-town1", address: "localhost:99999"), "is not HOST:PORT"),
            ("county1", "malformed key", PeerRequest(action: .add, nodeId: "county1-town9", role: "child", publicKey: "ed25519:xyz"), "is not ed25519:"),
            ("county1", "malformed id", PeerRequest(action: .add, nodeId: "County One", role: "child", publicKey: key), "is not a node id"),
            ("county1", "unknown role", PeerRequest(action: .add, nodeId: "county1-town9", role: "sibling", publicKey: key), "is not child, parent or an alliance"),
            ("county1", "no action", PeerRequest(nodeId: "county1-town1"), "no known action"),
            ("county1", "retire a non-child", PeerRequest(action: .retire, nodeId: "city", date: "2026-07-01"), "only a child body is retired"),
            ("county1", "date in the wrong format", PeerRequest(action: .retire, nodeId: "county1-town1", date: "2026/07/01"), "YYYY-MM-DD"),
            ("county1-town1", "move to a non-county", PeerRequest(action: .move, nodeId: "county2-town1", publicKey: key, tier: "township", date: LocalFederation.today()),
             "moves to a parent of the tier it leaves"),
            ("county1-town1", "move to a peer it has", PeerRequest(action: .move, nodeId: "county1", publicKey: key, date: LocalFederation.today()), "already parent"),
            ("county1-town1", "date in the wrong format", PeerRequest(action: .move, nodeId: "county2", publicKey: county2.publicKey.text, date: "1.7.2026"), "YYYY-MM-DD"),
            ("county1-town1", "date after today", PeerRequest(action: .move, nodeId: "county2", publicKey: county2.publicKey.text, date: "9999-12-31"), "is after today"),
            ("city", "move of a root", PeerRequest(action: .move, nodeId: "ally1", publicKey: key, date: LocalFederation.today()), "has no parent"),
        ]
        for (node, what, request, expected) in cases {
            let before = Self.fileBytes(fed, node)
            let links = try await fed.status(node).links.map(\.peer)
            let message = await Self.refusal(fed, node, request)
            #expect(message?.contains(expected) == true, "\(what) at \(node): expected a refusal saying '\(expected)', got \(message ?? "acceptance")")
            #expect(Self.fileBytes(fed, node) == before, "\(what) at \(node) changed node.json")
            #expect(try await fed.status(node).links.map(\.peer) == links, "\(what) at \(node) changed the links")
        }
        // The CLI says what was wrong and exits non-zero.
        let cli = try await ProcessRun.run(fed.executable, ["peer", "set-address", "county9", "127.0.0.1:7000", "--node", fed.dir("county1") + "/admin.sock"])
        #expect(cli.status != 0)
        #expect(cli.output.contains("county9 is not a peer of county1"), "\(cli.output)")
    }

    @Test func aTownshipMovedToAnotherCountyKeepsEveryRecordAndTheCityFiguresAreExactBeforeAndAfterTheDate() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let todayText = LocalFederation.today()
        let today = try Day(parsing: todayText, field: "today")
        // The move takes effect on the first day of this month; "before" is a day of the month before.
        let effective = try Day(parsing: String(todayText.prefix(8)) + "01", field: "effective")
        let before = effective.adding(days: -10)
        let monthBefore = Period.all(containing: before).first { $0.kind == .month }!.description
        let monthAfter = Period.all(containing: today).first { $0.kind == .month }!.description
        let year = String(today.year)
        let town = "county1-town1"
        // Records of the township before and after the date, entered before the move, and of both counties.
        try await Self.record(fed, town, participants: 5, date: before.description)
        try await Self.record(fed, town, participants: 7, date: todayText)
        try await Self.record(fed, "county1", participants: 100, date: todayText)
        try await Self.record(fed, "county2", participants: 1000, date: todayText)
        try await waitUntil("the city counts every record before the move", seconds: 60) {
            Self.participants(try await Self.drill(fed, "city", period: year), "city") == 1112
        }
        // The township moves (its old county receives the move record), the new county adds it, the old county
        // removes it once it holds the move, and the township unlinks the old county.
        let townConfig = try Self.nodeJSON(fed, town)
        let county2 = try Self.nodeJSON(fed, "city").children.first { $0.nodeId == "county2" }!
        let cli = try await ProcessRun.run(fed.executable, ["peer", "move", "county2", "--key", county2.publicKey.text, "--address", county2.address,
                                                            "--from", effective.description, "--tier", "county", "--node", fed.dir(town) + "/admin.sock", "--lang", "en"])
        #expect(cli.status == 0, "\(cli.output)")
        let moved = try Self.nodeJSON(fed, town)
        #expect(moved.parent?.nodeId == "county2" && moved.leavingParent?.nodeId == "county1")
        _ = try await Self.peer(fed, "county2", PeerRequest(action: .add, nodeId: town, role: "child", publicKey: try Self.nodeJSON(fed, "county1").children[0].publicKey.text,
                                                           address: townConfig.listen, name: "乡镇联络组 1-1", tier: "township"))
        try await waitUntil("the township linked its new county and the old one holds the move", seconds: 60) {
            let links = try await fed.status(town).links
            return links.contains { $0.peer == "county2" && $0.role == "parent" && $0.state == "up" }
                && links.contains { $0.peer == "county1" && $0.role == "leaving-parent" && $0.lag == 0 && $0.acked > 0 }
        }
        // Records dated before the move are closed at the township now; later ones count under county2.
        let refused = try await Self.record(fed, town, participants: 50, date: before.description)
        #expect(refused?.contains("membership.moved") == true, "\(refused ?? "accepted")")
        try await Self.record(fed, town, participants: 11, date: todayText)
        // An opinion report is forwarded to the new county now (the parent the running node has, not the one at start).
        let prov = XieshangDomain.OpinionEvent.Provenance(originBody: town, originReportID: "M1", author: "t1", authorKind: .member)
        func op(_ step: XieshangDomain.OpinionEvent.Step) -> DomainEvent { .opinion(XieshangDomain.OpinionEvent(prov, at: town, on: today, step)) }
        // (a member who joined before the date would change the old county's member counts: refused like other records)
        let joinedBefore = DomainEvent.member(XieshangDomain.MemberRecorded(memberID: "t0", name: "李某", sector: "经济界", body: town, term: 9, effective: before))
        let refusedMember = await #expect(throws: TransportError.self) { try await CrossBodyTests.submit(fed, town, joinedBefore) }
        #expect(refusedMember?.message.contains("membership.moved") == true)
        _ = try await CrossBodyTests.submit(fed, town, .member(XieshangDomain.MemberRecorded(memberID: "t1", name: "张某", sector: "经济界", body: town, term: 9, effective: today)))
        _ = try await CrossBodyTests.submit(fed, town, op(.submitted(title: "关于乡村道路的建议", text: "……")))
        _ = try await CrossBodyTests.submit(fed, town, op(.adopted(bulletinIssue: "联络组第1期")))
        _ = try await CrossBodyTests.submit(fed, town, op(.forwarded(toBody: "county2", toTier: "county", title: "乡村道路", text: "（报送稿）")))
        try await waitUntil("the new county received the forwarded report", seconds: 60) {
            try await CrossBodyTests.query(fed, "county2", "opinions").contains { $0["origin_body"] as? String == town && $0["origin_report_id"] as? String == "M1" }
        }
        _ = try await Self.peer(fed, "county1", PeerRequest(action: .remove, nodeId: town))
        _ = try await Self.peer(fed, town, PeerRequest(action: .remove, nodeId: "county1"))
        #expect(try Self.nodeJSON(fed, town).leavingParent == nil)

        // The city: before the date the township counts under county1, from it under county2; the totals are exact.
        let sameYear = before.year == today.year   // in January the day before lies in the year before
        try await waitUntil("the city's figures settle after the move", seconds: 90) {
            let y = try await Self.drill(fed, "city", period: year)
            let b = try await Self.drill(fed, "city", period: monthBefore)
            let a = try await Self.drill(fed, "city", period: monthAfter)
            return Self.participants(y, "city") == (sameYear ? 1123 : 1118) && Self.participants(y, "county1") == (sameYear ? 105 : 100)
                && Self.participants(y, "county2") == 1018
                && Self.participants(b, "county1") == 5 && Self.participants(b, "county2") == 0 && Self.participants(b, "city") == 5
                && Self.participants(a, "county1") == 100 && Self.participants(a, "county2") == 1018 && Self.participants(a, "city") == 1118
        }
        // Every record of the township is held at the city, once, without gaps, and at its new county.
        let atCity = try await fed.recordSeqs("city", origin: town)
        let atCounty2 = try await fed.recordSeqs("county2", origin: town)
        #expect(atCity.count == 3 && atCity == atCounty2, "city holds \(atCity.count), county2 \(atCounty2.count)")
        let status = try await fed.status("city")
        #expect(!status.alerts.contains { $0.code == "roster_conflict" || $0.code == "rollup_mismatch" || $0.code == "bad_citation" || $0.code == "own_mismatch" },
                "\(status.alerts.map { "\($0.code): \($0.message)" })")
    }
}
