import Dispatch
import FoundationEssentials
import Glibc
import XieshangAccounts
import XieshangCalendar
import XieshangWire

/// A node's configuration file (`node.json`), validated strictly: every error names the field and what is expected,
/// and unknown fields are errors, never silently ignored.
///
/// Paths that are not absolute are relative to the directory of the config file.
public struct NodeConfig: Sendable, Equatable {
    /// A neighbour: its id, where to reach it, and the key it is pinned to.
    public struct Peer: Sendable, Equatable {
        /// The peer's node id.
        public var nodeId: String
        /// `host:port` to dial (`[::1]:7000` for IPv6); empty when the peer dials us and cannot be dialled.
        public var address: String
        /// The peer's pinned Ed25519 public key.
        public var publicKey: Ed25519.PublicKey
        /// Display name (Chinese), for status and reports.
        public var name: String
        /// Tier, for reports.
        public var tier: String
        /// For a retired child 撤销 (`retired_from`): the first day it no longer exists. Its history stays counted; it is
        /// not expected to report for periods from that day.
        public var retiredFrom: Day?

        public init(nodeId: String, address: String, publicKey: Ed25519.PublicKey, name: String = "", tier: String = "", retiredFrom: Day? = nil) {
            self.nodeId = nodeId
            self.address = address
            self.publicKey = publicKey
            self.name = name
            self.tier = tier
            self.retiredFrom = retiredFrom
        }
    }

    /// An alliance this node belongs to, with every other member pinned.
    public struct Alliance: Sendable, Equatable {
        /// The alliance id, e.g. `wuling`.
        public var id: String
        /// Display name, e.g. 武陵山片区政协主席联席会.
        public var name: String
        /// The other members.
        public var members: [Peer]

        public init(id: String, name: String, members: [Peer]) {
            self.id = id
            self.name = name
            self.members = members
        }
    }

    /// This node's id, e.g. `cn.gz.tongren.wanshan`.
    public var nodeId: String
    /// Display name (Chinese), e.g. 万山区政协.
    public var name: String
    /// Tier: `city`, `county`, `township`, or a deeper tier such as `village`.
    public var tier: String
    /// Where the database and, by default, the key and admin socket live.
    public var dataDir: String
    /// `host:port` to listen on for peers.
    public var listen: String
    /// The admin Unix socket (mode 0600).
    public var adminSocket: String
    /// `host:port` of the HTTPS web interface (`web_listen`); empty (the default) serves no web.
    public var webListen: String = ""
    /// The web listener's PEM certificate chain (`web_cert`, default `web.crt` in the data directory): ECDSA P-256
    /// self-signed by `xieshang init --web-listen`, or issued by the intranet's CA.
    public var webCertificate: String = ""
    /// The web certificate's PEM private key (`web_key`, default `web.key` in the data directory; mode 0600).
    public var webKey: String = ""
    /// The private key file (mode 0600).
    public var keyFile: String
    /// Whether links to peers use TLS 1.3 with pinned keys (plain h2c otherwise, for loopback).
    public var tls: Bool
    /// Plain h2c on an address other than loopback, knowingly (`insecure_h2c: true`): without it a node whose `tls`
    /// is off refuses to start unless `listen` is a loopback address (DESIGN.md §7: TLS is the default).
    public var insecureH2c: Bool
    /// The parent body, if any (the city has none).
    public var parent: Peer?
    /// The parent this body is leaving after a move (`leaving_parent`, 区划调整): still linked and pushed the move
    /// record and the figures before the move; removed with `xieshang peer remove` once it has acknowledged them.
    public var leavingParent: Peer?
    /// The child bodies.
    public var children: [Peer]
    /// Alliances this node belongs to.
    public var alliances: [Alliance]
    /// Debounce of rollups after a change, milliseconds.
    public var rollupDebounceMs: Int
    /// Cap of the reconnect backoff, milliseconds.
    public var retryCapMs: Int
    /// `error`, `warning`, `info` or `debug`.
    public var logLevel: String
    /// Settings of the body's policy 规则设置 (the shape `xieshang policy show --json` prints, and `effective`: the day
    /// they apply from), nil when not given: at start, when they differ from the last ones applied from node.json, the
    /// node records them over its applied policy as the next signed version (``ConfiguredPolicy``).
    public var policy: JSONValue?
    /// A zone 片区 of this body's children (赤水市: 东部、西部、中部、城区三办): its name and the child ids in it.
    public struct Zone: Sendable, Equatable {
        /// The zone's name, e.g. 东片区.
        public var name: String
        /// Node ids of the children in the zone, as listed.
        public var members: [String]
        /// Makes a zone.
        public init(name: String, members: [String]) {
            self.name = name
            self.members = members
        }
    }

