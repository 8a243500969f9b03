/// One SQLite value: the five storage classes SQLite knows.
public enum DatabaseValue: Hashable, Sendable, CustomStringConvertible {
    /// `INTEGER`.
    case integer(Int64)
    /// `REAL`.
    case real(Double)
    /// `TEXT`, UTF-8.
    case text(String)
    /// `BLOB`.
    case blob([UInt8])
    /// `NULL`.
    case null

    /// A deterministic text form (blobs in hex, reals with full precision), used by table dumps.
    public var description: String {
        switch self {
        case .integer(let v): return "i:\(v)"
        case .real(let v): return "r:\(v.bitPattern)"
        case .text(let v): return "t:" + String(reflecting: v)
        case .blob(let v):
            let digits = Array("0123456789abcdef".utf8)
            var out = [UInt8]()
            out.reserveCapacity(v.count * 2)
            for b in v { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
            return "b:" + String(decoding: out, as: UTF8.self)
        case .null: return "null"
        }
    }
}

extension DatabaseValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByNilLiteral {
    /// An integer literal binds as `INTEGER`.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A string literal binds as `TEXT`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// `nil` binds as `NULL`.
    public init(nilLiteral: ()) { self = .null }
}
