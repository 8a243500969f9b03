/// Text from outside (a peer's node id, a record title from another body, an error a peer sent) made safe to show in
/// a log line or on a terminal (显示文本): it stays data and never acts on the terminal or the log.
///
/// The rule, by Unicode property rather than a list of cases: every scalar that is a control character (general
/// category Cc: C0, DEL, C1 — which covers ESC and so every terminal escape sequence), a line or paragraph separator
/// (Zl, Zp: U+2028, U+2029), or a bidirectional control (Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069, which reorder what a reader sees) is written as a visible escape: `\n`, `\r`, `\t` by name,
/// any other as `\u{1B}` (Swift's notation, hex upper case). Everything else, Chinese included, is unchanged.
///
/// One function for every place such text is shown: ``NodeLogger`` lines and every table and status line of the CLI.
public enum DisplayText {
    /// `text` with control, separator and bidi-control scalars escaped; `keepingLineBreaks` keeps `\n` (and `\t`)
    /// as they are, for multi-line text shown as a block of its own (a draft's body), never inside a line.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard needsEscape(s, keepingLineBreaks: keepingLineBreaks) else { out.append(s); continue }
            let name: String
            switch s {
            case "\n": name = "\\n"
            case "\r": name = "\\r"
            case "\t": name = "\\t"
            default: name = "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: name.unicodeScalars)
        }
        return String(out)
    }

    /// Whether `s` must be escaped (see ``escaped(_:keepingLineBreaks:)``).
    static func needsEscape(_ s: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        if keepingLineBreaks && (s == "\n" || s == "\t") { return false }
        switch s.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return s.properties.isBidiControl
        }
    }
}
