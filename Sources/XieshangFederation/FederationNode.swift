@_exported import XieshangCalendar
import XieshangStore
import XieshangWire

/// One body's federation node (联邦节点), sans I/O: inputs in, outputs out, every write through the ``Store``.
///
/// The node never opens a socket, starts a thread or reads a clock: the runtime (or the simulator) passes each
/// ``FederationInput`` with the current time to ``handle(_:now:)`` and carries out the returned
/// ``FederationOutput``s. Randomness (handshake challenges, backoff jitter) comes from a ``DeterministicRandom``
/// seeded by the caller. Same store contents, seed and inputs → same outputs.
///
/// ## Link model and its mapping onto gRPC
/// Between two neighbours there are two connections, one dialed by each side. A node dials every peer it has an
/// address for (``FederationConfig/Peer/dials``) and on that connection — where it is the gRPC *client* — it
/// calls `Hello` then `Prove` (unary), then keeps one `Push` stream open on which it sends ITS OWN outgoing
/// events (`EventBatch`, read from its log from the link's durable outbound cursor) and reads `Ack`s; it calls
/// `Pull` (unary) on the same connection to repair gaps in what the peer sent it. On a connection it ACCEPTED —
/// the gRPC *server* side — it answers `Hello`/`Prove`, receives the peer's `EventBatch`es, stores them and
/// answers each with an `Ack` after the commit, and answers the peer's `Pull`s. So events always flow from
/// client to server on the `Push` stream: the runtime maps ``FederationMessage/push(_:)`` and
/// ``FederationMessage/ack(_:)`` to the stream's two directions and the other messages to unary calls.
public final class FederationNode {
    /// The configuration; membership changes at run time (``reconfigure(_:now:)``) replace its peers.
    public internal(set) var config: FederationConfig
    /// The store every event goes through.
    public let store: Store
    /// This node's id.
    public var id: String { config.nodeId }

    var random: DeterministicRandom
    var now: Int64 = 0
    var outputs: [FederationOutput] = []
    /// The node's identity key: the key its neighbours pin and rosters vouch for (its key file given in the config).
    let identityKey: Ed25519.PublicKey
    /// The key the node signs with now: the identity key, or the newest key its rotations announced.
    var signingKey: Ed25519.PrivateKey
    /// Every private key the node holds (the identity key and those ``FederationConfig/rotatedKeys`` gives), by public key.
    var privateKeys: [[UInt8]: Ed25519.PrivateKey] = [:]
    var pins: [String: FederationConfig.Peer]
    /// The pinned peers' ids, sorted (the order links are pumped in).
    var pinnedIds: [String]
    var childIds: Set<String>
    /// This store's incarnation id (random per store, kept in the store).
    public internal(set) var incarnation: [UInt8] = []

    var isLoading = false
    // Chains
    var heads: [String: XieshangWire.EventChain.Link] = [:]

    // Links
    var clients: [String: ClientLink] = [:]
    var clientByConnection: [ConnectionID: String] = [:]
    var servers: [ConnectionID: ServerLink] = [:]
    var dialAttempts: [String: Int] = [:]
    var dialing: Set<String> = []
    var readCache: (after: Int64, entries: [LogTail.Entry])?
    var tail: LogTail
    /// Outbound cursors acknowledged but not yet written: saved with the next commit or by the ``FederationTimer/saveCursors`` timer.
    var unsavedCursors: [String: Int64] = [:]

    // Gap repair
    var held: [HeldRun] = []
    var heldCount = 0
    var pulling: Set<String> = []

