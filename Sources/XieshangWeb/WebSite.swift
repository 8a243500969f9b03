import XieshangTransport
import XieshangWire

/// The node's web site (网页): the route table a node registers on its web listener. Later web modules (accounts,
/// dashboard, records) add their routes here, each rendering through ``WebPage``.
public enum WebSite {
    /// Largest request body (a form). 256 KiB.
    public static let maxBodyBytes = 256 * 1024

    /// The routes: `GET /` (this body's status page) and `GET /healthz`. `status` reads the node's status (the same
    /// answer `xieshang status` prints); nil when the node cannot answer.
    public static func routes(status: @escaping @Sendable () async -> StatusResponse?) -> HTTPRoutes {
        var routes = HTTPRoutes(maxBodyBytes: maxBodyBytes, refusal: WebPage.refusal)
        routes.add("GET", "/") { _ in
            guard let s = await status() else {
                return WebPage.response(status: 503, html: WebPage.html(title: "节点暂不可用", body: "<section><p>节点正在启动或停止，请稍后刷新。</p></section>\n"))
            }
            return WebPage.response(html: StatusPage.render(s))
        }
        routes.add("GET", "/healthz") { _ in
            WebPage.text(await status() == nil ? "starting\n" : "ok\n")
        }
        return routes
    }
}
