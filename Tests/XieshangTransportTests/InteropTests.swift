import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

/// Interop with an independent implementation, Python grpcio 1.85.1, both directions: unary and bidirectional
/// streaming, 1,000 messages each way, payloads up to 1 MiB, Chinese text, statuses and messages.
@Suite(.serialized) struct InteropTests {
    static func payloadSize(_ i: Int) -> Int { i % 100 == 99 ? 1024 * 1024 : (i * 7919) % 4096 }
    /// Message i's payload (the Python scripts make the same bytes): cheap to build, different for each message.
    static func payload(_ i: Int) -> [UInt8] { [UInt8](repeating: UInt8(i % 251), count: payloadSize(i)) }
    static func text(_ i: Int) -> String { "第\(i)条 政协委员提案：关于乡村振兴的建议 ✓" }

    @Test func grpcioClientCallsOurServer() async throws {
        let python = try TestSupport.python()
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let (status, output) = try await TestSupport.runAsync(
            python, ["\(TestSupport.pythonDirectory)/interop_client.py", TestSupport.protosDirectory, "\(endpoint)"])
        #expect(status == 0, "grpcio client: \(output)")
        #expect(output.contains("OK"))
        #expect((server.metrics.callsByStatus[0] ?? 0) >= 1001)
        await server.shutdown()
    }

    @Test func ourClientCallsGrpcioServer() async throws {
        let python = try TestSupport.python()
        let child = try await ChildProcess(python, ["\(TestSupport.pythonDirectory)/interop_server.py",
                                                     TestSupport.protosDirectory], waitFor: "PORT ")
        defer { child.stop() }
        let port = try #require(Int(child.markerLine.trimmingCharacters(in: .whitespaces)))
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        try await Self.exerciseEcho(client)
    }

    /// The interop calls: 1,000 unary and 1,000 bidirectional messages with payloads up to 1 MiB and Chinese text,
    /// statuses with Chinese messages, an unknown method and a deadline.
    static func exerciseEcho(_ client: Client) async throws {
        for i in 0..<1000 {
            let request = EchoRequest(payload: Self.payload(i), text: Self.text(i))
            let r = try EchoResponse(serializedBytes: try await client.unary(TestSupport.echoPath, request.serializedBytes()))
            #expect(r.payload == request.payload && r.text == request.text && r.sequence == 1, "unary \(i)")
        }
        let count = try await client.bidirectionalStreaming(TestSupport.echoStreamPath,
                                                            options: CallOptions(timeoutSeconds: 120)) { writer, responses in
            async let sent: Void = {
                for i in 0..<1000 {
                    try await writer.write(EchoRequest(payload: Self.payload(i), text: Self.text(i)).serializedBytes())
                }
                writer.finish()
            }()
            var n = 0
            for try await bytes in responses {
                let r = try EchoResponse(serializedBytes: bytes)
                #expect(r.payload == Self.payload(n) && r.text == Self.text(n) && r.sequence == UInt64(n + 1), "bidi \(n)")
                n += 1
            }
            try await sent
            return n
        }
        #expect(count == 1000)
        await #expect {
            _ = try await client.unary(TestSupport.echoPath,
                                       EchoRequest(requestedStatus: 5, requestedMessage: "找不到提案 100%").serializedBytes())
        } throws: { error in
            let e = error as? TransportError
            return e?.status == .notFound && e?.message == "找不到提案 100%"
        }
        await #expect {
            try await client.bidirectionalStreaming(TestSupport.echoStreamPath) { writer, responses in
                try await writer.write(EchoRequest(text: "一").serializedBytes())
                try await writer.write(EchoRequest(requestedStatus: 7, requestedMessage: "无权").serializedBytes())
                writer.finish()
                for try await _ in responses {}
            }
        } throws: { error in
            let e = error as? TransportError
            return e?.status == .permissionDenied && e?.message == "无权"
        }
        await #expect {
            _ = try await client.unary("/xieshang.v1.Diagnostics/Nope", [])
        } throws: { ($0 as? TransportError)?.status == .unimplemented }
        await #expect {
            _ = try await client.unary(TestSupport.echoPath, EchoRequest(delayMs: 5000).serializedBytes(),
                                       options: CallOptions(timeoutSeconds: 0.2))
        } throws: { ($0 as? TransportError)?.status == .deadlineExceeded }
    }
}
