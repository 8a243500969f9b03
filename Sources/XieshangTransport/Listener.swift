#if canImport(Glibc)
import Glibc
#endif

/// A listening socket on the reactor; hands accepted sockets to its server. Reactor-confined.
final class Listener: ReactorHandler, @unchecked Sendable {
    let fd: Int32
    let endpoint: Endpoint
    unowned let core: ServerCore
    private var closed = false
    private var paused = false

    init(fd: Int32, endpoint: Endpoint, core: ServerCore) {
        self.fd = fd
        self.endpoint = endpoint
        self.core = core
    }

    func start() { Reactor.shared.register(fd, self) }

    func reactorEvent(readable: Bool, writable: Bool, hangup: Bool) {
        for _ in 0..<64 where !paused && !closed {
            var storage = sockaddr_storage()
            var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let c = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(fd, $0, &len)
                }
            }
            if c < 0 {
                let code = errno
                if code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM { outOfResources(code) }
                return
            }
            Socket.setNonBlocking(c)
            _ = fcntl(c, F_SETFD, FD_CLOEXEC)
            if case .tcp = endpoint { Socket.setNoDelay(c) }
            let (peer, address) = Listener.describe(&storage, endpoint)
            core.accepted(fd: c, peer: peer, address: address)
        }
    }

    /// Out of descriptors (or kernel memory): the pending connection stays in the backlog, and a level-triggered
    /// listener would wake the loop at once, forever. Close the 16 oldest unauthenticated connections to free
    /// descriptors, and stop accepting for 100 ms so established connections keep being served.
    private func outOfResources(_ code: Int32) {
        core.metrics.update { $0.acceptFailures += 1 }
        core.report(.acceptFailed(endpoint: "\(endpoint)", reason: Socket.errorText(code)))
        for _ in 0..<16 where core.evictOldestUnauthenticated() {}
        paused = true
        Reactor.shared.update(fd, readable: false, writable: false)
        Reactor.shared.schedule(afterNanoseconds: 100_000_000) { [self] in
            paused = false
            if !closed { Reactor.shared.update(fd, readable: true, writable: false) }
        }
    }

    /// The peer as "address:port" (for logs) and its address alone (for per-address limits).
    static func describe(_ storage: inout sockaddr_storage, _ endpoint: Endpoint) -> (peer: String, address: String) {
        var host = [CChar](repeating: 0, count: 64)
        func text() -> String { String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        if Int32(storage.ss_family) == AF_INET {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                    var a = p.pointee.sin_addr
                    inet_ntop(AF_INET, &a, &host, 64)
                    let address = text()
                    return ("\(address):\(UInt16(bigEndian: p.pointee.sin_port))", address)
                }
            }
        } else if Int32(storage.ss_family) == AF_INET6 {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                    var a = p.pointee.sin6_addr
                    inet_ntop(AF_INET6, &a, &host, 64)
                    let address = text()
                    return ("[\(address)]:\(UInt16(bigEndian: p.pointee.sin6_port))", address)
                }
            }
        }
        return ("\(endpoint)", "\(endpoint)")
    }

    func close() {
        guard !closed else { return }
        closed = true
        Reactor.shared.unregister(fd)
        Glibc.close(fd)
        if case .unix(let path) = endpoint { unlink(path) }
    }
}