    // Trust
    var childRosters: [String: (seq: UInt64, entries: [RosterEntry])] = [:]
    var parentRoster: (seq: UInt64, entries: [RosterEntry])?
    var lastUpRoster: [RosterEntry]?
    var lastDownRoster: [RosterEntry]?
    var keyCache: [String: Ed25519.PublicKey] = [:]
    /// Key rotations and revocations of each node, from the key records this node stored (``KeyHistory``).
    var keyHistories: [String: KeyHistory] = [:]
    /// One signed copy of each rotation in ``keyHistories``, by node, in the same order (rosters carry them).
    var keyRecords: [String: [[UInt8]]] = [:]
    /// The log position of the last copy of each of this node's own rotations, by the new key.
    var ownRotationEnds: [[UInt8]: Int64] = [:]
    /// How many own rotations every dialed peer has acknowledged (``linkKey``).
    var linkConfirmed = 0
    /// Changes whenever a key history or the link key changes: the runtime refreshes its TLS pins and identity then.
    public internal(set) var keysVersion: UInt64 = 0
    var subtreeOf: [String: String] = [:]  // descendant → the direct child whose subtree holds it
    /// Descendant → its parent, as the accepted child rosters say (the reporters' children, for citation checks).
    var parentOf: [String: String] = [:]
    /// Each child's roster entries this node accepted (their parent chain leads to that child, nobody else vouches).
    var acceptedEntries: [String: [RosterEntry]] = [:]
    var unroutedSeen = false
    /// Per peer, the log's events after the peer's acknowledged position counted by (origin, scope), kept as the log
    /// grows and the peer acknowledges (``backlog(of:)``): a status read scans only what changed since the last one.
    var backlogCounts: [String: BacklogCounts] = [:]
    /// The number of stored events through a log position, kept as the log grows (``storedEventCount()``).
    var storedCount: (through: Int64, count: Int)?

    // Fencing
    /// True while the node may not originate anything: a node with a parent starts fenced until the parent has
    /// confirmed in the handshake how far the node's own chain goes (a store restored from an old backup cannot know
    /// it is old), and stays fenced while it pulls its own missing events back. A root node is never fenced. Local
    /// commands that arrive meanwhile are queued durably (``FederationInput/enqueue(entry:)``, ``queueRules``) and
    /// originated in order when the fence lifts.
    public internal(set) var fenced: Bool
    /// Alerts raised while fenced, stored (as Alert events) once the fence lifts; at most 256 are kept.
    var unstoredAlerts: [Alert] = []
    /// Alerts raised while a received batch is processed, stored in the batch's own transaction (``flush(_:outcome:)``);
    /// nil outside ``receive(_:from:pulled:)``, when alerts are stored as they are raised.
    var deferredAlerts: [Alert]?
    var fenceTarget: UInt64 = 0
    /// Turns queued entries into commands when the node may originate (``QueuedCommandRules``); nil: local commands
    /// are refused while fenced, never queued. Set before ``FederationInput/start``.
    public var queueRules: (any QueuedCommandRules)?
    /// Entries of the durable queue still waiting (``FederationInput/enqueue(entry:)``), as of the last change.
    public internal(set) var queuedWaiting = 0
    /// Entries of the durable queue a rule refused (kept with the reason).
    public internal(set) var queuedRefused = 0

    // Membership (区划调整)
    /// Each body's moves, from the Membership records this node holds, by effective date (``piece(of:body:under:)``).
    var moves: [String: [MoveRecord]] = [:]
    /// This node's own up events through this seq also go to the parent it is leaving (``FederationConfig/leavingParent``):
    /// its Membership record and the reports of the parts before the move (kept in `federation_meta`).
    var leavingThroughSeq: UInt64 = 0
    /// While the log is replayed at open: the latest report of each body that is not (or no longer) a child, kept
    /// until the replay shows which of them moved away from this node (their move record comes later in the log).
    var replayedReports: [String: [String: ChildReportState]] = [:]

    // Rollups
    /// The source of this body's own figures (made from ``FederationConfig/figures`` for this node).
    let figuresSource: (any FiguresSource)?
    /// Own figures by period text, as the source last gave them; periods in ``ownStale`` are asked again.
    var ownCache: [String: [String: Int64]] = [:]
    /// Periods whose own figures changed since the source was last asked.
    var ownStale: Set<String> = []
    var childReports: [String: [String: ChildReportState]] = [:]  // child → period → latest
    var lastReports: [String: AggregateReport] = [:]
    /// The event of each period's latest own report (what an approval names).
    var lastReportRefs: [String: XieshangWire.EventRef] = [:]
    /// Approval state by body, then period (``ApprovalState``), derived from the log.
    var approvals: [String: [String: ApprovalState]] = [:]
    var dirtyPeriods: Set<String> = []
    var rollupDueAt: Int64?
    var alertKeys: Set<String> = []
    /// Alerts raised per subject in the current window (``AlertLimits``), and when the window started.
    var alertWindow: (startMs: Int64, counts: [String: Int]) = (0, [:])
    /// Alerts raised while the store was replayed at open (an event that could not be applied): raised at ``start``.
    var loadAlerts: [Alert] = []
    /// When this node received each child report (the core's clock), read from the store at open: `origin#seq` → ms.
    var reportReceipts: [String: Int64] = [:]

