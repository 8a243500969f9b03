import Foundation
import Testing
import XieshangNode
import XieshangTransport
import XieshangWire

/// TLS 1.3 between node processes (`tls: true` in node.json): certificates self-signed with the node keys, each side
/// checking the other's key against its pin.
@Suite("node processes over TLS", .serialized)
struct FederationTLSTests {
    @Test("nodes with tls true replicate over TLS; a peer with the wrong key is refused in the TLS handshake and shown in status")
    func tlsLinks() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 2, tls: true)
        defer { fed.stopAll() }
        let honest = "county1-town1", impostor = "county1-town2"
        for m in fed.topology.members {
            let text = try String(contentsOfFile: m.directory + "/node.json", encoding: .utf8)
            #expect(text.contains("\"tls\" : true"), "\(m.id)'s node.json does not turn TLS on")
        }
        try await fed.startAll()
        // Plain h2c is not spoken on a TLS node's port: a client without TLS gets no answer.
        var plain = ClientConfiguration()
        plain.defaultTimeoutSeconds = 2
        plain.maxBackoffSeconds = 0.2
        let h2c = try Client(target: try Endpoint(parsing: fed.member("county1").config.listen), configuration: plain)
        await #expect(throws: (any Error).self) {
            _ = try await h2c.unary(FederationService.hello.path, HelloRequest(nodeId: honest).serializedBytes())
        }
        h2c.close()
        for town in [honest, impostor] { for _ in 0..<20 { _ = try await fed.submit(town, amount: 1) } }
        try await waitUntil("the city's rollup over TLS shows 40 notes", seconds: 60) { try await fed.totals("city")["research_visits"] == 40 }
        try await fed.expectChainsReplicated()
        // The impostor: county1-town2 restarted with a key that is not its pin.
        #expect(fed.stop(impostor) == 0)
        try FileManager.default.removeItem(atPath: fed.dir(impostor) + "/node.key")
        try KeyFile.save(try Ed25519.PrivateKey(), to: fed.dir(impostor) + "/node.key")
        try await fed.start(impostor)
        try await waitUntil("county1 refused the impostor's key in the TLS handshake and says so", seconds: 60) {
            let s = try await fed.status("county1")
            let alert = s.alerts.contains { $0.subject == impostor && $0.code == "tls_refused" }
            let link = s.links.first { $0.peer == impostor }
            return alert && (link?.refused ?? 0) > 0 && link?.state != "up"
        }
        let impostorStatus = try await fed.status(impostor)
        let parentLink = impostorStatus.links.first { $0.role == "parent" }
        #expect(parentLink?.state != "up")
        #expect(parentLink?.lastError.isEmpty == false, "the impostor's status does not say why its parent link is down")
        // The federation keeps working.
        for _ in 0..<10 { _ = try await fed.submit(honest, amount: 1) }
        try await waitUntil("the city counts 50 notes", seconds: 60) { try await fed.totals("city")["research_visits"] == 50 }
    }
}
