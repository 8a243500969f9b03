import Testing
import XieshangAccounts

/// The Origin / Sec-Fetch-Site check of state-changing requests.
struct RequestOriginCheckTests {
    static let own = ["https://wanshan.zx.local", "https://10.1.2.3:8443"]

    func check(_ headers: [(String, String)], method: String = "POST") -> Bool {
        RequestOriginCheck.check(method: method, headers: headers, ownOrigins: RequestOriginCheckTests.own) == .allowed
    }

    @Test func sameOriginPostsPass() {
        #expect(check([("origin", "https://wanshan.zx.local"), ("sec-fetch-site", "same-origin")]))
        #expect(check([("Origin", "https://WANSHAN.zx.local:443")]))
        #expect(check([("origin", "https://10.1.2.3:8443")]))
        #expect(check([("sec-fetch-site", "same-origin")]))
        #expect(check([], method: "GET"), "safe methods pass")
    }

    @Test(arguments: [
        [("origin", "https://evil.example")],
        [("origin", "null")],
        [("origin", "http://wanshan.zx.local")],
        [("origin", "https://wanshan.zx.local:8443")],
        [("origin", "https://wanshan.zx.local/path")],
        [("origin", "https://wanshan.zx.local"), ("sec-fetch-site", "cross-site")],
        [("origin", "https://wanshan.zx.local"), ("sec-fetch-site", "same-site")],
        [("sec-fetch-site", "none")],
        [("origin", "https://wanshan.zx.local"), ("origin", "https://evil.example")],
        [],
    ] as [[(String, String)]])
    func otherOriginsAreRefused(_ headers: [(String, String)]) {
        let verdict = RequestOriginCheck.check(method: "POST", headers: headers, ownOrigins: RequestOriginCheckTests.own)
        guard case .refused(_, let chinese) = verdict else { Issue.record("\(headers) was allowed"); return }
        #expect(!chinese.isEmpty)
        #expect(!check(headers, method: "DELETE"))
    }
}
