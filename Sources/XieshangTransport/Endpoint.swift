/// Where a server listens or a client connects: a TCP host and port (IPv4 or IPv6), or a Unix socket path.
public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// A TCP address; `host` is a numeric IPv4 or IPv6 address or `localhost`.
    case tcp(host: String, port: Int)
    /// A Unix domain socket at `path`.
    case unix(path: String)

    /// Parses `HOST:PORT`, `[IPv6]:PORT` or `unix:PATH`.
    /// - Throws: ``TransportError`` `.address` naming the text when it is neither.
    public init(parsing text: String) throws(TransportError) {
        if text.hasPrefix("unix:") {
            self = .unix(path: String(text.dropFirst(5)))
            return
        }
        var host: Substring, portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else {
                throw TransportError(.address, status: .invalidArgument,
                                     "address '\(text)' lacks ':PORT' after the IPv6 address; write [::1]:50051")
            }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            throw TransportError(.address, status: .invalidArgument,
                                 "address '\(text)' is not HOST:PORT, [IPv6]:PORT or unix:PATH")
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw TransportError(.address, status: .invalidArgument,
                                 "port '\(portText)' in '\(text)' is not a number from 0 to 65535")
        }
        self = .tcp(host: String(host), port: port)
    }

    /// Checks that a socket address can be made for the endpoint — a numeric host or `localhost`, a Unix socket path
    /// within the kernel's limit — so a command line is refused before anything listens.
    /// - Throws: ``TransportError`` `.address` saying what is wrong.
    public func checkAddress() throws(TransportError) {
        try Socket.withAddress(self) { _, _, _ throws(TransportError) in }
    }

    /// A readable form for logs and errors.
    public var description: String {
        switch self {
        case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unix(let path): return "unix:\(path)"
        }
    }
}
