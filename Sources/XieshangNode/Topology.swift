import Dispatch
import FoundationEssentials
import Glibc
import XieshangWire

/// A generated federation topology (拓扑) on loopback: a city, its counties and their townships, optionally alliance
/// peers of the city, each with a key file (mode 0600) and a node.json whose peers are pinned both ways.
public struct Topology: Sendable {
    /// One node of the topology.
    public struct Member: Sendable {
        /// Node id, e.g. `city`, `county1`, `county1-town2`.
        public var id: String
        /// The node's directory (holds node.json, node.key, node.db, admin.sock).
        public var directory: String
        /// Its config.
        public var config: NodeConfig
    }

    /// Every node, city first.
    public var members: [Member]

    /// The most nodes one generated topology holds (one loopback port and one key each).
    public static let maxNodes = 10_000

    /// Refuses counts a topology cannot have, naming the option, before anything is written.
    static func checkCounts(cities: Int, counties: Int, townshipsPerCounty: Int, alliancePeers: Int, basePort: Int,
                            rollupDebounceMs: Int) throws(NodeError) {
        for (name, value) in [("cities", cities), ("counties", counties), ("townships per county", townshipsPerCounty),
                              ("alliance peers", alliancePeers)] where !(0...maxNodes).contains(value) {
            throw NodeError(.config, "\(name) must be 0 to \(maxNodes), not \(value)")
        }
        // Every factor is at most maxNodes + 1, so these products cannot overflow; 0 cities or counties make one.
        let (c, k) = (max(1, cities), max(1, counties))
        let nodes = c * k * (1 + townshipsPerCounty) + c + alliancePeers
        guard nodes <= maxNodes else {
            throw NodeError(.config, "\(cities) × \(counties) × \(townshipsPerCounty) gives \(nodes) nodes; a topology holds at most \(maxNodes)")
        }
        guard (1...65_535).contains(basePort), basePort + nodes - 1 <= 65_535 else {
            throw NodeError(.config, "ports \(basePort)…\(basePort + nodes - 1) for \(nodes) nodes: they must lie within 1…65535")
        }
        guard (0...600_000).contains(rollupDebounceMs) else {
            throw NodeError(.config, "the roll-up debounce must be 0 to 600000 ms, not \(rollupDebounceMs)")
        }
    }

    /// Generates `cities` × `counties` × `townshipsPerCounty` (+ `alliancePeers` members of one alliance with the
    /// first city) under `directory`, peer ports from `basePort` up. `names` gives display names by node id (the
    /// generated ones, such as 县政协 1, stand for the others). Every link uses TLS 1.3 with pinned keys unless `tls`
    /// is false (plain h2c, which a node accepts only because these addresses are loopback). `zones` gives, by node id,
    /// the zones 片区 of that node's children (written to its node.json).
    /// - Throws: ``NodeError`` `.config` when a count is out of its range (negative, or more nodes than ``maxNodes``,
    /// or ports past 65535), or when a key or file cannot be written.
    public static func generate(cities: Int = 1, counties: Int, townshipsPerCounty: Int, alliancePeers: Int = 0,
                                basePort: Int, directory: String, rollupDebounceMs: Int = 250,
                                retryCapMs: Int = 2_000, names: [String: String] = [:], tls: Bool = true,
                                zones: [String: [NodeConfig.Zone]] = [:]) throws(NodeError) -> Topology {
        try checkCounts(cities: cities, counties: counties, townshipsPerCounty: townshipsPerCounty, alliancePeers: alliancePeers,
                        basePort: basePort, rollupDebounceMs: rollupDebounceMs)
        struct Draft {
            var id: String, name: String, tier: String, port: Int, key: Ed25519.PrivateKey
            var parent: String?, children: [String] = [], alliance: [String] = []
        }
        var drafts: [String: Draft] = [:]
        var order: [String] = []
        var port = basePort
        func add(_ id: String, _ name: String, _ tier: String, parent: String?) throws(NodeError) {
            guard let key = try? Ed25519.PrivateKey() else { throw NodeError(.keyFile, "cannot make a key for \(id): the random generator failed") }
            drafts[id] = Draft(id: id, name: names[id] ?? name, tier: tier, port: port, key: key, parent: parent)
            port += 1
            order.append(id)
            if let parent { drafts[parent]!.children.append(id) }
        }
        for c in 1...max(1, cities) {
            let city = cities == 1 ? "city" : "city\(c)"
            try add(city, "市政协 \(c)", "city", parent: nil)
            for k in 1...max(1, counties) {
                let county = cities == 1 ? "county\(k)" : "city\(c)-county\(k)"
                try add(county, "县政协 \(k)", "county", parent: city)
                for t in 0..<townshipsPerCounty {
                    try add("\(county)-town\(t + 1)", "乡镇联络组 \(k)-\(t + 1)", "township", parent: county)
                }
            }
        }
        if alliancePeers > 0 {
            let city = order[0]
            var members = [city]
            for a in 1...alliancePeers {
                try add("ally\(a)", "联席会成员 \(a)", "city", parent: nil)
                members.append("ally\(a)")
            }
            for m in members { drafts[m]!.alliance = members.filter { $0 != m } }
        }
        func peer(_ id: String) -> NodeConfig.Peer {
            let d = drafts[id]!
            return NodeConfig.Peer(nodeId: id, address: "127.0.0.1:\(d.port)", publicKey: d.key.publicKey, name: d.name, tier: d.tier)
        }
        var members: [Member] = []
        for id in order {
            let d = drafts[id]!
            let dir = PathText.appending(directory, id)
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                chmod(dir, 0o700)  // whatever the umask: the node's key, records and admin socket are private
            } catch {
                throw NodeError(.config, "cannot create \(dir): \(error)", path: dir)
            }
            let keyPath = PathText.appending(dir, "node.key")
            do { try KeyFile.save(d.key, to: keyPath, overwrite: true) } catch {
                throw NodeError(.keyFile, "cannot write \(keyPath): \(error)", path: keyPath)
            }
            var config = NodeConfig(
                nodeId: id, name: d.name, tier: d.tier, dataDir: dir, listen: "127.0.0.1:\(d.port)",
                adminSocket: PathText.appending(dir, "admin.sock"), keyFile: keyPath, tls: tls,
                parent: d.parent.map(peer), children: d.children.map(peer),
                alliances: d.alliance.isEmpty ? [] : [NodeConfig.Alliance(id: "wuling", name: "武陵山片区政协主席联席会", members: d.alliance.map(peer))],
                rollupDebounceMs: rollupDebounceMs, retryCapMs: retryCapMs)
            config.zones = zones[id] ?? []
            let path = PathText.appending(dir, "node.json")
            do { try DurableFile.write(Array(config.jsonText().utf8), to: path, mode: 0o600) } catch {
                throw NodeError(.config, error.message, path: path)
            }
            members.append(Member(id: id, directory: dir, config: config))
        }
        return Topology(members: members)
    }
}
