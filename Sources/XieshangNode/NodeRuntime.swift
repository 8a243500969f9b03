import Dispatch
import FoundationEssentials
import Glibc
import Synchronization
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// The config and what the runtime derives from its peers: dial addresses and roles.
struct PeerDirectory: Sendable {
    var config: NodeConfig
    var addresses: [String: Endpoint] = [:]
    var roles: [String: String] = [:]

    /// Every pinned peer's key by node id (what TLS pins).
    var publicKeys: [String: Ed25519.PublicKey] {
        var out: [String: Ed25519.PublicKey] = [:]
        for (p, _) in config.peersWithRoles { out[p.nodeId] = p.publicKey }
        return out
    }

    /// The directory of `config`.
    /// - Throws: ``NodeError`` `.config` naming a peer whose address is not HOST:PORT.
    init(_ config: NodeConfig) throws(NodeError) {
        self.config = config
        for (peer, role) in config.peersWithRoles {
            if roles[peer.nodeId] == nil { roles[peer.nodeId] = role }
            guard !peer.address.isEmpty else { continue }
            do {
                addresses[peer.nodeId] = try Endpoint(parsing: peer.address)
            } catch {
                throw NodeError(.config, "peer \(peer.nodeId) has address '\(peer.address)' that is not HOST:PORT: \(error.message)")
            }
        }
    }
}

/// The node's runtime (运行时): one serial executor that owns the sans-I/O ``FederationNode`` and carries out its
/// outputs on the HTTP/2 transport (dials, unary calls, Push streams) and on Dispatch timers.
///
/// Invariant: every mutable property (and the federation core, which is not Sendable) is touched only on `queue`;
/// each entry point hops onto it and `dispatchPrecondition` checks it in `handleOnQueue`. That is why the class is
/// `@unchecked Sendable`.
final class NodeRuntime: @unchecked Sendable {
    /// A connection this node dialed (it is the gRPC client).
    final class Dialed {
        let peer: String
        let client: Client
        var push: AsyncStream<[UInt8]>.Continuation?
        var failed = false
        init(peer: String, client: Client) {
            self.peer = peer
            self.client = client
        }
    }

    /// What the status shows about one peer beyond the core's view.
    struct PeerInfo {
        var lastError = ""
        /// Whether ``lastError`` is a refusal (a handshake, an event or a TLS pin refused) rather than a failure to connect.
        var lastErrorIsRefusal = false
        var lastSeenMs: Int64 = 0
        var refused: UInt64 = 0

        /// Records `error` as the last error; a refusal also counts.
        mutating func note(_ error: String, refusal: Bool, count: Int = 1) {
            lastError = error
            lastErrorIsRefusal = refusal
            if refusal { refused &+= UInt64(max(1, count)) }
        }
    }

