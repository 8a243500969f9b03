import Dispatch
import FoundationEssentials
import Glibc
import XieshangAccounts
import XieshangWire

extension NodeConfig {
    /// The config as node.json text that ``NodeConfig/parse(_:file:baseDirectory:)`` reads back (paths as given).
    public func jsonText() -> String {
        var o = peersJSON()
        o.merge([
            "node_id": nodeId, "name": name, "tier": tier, "data_dir": dataDir, "listen": listen,
            "admin_socket": adminSocket, "key_file": keyFile, "rollup_debounce_ms": rollupDebounceMs,
            "retry_cap_ms": retryCapMs, "log_level": logLevel,
        ] as [String: Any]) { a, _ in a }
        if tls { o["tls"] = true }
        if !webListen.isEmpty {
            o["web_listen"] = webListen
            o["web_cert"] = webCertificate
            o["web_key"] = webKey
            if let metricsToken { o["metrics_token"] = metricsToken }
        }
        if insecureH2c { o["insecure_h2c"] = true }
        if !sessions.isEmpty { o["sessions"] = sessions.map(\.description) }
        if let recordsUpToTier { o["records_up_to_tier"] = recordsUpToTier }
        if accounts != AccountsConfiguration() { o[NodeConfig.accountsField] = accounts.jsonObject() }
        if let policy { o["policy"] = JSONText.tree(policy) }
        return (JSONText.pretty(o) ?? "{}") + "\n"
    }

    /// The fields of node.json that name peers (`parent`, `children`, `alliances`, `zones`), as a membership change
    /// writes them; absent when empty.
    func peersJSON() -> [String: Any] {
        func peer(_ p: Peer) -> [String: Any] {
            var o: [String: Any] = ["node_id": p.nodeId, "public_key": p.publicKey.text]
            if !p.address.isEmpty { o["address"] = p.address }
            if !p.name.isEmpty { o["name"] = p.name }
            if !p.tier.isEmpty { o["tier"] = p.tier }
            if let retired = p.retiredFrom { o["retired_from"] = retired.description }
            return o
        }
        var o: [String: Any] = [:]
        if !zones.isEmpty { o["zones"] = Dictionary(zones.map { ($0.name, $0.members) }, uniquingKeysWith: { a, _ in a }) }
        if let parent { o["parent"] = peer(parent) }
        if let leavingParent { o["leaving_parent"] = peer(leavingParent) }
        if !children.isEmpty { o["children"] = children.map(peer) }
        if !alliances.isEmpty {
            o["alliances"] = alliances.map { ["id": $0.id, "name": $0.name, "members": $0.members.map(peer)] as [String: Any] }
        }
        return o
    }

    /// The names of the fields ``peersJSON()`` writes.
    static let peerFields = ["zones", "parent", "leaving_parent", "children", "alliances"]
}
