import XieshangCalendar
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// The deterministic simulator (确定性模拟): N federation nodes in one process, a seeded scheduler and an in-memory
/// network that delays, drops, duplicates and reorders messages, partitions links and crashes and restarts nodes.
///
/// A crash drops the node object (everything in memory) and closes its store; a restart reopens the same store
/// file, so it keeps exactly what was committed. After the faulty phase every partition heals, every node is up,
/// and the run goes on until nothing is scheduled; then ``SimulationReport/violations`` lists every invariant that
/// failed. The same ``Options`` (seed included) replay the same run.
public final class Simulation {
    /// Fault rates and workload of a run.
    public struct Options: Sendable {
        /// The seed of everything random in the run.
        public var seed: UInt64
        /// The federation's shape.
        public var topology: SimTopology
        /// Local commands issued during the faulty phase.
        public var commands: Int = 40
        /// Length of the faulty phase, simulated ms.
        public var faultyPhaseMs: Int64 = 4_000
        /// Per message: probability of a drop, a duplicate, and an extra reordering delay.
        public var dropRate: Double = 0.02
        public var duplicateRate: Double = 0.02
        public var reorderRate: Double = 0.05
        /// Crashes and partitions during the faulty phase.
        public var crashes: Int = 1
        public var partitions: Int = 1
        /// Key rotations (密钥轮换) by random nodes during the faulty phase, amid the crashes and partitions.
        public var keyRotations: Int = 1
        /// A leaf that attacks its parent (adversary mode); nil for an honest run.
        public var adversary: Bool = false
        /// Directory for the store files (a tmpfs such as /dev/shm keeps runs fast).
        public var directory: String = "/tmp"
        /// Node options used in the simulation (short timers).
        public var nodeOptions: FederationOptions = {
            var o = FederationOptions()
            o.rollupDebounceMs = 100
            o.backoffBaseMs = 50
            o.backoffCapMs = 2_000
            o.ackTimeoutMs = 400
            o.batchSize = 32
            o.window = 2
            return o
        }()
        /// Benchmark workload: when above 0, each leaf originates this many notes (scope up) during the first
        /// phase instead of the random workload.
        public var eventsPerLeaf: Int = 0
        /// Benchmark workload: notes a leaf records at once (one ``FederationInput/originateMany(_:)`` each, so one
        /// store transaction); 1 originates every note alone.
        public var burst: Int = 1
        /// What bodies record and how their figures count it (``NoteRecords`` by default; the node layer supplies
        /// the domain's records).
        public var records: any SimulatedRecords = NoteRecords()
        /// ``FederationConfig/recordsUpToTier`` at every node (tiers by depth: ``Simulation/tier(depth:)``); nil: off.
        public var recordsUpToTier: String?
        /// Keep every node's log lines (for `--seed N` replays).
        public var verbose: Bool = false
        /// Gives up (a liveness violation) when the run is still busy after this many simulated ms.
        public var maxTimeMs: Int64 = 600_000

        /// Options with every fault kind on.
        public init(seed: UInt64, topology: SimTopology) {
            self.seed = seed
            self.topology = topology
        }
    }

    /// An attack the adversary leaf makes on its parent.
    public enum Attack: String, Sendable, CaseIterable {
        /// An own event with a forged (random) signature.
        case forgedSignature = "forged_signature"
        /// A sibling's event, replayed by the adversary as if it came from its subtree.
        case replay
        /// A second, different event for a seq the parent already holds.
        case equivocation
        /// An event with a scope a child may not send (down).
        case outsideScope = "outside_scope"
        /// An event claiming another node's origin (not in the adversary's subtree).
        case outsideSubtree = "outside_subtree"
        /// An aggregate report whose totals exceed own + children.
        case inflatedRollup = "inflated_rollup"
        /// An aggregate report of a period that does not exist (year 99999999999: once a crash loop at the parent).
        case badPeriod = "bad_period"
        /// An aggregate report citing a sibling's report (not a child of the adversary), its totals adding up.
        case foreignCitation = "foreign_citation"
        /// The adversary rotates its key (an honest rotation, amid the run's faults), then signs an event after the
        /// rotation point with its old key — as a thief of the old key would.
        case staleKey = "stale_key"

