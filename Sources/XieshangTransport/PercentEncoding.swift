/// The percent-encoding gRPC uses for `grpc-message`: bytes outside printable ASCII (0x20…0x7E) and `%` become
/// `%XX` of the UTF-8 bytes, so Chinese text travels as ASCII in the trailer.
enum PercentEncoding {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Encodes `text` for a `grpc-message` header value.
    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            if b >= 0x20 && b <= 0x7E && b != UInt8(ascii: "%") {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0xF)])
            }
        }
        return out
    }

    /// Decodes a `grpc-message` value; a malformed `%` sequence is kept literally (gRPC says never fail on it).
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let a = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(a.count)
        var i = 0
        while i < a.count {
            if a[i] == UInt8(ascii: "%"), i + 2 < a.count + 0, i + 2 <= a.count - 1,
               let h = nibble(a[i + 1]), let l = nibble(a[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(a[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The value of one hexadecimal digit, nil for any other byte (also used by ``FormEncoding``).
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
