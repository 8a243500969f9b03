import XieshangFederation
import XieshangSimulation
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// `xieshang-sim --bench`: events replicated through a 1+10+172 federation (Tongren's size) in one process, with
/// authentication on (run authentication: hash links + the last signature of each run), no faults; beside it the
/// Ed25519 verify and sign rates of this machine measured in the same run, the signatures made and verified, and the
/// peak memory. The figure is replicated events per CPU second of the replication phase (node start-up and the
/// invariant check are timed apart).
func runSimulatorBench(_ args: [String]) -> Int32 {
    func value(_ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return args[i + 1]
    }
    let topologyText = value("--nodes") ?? "1+10+172"
    let perLeaf = value("--events").flatMap(Int.init) ?? 200
    let burst = value("--burst").flatMap(Int.init) ?? 10
    guard let topology = SimTopology(topologyText) else { print("bad topology \(topologyText)"); return 2 }

    // Ed25519 verify and sign rates, same process, same run (CPU time: the machine is shared).
    let key = try! Ed25519.PrivateKey(seed: Array(repeating: 1, count: 32))
    let message = Array(repeating: UInt8(7), count: 200)
    let signature = try! key.signature(for: message)
    let verifies = 4_000
    var ok = 0
    let v0 = cpuSeconds()
    for _ in 0..<verifies where key.publicKey.isValidSignature(signature, for: message) { ok += 1 }
    let verifyRate = Double(verifies) / (cpuSeconds() - v0)
    precondition(ok == verifies)
    let signs = 8_000
    var signed = 0
    let s0 = cpuSeconds()
    for _ in 0..<signs where (try? key.signature(for: message))?.count == Ed25519.signatureByteCount { signed += 1 }
    let signRate = Double(signs) / (cpuSeconds() - s0)
    precondition(signed == signs)

    var o = Simulation.Options(seed: 1, topology: topology)
    o.commands = 0
    o.crashes = 0
    o.partitions = 0
    o.dropRate = 0
    o.duplicateRate = 0
    o.reorderRate = 0
    o.eventsPerLeaf = perLeaf
    o.burst = burst
    o.faultyPhaseMs = 2_000
    var nodeOptions = FederationOptions()
    nodeOptions.rollupDebounceMs = 250
    o.nodeOptions = nodeOptions
    o.verbose = getenv("XS_BENCH_LOG") != nil
    o.directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
    let simulation: Simulation
    do { simulation = try Simulation(options: o) } catch { print("cannot set up: \(error)"); return 1 }
    // Three phases, timed apart: the federation's start-up (open 183 stores, authenticate every link, exchange the
    // rosters, until idle), the workload's replication, the invariant check.
    let t0 = monotonicSeconds()
    let cpu0 = cpuSeconds()
    simulation.startAndSettle()
    let settledCopies = simulation.storedCopies()
    let settledOriginated = simulation.originatedSoFar
    let settledVerified = simulation.signaturesVerified()
    // Per node, what it held and had verified when the workload began: (events stored, own events, signatures verified).
    func counts(_ id: String) -> (all: Int, own: Int, verified: Int) {
        guard let node = simulation.node(id) else { return (0, 0, 0) }
        var own = 0
        if case .integer(let c)? = (try? node.store.reader.rows("SELECT count(*) FROM events WHERE origin = ? OR origin LIKE ?", [.text(id), .text(id + "@%")]))?.first?.first {
            own = Int(c)
        }
        return ((try? node.store.reader.count()) ?? 0, own, node.signaturesVerified)
    }
    var settled: [String: (all: Int, own: Int, verified: Int)] = [:]
    for n in topology.nodes { settled[n.id] = counts(n.id) }
    simulation.scheduleWorkload()
    // Each node's share of the replication phase: its inputs timed with the thread's CPU clock (the simulator's own
    // scheduling, network and bookkeeping are outside every node's share).
    var nodeCPU: [String: Double] = [:]
    simulation.inputHook = { id, handle in
        let c0 = threadCPUSeconds()
        handle()
        nodeCPU[id, default: 0] += threadCPUSeconds() - c0
    }
    let t1 = monotonicSeconds()
    let cpu1 = cpuSeconds()
    simulation.runSchedule()
    let t2 = monotonicSeconds()
    let cpu2 = cpuSeconds()
    let report = simulation.finish()
    let t3 = monotonicSeconds()
    let cpu3 = cpuSeconds()
    let elapsed = t2 - t1
    let cpu = cpu2 - cpu1
    let copies = simulation.storedCopies() - settledCopies
    let originated = report.originated - settledOriginated
    // Each event originated is stored by its origin and by every ancestor: copies − originated = replicated.
    let replicated = copies - originated
    let startupReplicated = settledCopies - settledOriginated
    let verified = simulation.signaturesVerified() - settledVerified
    // The Ed25519 work of the replication phase at this run's measured rates: every originated event is signed once
    // by its origin (one township per machine in a deployment, all in this process here), every run verified once.
    let signCPU = Double(originated) / signRate
    let verifyCPU = Double(verified) / verifyRate
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func r2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    print("federation core (simulator), \(topologyText), \(perLeaf) notes per township in bursts of \(burst), no faults, authentication on")
    print("  federation start-up:       \(r2(cpu1 - cpu0)) s CPU to open the stores, authenticate every link and exchange rosters (\(settledOriginated) rosters, \(startupReplicated) copies replicated); not in the figure")
    print("  events originated:         \(originated) (notes and the rollups they cause)")
    print("  events replicated:         \(replicated) (stored copies beyond the origin's own), \(report.messages) messages in the whole run")
    print("  replication phase:         \(r2(elapsed)) s wall, \(r2(cpu)) s CPU (the invariant check, \(r2(cpu3 - cpu2)) s CPU, not included: \(report.violations.isEmpty ? "passed" : "FAILED"))")
    print("  replicated events/s:       \(Int(Double(replicated) / cpu)) per CPU second, \(Int(Double(replicated) / elapsed)) per wall second (target ≥ 50,000 on one core)")
    print("  whole run:                 \(Int(Double(replicated + startupReplicated) / (cpu3 - cpu0))) per CPU second counting the start-up's rosters and CPU and the check (\(r2(cpu3 - cpu0)) s CPU, \(r2(t3 - t0)) s wall)")
    print("  Ed25519 on this machine:   \(Int(verifyRate)) verifies/s, \(Int(signRate)) signatures/s (CPU time, measured in this run)")
    print("  Ed25519 work in the run:   \(originated) signatures by the origins ≈ \(r2(signCPU)) s, \(verified) verifications ≈ \(r2(verifyCPU)) s: \(Int(100 * (signCPU + verifyCPU) / cpu)) % of the replication CPU")
    print("  without the origins' signing (done on each township's own machine in a deployment): \(Int(Double(replicated) / max(0.001, cpu - signCPU))) replicated events per CPU second")
    // Per tier: events each tier's nodes received and stored, per CPU second of those nodes (one core per node in a
    // deployment), and the events they originated (each signed once).
    print("  per tier (each node's inputs in the replication phase timed on the thread CPU clock; one core per node in a deployment):")
    let tiers: [(String, [SimTopology.Node])] = [
        ("root", topology.nodes.filter { $0.parent == nil }),
        ("middle", topology.nodes.filter { $0.parent != nil && !$0.children.isEmpty }),
        ("leaves", topology.nodes.filter { $0.parent != nil && $0.children.isEmpty }),
    ]
    for (name, members) in tiers where !members.isEmpty {
        var received = 0, own = 0, verifiedHere = 0
        var seconds = 0.0, busiest = 0.0
        for n in members {
            let now = counts(n.id), before = settled[n.id] ?? (0, 0, 0)
            received += (now.all - now.own) - (before.all - before.own)
            own += now.own - before.own
            verifiedHere += now.verified - before.verified
            seconds += nodeCPU[n.id] ?? 0
            busiest = max(busiest, nodeCPU[n.id] ?? 0)
        }
        let ownSign = Double(own) / signRate
        print("    \(name) (\(members.count) node\(members.count == 1 ? "" : "s")): \(received) events received and stored, \(own) originated; \(r2(seconds)) s CPU (busiest node \(r2(busiest)) s), of which ≈ \(r2(ownSign)) s signing and ≈ \(r2(Double(verifiedHere) / verifyRate)) s verifying (\(verifiedHere) signatures)"
              + (received > 0 ? "; \(Int(Double(received) / max(0.001, seconds - ownSign))) received events per CPU second of receiving" : ""))
    }
    print("  simulator outside the nodes: \(r2(cpu - nodeCPU.values.reduce(0, +))) s CPU of the replication phase (scheduler, network, bookkeeping)")
    print("  peak memory (max RSS):     \(usage.ru_maxrss / 1024) MiB; max events buffered in one node: \(report.maxBuffered)")
    for v in report.violations.prefix(5) { print("  violation: \(v)") }
    if let path = getenv("XS_BENCH_LOG").map({ String(cString: $0) }), let f = fopen(path, "w") {
        for line in report.log { fputs(line + "\n", f) }
        fclose(f)
    }
    return report.violations.isEmpty ? 0 : 1
}

/// CPU seconds of the calling thread (the simulator runs every node on it).
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// User + system CPU seconds of this process (the machine is shared, so CPU time is the fairer denominator).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
