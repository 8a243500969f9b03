import CCrypto
import Synchronization
import XieshangWire

/// A node's link identity and the keys it accepts from each peer, changeable while the node runs (key rotation,
/// 密钥轮换): each new TLS session takes the identity and the pins current when it starts; sessions already up are
/// not touched. Set it as ``TLSConfiguration/keyring`` on the peer server and on every dial.
public final class TLSKeyring: Sendable {
    private struct State {
        var identity: Ed25519.PrivateKey
        var certificate: TLSCertificate
        /// Accepted raw keys by peer name.
        var pins: [String: [[UInt8]]]
        /// Peer name by accepted raw key.
        var byKey: [[UInt8]: String]
    }

    private let name: String
    private let state: Mutex<State>

    /// A keyring presenting `identity` and accepting `pins` (several keys per peer: its pin and its rotated keys).
    /// - Throws: ``TransportError`` when the certificate cannot be made from `identity`.
    public init(identity: Ed25519.PrivateKey, name: String, pins: [String: [Ed25519.PublicKey]]) throws(TransportError) {
        self.name = name
        let certificate = try TLSCertificate(identity, name: name)
        state = Mutex(State(identity: identity, certificate: certificate, pins: [:], byKey: [:]))
        update(pins: pins)
    }

    /// The key new sessions present.
    public var identity: Ed25519.PrivateKey { state.withLock { $0.identity } }

    /// Presents `identity` on new sessions from now on (a certificate self-signed with it is made once here).
    /// - Throws: ``TransportError`` when the certificate cannot be made; the keyring keeps its identity then.
    public func update(identity: Ed25519.PrivateKey) throws(TransportError) {
        guard identity.publicKey != self.identity.publicKey else { return }
        let certificate = try TLSCertificate(identity, name: name)
        state.withLock {
            $0.identity = identity
            $0.certificate = certificate
        }
    }

    /// Accepts exactly `pins` from now on.
    public func update(pins: [String: [Ed25519.PublicKey]]) {
        var raw: [String: [[UInt8]]] = [:]
        var byKey: [[UInt8]: String] = [:]
        for (peer, keys) in pins {
            raw[peer] = keys.map(\.rawRepresentation)
            for k in keys { byKey[k.rawRepresentation] = peer }
        }
        state.withLock {
            $0.pins = raw
            $0.byKey = byKey
        }
    }

    /// The raw keys accepted from `peer` (empty when it is not pinned).
    public func acceptedKeys(of peer: String) -> [[UInt8]] { state.withLock { $0.pins[peer] ?? [] } }

    /// The pinned peer that `key` belongs to.
    func peer(forKey key: [UInt8]) -> String? { state.withLock { $0.byKey[key] } }

    /// The certificate new sessions present.
    func certificate() -> TLSCertificate { state.withLock { $0.certificate } }
}

/// A self-signed certificate and its key, as OpenSSL objects.
///
/// `@unchecked Sendable`: immutable after `init`; sessions take their own references (`SSL_use_certificate` and
/// `SSL_use_PrivateKey` up the reference counts, which OpenSSL changes atomically), and `deinit` drops ours.
final class TLSCertificate: @unchecked Sendable {
    let key: OpaquePointer
    let certificate: OpaquePointer

    init(_ identity: Ed25519.PrivateKey, name: String) throws(TransportError) {
        (key, certificate) = try TLSContext.selfSignedCertificate(identity, name: name)
    }

    deinit {
        X509_free(certificate)
        EVP_PKEY_free(key)
    }

    /// Makes `ssl` present this certificate instead of its context's.
    func install(on ssl: OpaquePointer) -> Bool {
        SSL_use_certificate(ssl, certificate) == 1 && SSL_use_PrivateKey(ssl, key) == 1
    }
}
