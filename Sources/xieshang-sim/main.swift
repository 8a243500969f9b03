// xieshang-sim: the deterministic federation simulator's command line.
//   xieshang-sim --seeds 1000 --nodes 1+3+9            run seeds 1…1000 and print a summary
//   xieshang-sim --seed 42 --nodes 1+3+9 [--verbose]   replay one seed exactly
//   xieshang-sim --bench                               events/s through 1+10+172 with authentication on
// Several topologies: --nodes 1+2+4,1+3+9,alliance4 (seed s uses topology s mod count). --adversary makes every
// fourth seed of a tree topology an adversary run. --records domain makes the bodies originate domain records
// (activities, suggestions, opinion reports) counted by the node's figures source; the default is notes.
// Exits 1 when any invariant fails.
import Dispatch
import XieshangFederation
import XieshangSimulation
import XieshangCalendar
#if canImport(Glibc)
import Glibc
#endif

func usage() -> Never {
    print("usage: xieshang-sim [--seeds N | --seed N] [--first S] [--nodes 1+3+9[,alliance4,…]] [--adversary] [--records notes|domain] [--jobs 2] [--verbose] [--quiet]\n       xieshang-sim --bench [--events N] [--burst 10] [--nodes 1+10+172]")
    exit(2)
}

let args = Array(CommandLine.arguments.dropFirst())
@MainActor func value(_ flag: String) -> String? {
    guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
    return args[i + 1]
}
if args.contains("--help") || args.contains("-h") { usage() }
if args.contains("--bench") { exit(runSimulatorBench(args)) }

let topologyTexts = (value("--nodes") ?? "1+3+9").split(separator: ",").map(String.init)
nonisolated(unsafe) var topologies: [SimTopology] = []
for t in topologyTexts {
    guard let topo = SimTopology(t) else { print("bad topology '\(t)': use tiers like 1+3+9 or alliance4"); exit(2) }
    topologies.append(topo)
}
let adversaryRuns = args.contains("--adversary")
let recordsText = value("--records") ?? "notes"
guard ["notes", "domain"].contains(recordsText) else { print("--records takes notes or domain"); exit(2) }
let verbose = args.contains("--verbose")
let quiet = args.contains("--quiet")
let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"

var seeds: [UInt64] = []
if let one = value("--seed").flatMap(UInt64.init) {
    seeds = [one]
} else {
    let count = value("--seeds").flatMap(UInt64.init) ?? 100
    let first = value("--first").flatMap(UInt64.init) ?? 1
    seeds = Array(first..<(first + count))
}

@MainActor func options(for seed: UInt64) -> Simulation.Options {
    let topo = topologies[Int(seed % UInt64(topologies.count))]
    var o = Simulation.Options(seed: seed, topology: topo)
    o.adversary = adversaryRuns && seed % 4 == 0 && topo.nodes.contains { $0.parent != nil }
    o.directory = directory
    o.verbose = verbose
    if recordsText == "domain" { o.records = SimulatedDomainRecords() }
    return o
}

/// One seed's outcome, printed in seed order.
struct SeedResult: Sendable {
    var seed: UInt64
    var report: Simulation.Report?
    var setupError: String?
}

/// Collects results from the worker threads (the only shared state; guarded by a serial queue).
final class Results: @unchecked Sendable {
    private let queue = DispatchQueue(label: "xieshang-sim.results")
    private var items: [SeedResult] = []
    func add(_ r: SeedResult) { queue.sync { items.append(r) } }
    var all: [SeedResult] { queue.sync { items.sorted { $0.seed < $1.seed } } }
}

// Seeds are independent: each worker runs every jobs-th seed in its own Simulation (own stores, own RNG), so the
// results do not depend on the number of jobs.
let jobs = max(1, min(value("--jobs").flatMap(Int.init) ?? 2, 64))
let results = Results()
let allOptions = seeds.map { options(for: $0) }
let started = monotonicSeconds()
DispatchQueue.concurrentPerform(iterations: jobs) { worker in
    var i = worker
    while i < allOptions.count {
        let o = allOptions[i]
        do {
            results.add(SeedResult(seed: o.seed, report: try Simulation(options: o).run()))
        } catch {
            results.add(SeedResult(seed: o.seed, setupError: "\(error)"))
        }
        i += jobs
    }
}

var failures: [UInt64] = []
var totals = (events: 0, messages: 0, dropped: 0, duplicated: 0, crashes: 0, partitions: 0, attacks: 0, maxBuffered: 0)
for result in results.all {
    let seed = result.seed
    let o = options(for: seed)
    guard let report = result.report else {
        print("seed \(seed): cannot set up: \(result.setupError ?? "?")")
        failures.append(seed)
        continue
    }
    totals.events += report.originated
    totals.messages += report.messages
    totals.dropped += report.dropped
    totals.duplicated += report.duplicated
    totals.crashes += report.crashes
    totals.partitions += report.partitions
    totals.attacks += report.attacks.count
    totals.maxBuffered = max(totals.maxBuffered, report.maxBuffered)
    if verbose { for line in report.log { print(line) } }
    if !report.violations.isEmpty {
        failures.append(seed)
        print("FAIL seed \(seed) (\(o.topology)\(o.adversary ? ", adversary" : "")): \(report.violations.count) violation(s)")
        for v in report.violations.prefix(10) { print("  - \(v)") }
        print("  replay: xieshang-sim --seed \(seed) --nodes \(topologyTexts.joined(separator: ","))\(adversaryRuns ? " --adversary" : "")\(recordsText == "domain" ? " --records domain" : "") --verbose")
    } else if seeds.count == 1 || !quiet && seeds.count <= 20 {
        print("ok seed \(seed) (\(o.topology)\(o.adversary ? ", adversary" : "")): \(report.originated) events, \(report.messages) messages, \(report.crashes) crashes, \(report.partitions) partitions, \(report.attacks.count) attacks refused, ended at \(report.endTimeMs) ms")
    }
}
let elapsed = monotonicSeconds() - started
print("xieshang-sim: \(seeds.count) seeds over \(topologyTexts.joined(separator: ", ")) (\(recordsText) records), \(failures.count) failing; "
      + "\(totals.events) events originated, \(totals.messages) messages (\(totals.dropped) dropped, \(totals.duplicated) duplicated), "
      + "\(totals.crashes) crashes, \(totals.partitions) partitions, \(totals.attacks) attacks refused, "
      + "max \(totals.maxBuffered) events buffered in a node; \((elapsed * 10).rounded() / 10) s")
if !failures.isEmpty {
    print("failing seeds: \(failures.prefix(50).map(String.init).joined(separator: " "))")
    exit(1)
}
