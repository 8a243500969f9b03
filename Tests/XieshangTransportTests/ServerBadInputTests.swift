import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

/// Hostile and broken clients: each test misbehaves on its own connection while a well-behaved client keeps being
/// served, and the process RSS stays under 200 MB.
@Suite struct ServerBadInputTests {
    private func withServer(_ configure: (inout ServerConfiguration) -> Void = { _ in },
                            log: (@Sendable (String) -> Void)? = nil,
                            _ body: (Server, Int, SteadyClient) async throws -> Void) async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer(configure, log: log)
        let steady = try SteadyClient(endpoint)
        try await TestSupport.waitUntil("the well-behaved client starts") { steady.successes > 0 }
        try await body(server, TestSupport.port(endpoint), steady)
        try await steady.expectStillServed()
        steady.stop()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    @Test func randomBytesCloseTheConnection() async throws {
        try await withServer { server, port, _ in
            var rng = SystemRandomNumberGenerator()
            for _ in 0..<5 {
                let raw = try RawHTTP2Connection(port: port)
                raw.send((0..<65536).map { _ in UInt8.random(in: 0...255, using: &rng) })
                #expect(try await TestSupport.blocking { raw.waitForClose() })
            }
            #expect(server.metrics.protocolErrors >= 5)
        }
    }