    let queue = DispatchQueue(label: "xieshang.node.federation")
    /// Marks `queue`, so code can tell whether it runs on the executor.
    static let executorKey = DispatchSpecificKey<Bool>()
    /// Where incoming batches are pre-verified (concurrent: several links and both cores at once).
    let verifyQueue = DispatchQueue(label: "xieshang.node.verify", attributes: .concurrent)
    /// Signatures pre-verified off the executor; the core consults it (FederationConfig.signatureCache).
    let signatures: VerifiedSignatures
    /// The key directory the core last published for pre-verification (republished when the core missed the cache).
    private let keySnapshot = Mutex(KeyDirectory(keys: [:]))
    private var missesAtPublish: UInt64 = .max
    /// Pre-verification calls that ran off / on the executor (the latter must stay 0; tests check it).
    let verifierThreads = Mutex((offExecutor: UInt64(0), onExecutor: UInt64(0)))
    let core: FederationNode
    let logger: NodeLogger
    /// The store's projector of the body's CPPCC records (queried by the Admin service).
    let records: DomainProjector
    /// The config and what the runtime derives from its peers, replaced whole by a membership change
    /// (``NodeMembership``); read from any thread.
    private let peerDirectory: Mutex<PeerDirectory>
    /// The node's config as it stands (node.json after the last membership change).
    var config: NodeConfig { peerDirectory.withLock { $0.config } }
    /// Dial addresses by peer id.
    var addresses: [String: Endpoint] { peerDirectory.withLock { $0.addresses } }
    /// Each peer's role: parent, child or alliance:<id>.
    var roles: [String: String] { peerDirectory.withLock { $0.roles } }
    /// The file the config was read from (membership changes are written back to it); nil for a config made in code.
    let configFile: String?
    private let wallAtStart: Int64
    private let monoAtStart: UInt64
    private var nextConnection: UInt64 = 1
    private var dialed: [ConnectionID: Dialed] = [:]
    /// The core's connection for each accepted transport connection (``ConnectionHandle/id``): Hello state lives as
    /// long as the transport connection, never longer, and is never found by anything the client writes.
    private var accepted: [UInt64: ConnectionID] = [:]
    private var closedServer: [ConnectionID: String] = [:]
    /// The transport connection of each accepted connection, closed when a membership change unpins its peer.
    private var acceptedHandles: [ConnectionID: ConnectionHandle] = [:]
    private var timerGeneration: [FederationTimer: UInt64] = [:]
    private var generation: UInt64 = 0
    var peers: [String: PeerInfo] = [:]
    var alerts: [AlertEntry] = []
    /// The counters `/metrics` shows beside the core's gauges (refusals, alerts, TLS refusals).
    let metrics = NodeMetrics()
    var stopping = false
    /// Fault injection (tests only; nil in production).
    let faults: (any FaultInjection)?
    /// TLS settings for dialing peers (this node's key, every peer pinned), nil for h2c.
    let tls: TLSConfiguration?
    /// The key this node proves on its links and the keys each peer may prove (pins and rotated keys), for TLS, the
    /// Hello precheck and signing a Hello's answer off the executor; refreshed when the core's keys change.
    let keyring: TLSKeyring
    private var keysVersion: UInt64

    init(core: FederationNode, config: NodeConfig, logger: NodeLogger, records: DomainProjector,
         signatures: VerifiedSignatures, keyring: TLSKeyring, tls: TLSConfiguration? = nil, configFile: String? = nil,
         faults: (any FaultInjection)? = nil) throws(NodeError) {
        self.core = core
        self.tls = tls
        self.keyring = keyring
        self.keysVersion = core.keysVersion
        self.signatures = signatures
        self.records = records
        self.logger = logger
        self.configFile = configFile
        peerDirectory = Mutex(try PeerDirectory(config))
        var tv = timespec()
        clock_gettime(CLOCK_REALTIME, &tv)
        wallAtStart = Int64(tv.tv_sec) * 1000 + Int64(tv.tv_nsec) / 1_000_000
        monoAtStart = NodeRuntime.monotonicNanoseconds()
        self.faults = faults
        queue.setSpecific(key: NodeRuntime.executorKey, value: true)
        queue.async { self.publishKeysIfNeeded() }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var tv = timespec()
        clock_gettime(CLOCK_MONOTONIC, &tv)
        return UInt64(tv.tv_sec) * 1_000_000_000 + UInt64(tv.tv_nsec)
    }

    /// Milliseconds on the node's clock: the wall clock at start plus monotonic time since (never goes back).
    func now() -> Int64 { wallAtStart + Int64((NodeRuntime.monotonicNanoseconds() - monoAtStart) / 1_000_000) }

    // MARK: The executor

    /// Runs `input` through the core on the executor and returns the outputs (after carrying them out).
    ///
    /// Local commands (`.originate`) are coalesced: those that reach the executor while it is busy are originated
    /// together, one ``FederationInput/originateMany(_:)`` and so one store transaction per executor turn (group
    /// commit); each caller gets back only its own `.originated` or `.commandRefused` output.
    func submit(_ input: FederationInput) async -> [FederationOutput] {
        if case .originate(let command) = input {
            return await withCheckedContinuation { (c: CheckedContinuation<[FederationOutput], Never>) in
                originationCounters.withLock { $0.requested += 1 }
                queue.async {
                    self.pendingOriginations.append((command, c))
                    guard !self.originationFlushScheduled else { return }
                    self.originationFlushScheduled = true
                    self.queue.async { self.flushOriginations() }
                }
            }
        }
        return await withCheckedContinuation { (c: CheckedContinuation<[FederationOutput], Never>) in
            queue.async { c.resume(returning: self.handleOnQueue(input)) }
        }
    }