    /// Event signatures this node verified inline on receipt (run authentication, lone events, equivocation evidence;
    /// those a ``SignatureCache`` vouched for are not counted): the benchmark reports it next to the events replicated.
    public internal(set) var signaturesVerified = 0

    /// Opens a node on an open store.
    /// - Parameters:
    ///   - config: the node's links and keys.
    ///   - store: the node's store (the runtime opens it; tests use a temp file).
    ///   - seed: seeds challenges and jitter.
    /// - Throws: ``FederationError`` for a bad config or an unreadable store.
    public init(config: FederationConfig, store: Store, seed: UInt64) throws(FederationError) {
        try config.validate()
        self.config = config
        self.store = store
        self.random = DeterministicRandom(seed: seed)
        self.identityKey = config.privateKey.publicKey
        self.signingKey = config.privateKey
        for key in [config.privateKey] + config.rotatedKeys { privateKeys[key.publicKey.rawRepresentation] = key }
        self.pins = config.pinnedPeers
        self.pinnedIds = config.pinnedPeers.keys.sorted()
        self.childIds = Set(config.children.map(\.id))
        self.fenced = config.parent != nil
        self.figuresSource = config.figures?()
        self.tail = LogTail(capacity: max(1_024, 2 * config.options.window * config.options.batchSize))
        do throws(StoreError) {
            try loadState()
            (queuedWaiting, queuedRefused) = try store.queueCounts()
        } catch {
            throw FederationError(.store, "cannot load the federation state of \(config.nodeId) from \(store.path): \(error.message)",
                                  node: config.nodeId, underlying: error)
        }
        try selectSigningKey()
        _ = linkKey
    }

    /// Handles one input at time `now` (milliseconds, the runtime's clock) and returns what to do.
    public func handle(_ input: FederationInput, now: Int64) -> [FederationOutput] {
        self.now = now
        outputs = []
        switch input {
        case .start: start()
        case .connected(let conn, let peer): clientConnected(conn, peer: peer)
        case .dialFailed(let peer): dialFailed(peer)
        case .accepted(let conn): servers[conn] = ServerLink(connection: conn)
        case .disconnected(let conn): disconnected(conn)
        case .received(let conn, let message): received(message, on: conn)
        case .timer(let t): timerFired(t)
        case .originate(let command): localCommands([command])
        case .originateMany(let commands): localCommands(commands)
        case .enqueue(let entry): enqueue(entry)
        }
        return outputs
    }

    // MARK: Lifecycle

    private func start() {
        let alerts = loadAlerts
        loadAlerts = []
        for alert in alerts { raiseAlert(alert) }
        for peer in pins.values.sorted(by: { $0.id < $1.id }) where peer.dials { dial(peer.id) }
        if !fenced {
            refreshRosters()
            if !dirtyPeriods.isEmpty { scheduleRollup() }
            drainQueue()
        }
    }

    func dial(_ peer: String) {
        // A peer removed (or left without an address) at run time is not dialled again by a pending reconnect.
        guard pins[peer]?.dials == true, clients[peer] == nil, !dialing.contains(peer) else { return }
        dialing.insert(peer)
        outputs.append(.dial(peer: peer))
    }

    private func dialFailed(_ peer: String) {
        dialing.remove(peer)
        scheduleReconnect(peer)
    }

    func scheduleReconnect(_ peer: String) {
        let attempt = dialAttempts[peer, default: 0]
        dialAttempts[peer] = attempt + 1
        let o = config.options
        let exp = min(o.backoffCapMs, o.backoffBaseMs << Int64(min(attempt, 20)))
        // Full jitter on the upper half: [exp/2, exp], never above the cap.
        let delay = exp / 2 + Int64(random.next() % UInt64(max(1, exp / 2 + 1)))
        outputs.append(.setTimer(.reconnect(peer), atMs: now + min(delay, o.backoffCapMs)))
    }

