import Foundation
import Testing
import XieshangAccounts
import XieshangFederation
import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWire

/// Upgrades (issue 20, item 6): a county's database written by an earlier release, kept in the repository
/// (`Fixtures/upgrade/`, see its README), is opened by the current code — the store's and the accounts' migrations,
/// the projections' catch-up — and every event, figure, approval and account it held is still there.
///
/// The fixture is made by ``writeFixture()`` with real node processes (a city, a county, a township: records,
/// opinion reports, a suggestion, rollup reports, approvals bottom-up, a web account), run only when asked:
/// `XIESHANG_WRITE_UPGRADE_FIXTURE=1 swift test --filter UpgradeFixtureTests/writeFixture`. Regenerate it only when
/// a release ships (the point is to keep databases of older releases); commit it with the release's name in its README.
@Suite(.serialized)
struct UpgradeFixtureTests {
    static let fixture = OpsFederationScriptTests.root + "/Tests/XieshangNodeTests/Fixtures/upgrade"
    /// The periods whose figures the fixture records.
    static let periods = ["2026-11", "2026"]

    /// What the fixture must still show, as JSON: origins (count, first and last seq), figures per period, users.
    struct Expected: Codable, Equatable {
        struct Origin: Codable, Equatable { var origin: String; var count: Int64; var first: Int64; var last: Int64 }
        struct Body: Codable, Equatable {
            var body: String; var own: [String: Int64]; var totals: [String: Int64]; var approval: String
        }
        struct User: Codable, Equatable { var username: String; var role: String }
        var origins: [Origin]
        var figures: [String: [Body]]
        var users: [User]
    }

    /// Reads the expected state from a node's admin socket.
    static func observe(socket: String) async throws -> Expected {
        var configuration = ClientConfiguration()
        configuration.defaultTimeoutSeconds = 10
        let client = try Client(target: .unix(path: socket), configuration: configuration)
        defer { client.close() }
        let originRows = try QueryResponse(serializedBytes: try await client.unary(AdminService.query.path, QueryRequest(recordType: "origins").serializedBytes()))
        let origins = try originRows.rowsJson.map { row -> Expected.Origin in
            let o = try #require(try JSONSerialization.jsonObject(with: Data(row.utf8)) as? [String: Any])
            func n(_ k: String) -> Int64 { (o[k] as? NSNumber)?.int64Value ?? -1 }
            return Expected.Origin(origin: o["origin"] as? String ?? "", count: n("count"), first: n("min_seq"), last: n("max_seq"))
        }
        var figures: [String: [Expected.Body]] = [:]
        for period in periods {
            let r = try StatsResponse(serializedBytes: try await client.unary(AdminService.stats.path, StatsRequest(period: period, drill: true).serializedBytes()))
            figures[period] = r.bodies.map { Expected.Body(body: $0.body, own: $0.own, totals: $0.totals, approval: $0.approval) }.sorted { $0.body < $1.body }
        }
        let users = try ListUsersResponse(serializedBytes: try await client.unary(AccountsService.listUsers.path, ListUsersRequest().serializedBytes()))
        return Expected(origins: origins, figures: figures, users: users.users.map { Expected.User(username: $0.username, role: $0.role) }.sorted { $0.username < $1.username })
    }

    /// A copy of the fixture in a fresh folder, with the key made private again (git keeps no 0600).
    static func copyOfFixture() throws -> String {
        let dir = NSTemporaryDirectory() + "xs-upgrade-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        for f in ["node.db", "node.key", "node.json"] { try FileManager.default.copyItem(atPath: fixture + "/" + f, toPath: dir + "/" + f) }
        chmod(dir + "/node.key", 0o600)
        chmod(dir + "/node.db", 0o600)
        return dir
    }

