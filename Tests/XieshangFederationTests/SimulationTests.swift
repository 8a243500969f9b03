import Testing
import XieshangFederation
import XieshangSimulation
import XieshangWire

/// The deterministic simulator in the debug build: a smaller seeded run than `make test`'s release run, replay
/// determinism, and adversary runs.
@Suite struct SimulationTests {
    static let directory = "/tmp"

    func run(_ seed: UInt64, _ topology: String, adversary: Bool = false, verbose: Bool = false) throws -> Simulation.Report {
        var o = Simulation.Options(seed: seed, topology: try #require(SimTopology(topology)))
        o.adversary = adversary
        o.verbose = verbose
        o.directory = SimulationTests.directory
        return try Simulation(options: o).run()
    }

    @Test(arguments: ["1+2+4", "1+3+9", "alliance4"])
    func seededRunsHoldEveryInvariant(topology: String) throws {
        for seed in UInt64(1)...4 {
            let report = try run(seed, topology)
            #expect(report.violations.isEmpty, "seed \(seed) on \(topology): \(report.violations.prefix(5))")
            #expect(report.originated > 0 && report.crashes + report.partitions > 0)
        }
    }

    @Test func aSeedReplaysExactly() throws {
        let a = try run(7, "1+3+9", verbose: true)
        let b = try run(7, "1+3+9", verbose: true)
        #expect(a.log == b.log)
        #expect(a.messages == b.messages && a.originated == b.originated && a.endTimeMs == b.endTimeMs)
    }

    @Test func adversaryIsRefusedAndHonestNodesConverge() throws {
        for seed in UInt64(1)...2 {
            let report = try run(seed, "1+2+4", adversary: true)
            #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.prefix(5))")
            #expect(Set(report.attacks.map(\.attack)) == Set(Simulation.Attack.allCases))
            for a in report.attacks {
                #expect(a.refusals.contains(a.attack.expectedCode) && a.alerted)
            }
        }
    }

    /// Issue 20, item 3: a node rotates its key amid drops, a crash and a partition; every invariant holds, and once
    /// the network has settled every node that rotated proves its new key on its links (each peer acknowledged the
    /// key record) and every neighbour checks its events against the new key.
    @Test func keyRotationsAmidFaultsConverge() throws {
        for seed in UInt64(1)...3 {
            var o = Simulation.Options(seed: seed, topology: try #require(SimTopology("1+3+9")))
            o.keyRotations = 2
            o.directory = SimulationTests.directory
            let sim = try Simulation(options: o)
            let report = sim.run()
            #expect(report.violations.isEmpty, "seed \(seed): \(report.violations.prefix(5))")
            #expect(!report.keyRotations.isEmpty, "seed \(seed): no node rotated")
            for id in Set(report.keyRotations) {
                let node = try #require(sim.node(id))
                #expect(node.linkKey.publicKey == node.signingPublicKey, "seed \(seed): \(id) still proves its old key on its links")
                #expect(node.signingPublicKey != node.config.privateKey.publicKey)
                for peer in o.topology.nodes where peer.parent == id || peer.children.contains(id) {
                    #expect(sim.node(peer.id)?.keyDirectory().keys[id] == node.signingPublicKey, "seed \(seed): \(peer.id) does not know \(id)'s new key")
                }
            }
        }
    }

    /// Plans issued down under faults reach every body their scope names (the run's delivery invariant), and the
    /// notes — dated up to two days before they are entered, across the year boundary — roll up to the city by their
    /// own dates (the run's rollup invariant, counted from the logs).
    @Test func plansAndDatedRecordsUnderFaultsReachTheirBodiesAndRollUpByRecordDate() throws {
        var o = Simulation.Options(seed: 3, topology: try #require(SimTopology("1+3+9")))
        o.commands = 160
        o.directory = SimulationTests.directory
        let simulation = try Simulation(options: o)
        let report = simulation.run()
        #expect(report.violations.isEmpty, "\(report.violations.prefix(5))")
        let city = try #require(simulation.node("city"))
        let issuers = ["city", "county0", "county1", "county2"]
        let plans = try issuers.reduce(0) { $0 + (try simulation.node($1)?.store.reader.entries(kind: EventKind.plan.protoValue, limit: 10_000).count ?? 0) }
        #expect(plans > 0)
        // Records dated in 2026 and in 2027 both reached the city's figures.
        #expect((city.latestReport(period: "2026")?.totals["notes"] ?? 0) > 0)
        #expect((city.latestReport(period: "2027")?.totals["notes"] ?? 0) > 0)
    }

    @Test func topologiesParse() throws {
        let t = try #require(SimTopology("1+3+9"))
        #expect(t.nodes.count == 13 && t.node("county0")?.children.count == 3 && t.node("town8")?.parent == "county2")
        #expect(SimTopology("alliance4")?.alliances["wuling"]?.count == 4)
        #expect(SimTopology("2+3") == nil)
    }
}
