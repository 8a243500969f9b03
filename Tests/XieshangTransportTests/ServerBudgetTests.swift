import Foundation
import Synchronization
import Testing
@testable import XieshangTransport
import XieshangWire

/// What a client can make a server hold or do before and after it authenticates (issue 16): deadlines on the
/// handshake and on authentication, per-address and total caps on unauthenticated connections, small stream and
/// message limits until a handler marks the connection authenticated, a per-connection budget of buffered bytes
/// enforced by flow control, and header values that cannot trap the server.
@Suite struct ServerBudgetTests {
    static let loginPath = "/t.Auth/Login"

    /// A Diagnostics server with a Login method that marks its connection authenticated.
    private func server(_ configure: (inout ServerConfiguration) -> Void = { _ in },
                        extra: [String: RPCHandler] = [:]) throws -> (Server, Int) {
        var handlers = extra
        handlers[Self.loginPath] = .unary { _, context in
            context.connection.markAuthenticated()
            return []
        }
        let (server, endpoint) = try TestSupport.diagnosticsServer(configure, extra: handlers)
        return (server, TestSupport.port(endpoint))
    }

    private func echoRequest(_ size: Int = 3) -> [UInt8] {
        MessageFramer.frame(EchoRequest(payload: Array(repeating: 7, count: size), text: "x").serializedBytes())
    }

