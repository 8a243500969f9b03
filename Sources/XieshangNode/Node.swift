import Dispatch
import FoundationEssentials
import Glibc
import XieshangAccounts
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// A running node process (节点): the federation core on its serial executor, the Federation service on the peer
/// address, the Admin and Diagnostics services on the Unix socket.
public final class Node: Sendable {
    let runtime: NodeRuntime
    let peerServer: Server
    let adminServer: Server
    /// The HTTPS web interface, when `web_listen` is set.
    let webServer: Server?
    /// The address the web interface listens on (actual port), when it is on.
    public let webAddress: Endpoint?
    /// The address peers reach this node on (with the actual port when the config said port 0).
    public let boundAddress: Endpoint
    /// The logger.
    public let logger: NodeLogger
    /// The web's accounts, sessions and audit trail, in the node's database (the web layer and the admin socket use it).
    public let accounts: AccountBook
    let startedAt = Date()
    /// The database's lock, held while the node runs: a second node process on the same data directory, and
    /// `xieshang restore`, are refused while it is held.
    let databaseLock: StoreLock

    /// Loads the key, opens the store, starts both servers and the federation core. `faults` and `testKinds` are the
    /// test hooks (``FaultInjection``; the event kinds reserved for tests this node makes and accepts,
    /// ``FederationConfig/testKinds``); production passes none.
    /// - Throws: ``NodeError`` naming the file or address that failed and what to do.
    public init(config: NodeConfig, configFile: String? = nil, faults: (any FaultInjection)? = nil,
                testKinds: Set<EventKind> = []) throws(NodeError) {
        let logger = NodeLogger(node: config.nodeId, minimum: NodeLogger.Level(name: config.logLevel) ?? .info)
        self.logger = logger
        // A config made in code gets the checks a file gets (plain h2c only on loopback, no peer twice).
        try config.checkConsistency(file: "the node's config")
        Node.makeDataDirectoryPrivate(config.dataDir, logger: logger)
        Node.raiseOpenFilesLimit(logger)
        let key: Ed25519.PrivateKey
        do {
            key = try KeyFile.load(from: config.keyFile)
        } catch {
            throw NodeError(.keyFile, error.message, path: config.keyFile)
        }
        // Keys `xieshang key rotate` wrote beside the key file: the node signs with the newest its log announced.
        let rotatedKeys = try NodeKeys.loadRotated(beside: config.keyFile)
        let dbPath = NodeBackup.databasePath(config)
        do {
            databaseLock = try StoreLock(databasePath: dbPath)
        } catch {
            throw NodeError(.store, error.message, path: dbPath)
        }
        let records = DomainProjector(body: XieshangDomain.BodyInfo(id: config.nodeId, name: config.name, tier: config.tier,
                                                     parent: config.parent?.nodeId), children: config.children.map(\.nodeId))
        let store: Store
        do {
            // The records projection is kept in each append's transaction; an older database (or one written without
            // it) is caught up from the log here, at open.
            store = try Store(path: dbPath, projectors: [records, AllianceProjector(config: config, key: key)])
        } catch {
            throw NodeError(.store, "cannot open the store \(dbPath): \(error.message)", path: dbPath)
        }
        do {
            accounts = try AccountBook(databasePath: dbPath, configuration: config.accounts)
        } catch {
            throw NodeError(.store, "cannot open the accounts in \(dbPath): \(error.message)", path: dbPath)
        }
        var options = FederationOptions()
        options.rollupDebounceMs = Int64(config.rollupDebounceMs)
        options.backoffCapMs = Int64(config.retryCapMs)
        options.backoffBaseMs = min(200, Int64(config.retryCapMs))
        let signatures = VerifiedSignatures()
        var federation = FederationConfig(nodeId: config.nodeId, privateKey: key, options: options)
        Node.setPeers(of: &federation, from: config)
        federation.signatureCache = signatures
        federation.rotatedKeys = rotatedKeys
        let body = XieshangDomain.BodyInfo(id: config.nodeId, name: config.name, tier: config.tier, parent: config.parent?.nodeId)
        federation.figures = { NodeFigures(body: body) }
        federation.sessions = SessionCalendar(dates: config.sessions)
        federation.tier = config.tier
        federation.recordsUpToTier = config.recordsUpToTier
        federation.testKinds = testKinds
        let core: FederationNode
        do {
            core = try FederationNode(config: federation, store: store, seed: UInt64.random(in: 0...UInt64.max))
        } catch {
            throw NodeError(.store, error.message, path: dbPath)
        }
        // TLS 1.3 between nodes (DESIGN.md §7): both sides present a certificate self-signed with the node key and
        // check the peer's key against its pin; the Hello handshake still proves the key and the store incarnation.
        // The keyring follows key rotations (密钥轮换): the key this node proves on its links, and each peer's pinned
        // key with the keys its rotations announced (minus revoked ones); new sessions take what is current.
        var pins: [String: Ed25519.PublicKey] = [:]
        for (p, _) in config.peersWithRoles { pins[p.nodeId] = p.publicKey }
        let keyring: TLSKeyring
        do {
            keyring = try TLSKeyring(identity: core.linkKey, name: config.nodeId, pins: core.acceptedLinkKeys())
        } catch {
            throw NodeError(.keyFile, "cannot make the link certificate of \(config.nodeId): \(error.message)", path: config.keyFile)
        }
        var tls = config.tls ? TLSConfiguration(key: key, name: config.nodeId, requireClientCertificate: true, pinnedPeers: pins) : nil
        tls?.keyring = keyring
        runtime = try NodeRuntime(core: core, config: config, logger: logger, records: records, signatures: signatures, keyring: keyring, tls: tls,
                                  configFile: configFile, faults: faults)
        core.queueRules = QueuedSubmit(runtime: runtime)  // records accepted while fenced: checked again when originated
        let listen: Endpoint
        do {
            listen = try Endpoint(parsing: config.listen)
        } catch {
            throw NodeError(.config, "listen address '\(config.listen)': \(error.message)")
        }
        var serverConfiguration = ServerConfiguration()
        // A Push stream is a peer's standing channel: it is silent whenever the peer has nothing to send, for hours,
        // so streams of authenticated peers are never reset for silence. (This used to be set together with a
        // 100-year idle timeout, which also let sockets that never authenticated stay forever.) Connections that have
        // not proved their key are bounded by the pre-authentication budgets instead: 10 s to authenticate, 4
        // streams, 64 KiB messages, 32 connections per address, 256 in all (the oldest evicted first).
        serverConfiguration.silentStreamTimeoutSeconds = 100 * 365 * 86_400
        serverConfiguration.unauthenticated = UnauthenticatedLimits()
        serverConfiguration.tls = tls
        let runtime = self.runtime
        let log: @Sendable (String) -> Void = { line in logger.debug(line, code: .transport) }
        // What the node acts on arrives typed: a refused TLS handshake (counted, and an alert when a certificate claims
        // a pinned name with another key), an `accept` out of descriptors (operators must see it; at most 10 a second).
        let events: @Sendable (ServerEvent) -> Void = { event in
            switch event {
            case .tlsRefused(let refusal): runtime.noteTLSRefusal(refusal, listener: "peer")
            case .acceptFailed: logger.warning(event.message, code: .transport)
            }
        }
        do {
            peerServer = try Server(handlers: FederationHandlers.handlers(runtime), configuration: serverConfiguration, log: log, events: events)
            // Diagnostics (Echo) only for local operators: on the peer port it would be work anyone can ask for.
            var admin = AdminHandlers.handlers(runtime, startedAt: Date(), accounts: accounts)
            for (path, handler) in Diagnostics.handlers() { admin[path] = handler }
            for (path, handler) in AuditExport.handlers(runtime) { admin[path] = handler }
            for (path, handler) in AccountsHandlers.handlers(accounts) { admin[path] = handler }
            for (path, handler) in NodeBackup.handlers(runtime) { admin[path] = handler }
            for (path, handler) in NodeKeys.handlers(runtime) { admin[path] = handler }
            for (path, handler) in NodeMembership.handlers(runtime) { admin[path] = handler }
            adminServer = try Server(handlers: admin, log: log, events: events)
        } catch {
            throw NodeError(.listen, "cannot set up the servers: \(error.message)")
        }
        let peerServer = self.peerServer
        webServer = try Node.makeWebServer(config: config, runtime: runtime, accounts: accounts, logger: logger,
                                           peerTransport: { peerServer.metrics })
        do {
            boundAddress = try peerServer.listen(on: listen)
        } catch {
            throw NodeError(.listen, "cannot listen on \(config.listen): \(error.message); pick a free port in `listen`")
        }
        unlink(config.adminSocket)
        do {
            try adminServer.listen(on: .unix(path: config.adminSocket))
        } catch {
            throw NodeError(.admin, "cannot listen on the admin socket \(config.adminSocket): \(error.message)", path: config.adminSocket)
        }
        chmod(config.adminSocket, 0o600)
        if let webServer {
            do {
                webAddress = try webServer.listen(on: try Endpoint(parsing: config.webListen))
            } catch {
                throw NodeError(.listen, "cannot listen on web_listen \(config.webListen): \(error.message); pick a free port in `web_listen`")
            }
        } else {
            webAddress = nil
        }
        runtime.enqueue(.start)
        Node.foldRecordsAtStart(records, path: dbPath, logger: logger)
        runtime.trimWhenQuiet()
        AllianceRecorder.start(runtime)
        logger.info("started: \(config.name) (\(config.tier)) listening on \(boundAddress)\(config.tls ? " (TLS 1.3, pinned keys)" : " (h2c)"), admin on unix:\(config.adminSocket)\(webAddress.map { ", web on https://\($0)" } ?? "")")
    }

    /// Sets the parent, children and alliances of `federation` from the peers of `config` (at start, and when a
    /// membership change replaces them).
    static func setPeers(of federation: inout FederationConfig, from config: NodeConfig) {
        func peer(_ p: NodeConfig.Peer) -> FederationConfig.Peer {
            FederationConfig.Peer(id: p.nodeId, publicKey: p.publicKey, dials: !p.address.isEmpty, name: p.name, tier: p.tier,
                                  zone: config.zone(of: p.nodeId), retiredFrom: p.retiredFrom)
        }
        federation.parent = config.parent.map(peer)
        federation.leavingParent = config.leavingParent.map(peer)
        federation.children = config.children.map(peer)
        federation.alliances = config.alliances.map { FederationConfig.Alliance(id: $0.id, members: $0.members.map(peer)) }
    }

    /// The web interface's server (HTTPS, ALPN h2, no client certificate), nil when `web_listen` is not set.
    /// - Throws: ``NodeError`` `.config` naming the certificate or key file that is missing, malformed or mismatched
    ///   (exit 78, like a bad node key).
    static func makeWebServer(config: NodeConfig, runtime: NodeRuntime, accounts: AccountBook, logger: NodeLogger,
                              peerTransport: @escaping @Sendable () -> TransportMetrics.Snapshot) throws(NodeError) -> Server? {
        guard !config.webListen.isEmpty else { return nil }
        // Its own events: a browser that gives up on a certificate warning fails a TLS handshake, which is counted under
        // the web listener and is no peer's refusal (no alert).
        let log: @Sendable (String) -> Void = { line in logger.debug(line, code: .web) }
        let events: @Sendable (ServerEvent) -> Void = { event in
            switch event {
            case .tlsRefused(let refusal): runtime.noteTLSRefusal(refusal, listener: "web")
            case .acceptFailed: logger.warning(event.message, code: .web)
            }
        }
        let tls = TLSConfiguration(certificateFile: config.webCertificate, keyFile: config.webKey, name: config.nodeId)
        // Every page only reads, and the node keeps no accounts yet: the open gate admits every request.
        // Every page behind the accounts: sessions, roles, the origin and CSRF checks (AccountsGate).
        let data = NodeWebData(runtime: runtime, startedAt: Date(), peerTransport: peerTransport)
        let routes = WebSite.routes(data, gate: AccountsGate(book: accounts), accounts: accounts, metricsToken: config.metricsToken)
        do {
            return try Server(handlers: [:], routes: routes, configuration: WebPage.serverConfiguration(tls: tls), log: log, events: events)
        } catch {
            let path = error.message.contains(config.webKey) ? config.webKey : config.webCertificate
            throw NodeError(.config, "web interface: \(error.message)", path: path)
        }
    }

    /// Folds the records from the log once, now, off the node's executor. Nothing of the fold is kept across a restart,
    /// so otherwise the first page that reads them (a city with a year of records: half a second) or the first event
    /// stored would fold them while someone waits. A failure here costs only that wait, so it is logged, not fatal.
    static func foldRecordsAtStart(_ records: DomainProjector, path: String, logger: NodeLogger) {
        DispatchQueue.global(qos: .utility).async {
            do {
                _ = try records.state(readingAt: path)
            } catch {
                logger.warning("could not fold the records at start (the first page to read them will): \(error)")
            }
        }
    }

    /// The data directory holds the key, the records and the admin socket: mode 0700, tightened at start when an older
    /// `init` (or an operator) left it open to group or others.
    static func makeDataDirectoryPrivate(_ directory: String, logger: NodeLogger) {
        var st = stat()
        guard lstat(directory, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, st.st_uid == geteuid(), st.st_mode & 0o077 != 0 else { return }
        if chmod(directory, 0o700) == 0 {
            logger.warning("data directory \(directory) was open to other users (mode \(String(st.st_mode & 0o777, radix: 8))); set it to 0700")
        }
    }

    /// Raises the soft limit on open files to the hard limit: every peer, every connection that has not authenticated
    /// yet and the store take descriptors, and the usual soft limit of 1,024 is below the server's connection limit.
    static func raiseOpenFilesLimit(_ logger: NodeLogger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        let old = limit.rlim_cur
        limit.rlim_cur = limit.rlim_max
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 {
            logger.warning("cannot raise the open-files limit from \(old) to \(limit.rlim_max): \(String(cString: strerror(errno)))")
        }
    }

    /// The peer server's counters (connections, refusals, evictions, buffered bytes).
    public var peerMetrics: TransportMetrics.Snapshot { peerServer.metrics }

    /// Graceful stop: no more dials, GOAWAY on both servers; every acknowledged event is already committed (the store
    /// commits before each Ack), and the database closes when the process exits.
    public func shutdown() async {
        await runtime.stop()
        await peerServer.shutdown(gracePeriodSeconds: 2)
        await adminServer.shutdown(gracePeriodSeconds: 1)
        await webServer?.shutdown(gracePeriodSeconds: 1)
        unlink(runtime.config.adminSocket)
        databaseLock.release()
        logger.info("stopped")
    }
}