    @Test func http11RequestIsRefused() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.send(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
            #expect(try await TestSupport.blocking { raw.waitForClose() })
        }
    }

    @Test func prefaceThenGarbageGetsGoaway() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.send(RawHTTP2Connection.preface + Array(repeating: 0xEE, count: 4096))
            let sawGoaway = try await TestSupport.blocking {
                var seen = false
                while let f = raw.readFrame() { if f.type == 7 { seen = true } }
                return seen
            }
            #expect(sawGoaway)
        }
    }

    /// A connection closed with bytes the server never read is reset by the kernel, and a reset throws away what the
    /// server's socket still had to send — here its GOAWAY, queued behind PING answers the client is slow to take
    /// (a small receive buffer). The server shuts down its sending side instead and drains what arrives for a short
    /// while (a lingering close), so the client reads every answer and the GOAWAY, then a clean end.
    @Test func goawayReachesAClientThatKeepsSendingAndReadsSlowly() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port, receiveBufferBytes: 1024)
            let count = 900  // below nghttp2's limit of 1,000 queued acknowledgements
            let pings = (0..<count).flatMap { i in
                RawHTTP2Connection.frame(type: 6, flags: 0, stream: 0, (0..<8).map { UInt8(truncatingIfNeeded: i >> ($0 * 8)) })
            }
            raw.send(RawHTTP2Connection.preface + RawHTTP2Connection.frame(type: 4, flags: 0, stream: 0, []) + pings)
            let (answers, goaway, cleanEnd) = try await TestSupport.blocking { () -> (Int, Bool, Bool) in
                var answers = 0, goaway = false
                // Once the first answer is here the server has read the PINGs; most answers wait in its socket.
                while answers == 0, let f = raw.readFrame() {
                    if f.type == 6 && f.flags & 1 == 1 { answers += 1 }
                }
                // A frame header announcing 15 MiB (more than SETTINGS_MAX_FRAME_SIZE allows): FRAME_SIZE_ERROR,
                // GOAWAY; then bytes the server will never read.
                raw.send([0xEE, 0xEE, 0xEE, 0, 0, 0, 0, 0, 0] + Array(repeating: 0xEE, count: 256 * 1024))
                while let f = raw.readFrame() {
                    if f.type == 6 && f.flags & 1 == 1 { answers += 1 }
                    if f.type == 7 { goaway = true }
                }
                return (answers, goaway, raw.lastReadError == 0)
            }
            #expect(answers == count, "every PING answered before the GOAWAY")
            #expect(goaway, "the GOAWAY arrived")
            #expect(cleanEnd, "the server ended with FIN, not a reset (errno \(raw.lastReadError))")
        }
    }

    /// Lingering is bounded: a client that goes on sending after the GOAWAY is cut off after a megabyte, and one that
    /// keeps its socket open in silence after ``ServerConnection/lingerSeconds``; neither keeps a connection slot.
    @Test func aLingeringConnectionIsClosedByBytesOrTime() async throws {
        try await withServer { server, port, _ in
            let baseline = server.metrics.connectionsOpen
            let flooding = try RawHTTP2Connection(port: port)
            let silent = try RawHTTP2Connection(port: port)
            try await TestSupport.waitUntil("both connections are accepted") { server.metrics.connectionsOpen == baseline + 2 }
            let garbage = RawHTTP2Connection.preface + [0xEE, 0xEE, 0xEE, 0, 0, 0, 0, 0, 0]
            silent.send(garbage)
            let floodSent = try await TestSupport.blocking { () -> Bool in
                // The server stops sending (FIN) at once; it keeps reading until it has dropped a megabyte.
                guard flooding.send(garbage) else { return false }
                var sent = 0
                while sent < 64 * 1024 * 1024, flooding.send(Array(repeating: 0xEE, count: 64 * 1024)) { sent += 64 * 1024 }
                return sent < 64 * 1024 * 1024
            }
            #expect(floodSent, "the server stopped reading the flood (its socket closed before 64 MiB)")
            #expect(try await TestSupport.blocking { silent.waitForClose() }, "the silent client saw the server's FIN")
            try await TestSupport.waitUntil("both lingering connections are closed") {
                server.metrics.connectionsOpen == baseline
            }
            withExtendedLifetime(silent) {}
        }
    }

    @Test func fourGiBPrefixIsResourceExhaustedWithoutBuffering() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath)
                + RawHTTP2Connection.data(1, [0, 0xFF, 0xFF, 0xFF, 0xFF] + Array(repeating: 7, count: 1000)))
            let status = try await TestSupport.blocking { raw.readStatus(stream: 1) }
            #expect(status?.0 == StatusCode.resourceExhausted.rawValue)
            #expect(status?.1.contains("4294967295") == true)
        }
    }

    @Test func overLimitMessageIsResourceExhausted() async throws {
        try await withServer({ $0.maxMessageBytes = 64 * 1024 }) { _, port, _ in
            // Through a real client whose own limit is higher than the server's.
            var config = ClientConfiguration()
            config.maxMessageBytes = 8 * 1024 * 1024
            let client = try Client(target: .tcp(host: "127.0.0.1", port: port), configuration: config)
            await #expect {
                _ = try await client.unary(TestSupport.echoPath,
                                           EchoRequest(payload: Array(repeating: 1, count: 100_000)).serializedBytes())
            } throws: { ($0 as? TransportError)?.status == .resourceExhausted }
        }
    }

    @Test func compressedFlagIsUnimplemented() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath, extra: [("grpc-encoding", "gzip")])
                + RawHTTP2Connection.data(1, [1, 0, 0, 0, 3, 1, 2, 3], endStream: true))
            let status = try await TestSupport.blocking { raw.readStatus(stream: 1) }
            #expect(status?.0 == StatusCode.unimplemented.rawValue)
            #expect(status?.1.contains("compress") == true)
        }
    }

    @Test func thousandUnfinishedStreamsAreResetAndForgotten() async throws {
        try await withServer({ $0.silentStreamTimeoutSeconds = 1 }) { server, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            var batch: [UInt8] = []
            for i in 0..<1000 {
                batch += raw.headers(Int32(2 * i + 1), path: TestSupport.echoStreamPath)
                if batch.count > 32 * 1024 { raw.send(batch); batch = [] }
            }
            raw.send(batch)
            // The server allows 100 at a time, refuses the rest, and resets the silent ones.
            try await TestSupport.waitUntil("the server took 100 streams") { server.metrics.streamsOpened >= 100 }
            try await TestSupport.waitUntil("silent streams are reset") { server.metrics.streamsOpen <= 1 }
            #expect(server.metrics.streamsOpened >= 100)
            _ = raw
        }
    }

    @Test func clientThatNeverReadsKeepsMemoryBounded() async throws {
        // A server-streaming handler that writes 64 KiB messages until it is stopped: without flow control its
        // output would grow without bound.
        let written = Counter()
        let flood: [String: RPCHandler] = ["/t.T/Flood": .serverStreaming { _, writer, _ in
            let chunk = [UInt8](repeating: 0x46, count: 64 * 1024)
            while true {
                try await writer.write(chunk)
                written.add(1)
            }
        }]
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: flood)
        let steady = try SteadyClient(endpoint)
        let raw = try RawHTTP2Connection(port: TestSupport.port(endpoint))
        raw.handshake()
        var frames: [UInt8] = []
        for i in 0..<20 {
            frames += raw.headers(Int32(2 * i + 1), path: "/t.T/Flood")
                + RawHTTP2Connection.data(Int32(2 * i + 1), MessageFramer.frame([1]), endStream: true)
        }
        raw.send(frames)
        // Wait until the handlers stop making progress (parked by flow control), polling with a deadline.
        var last = -1, still = 0
        try await TestSupport.waitUntil("the flooding handlers are parked by flow control", seconds: 30) {
            let now = written.value
            still = now == last ? still + 1 : 0
            last = now
            return now > 0 && still >= 30
        }
        // 20 streams × (1 MiB send budget + 64 KiB window) + the connection's buffers: far below 100 MiB.
        #expect(written.value * 64 * 1024 < 100 * 1024 * 1024, "handlers wrote \(written.value) messages")
        let rss = TestSupport.residentBytes()
        #expect(rss < 200 * 1024 * 1024, "RSS \(rss / 1024 / 1024) MB")
        try await steady.expectStillServed()
        raw.close()
        steady.stop()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    @Test func connectionClosedMidMessage() async throws {
        try await withServer { server, port, _ in
            for _ in 0..<10 {
                let raw = try RawHTTP2Connection(port: port)
                raw.handshake()
                raw.send(raw.headers(1, path: TestSupport.echoPath) + RawHTTP2Connection.data(1, [0, 0, 0, 3, 0xE8, 1, 2, 3]))
                raw.close()
            }
            try await TestSupport.waitUntil("the broken connections are gone") { server.metrics.connectionsOpen == 1 }
            #expect(server.metrics.streamsOpen <= 1)
        }
    }

    @Test func serverEnforcesGrpcTimeout() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            let request = MessageFramer.frame(EchoRequest(text: "慢", delayMs: 60_000).serializedBytes())
            raw.send(raw.headers(1, path: TestSupport.echoPath, extra: [("grpc-timeout", "100m")])
                + RawHTTP2Connection.data(1, request, endStream: true))
            #expect(try await TestSupport.blocking { raw.readStatus(stream: 1)?.0 } == StatusCode.deadlineExceeded.rawValue)
        }
    }

    @Test func oversizedHeaderListResetsOnlyThatStream() async throws {
        try await withServer({ $0.maxHeaderListBytes = 4096 }) { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath, extra: [("x-padding", String(repeating: "长", count: 3000))]))
            let reset = try await TestSupport.blocking {
                while let f = raw.readFrame() { if f.type == 3 && f.stream == 1 { return true } }
                return false
            }
            #expect(reset)
        }
    }

    @Test func connectionLimitRefusesExtraConnections() async throws {
        // The steady client holds one connection; the limit of 2 leaves room for one more.
        try await withServer({ $0.maxConnections = 2 }) { server, port, _ in
            let first = try RawHTTP2Connection(port: port)
            first.handshake()
            try await TestSupport.waitUntil("the second connection is accepted") { server.metrics.connectionsOpen == 2 }
            let extra = try RawHTTP2Connection(port: port)
            #expect(try await TestSupport.blocking { extra.waitForClose() })
            #expect(server.metrics.connectionsRefused == 1)
            _ = first
        }
    }

    @Test func idleConnectionIsClosed() async throws {
        try await withServer({ $0.idleTimeoutSeconds = 0.3 }) { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            let sawGoaway = try await TestSupport.blocking {
                var seen = false
                while let f = raw.readFrame() { if f.type == 7 { seen = true } }
                return seen
            }
            #expect(sawGoaway)
        }
    }

    @Test func abusiveHeaderListClosesTheConnection() async throws {
        let lines = LogLines()
        try await withServer({ $0.maxHeaderListBytes = 1024 }, log: lines.add) { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath, extra: [("x-padding", String(repeating: "x", count: 8000))]))
            #expect(try await TestSupport.blocking { raw.waitForClose() })
            #expect(lines.all.contains { $0.contains("4× the 1024-byte limit") })
        }
    }

    @Test func nonGRPCRequestsGetPlainHTTPStatuses() async throws {
        try await withServer { _, port, _ in
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath, endStream: true, contentType: "text/plain")
                + raw.headers(3, path: "/", endStream: true, method: "GET"))
            let (first, second) = try await TestSupport.blocking { (raw.readHeaders(stream: 1), raw.readHeaders(stream: 3)) }
            #expect(first?.first { $0.0 == ":status" }?.1 == "415")
            #expect(second?.first { $0.0 == ":status" }?.1 == "405")
            #expect(first?.contains { $0.0 == "grpc-status" } == false)
        }
    }
}
