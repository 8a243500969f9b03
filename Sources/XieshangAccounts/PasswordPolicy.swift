/// One rule a new password broke, with the sentence the web form shows (Chinese) and the CLI prints (English).
public enum PasswordProblem: Hashable, Sendable {
    /// Fewer than ``PasswordPolicy/minLength`` characters.
    case tooShort(minimum: Int)
    /// More than ``PasswordPolicy/maxLength`` characters or ``PasswordPolicy/maxBytes`` bytes.
    case tooLong(maximum: Int)
    /// Fewer than 3 of the 4 classes: lowercase, uppercase, digits, others (symbols, Chinese…).
    case tooFewClasses(found: Int)
    /// Holds the username (any case).
    case containsUsername
    /// Holds a control or invisible character.
    case invisibleCharacter
    /// Is the current password.
    case sameAsCurrent

    /// 中文提示.
    public var chinese: String {
        switch self {
        case .tooShort(let n): return "密码至少需要 \(n) 个字符"
        case .tooLong(let n): return "密码不能超过 \(n) 个字符"
        case .tooFewClasses(let found): return "密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类（现有 \(found) 类）"
        case .containsUsername: return "密码不能包含用户名"
        case .invisibleCharacter: return "密码不能包含控制字符或不可见字符"
        case .sameAsCurrent: return "新密码不能与当前密码相同"
        }
    }

    /// English, for the CLI and logs.
    public var english: String {
        switch self {
        case .tooShort(let n): return "the password needs at least \(n) characters"
        case .tooLong(let n): return "the password may have at most \(n) characters"
        case .tooFewClasses(let found): return "the password needs 3 of 4 classes — lowercase, uppercase, digits, other symbols — and has \(found)"
        case .containsUsername: return "the password must not contain the username"
        case .invisibleCharacter: return "the password must not contain control or invisible characters"
        case .sameAsCurrent: return "the new password must differ from the current one"
        }
    }
}

/// The complexity rules for a new password (等保 level 3 asks for length and mixed classes):
/// at least 10 characters and at most 128 (and 512 UTF-8 bytes), at least 3 of the 4 classes lowercase ASCII,
/// uppercase ASCII, digits, and everything else (symbols, Chinese characters), not containing the username in any
/// case, no control or invisible characters, and not the current password. Checked at add and reset (for a given
/// initial password) and at every change; a login never checks complexity, only the hash.
public enum PasswordPolicy {
    /// Fewest characters.
    public static let minLength = 10
    /// Most characters.
    public static let maxLength = 128
    /// Most UTF-8 bytes: a login with a longer password is refused before any hashing (bounded time per attempt).
    public static let maxBytes = 512

    /// Every rule `password` breaks for `username` (empty when it is acceptable).
    public static func problems(_ password: String, username: String, current: String? = nil) -> [PasswordProblem] {
        var out: [PasswordProblem] = []
        let count = password.count
        if password.utf8.count > maxBytes || count > maxLength { return [.tooLong(maximum: maxLength)] }
        if count < minLength { out.append(.tooShort(minimum: minLength)) }
        var lower = false, upper = false, digit = false, other = false
        for s in password.unicodeScalars {
            switch s.value {
            case 0x61...0x7a: lower = true
            case 0x41...0x5a: upper = true
            case 0x30...0x39: digit = true
            default: other = true
            }
        }
        let classes = [lower, upper, digit, other].filter { $0 }.count
        if classes < 3 { out.append(.tooFewClasses(found: classes)) }
        if !username.isEmpty, Names.asciiLowercased(password).contains(Names.asciiLowercased(username)) { out.append(.containsUsername) }
        if !password.unicodeScalars.allSatisfy({ Names.isPrintable($0) }) { out.append(.invisibleCharacter) }
        if let current, current == password { out.append(.sameAsCurrent) }
        return out
    }

    /// `password` when it follows every rule.
    /// - Throws: ``AccountsError`` `.weakPassword` with every broken rule in ``AccountsError/problems`` and the Chinese
    ///   sentences joined in ``AccountsError/chinese``.
    public static func check(_ password: String, username: String, current: String? = nil) throws(AccountsError) {
        let found = problems(password, username: username, current: current)
        guard found.isEmpty else {
            throw AccountsError(.weakPassword, found.map(\.english).joined(separator: "; "),
                                chinese: found.map(\.chinese).joined(separator: "；"), problems: found)
        }
    }

    /// A random initial password that follows the rules: 16 characters from letters, digits and symbols without the
    /// look-alikes (0 O o 1 l I), with each class present, for `add` and `reset` to print once.
    public static func generateInitial(username: String) throws(AccountsError) -> String {
        let classes: [[Character]] = [Array("abcdefghijkmnpqrstuvwxyz"), Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("23456789"), Array("#%+-=?@_")]
        while true {
            var chars: [Character] = []
            for c in classes { chars.append(c[try SecureRandom.index(below: c.count)]) }
            let all = classes.flatMap { $0 }
            while chars.count < 16 { chars.append(all[try SecureRandom.index(below: all.count)]) }
            // Shuffle (Fisher–Yates with the CSPRNG) so the class order does not show.
            for i in stride(from: chars.count - 1, to: 0, by: -1) { chars.swapAt(i, try SecureRandom.index(below: i + 1)) }
            let password = String(chars)
            if problems(password, username: username).isEmpty { return password }
        }
    }
}
