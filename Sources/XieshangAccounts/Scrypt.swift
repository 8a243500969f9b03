import CCrypto
import XieshangWire

/// scrypt (RFC 7914) through OpenSSL 3's `EVP_KDF` ("SCRYPT"), and the constant-time comparison of derived keys.
public enum Scrypt {
    /// Derives `length` bytes from `password` and `salt`.
    ///
    /// Runs for tens of milliseconds at the default parameters and needs ``ScryptParameters/memoryBytes``: callers on a
    /// server run it through a ``PasswordCheckGate``, never on the reactor or Swift's cooperative pool.
    /// - Throws: ``AccountsError`` `.invalidParameters` (bounds), `.crypto` (libcrypto's message).
    public static func derive(password: [UInt8], salt: [UInt8], parameters: ScryptParameters, length: Int = 32) throws(AccountsError) -> [UInt8] {
        let parameters = try parameters.validated("the caller")
        precondition(length > 0 && length <= 1024, "derived key length must be 1…1024")
        // EVP_KDF_fetch looks the algorithm up in the default provider; the fetched object is reference counted.
        guard let kdf = EVP_KDF_fetch(nil, "SCRYPT", nil) else {
            throw AccountsError(.crypto, "EVP_KDF_fetch(SCRYPT) failed: \(openSSLErrors()); libcrypto 3 with the default provider is needed",
                                chinese: "密码算法不可用，请联系管理员")
        }
        defer { EVP_KDF_free(kdf) }
        guard let ctx = EVP_KDF_CTX_new(kdf) else {
            throw AccountsError(.crypto, "EVP_KDF_CTX_new failed: \(openSSLErrors())", chinese: "密码算法不可用，请联系管理员")
        }
        defer { EVP_KDF_CTX_free(ctx) }
        // OSSL_PARAM keeps pointers to its key names and values until EVP_KDF_derive reads them: the names are static
        // C strings and every value lives in a buffer allocated here for the whole call.
        let values = UnsafeMutablePointer<UInt64>.allocate(capacity: 2)
        let lanes = UnsafeMutablePointer<UInt32>.allocate(capacity: 2)
        defer { values.deallocate(); lanes.deallocate() }
        values[0] = parameters.n
        // maxmem_bytes: OpenSSL refuses parameters needing more; the bound plus 1 MiB for the p-lane buffers.
        values[1] = (parameters.memoryBytes ?? ScryptParameters.maxMemoryBytes) + (1 << 20)
        lanes[0] = parameters.r
        lanes[1] = parameters.p
        var out = [UInt8](repeating: 0, count: length)
        // An empty password or salt still needs a non-NULL pointer for an octet-string parameter.
        var passwordBuffer = password.isEmpty ? [0] : password
        var saltBuffer = salt.isEmpty ? [0] : salt
        let rc = passwordBuffer.withUnsafeMutableBytes { pass in
            saltBuffer.withUnsafeMutableBytes { s in
                out.withUnsafeMutableBytes { o -> Int32 in
                    var params: [OSSL_PARAM] = [
                        OSSL_PARAM_construct_octet_string(Names.password, pass.baseAddress, password.count),
                        OSSL_PARAM_construct_octet_string(Names.salt, s.baseAddress, salt.count),
                        OSSL_PARAM_construct_uint64(Names.n, values),
                        OSSL_PARAM_construct_uint32(Names.r, lanes),
                        OSSL_PARAM_construct_uint32(Names.p, lanes + 1),
                        OSSL_PARAM_construct_uint64(Names.maxMemory, values + 1),
                        OSSL_PARAM_construct_end(),
                    ]
                    return params.withUnsafeMutableBufferPointer { p in
                        EVP_KDF_derive(ctx, o.baseAddress?.assumingMemoryBound(to: UInt8.self), length, p.baseAddress)
                    }
                }
            }
        }
        // Wipe the copy of the password (the caller's array is its own business).
        passwordBuffer.withUnsafeMutableBytes { raw in _ = memsetZero(raw) }
        guard rc == 1 else {
            throw AccountsError(.crypto, "EVP_KDF_derive(SCRYPT, \(parameters)) failed: \(openSSLErrors())",
                                chinese: "密码计算失败，请联系管理员")
        }
        return out
    }

    /// Whether `a` and `b` are equal, in time that depends only on their lengths (`CRYPTO_memcmp`).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in CRYPTO_memcmp(x.baseAddress, y.baseAddress, a.count) == 0 } }
    }

    /// The parameter names of EVP_KDF-SCRYPT (openssl/core_names.h), as C strings that live as long as the process.
    private enum Names {
        nonisolated(unsafe) static let password = cString("pass")
        nonisolated(unsafe) static let salt = cString("salt")
        nonisolated(unsafe) static let n = cString("n")
        nonisolated(unsafe) static let r = cString("r")
        nonisolated(unsafe) static let p = cString("p")
        nonisolated(unsafe) static let maxMemory = cString("maxmem_bytes")

        private static func cString(_ s: StaticString) -> UnsafePointer<CChar> {
            // A static string literal is stored NUL-terminated in the binary's read-only data.
            UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
        }
    }

    private static func memsetZero(_ raw: UnsafeMutableRawBufferPointer) -> Int {
        // OPENSSL_cleanse is not optimised away, unlike a plain loop over a buffer about to be freed.
        if let base = raw.baseAddress { OPENSSL_cleanse(base, raw.count) }
        return raw.count
    }
}
