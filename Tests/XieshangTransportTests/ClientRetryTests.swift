import Foundation
import Synchronization
import Testing
@testable import XieshangTransport
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// A server closing an idle connection sends GOAWAY; a call the client started at that moment is refused unprocessed
/// (its stream id is above the GOAWAY's last stream id: RFC 9113 §6.8, §8.7). The client repeats such a unary call
/// once on a new connection, and says so in its metrics; a call the handler answered with an error is not repeated.
@Suite struct ClientRetryTests {
    /// The first connection is refused after its first HEADERS frame (GOAWAY, last stream 0): the call lands on the
    /// second connection, relayed to a real Diagnostics server, and succeeds; `callsRetried` counts it.
    @Test func aStreamRefusedByGoawayIsRepeatedOnANewConnection() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let front = try GoawayFront(target: TestSupport.port(endpoint), refusals: 1)
        let client = try Client(target: .tcp(host: "127.0.0.1", port: front.port))
        let answer = try await TestSupport.echo(client, text: "再来一次", timeout: 20)
        #expect(answer.text == "再来一次")
        #expect(client.metrics.callsRetried == 1)
        #expect(client.metrics.connectionsOpened == 2, "one refused connection, one that served the call")
        #expect(front.refused == 1)
        client.close()
        front.stop()
        await server.shutdown()
    }

    /// Refused on the second connection too: one repeat only, and the caller sees UNAVAILABLE with code `refused`.
    @Test func aCallIsRepeatedOnceOnly() async throws {
        let (server, endpoint) = try TestSupport.diagnosticsServer()
        let front = try GoawayFront(target: TestSupport.port(endpoint), refusals: 2)
        let client = try Client(target: .tcp(host: "127.0.0.1", port: front.port))
        await #expect {
            _ = try await TestSupport.echo(client, timeout: 20)
        } throws: { error in
            let e = error as? TransportError
            return e?.code == .refused && e?.status == .unavailable && e?.message.contains("refused the stream") == true
        }
        #expect(client.metrics.callsRetried == 1)
        #expect(front.refused == 2)
        client.close()
        front.stop()
        await server.shutdown()
    }

    /// A handler's own error (here INVALID_ARGUMENT from a handler that refuses) reached the server: never repeated.
    @Test func anAnsweredErrorIsNotRepeated() async throws {
        let calls = Atomic<Int>(0)
        let refuse: RPCHandler = .unary { _, _ in
            calls.add(1, ordering: .relaxed)
            throw TransportError.status(.invalidArgument, "no")
        }
        let (server, endpoint) = try TestSupport.diagnosticsServer(extra: ["/test.Retry/Refuse": refuse])
        let client = try Client(target: endpoint)
        await #expect {
            _ = try await client.unary("/test.Retry/Refuse", [])
        } throws: { ($0 as? TransportError)?.status == .invalidArgument }
        #expect(calls.load(ordering: .relaxed) == 1)
        #expect(client.metrics.callsRetried == 0)
        client.close()
        await server.shutdown()
    }
}

/// A TCP front on 127.0.0.1: its first `refusals` connections play an HTTP/2 server that sends its SETTINGS, reads
/// until the client's first HEADERS frame and answers GOAWAY (last stream 0, NO_ERROR); later connections are relayed
/// byte for byte to `target`. Blocking sockets on threads of its own (never Swift's cooperative pool).
///
/// Every socket it opens is in `open` until the thread that owns it closes it, and both happen under the lock: the
/// suites run in parallel in one process, so `stop()` must never shut down a descriptor number that was closed and
/// now belongs to another test's connection.
final class GoawayFront: Sendable {
    let port: Int
    private let listener: Int32
    private let state = Mutex<(refused: Int, stopped: Bool, open: Set<Int32>)>((0, false, []))

    var refused: Int { state.withLock { $0.refused } }

    init(target: Int, refusals: Int) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { a in
                bind(listener, a, length) == 0 && Glibc.listen(listener, 8) == 0 && getsockname(listener, a, &length) == 0
            }
        }
        guard bound else {
            Glibc.close(listener)
            throw TransportError(.address, status: .unavailable, "the GOAWAY front cannot listen")
        }
        port = Int(UInt16(bigEndian: addr.sin_port))
        Thread.detachNewThread { [self] in
            var served = 0
            while true {
                let fd = accept(listener, nil, nil)
                if fd < 0 {
                    // stop() shut the listener down; this thread is the only one that uses it, so it closes it.
                    if errno == EINTR { continue }
                    Glibc.close(listener)
                    return
                }
                guard track(fd) else { return }
                served += 1
                if served <= refusals {
                    Thread.detachNewThread { self.refuse(fd) }
                } else {
                    Thread.detachNewThread { self.relay(fd, to: target) }
                }
            }
        }
    }

    /// Shuts down the listener and every socket still open; the threads owning them close them.
    func stop() {
        state.withLock { s in
            s.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in s.open { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Records `fd` as open, or closes it at once when the front is stopping.
    private func track(_ fd: Int32) -> Bool {
        state.withLock { s in
            if s.stopped {
                Glibc.close(fd)
                return false
            }
            s.open.insert(fd)
            return true
        }
    }

    private func release(_ fd: Int32) {
        state.withLock { s in
            s.open.remove(fd)
            Glibc.close(fd)
        }
    }

    /// SETTINGS, then GOAWAY once a HEADERS frame arrived; then waits for the client to close.
    private func refuse(_ fd: Int32) {
        _ = write(fd, [0, 0, 0, 4, 0, 0, 0, 0, 0])  // SETTINGS, empty
        var buffer: [UInt8] = []
        var offset = 24  // the client's connection preface
        var sawHeaders = false
        while !sawHeaders {
            guard let more = read(fd) else {
                release(fd)
                return
            }
            buffer += more
            while buffer.count >= offset + 9 {
                let length = Int(buffer[offset]) << 16 | Int(buffer[offset + 1]) << 8 | Int(buffer[offset + 2])
                let type = buffer[offset + 3], flags = buffer[offset + 4]
                guard buffer.count >= offset + 9 + length else { break }
                if type == 4 && flags & 1 == 0 { _ = write(fd, [0, 0, 0, 4, 1, 0, 0, 0, 0]) }  // SETTINGS ACK
                if type == 1 { sawHeaders = true }
                offset += 9 + length
            }
        }
        state.withLock { $0.refused += 1 }
        _ = write(fd, [0, 0, 8, 7, 0, 0, 0, 0, 0] + [0, 0, 0, 0] + [0, 0, 0, 0])  // GOAWAY, last stream 0, NO_ERROR
        while read(fd) != nil {}
        release(fd)
    }

    private func relay(_ client: Int32, to port: Int) {
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard upstream >= 0, track(upstream) else {
            if upstream >= 0 { Glibc.close(upstream) }
            release(client)
            return
        }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        if connected {
            let back = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                self.pump(from: upstream, to: client)
                back.signal()
            }
            pump(from: client, to: upstream)
            back.wait()
        }
        release(upstream)
        release(client)
    }

    private func pump(from: Int32, to: Int32) {
        while let bytes = read(from), write(to, bytes) {}
        shutdown(to, Int32(SHUT_WR))
    }

    private func read(_ fd: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var n = -1
        repeat { n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) } } while n < 0 && errno == EINTR
        return n > 0 ? Array(chunk.prefix(n)) : nil
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool { RawHTTP2Connection.send(bytes, to: fd) }
}
