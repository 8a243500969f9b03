import Foundation
import Testing
import XieshangNode
import XieshangWire

/// The `xieshang` commands around the node as processes: init, topology, status against no node, fatal start-up
/// errors (key file mode, corrupt store), clean exit on SIGTERM.
@Suite("node commands")
struct NodeCommandTests {
    func run(_ args: [String]) async throws -> (status: Int32, output: String) {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang not built; run swift build --build-tests") }
        let r = try await ProcessRun.run(exe, args)
        return (r.status, r.output)
    }

    func tempDir() throws -> String {
        let dir = "/tmp/xsnc-" + String(UUID().uuidString.prefix(8)).lowercased()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("status with no node on the socket exits 3 and names the socket")
    func statusUnreachable() async throws {
        let (status, output) = try await run(["status", "--node", "/tmp/xs-no-such-node.sock"])
        #expect(status == 3)
        #expect(output.contains("/tmp/xs-no-such-node.sock"))
    }

    @Test("init writes node.key with mode 0600 and a node.json that loads, and prints the public key")
    func initWritesKeyAndConfig() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, output) = try await run(["init", "--id", "town9", "--name", "测试乡", "--tier", "township", "--listen", "127.0.0.1:0", "--dir", dir])
        #expect(status == 0, "\(output)")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/node.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let key = try KeyFile.load(from: dir + "/node.key")
        #expect(output.contains(key.publicKey.text))
        let config = try NodeConfig.load(from: dir + "/node.json")
        #expect(config.nodeId == "town9")
        #expect(config.keyFile == dir + "/node.key")
        #expect(config.tls, "init writes a TLS config (issue 16: TLS on by default)")
    }

    @Test("topology pins every key both ways and every node.json loads")
    func topologyPinsBothWays() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, output) = try await run(["topology", "--counties", "2", "--townships-per-county", "2", "--alliance-peers", "1",
                                        "--base-port", "17900", "--out", dir])
        #expect(status == 0, "\(output)")
        var configs: [String: NodeConfig] = [:]
        var keys: [String: Ed25519.PublicKey] = [:]
        for id in ["city", "county1", "county1-town1", "county1-town2", "county2", "county2-town1", "county2-town2", "ally1"] {
            configs[id] = try NodeConfig.load(from: "\(dir)/\(id)/node.json")
            keys[id] = try KeyFile.load(from: "\(dir)/\(id)/node.key").publicKey
        }
        for (id, c) in configs {
            if let p = c.parent {
                #expect(p.publicKey == keys[p.nodeId], "\(id) pins a wrong key for its parent")
                #expect(configs[p.nodeId]!.children.contains { $0.nodeId == id && $0.publicKey == keys[id] }, "\(p.nodeId) does not pin \(id)")
            }
            for a in c.alliances { for m in a.members { #expect(m.publicKey == keys[m.nodeId]) } }
        }
        #expect(configs["city"]!.alliances.first?.members.map(\.nodeId) == ["ally1"])
        #expect(configs.values.allSatisfy { $0.tls }, "topology writes TLS configs by default (issue 16)")
        let h2c = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: h2c) }
        let plain = try await run(["topology", "--counties", "1", "--townships-per-county", "0", "--base-port", "17950", "--h2c", "--out", h2c])
        #expect(plain.status == 0, "\(plain.output)")
        #expect(try NodeConfig.load(from: h2c + "/city/node.json").tls == false, "--h2c asks for plain h2c (loopback only)")
    }

    @Test("the node refuses a key file readable by others (exit 78: fix the file first) and a corrupt store (exit 1), naming the file")
    func fatalStartErrors() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try await run(["init", "--id", "town9", "--listen", "127.0.0.1:0", "--dir", dir])
        chmod(dir + "/node.key", 0o644)
        let (s1, o1) = try await run(["node", "--config", dir + "/node.json"])
        #expect(s1 == 78)
        #expect(o1.contains(dir + "/node.key") && o1.contains("chmod 600"))
        chmod(dir + "/node.key", 0o600)
        _ = FileManager.default.createFile(atPath: dir + "/node.db", contents: Data(repeating: 0x5a, count: 8192))
        let (s2, o2) = try await run(["node", "--config", dir + "/node.json"])
        #expect(s2 == 1)
        #expect(o2.contains(dir + "/node.db"), "\(o2)")
    }

    /// Until issue 20 a township that had not reached its parent since it started refused to record ("has not reached
    /// its parent", exit 1) and the clerk went back to paper. The intent is unchanged — it must not originate before
    /// the parent confirmed how far its own chain goes (a restored store must never reuse a seq) — but the record is
    /// now kept durably in the node's queue and answered 已排队/queued (exit 0), distinct from a recorded one: nothing
    /// is in its log yet, and `status` shows the queue length.
    @Test("a township that has not reached its parent queues a record (exit 0, says 已排队/queued, nothing originated); SIGTERM stops it with exit 0")
    func noRecordBeforeTheParentConfirms() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.start("county1-town1")
        // Two records (the record commands share one answer printer), each answered queued.
        for id in ["Q-1", "Q-2"] {
            let (status, output) = try await run(["activity", "add", "--id", id, "--kind", "research", "--topic", "调研",
                                                  "--participants", "3", "--node", fed.dir("county1-town1") + "/admin.sock"])
            #expect(status == 0, "\(output)")
            #expect(output.contains("已排队") && !output.contains("已记录"), "a queued record must not read as recorded: \(output)")
        }
        let originated = try await fed.events("county1-town1", origin: "county1-town1")
        #expect(originated.isEmpty, "the township originated before its parent confirmed its chain")
        let s = try await fed.status("county1-town1")
        #expect(s.fenced && s.queued == 2)
        let (_, statusText) = try await run(["status", "--node", fed.dir("county1-town1") + "/admin.sock"])
        #expect(statusText.contains("排队 2（上级确认链后按序记录）"), "\(statusText)")
        #expect(fed.stop("county1-town1") == 0)
    }
}
