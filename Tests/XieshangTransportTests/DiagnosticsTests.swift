import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

/// The Diagnostics service and `xieshang diag serve`, as a real process.
@Suite struct DiagnosticsTests {
    /// The `xieshang` executable next to the test bundle (built by `swift build --build-tests`).
    static var xieshang: String {
        let dir = Bundle.main.executableURL?.deletingLastPathComponent()
            ?? TestSupport.packageRoot.appendingPathComponent(".build/debug")
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("xieshang").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return TestSupport.packageRoot.appendingPathComponent(".build/debug/xieshang").path
    }

    @Test func diagServeListensOnTCPAndUnixAndStopsOnSIGTERM() async throws {
        let dir = try TestSupport.tempDirectory()
        let socket = dir.appendingPathComponent("diag.sock").path
        let child = try await ChildProcess(Self.xieshang, ["diag", "serve", "--listen", "127.0.0.1:0", "--unix", socket],
                                           waitFor: "listening on unix:")
        let tcp = try #require(child.output.split(separator: "\n").first { $0.hasPrefix("listening on 127.0.0.1:") })
        let port = try #require(Int(tcp.split(separator: ":").last ?? ""))
        for endpoint in [Endpoint.tcp(host: "127.0.0.1", port: port), .unix(path: socket)] {
            let client = try Client(target: endpoint)
            #expect(try await TestSupport.echo(client, text: "诊断 \(endpoint)").text == "诊断 \(endpoint)")
            // Only Diagnostics is served.
            await #expect {
                _ = try await client.unary("/xieshang.v1.Federation/Hello", [])
            } throws: { ($0 as? TransportError)?.status == .unimplemented }
        }
        child.process.terminate()  // SIGTERM: graceful shutdown
        child.process.waitUntilExit()
        #expect(child.process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: socket))
    }

    /// `--json`: one JSON object per endpoint, as scripts read it.
    @Test func diagServeWithJSONPrintsTheBoundEndpointAsJSON() async throws {
        let child = try await ChildProcess(Self.xieshang, ["diag", "serve", "--listen", "127.0.0.1:0", "--json"],
                                           waitFor: #"{"listening":"127.0.0.1:"#)
        let port = try #require(Int(child.markerLine.prefix { $0.isNumber }), "\(child.output)")
        let line = try #require(child.output.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == ["listening": "127.0.0.1:\(port)"])
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        #expect(try await TestSupport.echo(client, text: "诊断 json").text == "诊断 json")
        child.process.terminate()
        child.process.waitUntilExit()
        #expect(child.process.terminationStatus == 0)
    }

    @Test func echoHonoursDelayAndRefusesUndecodableRequests() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        let delayed = try EchoResponse(serializedBytes: try await client.unary(
            TestSupport.echoPath, EchoRequest(text: "慢一点", delayMs: 50).serializedBytes()))
        #expect(delayed.text == "慢一点")
        await #expect {
            _ = try await client.unary(TestSupport.echoPath, EchoRequest(delayMs: 10_000).serializedBytes(),
                                       options: CallOptions(timeoutSeconds: 0.1))
        } throws: { ($0 as? TransportError)?.status == .deadlineExceeded }
        await #expect {
            _ = try await client.unary(TestSupport.echoPath, [0xFF, 0xFF])
        } throws: { ($0 as? TransportError)?.status == .invalidArgument }
        await server.shutdown()
    }
}
