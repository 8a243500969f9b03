import CCrypto
import XieshangWire

/// Random bytes from OpenSSL's CSPRNG (`RAND_bytes`, seeded from the OS): salts, session ids, CSRF tokens and initial
/// passwords. Never the federation's deterministic generator.
public enum SecureRandom {
    /// `count` random bytes.
    /// - Throws: ``AccountsError`` `.crypto` when libcrypto's generator is not seeded (it then returns 0 or -1).
    public static func bytes(_ count: Int) throws(AccountsError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard count > 0 else { return out }
        let rc = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(clamping: $0.count)) }
        guard rc == 1 else {
            throw AccountsError(.crypto, "RAND_bytes failed: \(openSSLErrors()); the system's random source is not available",
                                chinese: "系统随机数不可用，请联系管理员")
        }
        return out
    }

    /// A uniformly random index below `bound` (rejection sampling: no modulo bias).
    static func index(below bound: Int) throws(AccountsError) -> Int {
        precondition(bound > 0 && bound <= 256, "index bound must be 1…256")
        let limit = 256 - 256 % bound
        while true {
            let b = Int(try bytes(1)[0])
            if b < limit { return b % bound }
        }
    }
}
