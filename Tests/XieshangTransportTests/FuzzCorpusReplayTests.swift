import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// Replays `xieshang-fuzz-h2`'s corpus (seeds and past crash inputs, Tests/XieshangTransportTests/FuzzCorpus) into a
/// server connection the way the fuzzer does, so every input found once stays a test in `swift test`: the server
/// survives each one and keeps serving.
@Suite struct FuzzCorpusReplayTests {
    @Test func everyCorpusInputLeavesTheServerServing() async throws {
        let dir = TestSupport.packageRoot.appendingPathComponent("Tests/XieshangTransportTests/FuzzCorpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0 != "README.md" }.sorted()
        #expect(files.count >= 7)
        // The fuzz target's server: gRPC and its HTTP routes (seed-http-routes).
        let (server, port) = try HTTPRoutesTests.server { $0.unauthenticated = UnauthenticatedLimits() }
        let endpoint = Endpoint.tcp(host: "127.0.0.1", port: port)
        for name in files {
            let input = RawHTTP2Connection.preface + Array(try Data(contentsOf: dir.appendingPathComponent(name)))
            try await TestSupport.blocking {
                var fds: [Int32] = [-1, -1]
                guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0 else { return }
                server.serve(connectedSocket: fds[0], peer: "corpus")
                var tv = timeval(tv_sec: 2, tv_usec: 0)
                setsockopt(fds[1], SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
                _ = input.withUnsafeBytes { send(fds[1], $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                shutdown(fds[1], Int32(SHUT_WR))
                var sink = [UInt8](repeating: 0, count: 65536)
                while recv(fds[1], &sink, sink.count, 0) > 0 {}
                close(fds[1])
            }
            let client = try Client(target: endpoint)
            _ = try await TestSupport.echo(client)
            client.close()
        }
        // The 413 (a content-length over the limit, headers without END_STREAM) is answered on the reactor as the
        // headers are read, so it always counts; nghttp2 itself resets the `:path *` stream, and the routed ones run
        // as tasks that the replay's early hang-up may cut short. (CI, stop 22: the seed's first stream once ended
        // with its headers, and nghttp2 reset it for the length mismatch before a route saw it: half the runs
        // counted 0.)
        let metrics = server.metrics
        #expect(metrics.httpResponses >= 1, "seed-http-routes reached the routes: \(metrics.httpResponses) responses, \(metrics.connectionsTimedOut) connections timed out")
        await server.shutdown(gracePeriodSeconds: 1)
    }
}
