import Dispatch
import FoundationEssentials
import Glibc
import XieshangDomain
import XieshangFederation
import XieshangStore
import XieshangTransport
import XieshangWire

/// A running node process (节点): the federation core on its serial executor, the Federation and Diagnostics
/// services on the peer address, the Admin service on the Unix socket.
public final class Node: Sendable {
    let runtime: NodeRuntime
    let peerServer: Server
    let adminServer: Server
    /// The address peers reach this node on (with the actual port when the config said port 0).
    public let boundAddress: Endpoint
    /// The logger.
    public let logger: NodeLogger
    let startedAt = Date()

    /// Loads the key, opens the store, starts both servers and the federation core.
    /// - Throws: ``NodeError`` naming the file or address that failed and what to do.
    public init(config: NodeConfig) throws(NodeError) {
        let logger = NodeLogger(node: config.nodeId, minimum: NodeLogger.Level(name: config.logLevel) ?? .info)
        self.logger = logger
        let key: Ed25519.PrivateKey
        do {
            key = try KeyFile.load(from: config.keyFile)
        } catch {
            throw NodeError(.keyFile, error.message, path: config.keyFile)
        }
        let dbPath = PathText.appending(config.dataDir, "node.db")
        let records = DomainProjector(body: XieshangDomain.BodyInfo(id: config.nodeId, name: config.name, tier: config.tier,
                                                     parent: config.parent?.nodeId))
        let store: Store
        do {
            // The records projection is kept in each append's transaction; an older database (or one written without
            // it) is caught up from the log here, at open.
            store = try Store(path: dbPath, projectors: [records, AllianceProjector(config: config, key: key)])
        } catch {
            throw NodeError(.store, "cannot open the store \(dbPath): \(error.message)", path: dbPath)
        }
        func peer(_ p: NodeConfig.Peer) -> FederationConfig.Peer {
            FederationConfig.Peer(id: p.nodeId, publicKey: p.publicKey, dials: !p.address.isEmpty, name: p.name, tier: p.tier)
        }
        var options = FederationOptions()
        options.rollupDebounceMs = Int64(config.rollupDebounceMs)
        options.backoffCapMs = Int64(config.retryCapMs)
        options.backoffBaseMs = min(200, Int64(config.retryCapMs))
        let signatures = VerifiedSignatures()
        var federation = FederationConfig(
            nodeId: config.nodeId, privateKey: key, parent: config.parent.map(peer), children: config.children.map(peer),
            alliances: config.alliances.map { FederationConfig.Alliance(id: $0.id, members: $0.members.map(peer)) },
            options: options)
        federation.signatureCache = signatures
        let body = XieshangDomain.BodyInfo(id: config.nodeId, name: config.name, tier: config.tier, parent: config.parent?.nodeId)
        federation.figures = { NodeFigures(body: body) }
        federation.sessions = SessionCalendar(dates: config.sessions)
        let core: FederationNode
        do {
            core = try FederationNode(config: federation, store: store, seed: UInt64.random(in: 0...UInt64.max))
        } catch {
            throw NodeError(.store, error.message, path: dbPath)
        }
        // TLS 1.3 between nodes (DESIGN.md §7): both sides present a certificate self-signed with the node key and
        // check the peer's key against its pin; the Hello handshake still proves the key and the store incarnation.
        var pins: [String: Ed25519.PublicKey] = [:]
        for p in (config.parent.map { [$0] } ?? []) + config.children + config.alliances.flatMap(\.members) { pins[p.nodeId] = p.publicKey }
        let tls = config.tls ? TLSConfiguration(key: key, name: config.nodeId, requireClientCertificate: true, pinnedPeers: pins) : nil
        runtime = try NodeRuntime(core: core, config: config, logger: logger, records: records, signatures: signatures, tls: tls)
        let listen: Endpoint
        do {
            listen = try Endpoint(parsing: config.listen)
        } catch {
            throw NodeError(.config, "listen address '\(config.listen)': \(error.message)")
        }
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.silentStreamTimeoutSeconds = 100 * 365 * 86_400
        serverConfiguration.idleTimeoutSeconds = 100 * 365 * 86_400
        serverConfiguration.tls = tls
        let runtime = self.runtime
        let log: @Sendable (String) -> Void = { line in
            if line.hasPrefix("TLS handshake with") { runtime.noteTLSRefusal(line) } else { logger.debug("transport: " + line) }
        }
        do {
            var handlers = FederationHandlers.handlers(runtime)
            for (path, handler) in Diagnostics.handlers() { handlers[path] = handler }
            peerServer = try Server(handlers: handlers, configuration: serverConfiguration, log: log)
            adminServer = try Server(handlers: AdminHandlers.handlers(runtime, startedAt: Date()), log: log)
        } catch {
            throw NodeError(.listen, "cannot set up the servers: \(error.message)")
        }
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
        runtime.enqueue(.start)
        AllianceRecorder.start(runtime)
        logger.info("started: \(config.name) (\(config.tier)) listening on \(boundAddress)\(config.tls ? " (TLS 1.3, pinned keys)" : " (h2c)"), admin on unix:\(config.adminSocket)")
    }

    /// Graceful stop: no more dials, GOAWAY on both servers; every acknowledged event is already committed (the store
    /// commits before each Ack), and the database closes when the process exits.
    public func shutdown() async {
        await runtime.stop()
        await peerServer.shutdown(gracePeriodSeconds: 2)
        await adminServer.shutdown(gracePeriodSeconds: 1)
        unlink(runtime.config.adminSocket)
        logger.info("stopped")
    }
}
