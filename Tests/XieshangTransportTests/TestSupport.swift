import Foundation
import Synchronization
import Testing
@testable import XieshangTransport
import XieshangWire

/// Helpers shared by the transport tests: servers on loopback, polling with a deadline, external tools.
enum TestSupport {
    /// Server log lines go to stdout when XS_TEST_LOG is set.
    static let testLog: (@Sendable (String) -> Void)? =
        ProcessInfo.processInfo.environment["XS_TEST_LOG"] == nil ? nil : { @Sendable line in print("server: " + line) }

    static let echoPath = DiagnosticsService.echo.path
    static let echoStreamPath = DiagnosticsService.echoStream.path

    /// A Diagnostics server on 127.0.0.1, port chosen by the kernel.
    static func diagnosticsServer(_ configure: (inout ServerConfiguration) -> Void = { _ in },
                                  extra: [String: RPCHandler] = [:],
                                  log: (@Sendable (String) -> Void)? = nil) throws -> (Server, Endpoint) {
        var config = ServerConfiguration()
        configure(&config)
        let server = try Server(handlers: Diagnostics.handlers().merging(extra) { a, _ in a }, configuration: config,
                                log: log ?? testLog)
        let bound = try server.listen(on: .tcp(host: "127.0.0.1", port: 0))
        return (server, bound)
    }

    static func port(_ e: Endpoint) -> Int {
        if case .tcp(_, let p) = e { return p }
        return 0
    }

    /// Waits until `condition` holds, polling every 10 ms, failing after `seconds`.
    static func waitUntil(_ what: String, seconds: Double = 10, _ condition: () async throws -> Bool) async throws {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try await condition() { return }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        Issue.record("timed out after \(seconds) s waiting for: \(what)")
        throw CancellationError()
    }

    static func echo(_ client: Client, text: String = "你好", payload: [UInt8] = [1, 2, 3],
                     timeout: Double? = nil) async throws -> EchoResponse {
        let bytes = try await client.unary(echoPath, EchoRequest(payload: payload, text: text).serializedBytes(),
                                           options: CallOptions(timeoutSeconds: timeout))
        return try EchoResponse(serializedBytes: bytes)
    }

    /// The package root (the directory holding Package.swift).
    static var packageRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Python from XIESHANG_PYTHON or the repo's venv; records a failure naming `make venv` when neither exists.
    static func python() throws -> String {
        if let p = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"], FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        let venv = packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        Issue.record("no Python with grpcio: run make venv (or set XIESHANG_PYTHON)")
        throw CancellationError()
    }

    /// h2load from nghttp2-client; records a failure naming `make deps` when missing.
    static func h2load() throws -> String {
        for p in ["/usr/bin/h2load", "/usr/local/bin/h2load"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        Issue.record("h2load not found: run make deps (Debian package nghttp2-client)")
        throw CancellationError()
    }

    /// Runs a process to completion; returns exit status and combined output.
    static func run(_ exe: String, _ args: [String], env: [String: String] = [:], timeout: Double = 120) throws
        -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        p.environment = e
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// This process's resident set size in bytes (from /proc/self/statm).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// A fresh temporary directory.
    static func tempDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xs-transport-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A thread-safe counter for handlers in tests.
final class Counter: Sendable {
    private let state = Mutex(0)
    func add(_ n: Int) { state.withLock { $0 += n } }
    var value: Int { state.withLock { $0 } }
}

extension TestSupport {
    /// ``run(_:_:env:timeout:)`` on a Dispatch thread, so the cooperative pool stays free for handlers.
    static func runAsync(_ exe: String, _ args: [String], env: [String: String] = [:]) async throws -> (Int32, String) {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async {
                c.resume(with: Result { try run(exe, args, env: env) })
            }
        }
    }

    static var pythonDirectory: String { packageRoot.appendingPathComponent("Tests/XieshangTransportTests/python").path }
    static var protosDirectory: String { packageRoot.appendingPathComponent("Protos").path }
}

/// A child process whose stdin stays open until ``stop()`` (the interop server exits when it closes).
final class ChildProcess: @unchecked Sendable {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()

    /// Starts `exe` and returns once it printed a line starting with `marker`; the rest of that line is returned.
    init(_ exe: String, _ args: [String], waitFor marker: String) async throws {
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = args
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let handle = stdout.fileHandleForReading
        let found: (String, String)? = await withCheckedContinuation { c in
            DispatchQueue.global().async {
                var text = ""
                while true {
                    let d = handle.availableData
                    if d.isEmpty { c.resume(returning: nil); return }
                    text += String(decoding: d, as: UTF8.self)
                    if let l = text.split(separator: "\n").first(where: { $0.hasPrefix(marker) }) {
                        c.resume(returning: (String(l.dropFirst(marker.count)), text))
                        return
                    }
                }
            }
        }
        guard let found else {
            throw TransportError(.io, status: .unavailable, "\(exe) exited before printing '\(marker)'")
        }
        (markerLine, output) = found
    }

    /// The rest of the line that started with the marker.
    private(set) var markerLine = ""
    /// Everything the child printed up to and including that line.
    private(set) var output = ""

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}

extension TestSupport {
    /// Runs blocking socket code on a Dispatch thread: blocking Swift concurrency's few pool threads would also
    /// starve the server's handlers, which run on that pool.
    static func blocking<R: Sendable>(_ body: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async { c.resume(with: Result { try body() }) }
        }
    }
}

/// A gate handlers wait at until the test opens it.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { s -> Bool in
                if s.open { return true }
                s.waiters.append(c)
                return false
            }
            if resumeNow { c.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.open = true
            defer { s.waiters.removeAll() }
            return s.waiters
        }
        for w in waiters { w.resume() }
    }
}
