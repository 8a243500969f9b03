import Foundation
import Testing
@testable import XieshangWire

/// Paths and processes the wire tests need: the package root, built products, the Python venv.
enum TestSupport {
    /// The package root: three levels above this file (Tests/XieshangWireTests/TestSupport.swift).
    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The folder of the running test binary, where SwiftPM also puts the package's executables.
    static let productsDirectory: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test binary may sit inside an .xctest bundle folder.
        while url.path != "/" && url.lastPathComponent.hasSuffix(".xctest") { url = url.deletingLastPathComponent() }
        return url.path
    }()

    /// The path of a built executable product; the test fails clearly when it was not built.
    static func product(_ name: String) throws -> String {
        let path = productsDirectory + "/" + name
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw TestFailure("\(name) was not built next to the tests (\(path)); run `swift build --build-tests` or `make test`")
        }
        return path
    }

    /// The venv's Python (XIESHANG_PYTHON, else <root>/.venv/bin/python).
    static func python() throws -> String {
        if let p = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"], !p.isEmpty { return p }
        let p = packageRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: p) else {
            throw TestFailure("no Python test tools at \(p); run `make venv` (or `make test`)")
        }
        return p
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "xs-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct ProcessResult {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs a program to completion, feeding `input` on stdin. The waiting happens on a Dispatch thread, not on Swift's
    /// cooperative pool: a 20-second Python run blocking a pool thread starves the other tests' waits on 2 cores.
    static func run(_ program: String, _ arguments: [String], input: Data = Data(), environment: [String: String]? = nil) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<ProcessResult, Error>) in
            DispatchQueue.global().async {
                do { c.resume(returning: try runBlocking(program, arguments, input: input, environment: environment)) }
                catch { c.resume(throwing: error) }
            }
        }
    }

    private static func runBlocking(_ program: String, _ arguments: [String], input: Data, environment: [String: String]?) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both pipes concurrently with writing stdin, so neither side can fill a pipe and stall.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { err = stderr.fileHandleForReading.readDataToEndOfFile() }
        try stdin.fileHandleForWriting.write(contentsOf: input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return ProcessResult(status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
