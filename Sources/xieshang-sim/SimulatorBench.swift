import XieshangFederation
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
    // Three phases, timed apart: node start-up (open 183 stores), the replication, the invariant check.
    let t0 = monotonicSeconds()
    let cpu0 = cpuSeconds()
    simulation.start()
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
    let copies = simulation.storedCopies()
    let originated = report.originated
    // Each event originated is stored by its origin and by every ancestor: copies − originated = replicated.
    let replicated = copies - originated
    let verified = simulation.signaturesVerified()
    // The Ed25519 work of the replication phase at this run's measured rates: every originated event is signed once
    // by its origin (one township per machine in a deployment, all in this process here), every run verified once.
    let signCPU = Double(originated) / signRate
    let verifyCPU = Double(verified) / verifyRate
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func r2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    print("federation core (simulator), \(topologyText), \(perLeaf) notes per township in bursts of \(burst), no faults, authentication on")
    print("  events originated:         \(originated) (notes, rollups, rosters)")
    print("  events replicated:         \(replicated) (stored copies beyond the origin's own), \(report.messages) messages")
    print("  replication phase:         \(r2(elapsed)) s wall, \(r2(cpu)) s CPU (start-up of the nodes \(r2(cpu1 - cpu0)) s CPU and the invariant check \(r2(cpu3 - cpu2)) s CPU not included: \(report.violations.isEmpty ? "passed" : "FAILED"))")
    print("  replicated events/s:       \(Int(Double(replicated) / cpu)) per CPU second, \(Int(Double(replicated) / elapsed)) per wall second (target ≥ 50,000 on one core)")
    print("  whole run:                 \(Int(Double(replicated) / (cpu3 - cpu0))) per CPU second including start-up and check (\(r2(cpu3 - cpu0)) s CPU, \(r2(t3 - t0)) s wall)")
    print("  Ed25519 on this machine:   \(Int(verifyRate)) verifies/s, \(Int(signRate)) signatures/s (CPU time, measured in this run)")
    print("  Ed25519 work in the run:   \(originated) signatures by the origins ≈ \(r2(signCPU)) s, \(verified) verifications ≈ \(r2(verifyCPU)) s: \(Int(100 * (signCPU + verifyCPU) / cpu)) % of the replication CPU")
    print("  without the origins' signing (done on each township's own machine in a deployment): \(Int(Double(replicated) / max(0.001, cpu - signCPU))) replicated events per CPU second")
    print("  peak memory (max RSS):     \(usage.ru_maxrss / 1024) MiB; max events buffered in one node: \(report.maxBuffered)")
    for v in report.violations.prefix(5) { print("  violation: \(v)") }
    if let path = getenv("XS_BENCH_LOG").map({ String(cString: $0) }), let f = fopen(path, "w") {
        for line in report.log { fputs(line + "\n", f) }
        fclose(f)
    }
    return report.violations.isEmpty ? 0 : 1
}

/// User + system CPU seconds of this process (the machine is shared, so CPU time is the fairer denominator).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
