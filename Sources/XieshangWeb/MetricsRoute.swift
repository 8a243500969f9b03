import XieshangAccounts
import XieshangTransport

/// `GET /metrics` (监控指标) for IT's monitoring: the node's metrics in Prometheus' text format (``WebData/metrics()``).
///
/// Who may read them: a scraper presenting `Authorization: Bearer <metrics_token>` (node.json's `metrics_token`,
/// compared in constant time), or a browser session whose role may view the IT page (``WebCapability/viewStatus``:
/// office and IT roles), through the node's ``WebGate``. Anything else is refused before the node is asked: 401 with
/// `WWW-Authenticate: Bearer` without credentials or with a wrong, malformed or unconfigured token; the gate's own
/// refusal (403 naming the role) for a session that may not.
public enum MetricsRoute {
    /// The path.
    public static let path = "/metrics"
    /// The content type of Prometheus' text format 0.0.4.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The handler: `token` is the configured bearer token (nil: sessions only).
    public static func handler(_ data: WebData, gate: WebGate, token: String?) -> HTTPRoutes.Handler {
        { request in
            if let authorization = request.header("authorization") {
                guard let token, let presented = bearer(authorization),
                      Scrypt.constantTimeEqual(Array(presented.utf8), Array(token.utf8)) else {
                    return unauthorized(token == nil ? "this node has no metrics_token; sign in as IT or the office"
                                                     : "the bearer token does not match the node's metrics_token")
                }
                return await render(data)
            }
            guard AccountsGate.token(request) != nil else {
                return unauthorized("no credentials: send Authorization: Bearer <metrics_token>, or sign in as IT or the office")
            }
            switch await gate.admit(.viewStatus, request) {
            case .refused(let response): return response
            case .admitted: return await render(data)
            }
        }
    }

    /// The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), nil for another scheme.
    static func bearer(_ header: String) -> String? {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].drop { $0 == " " }
        return token.isEmpty ? nil : String(token)
    }

    static func render(_ data: WebData) async -> HTTPResponse {
        guard let text = await data.metrics() else {
            return WebPage.text(status: 503, "metrics unavailable: the node is starting or stopping\n")
        }
        return HTTPResponse(status: 200, headers: [("content-type", contentType), ("cache-control", "no-store")] + WebPage.securityHeaders,
                            body: Array(text.utf8))
    }

    static func unauthorized(_ reason: String) -> HTTPResponse {
        var r = WebPage.text(status: 401, "401 未授权 (unauthorized): \(reason)\n")
        r.headers.append(("www-authenticate", "Bearer realm=\"xieshang-metrics\""))
        return r
    }
}
