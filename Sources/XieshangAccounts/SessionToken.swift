import XieshangWire

/// A random 256-bit secret in URL-safe base64 without padding (43 characters): session ids and CSRF tokens.
///
/// Session ids are stored only as their SHA-256 (a stolen database holds no usable session); CSRF tokens are stored as
/// they are (alone they authorize nothing) and compared in constant time.
public enum SessionToken {
    /// Bytes in a token.
    public static let byteCount = 32
    /// Characters in a token's text.
    public static let textLength = 43

    /// A fresh token's bytes from the CSPRNG.
    static func fresh() throws(AccountsError) -> [UInt8] { try SecureRandom.bytes(byteCount) }

    /// The text form of `bytes`.
    public static func text(_ bytes: [UInt8]) -> String {
        String(Base64.encode(bytes).compactMap { c -> Character? in
            switch c {
            case "+": return "-"
            case "/": return "_"
            case "=": return nil
            default: return c
            }
        })
    }

    /// The bytes of a token's text, or nil when it is not exactly a token (length, alphabet, and the one canonical
    /// text of its bytes: the last character's two unused bits must be zero, so no second text names the same token).
    public static func bytes(_ text: String) -> [UInt8]? {
        guard text.utf8.count == textLength,
              text.utf8.allSatisfy({ Names.isUsernameByte($0) && $0 != 0x2e || ($0 >= 0x41 && $0 <= 0x5a) }),
              let raw = Base64.decode(text), raw.count == byteCount, self.text(raw) == text else { return nil }
        return raw
    }

    /// What the database keeps of a session id.
    static func storedHash(_ bytes: [UInt8]) -> [UInt8] { SHA256.hash(bytes) }
}

/// The session cookie (会话 Cookie): `__Host-xs_session`, which browsers accept only with `Secure`, `Path=/` and no
/// `Domain` — so no other host or plain-HTTP page can set or overwrite it.
public enum SessionCookie {
    /// The cookie's name.
    public static let name = "__Host-xs_session"

    /// The `Set-Cookie` value that starts a session: `__Host-xs_session=…; Path=/; Secure; HttpOnly; SameSite=Strict`
    /// (a session cookie: no Max-Age, the server's idle and absolute limits end it).
    public static func setCookie(_ token: String) -> String {
        "\(name)=\(token); Path=/; Secure; HttpOnly; SameSite=Strict"
    }

    /// The `Set-Cookie` value that removes the cookie (logout).
    public static let clearCookie = "\(name)=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict"

    /// The session token in a request's `Cookie` headers, or nil when there is none or more than one (HTTP/2 may split
    /// cookies over several headers; two different session cookies are refused rather than guessed between).
    public static func token(cookieHeaders: [String]) -> String? {
        var found: [String] = []
        for header in cookieHeaders {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard trimmed.hasPrefix(name + "=") else { continue }
                found.append(String(trimmed.dropFirst(name.count + 1)))
            }
        }
        guard found.count == 1, let token = found.first, SessionToken.bytes(token) != nil else { return nil }
        return token
    }
}