        /// The refusal code the parent must answer with.
        public var expectedCode: String {
            switch self {
            case .forgedSignature: "bad_signature"
            case .replay, .outsideSubtree: "not_in_subtree"
            case .equivocation: "equivocation"
            case .outsideScope: "scope_not_allowed"
            case .inflatedRollup: "rollup_mismatch"
            case .badPeriod: "bad_period"
            case .foreignCitation: "bad_citation"
            case .staleKey: "key_superseded"
            }
        }
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Every invariant that failed, one sentence each (empty: the run passed).
        public var violations: [String] = []
        /// Events originated (accepted by their origin).
        public var originated = 0
        /// Messages sent / dropped / duplicated.
        public var messages = 0, dropped = 0, duplicated = 0
        /// Crashes and partitions that happened.
        public var crashes = 0, partitions = 0
        /// Nodes that rotated their key (honest rotations; the adversary's is counted among its attacks).
        public var keyRotations: [String] = []
        /// Attacks made and how each was answered (refusal codes seen).
        public var attacks: [(attack: Attack, refusals: [String], alerted: Bool, stored: Bool)] = []
        /// Simulated time at the end, ms.
        public var endTimeMs: Int64 = 0
        /// Largest number of events a node held in memory.
        public var maxBuffered = 0
        /// Log lines (verbose runs only).
        public var log: [String] = []
    }

    enum Action {
        case deliver(ConnectionID, toClient: Bool, FederationMessage)
        case dial(String, String)
        case timer(String, FederationTimer, Int64)
        case command(String)
        case crash(String)
        case restart(String)
        case rotateKey(String, attempt: Int)
        case partition(String, String)
        case heal(String, String)
        case healAll
        case attack(Attack, Int)
        case benchNotes(String, Int)
    }

    struct Connection {
        var client: String
        var server: String
        var open: Bool
    }

    final class SimNode {
        let id: String
        var config: FederationConfig
        let path: String
        var node: FederationNode?
        var timers: [FederationTimer: Int64] = [:]
        var restarts = 0
        init(id: String, config: FederationConfig, path: String) {
            self.id = id
            self.config = config
            self.path = path
        }
    }

    /// Simulated time 0 on the nodes' clocks: two seconds before 2027 begins in China Standard Time, so runs cross a
    /// month, a quarter, a half-year and a year boundary (and notes dated a day or two back land in 2026).
    public static let epochMs: Int64 = Day(unchecked: 2027, 1, 1).startMsChinaTime - 2_000

    /// The options of the run.
    public let options: Options
    var random: DeterministicRandom
    var queue = EventQueue<Action>()
    var now: Int64 = 0
    var nodes: [String: SimNode] = [:]
    var order: [String] = []
    var keys: [String: Ed25519.PrivateKey] = [:]
    var connections: [ConnectionID: Connection] = [:]
    var nextConnection: UInt64 = 1
    var partitioned: Set<String> = []
    /// One direction of a connection, and the latest time a message on it is delivered (FIFO).
    struct Lane: Hashable {
        var connection: ConnectionID
        var toClient: Bool
    }
    var laneClock: [Lane: Int64] = [:]
    var plansIssued = 0
    var recordsMade = 0
    var report = Report()
    var faultsOver = false
    var alerts: [String: [Alert]] = [:]
    var attackHashes: [[UInt8]] = []
    let runDirectory: String
    /// Wraps every input the simulator hands a node: called with the node's id and a closure that runs the node's
    /// ``FederationNode/handle(_:now:)`` (the benchmark measures each node's share of the CPU with it). Nil: no hook.
    public var inputHook: ((_ node: String, _ handle: () -> Void) -> Void)?

