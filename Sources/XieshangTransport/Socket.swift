#if canImport(Glibc)
import Glibc
#endif

/// POSIX socket calls for the reactor: listening, accepting and connecting, all non-blocking.
enum Socket {
    static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    /// A socket address for `endpoint`, resolved numerically (and `localhost` as 127.0.0.1).
    static func withAddress<R>(_ endpoint: Endpoint,
                               _ body: (UnsafePointer<sockaddr>, socklen_t, Int32) throws(TransportError) -> R)
        throws(TransportError) -> R {
        switch endpoint {
        case .tcp(var host, let port):
            if host == "localhost" { host = "127.0.0.1" }
            if host.isEmpty || host == "*" { host = "0.0.0.0" }
            var v4 = sockaddr_in()
            if inet_pton(AF_INET, host, &v4.sin_addr) == 1 {
                v4.sin_family = sa_family_t(AF_INET)
                v4.sin_port = UInt16(port).bigEndian
                return try withUnsafePointer(to: &v4) { p throws(TransportError) -> R in
                    try p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp throws(TransportError) -> R in
                        try body(sp, socklen_t(MemoryLayout<sockaddr_in>.size), AF_INET)
                    }
                }
            }
            var v6 = sockaddr_in6()
            if inet_pton(AF_INET6, host, &v6.sin6_addr) == 1 {
                v6.sin6_family = sa_family_t(AF_INET6)
                v6.sin6_port = UInt16(port).bigEndian
                return try withUnsafePointer(to: &v6) { p throws(TransportError) -> R in
                    try p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp throws(TransportError) -> R in
                        try body(sp, socklen_t(MemoryLayout<sockaddr_in6>.size), AF_INET6)
                    }
                }
            }
            throw TransportError(.address, status: .invalidArgument,
                                 "host '\(host)' is not a numeric IPv4 or IPv6 address; use e.g. 127.0.0.1 or ::1")
        case .unix(let path):
            var un = sockaddr_un()
            un.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            let capacity = MemoryLayout.size(ofValue: un.sun_path)
            guard bytes.count < capacity else {
                throw TransportError(.address, status: .invalidArgument,
                                     "Unix socket path \(path) is \(bytes.count) bytes, over the \(capacity - 1)-byte limit; use a shorter path")
            }
            withUnsafeMutableBytes(of: &un.sun_path) { raw in
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            return try withUnsafePointer(to: &un) { p throws(TransportError) -> R in
                try p.withMemoryRebound(to: sockaddr.self, capacity: 1) { sp throws(TransportError) -> R in
                    try body(sp, socklen_t(MemoryLayout<sockaddr_un>.size), AF_UNIX)
                }
            }
        }
    }

    /// A listening non-blocking socket on `endpoint`; a Unix socket file is replaced and made mode 0600.
    /// - Returns: the descriptor and the bound endpoint (with the chosen port when `port` was 0).
    static func listen(on endpoint: Endpoint, backlog: Int32 = 1024) throws(TransportError) -> (Int32, Endpoint) {
        try withAddress(endpoint) { addr, len, family throws(TransportError) -> (Int32, Endpoint) in
            let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                throw TransportError(.io, status: .unavailable, "socket() for \(endpoint) failed", cause: errorText())
            }
            var one: Int32 = 1
            if family != AF_UNIX {
                _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            if family == AF_INET6 {
                // Listen on IPv6 only, so "::" and "0.0.0.0" can both be bound by one server.
                _ = setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size))
            }
            if case .unix(let path) = endpoint {
                unlink(path)
                // The socket file takes the process umask at bind time: tighten it so only the owner connects.
                let old = umask(0o177)
                let rc = bind(fd, addr, len)
                umask(old)
                guard rc == 0 else {
                    let e = errorText()
                    close(fd)
                    throw TransportError(.address, status: .unavailable,
                                         "cannot bind Unix socket \(path); check the directory exists and is writable",
                                         cause: e)
                }
                chmod(path, 0o600)
            } else if bind(fd, addr, len) != 0 {
                let e = errorText()
                close(fd)
                throw TransportError(.address, status: .unavailable,
                                     "cannot bind \(endpoint); is another process using the port?", cause: e)
            }
            guard Glibc.listen(fd, backlog) == 0 else {
                let e = errorText()
                close(fd)
                throw TransportError(.io, status: .unavailable, "listen() on \(endpoint) failed", cause: e)
            }
            setNonBlocking(fd)
            return (fd, boundEndpoint(fd, requested: endpoint))
        }
    }

    static func boundEndpoint(_ fd: Int32, requested: Endpoint) -> Endpoint {
        guard case .tcp(let host, _) = requested else { return requested }
        var storage = sockaddr_storage()
        var len = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        var port = 0
        if Int32(storage.ss_family) == AF_INET {
            port = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        } else if Int32(storage.ss_family) == AF_INET6 {
            port = withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
        }
        return .tcp(host: host, port: port)
    }

    /// Starts a non-blocking connect.
    /// - Returns: the descriptor; the connection is complete when it becomes writable without SO_ERROR.
    static func connect(to endpoint: Endpoint) throws(TransportError) -> Int32 {
        try withAddress(endpoint) { addr, len, family throws(TransportError) -> Int32 in
            let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                throw TransportError(.io, status: .unavailable, "socket() for \(endpoint) failed", cause: errorText())
            }
            setNonBlocking(fd)
            if family != AF_UNIX { setNoDelay(fd) }
            if Glibc.connect(fd, addr, len) != 0 && errno != EINPROGRESS {
                let e = errorText()
                close(fd)
                throw TransportError(.connect, status: .unavailable, "cannot connect to \(endpoint)", peer: "\(endpoint)",
                                     cause: e)
            }
            return fd
        }
    }

    /// The pending error of a connecting socket (0 when connected).
    static func pendingError(_ fd: Int32) -> Int32 {
        var err: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
        return err
    }
}
