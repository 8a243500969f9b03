import Foundation
import Testing
import XieshangNode

/// `Ops/federation.sh up|down|status DIR` with real node processes: up starts every node of a generated topology and
/// waits until each answers, status shows each one, down leaves no process behind.
@Suite(.serialized)
struct OpsFederationScriptTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs the script; returns its exit status and output (stdout and stderr).
    static func script(_ args: [String], binary: String) throws -> (status: Int32, output: String) {
        let outPath = NSTemporaryDirectory() + "xsops-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        // system(3), not Foundation's Process: Process notices its child's exit through a descriptor the child inherits,
        // and the nodes `up` leaves running in the background would inherit it too (the call would never return).
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = "XIESHANG_BIN=" + quoted(binary) + " /bin/bash " + ([root + "/Ops/federation.sh"] + args).map(quoted).joined(separator: " ")
        let rc = system(command + " >" + quoted(outPath) + " 2>&1 </dev/null")
        let status = rc == -1 ? -1 : (rc >> 8) & 0xff
        return (status, (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "")
    }

    static func pid(_ dir: String) -> pid_t? {
        guard let text = try? String(contentsOfFile: dir + "/node.pid", encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func alive(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 }

    @Test func upStatusDown() async throws {
        guard let binary = LocalFederation.xieshang() else {
            throw LocalFederation.Failure(description: "the xieshang executable is not built; run `swift build --build-tests` (make test does)")
        }
        let dir = "/tmp/xsops-" + String(UUID().uuidString.prefix(8)).lowercased()
        let topology = try Topology.generate(counties: 1, townshipsPerCounty: 2, basePort: try LocalFederation.freePortRange(4),
                                             directory: dir, rollupDebounceMs: 100, retryCapMs: 1_000)
        let dirs = topology.members.map(\.directory)
        var started: [pid_t] = []
        defer {
            for pid in started where Self.alive(pid) { kill(pid, SIGKILL) }
            try? FileManager.default.removeItem(atPath: dir)
        }
        let up = try Self.script(["up", dir], binary: binary)
        started = dirs.compactMap(Self.pid)
        #expect(up.status == 0, "up failed: \(up.output)")
        #expect(started.count == topology.members.count, "pid files: \(started.count) of \(topology.members.count)")
        for pid in started { #expect(Self.alive(pid)) }
        for m in topology.members { #expect(up.output.contains("\(m.id): started pid")) }
        // up again starts nothing twice.
        let again = try Self.script(["up", dir], binary: binary)
        for m in topology.members { #expect(again.output.contains("\(m.id): already running")) }
        // status: one block per node with its live status (links come up once the nodes have dialled each other).
        try await waitUntil("status shows every link up", seconds: 60) {
            let s = try Self.script(["status", dir], binary: binary)
            let ups = s.output.split(separator: "\n").filter { $0.contains(" up ") || $0.hasSuffix(" up") }.count
            return s.status == 0 && ups >= 2 * (topology.members.count - 1) && topology.members.allSatisfy { m in
                s.output.contains("== \(m.id) (pid ") && s.output.contains("\(m.id)  \(m.config.name)")
            }
        }
        let down = try Self.script(["down", dir], binary: binary)
        #expect(down.status == 0, "down failed: \(down.output)")
        for pid in started { #expect(!Self.alive(pid), "pid \(pid) still runs after down") }
        for d in dirs { #expect(!FileManager.default.fileExists(atPath: d + "/node.pid")) }
        let after = try Self.script(["status", dir], binary: binary)
        for m in topology.members { #expect(after.output.contains("== \(m.id): not running")) }
    }
}