    @Test("a database of an earlier release opens with the current code: every event, figure, approval and account is there")
    func earlierReleaseOpens() async throws {
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: Self.fixture + "/expected.json")))
        // What the fixture holds (README there): the county's and the township's chains and their down chains, both
        // bodies' figures with November approved, one account.
        #expect(Set(expected.origins.map(\.origin)).isSuperset(of: ["county1", "county1-town1"]) && expected.origins.map(\.count).reduce(0, +) >= 70)
        #expect(expected.figures["2026-11"]?.map(\.approval) == ["approved", "approved"] && expected.users.count == 1)
        let dir = try Self.copyOfFixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try Database(path: dir + "/node.db", readOnly: true, create: false)
        let oldVersion = try Migrator.version(of: before)
        #expect(oldVersion >= 1 && oldVersion <= Store.schemaVersion)
        let node = try Node(config: try NodeConfig.load(from: dir + "/node.json"))
        let seen: Expected
        do {
            seen = try await Self.observe(socket: dir + "/admin.sock")
        } catch {
            await node.shutdown()
            throw error
        }
        await node.shutdown()
        #expect(seen.origins == expected.origins)
        // Figures compare with absent = 0 (FigureMap): counters added since the fixture's release read 0 on its records.
        for period in Self.periods {
            let (now, then) = (seen.figures[period] ?? [], expected.figures[period] ?? [])
            #expect(now.map(\.body) == then.map(\.body) && now.map(\.approval) == then.map(\.approval), "bodies of \(period)")
            for (a, b) in zip(now, then) {
                #expect(FigureMap.firstDifference(a.own, b.own) == nil && FigureMap.firstDifference(a.totals, b.totals) == nil,
                        "figures of \(a.body) for \(period): own differ at \(FigureMap.firstDifference(a.own, b.own) ?? "-"), totals at \(FigureMap.firstDifference(a.totals, b.totals) ?? "-")")
            }
        }
        #expect(seen.users == expected.users)
        let after = try Database(path: dir + "/node.db", readOnly: true, create: false)
        #expect(try Migrator.version(of: after) == Store.schemaVersion)
    }

    @Test("a damaged copy of the fixture stops the node with an error naming the file")
    func damagedFixtureNamesTheFile() async throws {
        let dir = try Self.copyOfFixture()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/node.db"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for i in stride(from: 4096 * 2 + 64, to: min(bytes.count, 4096 * 6), by: 5) { bytes[i] ^= 0x5a }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let error = #expect(throws: NodeError.self) { try Node(config: try NodeConfig.load(from: dir + "/node.json")) }
        #expect(error?.message.contains(path) == true && error?.message.contains("restore") == true, "\(String(describing: error))")
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: path))
        let cut = #expect(throws: NodeError.self) { try Node(config: try NodeConfig.load(from: dir + "/node.json")) }
        #expect(cut?.message.contains(path) == true && cut?.message.contains("cut short") == true, "\(String(describing: cut))")
    }

    /// Makes the fixture (see the type's comment); skipped unless XIESHANG_WRITE_UPGRADE_FIXTURE=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["XIESHANG_WRITE_UPGRADE_FIXTURE"] == "1"))
    func writeFixture() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        let town = "county1-town1", county = "county1"
        try await waitUntil("the links are up", seconds: 30) {
            let townUp = try await fed.status(town).links.first?.state == "up"
            let countyLinks = try await fed.status(county).links
            return townUp && countyLinks.allSatisfy { $0.state == "up" }
        }
        func ok(_ body: String, _ words: [String]) async throws {
            let r = try await ProcessRun.run(fed.executable, words + ["--node", fed.dir(body) + "/admin.sock"], environment: ["XIESHANG_NODE": nil])
            if r.status != 0 { throw LocalFederation.Failure(description: "`xieshang \(words.joined(separator: " "))` at \(body): \(r.output)") }
        }
        for (body, prefix, count) in [(town, "T", 8), (county, "C", 6)] {
            for i in 1...count {
                try await ok(body, ["activity", "add", "--id", "\(prefix)HD-\(i)", "--kind", i % 2 == 0 ? "inspection" : "research",
                                    "--topic", "调研\(i)", "--participants", "\(i + 3)", "--date", "2026-11-\(10 + i)"])
            }
        }
        try await ok(town, ["opinion", "submit", "--id", "XX-1", "--title", "饮水安全", "--text", "供水管网老化。", "--author", town,
                            "--author-kind", "group", "--date", "2026-11-02"])
        try await ok(town, ["opinion", "adopt", "XX-1", "--issue", "第11期", "--date", "2026-11-05", "--author-kind", "group"])
        try await ok(county, ["suggestion", "add", "--id", "JY-1", "--text", "建议增设村级垃圾转运点", "--addressee", "县政府", "--date", "2026-11-20"])
        try await ok(town, ["approve", "--period", "2026-11"])
        try await waitUntil("the county holds the township's approval", seconds: 30) {
            let r = try StatsResponse(serializedBytes: try await fed.call(county, AdminService.stats.path, StatsRequest(period: "2026-11", drill: true).serializedBytes()))
            return r.bodies.first { $0.body == town }?.approval == "approved"
        }
        try await ok(county, ["approve", "--period", "2026-11"])
        let add = try await ProcessRun.run(fed.executable, ["user", "add", "county.clerk", "--name", "李文书", "--role", "clerk",
                                                            "--node", fed.dir(county) + "/admin.sock"])
        #expect(add.status == 0, "\(add.output)")
        // Settled: the county's figures no longer change (rollups debounce 100 ms).
        var last = try await Self.observe(socket: fed.dir(county) + "/admin.sock")
        try await waitUntil("the county's state settles", seconds: 30) {
            try await Task.sleep(nanoseconds: 500_000_000)
            let now = try await Self.observe(socket: fed.dir(county) + "/admin.sock")
            defer { last = now }
            return now == last && now.figures["2026-11"]?.first { $0.body == town }?.totals.isEmpty == false
        }
        #expect(fed.stop(county) == 0)
        try FileManager.default.createDirectory(atPath: Self.fixture, withIntermediateDirectories: true)
        for f in ["node.db", "node.db.manifest"] { try? FileManager.default.removeItem(atPath: Self.fixture + "/" + f) }
        // One self-contained file (no -wal), exactly the pages the release wrote.
        _ = try DatabaseBackup.copy(from: fed.dir(county) + "/node.db", to: Self.fixture + "/node.db", origin: county) { _ in }
        try? FileManager.default.removeItem(atPath: Self.fixture + "/node.key")
        try FileManager.default.copyItem(atPath: fed.dir(county) + "/node.key", toPath: Self.fixture + "/node.key")
        var config = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fed.dir(county) + "/node.json"))) as? [String: Any])
        config["data_dir"] = "."
        config["key_file"] = "node.key"
        config["admin_socket"] = "admin.sock"
        config["listen"] = "127.0.0.1:0"
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: Self.fixture + "/node.json"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(last).write(to: URL(fileURLWithPath: Self.fixture + "/expected.json"))
    }
}