    private func disconnected(_ conn: ConnectionID) {
        if let peer = clientByConnection.removeValue(forKey: conn) {
            clients[peer] = nil
            pulling = pulling.filter { !$0.hasPrefix(peer + "|") }
            scheduleReconnect(peer)
        }
        servers[conn] = nil
    }

    private func timerFired(_ timer: FederationTimer) {
        switch timer {
        case .reconnect(let peer):
            if clients[peer] == nil && !dialing.contains(peer) { dial(peer) }
        case .retransmit(let peer):
            guard let link = clients[peer] else { return }
            if link.state != .up {
                // A handshake that got no answer: drop the connection and dial again.
                if now - link.lastProgressMs >= config.options.ackTimeoutMs {
                    protocolViolation(link.connection, "handshake with \(peer) got no answer within \(config.options.ackTimeoutMs) ms")
                }
                return
            }
            pulling = pulling.filter { !$0.hasPrefix(peer + "|") }
            guard link.inflight.contains(where: { !$0.done }) else { return }
            if now - link.lastProgressMs >= config.options.ackTimeoutMs {
                // Batch ids are never reused on a stream, so a late Ack cannot acknowledge a resent batch: a stalled
                // Push stream is dropped and a new one resumes from the durable cursor.
                dialAttempts[peer] = 0
                protocolViolation(link.connection, "no Ack from \(peer) for \(config.options.ackTimeoutMs) ms; resuming from position \(link.ackedPosition) on a new connection")
            } else {
                outputs.append(.setTimer(.retransmit(peer), atMs: link.lastProgressMs + config.options.ackTimeoutMs))
            }
        case .drainQueue:
            drainQueue()
        case .saveCursors:
            saveCursors()
        case .rollup:
            guard let due = rollupDueAt, now >= due else { return }
            rollupDueAt = nil
            emitRollups()
        }
    }

    private func received(_ message: FederationMessage, on conn: ConnectionID) {
        if let peer = clientByConnection[conn] {
            switch message {
            case .helloResponse(let r): clientHelloResponse(r, peer: peer, conn: conn)
            case .proveResponse(let r): clientProveResponse(r, peer: peer, conn: conn)
            case .ack(let a): ackReceived(a, from: peer)
            case .pullResponse(let b): pullResponseReceived(b, from: peer)
            default: protocolViolation(conn, "\(message.name) is not valid on a connection this node dialed")
            }
        } else if servers[conn] != nil {
            switch message {
            case .hello(let h): serverHello(h, conn: conn)
            case .prove(let p): serverProve(p, conn: conn)
            case .push(let b): pushReceived(b, conn: conn)
            case .pull(let p): pullRequested(p, conn: conn)
            default: protocolViolation(conn, "\(message.name) is not valid on a connection this node accepted")
            }
        }
    }

    /// A handshake message in the wrong state (a duplicate, a late answer): logged and ignored.
    func ignored(_ conn: ConnectionID, _ why: String) {
        outputs.append(.log(LogRecord(.debug, .ignored, peer: servers[conn]?.peer ?? clientByConnection[conn], "ignored on \(conn): \(why)")))
    }

    func protocolViolation(_ conn: ConnectionID, _ why: String) {
        outputs.append(.log(LogRecord(.warning, .protocolViolation, peer: servers[conn]?.peer ?? clientByConnection[conn], "closing \(conn): \(why)")))
        outputs.append(.close(conn, reason: why))
        servers[conn] = nil
        if let peer = clientByConnection.removeValue(forKey: conn) {
            clients[peer] = nil
            scheduleReconnect(peer)
        }
    }

    /// The store's form of `signed` (whose decoded body is `body`); `hash` when the caller already computed it.
    func storedEvent(_ signed: SignedEvent, _ body: EventBody, hash: [UInt8]? = nil) -> StoredEvent {
        StoredEvent(origin: body.origin, seq: body.seq, prevHash: body.prevHash, hash: hash ?? signed.hash, timeMs: body.timeMs,
                    scope: (Route(body.scope) ?? .local).text, kind: body.kind.protoValue, body: signed.body,
                    signature: signed.signature)
    }

    // MARK: State from the store

