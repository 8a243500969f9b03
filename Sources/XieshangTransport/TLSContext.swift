import CCrypto
import XieshangWire
#if canImport(Glibc)
import Glibc
#endif

/// The text of OpenSSL's error queue for this thread (and empties it).
func openSSLErrorText() -> String {
    var parts: [String] = []
    while true {
        let code = ERR_get_error()
        if code == 0 { break }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        parts.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
    return parts.isEmpty ? "no detail from OpenSSL" : parts.joined(separator: "; ")
}

/// An `SSL_CTX` for TLS 1.3 with ALPN h2 and a self-signed certificate made from the node's Ed25519 key.
///
/// Invariant: configured once in `init`, then only used to create `SSL` objects on the reactor thread
/// (OpenSSL documents `SSL_new` on a shared, no-longer-modified `SSL_CTX` as thread-safe).
final class TLSContext: @unchecked Sendable {
    let context: OpaquePointer
    let configuration: TLSConfiguration
    let isServer: Bool

    init(_ c: TLSConfiguration, server: Bool) throws(TransportError) {
        configuration = c
        isServer = server
        guard let ctx = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method()) else {
            throw TransportError(.tls, status: .internal, "SSL_CTX_new failed", cause: openSSLErrorText())
        }
        context = ctx
        // Non-blocking writes may be retried with a moved buffer and may complete partially (C-INTEROP.md).
        _ = xs_ssl_ctx_set_mode(ctx, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        switch c.identity {
        case .ed25519(let key):
            // TLS 1.3 only: Ed25519 certificates and a modern handshake on every link.
            _ = xs_ssl_ctx_set_min_proto_version(ctx, TLS1_3_VERSION)
            let (pkey, cert) = try TLSContext.selfSignedCertificate(key, name: c.name)
            defer { EVP_PKEY_free(pkey); X509_free(cert) }
            guard SSL_CTX_use_certificate(ctx, cert) == 1, SSL_CTX_use_PrivateKey(ctx, pkey) == 1 else {
                throw TransportError(.tls, status: .internal, "cannot install the certificate made from \(c.name)'s key",
                                     cause: openSSLErrorText())
            }
        case .pemFiles(let certificate, let key):
            // Browsers: TLS 1.2 is still allowed (older office PCs), with forward-secret AEAD suites only (what
            // HTTP/2 requires of TLS 1.2, RFC 9113 §9.2.2); TLS 1.3 suites are OpenSSL's defaults.
            _ = xs_ssl_ctx_set_min_proto_version(ctx, TLS1_2_VERSION)
            _ = SSL_CTX_set_cipher_list(ctx, "ECDHE+AESGCM:ECDHE+CHACHA20")
            try WebCertificate.install(ctx, certificateFile: certificate, keyFile: key)
        }
        // No CA: OpenSSL's chain check would reject every self-signed certificate, so the callback below replaces
        // it with the pin check. Servers ask for a client certificate only in mutual TLS.
        var mode = SSL_VERIFY_PEER
        if server && c.requireClientCertificate { mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT }
        if server && !c.requireClientCertificate { mode = SSL_VERIFY_NONE }
        SSL_CTX_set_verify(ctx, mode, verifyPeer)
        if server {
            SSL_CTX_set_alpn_select_cb(ctx, selectALPN, nil)
        } else {
            let protos: [UInt8] = [2, UInt8(ascii: "h"), UInt8(ascii: "2")]
            _ = SSL_CTX_set_alpn_protos(ctx, protos, UInt32(protos.count))
        }
    }

    deinit { SSL_CTX_free(context) }

    /// An X.509 v3 certificate for `key`, self-signed with Ed25519 (no digest: Ed25519 hashes internally).
    static func selfSignedCertificate(_ key: Ed25519.PrivateKey, name cn: String) throws(TransportError) -> (OpaquePointer, OpaquePointer) {
        let c = (name: cn, key: key)
        guard let pkey = c.key.seed.withUnsafeBufferPointer({
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }) else {
            throw TransportError(.tls, status: .internal, "cannot load \(c.name)'s Ed25519 key", cause: openSSLErrorText())
        }
        guard let x = X509_new() else {
            EVP_PKEY_free(pkey)
            throw TransportError(.tls, status: .internal, "X509_new failed", cause: openSSLErrorText())
        }
        X509_set_version(x, 2)
        var serial = [UInt8](repeating: 0, count: 8)
        RAND_bytes(&serial, 8)
        ASN1_INTEGER_set(X509_get_serialNumber(x), Int(serial.withUnsafeBytes { $0.load(as: UInt32.self) } & 0x7fff_ffff))
        X509_gmtime_adj(X509_getm_notBefore(x), -3600)
        X509_gmtime_adj(X509_getm_notAfter(x), 100 * 365 * 24 * 3600)
        let name = X509_get_subject_name(x)
        _ = Array(c.name.utf8).withUnsafeBufferPointer {
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
        }
        X509_set_issuer_name(x, name)
        X509_set_pubkey(x, pkey)
        guard X509_sign(x, pkey, nil) > 0 else {
            X509_free(x)
            EVP_PKEY_free(pkey)
            throw TransportError(.tls, status: .internal, "cannot self-sign \(c.name)'s certificate", cause: openSSLErrorText())
        }
        return (pkey, x)
    }
}

/// The raw Ed25519 key of a certificate, nil when it holds another key type.
func ed25519Key(of cert: OpaquePointer) -> [UInt8]? {
    guard let pkey = X509_get0_pubkey(cert), EVP_PKEY_get_id(pkey) == EVP_PKEY_ED25519 else { return nil }
    var raw = [UInt8](repeating: 0, count: 32)
    var len = 32
    guard EVP_PKEY_get_raw_public_key(pkey, &raw, &len) == 1, len == 32 else { return nil }
    return raw
}

/// The certificate's common name (a node's name), or "?" when it has none.
func commonName(of cert: OpaquePointer) -> String {
    guard let name = X509_get_subject_name(cert) else { return "?" }
    var buffer = [CChar](repeating: 0, count: 256)
    let n = X509_NAME_get_text_by_NID(name, NID_commonName, &buffer, Int32(buffer.count))
    guard n > 0 else { return "?" }
    return String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// OpenSSL's verify callback: replaces CA chain validation with the key pin. Capture-free; finds its
/// ``TLSChannel`` through the SSL's app data (index 0).
private func verifyPeer(_ preverified: Int32, _ store: OpaquePointer?) -> Int32 {
    guard let store, X509_STORE_CTX_get_error_depth(store) == 0,
          let ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()),
          let app = SSL_get_ex_data(OpaquePointer(ssl), 0),
          let cert = X509_STORE_CTX_get_current_cert(store) else {
        return 1  // deeper chain entries (none for self-signed) are irrelevant; the leaf decides
    }
    let channel = Unmanaged<TLSChannel>.fromOpaque(app).takeUnretainedValue()
    return channel.checkPeer(cert) ? 1 : 0
}

/// ALPN on the server: choose h2 or fail the handshake (this server speaks nothing else).
private func selectALPN(_ ssl: OpaquePointer?, _ out: UnsafeMutablePointer<UnsafePointer<UInt8>?>?,
                        _ outlen: UnsafeMutablePointer<UInt8>?, _ input: UnsafePointer<UInt8>?, _ inlen: UInt32,
                        _ arg: UnsafeMutableRawPointer?) -> Int32 {
    guard let input else { return SSL_TLSEXT_ERR_ALERT_FATAL }
    var i = 0
    while i < Int(inlen) {
        let n = Int(input[i])
        if n == 2 && i + 2 < Int(inlen) + 0 && input[i + 1] == UInt8(ascii: "h") && input[i + 2] == UInt8(ascii: "2") {
            out?.pointee = input + i + 1
            outlen?.pointee = 2
            return SSL_TLSEXT_ERR_OK
        }
        i += 1 + n
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL
}
