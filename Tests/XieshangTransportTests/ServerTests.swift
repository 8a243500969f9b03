import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

@Suite struct ServerTests {
    @Test func unaryEchoOverIPv4() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        let r = try await TestSupport.echo(client, text: "政协委员履职", payload: [9, 8, 7])
        #expect(r.text == "政协委员履职")
        #expect(r.payload == [9, 8, 7])
        #expect(r.sequence == 1)
        #expect(server.metrics.callsByStatus[0] == 1)
        await server.shutdown()
    }

    @Test func unaryEchoOverIPv6() async throws {
        let server = try Server(handlers: Diagnostics.handlers())
        let bound = try server.listen(on: .tcp(host: "::1", port: 0))
        let client = try Client(target: bound)
        let r = try await TestSupport.echo(client, text: "IPv6")
        #expect(r.text == "IPv6")
        await server.shutdown()
    }

    @Test func unixSocketHasMode0600AndServes() async throws {
        let dir = try TestSupport.tempDirectory()
        let path = dir.appendingPathComponent("admin.sock").path
        let server = try Server(handlers: Diagnostics.handlers())
        try server.listen(on: .unix(path: path))
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let client = try Client(target: .unix(path: path))
        let r = try await TestSupport.echo(client, text: "本地")
        #expect(r.text == "本地")
        await server.shutdown()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        await #expect {
            _ = try await client.unary("/xieshang.v1.Nope/Missing", [])
        } throws: { error in
            (error as? TransportError)?.status == .unimplemented
                && (error as? TransportError)?.message.contains("/xieshang.v1.Nope/Missing") == true
        }
        await server.shutdown()
    }

    @Test func requestedStatusAndChineseMessageReachTheClient() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        let request = EchoRequest(requestedStatus: 5, requestedMessage: "找不到提案 100% ✓")
        await #expect {
            _ = try await client.unary(TestSupport.echoPath, request.serializedBytes())
        } throws: { error in
            let e = error as? TransportError
            return e?.status == .notFound && e?.message == "找不到提案 100% ✓"
        }
        await server.shutdown()
    }

    @Test func allFourCallKinds() async throws {
        let handlers: [String: RPCHandler] = [
            "/t.T/ServerStream": .serverStreaming { request, writer, _ in
                for i in 0..<Int(request[0]) { try await writer.write([UInt8(i)]) }
            },
            "/t.T/ClientStream": .clientStreaming { requests, _ in
                var sum = 0
                for try await m in requests { sum += Int(m[0]) }
                return [UInt8(sum)]
            },
        ]
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: handlers)
        let client = try Client(target: endpoint)
        // Unary
        #expect(try await TestSupport.echo(client, text: "一").text == "一")
        // Server streaming
        let got = try await client.serverStreaming("/t.T/ServerStream", [5]) { responses in
            var all: [UInt8] = []
            for try await m in responses { all += m }
            return all
        }
        #expect(got == [0, 1, 2, 3, 4])
        // Client streaming
        let sum = try await client.clientStreaming("/t.T/ClientStream") { writer in
            for i in 1...10 { try await writer.write([UInt8(i)]) }
        }
        #expect(sum == [55])
        // Bidirectional
        let texts = try await client.bidirectionalStreaming(TestSupport.echoStreamPath) { writer, responses in
            var out: [String] = []
            var it = responses.makeAsyncIterator()
            for t in ["甲", "乙", "丙"] {
                try await writer.write(EchoRequest(text: t).serializedBytes())
                let r = try EchoResponse(serializedBytes: try #require(try await it.next()))
                out.append("\(r.sequence)\(r.text)")
            }
            writer.finish()
            #expect(try await it.next() == nil)
            return out
        }
        #expect(texts == ["1甲", "2乙", "3丙"])
        await server.shutdown()
    }

    @Test func manyConcurrentCallsShareOneConnection() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<500 {
                group.addTask {
                    let r = try await TestSupport.echo(client, text: "第\(i)号")
                    #expect(r.text == "第\(i)号")
                }
            }
            try await group.waitForAll()
        }
        #expect(client.metrics.connectionsOpened == 1)
        #expect(server.metrics.connectionsOpened == 1)
        #expect(server.metrics.callsByStatus[0] == 500)
        await server.shutdown()
    }

    @Test func gracefulShutdownFinishesInFlightAndRefusesNew() async throws {
        let started = Counter()
        let gate = Gate()
        let hold: [String: RPCHandler] = ["/t.T/Hold": .unary { request, _ in
            started.add(1)
            await gate.wait()
            return request
        }]
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: hold)
        let client = try Client(target: endpoint)
        #expect(try await TestSupport.echo(client).text == "你好")
        let inFlight = Task { try await client.unary("/t.T/Hold", Array("进行中".utf8)) }
        try await TestSupport.waitUntil("the held call is running") { started.value == 1 }
        let shutdown = Task { await server.shutdown(gracePeriodSeconds: 30) }
        // New calls are refused once the GOAWAY is out (on the old connection or a fresh one).
        try await TestSupport.waitUntil("new calls are refused") {
            do {
                _ = try await TestSupport.echo(client, text: "新")
                return false
            } catch let e as TransportError {
                return e.status == .unavailable
            }
        }
        gate.open()
        #expect(String(decoding: try await inFlight.value, as: UTF8.self) == "进行中")
        await shutdown.value
        #expect(server.metrics.connectionsOpen == 0)
    }

    @Test func metricsCountConnectionsStreamsBytesAndStatuses() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let client = try Client(target: endpoint)
        _ = try await TestSupport.echo(client)
        _ = try? await client.unary(TestSupport.echoPath, EchoRequest(requestedStatus: 9).serializedBytes())
        let m = server.metrics
        #expect(m.connectionsOpened == 1 && m.connectionsOpen == 1)
        #expect(m.streamsOpened == 2)
        #expect(m.callsByStatus == [0: 1, 9: 1])
        #expect(m.bytesIn > 0 && m.bytesOut > 0)
        #expect(client.metrics.connectionsOpened == 1 && client.metrics.bytesOut > 0)
        await server.shutdown()
        #expect(server.metrics.connectionsOpen == 0)
    }
}
