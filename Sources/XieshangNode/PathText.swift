/// File path text, without Foundation's `NSString` path methods (not in FoundationEssentials): joining, the
/// directory part, and lexical standardising (no `.`, no `..` below a named directory, no doubled or trailing `/`).
enum PathText {
    /// `component` under `base`; `component` unchanged when it is absolute or `base` is empty.
    static func appending(_ base: String, _ component: String) -> String {
        if base.isEmpty || component.hasPrefix("/") { return component }
        if component.isEmpty { return base }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    /// The path without its last component: `/a/b` → `/a`, `/a` → `/`, `b` → `` (empty).
    static func directory(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// `path` with `.` and empty components removed and `..` folded into the component before it (a `..` above the
    /// root of an absolute path is dropped; leading ones of a relative path stay). Does not touch the file system.
    static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast() }
                else if !absolute { parts.append(part) }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
