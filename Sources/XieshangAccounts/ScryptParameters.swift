/// scrypt's work factors (RFC 7914): N (CPU and memory cost, a power of two), r (block size), p (parallelism).
///
/// One check needs about 128·N·r bytes (OpenSSL runs the p lanes one after another): the default N = 2^14, r = 8,
/// p = 5 takes 16 MiB and, on this platform's cores, tens of milliseconds (Ops/bench/README.md). The parameters are
/// stored beside every hash, so changing them in the config upgrades each account at its next successful login.
public struct ScryptParameters: Hashable, Sendable, CustomStringConvertible {
    /// CPU/memory cost N, a power of two.
    public var n: UInt64
    /// Block size r.
    public var r: UInt32
    /// Parallelism p.
    public var p: UInt32

    /// The node's default: N = 2^14, r = 8, p = 5 (16 MiB per check).
    public static let `default` = ScryptParameters(n: 1 << 14, r: 8, p: 5)

    /// Bounds accepted from a config or a stored row: N from 2 to 2^20, r 1…32, p 1…16, at most 256 MiB per check.
    public static let maxN: UInt64 = 1 << 20
    /// Largest r accepted.
    public static let maxR: UInt32 = 32
    /// Largest p accepted.
    public static let maxP: UInt32 = 16
    /// Largest memory one check may need.
    public static let maxMemoryBytes: UInt64 = 256 << 20

    /// Parameters as given; ``validated(_:)`` checks them.
    public init(n: UInt64, r: UInt32, p: UInt32) {
        self.n = n
        self.r = r
        self.p = p
    }

    /// "N=16384 r=8 p=5".
    public var description: String { "N=\(n) r=\(r) p=\(p)" }

    /// The memory one check needs, 128·N·r bytes (nil when it does not fit in 64 bits).
    public var memoryBytes: UInt64? {
        let (a, o1) = UInt64(128).multipliedReportingOverflow(by: n)
        let (b, o2) = a.multipliedReportingOverflow(by: UInt64(r))
        return o1 || o2 ? nil : b
    }

    /// These parameters, checked against the bounds.
    /// - Parameter source: where they came from, for the message ("the config's accounts.scrypt", "account zhang's row").
    /// - Throws: ``AccountsError`` `.invalidParameters` naming the parameter and the bound.
    public func validated(_ source: String) throws(AccountsError) -> ScryptParameters {
        func bad(_ what: String) -> AccountsError {
            AccountsError(.invalidParameters, "scrypt parameters \(self) from \(source): \(what)",
                          chinese: "密码参数无效（\(what)），请联系管理员")
        }
        guard n >= 2, n <= ScryptParameters.maxN, n & (n - 1) == 0 else {
            throw bad("N must be a power of two from 2 to \(ScryptParameters.maxN)")
        }
        guard (1...ScryptParameters.maxR).contains(r) else { throw bad("r must be 1…\(ScryptParameters.maxR)") }
        guard (1...ScryptParameters.maxP).contains(p) else { throw bad("p must be 1…\(ScryptParameters.maxP)") }
        guard let memory = memoryBytes, memory <= ScryptParameters.maxMemoryBytes else {
            throw bad("128·N·r exceeds \(ScryptParameters.maxMemoryBytes >> 20) MiB")
        }
        return self
    }
}
