import CCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Ed25519 signatures (RFC 8032) through libcrypto's EVP API.
public enum Ed25519 {
    /// Length of a public key, a private seed and half a signature.
    public static let keyByteCount = 32
    /// Length of a signature.
    public static let signatureByteCount = 64
}

/// An `EVP_PKEY` handle. The key is never mutated after creation; OpenSSL 3 documents `EVP_PKEY` as safe to use
/// from several threads at once for signing and verifying, each with its own `EVP_MD_CTX` (created per call below).
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(raw: [UInt8], isPrivate: Bool) throws(WireError) {
        let made: OpaquePointer? = raw.withUnsafeBufferPointer { buf in
            isPrivate
                ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, buf.baseAddress, buf.count)
                : EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, buf.baseAddress, buf.count)
        }
        guard let made else {
            throw WireError(.crypto, "cannot load an Ed25519 \(isPrivate ? "private" : "public") key: \(openSSLErrors())")
        }
        pointer = made
    }

    deinit { EVP_PKEY_free(pointer) }
}

extension Ed25519 {
    /// A public key: 32 bytes, with its libcrypto handle built once so verifying does not rebuild it.
    public struct PublicKey: Hashable, Sendable, CustomStringConvertible {
        /// The 32 raw key bytes (RFC 8032 encoding).
        public let rawRepresentation: [UInt8]
        let key: EVPKey

        /// Loads a public key from its 32 raw bytes.
        /// - Throws: ``WireError`` `.crypto` when the bytes are not a valid key.
        public init(rawRepresentation raw: [UInt8]) throws(WireError) {
            guard raw.count == Ed25519.keyByteCount else {
                throw WireError(.crypto, "an Ed25519 public key is 32 bytes, got \(raw.count)")
            }
            rawRepresentation = raw
            key = try EVPKey(raw: raw, isPrivate: false)
        }

        /// Loads a public key from the text form `ed25519:<base64>` that ``text`` prints.
        public init(text: String) throws(WireError) {
            let body = text.hasPrefix("ed25519:") ? String(text.dropFirst(8)) : text
            guard let raw = Base64.decode(body) else {
                throw WireError(.crypto, "public key '\(text)' is not of the form ed25519:<base64 of 32 bytes>")
            }
            try self.init(rawRepresentation: raw)
        }

        /// `ed25519:` followed by the base64 of the 32 key bytes — the form operators exchange out of band.
        public var text: String { "ed25519:" + Base64.encode(rawRepresentation) }

        /// A short stable fingerprint, `SHA256:` and the first 12 bytes of the key's hash in hex.
        public var fingerprint: String { "SHA256:" + hexString(SHA256.hash(rawRepresentation).prefix(12)) }

        public var description: String { text }

        public static func == (a: PublicKey, b: PublicKey) -> Bool { a.rawRepresentation == b.rawRepresentation }
        public func hash(into hasher: inout Hasher) { hasher.combine(rawRepresentation) }

        /// Whether `signature` is this key's Ed25519 signature over `message`.
        public func isValidSignature<M: Collection>(_ signature: [UInt8], for message: M) -> Bool where M.Element == UInt8 {
            guard signature.count == Ed25519.signatureByteCount, let ctx = EVP_MD_CTX_new() else { return false }
            defer { EVP_MD_CTX_free(ctx) }
            // Ed25519 is a "one-shot" algorithm in OpenSSL 3: init with a NULL digest, then EVP_DigestVerify.
            guard EVP_DigestVerifyInit(ctx, nil, nil, nil, key.pointer) == 1 else {
                _ = openSSLErrors()
                return false
            }
            let rc = signature.withUnsafeBufferPointer { sig in
                withContiguousBytes(message) { msg in
                    EVP_DigestVerify(ctx, sig.baseAddress, sig.count,
                                     msg.baseAddress, msg.count)
                }
            }
            if rc != 1 { _ = openSSLErrors() }  // leave no stale entries on this thread's error queue
            return rc == 1
        }

        /// Verifies `signature` over `message`.
        /// - Throws: ``WireError`` `.badSignature` naming this key's fingerprint when it does not verify.
        public func verify<M: Collection>(_ signature: [UInt8], for message: M) throws(WireError) where M.Element == UInt8 {
            guard isValidSignature(signature, for: message) else {
                throw WireError(.badSignature, "signature does not verify against key \(fingerprint)")
            }
        }
    }

    /// A private key: the 32-byte seed of RFC 8032, and its public key.
    public struct PrivateKey: Sendable {
        /// The 32-byte seed. Keep it secret; ``save(to:)`` writes it with mode 0600.
        public let seed: [UInt8]
        /// The matching public key.
        public let publicKey: PublicKey
        let key: EVPKey

        /// A fresh key from libcrypto's CSPRNG.
        public init() throws(WireError) {
            var seed = [UInt8](repeating: 0, count: Ed25519.keyByteCount)
            try check(RAND_bytes(&seed, Int32(seed.count)), "RAND_bytes")
            try self.init(seed: seed)
        }

        /// A key from its 32-byte seed (RFC 8032's "secret key").
        public init(seed: [UInt8]) throws(WireError) {
            guard seed.count == Ed25519.keyByteCount else {
                throw WireError(.crypto, "an Ed25519 private key seed is 32 bytes, got \(seed.count)")
            }
            self.seed = seed
            key = try EVPKey(raw: seed, isPrivate: true)
            var pub = [UInt8](repeating: 0, count: Ed25519.keyByteCount)
            var length = pub.count
            try check(EVP_PKEY_get_raw_public_key(key.pointer, &pub, &length), "EVP_PKEY_get_raw_public_key")
            publicKey = try PublicKey(rawRepresentation: pub)
        }

        /// The Ed25519 signature of `message` (64 bytes).
        public func signature<M: Collection>(for message: M) throws(WireError) -> [UInt8] where M.Element == UInt8 {
            guard let ctx = EVP_MD_CTX_new() else { throw WireError(.crypto, "EVP_MD_CTX_new: out of memory") }
            defer { EVP_MD_CTX_free(ctx) }
            try check(EVP_DigestSignInit(ctx, nil, nil, nil, key.pointer), "EVP_DigestSignInit")
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
            var length = signature.count
            let rc = withContiguousBytes(message) { msg in
                EVP_DigestSign(ctx, &signature, &length, msg.baseAddress, msg.count)
            }
            try check(rc, "EVP_DigestSign")
            return signature
        }
    }
}
