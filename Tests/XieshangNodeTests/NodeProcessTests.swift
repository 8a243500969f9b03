import Foundation
import Testing
import XieshangNode

/// `xieshang-node`, the node process alone (what servers run): the same command line, messages, exit codes and node
/// as `xieshang node`.
@Suite("xieshang-node")
struct NodeProcessTests {
    func lean() throws -> String {
        guard let exe = LocalFederation.xieshangNode() else {
            throw LocalFederation.Failure(description: "xieshang-node not built; run swift build --build-tests")
        }
        return exe
    }

    func cli() throws -> String {
        guard let exe = LocalFederation.xieshang() else {
            throw LocalFederation.Failure(description: "xieshang not built; run swift build --build-tests")
        }
        return exe
    }

    @Test("without --config it exits 2 and prints the usage naming xieshang-node; --help exits 0")
    func usage() async throws {
        let bad = try await ProcessRun.run(try lean(), [])
        #expect(bad.status == 2)
        #expect(bad.output.contains("give --config FILE") && bad.output.contains("usage: xieshang-node --config FILE"), "\(bad.output)")
        let help = try await ProcessRun.run(try lean(), ["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("usage: xieshang-node --config FILE"))
    }

    @Test("a config with an unknown field is refused with exit 78 (fix the file first) and the same message as `xieshang node`")
    func refusesLikeTheCLI() async throws {
        let dir = "/tmp/xsnp-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/node.json"
        _ = FileManager.default.createFile(atPath: file, contents: Data(#"{"node_id": "town9", "listen": "127.0.0.1:0", "colour": "red"}"#.utf8))
        let viaLean = try await ProcessRun.run(try lean(), ["--config", file])
        let viaCLI = try await ProcessRun.run(try cli(), ["node", "--config", file])
        #expect(viaLean.status == NodeProcess.exitConfig)
        #expect(viaLean.output.contains("colour"), "\(viaLean.output)")
        #expect(viaLean.status == viaCLI.status)
        #expect(viaLean.output == viaCLI.output)
    }

    @Test("a township run by xieshang-node links to its county, records a research visit its county then holds, exits 0 on SIGTERM")
    func runsATownship() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        // The city too: a county its parent never confirmed holds back new townships' events.
        try await fed.start("city")
        try await fed.start("county1")
        try await fed.waitParentUp("county1")
        try await fed.start("county1-town1", binary: .shipped)
        try await fed.waitParentUp("county1-town1")
        _ = try await fed.submit("county1-town1", amount: 1)
        try await waitUntil("county1 holds the township's record", seconds: 60) {
            try await fed.recordSeqs("county1", origin: "county1-town1").count == 1
        }
        #expect(fed.stop("county1-town1") == 0)
        #expect(fed.logTail("county1-town1").contains("stopped"))
    }
}
