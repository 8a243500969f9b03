import Foundation

/// Monotonic seconds.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Keeps a value alive so the optimizer cannot drop the work that made it.
@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

/// Operations per second of `body`: best of `rounds` rounds of about `seconds` each, on the calling thread.
func measureRate(rounds: Int = 5, seconds: Double = 0.5, batch: Int = 1000, _ body: () throws -> Void) rethrows -> Double {
    var best = 0.0
    for _ in 0..<rounds {
        var n = 0
        let start = monotonicSeconds()
        var elapsed = 0.0
        repeat {
            for _ in 0..<batch { try body() }
            n += batch
            elapsed = monotonicSeconds() - start
        } while elapsed < seconds
        best = max(best, Double(n) / elapsed)
    }
    return best
}

/// Runs a program and returns its standard output (nil when it cannot run or exits non-zero).
func runProgram(_ path: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

/// Finds an executable on PATH.
func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func formatRate(_ r: Double) -> String {
    r >= 1e6 ? String(format: "%.2fM/s", r / 1e6) : r >= 1e3 ? String(format: "%.1fk/s", r / 1e3) : String(format: "%.0f/s", r)
}
