#if canImport(Glibc)
import Glibc
#endif
import XieshangAccounts

/// One password check at the node's scrypt parameters (default N=2^14, r=8, p=5): time per check (median of
/// `--rounds`), the process's RSS before and its peak after (VmHWM), i.e. the memory one check adds, and the RSS left
/// after the checks (with glibc's mmap threshold pinned as the node pins it; `--no-pin` for glibc's default).
func runScryptBench(_ args: [String]) -> Int32 {
    var parameters = ScryptParameters.default
    var rounds = 5
    var pin = true
    var trim = true
    var rest = args[...]
    while let flag = rest.popFirst() {
        if flag == "--no-pin" { pin = false; continue }
        if flag == "--no-trim" { trim = false; continue }
        guard let value = rest.popFirst(), let n = Int(value), n > 0 else {
            print("usage: xieshang-bench scrypt [--n N] [--r R] [--p P] [--rounds K] [--no-pin] [--no-trim]")
            return 2
        }
        switch flag {
        case "--n": parameters.n = UInt64(n)
        case "--r": parameters.r = UInt32(clamping: n)
        case "--p": parameters.p = UInt32(clamping: n)
        case "--rounds": rounds = n
        default:
            print("unknown option \(flag)")
            return 2
        }
    }
    // VmHWM, not ru_maxrss: Linux keeps ru_maxrss across execve, so a bench started by a large process (the test
    // runner) would report its parent's peak as its own (the test saw "retained -255 MiB").
    func peakMiB() -> Double { Double(currentPeakRSSKiB() ?? 0) / 1024 }
    // As the node does (PasswordCheckGate): without it glibc keeps the buffers after the checks (--no-pin shows it).
    if pin { MallocTuning.returnLargeBuffersToTheSystem() }
    func currentMiB() -> Double {
        // /proc/self/statm: size resident shared … in pages.
        guard let f = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(f) }
        var size = 0, resident = 0
        guard withUnsafeMutablePointer(to: &size, { s in withUnsafeMutablePointer(to: &resident) { r in
            fscanfTwo(f, s, r) } }) else { return 0 }
        return Double(resident * Int(sysconf(Int32(_SC_PAGESIZE)))) / 1_048_576
    }
    let before = currentMiB()
    var times: [Double] = []
    do {
        let salt = try SecureRandom.bytes(16)
        for _ in 0..<rounds {
            let start = monotonicSeconds()
            blackHole(try Scrypt.derive(password: Array("Tea-Garden-2026".utf8), salt: salt, parameters: parameters))
            // As the node's gate does after each check (`--no-trim` leaves glibc's free pages in place).
            if trim { MallocTuning.releaseFreedMemory() }
            times.append((monotonicSeconds() - start) * 1000)
        }
    } catch {
        print("scrypt failed: \(error)")
        return 1
    }
    let after = peakMiB()
    let retained = currentMiB()
    times.sort()
    let median = times[times.count / 2]
    print("scrypt \(parameters): \(String(format1: median)) ms per check (median of \(rounds); min \(String(format1: times[0])), max \(String(format1: times[times.count - 1]))); "
        + "needs \((parameters.memoryBytes ?? 0) >> 20) MiB; peak RSS \(String(format1: before)) → \(String(format1: after)) MiB (+\(String(format1: after - before))), RSS after the checks \(String(format1: retained)) MiB")
    // One line for scripts and tests: key=value, MiB and ms.
    print("scrypt_ms=\(String(format1: median)) peak_added_mib=\(String(format1: after - before)) retained_mib=\(String(format1: retained - before))")
    return 0
}

extension String {
    /// A number with one decimal.
    init(format1 v: Double) {
        let tenths = Int((v * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// Reads two integers from a statm line.
private func fscanfTwo(_ f: UnsafeMutablePointer<FILE>, _ a: UnsafeMutablePointer<Int>, _ b: UnsafeMutablePointer<Int>) -> Bool {
    var line = [CChar](repeating: 0, count: 256)
    guard fgets(&line, 256, f) != nil else { return false }
    let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
    guard fields.count >= 2, let x = Int(fields[0]), let y = Int(fields[1]) else { return false }
    a.pointee = x
    b.pointee = y
    return true
}
