import Synchronization
import XieshangWire

/// TLS settings for a server or client. Between nodes: TLS 1.3, this node's Ed25519 key (its self-signed
/// certificate is made from it) and the pinned public keys of the peers it accepts. On the web listener: a PEM
/// certificate chain and key (ECDSA P-256, which browsers accept), TLS 1.2 or 1.3, no client certificate.
public struct TLSConfiguration: Sendable {
    /// Where the server's (or client's) certificate comes from.
    public enum Identity: Sendable {
        /// A certificate self-signed at start with this Ed25519 key (node links, with pins).
        case ed25519(Ed25519.PrivateKey)
        /// A PEM certificate chain file (leaf first) and its PEM private key file (the web listener).
        case pemFiles(certificate: String, key: String)
    }
    /// This side's certificate.
    public var identity: Identity
    /// A name for this node in errors and in the certificate's common name.
    public var name: String
    /// Whether a server demands a client certificate (mutual TLS). Clients always present theirs.
    public var requireClientCertificate: Bool
    /// The keys accepted from peers, by peer name; a peer presenting any other key is refused during the handshake.
    /// Empty: any key is accepted (only for servers without client certificates).
    public var pinnedPeers: [String: Ed25519.PublicKey] {
        get { pins.byName }
        set { pins = PeerPins(newValue) }
    }
    /// The pins as they stand, shared by the servers and clients made from this configuration: a membership change
    /// at run time replaces them (``PeerPins/replace(_:)``) and the next handshake checks the new ones.
    public private(set) var pins: PeerPins
    /// When set (node links after a key rotation), each new session presents the keyring's identity and accepts the
    /// keys the keyring lists for each peer, instead of ``identity`` and ``pins``.
    public var keyring: TLSKeyring?

    /// A configuration for a node with `key`.
    public init(key: Ed25519.PrivateKey, name: String, requireClientCertificate: Bool = true,
                pinnedPeers: [String: Ed25519.PublicKey] = [:]) {
        identity = .ed25519(key)
        self.name = name
        self.requireClientCertificate = requireClientCertificate
        pins = PeerPins(pinnedPeers)
    }

    /// A server configuration for browsers: the certificate chain and key in the PEM files at these paths, TLS 1.2
    /// or 1.3 with ALPN h2, no client certificate.
    public init(certificateFile: String, keyFile: String, name: String) {
        identity = .pemFiles(certificate: certificateFile, key: keyFile)
        self.name = name
        requireClientCertificate = false
        pins = PeerPins([:])
    }
}

/// Pinned peer keys that a running node can replace (a peer added, removed or re-keyed), read at every handshake.
public final class PeerPins: Sendable {
    private let state: Mutex<(byName: [String: Ed25519.PublicKey], byKey: [[UInt8]: String])>

    /// Pins `keys` (peer name → key).
    public init(_ keys: [String: Ed25519.PublicKey]) { state = Mutex(PeerPins.indexed(keys)) }

    /// The keys by peer name.
    public var byName: [String: Ed25519.PublicKey] { state.withLock { $0.byName } }

    /// The name of the peer pinned to the raw `key`, if any.
    public func name(ofKey key: [UInt8]) -> String? { state.withLock { $0.byKey[key] } }

    /// Replaces every pin with `keys`.
    public func replace(_ keys: [String: Ed25519.PublicKey]) {
        let indexed = PeerPins.indexed(keys)
        state.withLock { $0 = indexed }
    }

    private static func indexed(_ keys: [String: Ed25519.PublicKey]) -> (byName: [String: Ed25519.PublicKey], byKey: [[UInt8]: String]) {
        var byKey: [[UInt8]: String] = [:]
        for (name, key) in keys { byKey[key.rawRepresentation] = name }
        return (keys, byKey)
    }
}