    private func loadState() throws(StoreError) {
        try store.write { (db) throws(StoreError) in
            try db.execute("CREATE TABLE IF NOT EXISTS federation_meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
            try db.execute(FederationNode.reportReceiptsTable)
        }
        reportReceipts = try loadReportReceipts()
        defer { reportReceipts = [:] }
        if case .blob(let b)? = try store.reader.rows("SELECT value FROM federation_meta WHERE key = 'incarnation'").first?.first {
            incarnation = b
        } else {
            incarnation = random.bytes(16)
            try store.write { (db) throws(StoreError) in
                try db.execute("INSERT INTO federation_meta (key, value) VALUES ('incarnation', ?)", [.blob(incarnation)])
            }
        }
        if case .integer(let through)? = try store.reader.rows("SELECT value FROM federation_meta WHERE key = 'leaving_through'").first?.first,
           let seq = UInt64(exactly: through) {
            leavingThroughSeq = seq
        }
        isLoading = true
        defer { isLoading = false }
        // Replay the log once to rebuild the in-memory views (rosters, reports, own figures, plans).
        var position: Int64 = 0
        while true {
            let entries = try store.reader.entries(after: position, limit: 2_000)
            guard let last = entries.last else { break }
            for entry in entries {
                tail.append(LogTail.Entry(position: entry.position, event: entry.event))
                let e = entry.event
                heads[e.origin] = XieshangWire.EventChain.Link(seq: e.seq, hash: e.hash)
                guard let body = try? SignedEvent(body: e.body, signature: e.signature).decodedBody() else {
                    raiseAlert(Alert(subject: ChainName.node(of: e.origin), code: "not_applied",
                                     message: "\(id) skipped stored event \(e.origin)#\(e.seq) at open: its body does not decode",
                                     evidence: [SignedEvent(body: e.body, signature: e.signature).serializedBytes()]))
                    continue
                }
                applied(body, stored: e, replaying: true)
                if body.kind == .keyRotation, ChainName.node(of: e.origin) == id,
                   let r = try? KeyRotation(serializedBytes: body.payload) {
                    ownRotationEnds[r.newKey] = max(ownRotationEnds[r.newKey] ?? 0, entry.position)
                }
            }
            position = last.position
        }
        if position == 0 { tail.reset(end: 0) }
        // Children that moved away (区划调整) stay cited for their part before the move, their reports too.
        for (body, byPeriod) in replayedReports where wasChild(body) {
            for (period, state) in byPeriod where childReports[body]?[period].map({ $0.seq < state.seq }) ?? true {
                childReports[body, default: [:]][period] = state
            }
        }
        replayedReports = [:]
        // A change made just before a crash may not have been rolled up yet: compare every period with its last report.
        dirtyPeriods = []
        var periods = ownStale
        for (child, byPeriod) in childReports { for text in byPeriod.keys { periods.formUnion(periodsCiting(text, of: child)) } }
        for period in periods {
            if let last = lastReports[period], sameFigures(last, currentReport(period: period)) { continue }
            dirtyPeriods.insert(period)
        }
    }

    /// Updates the in-memory views after an event was stored (or is replayed at open). An event that cannot be applied
    /// (a report of a period that does not exist, figures past Int64's range) changes nothing and raises an alert: a
    /// stored event never traps, so a node whose log holds one still opens and keeps working.
    func applied(_ body: EventBody, stored: StoredEvent, replaying: Bool = false) {
        guard let why = applyRefusal(body, stored: stored, replaying: replaying) else { return }
        outputs.append(.log(LogRecord(.warning, .eventSkipped, "skipped \(body.origin)#\(body.seq): \(why)")))
        raiseAlert(Alert(subject: ChainName.node(of: body.origin), code: "not_applied",
                         message: "\(id) skipped stored event \(body.origin)#\(body.seq)\(replaying ? " at open" : ""): \(why)",
                         evidence: [SignedEvent(body: stored.body, signature: stored.signature).serializedBytes()]))
    }

    /// Applies one stored event to the in-memory views; why it cannot be applied (nothing changed), or nil.
    private func applyRefusal(_ body: EventBody, stored: StoredEvent, replaying: Bool) -> String? {
        switch body.kind {
        case .roster:
            if let roster = try? Roster(serializedBytes: body.payload) { rosterApplied(roster, body: body) }
        case .aggregateReport:
            if let report = try? AggregateReport(serializedBytes: body.payload) {
                if let why = FederationNode.periodRefusal(report.period) { return why }
                if body.origin == id {
                    lastReports[report.period] = report
                    lastReportRefs[report.period] = XieshangWire.EventRef(origin: stored.origin, seq: stored.seq, hash: stored.hash)
                } else if childIds.contains(body.origin) || wasChild(body.origin) {
                    let current = childReports[body.origin]?[report.period]
                    if current.map({ $0.seq < body.seq }) ?? true {
                        // Timeliness by this node's clock when the report arrived (kept in the store), never the child's claim.
                        let received = replaying ? reportReceipts[FederationNode.receiptKey(body.origin, body.seq)] ?? body.timeMs : now
                        childReports[body.origin, default: [:]][report.period] =
                            ChildReportState(seq: body.seq, hash: stored.hash, report: report, receivedMs: received)
                        if !replaying { for period in periodsCiting(report.period, of: body.origin) { markDirty(period) } }
                    }
                } else if isLoading, ChainName.node(of: body.origin) == body.origin,
                          replayedReports[body.origin]?[report.period].map({ $0.seq < body.seq }) ?? true {
                    let received = reportReceipts[FederationNode.receiptKey(body.origin, body.seq)] ?? body.timeMs
                    replayedReports[body.origin, default: [:]][report.period] =
                        ChildReportState(seq: body.seq, hash: stored.hash, report: report, receivedMs: received)
                }
            }
        case .approval, .approvalReturn:
            if let why = approvalApplied(body, stored: stored) { return why }
        case .keyRotation:
            if let why = keyRotationApplied(body, stored: stored) { return why }
        case .keyRevocation:
            if let why = keyRevocationApplied(body) { return why }
        case .membership:
            if let why = membershipApplied(body, replaying: replaying) { return why }
        default: break
        }
        switch body.kind {
        case .roster, .aggregateReport, .alert, .unspecified, .approval, .approvalReturn, .keyRotation, .keyRevocation, .membership: return nil   // federation bookkeeping has no figures
        default: break
        }
        // The source says which records (by their own dates) the event touches; their periods are re-rolled.
        guard let source = figuresSource else { return nil }
        let touch = source.recorded(body, node: id)
        guard !touch.isEmpty else { return nil }
        for period in periods(touchedBy: touch) {
            ownStale.insert(period)
            if !replaying { markDirty(period) }
        }
        return nil
    }

    // MARK: Introspection (runtime, simulator, tests)

    /// Events held in memory by this node's links and gap buffer — bounded by the options, whatever the network does.
    public var bufferedEvents: Int {
        heldCount + clients.values.reduce(0) { $0 + $1.inflight.reduce(0) { $0 + $1.count } }
    }

    /// The bound on ``bufferedEvents``: every link's window of batches plus the gap buffer.
    public var bufferBound: Int {
        let o = config.options
        return pins.count * o.window * o.batchSize + o.holdLimit + o.pullLimit
    }

    /// The latest report this node emitted for `period`.
    public func latestReport(period: String) -> AggregateReport? { lastReports[period] }

    /// This node's own figures for `period` (text form of a ``Period``), from its ``FiguresSource``; empty for text
    /// that is no period, for a node without a source, or when the source cannot answer now.
    public func ownFigures(period: String) -> [String: Int64] { (try? ownFiguresChecked(period)) ?? [:] }

    /// A descendant's own figures for `period` as this node recomputes them from the signed records it holds — what
    /// it compares each report of `body` with; nil for text that is no period or a source that recomputes nothing.
    public func recomputedFigures(of body: String, period: String) -> RecomputedFigures? {
        guard let source = figuresSource, let p = try? Period(parsing: period) else { return nil }
        return source.recomputedFigures(of: body, for: p, adding: [])
    }

    /// The batch id the server side of `connection` applies next (the simulator's adversary uses it).
    public func expectedBatchId(on connection: ConnectionID) -> UInt64? { servers[connection]?.expectedBatch }

    /// Whether the link this node dialed to `peer` is authenticated and pushing.
    public func isLinkUp(_ peer: String) -> Bool { clients[peer]?.state == .up }
}

@available(*, unavailable)
extension FederationNode: Sendable {}