    /// Prepares a run: keys, configs and empty stores for every node.
    /// - Throws: ``FederationError`` when a store cannot be created.
    public init(options: Options) throws(FederationError) {
        self.options = options
        random = DeterministicRandom(seed: options.seed &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        runDirectory = options.directory + "/xs-sim-\(getpid())-\(options.seed)-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(runDirectory, 0o700)
        let topo = options.topology
        for (i, n) in topo.nodes.enumerated() {
            var seed = DeterministicRandom(seed: UInt64(i + 1) &* 0xA24B_AED4_963E_E407)
            guard let key = try? Ed25519.PrivateKey(seed: seed.bytes(32)) else {
                throw FederationError(.wire, "cannot make the key of simulated node \(n.id)")
            }
            keys[n.id] = key
        }
        func peer(_ id: String) -> FederationConfig.Peer {
            .init(id: id, publicKey: keys[id]!.publicKey, tier: Simulation.tier(depth: topo.ancestors(of: id).count))
        }
        for n in topo.nodes {
            var config = FederationConfig(nodeId: n.id, privateKey: keys[n.id]!, parent: n.parent.map(peer),
                                          children: n.children.map(peer),
                                          alliances: n.alliances.map { a in .init(id: a, members: (topo.alliances[a] ?? []).filter { $0 != n.id }.map(peer)) },
                                          options: options.nodeOptions)
            config.options = options.nodeOptions
            config.tier = Simulation.tier(depth: topo.ancestors(of: n.id).count)
            config.recordsUpToTier = options.recordsUpToTier
            config.testKinds = TestKinds.all   // the note workload (the test schema's kind)
            let records = options.records, parent = n.parent, depth = topo.ancestors(of: n.id).count, id = n.id
            config.figures = { records.figuresSource(body: id, parent: parent, depth: depth) }
            nodes[n.id] = SimNode(id: n.id, config: config, path: runDirectory + "/\(n.id).sqlite")
            order.append(n.id)
        }
    }

    deinit {
        for n in nodes.values { n.node = nil }
        for id in order {
            for suffix in ["", "-wal", "-shm"] { unlink(runDirectory + "/\(id).sqlite" + suffix) }
        }
        rmdir(runDirectory)
    }

    /// The tier of a simulated body at `depth` below its root: city, county, township, then village.
    public static func tier(depth: Int) -> String { ["city", "county", "township", "village"][min(max(depth, 0), 3)] }

    /// The adversary leaf (adversary mode): the last node that has a parent.
    public var adversaryId: String? {
        options.adversary ? options.topology.nodes.last(where: { $0.parent != nil })?.id : nil
    }

    /// The node object of `id` (nil while crashed), for tests.
    public func node(_ id: String) -> FederationNode? { nodes[id]?.node }

    /// Alerts node `id` raised.
    public func alerts(of id: String) -> [Alert] { alerts[id] ?? [] }

    /// Events stored on all nodes, counting every copy (the benchmark's measure of replication work).
    public func storedCopies() -> Int {
        order.reduce(0) { $0 + ((try? nodes[$1]?.node?.store.reader.count()) ?? 0) }
    }

    /// Runs the whole schedule and checks the invariants: ``start(attacks:)``, ``runSchedule()``, ``finish()``.
    public func run(attacks: [Attack] = Attack.allCases) -> Report {
        start(attacks: attacks)
        runSchedule()
        return finish()
    }

    /// Opens every node's store, starts the nodes and schedules the workload (the first phase of ``run(attacks:)``;
    /// the benchmark times the phases apart).
    public func start(attacks: [Attack] = Attack.allCases) {
        for id in order { startNode(id) }
        scheduleWorkload(attacks: attacks)
    }

    /// Starts every node and runs until the federation is idle — links authenticated, rosters exchanged — before any
    /// workload: the benchmark measures the workload's replication apart from the federation's start-up. Follow with
    /// ``scheduleWorkload(attacks:)``, ``runSchedule()`` and ``finish()``.
    public func startAndSettle() {
        for id in order { startNode(id) }
        runSchedule()
    }

    /// Carries out the schedule until nothing is left (or the liveness limit is hit): the replication itself.
    public func runSchedule() {
        while let (time, action) = queue.pop() {
            if time > options.maxTimeMs {
                report.violations.append("liveness: still busy at \(time) ms (\(queue.count + 1) actions queued)")
                break
            }
            now = max(now, time)
            perform(action)
        }
        report.endTimeMs = now
    }

    /// Checks the invariants on what the run left and returns the report.
    public func finish() -> Report {
        checkInvariants()
        return report
    }

    /// Events originated so far (the report's count, before the run ends).
    public var originatedSoFar: Int { report.originated }

    /// Event signatures the running nodes verified inline (``FederationNode/signaturesVerified``, summed; counters
    /// restart with a node).
    public func signaturesVerified() -> Int {
        order.reduce(0) { $0 + (nodes[$1]?.node?.signaturesVerified ?? 0) }
    }

    // MARK: Schedule

    /// Schedules the workload, faults and attacks of the options from the current simulated time on (part of
    /// ``start(attacks:)``; after ``startAndSettle()`` the benchmark calls it itself).
    public func scheduleWorkload(attacks: [Attack] = Attack.allCases) {
        let o = options
        let base = now
        if o.eventsPerLeaf > 0 {
            let leaves = o.topology.nodes.filter { $0.children.isEmpty }.map(\.id)
            for leaf in leaves {
                let burst = max(1, o.burst)
                var left = o.eventsPerLeaf
                while left > 0 {
                    queue.push(base + Int64(random.next() % UInt64(o.faultyPhaseMs)), .benchNotes(leaf, min(burst, left)))
                    left -= burst
                }
            }
        }
        for _ in 0..<o.commands {
            queue.push(base + Int64(random.next() % UInt64(o.faultyPhaseMs)), .command(order[Int(random.next() % UInt64(order.count))]))
        }
        for _ in 0..<o.crashes {
            let victim = order[Int(random.next() % UInt64(order.count))]
            let at = base + Int64(random.next() % UInt64(o.faultyPhaseMs))
            queue.push(at, .crash(victim))
            queue.push(at + 100 + Int64(random.next() % 1_500), .restart(victim))
        }
        for _ in 0..<o.keyRotations {
            let node = order[Int(random.next() % UInt64(order.count))]
            queue.push(base + Int64(random.next() % UInt64(o.faultyPhaseMs)), .rotateKey(node, attempt: 0))
        }
        let links = linkPairs()
        if !links.isEmpty {
            for _ in 0..<o.partitions {
                let (a, b) = links[Int(random.next() % UInt64(links.count))]
                let at = base + Int64(random.next() % UInt64(o.faultyPhaseMs))
                queue.push(at, .partition(a, b))
                queue.push(at + 200 + Int64(random.next() % 2_000), .heal(a, b))
            }
        }
        if adversaryId != nil {
            for (i, attack) in attacks.enumerated() {
                queue.push(base + 300 + Int64(i) * 150 + Int64(random.next() % 100), .attack(attack, 0))
            }
        }
        queue.push(base + o.faultyPhaseMs + 2_500, .healAll)
    }

    func linkPairs() -> [(String, String)] {
        var out: [(String, String)] = []
        for n in options.topology.nodes {
            if let p = n.parent { out.append((p, n.id)) }
        }
        for (_, members) in options.topology.alliances.sorted(by: { $0.key < $1.key }) {
            for i in members.indices { for j in members.indices where j > i { out.append((members[i], members[j])) } }
        }
        return out
    }

    func pairKey(_ a: String, _ b: String) -> String { a < b ? a + "|" + b : b + "|" + a }

    // MARK: Actions

    func perform(_ action: Action) {
        switch action {
        case .deliver(let conn, let toClient, let message):
            guard let c = connections[conn], c.open else { return }
            let target = toClient ? c.client : c.server
            feed(target, .received(conn, message))
        case .dial(let from, let to):
            guard nodes[from]?.node != nil else { return }
            if nodes[to]?.node == nil || partitioned.contains(pairKey(from, to)) {
                feed(from, .dialFailed(peer: to))
                return
            }
            let conn = ConnectionID(nextConnection)
            nextConnection += 1
            connections[conn] = Connection(client: from, server: to, open: true)
            feed(to, .accepted(conn))
            feed(from, .connected(conn, peer: to))
        case .timer(let id, let timer, let at):
            guard let n = nodes[id], n.node != nil, n.timers[timer] == at else { return }
            n.timers[timer] = nil
            feed(id, .timer(timer))
        case .command(let id):
            let commands = makeCommands(for: id)
            if commands.count == 1 { feed(id, .originate(commands[0])) } else if !commands.isEmpty { feed(id, .originateMany(commands)) }
        case .crash(let id):
            guard !faultsOver, let n = nodes[id], n.node != nil else { return }
            report.crashes += 1
            log("\(now) CRASH \(id)")
            n.node = nil
            n.timers = [:]
            closeConnections { $0.client == id || $0.server == id }
        case .restart(let id):
            guard let n = nodes[id], n.node == nil else { return }
            log("\(now) RESTART \(id)")
            startNode(id)
        case .rotateKey(let id, let attempt):
            rotateKey(id, attempt: attempt)
        case .partition(let a, let b):
            guard !faultsOver else { return }
            report.partitions += 1
            log("\(now) PARTITION \(a)-\(b)")
            partitioned.insert(pairKey(a, b))
            closeConnections { ($0.client == a && $0.server == b) || ($0.client == b && $0.server == a) }
        case .heal(let a, let b):
            partitioned.remove(pairKey(a, b))
        case .healAll:
            faultsOver = true
            partitioned = []
            for id in order where nodes[id]?.node == nil { startNode(id) }
        case .attack(let attack, let attempt):
            performAttack(attack, attempt: attempt)
        case .benchNotes(let id, let count):
            let note = LocalCommand(kind: .testNote, payload: Note(text: "bench", amount: 1).serializedBytes(), scope: Route.up.scope)
            feed(id, count == 1 ? .originate(note) : .originateMany(Array(repeating: note, count: count)))
        }
    }

    /// `id` rotates its key (a new key derived from the seed, kept for its restarts); a node that is down or fenced
    /// tries again a little later.
    func rotateKey(_ id: String, attempt: Int) {
        guard let n = nodes[id], id != adversaryId else { return }
        let seed = SHA256.hash(Array("sim-key-\(options.seed)-\(id)-\(n.config.rotatedKeys.count)".utf8))
        guard let node = n.node, !node.fenced, let key = try? Ed25519.PrivateKey(seed: seed),
              let (_, outputs) = try? node.rotateKey(to: key, now: Simulation.epochMs + now) else {
            if attempt < 50 { queue.push(now + 200, .rotateKey(id, attempt: attempt + 1)) }
            return
        }
        n.config.rotatedKeys.append(key)
        report.keyRotations.append(id)
        log("\(now) ROTATE KEY \(id) → \(key.publicKey.fingerprint)")
        carryOut(outputs, of: id)
    }

    func startNode(_ id: String) {
        guard let n = nodes[id] else { return }
        do {
            let store = try Store(path: n.path)
            n.restarts += 1
            n.node = try FederationNode(config: n.config, store: store, seed: options.seed &+ UInt64(n.restarts) &* 7919 &+ UInt64(order.firstIndex(of: id)!))
        } catch {
            report.violations.append("node \(id) could not (re)start: \(error)")
            return
        }
        feed(id, .start)
    }

    func closeConnections(_ match: (Connection) -> Bool) {
        for conn in connections.keys.sorted() {
            guard var c = connections[conn], c.open, match(c) else { continue }
            c.open = false
            connections[conn] = c
            for side in [c.client, c.server] where nodes[side]?.node != nil {
                feed(side, .disconnected(conn))
            }
        }
        connections = connections.filter { $0.value.open }
        laneClock = laneClock.filter { connections[$0.key.connection] != nil }
    }

    /// Gives an input to a node and carries out its outputs.
    func feed(_ id: String, _ input: FederationInput) {
        guard let sim = nodes[id], let node = sim.node else { return }
        var outputs: [FederationOutput] = []
        if let inputHook {
            inputHook(id) { outputs = node.handle(input, now: Simulation.epochMs + now) }
        } else {
            outputs = node.handle(input, now: Simulation.epochMs + now)
        }
        report.maxBuffered = max(report.maxBuffered, node.bufferedEvents)
        if node.bufferedEvents > node.bufferBound {
            report.violations.append("memory: \(id) holds \(node.bufferedEvents) events in memory at \(now) ms, bound \(node.bufferBound)")
        }
        carryOut(outputs, of: id)
    }

    func carryOut(_ outputs: [FederationOutput], of id: String) {
        guard let sim = nodes[id] else { return }
        for output in outputs {
            switch output {
            case .dial(let peer):
                queue.push(now + 1 + Int64(random.next() % 5), .dial(id, peer))
            case .send(let conn, let message):
                guard let c = connections[conn], c.open else { continue }
                let toClient = c.server == id
                report.messages += 1
                if !faultsOver && chance(options.dropRate) { report.dropped += 1; continue }
                // A connection is an HTTP/2 stream over TCP: FIFO, whatever the latency of each message. Only the
                // reordering fault breaks the order.
                var at = now + 1 + Int64(random.next() % 8)
                if !faultsOver && chance(options.reorderRate) {
                    at += Int64(random.next() % 200)
                } else {
                    let lane = Lane(connection: conn, toClient: toClient)
                    at = max(at, laneClock[lane] ?? 0)
                    laneClock[lane] = at
                }
                let delay = at - now
                queue.push(at, .deliver(conn, toClient: toClient, message))
                if !faultsOver && chance(options.duplicateRate) {
                    report.duplicated += 1
                    queue.push(now + delay + Int64(random.next() % 50), .deliver(conn, toClient: toClient, message))
                }
            case .close(let conn, _):
                if let c = connections.removeValue(forKey: conn), c.open {
                    for toClient in [false, true] { laneClock[Lane(connection: conn, toClient: toClient)] = nil }
                    let other = c.client == id ? c.server : c.client
                    feed(other, .disconnected(conn))
                    feed(id, .disconnected(conn))
                }
            case .setTimer(let timer, let nodeTime):
                let at = nodeTime - Simulation.epochMs
                sim.timers[timer] = at
                queue.push(max(at, now), .timer(id, timer, at))
            case .log(let record):
                log("\(now) \(id) \(record.code.rawValue)\(record.peer.map { " peer=" + $0 } ?? ""): \(record.message)")
            case .alert(let alert):
                alerts[id, default: []].append(alert)
                log("\(now) \(id) ALERT \(alert.code) about \(alert.subject): \(alert.message)")
            case .originated:
                report.originated += 1
            case .commandRefused(let reason):
                log("\(now) \(id) command refused: \(reason)")
            case .commandQueued(let queued):
                log("\(now) \(id) command queued as \(queued)")
            }
        }
    }

    func chance(_ p: Double) -> Bool { p > 0 && Double(random.next() % 1_000_000) < p * 1_000_000 }

    func log(_ line: String) { if options.verbose { report.log.append(line) } }

    // MARK: Workload

    /// The next local command(s) of `id`: a plan is issued as one group (draft, items, review, approval, issue).
    func makeCommands(for id: String) -> [LocalCommand] {
        let topo = options.topology
        guard let n = topo.node(id) else { return [] }
        let roll = random.next() % 100
        let amount = Int64(random.next() % 50)
        let entered = Day(chinaTimeMs: Simulation.epochMs + now)
        let day = entered.description
        // A record is dated up to two days before it is entered (an activity of 31 December entered on 2 January).
        let recordDate = entered.adding(days: -Int(random.next() % 3))
        let recordDay = recordDate.description
        let alone = n.parent == nil && n.children.isEmpty && n.alliances.isEmpty
        if roll < 60 || alone {
            recordsMade += 1
            let commands = options.records.commands(body: id, serial: recordsMade, recordDay: recordDate, roll: alone ? 0 : Int(roll),
                                                    amount: amount, random: &random)
            // Records go where the body's setting sends them (records_up_to_tier: up to the nearest ancestor of the tier).
            guard options.recordsUpToTier != nil, let node = nodes[id]?.node else { return commands }
            return commands.map { c in
                guard case .up? = Route(c.scope) else { return c }
                return LocalCommand(kind: c.kind, payload: c.payload, scope: node.recordsRoute(.up).scope)
            }
        }
        if roll < 75, !n.children.isEmpty {
            let descendants = topo.descendants(of: id)
            let only = random.next() % 2 == 0 ? [] : [descendants[Int(random.next() % UInt64(descendants.count))]]
            plansIssued += 1
            let planId = "plan\(plansIssued)"
            func step(_ s: PlanEvent.Step) -> LocalCommand {
                LocalCommand(kind: .plan, payload: PlanEvent(planId: planId, issuer: id, on: day, step: s).serializedBytes(),
                             scope: Route.down(only: only).scope)
            }
            let item = PlanItem(itemId: "1", topic: "item", leadLeader: "lead", department: "office", deadline: day,
                                assignees: only.isEmpty ? n.children : only)
            return [step(.drafted(.init(year: 2027, title: planId))), step(.itemAdded(item)), step(.reviewed(.init(meeting: "chairs"))),
                    step(.approved(.init(meeting: "standing committee"))), step(.issued(.init(document: planId)))]
        }
        if roll < 85, let a = n.alliances.first {
            return [LocalCommand(kind: .jointActivity, payload: Note(text: "joint").serializedBytes(), scope: Route.alliance(a).scope)]
        }
        let targets = topo.nodes.map(\.id).filter { $0 != id && !topo.path(from: id, to: $0).isEmpty }
        if !targets.isEmpty {
            let t = targets[Int(random.next() % UInt64(targets.count))]
            return [LocalCommand(kind: .testNote, payload: Note(text: recordDay, amount: amount).serializedBytes(), scope: Route.direct(t).scope)]
        }
        return [LocalCommand(kind: .testNote, payload: Note(text: recordDay, amount: amount).serializedBytes(), scope: Route.up.scope)]
    }
}
