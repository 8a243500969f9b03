import Foundation
import Testing
@testable import XieshangTransport
import XieshangWire

/// Plain HTTP routes on the HTTP/2 server core (issue 17): the same connections, limits and budgets as gRPC, a route
/// table by path and method, form and query decoding, and refusals (400, 404, 405, 413) that never trap. Driven by
/// curl over h2c with prior knowledge (real sockets, a real HTTP/2 client) and raw frames for what curl will not send.
@Suite struct HTTPRoutesTests {
    /// The refusal renderer tests use: status and reason as text, with a marker header.
    static func refusal(_ r: HTTPRefusal) -> HTTPResponse {
        var headers = [("content-type", "text/plain; charset=utf-8"), ("x-refusal", "yes")]
        if !r.allowed.isEmpty { headers.append(("allow", r.allowed.joined(separator: ", "))) }
        return HTTPResponse(status: r.status, headers: headers, body: Array("\(r.status) \(r.reason)\n".utf8))
    }

    /// A server with gRPC Diagnostics and these routes: `GET /hello` (query and cookie echoed into the body),
    /// `POST /form` (the decoded form, 400 when it does not decode), `GET /header` (the query's `v` put into a
    /// response header, to check header injection).
    static func server(maxBodyBytes: Int = 4096, _ configure: (inout ServerConfiguration) -> Void = { _ in }) throws -> (Server, Int) {
        var routes = HTTPRoutes(maxBodyBytes: maxBodyBytes, refusal: refusal)
        routes.add("GET", "/hello") { r in
            let q = (try? r.query()) ?? []
            let text = "hello " + q.map { "\($0.0)=\($0.1)" }.joined(separator: ",") + " cookie=" + (r.cookie("sid") ?? "-")
            return HTTPResponse(status: 200, headers: [("content-type", "text/plain; charset=utf-8")], body: Array(text.utf8))
        }
        routes.add("POST", "/form") { r in
            do throws(HTTPFormError) {
                let fields = try r.form()
                return HTTPResponse(status: 200, body: Array(fields.map { "\($0.0)=\($0.1)" }.joined(separator: "\n").utf8))
            } catch {
                return HTTPResponse(status: 400, body: Array(error.message.utf8))
            }
        }
        routes.add("GET", "/header") { r in
            let v = (try? r.query())?.first { $0.0 == "v" }?.1 ?? ""
            return HTTPResponse(status: 200, headers: [("x-echo", v), ("x-fixed", "kept")], body: Array("ok".utf8))
        }
        var config = ServerConfiguration()
        configure(&config)
        let server = try Server(handlers: Diagnostics.handlers(), routes: routes, configuration: config, log: TestSupport.testLog)
        let bound = try server.listen(on: .tcp(host: "127.0.0.1", port: 0))
        return (server, TestSupport.port(bound))
    }

    /// curl over h2c (prior knowledge): `-sS -i` so the status line and headers come first.
    static func curl(_ args: [String]) async throws -> (Int32, String) {
        try await TestSupport.runAsync("/usr/bin/curl", ["-sS", "-i", "--http2-prior-knowledge", "--max-time", "20"] + args)
    }

