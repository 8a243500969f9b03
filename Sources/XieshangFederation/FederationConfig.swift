import XieshangCalendar
import XieshangWire

/// A node's place in the federation (联邦): its id and key, its parent, children and alliances, each peer pinned by
/// node id and Ed25519 public key (like WireGuard peers).
public struct FederationConfig: Sendable {
    /// A neighbour pinned by id and key.
    public struct Peer: Sendable, Hashable {
        /// The peer's node id.
        public var id: String
        /// The key the peer must prove in the handshake and sign its events with.
        public var publicKey: Ed25519.PublicKey
        /// Whether this node has an address for the peer and dials it (so it can push its own events there).
        public var dials: Bool
        /// The body's display name (Chinese) and tier, as the config names them; a child's travel up in rosters so
        /// every ancestor can label the bodies of its subtree.
        public var name: String
        /// The body's tier: county, township, …
        public var tier: String
        /// The zone 片区 this node's config puts the child in (e.g. 东片区), empty when none; it travels up in rosters
        /// so every ancestor can group the child's siblings by zone.
        public var zone: String
        /// For a child that was retired (撤销): the first day it no longer exists. Its reports stay counted (its
        /// history), but it is not expected to report, or to approve, for periods that start on or after that day.
        public var retiredFrom: Day?
        /// Makes a pinned peer.
        public init(id: String, publicKey: Ed25519.PublicKey, dials: Bool = true, name: String = "", tier: String = "", zone: String = "",
                    retiredFrom: Day? = nil) {
            self.id = id
            self.publicKey = publicKey
            self.dials = dials
            self.name = name
            self.tier = tier
            self.zone = zone
            self.retiredFrom = retiredFrom
        }

        /// Whether the body is expected to report for `period`: not when it was retired on or before the period's start.
        public func isExpected(in period: Period) -> Bool {
            guard let retiredFrom else { return true }
            return period.start < retiredFrom
        }
    }

    /// An alliance (片区协作, e.g. 武陵山片区政协主席联席会): a set of member nodes that replicate its events.
    public struct Alliance: Sendable, Hashable {
        /// The alliance id, used in `alliance:<id>` scopes.
        public var id: String
        /// The members other than this node, each pinned.
        public var members: [Peer]
        /// Makes an alliance.
        public init(id: String, members: [Peer]) {
            self.id = id
            self.members = members
        }
    }

    /// This node's id.
    public var nodeId: String
    /// This node's identity key (the one its neighbours pin; it signs until the first rotation).
    public var privateKey: Ed25519.PrivateKey
    /// Keys this node rotated to (`xieshang key rotate`, the files beside its key file): after a restart it signs with
    /// the newest key its log announced, which one of these must hold.
    public var rotatedKeys: [Ed25519.PrivateKey] = []
    /// The parent (上级), if any.
    public var parent: Peer?
    /// The children (下级).
    public var children: [Peer]
    /// The alliances this node belongs to.
    public var alliances: [Alliance]
    /// The parent this node is leaving after a move (区划调整, ``FederationNode/move(to:effective:now:)``): still
    /// pinned and pushed the node's own up events through its latest Membership record, so it holds the record and the
    /// figures of the part before the move; the operator removes it once it has acknowledged them.
    public var leavingParent: Peer?
    /// True when the store was restored from a backup. Informational: every node with a parent already originates
    /// nothing until its parent has told it how far its own chain goes and it has pulled its missing events back
    /// (fencing), since a restored store cannot know it is old.
    public var restored: Bool
    /// Tunables.
    public var options: FederationOptions
    /// Signatures the runtime verified off the executor before handing batches in (nil: every check is inline).
    public var signatureCache: (any SignatureCache)?
    /// Makes the source of this body's own figures (``FiguresSource``), one per ``FederationNode`` opened with this
    /// config; nil: the body reports no own figures (it still sums its children's).
    public var figures: (@Sendable () -> any FiguresSource)?
    /// The body's plenary session dates 届次会议, whose session periods (届次会议以来) it rolls up beside the calendar ones.
    public var sessions = SessionCalendar(dates: [])
    /// This body's tier (county, township, …), as its config names it; "" when not named.
    public var tier: String = ""
    /// The tier at which a body's own records stop travelling up (`records_up_to_tier`, for federations deeper than a
    /// city's); nil: they travel up to every ancestor. Set it the same at every body of the federation.
    ///
    /// With it, a body's own records (``recordsRoute(_:)``) reach its ancestors up to and including the nearest one of
    /// this tier, and no further; a body of this tier keeps its own records; a body above it (no ancestor of this tier)
    /// sends them up as before. Its reports still travel up to every ancestor. An ancestor above that tier holds none
    /// of those records, so it does not recompute those bodies' own figures (``FederationNode/holdsRecords(of:)``).
    ///
    /// Trust trade-off: above the tier, a descendant's own figures are only as good as the signed report of the body
    /// of that tier which verified them against the records (and its own figures only as good as its signature):
    /// the city checks the arithmetic, the citations and the signatures of every report, but can no longer catch a
    /// county that accepts (or itself signs) figures its townships' records do not give, nor drill from a township's
    /// figure to its records. In exchange each record travels, and is stored, at fewer bodies.
    public var recordsUpToTier: String?
    /// The test hook (测试事件类型): which kinds the product schema reserves for tests (``FederationNode/reservedTestKinds``)
    /// this node makes and accepts. The production wiring (`xieshang-node`, `xieshang node`) leaves it empty, as it
    /// passes no fault injection; only test wiring sets it (the simulator, the federation's tests, `xieshang-node-test`,
    /// from the test-only module XieshangTestKinds). A reserved kind not enabled here is refused as a local command and
    /// from a peer (`test_kind`: nothing stored, alerted).
    public var testKinds: Set<EventKind> = []

