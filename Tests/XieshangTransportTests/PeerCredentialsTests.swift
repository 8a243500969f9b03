import Foundation
import Testing
@testable import XieshangTransport

/// A handler on a Unix socket learns the calling process's uid, gid and pid from the kernel (SO_PEERCRED); on TCP it
/// learns nothing. The admin socket audits user commands with it.
@Suite struct PeerCredentialsTests {
    /// A unary handler that answers "uid gid pid" of its connection's peer, or "none".
    static func whoAmIServer() throws -> Server {
        try Server(handlers: ["/t.Who/Am": .unary { _, context in
            guard let c = context.connection.peerCredentials else { return Array("none".utf8) }
            return Array("\(c.uid) \(c.gid) \(c.pid) \(c.actor)".utf8)
        }])
    }

    @Test func aUnixSocketPeerIsThisProcess() async throws {
        let dir = try TestSupport.tempDirectory()
        let path = dir.appendingPathComponent("who.sock").path
        let server = try Self.whoAmIServer()
        try server.listen(on: .unix(path: path))
        let client = try Client(target: .unix(path: path))
        let answer = String(decoding: try await client.unary("/t.Who/Am", []), as: UTF8.self)
        let name = getpwuid(getuid()).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        #expect(answer == "\(getuid()) \(getgid()) \(getpid()) os:\(name ?? "?")(uid \(getuid()))")
        await server.shutdown()
    }

    @Test func aTCPPeerHasNone() async throws {
        let server = try Self.whoAmIServer()
        let bound = try server.listen(on: .tcp(host: "127.0.0.1", port: 0))
        let client = try Client(target: bound)
        #expect(String(decoding: try await client.unary("/t.Who/Am", []), as: UTF8.self) == "none")
        await server.shutdown()
    }
}
