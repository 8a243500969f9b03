import Testing
import XieshangTransport
import XieshangWeb
import XieshangWire

/// The web interface's rendering and route table without a socket (issue 17): the status page escapes everything
/// that comes from peers, the CSP's style hash is the hash of the stylesheet the pages carry, and every answer of
/// the route table (page, refusal) carries the security headers.
@Suite struct WebPageTests {
    static func status() -> StatusResponse {
        var s = StatusResponse()
        s.nodeId = "cn.gz.tongren"
        s.name = "铜仁市政协"
        s.tier = "city"
        var up = LinkStatus()
        up.peer = "cn.gz.tongren.bijiang"
        up.role = "child"
        up.state = "up"
        up.lag = 3
        var refused = LinkStatus()
        refused.peer = "cn.gz.tongren.wanshan"
        refused.role = "child"
        refused.state = "refused"
        refused.lastError = "key <img src=x onerror=alert(1)> does not match"
        s.links = [up, refused]
        var alert = AlertEntry()
        alert.subject = "cn.gz.tongren.wanshan"
        alert.message = "\"quoted\" & <b>bold</b>"
        s.alerts = [alert]
        return s
    }

    /// Links with their Chinese role and state; a peer's error and an alert holding markup come out escaped.
    @Test func statusPageEscapesWhatPeersSent() {
        let html = StatusPage.render(Self.status())
        #expect(html.contains("<h1>铜仁市政协</h1>") && html.contains("市级"))
        #expect(html.contains("连接（2）") && html.contains("已连接") && html.contains("被拒绝") && html.contains("下级"))
        #expect(html.contains("key &lt;img src=x onerror=alert(1)&gt; does not match"))
        #expect(html.contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;"))
        #expect(!html.contains("<img") && !html.contains("<b>"))
        #expect(!html.contains("<script") && !html.contains(" style=\""), "no script, no inline style attribute (the CSP refuses them)")
    }

    /// The CSP allows exactly the stylesheet in the pages (by its SHA-256), no script source, nothing inline.
    @Test func cspHashesTheStylesheetThePagesCarry() {
        let html = WebPage.html(title: "t", body: "")
        guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>") else {
            Issue.record("no <style> block")
            return
        }
        let style = String(html[start.upperBound..<end.lowerBound])
        #expect(WebPage.contentSecurityPolicy.contains("'sha256-" + Base64.encode(SHA256.hash(Array(style.utf8))) + "'"))
        #expect(!WebPage.contentSecurityPolicy.contains("unsafe-inline") && WebPage.contentSecurityPolicy.contains("script-src 'self';"))
    }

    /// `/`, `/healthz`, an unknown path (404), a wrong method (405 with `allow`) and a refusal the transport makes
    /// (413) all carry the security headers; a node that cannot answer its status gets 503, not a trap.
    @Test func everyAnswerCarriesTheSecurityHeaders() async {
        struct Status: WebData {
            let answer: StatusResponse?
            func status() async -> StatusResponse? { answer }
            func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> { .failure(.unavailable("none")) }
            func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> { .failure(.unavailable("none")) }
            func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> { .success([]) }
        }
        let routes = WebSite.routes(Status(answer: Self.status()), gate: OpenGate())
        func check(_ r: HTTPResponse, _ status: Int, _ what: String) {
            #expect(r.status == status, "\(what)")
            for (name, value) in WebPage.securityHeaders {
                #expect(r.headers.contains { $0.0 == name && $0.1 == value }, "\(what): \(name)")
            }
        }
        check(await routes.respond(HTTPRequest(method: "GET", path: "/")), 200, "GET /")
        check(await routes.respond(HTTPRequest(method: "GET", path: "/healthz")), 200, "GET /healthz")
        check(await routes.respond(HTTPRequest(method: "GET", path: "/../etc/passwd")), 404, "traversal")
        let wrong = await routes.respond(HTTPRequest(method: "HEAD", path: "/"))
        check(wrong, 405, "HEAD /")
        #expect(wrong.headers.contains { $0 == ("allow", "GET") })
        check(routes.refusal(HTTPRefusal(status: 413, reason: "too big")), 413, "413")
        let down = WebSite.routes(Status(answer: nil), gate: OpenGate())
        check(await down.respond(HTTPRequest(method: "GET", path: "/")), 503, "status unavailable")
    }
}
