import CCrypto
#if canImport(Glibc)
import Glibc
#endif

/// The web listener's certificate (网页证书): ECDSA P-256, because Chrome refuses Ed25519 server certificates.
/// Either self-signed here for the names an office uses to reach the node (`xieshang init --web-name`), or a PEM
/// certificate and key from the intranet's CA, loaded by ``install(_:certificateFile:keyFile:)``.
public enum WebCertificate {
    /// A self-signed certificate and key, both PEM text.
    public struct Generated: Sendable {
        /// The certificate (`-----BEGIN CERTIFICATE-----`).
        public let certificatePEM: String
        /// The PKCS#8 private key (`-----BEGIN PRIVATE KEY-----`): write it with mode 0600.
        public let keyPEM: String
    }

    /// What a `--web-name` entry is: a DNS name or an IP address (IPv4 or IPv6).
    public enum Name: Sendable, Equatable {
        /// A host name, e.g. `xs.tongren.gov.cn` or `localhost`.
        case dns(String)
        /// An IP address as written, e.g. `10.2.0.5`.
        case ip(String)

        /// Parses one name: an IP address when `inet_pton` takes it, else a host name of letters, digits, `-`, `.`
        /// (and a leading `*.` wildcard).
        /// - Throws: ``TransportError`` `.address` naming the entry when it is neither.
        public init(parsing text: String) throws(TransportError) {
            var v4 = in_addr()
            var v6 = in6_addr()
            if inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1 {
                self = .ip(text)
                return
            }
            var body = Substring(text)
            if body.hasPrefix("*.") { body = body.dropFirst(2) }
            let ok = !body.isEmpty && body.utf8.count <= 253 && !body.hasPrefix(".") && !body.hasSuffix(".")
                && body.utf8.allSatisfy { b in
                    (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                        || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                }
            guard ok else {
                throw TransportError(.address, status: .invalidArgument,
                                     "web name '\(text)' is neither an IP address nor a host name (letters, digits, '-' and '.'); for a Chinese domain give its punycode xn--… form")
            }
            self = .dns(text)
        }

        /// The name as given.
        public var text: String {
            switch self {
            case .dns(let n): return n
            case .ip(let a): return a
            }
        }

        var sanEntry: String {
            switch self {
            case .dns(let n): return "DNS:" + n
            case .ip(let a): return "IP:" + a
            }
        }
    }

    /// Days a generated certificate is valid: 825, the longest Apple's phones accept for a certificate an operator
    /// trusts by hand; `xieshang init` can make a new one before it ends.
    public static let validityDays = 825

