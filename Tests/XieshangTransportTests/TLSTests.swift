import Foundation
import Synchronization
import Testing
@testable import XieshangTransport
import XieshangWire

/// TLS 1.3 with ALPN h2, self-signed Ed25519 certificates and pinned keys (mutual TLS).
@Suite struct TLSTests {
    let serverKey: Ed25519.PrivateKey
    let clientKey: Ed25519.PrivateKey

    init() throws {
        serverKey = try Ed25519.PrivateKey()
        clientKey = try Ed25519.PrivateKey()
    }

    func server(requireClientCertificate: Bool = true, log: (@Sendable (String) -> Void)? = nil) throws -> (Server, Endpoint) {
        var config = ServerConfiguration()
        config.tls = TLSConfiguration(key: serverKey, name: "铜仁市", requireClientCertificate: requireClientCertificate,
                                      pinnedPeers: requireClientCertificate ? ["碧江区": clientKey.publicKey] : [:])
        let server = try Server(handlers: Diagnostics.handlers(), configuration: config, log: log)
        return (server, try server.listen(on: .tcp(host: "127.0.0.1", port: 0)))
    }

    func client(_ endpoint: Endpoint, key: Ed25519.PrivateKey? = nil, pinnedServerKey: Ed25519.PublicKey? = nil) throws -> Client {
        var config = ClientConfiguration()
        config.tls = TLSConfiguration(key: key ?? clientKey, name: "碧江区",
                                      pinnedPeers: ["铜仁市": pinnedServerKey ?? serverKey.publicKey])
        config.serverName = "铜仁市"
        config.defaultTimeoutSeconds = 120
        return try Client(target: endpoint, configuration: config)
    }

    @Test func mutualTLSWithPinnedKeysCarriesTheInteropCalls() async throws {
        let (server, endpoint) = try server()
        let client = try client(endpoint)
        try await InteropTests.exerciseEcho(client)
        #expect(server.metrics.connectionsOpened == 1)
        await server.shutdown()
    }

    @Test func clientWithUnpinnedKeyIsRefused() async throws {
        let lines = LogLines()
        let (server, endpoint) = try server(log: lines.add)
        let stranger = try Ed25519.PrivateKey()
        let client = try client(endpoint, key: stranger)
        await #expect {
            _ = try await TestSupport.echo(client)
        } throws: { ($0 as? TransportError)?.status == .unavailable }
        try await TestSupport.waitUntil("the server logs the refusal") {
            lines.all.contains { $0.contains(stranger.publicKey.fingerprint) && $0.contains(clientKey.publicKey.fingerprint)
                && $0.contains("碧江区") }
        }
        #expect(server.metrics.callsByStatus.isEmpty)
        await server.shutdown()
    }

    @Test func serverWithWrongKeyIsRefused() async throws {
        let (server, endpoint) = try server()
        let expected = try Ed25519.PrivateKey().publicKey
        let client = try client(endpoint, pinnedServerKey: expected)
        await #expect {
            _ = try await TestSupport.echo(client)
        } throws: { error in
            guard let e = error as? TransportError else { return false }
            return e.code == .peerKeyMismatch && e.status == .unavailable && e.message.contains("铜仁市")
                && e.message.contains(serverKey.publicKey.fingerprint) && e.message.contains(expected.fingerprint)
        }
        #expect(server.metrics.callsByStatus.isEmpty)
        await server.shutdown()
    }

    @Test func h2loadOverTLSCompletesTwentyThousandCalls() async throws {
        let h2load = try TestSupport.h2load()
        let (server, endpoint) = try server(requireClientCertificate: false)
        let (status, output) = try await TestSupport.runAsync(h2load, H2LoadTests.h2loadArguments(
            "https://\(endpoint)\(TestSupport.echoPath)", requests: 20_000, file: try H2LoadTests.requestFile()))
        #expect(status == 0, "\(output)")
        #expect(output.contains("20000 succeeded, 0 failed, 0 errored, 0 timeout"), "\(output)")
        #expect(output.contains("TLSv1.3") && output.contains("h2"), "\(output)")
        #expect(server.metrics.callsByStatus == [0: 20_000])
        await server.shutdown()
    }
}

/// Collects log lines from a server.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    var add: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
}
