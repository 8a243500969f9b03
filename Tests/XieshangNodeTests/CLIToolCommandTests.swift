import Foundation
import Testing
import XieshangNode

/// `xieshang demo`, `diag`, `wire` and `node` parse their command lines as every other command does (`Invocation`):
/// `--help` with an example, "Did you mean" for a mistyped subcommand or option, a bad value is a usage error (exit 2)
/// naming the option before anything starts or is written, `--json` where results are printed and a clear refusal
/// where it makes no sense — against the built `xieshang`.
@Suite("xieshang demo, diag, wire, node command lines", .serialized)
struct CLIToolCommandTests {
    static func run(_ args: [String], input: String? = nil) async throws -> ProcessRun {
        try await CLICommandTests.run(args, input: input)
    }

    /// A fresh folder under /tmp, removed by the caller.
    static func folder() throws -> String {
        let dir = "/tmp/xs-cli4-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("--help of demo, diag serve, wire encode|decode|list and node: the usage and an example, exit 0; node and wire encode say why there is no --json")
    func helpShowsUsageAndExample() async throws {
        let cases: [(args: [String], example: String)] = [
            (["demo", "--help"], "xieshang demo --dir"), (["diag", "--help"], "xieshang diag serve --listen"),
            (["diag", "serve", "--help"], "xieshang diag serve --listen"), (["wire", "--help"], "xieshang wire encode"),
            (["wire", "encode", "-h"], "xieshang wire encode xieshang.v1.EventBody"), (["wire", "decode", "--help"], "xieshang wire decode"),
            (["wire", "list", "--help"], "xieshang wire list"), (["node", "--help"], "xieshang node --config"),
        ]
        for c in cases {
            let r = try await Self.run(c.args)
            #expect(r.status == 0, "xieshang \(c.args.joined(separator: " ")): \(r.output)")
            #expect(r.output.contains("usage: xieshang \(c.args[0])"), "\(c.args): \(r.output)")
            #expect(r.output.contains("example:\n  \(c.example)"), "\(c.args) shows an example: \(r.output)")
        }
        #expect(try await Self.run(["node", "--help"]).output.contains("no --json: the node runs a server"))
        #expect(try await Self.run(["wire", "encode", "--help"]).output.contains("no --json: encode writes protobuf bytes"))
        #expect(try await Self.run(["demo", "--help"]).output.contains("[--keep-running] [--json] [--lang zh|en]"))
        #expect(try await Self.run(["diag", "serve", "--help"]).output.contains("[--listen LISTEN]... [--unix UNIX]... [--json] [--lang zh|en]"))
    }

    @Test("bad command lines of demo, diag, wire and node: exit 2 naming the option or the word, with a suggestion; nothing starts or is written")
    func badCommandLinesAreUsageErrors() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let full = dir + "/full"
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: full + "/keep.txt", contents: Data("x".utf8))
        let plainFile = dir + "/plain.txt"
        _ = FileManager.default.createFile(atPath: plainFile, contents: Data("x".utf8))
        let demoDir = dir + "/demo"
        let longSocket = dir + "/" + String(repeating: "s", count: 120) + ".sock"
        let cases: [(args: [String], says: [String])] = [
            (["demo", "--kep-running", "--dir", demoDir], ["unknown option --kep-running", "Did you mean '--keep-running'?", "example:\n  xieshang demo"]),
            (["demo", "--dir"], ["--dir needs a value"]),
            (["demo", "--dir", demoDir, "--base-port", "-1"], ["--base-port takes a whole number from 1024 to 65000, not '-1'"]),
            (["demo", "--dir", demoDir, "--base-port", "99999999999999999999999"], ["--base-port takes a whole number from 1024 to 65000"]),
            (["demo", "--dir", demoDir, "--base-port", "tens"], ["--base-port takes a whole number", "not 'tens'"]),
            (["demo", "--dir", demoDir, "--base-port", "65535"], ["--base-port takes a whole number from 1024 to 65000, not '65535'"]),
            (["demo", "--dir", full], ["--dir '\(full)' is not empty"]),
            (["demo", "--dir", plainFile], ["--dir '\(plainFile)' is a file, not a folder"]),
            (["demo", "--dir", demoDir, "--jsn"], ["unknown option --jsn", "Did you mean '--json'?"]),
            (["demo", "--dir", demoDir, "--lang", "fr"], ["--lang takes zh or en, not 'fr'"]),
            (["demo", "surprise"], ["unexpected argument 'surprise'"]),
            (["diag"], ["diag: give a subcommand", "usage: xieshang diag <serve>"]),
            (["diag", "serv", "--listen", "127.0.0.1:0"], ["unknown subcommand 'diag serv'", "Did you mean 'diag serve'?"]),
            (["diag", "serve"], ["give at least one --listen HOST:PORT or --unix PATH", "example:\n  xieshang diag serve"]),
            (["diag", "serve", "--lisen", "127.0.0.1:0"], ["unknown option --lisen", "Did you mean '--listen'?"]),
            (["diag", "serve", "--listen"], ["--listen needs a value"]),
            (["diag", "serve", "--listen", "127.0.0.1:0", "--listen", "127.0.0.1:70000"], ["--listen '127.0.0.1:70000'", "not a number from 0 to 65535"]),
            (["diag", "serve", "--listen", "127.0.0.1:-1"], ["--listen '127.0.0.1:-1'", "0 to 65535"]),
            (["diag", "serve", "--listen", "127.0.0.1:99999999999999999999999"], ["--listen '127.0.0.1:99999999999999999999999'"]),
            (["diag", "serve", "--listen", "example.org:80"], ["--listen 'example.org:80'", "not a numeric IPv4 or IPv6 address"]),
            (["diag", "serve", "--listen", "127.0.0.1:0", "--unix", longSocket], ["--unix '\(longSocket)'", "use a shorter path"]),
            (["diag", "serve", "--unix", ""], ["--unix '' names no socket path"]),
            (["wire"], ["wire: give a subcommand", "usage: xieshang wire <encode|decode|list>"]),
            (["wire", "encdoe", "EventBody"], ["unknown subcommand 'wire encdoe'", "Did you mean 'wire encode'?"]),
            (["wire", "encode"], ["missing TYPE", "example:\n  xieshang wire encode"]),
            (["wire", "decode", "xieshang.v1.EventBdy"], ["unknown message type 'xieshang.v1.EventBdy'", "Did you mean 'xieshang.v1.EventBody'?"]),
            (["wire", "decode", "EventBody", "extra"], ["unexpected argument 'extra'"]),
            (["wire", "encode", "EventBody", "--json"], ["--json is not an option here", "xieshang wire decode TYPE"]),
            (["wire", "list", "--jsn"], ["unknown option --jsn", "Did you mean '--json'?"]),
            (["node"], ["node: missing --config", "example:\n  xieshang node --config"]),
            (["node", "--config"], ["--config needs a value"]),
            (["node", "--conifg", dir + "/node.json"], ["unknown option --conifg", "Did you mean '--config'?"]),
            (["node", "--config", dir + "/nowhere/node.json"], ["--config '\(dir)/nowhere/node.json' does not exist"]),
            (["node", "--config", full], ["--config '\(full)' is a directory, not a file"]),
        ]
        for c in cases {
            let r = try await Self.run(c.args)
            #expect(r.status == 2, "xieshang \(c.args.joined(separator: " ")) → \(r.status): \(r.output)")
            for text in c.says { #expect(r.output.contains(text), "xieshang \(c.args.joined(separator: " ")) says '\(text)': \(r.output)") }
        }
        // Nothing was written: no demo folder, no socket, the full folder as it was.
        #expect(!FileManager.default.fileExists(atPath: demoDir), "a refused demo made no folder")
        #expect(!FileManager.default.fileExists(atPath: longSocket))
        #expect((try FileManager.default.contentsOfDirectory(atPath: full)) == ["keep.txt"])
    }

