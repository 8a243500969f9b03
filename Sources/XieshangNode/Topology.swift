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

    /// Generates `cities` × `counties` × `townshipsPerCounty` (+ `alliancePeers` members of one alliance with the
    /// first city) under `directory`, peer ports from `basePort` up. `names` gives display names by node id (the
    /// generated ones, such as 县政协 1, stand for the others). Every link uses TLS 1.3 with pinned keys unless `tls`
    /// is false (plain h2c, which a node accepts only because these addresses are loopback). `zones` gives, by node id,
    /// the zones 片区 of that node's children (written to its node.json).
    /// - Throws: ``NodeError`` when a key or file cannot be written.
    public static func generate(cities: Int = 1, counties: Int, townshipsPerCounty: Int, alliancePeers: Int = 0,
                                basePort: Int, directory: String, rollupDebounceMs: Int = 250,
                                retryCapMs: Int = 2_000, names: [String: String] = [:], tls: Bool = true,
                                zones: [String: [NodeConfig.Zone]] = [:]) throws(NodeError) -> Topology {
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