    /// The zones 片区 of this body's children (`"zones": {"东片区": ["id1", "id2"], …}`), in file order; every member is
    /// a child and no child is in two zones (checked at load). Rosters carry each child's zone up.
    public var zones: [Zone] = []

    /// Every peer with its role (parent, leaving-parent, child, alliance:<id>), in config order.
    public var peersWithRoles: [(peer: Peer, role: String)] {
        (parent.map { [($0, "parent")] } ?? []) + (leavingParent.map { [($0, "leaving-parent")] } ?? []) + children.map { ($0, "child") }
            + alliances.flatMap { a in a.members.map { ($0, "alliance:" + a.id) } }
    }

    /// The zone `child` is in, empty when none.
    public func zone(of child: String) -> String {
        zones.first { $0.members.contains(child) }?.name ?? ""
    }

    /// The body's plenary session dates 届次会议 ("sessions": ["2026-01-15", …]): its session periods (届次会议以来)
    /// run from each to the day before the next and are rolled up beside months, quarters, half-years and years.
    public var sessions: [Day] = []

    /// `records_up_to_tier`: the tier at which bodies' own records stop travelling up (federations deeper than a
    /// city's); nil: to every ancestor. Same at every body of the federation. Ancestors above it no longer recompute
    /// those bodies' own figures from records and rely on the signed report of the body of that tier, which did
    /// (the trust trade-off: FederationConfig.recordsUpToTier). With it, the parent and every child name their `tier`.
    public var recordsUpToTier: String?
    /// The web accounts' settings (`accounts`: scrypt parameters, concurrent password checks, audit retention).
    public var accounts = AccountsConfiguration()
    /// `metrics_token`: the bearer token a Prometheus scraper presents for `GET /metrics` on the web listener
    /// (`Authorization: Bearer <token>`); nil: only a signed-in IT or office session may read the metrics. At least
    /// 32 characters of letters, digits, `-`, `_`, `.`, `~`, `+`, `/` (RFC 6750's token characters, `=` excepted).
    public var metricsToken: String?

    /// The fields a config file may have.
    static let knownFields: Set<String> = [
        "node_id", "name", "tier", "data_dir", "listen", "admin_socket", "key_file", "tls", "insecure_h2c", "parent", "children",
        "alliances", "leaving_parent", "rollup_debounce_ms", "retry_cap_ms", "log_level", "policy", "sessions", "zones", "web_listen", "web_cert", "web_key", "records_up_to_tier",
        "metrics_token",
    ]