    /// A self-signed ECDSA P-256 certificate (SHA-256) for `names` (SAN DNS and IP entries; the first is the common
    /// name), usable only as a TLS server certificate (CA:FALSE, digitalSignature, serverAuth).
    /// - Throws: ``TransportError`` `.tls` when OpenSSL fails, `.address` when `names` is empty.
    public static func selfSigned(names: [Name]) throws(TransportError) -> Generated {
        guard let first = names.first else {
            throw TransportError(.address, status: .invalidArgument, "give at least one web name (a host name or IP address the office uses)")
        }
        guard let pkey = xs_ec_p256_generate() else {
            throw TransportError(.tls, status: .internal, "cannot generate a P-256 key", cause: openSSLErrorText())
        }
        defer { EVP_PKEY_free(pkey) }
        guard let x = X509_new() else { throw TransportError(.tls, status: .internal, "X509_new failed", cause: openSSLErrorText()) }
        defer { X509_free(x) }
        X509_set_version(x, 2)
        var serial = [UInt8](repeating: 0, count: 16)
        RAND_bytes(&serial, Int32(serial.count))
        serial[0] &= 0x7f  // positive
        if let bn = BN_bin2bn(serial, Int32(serial.count), nil) {
            BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x))
            BN_free(bn)
        }
        X509_gmtime_adj(X509_getm_notBefore(x), -3600)
        X509_gmtime_adj(X509_getm_notAfter(x), validityDays * 86_400)
        let subject = X509_get_subject_name(x)
        let cn: String
        switch first { case .dns(let n): cn = n; case .ip(let a): cn = a }
        _ = Array(cn.utf8).withUnsafeBufferPointer {
            X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
        }
        _ = Array("协商 Xieshang".utf8).withUnsafeBufferPointer {
            X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, $0.baseAddress, Int32($0.count), -1, 0)
        }
        X509_set_issuer_name(x, subject)
        X509_set_pubkey(x, pkey)
        var ctx = X509V3_CTX()
        X509V3_set_ctx(&ctx, x, x, nil, nil, 0)
        let extensions: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_key_usage, "critical,digitalSignature"),
            (NID_ext_key_usage, "serverAuth"),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
            (NID_subject_alt_name, names.map(\.sanEntry).joined(separator: ",")),
        ]
        for (nid, value) in extensions {
            guard let ext = X509V3_EXT_conf_nid(nil, &ctx, nid, value) else {
                throw TransportError(.tls, status: .internal, "cannot make certificate extension \(value)", cause: openSSLErrorText())
            }
            X509_add_ext(x, ext, -1)
            X509_EXTENSION_free(ext)
        }
        guard X509_sign(x, pkey, EVP_sha256()) > 0 else {
            throw TransportError(.tls, status: .internal, "cannot self-sign the web certificate", cause: openSSLErrorText())
        }
        let certificate = try pem { PEM_write_bio_X509($0, x) }
        let key = try pem { PEM_write_bio_PrivateKey($0, pkey, nil, nil, 0, nil, nil) }
        return Generated(certificatePEM: certificate, keyPEM: key)
    }

    /// The text a PEM writer puts into a memory BIO.
    private static func pem(_ write: (OpaquePointer) -> Int32) throws(TransportError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw TransportError(.tls, status: .internal, "BIO_new failed") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw TransportError(.tls, status: .internal, "cannot write PEM", cause: openSSLErrorText()) }
        var data: UnsafeMutablePointer<CChar>?
        let n = xs_bio_get_mem_data(bio, &data)
        guard n > 0, let data else { throw TransportError(.tls, status: .internal, "PEM writer produced nothing") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self)
    }

    /// Whether `path` holds a readable, unencrypted PEM private key.
    private static func isPEMPrivateKey(_ path: String) -> Bool {
        guard let bio = BIO_new_file(path, "r") else { return false }
        defer { BIO_free(bio) }
        guard let key = PEM_read_bio_PrivateKey(bio, nil, nil, nil) else { return false }
        EVP_PKEY_free(key)
        ERR_clear_error()
        return true
    }

    /// Loads the certificate chain (leaf first) and key from PEM files into `ctx` and checks they belong together.
    /// - Throws: ``TransportError`` `.tls` whose message names the file that is unreadable or malformed, or both
    ///   files when the key does not match the certificate.
    static func install(_ ctx: OpaquePointer, certificateFile: String, keyFile: String) throws(TransportError) {
        ERR_clear_error()
        guard SSL_CTX_use_certificate_chain_file(ctx, certificateFile) == 1 else {
            throw TransportError(.tls, status: .internal,
                                 "web certificate file \(certificateFile) is missing, unreadable or not a PEM certificate; make one with `xieshang init --web-listen … --web-name …` or point web_cert at your CA's PEM file",
                                 cause: openSSLErrorText())
        }
        guard SSL_CTX_use_PrivateKey_file(ctx, keyFile, SSL_FILETYPE_PEM) == 1 else {
            let detail = openSSLErrorText()
            if isPEMPrivateKey(keyFile) {
                // OpenSSL 3 refuses a key that does not match the certificate already at this step.
                throw TransportError(.tls, status: .internal,
                                     "web key file \(keyFile) does not belong to the certificate in \(certificateFile); give the key the certificate was issued for",
                                     cause: detail)
            }
            throw TransportError(.tls, status: .internal,
                                 "web key file \(keyFile) is missing, unreadable or not a PEM private key (unencrypted) of the certificate \(certificateFile)",
                                 cause: detail)
        }
        guard SSL_CTX_check_private_key(ctx) == 1 else {
            throw TransportError(.tls, status: .internal,
                                 "web key file \(keyFile) does not belong to the certificate in \(certificateFile); give the key the certificate was issued for",
                                 cause: openSSLErrorText())
        }
    }
}
