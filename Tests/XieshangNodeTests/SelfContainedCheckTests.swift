import Foundation
import Testing

/// `Ops/check-self-contained.sh`, which `make test` runs first (issue 20, item 8): a clone of the repository alone must
/// pass `make test`. Finding: two trace tests once read the sibling `shared` folder's traces and failed on a clone without the sibling
/// folder; nothing caught it before a newcomer did. The check must pass on the repository and must fail, naming the
/// file and line, on each way a test can reach outside it.
struct SelfContainedCheckTests {
    static let script = OpsFederationScriptTests.root + "/Ops/check-self-contained.sh"

    @Test("the repository reads nothing outside itself")
    func repositoryPasses() async throws {
        let run = try await ProcessRun.run("/bin/bash", [Self.script, OpsFederationScriptTests.root])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("self-contained:"))
    }

    @Test("a test reading the sibling shared folder or the machine's own paths, a #filePath climb above the root, or a script leaving the root fails the check")
    func outsidePathsFail() async throws {
        let root = NSTemporaryDirectory() + "xs-selfcontained-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/Tests/M", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/Ops/bench", withIntermediateDirectories: true)
        let clean = """
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let tool = "/usr/bin/curl"

            """
        try clean.write(toFile: root + "/Tests/M/Clean.swift", atomically: true, encoding: .utf8)
        let cleanRun = try await ProcessRun.run("/bin/bash", [Self.script, root])
        #expect(cleanRun.status == 0, "a clean tree must pass: \(cleanRun.output)")

        // The offending lines are assembled here so that this file itself does not contain them (the check reads it).
        let up = "..", sibling = "shared", work = "work"
        let climb = String(repeating: ".deletingLastPathComponent()", count: 4)
        let bad = [
            "let a = URL(fileURLWithPath: #filePath)\(climb)",
            "let b = \"\(up)/\(sibling)/traces/automerge-paper.json.gz\"",
            "let c = \"/\(work)/\(sibling)/data/tongren.json\"",
            "let d = root.appendingPathComponent(\"\(up)/outside\")",
        ].joined(separator: "\n") + "\n"
        try bad.write(toFile: root + "/Tests/M/Bad.swift", atomically: true, encoding: .utf8)
        try "cd \"$(dirname \"$0\")/../../..\"\n".write(toFile: root + "/Ops/bench/up.sh", atomically: true, encoding: .utf8)
        try "test:\n\tcat \(up)/\(sibling)/seeds/a.txt\n".write(toFile: root + "/Makefile", atomically: true, encoding: .utf8)
        let run = try await ProcessRun.run("/bin/bash", [Self.script, root])
        #expect(run.status == 1, "\(run.output)")
        for expected in ["Tests/M/Bad.swift:1:", "Tests/M/Bad.swift:2:", "Tests/M/Bad.swift:3:", "Tests/M/Bad.swift:4:",
                         "Ops/bench/up.sh:1:", "Makefile:2:", "6 reference(s)"] {
            #expect(run.output.contains(expected), "missing \(expected) in: \(run.output)")
        }
        #expect(!run.output.contains("Clean.swift"), "\(run.output)")
    }
}
