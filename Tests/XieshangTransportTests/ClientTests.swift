import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

@Suite struct ClientTests {
    @Test func deadlineExceededAndHandlerObservesCancellation() async throws {
        let cancelled = Counter()
        let slow: [String: RPCHandler] = ["/t.T/Slow": .unary { _, context in
            #expect(context.deadlineNanoseconds != nil)
            do {
                try await Task.sleep(nanoseconds: 60_000_000_000)
            } catch is CancellationError {
                cancelled.add(1)
                throw CancellationError()
            }
            return []
        }]
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: slow)
        let client = try Client(target: endpoint)
        await #expect {
            _ = try await client.unary("/t.T/Slow", [], options: CallOptions(timeoutSeconds: 0.2))
        } throws: { ($0 as? TransportError)?.status == .deadlineExceeded }
        try await TestSupport.waitUntil("the handler observes its cancellation") { cancelled.value == 1 }
        await server.shutdown()
    }

    @Test func everyCallHasADefaultDeadline() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        var config = ClientConfiguration()
        config.defaultTimeoutSeconds = 0.2
        let client = try Client(target: endpoint, configuration: config)
        await #expect {
            _ = try await client.unary(TestSupport.echoPath, EchoRequest(delayMs: 30_000).serializedBytes())
        } throws: { ($0 as? TransportError)?.status == .deadlineExceeded }
        await server.shutdown()
    }

    @Test func callerCancellationCancelsTheCall() async throws {
        let cancelled = Counter()
        let slow: [String: RPCHandler] = ["/t.T/Slow": .unary { _, _ in
            do { try await Task.sleep(nanoseconds: 60_000_000_000) } catch { cancelled.add(1); throw error }
            return []
        }]
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: slow)
        let client = try Client(target: endpoint)
        let task = Task { try await client.unary("/t.T/Slow", []) }
        try await TestSupport.waitUntil("the call reaches the server") { server.metrics.streamsOpen == 1 }
        task.cancel()
        await #expect { _ = try await task.value } throws: { ($0 as? TransportError)?.status == .cancelled }
        try await TestSupport.waitUntil("the handler is cancelled") { cancelled.value == 1 }
        await server.shutdown()
    }

    @Test func brokenConnectionFailsFastThenReconnects() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        var config = ClientConfiguration()
        config.initialBackoffSeconds = 0.05
        config.maxBackoffSeconds = 0.2
        config.defaultTimeoutSeconds = 60
        let client = try Client(target: endpoint, configuration: config)
        #expect(try await TestSupport.echo(client).text == "你好")
        await server.shutdown(gracePeriodSeconds: 0)
        // The server is gone: a call fails with UNAVAILABLE (long before its 60 s deadline).
        await #expect {
            _ = try await TestSupport.echo(client)
        } throws: { ($0 as? TransportError)?.status == .unavailable }
        // A new server on the same port: the client reconnects by itself after its backoff.
        let again = try Server(handlers: Diagnostics.handlers())
        try again.listen(on: endpoint)
        try await TestSupport.waitUntil("the client reconnects") {
            (try? await TestSupport.echo(client, text: "回来了"))?.text == "回来了"
        }
        #expect(client.metrics.connectionsOpened >= 2)
        await again.shutdown()
    }

    @Test func unreachableServerIsUnavailable() async throws {
        // Bind and close a port so nothing listens on it.
        let probe = try Server(handlers: [:])
        let endpoint = try probe.listen(on: .tcp(host: "127.0.0.1", port: 0))
        await probe.shutdown()
        let client = try Client(target: endpoint)
        await #expect {
            _ = try await TestSupport.echo(client)
        } throws: { error in
            let e = error as? TransportError
            return e?.status == .unavailable && e?.code == .connect
        }
    }
}

@Suite struct BackoffTests {
    @Test func growsExponentiallyUpToTheCapWithinTheJitter() {
        var c = ClientConfiguration()
        c.initialBackoffSeconds = 0.1
        c.maxBackoffSeconds = 10
        c.backoffMultiplier = 2
        c.backoffJitter = 0.2
        let b = Backoff(c)
        #expect(b.delay(afterFailures: 1, unit: 0) == 0.1)
        #expect(abs(b.delay(afterFailures: 4, unit: 0) - 0.8) < 1e-9)
        #expect(b.delay(afterFailures: 30, unit: 0) == 10)
        #expect(b.delay(afterFailures: 30, unit: 1) == 12)
        #expect(abs(b.delay(afterFailures: 30, unit: -1) - 8) < 1e-9)
        for n in 1...40 {
            let d = b.delay(afterFailures: n, unit: Double.random(in: -1...1))
            #expect(d >= 0.08 && d <= 12)
        }
    }
}
