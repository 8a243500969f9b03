import Foundation
import Testing
@testable import XieshangNode
import XieshangFederation
import XieshangStore
import XieshangTestKinds
import XieshangWire

/// A real county node in this process (real store, real servers, its parent city not running) and a township whose
/// sans-I/O core runs in the test, wired to the county's runtime entry point (`submitVerified`) directly, so a test can
/// tamper with what the township sends. Made by ``make()``: the county has reached its city once (a node with a parent
/// originates nothing, and stores no events of a child its roster does not vouch for yet, until its parent confirmed
/// its own chain), then the city was stopped again.
final class CountyWithFakeTownship: @unchecked Sendable {
    let directory: String
    let topology: Topology
    let county: Node
    /// The county's parent, once ``startCity()`` started it in this process.
    var city: Node?
    let town: FederationNode
    let townConn = ConnectionID(1)
    var countyConn = ConnectionID(0)
    var acks: [Ack] = []
    /// Applied to every Push batch the township sends (tests forge signatures with it).
    var tamper: ((inout EventBatch) -> Void)?

    init() throws {
        let dir = "/tmp/xsnv-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        directory = dir
        let base = try LocalFederation.freePortRange(3)
        topology = try Topology.generate(counties: 1, townshipsPerCounty: 1, basePort: base, directory: dir, retryCapMs: 300, tls: false)
        let countyMember = topology.members.first { $0.id == "county1" }!
        let townMember = topology.members.first { $0.id == "county1-town1" }!
        var countyConfig = countyMember.config
        countyConfig.logLevel = "warning"
        // The county and the city enable the test event kinds (the notes the fake township originates), as
        // `xieshang-node-test` does; a shipped node refuses them (TestKindProcessTests).
        county = try Node(config: countyConfig, testKinds: TestKinds.all)
        let key = try KeyFile.load(from: townMember.config.keyFile)
        let parent = townMember.config.parent!
        let store = try Store(path: townMember.directory + "/fake.db")
        var townConfig = FederationConfig(nodeId: townMember.id, privateKey: key, parent: .init(id: parent.nodeId, publicKey: parent.publicKey))
        townConfig.testKinds = TestKinds.all
        town = try FederationNode(config: townConfig, store: store, seed: 7)
    }

    /// A county that has reached its city once since it started (so it originates and stores its township's events),
    /// with the city stopped again.
    static func make() async throws -> CountyWithFakeTownship {
        let pair = try CountyWithFakeTownship()
        try pair.startCity()
        let runtime = pair.county.runtime
        try await waitUntil("the county reached its city and sent its roster up", seconds: 60) {
            let unfenced = await runtime.read { !runtime.core.fenced && runtime.originationBlocked() == nil }
            let rosters = await pair.countyCount("origin LIKE 'county1%' AND kind = \(EventKind.roster.protoValue)")
            return unfenced && rosters > 0
        }
        try await waitUntil("the city holds the county's roster", seconds: 60) {
            await pair.countyStatus().links.first { $0.peer == "city" }?.lag == 0
        }
        await pair.city?.shutdown()
        pair.city = nil
        return pair
    }

    func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }

    /// Relays the township's outputs to the county (through `submitVerified`) and the answers back, until quiet.
    func pump(_ initial: [FederationOutput]) async {
        var pending = initial
        while !pending.isEmpty {
            let output = pending.removeFirst()
            switch output {
            case .dial(let peer):
                countyConn = await county.runtime.acceptedConnection(UInt64.random(in: (1 << 62)...UInt64.max)).0
                pending += town.handle(.connected(townConn, peer: peer), now: now())
            case .send(_, let message):
                var message = message
                if case .push(var batch) = message, let tamper {
                    tamper(&batch)
                    message = .push(batch)
                }
                for answer in await county.runtime.submitVerified(countyConn, message) {
                    guard case .send(let c, let reply) = answer, c == countyConn else { continue }
                    if case .ack(let a) = reply { acks.append(a) }
                    pending += town.handle(.received(townConn, reply), now: now())
                }
            default:
                continue
            }
        }
    }

    func originate(_ count: Int) async {
        var outputs: [FederationOutput] = []
        for i in 0..<count {
            let note = Note(text: "n\(i)", amount: 1).serializedBytes()
            outputs += town.handle(.originate(LocalCommand(kind: .testNote, payload: note, scope: Scope(target: .up(true)))), now: now())
        }
        await pump(outputs)
    }

    /// The highest seq of the township's chain the county holds.
    func countyHolds() async -> UInt64 {
        await county.runtime.read { (try? self.county.runtime.core.store.reader.highestSeqs()["county1-town1"]) ?? 0 }
    }

    /// Starts the city node in this process; the county's link to it comes up (the county dials with backoff).
    func startCity() throws {
        var config = topology.members.first { $0.id == "city" }!.config
        config.logLevel = "warning"
        city = try Node(config: config, testKinds: TestKinds.all)
    }

    /// The county's Admin status.
    func countyStatus() async -> StatusResponse {
        let runtime = county.runtime
        return await runtime.read { AdminHandlers.status(runtime, StatusRequest(), startedAt: Date()) }
    }

    /// Counts the county's events with a SQL condition on the store (independent of the status code).
    func countyCount(_ whereClause: String) async -> Int64 {
        let runtime = county.runtime
        return await runtime.read {
            guard let rows = try? runtime.core.store.reader.rows("SELECT count(*) FROM events WHERE " + whereClause),
                  case .integer(let n)? = rows.first?.first else { return -1 }
            return n
        }
    }

    func close() async {
        await city?.shutdown()
        await county.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
