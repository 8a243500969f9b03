import Foundation
import Testing
@testable import XieshangDomain
@testable import XieshangEditingTraces

/// Real editing traces from the public editing-traces corpus, in `Tests/XieshangDomainTests/Traces/`.
struct DraftTraceTests {
    /// The traces directory in the repository.
    static let tracesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Traces")

    /// Decompresses (with `gzip -dc`, a real process) and parses a trace; records a clear failure when missing.
    static func load(_ name: String) throws -> DraftTrace? {
        let path = tracesDirectory.appendingPathComponent(name).path
        guard FileManager.default.fileExists(atPath: path) else {
            let message = "editing trace \(path) is missing: the traces live in Tests/XieshangDomainTests/Traces/"
            Issue.record(Comment(rawValue: message))
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "gzip -dc \(path) failed")
        return try DraftTrace(json: [UInt8](data))
    }

    @Test("replaying automerge-paper (259,778 edits) yields exactly its endContent")
    func automergePaper() throws {
        guard let trace = try Self.load("automerge-paper.json.gz") else { return }
        #expect(trace.editCount == 259_778)
        #expect(!trace.isConcurrent)
        let text = try trace.replaySequential()
        #expect(text.count == trace.endContent.unicodeScalars.count)
        #expect(text.text == trace.endContent)
        // The op log is compact: runs of typing and of deletion are single operations.
        let log = text.ops(since: DraftVersion())
        #expect(log.count < trace.editCount / 10)
        // The whole log, encoded and decoded, rebuilds the same text on a replica that saw none of it.
        var fresh = DraftText(replica: "another-body")
        try fresh.apply(try DraftOpCodec.decode(DraftOpCodec.encode(log)))
        #expect(fresh.text == trace.endContent)
    }

    @Test("replaying friendsforever (2 agents, parents per transaction) by forking and merging yields endContent")
    func friendsForever() throws {
        guard let trace = try Self.load("friendsforever.json.gz") else { return }
        #expect(trace.isConcurrent)
        #expect(trace.agentCount == 2)
        // The trace really is concurrent: some transactions merge two parents.
        #expect(trace.transactions.contains { $0.parents.count == 2 })
        let replicas = try trace.replayConcurrent()
        #expect(replicas.count == 2)
        for r in replicas { #expect(r.text == trace.endContent) }
        // Merging the two agents' own operations (each replica's log) in the other order gives the same text.
        var merged = DraftText(replica: "third-body")
        var ops = replicas[1].ops(since: DraftVersion())
        ops.reverse()
        try merged.apply(ops)
        #expect(merged.pendingCount == 0)
        #expect(merged.text == trace.endContent)
    }

    @Test("a trace that does not fit is an error, not a crash")
    func badTrace() throws {
        let json = Array(#"{"startContent":"","endContent":"x","txns":[{"patches":[[5,0,"a"]]}]}"#.utf8)
        let trace = try DraftTrace(json: json)
        #expect(throws: DomainError.self) { try trace.replaySequential() }
        for cut in [0, 10, 40, 60] {
            #expect(throws: DomainError.self) { try DraftTrace(json: Array(json.prefix(cut))) }
        }
        // Unicode escapes and non-BMP scalars count as one position each.
        let chinese = Array(#"{"endContent":"协\ud840\udc00商","txns":[{"patches":[[0,0,"协商"]]},{"patches":[[1,0,"𠀀"]]}]}"#.utf8)
        let t = try DraftTrace(json: chinese)
        #expect(try t.replaySequential().text == t.endContent)
    }
}
