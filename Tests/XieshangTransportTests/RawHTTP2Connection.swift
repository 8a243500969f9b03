import Foundation
@testable import XieshangTransport
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately naive HTTP/2 client on a blocking socket, for sending malformed traffic to the server.
/// Invariant: used by one task at a time (handed to a Dispatch thread for its blocking reads).
final class RawHTTP2Connection: @unchecked Sendable {
    let fd: Int32
    private let hpackOut = HPACK()
    private let hpackIn = HPACK()
    private var buffer: [UInt8] = []
    /// errno of the read that ended the connection (0: a clean end of stream).
    private(set) var lastReadError: Int32 = 0

    struct Frame {
        let type: UInt8
        let flags: UInt8
        let stream: Int32
        let payload: [UInt8]
    }

    /// Connects to 127.0.0.1:`port`, from `source` (another loopback address, e.g. 127.0.0.2) when given, with a
    /// receive buffer of `receiveBufferBytes` when given (the kernel doubles it and keeps a minimum).
    init(port: Int, source: String? = nil, receiveBufferBytes: Int32? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var bytes = receiveBufferBytes {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bytes, socklen_t(MemoryLayout<Int32>.size))
        }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let rc = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard rc == 0 else { throw TransportError(.connect, status: .unavailable, "cannot bind the raw client to \(source)") }
        }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else { throw TransportError(.connect, status: .unavailable, "raw connect failed") }
        setTimeout(seconds: 5)
    }

    deinit { Glibc.close(fd) }

    func close() { shutdown(fd, Int32(SHUT_RDWR)) }

    func setTimeout(seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends all of `bytes`; false when the socket failed or timed out.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool { RawHTTP2Connection.send(bytes, to: fd) }

    /// Sends all of `bytes` on the blocking socket `fd`; false when it failed or timed out.
    static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + off, bytes.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            off += n
        }
        return true
    }

    static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)

    static func frame(type: UInt8, flags: UInt8, stream: Int32, _ payload: [UInt8]) -> [UInt8] {
        let n = payload.count
        return [UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff), type, flags,
                UInt8(stream >> 24 & 0x7f), UInt8(stream >> 16 & 0xff), UInt8(stream >> 8 & 0xff), UInt8(stream & 0xff)]
            + payload
    }

    /// Preface and an empty SETTINGS frame, with a large connection window.
    func handshake() {
        send(Self.preface + Self.frame(type: 4, flags: 0, stream: 0, []))
    }

    func headers(_ stream: Int32, path: String, endStream: Bool = false, extra: [(String, String)] = [],
                 method: String = "POST", contentType: String = "application/grpc") -> [UInt8] {
        let block = hpackOut.encode([(":method", method), (":scheme", "http"), (":path", path),
                                     (":authority", "127.0.0.1"), ("content-type", contentType),
                                     ("te", "trailers")] + extra)
        return Self.frame(type: 1, flags: 0x4 | (endStream ? 0x1 : 0), stream: stream, block)
    }

    static func data(_ stream: Int32, _ bytes: [UInt8], endStream: Bool = false) -> [UInt8] {
        frame(type: 0, flags: endStream ? 1 : 0, stream: stream, bytes)
    }

    /// Reads the next frame; nil when the connection closed or timed out.
    func readFrame() -> Frame? {
        while true {
            if buffer.count >= 9 {
                let len = Int(buffer[0]) << 16 | Int(buffer[1]) << 8 | Int(buffer[2])
                if buffer.count >= 9 + len {
                    let f = Frame(type: buffer[3], flags: buffer[4],
                                  stream: Int32(buffer[5] & 0x7f) << 24 | Int32(buffer[6]) << 16 | Int32(buffer[7]) << 8
                                      | Int32(buffer[8]),
                                  payload: Array(buffer[9..<(9 + len)]))
                    buffer.removeFirst(9 + len)
                    return f
                }
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 {
                lastReadError = n == 0 ? 0 : errno
                return nil
            }
            buffer += chunk[0..<n]
        }
    }

    /// The next frame if one arrives within `timeoutMs` (nil otherwise, or when the connection closed).
    func readFrame(timeoutMs: Int32) -> Frame? {
        if buffer.count >= 9 && buffer.count >= 9 + (Int(buffer[0]) << 16 | Int(buffer[1]) << 8 | Int(buffer[2])) {
            return readFrame()
        }
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeoutMs) > 0 else { return nil }
        return readFrame()
    }

    /// Reads frames until a header block on `stream` carries grpc-status; returns (status, message), nil if none.
    func readStatus(stream: Int32) -> (Int, String)? {
        while let f = readFrame() {
            if f.type == 1 {
                var block = f.payload
                if f.flags & 0x8 != 0 { block = Array(block[1..<(block.count - Int(block[0]))]) }
                if f.flags & 0x20 != 0 { block.removeFirst(5) }
                guard let headers = hpackIn.decode(block) else { return nil }
                if f.stream == stream, let s = headers.first(where: { $0.0 == "grpc-status" }) {
                    return (Int(s.1) ?? -1, headers.first(where: { $0.0 == "grpc-message" })?.1 ?? "")
                }
            }
            if f.type == 7 { return nil }
        }
        return nil
    }

    /// Reads frames until a header block on `stream`; returns its headers, nil if none came.
    func readHeaders(stream: Int32) -> [(String, String)]? {
        while let f = readFrame() {
            if f.type == 1 {
                var block = f.payload
                if f.flags & 0x8 != 0 { block = Array(block[1..<(block.count - Int(block[0]))]) }
                if f.flags & 0x20 != 0 { block.removeFirst(5) }
                guard let headers = hpackIn.decode(block) else { return nil }
                if f.stream == stream { return headers }
            }
            if f.type == 7 { return nil }
        }
        return nil
    }

    /// Reads until the server closes the connection; true if it did before the read timeout.
    func waitForClose() -> Bool {
        while true {
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }
}
