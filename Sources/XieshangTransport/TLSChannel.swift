import CCrypto
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// A TLS 1.3 session on a non-blocking socket, checking the peer's Ed25519 key against its pin during the
/// handshake. Reactor-confined.
final class TLSChannel: ByteChannel {
    let fd: Int32
    private let ssl: OpaquePointer
    private let context: TLSContext
    private let server: Bool
    /// For a client, the peer name whose pin the server must match; for a server, the connecting address.
    private let peerName: String
    /// Why the pin check refused the peer (reported instead of OpenSSL's generic verify failure).
    private var pinFailure: TransportError?
    /// The peer's name from its pin, once verified.
    private(set) var verifiedPeer: String?
    private var closed = false
    private var sentCloseNotify = false

    init(fd: Int32, context: TLSContext, server: Bool, peerName: String) throws(TransportError) {
        guard let s = SSL_new(context.context) else {
            throw TransportError(.tls, status: .internal, "SSL_new failed", cause: openSSLErrorText())
        }
        // A keyring's current identity replaces the context's certificate for this session (key rotation); checked
        // before `self` is complete, so a failure frees the session here and deinit never runs.
        if let keyring = context.configuration.keyring, !keyring.certificate().install(on: s) {
            SSL_free(s)
            throw TransportError(.tls, status: .internal, "cannot install the keyring's certificate", cause: openSSLErrorText())
        }
        self.fd = fd
        ssl = s
        self.context = context
        self.server = server
        self.peerName = peerName
        SSL_set_fd(s, fd)
        // App data index 0 points back here for the verify callback; `self` outlives `ssl` (freed in deinit).
        SSL_set_ex_data(s, 0, Unmanaged.passUnretained(self).toOpaque())
        if server { SSL_set_accept_state(s) } else { SSL_set_connect_state(s) }
    }

    deinit {
        SSL_free(ssl)
        if !closed { Glibc.close(fd) }
    }

    /// The pin check, called from the verify callback with the peer's leaf certificate.
    func checkPeer(_ cert: OpaquePointer) -> Bool {
        let claimed = commonName(of: cert)
        guard let key = ed25519Key(of: cert), let presented = try? Ed25519.PublicKey(rawRepresentation: key) else {
            pinFailure = TransportError(.peerKeyMismatch, status: .unavailable,
                                        "peer \(peerName) (certificate name '\(claimed)') presented a certificate without an Ed25519 key",
                                        peer: peerName)
            return false
        }
        if let keyring = context.configuration.keyring {
            return checkPeer(presented, claimed: claimed, keyring: keyring)
        }
        let pins = context.configuration.pins.byName  // as they stand now: a membership change replaces them
        if server {
            if pins.isEmpty { verifiedPeer = claimed; return true }
            if let name = context.configuration.pins.name(ofKey: key) {
                verifiedPeer = name
                return true
            }
            let expected = pins[claimed].map { $0.fingerprint } ?? "none (no peer named '\(claimed)' is pinned)"
            pinFailure = TransportError(.peerKeyMismatch, status: .unauthenticated,
                                        "client \(peerName) claiming to be '\(claimed)' presented key \(presented.fingerprint), but the key pinned for '\(claimed)' is \(expected); refused",
                                        peer: claimed)
            return false
        }
        let expectedName = peerName
        guard let pinned = pins[expectedName] else {
            pinFailure = TransportError(.peerKeyMismatch, status: .unavailable,
                                        "no key is pinned for server '\(expectedName)'; it presented \(presented.fingerprint); add its key to the pins",
                                        peer: expectedName)
            return false
        }
        guard pinned.rawRepresentation == key else {
            pinFailure = TransportError(.peerKeyMismatch, status: .unavailable,
                                        "server '\(expectedName)' presented key \(presented.fingerprint), but the key pinned for it is \(pinned.fingerprint); refused",
                                        peer: expectedName)
            return false
        }
        verifiedPeer = expectedName
        return true
    }

    /// The pin check against a keyring: a server accepts any key a pinned peer may present, a client the keys of
    /// the peer it dialed.
    private func checkPeer(_ presented: Ed25519.PublicKey, claimed: String, keyring: TLSKeyring) -> Bool {
        let key = presented.rawRepresentation
        if server {
            if let name = keyring.peer(forKey: key) {
                verifiedPeer = name
                return true
            }
            pinFailure = TransportError(.peerKeyMismatch, status: .unauthenticated,
                                        "client \(peerName) claiming to be '\(claimed)' presented key \(presented.fingerprint), which is not a key pinned for '\(claimed)' nor one its rotations announced; refused",
                                        peer: claimed)
            return false
        }
        guard keyring.acceptedKeys(of: peerName).contains(key) else {
            pinFailure = TransportError(.peerKeyMismatch, status: .unavailable,
                                        "server '\(peerName)' presented key \(presented.fingerprint), which is not its pinned key nor one its rotations announced; refused",
                                        peer: peerName)
            return false
        }
        verifiedPeer = peerName
        return true
    }

    func handshake() -> HandshakeResult {
        // All TLS sessions share the reactor thread's error queue; SSL_get_error needs it empty (SSL_get_error(3)).
        ERR_clear_error()
        let rc = SSL_do_handshake(ssl)
        if rc == 1 {
            var proto: UnsafePointer<UInt8>?
            var len: UInt32 = 0
            SSL_get0_alpn_selected(ssl, &proto, &len)
            guard len == 2, let proto, proto[0] == UInt8(ascii: "h"), proto[1] == UInt8(ascii: "2") else {
                return .failed(TransportError(.tls, status: .unavailable,
                                              "peer \(peerName) did not agree to ALPN h2; it must speak HTTP/2 over TLS",
                                              peer: peerName))
            }
            return .done
        }
        switch SSL_get_error(ssl, rc) {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        default:
            let detail = openSSLErrorText()
            if let pinFailure { return .failed(pinFailure) }
            return .failed(TransportError(.tls, status: .unavailable, "TLS handshake with \(peerName) failed",
                                          peer: peerName, cause: detail))
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        // All TLS sessions share the reactor thread's error queue; SSL_get_error needs it empty (SSL_get_error(3)).
        ERR_clear_error()
        let n = SSL_read(ssl, buffer.baseAddress, Int32(min(buffer.count, Int(Int32.max))))
        if n > 0 { return .bytes(Int(n)) }
        switch SSL_get_error(ssl, n) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wouldBlock
        case SSL_ERROR_ZERO_RETURN: return .closed(nil)
        default: return .closed("TLS read: \(openSSLErrorText())")
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        // All TLS sessions share the reactor thread's error queue; SSL_get_error needs it empty (SSL_get_error(3)).
        ERR_clear_error()
        let n = SSL_write(ssl, bytes.baseAddress, Int32(min(bytes.count, Int(Int32.max))))
        if n > 0 { return .bytes(Int(n)) }
        switch SSL_get_error(ssl, n) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE: return .wouldBlock
        default: return .closed("TLS write: \(openSSLErrorText())")
        }
    }

    func shutdownWrite() {
        guard !closed, !sentCloseNotify else { return }
        sentCloseNotify = true
        ERR_clear_error()
        SSL_shutdown(ssl)
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    func close() {
        guard !closed else { return }
        closed = true
        if !sentCloseNotify { SSL_shutdown(ssl) }
        Glibc.close(fd)
    }
}