    /// A route answers with status, headers and body; the query is form-decoded (Chinese and `+`); cookies from
    /// the `cookie` header; HTTP/2 was spoken (curl's status line says HTTP/2).
    @Test func getRouteSeesQueryAndCookies() async throws {
        let (server, port) = try Self.server()
        let (rc, out) = try await Self.curl(["-H", "Cookie: a=1; sid=s3cret",
                                              "http://127.0.0.1:\(port)/hello?name=%E5%8D%8F%E5%95%86&x=a+b"])
        #expect(rc == 0, "\(out)")
        #expect(out.hasPrefix("HTTP/2 200"), "\(out)")
        #expect(out.contains("hello name=协商,x=a b cookie=s3cret"), "\(out)")
        #expect(out.lowercased().contains("content-length: "), "\(out)")
        #expect(server.metrics.httpResponses >= 1)
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// A urlencoded form body is decoded; a malformed `%` escape is refused by `form()` (the route answers 400) and
    /// the server goes on serving.
    @Test func formBodyIsDecodedAndBadEncodingIsRefused() async throws {
        let (server, port) = try Self.server()
        let url = "http://127.0.0.1:\(port)/form"
        let (_, good) = try await Self.curl(["--data-raw", "title=%E6%B4%BB%E5%8A%A8&n=1+2", url])
        #expect(good.hasPrefix("HTTP/2 200") && good.contains("title=活动\nn=1 2"), "\(good)")
        let (_, bad) = try await Self.curl(["--data-raw", "title=%E6%ZZ", url])
        #expect(bad.hasPrefix("HTTP/2 400") && bad.contains("malformed %-escape"), "\(bad)")
        let (_, notUTF8) = try await Self.curl(["--data-raw", "title=%FF%FE", url])
        #expect(notUTF8.hasPrefix("HTTP/2 400") && notUTF8.contains("not UTF-8"), "\(notUTF8)")
        let (_, json) = try await Self.curl(["-H", "content-type: application/json", "--data-raw", "{}", url])
        #expect(json.hasPrefix("HTTP/2 400") && json.contains("not application/x-www-form-urlencoded"), "\(json)")
        #expect(try FormEncoding.decode(Array("a=1&&b&c=%41".utf8)).map { "\($0.0)=\($0.1)" } == ["a=1", "b=", "c=A"])
        #expect(throws: HTTPFormError.self) { try FormEncoding.decode(Array("a=%4".utf8)) }
        #expect(try FormEncoding.decode(Array(FormEncoding.encode("a b&c=协").utf8)).first?.0 == "a b&c=协")
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Unknown path → 404, a path that looks like traversal (sent as is) → 404, wrong method → 405 with `allow`; all
    /// from the refusal renderer.
    @Test func unknownPathAndWrongMethodAreRefused() async throws {
        let (server, port) = try Self.server()
        let base = "http://127.0.0.1:\(port)"
        let (_, missing) = try await Self.curl(["\(base)/nothing"])
        #expect(missing.hasPrefix("HTTP/2 404") && missing.contains("x-refusal: yes"), "\(missing)")
        for path in ["/../../etc/passwd", "/hello/../hello", "/%2e%2e/etc/passwd", "//hello"] {
            let (_, out) = try await Self.curl(["--path-as-is", base + path])
            #expect(out.hasPrefix("HTTP/2 404"), "\(path): \(out)")
            #expect(!out.contains("root:"), "\(path)")
        }
        let (_, wrong) = try await Self.curl(["-X", "DELETE", "\(base)/hello"])
        #expect(wrong.hasPrefix("HTTP/2 405") && wrong.contains("allow: GET"), "\(wrong)")
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Prefix routes (`/records/` for `/records/<kind>/<id>`): a longer path under the prefix reaches its handler with
    /// the whole path, the longest prefix wins, an exact route wins over any prefix, the bare prefix and paths outside
    /// it are 404, and a method the prefix does not allow is 405 with `allow`.
    @Test func prefixRoutesMatchLongerPathsAndExactRoutesWin() async {
        var routes = HTTPRoutes(refusal: { HTTPResponse(status: $0.status, headers: [("allow", $0.allowed.joined(separator: ", "))]) })
        routes.add("GET", prefix: "/records/") { HTTPResponse(status: 200, body: Array(("records " + $0.path).utf8)) }
        routes.add("GET", prefix: "/records/proposals/") { HTTPResponse(status: 200, body: Array(("proposal " + $0.path).utf8)) }
        routes.add("GET", "/records/special") { _ in HTTPResponse(status: 200, body: Array("exact".utf8)) }
        func get(_ path: String, _ method: String = "GET") async -> (Int, String) {
            let r = await routes.respond(HTTPRequest(method: method, path: path))
            return (r.status, String(decoding: r.body, as: UTF8.self))
        }
        #expect(await get("/records/activities") == (200, "records /records/activities"))
        #expect(await get("/records/proposals/TA-1") == (200, "proposal /records/proposals/TA-1"))
        #expect(await get("/records/special") == (200, "exact"))
        #expect(await get("/records/").0 == 404)
        #expect(await get("/recordsX/a").0 == 404)
        let wrong = await routes.respond(HTTPRequest(method: "POST", path: "/records/activities"))
        #expect(wrong.status == 405 && wrong.headers.contains { $0 == ("allow", "GET") })
    }

    /// A body over the limit gets 413, whether announced by content-length (before any body byte is kept) or sent
    /// without one; the connection keeps serving.
    @Test func oversizedBodyGets413() async throws {
        let (server, port) = try Self.server(maxBodyBytes: 1000)
        let dir = try TestSupport.tempDirectory()
        let big = dir.appendingPathComponent("big").path
        try Data(repeating: UInt8(ascii: "a"), count: 200_000).write(to: URL(fileURLWithPath: big))
        let (_, announced) = try await Self.curl(["--data-binary", "@\(big)", "http://127.0.0.1:\(port)/form"])
        #expect(announced.hasPrefix("HTTP/2 413"), "\(announced)")
        // Raw frames: no content-length, the body in DATA frames past the limit.
        let raw = try RawHTTP2Connection(port: port)
        raw.handshake()
        raw.send(raw.headers(1, path: "/form", method: "POST", contentType: "application/x-www-form-urlencoded")
            + RawHTTP2Connection.data(1, Array(repeating: UInt8(ascii: "b"), count: 800))
            + RawHTTP2Connection.data(1, Array(repeating: UInt8(ascii: "b"), count: 800), endStream: true))
        let headers = try await TestSupport.blocking { raw.readHeaders(stream: 1) }
        #expect(headers?.first { $0.0 == ":status" }?.1 == "413", "\(String(describing: headers))")
        let (_, after) = try await Self.curl(["http://127.0.0.1:\(port)/hello"])
        #expect(after.hasPrefix("HTTP/2 200"), "\(after)")
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Header injection: a handler that copies a query value with CR LF into a response header does not get a
    /// second header out (the field is dropped); the other headers stay.
    @Test func controlCharactersNeverReachResponseHeaders() async throws {
        let (server, port) = try Self.server()
        let (_, out) = try await Self.curl(["http://127.0.0.1:\(port)/header?v=a%0D%0Aset-cookie:+pwned=1"])
        #expect(out.hasPrefix("HTTP/2 200"), "\(out)")
        #expect(!out.lowercased().contains("set-cookie"), "\(out)")
        #expect(!out.contains("x-echo"), "\(out)")
        #expect(out.contains("x-fixed: kept"), "\(out)")
        let fields = responseHeaderFields(HTTPResponse(status: 200, headers: [("X-Upper", "v"), ("ok", "a\u{0}b"), ("connection", "close"),
                                                                              ("content-length", "9"), ("fine", "yes")]))
        #expect(fields.map(\.0) == [":status", "fine", "content-length"])
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// Headers past the announced SETTINGS_MAX_HEADER_LIST_SIZE: the stream is refused (far past it, the connection
    /// is closed), no handler runs, and the server goes on serving other clients.
    @Test func hugeHeadersAreRefused() async throws {
        let (server, port) = try Self.server { $0.maxHeaderListBytes = 2048 }
        let (_, over) = try await Self.curl(["-H", "x-big: " + String(repeating: "x", count: 3000), "http://127.0.0.1:\(port)/hello"])
        #expect(!over.hasPrefix("HTTP/2 200"), "\(over)")
        let raw = try RawHTTP2Connection(port: port)
        raw.handshake()
        raw.send(raw.headers(1, path: "/hello", endStream: true, extra: [("x-h", String(repeating: "y", count: 9000))],
                             method: "GET", contentType: "text/plain"))
        let closed = try await TestSupport.blocking { raw.waitForClose() }
        #expect(closed)
        #expect(server.metrics.protocolErrors >= 1)
        let (_, after) = try await Self.curl(["http://127.0.0.1:\(port)/hello"])
        #expect(after.hasPrefix("HTTP/2 200"), "\(after)")
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// gRPC and HTTP share one server and one connection core: an Echo call still works beside the routes, and a
    /// gRPC-only server (no routes) still answers non-gRPC requests with 415 as before.
    @Test func grpcStillServedBesideRoutes() async throws {
        let (server, port) = try Self.server()
        let client = try Client(target: .tcp(host: "127.0.0.1", port: port))
        let r = try await TestSupport.echo(client, text: "路由")
        #expect(r.text == "路由")
        await client.close()
        await server.shutdown(gracePeriodSeconds: 1)
        let (plain, endpoint) = try TestSupport.diagnosticsServer()
        let (_, out) = try await Self.curl(["http://127.0.0.1:\(TestSupport.port(endpoint))/hello"])
        #expect(out.hasPrefix("HTTP/2 405") || out.hasPrefix("HTTP/2 415"), "\(out)")
        await plain.shutdown(gracePeriodSeconds: 1)
    }

    /// Request bodies count in the connection's buffer budget like gRPC messages: 50 streams each sending up to a
    /// 4 MiB form body without ending it make the server hold no more than the budget plus the flow-control window
    /// (the same bound as partial gRPC messages), and other clients are served meanwhile.
    @Test func partialBodiesStayWithinTheConnectionBudget() async throws {
        let (server, port) = try Self.server(maxBodyBytes: 4 * 1024 * 1024)
        let raw = try RawHTTP2Connection(port: port)
        let sent = try await TestSupport.blocking {
            ServerBudgetTests.floodPartialMessages(raw, streams: 50, claimed: 4 * 1024 * 1024, path: "/form",
                                                   contentType: "application/x-www-form-urlencoded")
        }
        let budget = ServerConfiguration().maxBufferedBytesPerConnection
        #expect(sent >= budget, "the bodies were taken up to the budget (not refused early): \(sent) bytes")
        #expect(sent < budget + 4 * 1024 * 1024 + 1024 * 1024, "the client could send \(sent) bytes of partial bodies")
        #expect(server.metrics.bufferedBytesHighWater <= 2 * (budget + 5 * 1024 * 1024),
                "one connection held \(server.metrics.bufferedBytesHighWater) bytes")
        let (_, other) = try await Self.curl(["http://127.0.0.1:\(port)/hello"])
        #expect(other.hasPrefix("HTTP/2 200"), "\(other)")
        raw.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }

    /// A request whose body stops coming (slowloris) is reset after the silent-stream timeout, without an HTTP
    /// answer and without a gRPC status on it, and the same connection then serves a new request.
    @Test func silentRequestBodyIsReset() async throws {
        let (server, port) = try Self.server { $0.silentStreamTimeoutSeconds = 0.3 }
        let raw = try RawHTTP2Connection(port: port)
        raw.handshake()
        raw.send(raw.headers(1, path: "/form", method: "POST", contentType: "application/x-www-form-urlencoded")
            + RawHTTP2Connection.data(1, Array("a=1&b=".utf8)))
        let (reset, headersOnStream1) = try await TestSupport.blocking {
            var headers = false
            while let f = raw.readFrame() {
                if f.type == 1 && f.stream == 1 { headers = true }
                if f.type == 3 && f.stream == 1 { return (true, headers) }
            }
            return (false, headers)
        }
        #expect(reset, "the silent stream was reset")
        #expect(!headersOnStream1, "no response (and no grpc-status) on the reset stream")
        raw.send(raw.headers(3, path: "/hello", endStream: true, method: "GET", contentType: "text/plain"))
        let next = try await TestSupport.blocking { raw.readHeaders(stream: 3) }
        #expect(next?.first { $0.0 == ":status" }?.1 == "200", "\(String(describing: next))")
        raw.close()
        await server.shutdown(gracePeriodSeconds: 1)
    }
}
