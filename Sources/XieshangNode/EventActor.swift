/// Who made an event 操作人 (``XieshangWire/EventBody/actor``): `user:<username>` for a web form, `os:<name>(uid N)`
/// for the CLI on the admin socket, empty for the node's own events and for events made before the field.
///
/// The text is bounded where it is made and again where it is read, since a peer's event carries whatever its origin
/// signed: at most ``maxBytes`` bytes of UTF-8 (cut at a character, marked with …), every control or
/// direction-changing character replaced by `?` (a line break, an escape sequence, a right-to-left override cannot
/// forge another row in a log, a terminal or a page). HTML escaping is the page's business (``WebPage/escape``).
enum EventActor {
    /// The longest actor kept, in UTF-8 bytes.
    static let maxBytes = 200

    /// `text` bounded: controls and direction marks as `?`, cut to ``maxBytes`` bytes.
    static func bounded(_ text: String) -> String {
        var safe = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { safe.append(isUnsafe(scalar) ? "?" : scalar) }
        guard String(safe).utf8.count > maxBytes else { return String(safe) }
        var cut = String.UnicodeScalarView()
        var bytes = 0
        for scalar in safe {
            let size = UTF8.width(scalar)
            guard bytes + size <= maxBytes - 3 else { break }  // room for "…" (3 bytes)
            cut.append(scalar)
            bytes += size
        }
        return String(cut) + "…"
    }

    /// Control characters (C0, DEL, C1), the byte-order mark and the marks that change the direction of text (U+200E/F, U+202A–202E,
    /// U+2066–2069), plus the line and paragraph separators.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
