import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

/// Zones 片区 (issue #15 item 7): a county's node.json puts its townships in zones, validated strictly at load; the
/// roster carries each township's zone up so the city's drill-down groups any county's townships by zone with
/// subtotals; coverage by tier counts the bodies reporting of those in the roster.
@Suite("zones")
struct ZoneTests {
    let keys = (0..<3).map { _ in try! Ed25519.PrivateKey().publicKey }

    func config(_ zones: String) -> String {
        """
        {
          "node_id": "chishui", "name": "赤水市政协", "tier": "county", "listen": "127.0.0.1:7101",
          "children": [
            {"node_id": "chishui.datong", "public_key": "\(keys[0].text)", "name": "大同镇", "tier": "township"},
            {"node_id": "chishui.wanglong", "public_key": "\(keys[1].text)", "name": "旺隆镇", "tier": "township"},
            {"node_id": "chishui.shiyuan", "public_key": "\(keys[2].text)", "name": "市中街道", "tier": "township"}
          ],
          "zones": \(zones)
        }
        """
    }

    /// A county's zones are read in file order, each township's zone is found by its id, and `jsonText()` writes them
    /// back so the config round-trips.
    @Test func zonesAreReadAndWrittenBack() throws {
        let c = try NodeConfig.parse(config(#"{"东部片区": ["chishui.datong", "chishui.wanglong"], "城区片区": ["chishui.shiyuan"]}"#),
                                     file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.zones.map(\.name) == ["东部片区", "城区片区"])
        #expect(c.zone(of: "chishui.wanglong") == "东部片区" && c.zone(of: "chishui.shiyuan") == "城区片区" && c.zone(of: "x") == "")
        let back = try NodeConfig.parse(c.jsonText(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(Set(back.zones.map(\.name)) == ["东部片区", "城区片区"])
        #expect(back.zone(of: "chishui.datong") == "东部片区")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String
        let zones: String
        let mentions: [String]
        var testDescription: String { name }
    }

    /// Each bad zones setting is refused at load with an error naming the field (zones.<name>[i]) and the problem.
    static let bad: [Bad] = [
        Bad(name: "unknown child", zones: #"{"东部片区": ["chishui.datong", "chishui.nowhere"]}"#,
            mentions: ["zones.东部片区[1]", "chishui.nowhere", "not one of this body's children"]),
        Bad(name: "a township in two zones", zones: #"{"东部片区": ["chishui.datong"], "西部片区": ["chishui.wanglong", "chishui.datong"]}"#,
            mentions: ["zones.西部片区[1]", "chishui.datong", "already in zone 东部片区"]),
        Bad(name: "not an object", zones: #"["东部片区"]"#, mentions: ["\"zones\"", "an object of zone names"]),
        Bad(name: "members not an array", zones: #"{"东部片区": "chishui.datong"}"#, mentions: ["zones.东部片区", "an array"]),
        Bad(name: "an empty zone", zones: #"{"东部片区": []}"#, mentions: ["zones.东部片区", "at least one child node id"]),
        Bad(name: "a member not a node id", zones: #"{"东部片区": ["Chishui Datong"]}"#, mentions: ["zones.东部片区[0]", "node id"]),
        Bad(name: "an empty zone name", zones: #"{"": ["chishui.datong"]}"#, mentions: ["zones.", "a zone name"]),
        Bad(name: "a zone named twice", zones: #"{"东部片区": ["chishui.datong"], "东部片区": ["chishui.wanglong"]}"#,
            mentions: ["东部片区", "appears twice"]),  // the JSON reader refuses a member named twice
    ]

    @Test(arguments: bad)
    func badZonesNameTheField(_ b: Bad) {
        let error = #expect(throws: NodeError.self) { try NodeConfig.parse(config(b.zones), file: "node.json", baseDirectory: "/srv/xs") }
        for m in b.mentions { #expect(error?.message.contains(m) == true, "\(b.name): \(String(describing: error?.message)) lacks \(m)") }
    }

    /// Real node processes: a city, county1 with zones (东片区: town1, town2; 西片区: town3) and county2 without. Townships
    /// record activities; the city's `stats --drill --json` names each township's zone, county1's zones with subtotals
    /// equal to the sum of their townships' figures (and their rates as numerator, denominator, percent), coverage
    /// 县区 2/2 and 乡镇 5/5; the text drill-down prints the subtotal rows and the coverage line.
    @Test func theCityGroupsACountysTownshipsByZoneWithSubtotals() async throws {
        let zones = ["county1": [NodeConfig.Zone(name: "东片区", members: ["county1-town1", "county1-town2"]),
                                 NodeConfig.Zone(name: "西片区", members: ["county1-town3"])]]
        let fed = try LocalFederation(ports: 1 + 2 + 6) { base, dir in
            var t = try Topology.generate(counties: 2, townshipsPerCounty: 3, basePort: base, directory: dir, rollupDebounceMs: 100,
                                          retryCapMs: 1_000, tls: false, zones: zones)
            // county2 has two townships only: coverage counts the roster, not a fixed shape.
            t.members.removeAll { $0.id == "county2-town3" }
            return t
        }
        defer { fed.stopAll() }
        // county2's node.json still names town3 as a child: rewrite it without.
        var c2 = fed.member("county2").config
        c2.children.removeAll { $0.nodeId == "county2-town3" }
        try c2.jsonText().write(toFile: fed.dir("county2") + "/node.json", atomically: true, encoding: .utf8)
        try await fed.startAll()
        func cli(_ body: String, _ words: [String]) async throws -> String {
            let r = try await ProcessRun.run(fed.executable, words + ["--node", fed.member(body).config.adminSocket], environment: ["XIESHANG_NODE": nil])
            if r.status != 0 { throw LocalFederation.Failure(description: "`xieshang \(words.joined(separator: " "))` at \(body): \(r.output)") }
            return r.output
        }
        var people: [String: Int64] = [:]
        for (i, town) in fed.townships.enumerated() {
            for k in 0...(i % 3) {
                let n = Int64(5 + i * 4 + k)
                _ = try await cli(town, ["activity", "add", "--id", "HD-\(k)", "--kind", "research", "--topic", "调研\(k)", "--participants", String(n),
                                         "--date", "2026-0\(k + 3)-1\(i)"])
                people[town, default: 0] += n
            }
            _ = try await cli(town, ["suggestion", "add", "--id", "JY-1", "--text", "建议\(i)", "--date", "2026-05-02"])
            if i % 2 == 0 { _ = try await cli(town, ["suggestion", "adopt", "JY-1", "--by", "乡党委", "--date", "2026-05-20"]) }
        }
        let total = people.values.reduce(0, +)
        var json: [String: Any] = [:]
        try await waitUntil("the city's drill-down carries every township's figures and the zones", seconds: 60) {
            let out = try await cli("city", ["stats", "--period", "2026", "--drill", "--json"])
            guard let o = try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
                  let bodies = o["bodies"] as? [[String: Any]], let root = bodies.first,
                  let totals = root["totals"] as? [String: Any] else { return false }
            json = o
            return (totals["activity_participants"] as? NSNumber)?.int64Value == total && bodies.count == 8
                && bodies.contains { ($0["zone"] as? String) == "西片区" }
        }
        let bodies = try #require(json["bodies"] as? [[String: Any]])
        func body(_ id: String) -> [String: Any] { bodies.first { $0["body"] as? String == id } ?? [:] }
        func count(_ m: Any?, _ key: String) -> Int64 { ((m as? [String: Any])?[key] as? NSNumber)?.int64Value ?? -1 }
        #expect(body("county1-town1")["zone"] as? String == "东片区" && body("county1-town3")["zone"] as? String == "西片区")
        #expect(body("county2-town1")["zone"] as? String == "")
        let zonesJSON = try #require(body("county1")["zones"] as? [[String: Any]])
        #expect(zonesJSON.map { $0["zone"] as? String ?? "" } == ["东片区", "西片区"])
        for z in zonesJSON {
            let members = z["bodies"] as? [String] ?? []
            #expect(!members.isEmpty)
            for key in ["activity_participants", "research_visits", "suggestions_made", "suggestions_adopted"] {
                let sum = members.map { count(body($0)["totals"], key) }.reduce(0, +)
                #expect(count(z["totals"], key) == sum, "\(z["zone"] ?? "") \(key): subtotal \(count(z["totals"], key)), townships \(sum)")
            }
            let adoption = try #require((z["rates"] as? [String: Any])?["suggestion_adoption_rate"] as? [String: Any])
            #expect(count(adoption, "numerator") == count(z["totals"], "suggestions_adopted")
                    && count(adoption, "denominator") == count(z["totals"], "suggestions_made"), "\(adoption)")
            #expect(adoption["percent"] is NSNumber)
        }
        #expect(count(zonesJSON[0]["totals"], "activity_participants") == people["county1-town1"]! + people["county1-town2"]!)
        #expect((body("county2")["zones"] as? [Any])?.isEmpty == true, "a county without zones lists none")
        // Every stats.proto counter is named in --json, zero or not.
        #expect(count(body("county2")["totals"], "proposals_registered") == 0)
        let coverage = try #require(json["coverage"] as? [[String: Any]])
        #expect(coverage.map { "\($0["tier"] ?? "") \(count($0, "reporting"))/\(count($0, "expected"))" } == ["county 2/2", "township 5/5"])

        let text = try await cli("city", ["stats", "--period", "2026", "--drill"])
        #expect(text.contains("报送情况：县区 2/2 报送，乡镇 5/5 报送"), "\(text)")
        let east = try #require(text.split(separator: "\n").first { $0.contains("〔东片区〕小计") }, "\(text)")
        let cells = east.split(separator: " ").map(String.init)
        // Columns: name, 协商, 调研, …, 人次 (7th figure).
        #expect(cells.count > 7 && cells[7] == String(people["county1-town1"]! + people["county1-town2"]!), "\(east)")
        #expect(text.contains("〔西片区〕小计"))

        // The county's own drill-down groups its townships by the zones of its own config, with the same subtotals.
        let countyOut = try await cli("county1", ["stats", "--period", "2026", "--drill", "--json"])
        let county = try #require(try JSONSerialization.jsonObject(with: Data(countyOut.utf8)) as? [String: Any])
        let countyZones = try #require(((county["bodies"] as? [[String: Any]])?.first?["zones"]) as? [[String: Any]])
        #expect(countyZones.map { $0["zone"] as? String ?? "" } == ["东片区", "西片区"])
        #expect(countyZones.map { count($0["totals"], "activity_participants") } == zonesJSON.map { count($0["totals"], "activity_participants") })
        let countyCoverage = (county["coverage"] as? [[String: Any]] ?? []).map { "\($0["tier"] ?? "") \(count($0, "reporting"))/\(count($0, "expected"))" }
        #expect(countyCoverage == ["township 3/3"], "\(countyCoverage)")
    }

    /// Coverage counts the roster per tier and the bodies whose report arrived, each body once.
    @Test func coverageCountsTheRosterPerTier() {
        let roster = [RosterEntry(nodeId: "c1", tier: "county"), RosterEntry(nodeId: "t1", tier: "township"),
                      RosterEntry(nodeId: "t2", tier: "township"), RosterEntry(nodeId: "c2", tier: "county"),
                      RosterEntry(nodeId: "t1", tier: "township")]
        let c = AdminHandlers.coverage(roster, reporting: ["c1", "c2", "t2", "stranger"])
        #expect(c.map { "\($0.tier) \($0.reporting)/\($0.expected)" } == ["county 2/2", "township 1/2"])
    }
}
