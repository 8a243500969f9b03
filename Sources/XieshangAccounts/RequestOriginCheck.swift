/// Whether a request may change something (CSRF defence in depth, before the per-session token): a pure function of
/// the request's method and headers and the node's own web origins.
///
/// Rules for a state-changing method (anything but GET, HEAD, OPTIONS): `Sec-Fetch-Site`, when sent, must be
/// `same-origin`; `Origin`, when sent, must be one of the node's origins (`null`, another host, port or scheme is
/// refused); at least one of the two must be present (every browser the offices use sends `Origin` on a POST); a
/// header sent twice is refused. Safe methods pass (they must not change anything).
public enum RequestOriginCheck {
    /// The verdict.
    public enum Verdict: Hashable, Sendable {
        /// The request may proceed (to the CSRF token check).
        case allowed
        /// Refused, with the reason for the log and the Chinese sentence for the 403 page.
        case refused(reason: String, chinese: String)
    }

    /// Checks a request.
    /// - Parameters:
    ///   - method: the HTTP method (`:method`).
    ///   - headers: the request headers (names in any case).
    ///   - ownOrigins: the node's web origins, e.g. `https://wanshan.zx.local` and `https://10.1.2.3:8443`.
    public static func check(method: String, headers: [(String, String)], ownOrigins: [String]) -> Verdict {
        if ["GET", "HEAD", "OPTIONS"].contains(method.uppercased()) { return .allowed }
        let fetchSite = values("sec-fetch-site", headers)
        let origin = values("origin", headers)
        if fetchSite.count > 1 || origin.count > 1 {
            return .refused(reason: "Origin or Sec-Fetch-Site sent more than once", chinese: "请求来源不明，已拒绝")
        }
        if let site = fetchSite.first, site.lowercased() != "same-origin" {
            return .refused(reason: "Sec-Fetch-Site is '\(Names.visible(site))', not same-origin", chinese: "跨站请求已拒绝")
        }
        if let o = origin.first {
            let own = Set(ownOrigins.compactMap(normalized))
            guard let n = normalized(o), own.contains(n) else {
                return .refused(reason: "Origin '\(Names.visible(o))' is not this node's", chinese: "跨站请求已拒绝")
            }
            return .allowed
        }
        if fetchSite.isEmpty {
            return .refused(reason: "a \(Names.visible(method)) without Origin or Sec-Fetch-Site", chinese: "请求来源不明，已拒绝")
        }
        return .allowed
    }

    static func values(_ name: String, _ headers: [(String, String)]) -> [String] {
        headers.filter { Names.asciiLowercased($0.0) == name }.map { $0.1.trimmingSpaces() }
    }

    /// `scheme://host[:port]` lowercased, with the scheme's default port dropped; nil for `null` or anything else that
    /// is not a plain origin (a path, user info, no host).
    static func normalized(_ origin: String) -> String? {
        let lower = Names.asciiLowercased(origin)
        let scheme: String, defaultPort: String
        if lower.hasPrefix("https://") { scheme = "https://"; defaultPort = ":443" }
        else if lower.hasPrefix("http://") { scheme = "http://"; defaultPort = ":80" }
        else { return nil }
        var rest = String(lower.dropFirst(scheme.count))
        guard !rest.isEmpty, !rest.contains("/"), !rest.contains("@"), !rest.contains("?"), !rest.contains("#"),
              rest.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else { return nil }
        if rest.hasSuffix(defaultPort) { rest.removeLast(defaultPort.count) }
        return scheme + rest
    }
}
