import Testing
import XieshangAccounts
import XieshangWire

/// scrypt through EVP_KDF against RFC 7914's test vectors, the parameter bounds, and the constant-time comparison.
struct ScryptTests {
    /// RFC 7914 §12, vector 2: P = "password", S = "NaCl", N = 1024, r = 8, p = 16, dkLen = 64.
    @Test func rfc7914Vector() throws {
        let derived = try Scrypt.derive(password: Array("password".utf8), salt: Array("NaCl".utf8),
                                        parameters: ScryptParameters(n: 1024, r: 8, p: 16), length: 64)
        #expect(hexString(derived) == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    }

    /// RFC 7914 §12, vector 1: empty password and salt, N = 16, r = 1, p = 1.
    @Test func rfc7914EmptyVector() throws {
        let derived = try Scrypt.derive(password: [], salt: [], parameters: ScryptParameters(n: 16, r: 1, p: 1), length: 64)
        #expect(hexString(derived) == "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    }

    @Test(arguments: [
        ScryptParameters(n: 1000, r: 8, p: 1),        // not a power of two
        ScryptParameters(n: 1, r: 8, p: 1),           // too small
        ScryptParameters(n: 1 << 21, r: 8, p: 1),     // N over the bound
        ScryptParameters(n: 1 << 14, r: 0, p: 1),
        ScryptParameters(n: 1 << 14, r: 8, p: 17),
        ScryptParameters(n: 1 << 20, r: 32, p: 1),    // 4 GiB
    ])
    func parametersOutsideTheBoundsAreRefused(_ parameters: ScryptParameters) {
        #expect(throws: AccountsError.self) { try parameters.validated("a test") }
        #expect(throws: AccountsError.self) { try Scrypt.derive(password: [1], salt: [2], parameters: parameters) }
    }

    @Test func defaultParametersNeedSixteenMiB() throws {
        #expect(ScryptParameters.default.memoryBytes == 16 << 20)
        #expect(try ScryptParameters.default.validated("default") == .default)
    }

    @Test func constantTimeEqualCompares() {
        #expect(Scrypt.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!Scrypt.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!Scrypt.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(Scrypt.constantTimeEqual([], []))
    }
}
