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

    /// A field, quoted when needed; a field a spreadsheet would read as a formula is kept as text with a leading `'`
    /// (no formula injection), unless the whole field is a number such as `-5`.
    static func quote(_ field: String) -> String {
        var f = field
        if startsFormula(f), !isPlainNumber(f) { f = "'" + f }
        if f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var quoted = "\""
            for c in f { quoted += c == "\"" ? "\"\"" : String(c) }
            return quoted + "\""
        }
        return f
    }

    /// Whether a spreadsheet could read `field` as a formula. The rule: skip every leading scalar a reader does not
    /// see as the first character — whitespace and separators (tab, CR, LF, spaces, U+3000), control characters,
    /// format characters (zero-width joiner and space, BOM, bidi marks) and combining marks — then take the first
    /// visible scalar under compatibility normalisation (NFKC, so full-width `＝＋－＠` and the small forms count as
    /// `=+-@`): the field starts a formula when that is `=`, `+`, `-` or `@` (``formulaLeads``). Looks at scalars, not characters, so
    /// `=` followed by a combining mark (one grapheme) still counts as `=`.
    static func startsFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first(where: { !isInvisibleLead($0) }) else { return false }
        return formulaLeads.contains(first.value)
    }

    /// Every scalar whose NFKC normalisation starts with `=`, `+`, `-` or `@` (Unicode 15, from Python's unicodedata:
    /// `CSVWriterTests.formulaLeadsAreEveryScalarNFKCMapsToASign` recomputes the list over all scalars), so the check
    /// needs no Foundation: the signs, super- and subscript ⁺⁼₊₌, ⩵ ⩶, Hebrew alternative plus ﬩, the small forms
    /// ﹢﹣﹦﹫ and the full-width ＋－＝＠.
    static let formulaLeads: Set<UInt32> = [
        0x2B, 0x2D, 0x3D, 0x40, 0x207A, 0x207C, 0x208A, 0x208C, 0x2A75, 0x2A76, 0xFB29, 0xFE62, 0xFE63, 0xFE66, 0xFE6B,
        0xFF0B, 0xFF0D, 0xFF1D, 0xFF20,
    ]

    /// A number written with ASCII digits, sign, point and exponent only (`-5`, `+3.5`, `1e3`): not a formula.
    static func isPlainNumber(_ field: String) -> Bool {
        field.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
            && Double(field) != nil
    }

    /// Scalars that do not show as a cell's first character (see ``startsFormula(_:)``).
    static func isInvisibleLead(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return s.properties.isWhitespace || s.properties.isDefaultIgnorableCodePoint
        }
    }
}
