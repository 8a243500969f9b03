import XieshangWire

/// TLS 1.3 settings for a server or client: this node's Ed25519 key (its self-signed certificate is made from it)
/// and the pinned public keys of the peers it accepts.
public struct TLSConfiguration: Sendable {
    /// This node's key; its certificate is self-signed with it.
    public var key: Ed25519.PrivateKey
    /// A name for this node in errors and in the certificate's common name.
    public var name: String
    /// Whether a server demands a client certificate (mutual TLS). Clients always present theirs.
    public var requireClientCertificate: Bool
    /// The keys accepted from peers, by peer name; a peer presenting any other key is refused during the handshake.
    /// Empty: any key is accepted (only for servers without client certificates).
    public var pinnedPeers: [String: Ed25519.PublicKey]

    /// A configuration for a node with `key`.
    public init(key: Ed25519.PrivateKey, name: String, requireClientCertificate: Bool = true,
                pinnedPeers: [String: Ed25519.PublicKey] = [:]) {
        self.key = key
        self.name = name
        self.requireClientCertificate = requireClientCertificate
        self.pinnedPeers = pinnedPeers
    }
}
