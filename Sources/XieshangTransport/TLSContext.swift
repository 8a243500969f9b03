import CCrypto

/// Placeholder until TLS lands.
final class TLSContext: @unchecked Sendable {
    init(_ c: TLSConfiguration, server: Bool) throws(TransportError) {
        throw TransportError(.tls, status: .unavailable, "TLS is not implemented yet")
    }
}

final class TLSChannel: ByteChannel {
    let fd: Int32
    init(fd: Int32, context: TLSContext, server: Bool, peerName: String) throws(TransportError) {
        self.fd = fd
        throw TransportError(.tls, status: .unavailable, "TLS is not implemented yet")
    }
    func handshake() -> HandshakeResult { .done }
    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult { .closed(nil) }
    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult { .closed(nil) }
    func close() {}
}
