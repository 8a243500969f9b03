import Foundation
import Testing
import XieshangNode
import XieshangTransport
import XieshangWire

/// `xieshang key rotate|revoke` with real node processes over TLS (issue 20, item 3): a township rotates its key, its
/// records keep reaching the city, the TLS links keep working across restarts of either side; its county revokes the
/// key and the township's events signed by it are refused from then on.
@Suite(.serialized)
struct KeyRotationProcessTests {
    static func cli(_ fed: LocalFederation, _ args: [String]) async throws -> ProcessRun {
        try await ProcessRun.run(fed.executable, args, environment: ["XIESHANG_LANG": "en", "XIESHANG_NODE": nil])
    }

    @Test("key rotate over TLS: new-key records reach the city, links survive restarts of both sides; key revoke at the county refuses the key")
    func rotateAndRevokeOverTLS() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1, tls: true)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        try await fed.startAll()
        try await waitUntil("the township's link is up", seconds: 60) { try await fed.status(town).links.first?.state == "up" }
        for _ in 0..<3 { _ = try await fed.submit(town, amount: 1) }
        try await waitUntil("the city counts 3", seconds: 60) { try await fed.totals("city")["research_visits"] == 3 }

        let rotated = try await Self.cli(fed, ["key", "rotate", "--node", fed.dir(town) + "/admin.sock", "--json"])
        #expect(rotated.status == 0, "key rotate: \(rotated.output)")
        let change = try KeyChange(jsonString: rotated.output.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(change.nodeId == town && change.events.contains { $0.hasPrefix(town + "#") }, "\(change.events)")
        #expect(change.keyFile.hasPrefix(fed.dir(town) + "/node.key.rotated-"))
        let attributes = try FileManager.default.attributesOfItem(atPath: change.keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let newKey = try KeyFile.load(from: change.keyFile)
        #expect(newKey.publicKey.fingerprint == change.newFingerprint)
        #expect(try KeyFile.load(from: fed.dir(town) + "/node.key").publicKey.fingerprint == change.oldFingerprint)

        // Records signed by the new key reach the county and the city.
        for _ in 0..<3 { _ = try await fed.submit(town, amount: 1) }
        try await waitUntil("the city counts 6 after the rotation", seconds: 60) { try await fed.totals("city")["research_visits"] == 6 }

        // Restarts of either side: the township comes back with the rotated key file, the county with the key record
        // in its log; the TLS links come up again (the township's certificate now carries the new key).
        #expect(fed.stop(town) == 0)
        try await fed.start(town)
        try await waitUntil("the township's link is up after its restart", seconds: 60) { try await fed.status(town).links.first?.state == "up" }
        #expect(fed.stop(county) == 0)
        try await fed.start(county)
        try await waitUntil("the county's links are up after its restart", seconds: 60) {
            try await fed.status(county).links.allSatisfy { $0.state == "up" }
        }
        for _ in 0..<3 { _ = try await fed.submit(town, amount: 1) }
        try await waitUntil("the city counts 9 after both restarts", seconds: 60) { try await fed.totals("city")["research_visits"] == 9 }
        // The township's TLS certificate carries the new key now: a client pinning the new key completes the TLS
        // handshake (its Hello is then refused by the node, which is fine), one pinning the old key is refused in it.
        let countyKey = try KeyFile.load(from: fed.dir(county) + "/node.key")
        func townPresents(_ key: Ed25519.PublicKey) async throws -> Bool {
            var c = ClientConfiguration()
            c.defaultTimeoutSeconds = 5
            c.maxBackoffSeconds = 0.2
            c.tls = TLSConfiguration(key: countyKey, name: county, requireClientCertificate: true, pinnedPeers: [town: key])
            c.serverName = town
            let client = try Client(target: try Endpoint(parsing: fed.member(town).config.listen), configuration: c)
            defer { client.close() }
            do {
                _ = try await client.unary(FederationService.hello.path, HelloRequest(nodeId: "nobody").serializedBytes())
                return true
            } catch let error as TransportError {
                return error.code != .peerKeyMismatch
            }
        }
        #expect(try await townPresents(newKey.publicKey))
        #expect(try await !townPresents(try KeyFile.load(from: fed.dir(town) + "/node.key").publicKey))
        let countyStatus = try await fed.status(county)
        #expect(!countyStatus.alerts.contains { $0.code == "tls_refused" || $0.code == "key_superseded" || $0.code == "bad_signature" },
                "\(countyStatus.alerts.map { "\($0.code): \($0.message)" })")

        // The county revokes the township's (new) key from its next seq: what the township records now is refused.
        let held = try await fed.events(county, origin: town).map(\.seq).max() ?? 0
        let revoked = try await Self.cli(fed, ["key", "revoke", "--child", town, "--from-seq", "\(held + 1)", "--reason", "key leaked",
                                               "--node", fed.dir(county) + "/admin.sock"])
        #expect(revoked.status == 0, "key revoke: \(revoked.output)")
        #expect(revoked.output.contains(change.newFingerprint))
        let refusedSeq = try await fed.submit(town, amount: 1)
        #expect(refusedSeq > held)
        try await waitUntil("the county refuses the revoked key's event", seconds: 60) {
            try await fed.status(county).alerts.contains { $0.code == "key_revoked" && $0.subject == town }
        }
        #expect(try await !fed.events(county, origin: town).contains { $0.seq >= refusedSeq })
        #expect(try await fed.totals("city")["research_visits"] == 9)
    }

    @Test("key rotate and key revoke refuse bad arguments with their message and exit code")
    func badArguments() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        let town = "county1-town1", county = "county1"
        let countySocket = ["--node", fed.dir(county) + "/admin.sock"]
        // The node is not running: exit 3.
        let down = try await Self.cli(fed, ["key", "rotate"] + countySocket)
        #expect(down.status == 3, "\(down.output)")
        try await fed.startAll()
        try await waitUntil("the county's links are up", seconds: 60) { try await fed.status(county).links.allSatisfy { $0.state == "up" } }
        let usage: [[String]] = [
            ["key"],                                                   // no subcommand
            ["key", "spin"],                                           // unknown subcommand
            ["key", "rotate", "now"],                                  // rotate takes no argument
            ["key", "revoke", "--from-seq", "3"],                      // missing --child
            ["key", "revoke", "--child", town],                        // missing --from-seq
            ["key", "revoke", "--child", town, "--from-seq", "0"],     // seq 0
            ["key", "revoke", "--child", town, "--from-seq", "-4"],    // negative
            ["key", "revoke", "--child", town, "--from-seq", "abc"],   // not a number
            ["key", "revoke", "--child", town, "--from-seq", "99999999999999999999999"],  // past UInt64
        ]
        for args in usage {
            let r = try await Self.cli(fed, args + countySocket)
            #expect(r.status == 2, "\(args.joined(separator: " ")): \(r.output)")
        }
        #expect(try await Self.cli(fed, ["key", "spin"] + countySocket).output.contains("rotate"))
        #expect(try await Self.cli(fed, ["key", "revoke", "--child", town, "--from-seq", "abc"] + countySocket).output.contains("--from-seq"))
        // Refused by the rules (exit 1): not a child of this node, a bad node id; nothing recorded.
        for args in [["key", "revoke", "--child", "city", "--from-seq", "1"],
                     ["key", "revoke", "--child", "nosuch", "--from-seq", "1"],
                     ["key", "revoke", "--child", "Not An Id", "--from-seq", "1"]] {
            let r = try await Self.cli(fed, args + countySocket)
            #expect(r.status == 1, "\(args.joined(separator: " ")): \(r.output)")
        }
        #expect(try await Self.cli(fed, ["key", "revoke", "--child", "city", "--from-seq", "1"] + countySocket).output.contains("not a child"))
        #expect(try await !fed.events(county, origin: county).contains { $0.kind == Int64(EventKind.keyRevocation.protoValue) })
        // No stray key file was left by the refusals.
        let files = try FileManager.default.contentsOfDirectory(atPath: fed.dir(county))
        #expect(!files.contains { $0.contains(".rotated-") })
    }
}
