import Foundation
import XieshangFederation
import XieshangSimulation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// Drives a few real ``FederationNode``s (real SQLite files) by hand, passing each output to its peer in order:
/// the sans-I/O way of testing a protocol state machine. Faults are made by the tests themselves.
final class TestNetwork {
    struct Conn { var client: String; var server: String }
    var nodes: [String: FederationNode] = [:]
    var configs: [String: FederationConfig] = [:]
    var keys: [String: Ed25519.PrivateKey] = [:]
    var conns: [ConnectionID: Conn] = [:]
    var pending: [(ConnectionID, toClient: Bool, FederationMessage)] = []
    var timers: [(String, FederationTimer, Int64)] = []
    var alerts: [String: [Alert]] = [:]
    var acks: [String: [Ack]] = [:]  // by receiving client
    var logs: [String] = []
    /// The log records as the nodes emitted them (level, code, peer), beside their messages in `logs`.
    var records: [LogRecord] = []
    var now: Int64 = Day(unchecked: 2026, 11, 1).startMsChinaTime + 1_000
    var nextConn: UInt64 = 1
    let directory: String
    var intercept: ((ConnectionID, Bool, FederationMessage) -> Bool)?

    init() {
        directory = NSTemporaryDirectory() + "xs-fed-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        nodes = [:]
        try? FileManager.default.removeItem(atPath: directory)
    }

    func key(_ id: String) -> Ed25519.PrivateKey {
        if let k = keys[id] { return k }
        let k = try! Ed25519.PrivateKey(seed: Array(SHA256.hash(Array(id.utf8))))
        keys[id] = k
        return k
    }

    func peer(_ id: String) -> FederationConfig.Peer { .init(id: id, publicKey: key(id).publicKey) }

    /// A tree: `edges` maps a parent to its children.
    func tree(_ edges: [(String, [String])], options: FederationOptions = TestNetwork.options,
              sessions: SessionCalendar = SessionCalendar(dates: []),
              figures: @escaping @Sendable () -> any FiguresSource = { NoteFigures() },
              configure: (inout FederationConfig) -> Void = { _ in }) throws {
        var parent: [String: String] = [:]
        var children: [String: [String]] = [:]
        var ids: [String] = []
        for (p, cs) in edges {
            if !ids.contains(p) { ids.append(p) }
            children[p] = cs
            for c in cs { parent[c] = p; if !ids.contains(c) { ids.append(c) } }
        }
        for id in ids {
            configs[id] = FederationConfig(nodeId: id, privateKey: key(id), parent: parent[id].map(peer),
                                           children: (children[id] ?? []).map(peer), options: options)
            configs[id]!.figures = figures
            configs[id]!.sessions = sessions
            configs[id]!.testKinds = TestKinds.all   // the notes most tests originate (a test kind: XieshangTestKinds)
            configure(&configs[id]!)
        }
        for id in ids { try start(id) }
    }

    static var options: FederationOptions {
        var o = FederationOptions()
        o.rollupDebounceMs = 100
        o.ackTimeoutMs = 1_000
        return o
    }

    func path(_ id: String) -> String { directory + "/\(id).sqlite" }

    func start(_ id: String, config: FederationConfig? = nil, path: String? = nil, projectors: [any Projector] = []) throws {
        let store = try Store(path: path ?? self.path(id), projectors: projectors)
        // Seeded by the file name: the same node in two networks makes the same events; a clone (another file) does not.
        let file = (path ?? self.path(id)).split(separator: "/").last.map(String.init) ?? id
        let seed = SHA256.hash(Array(file.utf8)).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let node = try FederationNode(config: config ?? configs[id]!, store: store, seed: seed)
        nodes[id] = node
        feed(id, .start)
    }

    func feed(_ id: String, _ input: FederationInput) {
        guard let node = nodes[id] else { return }
        carry(id, node.handle(input, now: now))
    }

