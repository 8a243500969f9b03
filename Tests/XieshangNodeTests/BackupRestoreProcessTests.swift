import Foundation
import Testing
import XieshangNode
import XieshangWire

/// `xieshang backup` and `xieshang restore` with real node processes (issue 20, item 4).
@Suite(.serialized)
struct BackupRestoreProcessTests {
    static func cli(_ fed: LocalFederation, _ args: [String]) async throws -> ProcessRun {
        try await ProcessRun.run(fed.executable, args, environment: ["XIESHANG_LANG": "en"])
    }

    static func sha256(_ path: String) throws -> String {
        hexString(SHA256.hash([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    /// Records at `id` until `stop` is set; the seqs it got back, in order.
    final class Load: @unchecked Sendable {
        // Invariant: `seqs` and `stopped` are only touched under `lock`.
        private let lock = NSLock()
        private var seqs: [UInt64] = []
        private var stopped = false
        var count: Int { lock.withLock { seqs.count } }
        var recorded: [UInt64] { lock.withLock { seqs } }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
        func add(_ seq: UInt64) { lock.withLock { seqs.append(seq) } }
    }

    @Test("backup under load: the copy is a consistent snapshot; restored, the township recovers its newer events from its county and answers status")
    func backupUnderLoadRestores() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        try await fed.startAll()
        try await waitUntil("the township's link is up", seconds: 30) { try await fed.status(town).links.first?.state == "up" }
        for _ in 0..<10 { _ = try await fed.submit(town, amount: 1) }

        // The township keeps recording while the backup runs.
        let load = Load()
        let recorder = Task {
            while !load.isStopped { load.add(try await fed.submit(town, amount: 1)) }
        }
        try await waitUntil("the load is running", seconds: 30) { load.count >= 5 }
        let file = fed.directory + "/backups/town1.db"
        try FileManager.default.createDirectory(atPath: fed.directory + "/backups", withIntermediateDirectories: true)
        let startedAt = load.recorded.last ?? 0
        let backup = try await Self.cli(fed, ["backup", file, "--node", fed.dir(town) + "/admin.sock", "--json"])
        // The record in flight when the backup returned may be in the copy; the one after it started later.
        let countAtReturn = load.count
        try await waitUntil("the load went on after the backup", seconds: 30) { load.count >= countAtReturn + 5 }
        load.stop()
        try await recorder.value
        let laterSeq = load.recorded[countAtReturn + 1]
        #expect(backup.status == 0, "\(backup.output)")
        let done = try BackupProgress(jsonString: backup.output.split(separator: "\n").last.map(String.init) ?? "")
        #expect(done.done && done.nodeId == town && done.file == file)
        // A snapshot taken while recording: it holds the records acknowledged before it started, not those begun after.
        #expect(done.ownSeq >= startedAt && done.ownSeq < laterSeq, "own seq \(done.ownSeq) outside \(startedAt)..<\(laterSeq)")
        let manifest = try BackupManifest.load(from: file + ".manifest")
        let fileHash = try Self.sha256(file)
        #expect(manifest.nodeId == town && manifest.sha256 == fileHash && manifest.ownSeq == done.ownSeq)
        #expect(!FileManager.default.fileExists(atPath: file + "-wal"), "the backup must be one self-contained file")
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode & 0o077 == 0, "a backup holds the body's records: mode \(String(mode, radix: 8))")

        let total = 10 + load.count
        try await waitUntil("the county holds all \(total) records", seconds: 60) { try await fed.recordSeqs(county, origin: town).count == total }
        let full = try await fed.recordSeqs(county, origin: town)
        #expect(fed.stop(town) == 0)

        let restore = try await Self.cli(fed, ["restore", file, "--config", fed.dir(town) + "/node.json"])
        #expect(restore.status == 0, "\(restore.output)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: fed.dir(town)).filter { $0.hasPrefix("node.db.before-restore-") && !$0.hasSuffix("-wal") }
        #expect(kept.count == 1, "the replaced database is kept aside: \(kept)")

        try await fed.start(town)
        // Fenced until it holds its newer events again: the first record that succeeds comes after all of them. While
        // fenced a record is answered "queued" (seq 0, issue 20 item 1) and is originated after them too.
        var newSeq: UInt64 = 0
        try await waitUntil("the restored township records again", seconds: 60) {
            guard let seq = try? await fed.submit(town, amount: 1), seq > 0 else { return false }
            newSeq = seq
            return true
        }
        #expect(newSeq > (full.keys.max() ?? 0), "the restored township recorded at seq \(newSeq) before getting its own events back")
        let restored = try await fed.recordSeqs(town, origin: town)
        for (seq, hash) in full { #expect(restored[seq] == hash, "seq \(seq) was not recovered intact") }
        let status = try await fed.status(town)
        #expect(status.nodeId == town && !status.fenced && status.ownSeq >= newSeq)
        let statusCLI = try await Self.cli(fed, ["status", "--node", fed.dir(town) + "/admin.sock"])
        #expect(statusCLI.status == 0, "\(statusCLI.output)")
    }

    @Test("backup refuses to write over the live database; restore refuses another node's backup (naming both), a truncated or bit-flipped backup (naming it), a missing manifest, and a running node")
    func restoreRefusals() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        try await fed.startAll()
        try await waitUntil("the township's link is up", seconds: 30) { try await fed.status(town).links.first?.state == "up" }
        for _ in 0..<5 { _ = try await fed.submit(town, amount: 1) }
        let townFile = fed.directory + "/town.db", countyFile = fed.directory + "/county.db"
        for (id, file) in [(town, townFile), (county, countyFile)] {
            let run = try await Self.cli(fed, ["backup", file, "--node", fed.dir(id) + "/admin.sock"])
            #expect(run.status == 0, "\(run.output)")
        }
        let config = fed.dir(town) + "/node.json", database = fed.dir(town) + "/node.db"
        // A backup named like the live database (through a path with a dot segment) would replace it: refused.
        let ownBefore = try Self.sha256(database)
        for name in ["node.db", "./node.db-wal", "node.db.lock"] {
            let onItself = try await Self.cli(fed, ["backup", fed.dir(town) + "/./" + name, "--node", fed.dir(town) + "/admin.sock"])
            #expect(onItself.status == 1 && onItself.output.contains("is the node's own database"), "\(onItself.output)")
        }
        let ownAfter = try Self.sha256(database)
        let stored = try await fed.status(town).eventsStored
        #expect(ownAfter == ownBefore && stored > 0)

        // The node holds its database's lock while it runs.
        let running = try await Self.cli(fed, ["restore", townFile, "--config", config])
        #expect(running.status == 1 && running.output.contains("while the node runs") && running.output.contains("pid"), "\(running.output)")
        #expect(fed.stop(town) == 0)
        let before = try Self.sha256(database)

        let other = try await Self.cli(fed, ["restore", countyFile, "--config", config])
        #expect(other.status == 1 && other.output.contains("belongs to node \(county)") && other.output.contains("not to this node \(town)"), "\(other.output)")

        let truncated = fed.directory + "/truncated.db", flipped = fed.directory + "/flipped.db"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: townFile)))
        try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: truncated))
        bytes[bytes.count / 2] ^= 0x10
        try Data(bytes).write(to: URL(fileURLWithPath: flipped))
        for copy in [truncated, flipped] {
            try FileManager.default.copyItem(atPath: townFile + ".manifest", toPath: copy + ".manifest")
            let run = try await Self.cli(fed, ["restore", copy, "--config", config])
            #expect(run.status == 1 && run.output.contains("backup \(copy) is damaged"), "\(run.output)")
        }
        try FileManager.default.copyItem(atPath: townFile, toPath: fed.directory + "/bare.db")
        let bare = try await Self.cli(fed, ["restore", fed.directory + "/bare.db", "--config", config])
        #expect(bare.status == 1 && bare.output.contains("bare.db.manifest is missing"), "\(bare.output)")

        // Nothing was touched by the refusals.
        let after = try Self.sha256(database)
        #expect(after == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fed.dir(town)).filter { $0.contains("restor") }
        #expect(leftovers.isEmpty, "\(leftovers)")

        // The node's own backup is accepted, and a second node process on the same database is refused.
        let good = try await Self.cli(fed, ["restore", townFile, "--config", config])
        #expect(good.status == 0, "\(good.output)")
        try await fed.start(town)
        try await waitUntil("the restored township answers", seconds: 30) { (try? await fed.status(town)) != nil }
        let second = try await Self.cli(fed, ["node", "--config", config])
        #expect(second.status != 0 && second.output.contains("is in use"), "\(second.output)")
    }
}
