import XieshangFederation
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// `xieshang-sim --bench`: events replicated through a 1+10+172 federation (Tongren's size) in one process, with
/// authentication on (run authentication: hash links + the last signature of each run), no faults; beside it the
/// Ed25519 verify rate of this machine measured in the same run, and the peak memory.
func runSimulatorBench(_ args: [String]) -> Int32 {
    func value(_ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return args[i + 1]
    }
    let topologyText = value("--nodes") ?? "1+10+172"
    let perLeaf = value("--events").flatMap(Int.init) ?? 200
    let burst = value("--burst").flatMap(Int.init) ?? 10
    guard let topology = SimTopology(topologyText) else { print("bad topology \(topologyText)"); return 2 }

    // Ed25519 verify rate, same process, same run.
    let key = try! Ed25519.PrivateKey(seed: Array(repeating: 1, count: 32))
    let message = Array(repeating: UInt8(7), count: 200)
    let signature = try! key.signature(for: message)
    let verifies = 4_000
    var ok = 0
    let v0 = monotonicSeconds()
    for _ in 0..<verifies where key.publicKey.isValidSignature(signature, for: message) { ok += 1 }
    let verifyRate = Double(verifies) / (monotonicSeconds() - v0)
    precondition(ok == verifies)

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
    let t0 = monotonicSeconds()
    let cpu0 = cpuSeconds()
    let report = simulation.run()
    let elapsed = monotonicSeconds() - t0
    let cpu = cpuSeconds() - cpu0
    let copies = simulation.storedCopies()
    let originated = report.originated
    // Each event originated is stored by its origin and by every ancestor: copies − originated = replicated.
    let replicated = copies - originated
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let rate = Double(replicated) / elapsed
    print("federation core (simulator), \(topologyText), \(perLeaf) notes per township in bursts of \(burst), no faults, authentication on")
    print("  events originated:         \(originated) (notes, rollups, rosters)")
    print("  events replicated:         \(replicated) (stored copies beyond the origin's own), \(report.messages) messages")
    print("  wall time:                 \((elapsed * 100).rounded() / 100) s (includes the invariant check: \(report.violations.isEmpty ? "passed" : "FAILED"))")
    print("  replicated events/s:       \(Int(rate)) per wall second, \(Int(Double(replicated) / cpu)) per CPU second (\((cpu * 100).rounded() / 100) s CPU; target ≥ 50,000 on one core)")
    print("  Ed25519 verify rate:       \(Int(verifyRate))/s on this machine (so verifying every event alone caps at that)")
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
