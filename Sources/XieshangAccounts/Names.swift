/// The rules for usernames (用户名) and display names (姓名).
///
/// A username is what people type at the login form: 3–32 characters, lowercase ASCII letters, digits, `.`, `_` and
/// `-`, starting with a letter (`zhangsan`, `wanshan.clerk`); typed capitals are lowered first. A display name is
/// what pages show: 1–40 characters, Chinese welcome, without control characters, format characters (bidi overrides
/// and isolates, zero-width joiners), line or paragraph separators, private-use or unassigned code points, and without
/// spaces at either end — so a name cannot reorder or hide text around it on a page or in the CSV.
public enum Names {
    /// Shortest username.
    public static let usernameMin = 3
    /// Longest username.
    public static let usernameMax = 32
    /// Longest display name, in characters.
    public static let displayNameMax = 40

    /// The username `text` as stored: ASCII capitals lowered, then checked.
    /// - Throws: ``AccountsError`` `.invalidUsername` saying which rule it broke.
    public static func username(_ text: String) throws(AccountsError) -> String {
        let lowered = asciiLowercased(text)
        func bad(_ en: String, _ zh: String) -> AccountsError {
            AccountsError(.invalidUsername, "username '\(visible(text))' \(en)", chinese: "用户名“\(visible(text))”\(zh)")
        }
        let bytes = Array(lowered.utf8)
        guard bytes.count >= usernameMin, bytes.count <= usernameMax else {
            throw bad("must be \(usernameMin)–\(usernameMax) characters long", "长度应为 \(usernameMin)–\(usernameMax) 个字符")
        }
        guard bytes.allSatisfy(isUsernameByte) else {
            throw bad("may only hold lowercase letters a–z, digits and . _ -", "只能包含小写字母 a–z、数字和 . _ -")
        }
        guard let first = bytes.first, first >= 0x61, first <= 0x7a else {
            throw bad("must start with a letter", "须以字母开头")
        }
        return lowered
    }

    /// The display name `text`, checked.
    /// - Throws: ``AccountsError`` `.invalidDisplayName`.
    public static func displayName(_ text: String) throws(AccountsError) -> String {
        func bad(_ en: String, _ zh: String) -> AccountsError {
            AccountsError(.invalidDisplayName, "display name '\(visible(text))' \(en)", chinese: "姓名“\(visible(text))”\(zh)")
        }
        guard !text.isEmpty, text.count <= displayNameMax else {
            throw bad("must be 1–\(displayNameMax) characters long", "长度应为 1–\(displayNameMax) 个字")
        }
        guard isCleanName(text, maxCharacters: displayNameMax) else {
            throw bad("holds control, bidi or other invisible characters", "含有控制字符、双向文本控制符或其他不可见字符")
        }
        guard text.trimmingSpaces() == text else {
            throw bad("starts or ends with a space", "首尾不能有空格")
        }
        return text
    }

    /// Whether `text` is 1…`maxCharacters` characters of printable scalars (see the type's rules; a plain space is allowed).
    static func isCleanName(_ text: String, maxCharacters: Int) -> Bool {
        guard !text.isEmpty, text.count <= maxCharacters else { return false }
        return text.unicodeScalars.allSatisfy(isPrintable)
    }

    /// Whether a scalar shows as itself: not a control, format (bidi, zero-width), separator other than U+0020,
    /// surrogate, private-use or unassigned code point.
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return false
        case .spaceSeparator:
            return s == " "
        default:
            return !s.properties.isDefaultIgnorableCodePoint
        }
    }

    static func isUsernameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b == 0x2e || b == 0x5f || b == 0x2d
    }

    static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5a ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// `text` for a message: at most 64 characters, every unprintable scalar as `\u{…}`, so a hostile name cannot drive
    /// a terminal or reorder the message around it.
    public static func visible(_ text: String) -> String {
        var out = ""
        var count = 0
        for s in text.unicodeScalars {
            if count == 64 { out += "…"; break }
            if isPrintable(s) { out.unicodeScalars.append(s) } else { out += "\\u{\(String(s.value, radix: 16))}" }
            count += 1
        }
        return out
    }
}

extension String {
    /// Without U+0020 and U+3000 (ideographic space) at either end.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