    func carry(_ id: String, _ outputs: [FederationOutput]) {
        for output in outputs {
            switch output {
            case .dial(let peer):
                if nodes[peer] != nil {
                    let c = ConnectionID(nextConn)
                    nextConn += 1
                    conns[c] = Conn(client: id, server: peer)
                    feed(peer, .accepted(c))
                    feed(id, .connected(c, peer: peer))
                } else {
                    feed(id, .dialFailed(peer: peer))
                }
            case .send(let c, let m):
                guard let conn = conns[c] else { continue }
                pending.append((c, conn.server == id, m))
            case .close(let c, let reason):
                logs.append("\(id) closed \(c): \(reason)")
                if let conn = conns.removeValue(forKey: c) {
                    feed(conn.client == id ? conn.server : conn.client, .disconnected(c))
                }
            case .setTimer(let t, let at):
                timers.removeAll { $0.0 == id && $0.1 == t }
                timers.append((id, t, at))
            case .alert(let a):
                alerts[id, default: []].append(a)
            case .log(let record):
                logs.append(record.message)
                records.append(record)
            default:
                break
            }
        }
    }

    /// Delivers every pending message (and what they cause) in order; then fires due timers, up to `ms` ahead.
    func run(forMs ms: Int64 = 2_000) {
        let end = now + ms
        while true {
            while !pending.isEmpty {
                let (c, toClient, m) = pending.removeFirst()
                guard let conn = conns[c] else { continue }
                if let intercept, !intercept(c, toClient, m) { continue }
                let target = toClient ? conn.client : conn.server
                if toClient, case .ack(let a) = m { acks[target, default: []].append(a) }
                feed(target, .received(c, m))
            }
            guard let next = timers.min(by: { $0.2 < $1.2 }), next.2 <= end else { break }
            timers.removeAll { $0.0 == next.0 && $0.1 == next.1 }
            now = max(now, next.2)
            feed(next.0, .timer(next.1))
        }
        now = end
    }

    /// Originates a note (its record date `dated`, "YYYY-MM-DD"; by default the day it is entered).
    func originate(_ id: String, _ kind: EventKind = .testNote, amount: Int64 = 1, route: Route = .up, dated: String = "t") {
        feed(id, .originate(LocalCommand(kind: kind, payload: Note(text: dated, amount: amount).serializedBytes(), scope: route.scope)))
    }

    func events(_ id: String) -> [StoredEvent] {
        (try? nodes[id]!.store.reader.entries(after: 0, limit: 100_000).map(\.event)) ?? []
    }

    /// The client-side connection from `client` to `server`.
    func connection(from client: String, to server: String) -> ConnectionID? {
        conns.first { $0.value.client == client && $0.value.server == server }?.key
    }

    /// Alert events `id` stored, decoded.
    func storedAlerts(_ id: String) -> [Alert] {
        events(id).filter { $0.kind == EventKind.alert.protoValue && ChainName.node(of: $0.origin) == id }.compactMap {
            (try? SignedEvent(body: $0.body, signature: $0.signature).decodedBody()).flatMap { try? Alert(serializedBytes: $0.payload) }
        }
    }

    /// Pushes `events` to `server` on the link `client` dialed, as the next batch, and returns the Ack.
    func inject(_ events: [SignedEvent], from client: String, to server: String) -> Ack? {
        guard let c = connection(from: client, to: server), let id = nodes[server]?.expectedBatchId(on: c) else { return nil }
        var ack: Ack?
        let outputs = nodes[server]!.handle(.received(c, .push(EventBatch(batchId: id, events: events, sender: client))), now: now)
        for output in outputs { if case .send(_, .ack(let a)) = output, a.batchId == id { ack = a } }
        // The client never sent this batch: its own batch with this id is still to come, so the Ack goes nowhere.
        carry(server, outputs.filter { if case .send(_, .ack(let a)) = $0, a.batchId == id { return false } else { return true } })
        return ack
    }
}