    /// Finding: `grpc-timeout: 9999999H` overflowed the multiplication in `parseTimeout` and trapped the server, before
    /// any authentication, on a default listener. Now the value is clamped to 100 years and the call is served.
    @Test func hugeGrpcTimeoutIsClampedInsteadOfTrapping() async throws {
        #expect(parseTimeout("9999999H") == longestDeadlineNanoseconds)
        #expect(parseTimeout("99999999H") == longestDeadlineNanoseconds)
        #expect(parseTimeout("99999999n") == 99_999_999)
        #expect(parseTimeout("+5S") == nil)
        let (server, port) = try server()
        for value in ["9999999H", "99999999H", "99999999M", "99999999S"] {
            let raw = try RawHTTP2Connection(port: port)
            raw.handshake()
            raw.send(raw.headers(1, path: TestSupport.echoPath, extra: [("grpc-timeout", value)])
                + RawHTTP2Connection.data(1, echoRequest(), endStream: true))
            let status = try await TestSupport.blocking { raw.readStatus(stream: 1) }
            #expect(status?.0 == StatusCode.ok.rawValue, "grpc-timeout \(value): \(String(describing: status))")
        }
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Finding: a socket that never sent the HTTP/2 preface (or never finished its TLS handshake) held a connection
    /// slot forever; 1,000 of them locked every real peer out. Now it is closed after the handshake timeout.
    @Test func silentSocketIsClosedAfterTheHandshakeTimeout() async throws {
        let (server, port) = try server { $0.handshakeTimeoutSeconds = 0.3 }
        let silent = try RawHTTP2Connection(port: port)
        let prefaceOnly = try RawHTTP2Connection(port: port)
        prefaceOnly.send(RawHTTP2Connection.preface)
        #expect(try await TestSupport.blocking { silent.waitForClose() })
        #expect(try await TestSupport.blocking { prefaceOnly.waitForClose() })
        #expect(server.metrics.connectionsTimedOut >= 2)
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// The same deadline covers a TLS handshake that never starts (TLS listeners were locked out alike).
    @Test func silentSocketOnATLSListenerIsClosedAfterTheHandshakeTimeout() async throws {
        let tls = TLSConfiguration(key: try Ed25519.PrivateKey(), name: "server", requireClientCertificate: false)
        let (server, port) = try server { $0.handshakeTimeoutSeconds = 0.3; $0.tls = tls }
        let silent = try RawHTTP2Connection(port: port)
        #expect(try await TestSupport.blocking { silent.waitForClose() })
        #expect(server.metrics.connectionsTimedOut == 1)
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Finding: connections that never authenticated stayed open forever (the node's idle timeout was 100 years).
    /// Now an unauthenticated connection is closed at the authentication deadline, while one whose handler marked it
    /// authenticated keeps working.
    @Test func unauthenticatedConnectionIsClosedAtTheDeadline() async throws {
        let (server, port) = try server { $0.unauthenticated = UnauthenticatedLimits(); $0.unauthenticated?.authenticationTimeoutSeconds = 0.5 }
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        _ = try await client.unary(Self.loginPath, [])
        let stranger = try RawHTTP2Connection(port: port)
        stranger.handshake()
        #expect(try await TestSupport.blocking { stranger.waitForClose() })
        #expect(server.metrics.connectionsTimedOut == 1)
        // The authenticated connection outlived the deadline and still answers on the same connection.
        _ = try await TestSupport.echo(client)
        #expect(client.metrics.connectionsOpened == 1)
        client.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Per-address cap: one address may hold only a few unauthenticated connections; another address is unaffected.
    @Test func perAddressCapRefusesExtraUnauthenticatedConnections() async throws {
        let (server, port) = try server { $0.unauthenticated = UnauthenticatedLimits(); $0.unauthenticated?.maxConnectionsPerAddress = 3 }
        var held: [RawHTTP2Connection] = []
        for _ in 0..<3 { held.append(try RawHTTP2Connection(port: port, source: "127.0.0.2")) }
        for c in held { c.handshake() }
        try await TestSupport.waitUntil("three connections are open") { server.metrics.connectionsOpen == 3 }
        let fourth = try RawHTTP2Connection(port: port, source: "127.0.0.2")
        #expect(try await TestSupport.blocking { fourth.waitForClose() })
        #expect(server.metrics.connectionsRefused == 1)
        // 127.0.0.1 is another address: served.
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        _ = try await TestSupport.echo(client)
        client.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// At the total limit of unauthenticated connections, the oldest is closed to admit a new one, so silent sockets
    /// from many addresses cannot keep a real peer out.
    @Test func oldestUnauthenticatedConnectionIsEvictedAtTheLimit() async throws {
        let (server, port) = try server { $0.unauthenticated = UnauthenticatedLimits(); $0.unauthenticated?.maxConnections = 3 }
        let oldest = try RawHTTP2Connection(port: port, source: "127.0.0.3")
        oldest.handshake()
        try await TestSupport.waitUntil("the first connection is open") { server.metrics.connectionsOpen == 1 }
        let others = try ["127.0.0.4", "127.0.0.5"].map { try RawHTTP2Connection(port: port, source: $0) }
        for c in others { c.handshake() }
        try await TestSupport.waitUntil("three connections are open") { server.metrics.connectionsOpen == 3 }
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        _ = try await client.unary(Self.loginPath, [])
        #expect(try await TestSupport.blocking { oldest.waitForClose() })
        #expect(server.metrics.connectionsEvicted == 1)
        #expect(others.count == 2)  // kept open until here
        client.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Before authentication a connection gets a few streams and small messages; after it, the full limits.
    @Test func smallStreamAndMessageLimitsUntilAuthenticated() async throws {
        let (server, port) = try server { $0.unauthenticated = UnauthenticatedLimits(); $0.unauthenticated?.maxConcurrentStreams = 2 }
        let raw = try RawHTTP2Connection(port: port)
        raw.handshake()
        // Three streams left open: the third is refused (RST_STREAM REFUSED_STREAM = 7).
        raw.send(raw.headers(1, path: TestSupport.echoPath) + raw.headers(3, path: TestSupport.echoPath)
            + raw.headers(5, path: TestSupport.echoPath))
        let refused = try await TestSupport.blocking { () -> UInt32? in
            while let f = raw.readFrame() {
                if f.type == 3 && f.stream == 5 { return UInt32(f.payload[3]) }
            }
            return nil
        }
        #expect(refused == 7, "the third unauthenticated stream was not refused")
        // A 100 KB message before authentication is over the 64 KiB limit.
        let big = try RawHTTP2Connection(port: port)
        big.handshake()
        big.send(big.headers(1, path: TestSupport.echoPath) + RawHTTP2Connection.data(1, echoRequest(100_000).prefix(16_000).map { $0 }))
        let status = try await TestSupport.blocking { big.readStatus(stream: 1) }
        #expect(status?.0 == StatusCode.resourceExhausted.rawValue)
        // After Login on a real client: 100 KB messages and many concurrent calls.
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        _ = try await client.unary(Self.loginPath, [])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<10 { group.addTask { _ = try await TestSupport.echo(client, payload: Array(repeating: 1, count: 100_000)) } }
            try await group.waitForAll()
        }
        client.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Finding: one connection holding 50 streams of partial 4 MiB messages kept 200 MiB (windows were reopened as
    /// bytes arrived, and each partial message reserved its announced size). Now received bytes stop at the
    /// connection's budget plus its flow-control window (8 + 4 MiB), and the server holds at most twice that.
    @Test func partialMessagesStayWithinTheConnectionBudget() async throws {
        let (server, port) = try server()
        let raw = try RawHTTP2Connection(port: port)
        let sent = try await TestSupport.blocking { Self.floodPartialMessages(raw, streams: 50, claimed: 4 * 1024 * 1024) }
        let budget = ServerConfiguration().maxBufferedBytesPerConnection
        #expect(sent < budget + 4 * 1024 * 1024 + 1024 * 1024, "the client could send \(sent) bytes of partial messages")
        #expect(server.metrics.bufferedBytesHighWater <= 2 * (budget + 5 * 1024 * 1024),
                "one connection held \(server.metrics.bufferedBytesHighWater) bytes")
        // Other clients are served meanwhile.
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        _ = try await TestSupport.echo(client)
        client.close()
        raw.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Finding: a client that asks and never reads made the server keep 108 MiB of answers. Now a connection keeps at
    /// most its budget of unsent responses (plus one); further answers are refused with RESOURCE_EXHAUSTED.
    @Test func unreadAnswersStayWithinTheConnectionBudget() async throws {
        let big: [String: RPCHandler] = ["/t.T/Big": .unary { _, _ in [UInt8](repeating: 0x42, count: 1024 * 1024) }]
        let answered = Counter()
        let (server, port) = try server(extra: big.merging(["/t.T/Count": .unary { _, _ in answered.add(1); return [] }]) { a, _ in a })
        let raw = try RawHTTP2Connection(port: port)
        // Tiny receive buffer, huge HTTP/2 windows: nothing but the socket stops the server's writes.
        var small: Int32 = 4096
        setsockopt(raw.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        raw.send(RawHTTP2Connection.preface + RawHTTP2Connection.frame(type: 4, flags: 0, stream: 0, [0, 4, 0x7f, 0xff, 0xff, 0xff])
            + RawHTTP2Connection.frame(type: 8, flags: 0, stream: 0, [0x7f, 0xff, 0x00, 0x00]))
        var frames: [UInt8] = []
        for i in 0..<90 {
            frames += raw.headers(Int32(2 * i + 1), path: "/t.T/Big") + RawHTTP2Connection.data(Int32(2 * i + 1), MessageFramer.frame([1]), endStream: true)
        }
        raw.send(frames)
        let budget = ServerConfiguration().maxBufferedBytesPerConnection
        try await TestSupport.waitUntil("every call was answered or refused", seconds: 30) {
            server.metrics.callsByStatus.values.reduce(0, +) >= 90
        }
        #expect(server.metrics.bufferedBytesHighWater <= budget + 2 * 1024 * 1024 + 64 * 1024,
                "one connection held \(server.metrics.bufferedBytesHighWater) bytes of answers")
        #expect((server.metrics.callsByStatus[StatusCode.resourceExhausted.rawValue] ?? 0) > 0)
        raw.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Opens `streams` streams, each announcing a message of `claimed` bytes, and sends what the server's flow control
    /// allows (following its SETTINGS and WINDOW_UPDATE frames) until it grants nothing for a second.
    /// - Returns: the body bytes sent.
    static func floodPartialMessages(_ raw: RawHTTP2Connection, streams: Int, claimed: Int, path: String = TestSupport.echoPath,
                                     method: String = "POST", contentType: String = "application/grpc") -> Int {
        raw.handshake()
        var connectionWindow = 65_535
        var initial = 65_535
        var windows: [Int32: Int] = [:]
        var remaining: [Int32: Int] = [:]
        var opening: [UInt8] = []
        for i in 0..<streams {
            let id = Int32(2 * i + 1)
            opening += raw.headers(id, path: path, method: method, contentType: contentType)
            windows[id] = initial
            remaining[id] = claimed
        }
        raw.send(opening)
        var sent = 0
        var prefixed: Set<Int32> = []
        func handle(_ f: RawHTTP2Connection.Frame) -> Bool {
            switch f.type {
            case 4 where f.flags & 1 == 0:
                var i = 0
                while i + 6 <= f.payload.count {
                    let id = Int(f.payload[i]) << 8 | Int(f.payload[i + 1])
                    let value = Int(f.payload[i + 2]) << 24 | Int(f.payload[i + 3]) << 16 | Int(f.payload[i + 4]) << 8 | Int(f.payload[i + 5])
                    if id == 4 {
                        for k in windows.keys { windows[k, default: 0] += value - initial }
                        initial = value
                    }
                    i += 6
                }
                raw.send(RawHTTP2Connection.frame(type: 4, flags: 1, stream: 0, []))
            case 8:
                let inc = Int(f.payload[0] & 0x7f) << 24 | Int(f.payload[1]) << 16 | Int(f.payload[2]) << 8 | Int(f.payload[3])
                if f.stream == 0 { connectionWindow += inc } else { windows[f.stream, default: 0] += inc }
            case 3: remaining[f.stream] = 0
            case 7: return false
            default: break
            }
            return true
        }
        while true {
            while let f = raw.readFrame(timeoutMs: 0) { if !handle(f) { return sent } }
            var progressed = false
            for (id, left) in remaining.sorted(by: { $0.key < $1.key }) where left > 0 {
                let chunk = min(16_000, connectionWindow, windows[id] ?? 0, left)
                guard chunk > 5 else { continue }
                var body = [UInt8](repeating: 0x55, count: chunk)
                if !prefixed.contains(id) {
                    prefixed.insert(id)
                    let n = UInt32(claimed)
                    body.replaceSubrange(0..<5, with: [0, UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)])
                }
                guard raw.send(RawHTTP2Connection.data(id, body)) else { return sent }
                connectionWindow -= chunk
                windows[id, default: 0] -= chunk
                remaining[id] = left - chunk
                sent += chunk
                progressed = true
            }
            if !progressed {
                guard let f = raw.readFrame(timeoutMs: 1000) else { return sent }
                if !handle(f) { return sent }
            }
        }
    }
}