    @Test("node: a config that exists but --json is refused before the node starts (no store, no socket); an unreadable config exits 2 naming it")
    func nodeRefusesBeforeStarting() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let made = try await Self.run(["init", "--id", "town1", "--listen", "127.0.0.1:0", "--dir", dir + "/town1"])
        #expect(made.status == 0, "\(made.output)")
        let config = dir + "/town1/node.json"
        let before = try FileManager.default.contentsOfDirectory(atPath: dir + "/town1").sorted()
        let json = try await Self.run(["node", "--config", config, "--json"])
        #expect(json.status == 2 && json.output.contains("--json is not an option here: the node runs a server")
                && json.output.contains("xieshang status --json"), "\(json.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/town1").sorted() == before, "the node did not start")
        // Root reads any file, so the mode only tells when the tests do not run as root.
        if getuid() != 0 {
            chmod(config, 0)
            let unreadable = try await Self.run(["node", "--config", config])
            #expect(unreadable.status == 2 && unreadable.output.contains("--config '\(config)' cannot be read"), "\(unreadable.output)")
        }
    }

    @Test("wire: JSON → bytes → JSON round trip through a pipe; list and decode print JSON with --json; bytes or JSON that do not decode exit 1 naming the type")
    func wireRoundTripAndBadData() async throws {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang is not built") }
        let pipe = "printf '%s' '{\"origin\":\"cn.gz.tongren\",\"seq\":\"7\"}' | '\(exe)' wire encode EventBody | '\(exe)' wire decode xieshang.v1.EventBody --json"
        let round = try await ProcessRun.run("/bin/sh", ["-c", pipe])
        #expect(round.status == 0, "\(round.output)")
        let body = (try? JSONSerialization.jsonObject(with: Data(round.output.utf8))) as? [String: Any] ?? [:]
        #expect(body["origin"] as? String == "cn.gz.tongren" && body["seq"] as? String == "7", "\(round.output)")
        let list = try await Self.run(["wire", "list", "--json"])
        let names = (try? JSONSerialization.jsonObject(with: Data(list.output.utf8))) as? [String] ?? []
        #expect(list.status == 0 && names.contains("xieshang.v1.EventBody") && names == names.sorted(), "\(list.output)")
        let plain = try await Self.run(["wire", "list"])
        #expect(plain.output.split(separator: "\n").map(String.init) == names)
        // Truncated bytes (a length past the end) and JSON of the wrong shape: exit 1, the type and the error.
        let truncated = try await Self.run(["wire", "decode", "EventBody"], input: "\n\u{05}a")
        #expect(truncated.status == 1 && truncated.output.contains("wire decode EventBody: standard input (3 bytes)")
                && truncated.output.contains("lengthPastEnd"), "\(truncated.output)")
        let badJSON = try await Self.run(["wire", "encode", "EventBody"], input: #"{"seq": "x"}"#)
        #expect(badJSON.status == 1 && badJSON.output.contains("wire encode EventBody: standard input") && badJSON.output.contains("invalidJSON"),
                "\(badJSON.output)")
    }
}