    /// Runs `body` on the executor (for status and queries that read the core).
    func read<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (c: CheckedContinuation<T, Never>) in
            queue.async { c.resume(returning: body()) }
        }
    }

    /// Feeds a received message; an event batch (Push, PullResponse) is first pre-verified off the executor.
    func submitVerified(_ conn: ConnectionID, _ message: FederationMessage) async -> [FederationOutput] {
        let entries: [VerifiedSignatures.Entry]
        switch message {
        case .push(let batch), .pullResponse(let batch): entries = await preverify(batch.events)
        default: entries = []
        }
        let outputs = await submit(.received(conn, message))
        signatures.forget(entries)
        return outputs
    }

    /// Verifies on `verifyQueue` the signatures the core will check in `events` (split over both cores when many),
    /// against the key directory the core published. Returns the cache entries to forget after the core's turn.
    func preverify(_ events: [SignedEvent]) async -> [VerifiedSignatures.Entry] {
        guard !events.isEmpty else { return [] }
        let keys = keySnapshot.withLock { $0 }
        let signatures = self.signatures
        return await withCheckedContinuation { (c: CheckedContinuation<[VerifiedSignatures.Entry], Never>) in
            verifyQueue.async {
                let items = VerifiedSignatures.signaturesToCheck(in: events)
                let parts = items.count >= 16 ? 2 : 1
                let results = Mutex([[VerifiedSignatures.Entry]](repeating: [], count: parts))
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let onExecutor = DispatchQueue.getSpecific(key: NodeRuntime.executorKey) == true
                    self.verifierThreads.withLock { if onExecutor { $0.onExecutor += 1 } else { $0.offExecutor += 1 } }
                    let slice = items.enumerated().lazy.filter { $0.offset % parts == part }.map(\.element)
                    let good = signatures.preverify(slice, keys: keys)
                    results.withLock { $0[part] = good }
                }
                c.resume(returning: results.withLock { $0.flatMap { $0 } })
            }
        }
    }

    /// Republishes the core's key directory when the core verified something inline since the last publication (a key
    /// the snapshot lacked, or a forged signature): cheap, and it keeps the snapshot fresh after roster changes.
    private func publishKeysIfNeeded() {
        let misses = signatures.counters.misses
        guard misses != missesAtPublish else { return }
        missesAtPublish = misses
        let directory = core.keyDirectory()
        keySnapshot.withLock { $0 = directory }
    }

    /// Most local commands originated in one transaction.
    static let originationGroupLimit = 1_024
    /// Local commands submitted, and the groups (transactions) they were originated in.
    let originationCounters = Mutex((requested: 0, groups: 0))
    private var pendingOriginations: [(LocalCommand, CheckedContinuation<[FederationOutput], Never>)] = []
    private var originationFlushScheduled = false
    private var groupAttempt = false

    /// Originates the pending local commands as one group; a refused group is retried command by command, so one bad
    /// command does not refuse the others that happened to share its turn.
    private func flushOriginations() {
        dispatchPrecondition(condition: .onQueue(queue))
        let group = Array(pendingOriginations.prefix(NodeRuntime.originationGroupLimit))
        pendingOriginations.removeFirst(group.count)
        originationFlushScheduled = !pendingOriginations.isEmpty
        if originationFlushScheduled { queue.async { self.flushOriginations() } }
        guard group.count > 1 else {
            originationCounters.withLock { $0.groups += group.count }
            for (command, c) in group { c.resume(returning: handleOnQueue(.originate(command))) }
            return
        }
        originationCounters.withLock { $0.groups += 1 }
        groupAttempt = true  // a refused group is retried one by one: its refusals are not worth a log line
        let outputs = handleOnQueue(.originateMany(group.map(\.0)))
        groupAttempt = false
        let originated = outputs.filter { if case .originated = $0 { return true } else { return false } }
        if originated.count == group.count {
            for (i, (_, c)) in group.enumerated() { c.resume(returning: [originated[i]]) }
        } else {
            for (command, c) in group {
                c.resume(returning: handleOnQueue(.originate(command)).filter {
                    switch $0 {
                    case .originated, .commandRefused: return true
                    default: return false
                    }
                })
            }
        }
    }

    func enqueue(_ input: FederationInput) {
        queue.async { _ = self.handleOnQueue(input) }
    }

    func handleOnQueue(_ input: FederationInput) -> [FederationOutput] {
        dispatchPrecondition(condition: .onQueue(queue))
        let outputs = core.handle(input, now: now())
        for output in outputs { perform(output) }
        raiseRecordProblems()
        refreshKeyring()
        publishKeysIfNeeded()
        if !parentConfirmed, let parent = config.parent?.nodeId, core.isLinkUp(parent), !core.fenced { parentConfirmed = true }
        return outputs
    }

    /// Carries out outputs of a core call made on the executor outside ``handleOnQueue(_:)`` (approve, return).
    func carryOnQueue(_ outputs: [FederationOutput]) {
        dispatchPrecondition(condition: .onQueue(queue))
        for output in outputs { perform(output) }
        refreshKeyring()
    }

    /// After a key record or an acknowledgement that moves the link key: new TLS sessions and Hellos use the link key
    /// the core names now and accept the keys it accepts now.
    private func refreshKeyring() {
        let identity = core.linkKey  // reading it may confirm a rotation, which changes the version
        guard core.keysVersion != keysVersion else { return }
        keysVersion = core.keysVersion
        keyring.update(pins: core.acceptedLinkKeys())
        do {
            try keyring.update(identity: identity)
        } catch {
            logger.warning("cannot present key \(identity.publicKey.fingerprint) on links yet: \(error.message)")
        }
        missesAtPublish = .max  // the pre-verification directory names the new keys too
    }

    private func perform(_ output: FederationOutput) {
        switch output {
        case .dial(let peer): dial(peer)
        case .send(let conn, let message):
            if let d = dialed[conn] { send(message, on: conn, d) }
            // Sends on accepted connections are answers the handler that fed the input picks from the outputs.
        case .close(let conn, let reason):
            if dialed[conn] != nil { fail(conn, reason) } else { closedServer[conn] = reason }
        case .setTimer(let timer, let atMs):
            generation += 1
            let g = generation
            timerGeneration[timer] = g
            let delay = max(0, atMs - now())
            queue.asyncAfter(deadline: .now() + .milliseconds(Int(delay))) {
                guard self.timerGeneration[timer] == g, !self.stopping else { return }
                self.timerGeneration[timer] = nil
                _ = self.handleOnQueue(.timer(timer))
            }
        case .log(let record):
            note(record)
        case .alert(let alert):
            raised(AlertEntry(timeMs: now(), subject: alert.subject, code: alert.code, message: alert.message))
        case .originated(let origin, let seq):
            metrics.originatedOne()
            logger.debug("originated \(origin)#\(seq)", code: .command)
        case .commandRefused(let reason):
            if !groupAttempt {
                metrics.refused("command", code: "command_refused")
                logger.warning("command refused: \(reason)", code: .command)
            }
        case .commandQueued(let id):
            logger.info("command queued as \(id): the node originates it once its parent confirmed its chain", code: .command)
        }
    }

    /// An alert this node raised: first in the status's list (200 kept), counted, and logged.
    func raised(_ entry: AlertEntry) {
        dispatchPrecondition(condition: .onQueue(queue))
        alerts.insert(entry, at: 0)
        if alerts.count > 200 { alerts.removeLast() }
        metrics.alert(entry.code)
        logger.warning("alert \(entry.code) about \(entry.subject): \(entry.message)", code: .alert, peer: roles[entry.subject] != nil ? entry.subject : nil)
    }

    /// Raises an alert for each event the records projection refused or could not use in the appends just committed
    /// (an event of another body naming this body's records, a forged "who", an undecodable payload): shown in the
    /// status and, once the node may originate, stored as an Alert event that goes up to every ancestor.
    private func raiseRecordProblems() {
        let problems = records.drainProblems()
        guard !problems.isEmpty else { return }
        let blocked = originationBlocked() != nil
        for p in problems {
            // Only events the store holds: an append rolled back for good stored nothing, so there is nothing to alert.
            let stored = (try? core.store.reader.events(origin: p.problem.origin, seqs: p.problem.seq...p.problem.seq))?.isEmpty == false
            guard stored else { continue }
            let alert = Alert(subject: p.signer, code: "foreign_record",
                              message: "\(config.nodeId) did not apply \(p.problem.origin)#\(p.problem.seq): \(p.problem.reason)",
                              evidence: [p.evidence])
            raised(AlertEntry(timeMs: now(), subject: alert.subject, code: alert.code, message: alert.message))
            guard !blocked else { continue }
            let command = LocalCommand(kind: .alert, payload: alert.serializedBytes(), scope: Scope(target: .up(true)))
            for output in core.handle(.originate(command), now: now()) { perform(output) }
        }
    }

    /// A record of the core: logged at its level; a warning about a known peer becomes its last error, and a refusal
    /// is counted for the peer and in the metrics (by its fields, never by its words).
    private func note(_ record: LogRecord) {
        logger.log(record)
        if let kind = NodeMetrics.refusalKind(record) { metrics.refused(kind.kind, code: kind.code, count: record.count) }
        guard record.level >= .warning, let peer = record.peer, roles[peer] != nil else { return }
        peers[peer, default: PeerInfo()].note(record.message, refusal: record.isRefusal, count: record.count)
    }

    /// Whether the parent's link has been up since start: the parent told us how far our own chain goes.
    var parentConfirmed = false

    /// Why the node may not originate now, or nil. A node with a parent originates only once the parent confirmed
    /// (in the handshake) how far the node's own chain goes and any missing own events were pulled back: a store
    /// restored from an old backup cannot know it is old, and must never reuse a seq for different content.
    func originationBlocked() -> String? {
        dispatchPrecondition(condition: .onQueue(queue))
        if let parent = config.parent?.nodeId, !parentConfirmed {
            return "\(config.nodeId) has not reached its parent \(parent) since it started; it originates once the parent confirmed its own chain (retry later)"
        }
        if core.fenced { return "\(config.nodeId) is pulling its own events back from its parent after a restore; retry when it has caught up" }
        return nil
    }

    // MARK: Client side (connections this node dials)

    private func dial(_ peer: String) {
        guard let endpoint = addresses[peer], !stopping else {
            queue.async { _ = self.handleOnQueue(.dialFailed(peer: peer)) }
            return
        }
        var configuration = ClientConfiguration()
        configuration.defaultTimeoutSeconds = 10
        configuration.initialBackoffSeconds = 0.05
        configuration.maxBackoffSeconds = 1
        if let tls {
            configuration.tls = tls
            configuration.serverName = peer  // the server must present the key pinned for this peer
        }
        let client: Client
        do {
            client = try Client(target: endpoint, configuration: configuration)
        } catch {
            peers[peer, default: PeerInfo()].note("\(error)", refusal: false)
            queue.async { _ = self.handleOnQueue(.dialFailed(peer: peer)) }
            return
        }
        let conn = ConnectionID(nextConnection)
        nextConnection += 1
        dialed[conn] = Dialed(peer: peer, client: client)
        queue.async { _ = self.handleOnQueue(.connected(conn, peer: peer)) }
    }

    /// Fails a dialed connection once: closes the client and tells the core.
    func fail(_ conn: ConnectionID, _ reason: String, refused: Bool = false) {
        dispatchPrecondition(condition: .onQueue(queue))
        guard let d = dialed.removeValue(forKey: conn), !d.failed else { return }
        d.failed = true
        d.push?.finish()
        d.client.close()
        if !stopping {
            let wasUp = core.isLinkUp(d.peer)
            if !reason.isEmpty { peers[d.peer, default: PeerInfo()].note(reason, refusal: refused) }
            if refused { metrics.refused("tls_client", code: "pin_mismatch") }
            if wasUp { logger.info("link to \(d.peer) down\(reason.isEmpty ? "" : ": " + reason)", code: .linkDown, peer: d.peer) }
        }
        queue.async { _ = self.handleOnQueue(.disconnected(conn)) }
    }

    private func send(_ message: FederationMessage, on conn: ConnectionID, _ d: Dialed) {
        let options = CallOptions(timeoutSeconds: 10)
        switch message {
        case .hello(let request):
            unary(conn, d, FederationService.hello.path, request.serializedBytes(), options) { bytes throws(WireError) in
                .helloResponse(try HelloResponse(serializedBytes: bytes))
            }
        case .prove(let request):
            unary(conn, d, FederationService.prove.path, request.serializedBytes(), options) { bytes throws(WireError) in
                .proveResponse(try ProveResponse(serializedBytes: bytes))
            }
        case .pull(let request):
            unary(conn, d, FederationService.pull.path, request.serializedBytes(), options) { bytes throws(WireError) in
                .pullResponse(try EventBatch(serializedBytes: bytes))
            }
        case .push(let batch):
            if d.push == nil { openPush(conn, d) }
            d.push?.yield(batch.serializedBytes())
        default:
            fail(conn, "the core asked to send \(message.name) on a dialed connection")
        }
    }

    private func unary(_ conn: ConnectionID, _ d: Dialed, _ path: String, _ bytes: [UInt8], _ options: CallOptions,
                       _ decode: @escaping @Sendable ([UInt8]) throws(WireError) -> FederationMessage) {
        let client = d.client
        let peer = d.peer
        Task {
            do {
                let response = try await client.unary(path, bytes, options: options)
                let message = try decode(response)
                let entries: [VerifiedSignatures.Entry]
                if case .pullResponse(let batch) = message { entries = await self.preverify(batch.events) } else { entries = [] }
                self.queue.async {
                    defer { self.signatures.forget(entries) }
                    guard self.dialed[conn] != nil else { return }
                    self.peers[peer, default: PeerInfo()].lastSeenMs = self.now()
                    _ = self.handleOnQueue(.received(conn, message))
                }
            } catch {
                let refused = (error as? TransportError)?.code == .peerKeyMismatch
                self.queue.async { self.fail(conn, "\(path) to \(peer): \(error)", refused: refused) }
            }
        }
    }

    /// Opens the Push stream of a dialed connection: batches go out in order, Acks come back to the core.
    private func openPush(_ conn: ConnectionID, _ d: Dialed) {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        d.push = continuation
        let client = d.client
        let peer = d.peer
        let options = CallOptions(timeoutSeconds: 100 * 365 * 86_400)
        let faults = self.faults
        Task {
            do {
                try await client.bidirectionalStreaming(FederationService.push.path, options: options) { writer, responses in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await bytes in stream { try await writer.write(bytes) }
                            writer.finish()
                        }
                        group.addTask {
                            for try await bytes in responses {
                                let ack = try Ack(serializedBytes: bytes)
                                faults?.reached(.afterAckBeforeCursor)
                                self.queue.async {
                                    guard self.dialed[conn] != nil else { return }
                                    self.peers[peer, default: PeerInfo()].lastSeenMs = self.now()
                                    _ = self.handleOnQueue(.received(conn, .ack(ack)))
                                }
                            }
                        }
                        try await group.next()
                        group.cancelAll()
                    }
                }
                self.queue.async { self.fail(conn, "") }
            } catch {
                let refused = (error as? TransportError)?.code == .peerKeyMismatch
                self.queue.async { self.fail(conn, "Push to \(peer): \(error)", refused: refused) }
            }
        }
    }

    // MARK: Server side (connections peers dialed)

    /// The core's connection for the transport connection `connection`, announced to the core when new; the core
    /// forgets it when the transport connection closes.
    func acceptedConnection(_ connection: ConnectionHandle) async -> ConnectionID {
        let key = connection.id
        let (conn, new) = await acceptedConnection(key, handle: connection)
        if new { connection.onClose { [weak self] in self?.acceptedEnded(key) } }
        return conn
    }

    /// The core's connection for the accepted connection keyed `key`, and whether it was made now.
    func acceptedConnection(_ key: UInt64, handle: ConnectionHandle? = nil) async -> (ConnectionID, Bool) {
        await withCheckedContinuation { (c: CheckedContinuation<(ConnectionID, Bool), Never>) in
            queue.async {
                if let conn = self.accepted[key] { return c.resume(returning: (conn, false)) }
                let conn = ConnectionID(self.nextConnection)
                self.nextConnection += 1
                self.accepted[key] = conn
                if let handle { self.acceptedHandles[conn] = handle }
                _ = self.handleOnQueue(.accepted(conn))
                c.resume(returning: (conn, true))
            }
        }
    }

    /// The number of accepted connections the runtime holds state for (tests check it drops with the connections).
    func acceptedCount() async -> Int { await read { self.accepted.count } }

    /// The reason the core closed an accepted connection, if it did.
    func closeReason(_ conn: ConnectionID) async -> String? {
        await read { self.closedServer[conn] }
    }

    /// An accepted connection's link ended (its Push stream ended, its handshake was refused, or the transport
    /// connection closed): the core forgets it.
    func acceptedEnded(_ key: UInt64) {
        queue.async {
            guard let conn = self.accepted.removeValue(forKey: key) else { return }
            self.closedServer[conn] = nil
            self.acceptedHandles[conn] = nil
            _ = self.handleOnQueue(.disconnected(conn))
        }
    }

    /// A refused handshake from `peer` (a pinned id or an unknown one), for the status.
    func noteRefused(peer: String, reason: String) {
        metrics.refused("hello", code: "handshake_refused")
        queue.async {
            if self.roles[peer] != nil { self.peers[peer, default: PeerInfo()].note(reason, refusal: true) }
            self.raised(AlertEntry(timeMs: self.now(), subject: peer, code: "handshake_refused", message: reason))
        }
    }

    /// A TLS handshake a listener refused (``ServerEvent/tlsRefused(_:)``): counted by listener and reason. On the
    /// peer listener a certificate that claims a name and carries another key is also an alert about that name and
    /// the peer's last error; other failures (no certificate, a scanner, a client that gave up) are logged only. On the
    /// web listener every refusal is a browser's or a scanner's, logged at debug: no peer's refusal.
    func noteTLSRefusal(_ refusal: TLSRefusal, listener: String) {
        metrics.tlsRefused(listener: listener, refusal.reason)
        guard listener == "peer" else {
            logger.debug(refusal.message, code: .web)
            return
        }
        let peer = refusal.claimedName
        logger.warning(refusal.message, code: .tlsRefused, peer: peer.flatMap { roles[$0] != nil ? $0 : nil })
        guard refusal.reason == .pinMismatch, let peer else { return }
        queue.async {
            if self.roles[peer] != nil { self.peers[peer, default: PeerInfo()].note(refusal.message, refusal: true) }
            self.raised(AlertEntry(timeMs: self.now(), subject: peer, code: "tls_refused", message: refusal.message))
        }
    }

    /// Replaces the config's peers (on the executor) with those of `new`, through ``changePeers(_:_:)`` and the
    /// core's ``FederationNode/reconfigure(_:relink:now:)``.
    /// - Throws: ``NodeError`` `.config` when the core refuses the new peers (nothing changed then).
    func replacePeers(_ new: NodeConfig, federation: FederationConfig, relink: Set<String>) throws(NodeError) -> FederationNode.MembershipChange {
        var change = FederationNode.MembershipChange()
        try changePeers(new) { () throws(FederationError) in
            let result = try core.reconfigure(federation, relink: relink, now: now())
            change = result.change
            return result.outputs
        }
        for peer in change.removed { peers[peer] = nil }
        return change
    }

    /// Moves this body to the parent `parent` of `new` from `effective` (区划调整, on the executor), through
    /// ``changePeers(_:_:)`` and the core's ``FederationNode/move(to:effective:now:)``.
    /// - Throws: ``NodeError`` `.config` when the core refuses the move (nothing changed then).
    func move(_ new: NodeConfig, to parent: FederationConfig.Peer, effective: Day) throws(NodeError) -> FederationNode.MembershipChange {
        try changePeers(new) { () throws(FederationError) in try core.move(to: parent, effective: effective, now: now()) }
        return FederationNode.MembershipChange(added: [parent.id])
    }

    /// A membership change (on the executor): the runtime's directory of `new` first, so the core's dials find the
    /// new addresses, then `change` on the core; its outputs are carried out and the TLS pins replaced. When the core
    /// refuses, the directory is put back and nothing changed.
    private func changePeers(_ new: NodeConfig, _ change: () throws(FederationError) -> [FederationOutput]) throws(NodeError) {
        dispatchPrecondition(condition: .onQueue(queue))
        let directory = try PeerDirectory(new)
        let old = peerDirectory.withLock { d in
            let old = d
            d = directory
            return old
        }
        let outputs: [FederationOutput]
        do throws(FederationError) {
            outputs = try change()
        } catch {
            peerDirectory.withLock { $0 = old }
            throw NodeError(.config, error.message)
        }
        tls?.pins.replace(directory.publicKeys)
        keyring.update(pins: core.acceptedLinkKeys())  // the links' TLS and Hello checks take the new peers too
        carryOnQueue(outputs)
        closeAccepted(outputs)
    }

    /// Closes the transport connections of accepted links the core closed in `outputs` (a peer unpinned by a
    /// membership change: its idle Push stream would otherwise stay open).
    private func closeAccepted(_ outputs: [FederationOutput]) {
        for case .close(let conn, _) in outputs { acceptedHandles[conn]?.terminate() }
    }

    /// Stops timers and dials and closes every dialed connection.
    func stop() async {
        await read {
            self.stopping = true
            for conn in Array(self.dialed.keys) { self.fail(conn, "") }
        }
    }
}
