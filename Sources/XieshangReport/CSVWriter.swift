import Foundation

/// CSV that Excel opens correctly with Chinese text: UTF-8 with a byte-order mark, CRLF line ends, fields quoted
/// (RFC 4180) when they hold a comma, a quote or a line break.
public enum CSVWriter {
    /// The UTF-8 byte-order mark Excel looks for.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes of a CSV file with `header` and `rows`.
    public static func bytes(header: [String], rows: [[String]]) -> [UInt8] {
        var text = line(header)
        for row in rows { text += line(row) }
        return byteOrderMark + Array(text.utf8)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when needed; a leading `=`, `+`, `-` or `@` is kept as text (no formula injection).
    static func quote(_ field: String) -> String {
        var f = field
        if let first = f.first, "=+-@".contains(first), Double(f) == nil { f = "'" + f }
        if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return f
    }
}
