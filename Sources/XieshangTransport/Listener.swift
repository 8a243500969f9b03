#if canImport(Glibc)
import Glibc
#endif

/// A listening socket on the reactor; hands accepted sockets to its server. Reactor-confined.
final class Listener: ReactorHandler, @unchecked Sendable {
    let fd: Int32
    let endpoint: Endpoint
    unowned let core: ServerCore
    private var closed = false

    init(fd: Int32, endpoint: Endpoint, core: ServerCore) {
        self.fd = fd
        self.endpoint = endpoint
        self.core = core
    }

    func start() { Reactor.shared.register(fd, self) }

    func reactorEvent(readable: Bool, writable: Bool, hangup: Bool) {
        for _ in 0..<64 {
            var storage = sockaddr_storage()
            var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let c = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept(fd, $0, &len)
                }
            }
            if c < 0 {
                if errno == EMFILE || errno == ENFILE { core.note("accept on \(endpoint): \(Socket.errorText())") }
                return
            }
            Socket.setNonBlocking(c)
            _ = fcntl(c, F_SETFD, FD_CLOEXEC)
            if case .tcp = endpoint { Socket.setNoDelay(c) }
            core.accepted(fd: c, peer: Listener.describe(&storage, endpoint))
        }
    }

    static func describe(_ storage: inout sockaddr_storage, _ endpoint: Endpoint) -> String {
        var host = [CChar](repeating: 0, count: 64)
        if Int32(storage.ss_family) == AF_INET {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { p in
                    var a = p.pointee.sin_addr
                    inet_ntop(AF_INET, &a, &host, 64)
                    return "\(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(UInt16(bigEndian: p.pointee.sin_port))"
                }
            }
        } else if Int32(storage.ss_family) == AF_INET6 {
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { p in
                    var a = p.pointee.sin6_addr
                    inet_ntop(AF_INET6, &a, &host, 64)
                    return "[\(String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(UInt16(bigEndian: p.pointee.sin6_port))"
                }
            }
        }
        return "\(endpoint)"
    }

    func close() {
        guard !closed else { return }
        closed = true
        Reactor.shared.unregister(fd)
        Glibc.close(fd)
        if case .unix(let path) = endpoint { unlink(path) }
    }
}
