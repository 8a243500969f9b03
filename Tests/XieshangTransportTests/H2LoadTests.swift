import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

/// h2load (nghttp2-client), an independent HTTP/2 load generator, against the Echo method.
@Suite struct H2LoadTests {
    /// A gRPC-framed EchoRequest with a 300-byte payload in a file h2load posts (`-d`).
    static func requestFile() throws -> String {
        let url = try TestSupport.tempDirectory().appendingPathComponent("echo.bin")
        let body = MessageFramer.frame(EchoRequest(payload: Array(repeating: 0x78, count: 300), text: "协商").serializedBytes())
        try Data(body).write(to: url)
        return url.path
    }

    static func h2loadArguments(_ url: String, requests: Int, file: String) -> [String] {
        ["-n", "\(requests)", "-c", "4", "-m", "10", "-d", file, "-H", "content-type: application/grpc",
         "-H", "te: trailers", url]
    }

    @Test func twentyThousandUnaryCallsWithoutFailure() async throws {
        let h2load = try TestSupport.h2load()
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let (status, output) = try await TestSupport.runAsync(h2load, Self.h2loadArguments(
            "http://\(endpoint)\(TestSupport.echoPath)", requests: 20_000, file: try Self.requestFile()))
        #expect(status == 0, "\(output)")
        #expect(output.contains("20000 succeeded, 0 failed, 0 errored, 0 timeout"), "\(output)")
        // h2load counts HTTP 200 as success; the gRPC status of every call must be OK too.
        #expect(server.metrics.callsByStatus == [0: 20_000])
        await server.shutdown()
    }
}