    /// Reads and validates the config at `path`.
    /// - Throws: ``NodeError`` `.config` naming the file, the field and what is expected.
    public static func load(from path: String) throws(NodeError) -> NodeConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NodeError(.config, "cannot read config file \(path); create one with `xieshang init`", path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NodeError(.config, "\(path) is not UTF-8 text", path: path)
        }
        let base = PathText.directory(of: path)
        return try parse(text, file: path, baseDirectory: base.isEmpty ? "." : base)
    }

    /// Parses config JSON text; `file` names it in errors and `baseDirectory` anchors relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws(NodeError) -> NodeConfig {
        let root: JSONValue
        do {
            root = try JSONValue.parse(text)
        } catch {
            throw NodeError(.config, "\(file): not valid JSON: \(error.message)\(error.offset.map { " (byte \($0))" } ?? "")", path: file)
        }
        let reader = FieldReader(file: file)
        let fields = try reader.object(root, at: "", allowed: knownFields.union([accountsField]))
        func resolve(_ p: String) -> String {
            PathText.standardized(PathText.appending(baseDirectory, p))
        }

        let nodeId = try reader.nodeId(fields["node_id"], at: "node_id")
        let dataDir = resolve(try reader.string(fields["data_dir"], at: "data_dir", default: "."))
        func inData(_ p: String) -> String {
            PathText.standardized(PathText.appending(dataDir, p))
        }
        var config = NodeConfig(
            nodeId: nodeId,
            name: try reader.string(fields["name"], at: "name", default: nodeId),
            tier: try reader.string(fields["tier"], at: "tier", default: "township"),
            dataDir: dataDir,
            listen: try reader.address(fields["listen"], at: "listen", required: true),
            adminSocket: inData(try reader.string(fields["admin_socket"], at: "admin_socket", default: "admin.sock")),
            keyFile: inData(try reader.string(fields["key_file"], at: "key_file", default: "node.key")),
            tls: try reader.bool(fields["tls"], at: "tls", default: false),
            insecureH2c: try reader.bool(fields["insecure_h2c"], at: "insecure_h2c", default: false),
            parent: try fields["parent"].map { v throws(NodeError) in try reader.peer(v, at: "parent") },
            children: try reader.array(fields["children"], at: "children") { v, at throws(NodeError) in try reader.peer(v, at: at) },
            alliances: try reader.array(fields["alliances"], at: "alliances") { v, at throws(NodeError) in try reader.alliance(v, at: at) },
            rollupDebounceMs: try reader.integer(fields["rollup_debounce_ms"], at: "rollup_debounce_ms", default: 250, range: 0...60_000),
            retryCapMs: try reader.integer(fields["retry_cap_ms"], at: "retry_cap_ms", default: 30_000, range: 100...3_600_000),
            logLevel: try reader.choice(fields["log_level"], at: "log_level", default: "info", among: ["error", "warning", "info", "debug"]))
        // Settings of the body's policy, recorded as its next signed policy version when they change (ConfiguredPolicy).
        if let policy = fields["policy"] {
            _ = try reader.object(policy, at: "policy", allowed: Set(PolicySettings.keys))
            config.policy = policy
        }
        config.sessions = try reader.array(fields["sessions"], at: "sessions") { v, at throws(NodeError) in try reader.day(v, at: at) }
        config.leavingParent = try fields["leaving_parent"].map { v throws(NodeError) in try reader.peer(v, at: "leaving_parent") }
        config.zones = try reader.zones(fields["zones"], at: "zones")
        config.webListen = try reader.address(fields["web_listen"], at: "web_listen", required: false)
        if !config.webListen.isEmpty {
            config.webCertificate = inData(try reader.string(fields["web_cert"], at: "web_cert", default: "web.crt"))
            config.webKey = inData(try reader.string(fields["web_key"], at: "web_key", default: "web.key"))
        } else if fields["web_cert"] != nil || fields["web_key"] != nil {
            throw NodeError(.config, "\(file): \"web_cert\"/\"web_key\" are set but \"web_listen\" is not; add \"web_listen\": \"HOST:PORT\" to serve the web interface, or remove them", path: file)
        }
        if let token = fields["metrics_token"] {
            let text = try reader.string(token, at: "metrics_token")
            guard !config.webListen.isEmpty else {
                throw NodeError(.config, "\(file): \"metrics_token\" is set but \"web_listen\" is not; /metrics is served on the web listener: add \"web_listen\": \"HOST:PORT\", or remove the token", path: file)
            }
            guard NodeConfig.isMetricsToken(text) else {
                // The token is a secret: the error says what is wrong with it, never the token.
                throw NodeError(.config, "\(file): field \"metrics_token\": expected 32 to 512 characters of letters, digits, '-', '_', '.', '~', '+' and '/' (e.g. the output of `openssl rand -hex 32`), found \(text.utf8.count) bytes\((32...512).contains(text.utf8.count) ? ", some of them not allowed" : "")", path: file)
            }
            config.metricsToken = text
        }
        if fields["records_up_to_tier"] != nil {
            let tier = try reader.string(fields["records_up_to_tier"], at: "records_up_to_tier")
            guard !tier.isEmpty else { throw reader.fail("records_up_to_tier", "a tier name such as \"county\"", .string(tier)) }
            config.recordsUpToTier = tier
            // Where records stop is decided by the tiers of the parent and the children (and, through the rosters,
            // of the bodies beyond): each must be named.
            for (i, p) in ((config.parent.map { [$0] } ?? []) + config.children).enumerated() where p.tier.isEmpty {
                let at = config.parent != nil && i == 0 ? "parent.tier" : "children[\(i - (config.parent == nil ? 0 : 1))].tier"
                throw NodeError(.config, "\(file): field \"\(at)\": records_up_to_tier needs the tier of \(p.nodeId) (county, township, …) to know where records stop", path: file)
            }
        }
        config.accounts = try reader.accounts(fields[accountsField], at: accountsField)
        try config.checkConsistency(file: file)
        return config
    }

    /// Whether `token` may be a `metrics_token`: 32 to 512 of RFC 6750's token characters (`=` padding excepted).
    static func isMetricsToken(_ token: String) -> Bool {
        let bytes = token.utf8
        return (32...512).contains(bytes.count) && bytes.allSatisfy { c in
            (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)
                || c == 0x2d || c == 0x5f || c == 0x2e || c == 0x7e || c == 0x2b || c == 0x2f
        }
    }

    /// Cross-field checks: no peer twice, not ourselves, every alliance id once; plain h2c only on loopback (or with
    /// `insecure_h2c`).
    func checkConsistency(file: String) throws(NodeError) {
        if !tls && !insecureH2c && !Self.isLoopback(listen) {
            throw NodeError(.config, "\(file): \"listen\" is \(listen), which is not a loopback address, and \"tls\" is off: "
                + "peers' records and keys would cross the network unencrypted. Set \"tls\": true (TLS 1.3 with the pinned "
                + "keys; every peer of this node must use TLS too), or \"insecure_h2c\": true to accept plain h2c on a "
                + "network you trust", path: file)
        }
        var seen: [String: String] = [:]
        func note(_ id: String, _ at: String) throws(NodeError) {
            if id == nodeId { throw NodeError(.config, "\(file): \(at) is this node itself (\(id))", path: file) }
            if let other = seen[id], !other.hasPrefix("alliances") || !at.hasPrefix("alliances") {
                throw NodeError(.config, "\(file): \(at) names \(id), which \(other) already names", path: file)
            }
            seen[id] = at
        }
        if let parent { try note(parent.nodeId, "parent") }
        if let leavingParent { try note(leavingParent.nodeId, "leaving_parent") }
        for (i, c) in children.enumerated() { try note(c.nodeId, "children[\(i)]") }
        var zoned: [String: String] = [:]
        let childIds = Set(children.map(\.nodeId))
        for zone in zones {
            for (j, member) in zone.members.enumerated() {
                let at = "zones.\(zone.name)[\(j)]"
                guard childIds.contains(member) else {
                    throw NodeError(.config, "\(file): field \"\(at)\": \(member) is not one of this body's children; list only ids "
                        + "from \"children\" in a zone", path: file)
                }
                if let other = zoned[member] {
                    throw NodeError(.config, "\(file): field \"\(at)\": \(member) is already in zone \(other); a township belongs to one "
                        + "zone 片区 only", path: file)
                }
                zoned[member] = zone.name
            }
        }
        var allianceIds: Set<String> = []
        for (i, a) in alliances.enumerated() {
            guard allianceIds.insert(a.id).inserted else {
                throw NodeError(.config, "\(file): alliances[\(i)].id \"\(a.id)\" appears twice", path: file)
            }
            for (j, m) in a.members.enumerated() {
                if m.nodeId == nodeId {
                    throw NodeError(.config, "\(file): alliances[\(i)].members[\(j)] is this node itself; list only the other members", path: file)
                }
            }
        }
    }

    /// Whether the host of `address` (`host:port`, `[v6]:port`) is a loopback address: `127.0.0.0/8`, `::1` or
    /// `localhost`. `0.0.0.0` and `::` listen on every interface and are not loopback.
    public static func isLoopback(_ address: String) -> Bool {
        guard let colon = address.lastIndex(of: ":") else { return false }
        var host = Substring(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    public init(nodeId: String, name: String, tier: String, dataDir: String, listen: String, adminSocket: String,
                keyFile: String, tls: Bool = false, insecureH2c: Bool = false, parent: Peer? = nil, children: [Peer] = [], alliances: [Alliance] = [],
                rollupDebounceMs: Int = 250, retryCapMs: Int = 30_000, logLevel: String = "info") {
        self.nodeId = nodeId
        self.name = name
        self.tier = tier
        self.dataDir = dataDir
        self.listen = listen
        self.adminSocket = adminSocket
        self.keyFile = keyFile
        self.tls = tls
        self.insecureH2c = insecureH2c
        self.parent = parent
        self.children = children
        self.alliances = alliances
        self.rollupDebounceMs = rollupDebounceMs
        self.retryCapMs = retryCapMs
        self.logLevel = logLevel
    }
}

/// Reads typed values out of parsed JSON, with errors that name the file and the field path.
extension NodeConfig {
    /// Whether `id` is a node id: 1–128 bytes of lowercase letters, digits, '.', '-' and '_' — what node.json allows
    /// and what a peer's Hello must name, so an id that passed can be logged and echoed as it is.
    static func isNodeId(_ id: String) -> Bool {
        let bytes = id.utf8
        return !bytes.isEmpty && bytes.count <= 128 && bytes.allSatisfy { c in
            (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == 0x2e || c == 0x2d || c == 0x5f
        }
    }
}

struct FieldReader {
    let file: String

    func fail(_ at: String, _ expected: String, _ found: JSONValue?) -> NodeError {
        let what: String
        switch found {
        case nil: what = "it is missing"
        case .null?: what = "found null"
        case .bool(let b)?: what = "found \(b)"
        case .number(let n)?: what = "found \(n)"
        case .string(let s)?: what = "found \"\(s)\""
        case .array?: what = "found an array"
        case .object?: what = "found an object"
        }
        return NodeError(.config, "\(file): field \"\(at)\": expected \(expected), \(what)", path: file)
    }

    func object(_ v: JSONValue, at: String, allowed: Set<String>?) throws(NodeError) -> [String: JSONValue] {
        guard case .object(let members) = v else { throw fail(at.isEmpty ? "(top level)" : at, "an object", v) }
        var out: [String: JSONValue] = [:]
        for (k, value) in members {
            let path = at.isEmpty ? k : "\(at).\(k)"
            if let allowed, !allowed.contains(k) {
                let names = allowed.sorted().joined(separator: ", ")
                throw NodeError(.config, "\(file): unknown field \"\(path)\"; the fields here are: \(names)", path: file)
            }
            out[k] = value
        }
        return out
    }

    func string(_ v: JSONValue?, at: String, default d: String? = nil) throws(NodeError) -> String {
        guard let v else {
            if let d { return d }
            throw fail(at, "a string", nil)
        }
        guard case .string(let s) = v, !s.isEmpty else { throw fail(at, "a non-empty string", v) }
        return s
    }

    func nodeId(_ v: JSONValue?, at: String) throws(NodeError) -> String {
        let s = try string(v, at: at)
        guard NodeConfig.isNodeId(s) else {
            throw fail(at, "a node id of lowercase letters, digits, '.', '-' and '_' (e.g. cn.gz.tongren.wanshan)", v)
        }
        return s
    }

    func bool(_ v: JSONValue?, at: String, default d: Bool) throws(NodeError) -> Bool {
        guard let v else { return d }
        guard case .bool(let b) = v else { throw fail(at, "true or false", v) }
        return b
    }

    func integer(_ v: JSONValue?, at: String, default d: Int, range: ClosedRange<Int>) throws(NodeError) -> Int {
        guard let v else { return d }
        guard case .number(let text) = v, let n = Int(text), range.contains(n) else {
            throw fail(at, "a whole number from \(range.lowerBound) to \(range.upperBound)", v)
        }
        return n
    }

    func choice(_ v: JSONValue?, at: String, default d: String, among: [String]) throws(NodeError) -> String {
        let s = try string(v, at: at, default: d)
        guard among.contains(s) else { throw fail(at, "one of " + among.joined(separator: ", "), v) }
        return s
    }

    /// `host:port`, `[v6]:port`; the port 1–65535 (or 0 only where `required` is false… never for listen).
    func address(_ v: JSONValue?, at: String, required: Bool) throws(NodeError) -> String {
        guard let v else {
            if required { throw fail(at, "an address host:port (e.g. 127.0.0.1:7100)", nil) }
            return ""
        }
        let s = try string(v, at: at)
        guard let colon = s.lastIndex(of: ":"), let port = Int(s[s.index(after: colon)...]), (0...65535).contains(port),
              colon != s.startIndex else {
            throw fail(at, "an address host:port (e.g. 127.0.0.1:7100 or [::1]:7100)", v)
        }
        return s
    }

    func key(_ v: JSONValue?, at: String) throws(NodeError) -> Ed25519.PublicKey {
        let s = try string(v, at: at)
        do {
            return try Ed25519.PublicKey(text: s)
        } catch {
            throw fail(at, "a public key ed25519:<base64 of 32 bytes> as `xieshang init` prints it", v)
        }
    }

    func peer(_ v: JSONValue, at: String) throws(NodeError) -> NodeConfig.Peer {
        let f = try object(v, at: at, allowed: ["node_id", "address", "public_key", "name", "tier", "retired_from"])
        return NodeConfig.Peer(nodeId: try nodeId(f["node_id"], at: at + ".node_id"),
                               address: try address(f["address"], at: at + ".address", required: false),
                               publicKey: try key(f["public_key"], at: at + ".public_key"),
                               name: try string(f["name"], at: at + ".name", default: ""),
                               tier: try string(f["tier"], at: at + ".tier", default: ""),
                               retiredFrom: try f["retired_from"].map { v throws(NodeError) in try day(v, at: at + ".retired_from") })
    }

    /// A date YYYY-MM-DD (China Standard Time), as `sessions` and `retired_from` give them.
    func day(_ v: JSONValue, at: String) throws(NodeError) -> Day {
        guard case .string(let text) = v else { throw fail(at, "a date YYYY-MM-DD", v) }
        do throws(CalendarError) { return try Day(parsing: text, field: at) } catch {
            throw NodeError(.config, "\(file): field \"\(at)\": \(error.messageEn)", path: file)
        }
    }

    func alliance(_ v: JSONValue, at: String) throws(NodeError) -> NodeConfig.Alliance {
        let f = try object(v, at: at, allowed: ["id", "name", "members"])
        return NodeConfig.Alliance(id: try nodeId(f["id"], at: at + ".id"),
                                   name: try string(f["name"], at: at + ".name", default: ""),
                                   members: try array(f["members"], at: at + ".members") { v, at throws(NodeError) in try peer(v, at: at) })
    }

    /// `"zones": {"东片区": ["id", …], …}`: each zone a non-empty name and a non-empty array of node ids.
    func zones(_ v: JSONValue?, at: String) throws(NodeError) -> [NodeConfig.Zone] {
        guard let v else { return [] }
        guard case .object(let members) = v else { throw fail(at, "an object of zone names to arrays of child node ids", v) }
        var out: [NodeConfig.Zone] = []
        for (name, value) in members {
            let path = "\(at).\(name)"
            guard !name.isEmpty, !name.contains(where: \.isNewline) else { throw fail(path, "a zone name such as 东片区", .string(name)) }
            let ids = try array(value, at: path) { v, at throws(NodeError) in try nodeId(v, at: at) }
            guard !ids.isEmpty else { throw fail(path, "at least one child node id", value) }
            out.append(NodeConfig.Zone(name: name, members: ids))
        }
        return out
    }

    func array<T>(_ v: JSONValue?, at: String, _ element: (JSONValue, String) throws(NodeError) -> T) throws(NodeError) -> [T] {
        guard let v else { return [] }
        guard case .array(let items) = v else { throw fail(at, "an array", v) }
        var out: [T] = []
        for (i, item) in items.enumerated() { out.append(try element(item, "\(at)[\(i)]")) }
        return out
    }
}