    /// Makes a configuration.
    public init(nodeId: String, privateKey: Ed25519.PrivateKey, parent: Peer? = nil, children: [Peer] = [],
                alliances: [Alliance] = [], restored: Bool = false, options: FederationOptions = FederationOptions()) {
        self.nodeId = nodeId
        self.privateKey = privateKey
        self.parent = parent
        self.children = children
        self.alliances = alliances
        self.restored = restored
        self.options = options
    }

    /// Every pinned peer by id (parent, children, alliance members).
    public var pinnedPeers: [String: Peer] {
        var out: [String: Peer] = [:]
        if let parent { out[parent.id] = parent }
        if let leavingParent { out[leavingParent.id] = leavingParent }
        for c in children { out[c.id] = c }
        for a in alliances { for m in a.members where m.id != nodeId { out[m.id] = m } }
        return out
    }

    /// Checks that the configuration is consistent.
    /// - Throws: ``FederationError`` `.config` naming the problem.
    public func validate() throws(FederationError) {
        if nodeId.isEmpty { throw FederationError(.config, "node id is empty; give the node an id in its config") }
        var seen: [String: Ed25519.PublicKey] = [:]
        let all = (parent.map { [$0] } ?? []) + (leavingParent.map { [$0] } ?? []) + children + alliances.flatMap(\.members)
        for p in all {
            if p.id == nodeId { throw FederationError(.config, "node \(nodeId) lists itself as a peer; remove it", node: nodeId) }
            if let k = seen[p.id], k != p.publicKey {
                throw FederationError(.config, "peer \(p.id) is pinned with two different keys; keep one", node: p.id)
            }
            seen[p.id] = p.publicKey
        }
        if let leavingParent, leavingParent.id == parent?.id || children.contains(where: { $0.id == leavingParent.id }) {
            throw FederationError(.config, "peer \(leavingParent.id) is the parent \(nodeId) is leaving and also its parent or child", node: leavingParent.id)
        }
        if let parent, children.contains(where: { $0.id == parent.id }) {
            throw FederationError(.config, "peer \(parent.id) is both parent and child of \(nodeId)", node: parent.id)
        }
    }
}

/// Tunables of a federation node; the defaults suit a real deployment, the simulator shortens some.
public struct FederationOptions: Sendable, Hashable {
    /// Rollups are emitted at most this long after the change that made them stale.
    public var rollupDebounceMs: Int64 = 250
    /// First reconnect delay; doubled per failed attempt.
    public var backoffBaseMs: Int64 = 200
    /// Cap of the reconnect delay (a peer away for days is still retried at least this often).
    public var backoffCapMs: Int64 = 30_000
    /// Events per pushed batch.
    public var batchSize: Int = 128
    /// Unacknowledged batches per link; with ``batchSize`` this bounds a link's memory.
    public var window: Int = 4
    /// Without an Ack for this long, a link resends from its durable cursor.
    public var ackTimeoutMs: Int64 = 3_000
    /// Acknowledged outbound cursors ride on the next commit; without one they are written after at most this long.
    public var cursorSaveMs: Int64 = 1_000
    /// Out-of-order events held per node while a gap is pulled; beyond it they are dropped (the sender resends).
    public var holdLimit: Int = 512
    /// Most events answered per Pull.
    public var pullLimit: Int = 512
    /// A child's report for a period counts as on time when it was made before the period's end plus this.
    public var onTimeGraceMs: Int64 = 10 * 24 * 3_600_000
    /// Makes the default options.
    public init() {}
}
