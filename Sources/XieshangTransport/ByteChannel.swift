#if canImport(Glibc)
import Glibc
#endif

/// What a non-blocking read or write did.
enum IOResult {
    /// This many bytes moved.
    case bytes(Int)
    /// Nothing now; wait for readiness.
    case wouldBlock
    /// The peer closed (nil) or the socket failed (a reason).
    case closed(String?)
}

/// Where a handshake stands.
enum HandshakeResult {
    case done
    case wantRead
    case wantWrite
    case failed(TransportError)
}

/// A byte pipe under HTTP/2: a plain socket or a TLS session on one. Reactor-confined.
protocol ByteChannel: AnyObject {
    var fd: Int32 { get }
    /// Completes the channel's handshake (plain sockets have none).
    func handshake() -> HandshakeResult
    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult
    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult
    /// Ends this side's sending (TLS: close_notify first) while reading goes on, for a lingering close.
    func shutdownWrite()
    /// Closes the descriptor (and frees any TLS state).
    func close()
}

/// A plain TCP or Unix socket (h2c with prior knowledge).
final class PlainChannel: ByteChannel {
    let fd: Int32
    private var closed = false

    init(fd: Int32) { self.fd = fd }

    func handshake() -> HandshakeResult { .done }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
        if n > 0 { return .bytes(n) }
        if n == 0 { return .closed(nil) }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        return .closed(Socket.errorText())
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        if n >= 0 { return .bytes(n) }
        if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { return .wouldBlock }
        return .closed(Socket.errorText())
    }

    func shutdownWrite() {
        guard !closed else { return }
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }
}
