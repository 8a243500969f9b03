import Foundation
import Testing

/// The committed generated code is exactly what xieshang-protogen makes from Protos/ now.
struct GeneratorDriftTests {
    struct Tree: Sendable, CustomTestStringConvertible {
        let protoRoot: String
        let generated: String
        let extra: [String]
        var testDescription: String { protoRoot }
    }

    static let trees = [
        Tree(protoRoot: "Protos", generated: "Sources/XieshangWire/Generated", extra: []),
        Tree(protoRoot: "Tests/XieshangWireTests/Protos", generated: "Tests/XieshangWireTests/Generated",
             extra: ["--import", "XieshangWire", "--registry", "ConformanceRegistry"]),
        Tree(protoRoot: "Sources/XieshangTestKinds/Protos", generated: "Sources/XieshangTestKinds/Generated",
             extra: ["--import", "XieshangWire", "--registry", "TestKindsRegistry"]),
    ]

    @Test(arguments: trees)
    func generatedCodeMatchesProtos(_ tree: Tree) async throws {
        let root = TestSupport.packageRoot
        let temp = try TestSupport.temporaryDirectory("protogen")
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let result = try await TestSupport.run(try TestSupport.product("xieshang-protogen"),
                                         ["--proto-root", root + "/" + tree.protoRoot, "--out", temp] + tree.extra)
        #expect(result.status == 0, "xieshang-protogen failed: \(result.stderr)")
        let fm = FileManager.default
        let fresh = Set(try fm.contentsOfDirectory(atPath: temp))
        let committed = Set(try fm.contentsOfDirectory(atPath: root + "/" + tree.generated))
        for name in fresh.subtracting(committed).sorted() {
            Issue.record("\(tree.generated)/\(name) is missing: run `make generate` and commit")
        }
        for name in committed.subtracting(fresh).sorted() {
            Issue.record("\(tree.generated)/\(name) has no .proto behind it any more: run `make generate` and commit")
        }
        for name in fresh.intersection(committed).sorted() {
            let a = try String(contentsOfFile: temp + "/" + name, encoding: .utf8)
            let b = try String(contentsOfFile: root + "/" + tree.generated + "/" + name, encoding: .utf8)
            #expect(a == b, "\(tree.generated)/\(name) differs from what Protos/ generates: run `make generate` and commit")
        }
    }

    @Test func schemaErrorsNameTheFileAndLine() async throws {
        let temp = try TestSupport.temporaryDirectory("protogen-bad")
        defer { try? FileManager.default.removeItem(atPath: temp) }
        try FileManager.default.createDirectory(atPath: temp + "/p", withIntermediateDirectories: true)
        try "syntax = \"proto3\";\npackage t;\nmessage A {\n  string a = 1;\n  int32 b = 1;\n}\n"
            .write(toFile: temp + "/p/bad.proto", atomically: true, encoding: .utf8)
        let result = try await TestSupport.run(try TestSupport.product("xieshang-protogen"),
                                         ["--proto-root", temp + "/p", "--out", temp + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.proto:5"), "\(result.stderr)")
        #expect(result.stderr.contains("field number 1 is used by both a and b"), "\(result.stderr)")
    }
}
