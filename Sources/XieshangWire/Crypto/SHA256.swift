import CCrypto

/// SHA-256 through libcrypto. Event hashes, content hashes and key fingerprints all use it.
public enum SHA256 {
    /// Length of a digest in bytes.
    public static let byteCount = 32

    /// The SHA-256 digest of `bytes`.
    public static func hash<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var digest = [UInt8](repeating: 0, count: byteCount)
        withContiguousBytes(bytes) { raw in
            digest.withUnsafeMutableBufferPointer { out in
                // One-shot SHA256() never fails for in-memory input.
                _ = CCrypto.SHA256(raw.baseAddress, raw.count, out.baseAddress)
            }
        }
        return digest
    }
}

/// Lowercase hexadecimal text of `bytes`.
public func hexString<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var out = [UInt8]()
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}

/// Bytes from hexadecimal text, or nil when the text is not an even-length run of hex digits.
public func bytes(fromHex text: String) -> [UInt8]? {
    let chars = Array(text.utf8)
    guard chars.count % 2 == 0 else { return nil }
    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    var out = [UInt8]()
    out.reserveCapacity(chars.count / 2)
    var i = 0
    while i < chars.count {
        guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
        out.append(hi << 4 | lo)
        i += 2
    }
    return out
}

extension SHA256 {
    /// A SHA-256 digest fed in pieces (a file of any size read in chunks), through libcrypto's EVP digest API.
    /// Confined to its creator (not Sendable); ``finish()`` once, then discard it.
    public final class Hasher {
        private let context: OpaquePointer

        /// A fresh digest; nil only when libcrypto cannot allocate its context.
        public init?() {
            guard let ctx = EVP_MD_CTX_new() else { return nil }
            // EVP_DigestInit_ex with the built-in SHA-256 implementation never fails for a fresh context.
            guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else {
                EVP_MD_CTX_free(ctx)
                return nil
            }
            context = ctx
        }

        deinit { EVP_MD_CTX_free(context) }

        /// Adds `bytes` to the digest.
        public func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = EVP_DigestUpdate(context, base, bytes.count)
        }

        /// The digest of everything added.
        public func finish() -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
            var length: UInt32 = 0
            digest.withUnsafeMutableBufferPointer { _ = EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
            return digest
        }
    }
}

@available(*, unavailable)
extension SHA256.Hasher: Sendable {}
