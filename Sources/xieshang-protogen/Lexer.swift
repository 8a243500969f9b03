/// Splits a .proto file into tokens, keeping the comment lines just above each token (for doc comments).
struct Token {
    enum Kind: Equatable { case identifier, integer, string, symbol, end }
    var kind: Kind
    var text: String
    var location: SourceLocation
    /// Comment lines directly above the token (no blank line between), without the `//`.
    var leadingComment: [String]
}

struct Lexer {
    static func tokenize(_ source: String, file: String) throws -> [Token] {
        let chars = Array(source.unicodeScalars)
        var tokens: [Token] = []
        var i = 0, line = 1, column = 1
        var pendingComment: [String] = []
        var lastCommentLine = -10

        func advance() {
            if chars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        func isIdentPart(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || ("0"..."9").contains(c) }

        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" {
                advance()
                continue
            }
            let location = SourceLocation(file: file, line: line, column: column)
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                var text = ""
                i += 2; column += 2
                while i < chars.count && chars[i] != "\n" { text.unicodeScalars.append(chars[i]); advance() }
                if location.line != lastCommentLine + 1 { pendingComment = [] }
                // A comment that trails a token on the same line belongs to nothing we render.
                if let last = tokens.last, last.location.line == location.line { continue }
                pendingComment.append(text.hasPrefix(" ") ? String(text.dropFirst()) : text)
                lastCommentLine = location.line
                continue
            }
            if c == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                advance(); advance()
                while i + 1 < chars.count && !(chars[i] == "*" && chars[i + 1] == "/") { advance() }
                guard i + 1 < chars.count else { throw ProtoError(location: location, message: "unterminated /* comment") }
                advance(); advance()
                continue
            }
            let comment = (lastCommentLine == location.line - 1) ? pendingComment : []
            pendingComment = []
            if isIdentStart(c) || c == "." && i + 1 < chars.count && isIdentStart(chars[i + 1]) {
                var text = ""
                while i < chars.count && (isIdentPart(chars[i]) || chars[i] == ".") { text.unicodeScalars.append(chars[i]); advance() }
                tokens.append(Token(kind: .identifier, text: text, location: location, leadingComment: comment))
            } else if ("0"..."9").contains(c) {
                var text = ""
                while i < chars.count && (isIdentPart(chars[i])) { text.unicodeScalars.append(chars[i]); advance() }
                tokens.append(Token(kind: .integer, text: text, location: location, leadingComment: comment))
            } else if c == "\"" || c == "'" {
                let quote = c
                advance()
                var text = ""
                while i < chars.count && chars[i] != quote {
                    if chars[i] == "\n" { throw ProtoError(location: location, message: "newline inside a string") }
                    if chars[i] == "\\" && i + 1 < chars.count { advance() }
                    text.unicodeScalars.append(chars[i])
                    advance()
                }
                guard i < chars.count else { throw ProtoError(location: location, message: "unterminated string") }
                advance()
                tokens.append(Token(kind: .string, text: text, location: location, leadingComment: comment))
            } else if "{}[]()<>=;,-+".unicodeScalars.contains(c) {
                advance()
                tokens.append(Token(kind: .symbol, text: String(Character(c)), location: location, leadingComment: comment))
            } else {
                throw ProtoError(location: location, message: "unexpected character '\(c)'")
            }
        }
        tokens.append(Token(kind: .end, text: "", location: SourceLocation(file: file, line: line, column: column), leadingComment: []))
        return tokens
    }
}
