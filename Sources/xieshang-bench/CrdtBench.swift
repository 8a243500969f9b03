// `xieshang-bench crdt [--trace FILE] [--runs N]`: replays an editing trace (editing-traces corpus format) through
// the joint-draft CRDT, checks endContent, and prints time, peak memory and the encoded size of the op log.
import Foundation
import XieshangDomain
import XieshangEditingTraces
#if canImport(Glibc)
import Glibc
#endif

/// Runs the CRDT benchmark; returns the process exit status (1 on a content mismatch or a bad trace).
func runCrdtBench(_ args: [String]) -> Int32 {
    var tracePath: String?
    var runs = 5
    var i = 0
    while i < args.count {
        switch args[i] {
        case "--trace" where i + 1 < args.count: tracePath = args[i + 1]; i += 1
        case "--runs" where i + 1 < args.count: runs = max(1, Int(args[i + 1]) ?? 5); i += 1
        default:
            print("usage: xieshang-bench crdt [--trace FILE.json.gz] [--runs N]")
            return 2
        }
        i += 1
    }
    let path = tracePath ?? defaultTracePath("automerge-paper.json.gz")
    let rssBefore = peakRSSKiB()

    let readStart = monotonicSeconds()
    guard let trace = loadTrace(path) else { return 1 }
    let parseSeconds = monotonicSeconds() - readStart
    let rssLoaded = peakRSSKiB()
    print("trace        \(path)")
    print("kind         \(trace.isConcurrent ? "concurrent, \(trace.agentCount) agents" : "sequential"), "
          + "\(trace.transactions.count) transactions, \(trace.editCount) patches, "
          + "\(trace.endContent.unicodeScalars.count) scalars at the end")
    print(String(format: "load         %.1f ms (gzip -dc + JSON parse, not part of the replay figure)",
                 parseSeconds * 1000))

    do {
        // Peak RSS of the replay itself: reset the kernel's high-water mark (Linux: writing 5 to clear_refs),
        // replay once, read VmHWM. The parsed trace stays resident and is included; the JSON text is not.
        let reset = resetPeakRSS()
        let measured = trace.isConcurrent ? try trace.replayConcurrent() : [try trace.replaySequential()]
        let replayPeak = currentPeakRSSKiB()
        withExtendedLifetime(measured) {}
        var best = Double.infinity
        var replicas: [DraftText] = []
        for _ in 0..<runs {
            replicas = []
            let start = monotonicSeconds()
            replicas = trace.isConcurrent ? try trace.replayConcurrent() : [try trace.replaySequential()]
            best = min(best, monotonicSeconds() - start)
        }
        for (n, r) in replicas.enumerated() where r.text != trace.endContent {
            let got = r.unicodeScalars, want = Array(trace.endContent.unicodeScalars)
            let at = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            print("crdt: MISMATCH: replica \(n) ends with \(got.count) scalars, endContent has \(want.count); "
                  + "they first differ at scalar \(at)")
            return 1
        }
        let label = trace.isConcurrent ? "replay+merge" : "replay"
        print(String(format: "%@ %.1f ms (best of %d runs; endContent matches exactly)",
                     label.padding(toLength: 12, withPad: " ", startingAt: 0), best * 1000, runs))

        // Merge: a fresh replica receives the whole op log, decoded from bytes (what a node that was offline
        // for the whole session does).
        let log = replicas[0].ops(since: DraftVersion())
        let encoded = DraftOpCodec.encode(log)
        var mergeBest = Double.infinity
        var merged = DraftText(replica: "bench-fresh")
        for _ in 0..<runs {
            let start = monotonicSeconds()
            merged = DraftText(replica: "bench-fresh")
            try merged.apply(try DraftOpCodec.decode(encoded))
            mergeBest = min(mergeBest, monotonicSeconds() - start)
        }
        guard merged.text == trace.endContent else {
            print("crdt: MISMATCH after merging the encoded op log into a fresh replica")
            return 1
        }
        print(String(format: "merge log    %.1f ms (decode + apply the whole op log on a fresh replica; matches)",
                     mergeBest * 1000))
        print("op log       \(log.count) operations for \(trace.editCount) patches; encoded size of the op log "
              + "\(encoded.count) bytes (\(String(format: "%.2f", Double(encoded.count) / 1_048_576)) MiB); "
              + "\(replicas[0].runCount) runs in the document")
        let peak = peakRSSKiB()
        print(String(format: "peak memory  %.1f MB (getrusage ru_maxrss, whole process; %.1f MB before loading the "
                     + "trace, %.1f MB after loading it)", Double(peak) / 1024, Double(rssBefore) / 1024,
                     Double(rssLoaded) / 1024))
        print(String(format: "structure    %.1f MB in the replica's arrays (DraftText.storageByteCount)",
                     Double(replicas[0].storageByteCount) / 1_048_576))
        if reset, let replayPeak {
            print(String(format: "replay peak  %.1f MB (VmHWM reset after loading, one replay; process baseline and "
                         + "parsed trace included)", Double(replayPeak) / 1024))
        }
    } catch {
        print("crdt: replay failed: \(error)")
        return 1
    }
    return 0
}

/// `<package root>/Tests/XieshangDomainTests/Traces/<name>`, found from the executable's path
/// (…/.build/<config>/xieshang-bench), else from the current directory.
private func defaultTracePath(_ name: String) -> String {
    let relative = "Tests/XieshangDomainTests/Traces/\(name)"
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<6 {
        let candidate = dir.appendingPathComponent(relative).standardizedFileURL.path
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
        dir.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative).standardizedFileURL.path
}

/// Reads and parses a trace; the JSON bytes are released before returning.
private func loadTrace(_ path: String) -> DraftTrace? {
    guard let json = gunzip(path) else { return nil }
    do {
        return try DraftTrace(json: json)
    } catch {
        print("crdt: cannot parse \(path): \(error)")
        return nil
    }
}

/// The decompressed bytes of a gzip file, by running `gzip -dc` (the package has no zlib binding).
private func gunzip(_ path: String) -> [UInt8]? {
    guard FileManager.default.fileExists(atPath: path) else {
        print("crdt: trace \(path) not found; the traces live in Tests/XieshangDomainTests/Traces/ (or pass --trace FILE)")
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-dc", path]
    let pipe = Pipe()
    process.standardOutput = pipe
    do {
        try process.run()
    } catch {
        print("crdt: cannot run gzip -dc \(path): \(error)")
        return nil
    }
    var bytes: [UInt8] = []
    let handle = pipe.fileHandleForReading
    while true {
        let chunk = handle.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        bytes.append(contentsOf: chunk)
    }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        print("crdt: gzip -dc \(path) failed with status \(process.terminationStatus)")
        return nil
    }
    return bytes
}

/// Resets the kernel's peak-RSS mark of this process (Linux ≥ 4.0); false when not possible.
private func resetPeakRSS() -> Bool {
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    do { try handle.write(contentsOf: Array("5".utf8)) } catch { return false }
    return true
}

/// VmHWM (peak RSS since the last reset, or since exec) of this process in KiB, from /proc/self/status.
func currentPeakRSSKiB() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
    return nil
}

/// Peak resident set size of this process in KiB (Linux reports ru_maxrss in KiB).
private func peakRSSKiB() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss)
}
