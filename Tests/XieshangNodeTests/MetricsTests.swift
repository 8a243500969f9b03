import Foundation
import Testing
@testable import XieshangNode
import XieshangStore
import XieshangTransport
import XieshangWeb
import XieshangWire

/// `/metrics` without processes (issue 20 item 5): the exposition text, the strict parser in the Python test tools,
/// who may read the route, and `metrics_token` in node.json.
@Suite struct MetricsTests {
    static let token = "0123456789abcdef0123456789abcdef-scraper"

    /// Runs the strict parser on `text`: its exit status and output (JSON, or the violation on standard error).
    static func parse(_ text: String) async throws -> ProcessRun {
        let file = NSTemporaryDirectory() + "/metrics-\(UUID().uuidString).txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try await ProcessRun.run(try ExportCommandTests.python(),
                                        [ExportCommandTests.packageRoot + "/Tests/XieshangNodeTests/python/prometheus_text.py", file])
    }

    /// The samples of a parse: (name, labels, value).
    static func samples(_ run: ProcessRun) throws -> [(String, [String: String], Double)] {
        guard run.status == 0, let o = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any],
              let list = o["samples"] as? [[Any]] else { throw LocalFederation.Failure(description: "the parser refused the text: \(run.output)") }
        return list.compactMap { s in
            guard s.count == 3, let n = s[0] as? String, let l = s[1] as? [String: String], let v = s[2] as? String else { return nil }
            return (n, l, v == "+Inf" ? .infinity : Double(v) ?? .nan)
        }
    }

    static func snapshot(peer: String = "cn.gz.tongren") -> MetricsText.Snapshot {
        var latency = CommitLatency()
        for ns: UInt64 in [400_000, 3_000_000, 7_000_000_000] { latency.record(nanoseconds: ns) }
        var counters = NodeMetrics.Counters()
        counters.refusals[NodeMetrics.Pair(first: "event", second: "bad_signature")] = 2
        counters.alerts["tls_refused"] = 1
        counters.tlsRefusals[NodeMetrics.Pair(first: "peer", second: "pin_mismatch")] = 1
        return MetricsText.Snapshot(
            node: "cn.gz.tongren.wanshan", tier: "county", version: "xieshang test \"quoted\" \\ back", links: [
                MetricsText.Link(peer: peer, role: "parent", up: true, lag: 3, queued: 1, refused: 0),
                MetricsText.Link(peer: "cn.gz.tongren.wanshan.aozhai", role: "child", up: false, lag: 0, queued: 0, refused: 4),
            ], queuedCommands: 2, queuedRefused: 0, fenced: false, eventsStored: 120, ownSeq: 17, commits: 33,
            commitLatency: latency, recordFolds: 1, counters: counters, residentBytes: 21_000_000, uptimeSeconds: 5,
            peerTransport: nil)
    }

    /// The rendered text passes every rule of the format (the strict parser), label values holding `"`, `\` and a line
    /// break come back as they were, the histogram is cumulative with its +Inf bucket equal to its count, and every
    /// TLS refusal series is there at 0 before anything was refused.
    @Test func renderedTextParsesStrictly() async throws {
        let text = MetricsText.render(Self.snapshot(peer: "odd\"peer\\with\nbreak"))
        let samples = try Self.samples(try await Self.parse(text))
        func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
            samples.first { s in s.0 == name && labels.allSatisfy { k, v in s.1[k] == v } }?.2
        }
        #expect(value("xieshang_build_info", ["version": "xieshang test \"quoted\" \\ back"]) == 1)
        #expect(value("xieshang_link_up", ["peer": "odd\"peer\\with\nbreak", "role": "parent"]) == 1)
        #expect(value("xieshang_link_lag_events", ["peer": "odd\"peer\\with\nbreak"]) == 3)
        #expect(value("xieshang_link_refusals_total", ["peer": "cn.gz.tongren.wanshan.aozhai"]) == 4)
        #expect(value("xieshang_events_stored") == 120 && value("xieshang_queued_commands") == 2 && value("xieshang_store_commits_total") == 33)
        #expect(value("xieshang_record_folds_total") == 1)
        #expect(value("xieshang_commit_duration_seconds_bucket", ["le": "0.001"]) == 1)
        #expect(value("xieshang_commit_duration_seconds_bucket", ["le": "0.005"]) == 2)
        #expect(value("xieshang_commit_duration_seconds_bucket", ["le": "5"]) == 2)
        #expect(value("xieshang_commit_duration_seconds_bucket", ["le": "+Inf"]) == 3 && value("xieshang_commit_duration_seconds_count") == 3)
        #expect(value("xieshang_refusals_total", ["kind": "event", "code": "bad_signature"]) == 2)
        #expect(value("xieshang_alerts_total", ["code": "tls_refused"]) == 1)
        #expect(value("xieshang_tls_refusals_total", ["listener": "peer", "reason": "pin_mismatch"]) == 1)
        #expect(value("xieshang_tls_refusals_total", ["listener": "web", "reason": "handshake_failed"]) == 0)
        #expect(value("process_resident_memory_bytes") == 21_000_000)
    }

    /// The parser is strict: each of these breaks one rule of the format and is refused naming it (so a test that
    /// parses `/metrics` can fail).
    @Test func strictParserRefusesMalformedText() async throws {
        let cases: [(String, String)] = [
            ("a 1\nb 1\na{x=\"1\"} 2\n", "not one group"),
            ("# TYPE h histogram\nh_bucket{le=\"1\"} 3\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n", "not cumulative"),
            ("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "+Inf"),
            ("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n", "differs"),
            ("a{x=\"\\t\"} 1\n", "invalid escape"),
            ("a{x=\"1\",x=\"2\"} 1\n", "twice"),
            ("a 1\na 2\n", "appears twice"),
            ("# TYPE c counter\nc -1\n", "counter c"),
            ("a 1", "line feed"),
            ("a one\n", "not a float"),
            ("# TYPE a gauge\n# TYPE a gauge\na 1\n", "second TYPE"),
            ("# TYPE a meter\na 1\n", "TYPE of a"),
            ("a{__x=\"1\"} 1\n", "reserved"),
            ("9a 1\n", "metric name"),
        ]
        for (text, reason) in cases {
            let r = try await Self.parse(text)
            #expect(r.status == 1 && r.output.contains(reason), "\(text.debugDescription): \(r.status) \(r.output)")
        }
    }

    /// A web data source whose metrics are a fixed text.
    struct FixedMetrics: WebData {
        func status() async -> StatusResponse? { StatusResponse() }
        func dashboard(period: String, body: String?) async -> Result<Dashboard, WebDataError> { .failure(.unavailable("none")) }
        func records(_ kind: RecordKind) async -> Result<RecordListing, WebDataError> { .failure(.unavailable("none")) }
        func history(_ kind: RecordKind, id: String) async -> Result<[RecordEvent], WebDataError> { .success([]) }
        func metrics() async -> String? { "xieshang_up 1\n" }
    }

    /// `/metrics` answers the configured bearer token (200, the format's content type); without credentials, with a
    /// wrong token, another scheme, a token on a node that has none, or a token one character short it answers 401
    /// with `WWW-Authenticate: Bearer` and never shows the node's metrics or its token.
    @Test func metricsRouteRefusesWithoutTheToken() async {
        let routes = WebSite.routes(FixedMetrics(), gate: OpenGate(), metricsToken: Self.token)
        func get(_ headers: [(String, String)], _ r: HTTPRoutes = routes) async -> HTTPResponse {
            await r.respond(HTTPRequest(method: "GET", path: "/metrics", headers: headers))
        }
        let ok = await get([("authorization", "Bearer " + Self.token)])
        #expect(ok.status == 200 && String(decoding: ok.body, as: UTF8.self) == "xieshang_up 1\n")
        #expect(ok.headers.contains { $0 == ("content-type", "text/plain; version=0.0.4; charset=utf-8") })
        #expect(await get([("authorization", "bearer " + Self.token)]).status == 200, "the scheme is case-insensitive")
        let refused: [(String, [(String, String)], HTTPRoutes)] = [
            ("no credentials", [], routes),
            ("a wrong token", [("authorization", "Bearer " + Self.token.dropLast() + "x")], routes),
            ("a token one character short", [("authorization", "Bearer " + Self.token.dropLast())], routes),
            ("basic auth", [("authorization", "Basic " + Base64.encode(Array("it:\(Self.token)".utf8)))], routes),
            ("an empty bearer", [("authorization", "Bearer ")], routes),
            ("a token on a node without one", [("authorization", "Bearer " + Self.token)], WebSite.routes(FixedMetrics(), gate: OpenGate())),
        ]
        for (what, headers, r) in refused {
            let answer = await get(headers, r)
            let body = String(decoding: answer.body, as: UTF8.self)
            #expect(answer.status == 401 && answer.headers.contains { $0.0 == "www-authenticate" && $0.1.hasPrefix("Bearer") }, "\(what): \(answer.status)")
            #expect(!body.contains("xieshang_up") && !body.contains(Self.token), "\(what): \(body)")
        }
        #expect(await routes.respond(HTTPRequest(method: "POST", path: "/metrics", headers: [("authorization", "Bearer " + Self.token)])).status == 405)
    }

    static func config(_ overrides: String) -> String {
        """
        {"node_id": "cn.gz.tongren.wanshan", "name": "万山区政协", "tier": "county", "data_dir": "data",
         "listen": "127.0.0.1:7101"\(overrides)}
        """
    }

    /// `metrics_token` is read and written back; one too short, with a character outside the token set, or without
    /// `web_listen` is refused naming the field, and the error never shows the token.
    @Test func metricsTokenIsCheckedAndNeverEchoed() throws {
        let web = #", "web_listen": "127.0.0.1:7443""#
        let c = try NodeConfig.parse(Self.config(web + #", "metrics_token": "\#(Self.token)""#), file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.metricsToken == Self.token)
        #expect(try NodeConfig.parse(c.jsonText(), file: "node.json", baseDirectory: "/srv/xs").metricsToken == Self.token)
        #expect(try NodeConfig.parse(Self.config(web), file: "node.json", baseDirectory: "/srv/xs").metricsToken == nil)
        let bad = [("short-secret-token", "18 bytes"), (String(repeating: "s", count: 40) + " secret", "not allowed"),
                   (String(repeating: "s", count: 40) + "=", "not allowed")]
        for (token, says) in bad {
            let error = #expect(throws: NodeError.self) {
                try NodeConfig.parse(Self.config(web + #", "metrics_token": "\#(token)""#), file: "node.json", baseDirectory: "/srv/xs")
            }
            #expect(error?.message.contains("metrics_token") == true && error?.message.contains(says) == true, "\(String(describing: error))")
            #expect(error?.message.contains(token) == false, "the token is not echoed: \(String(describing: error))")
        }
        let noWeb = #expect(throws: NodeError.self) {
            try NodeConfig.parse(Self.config(#", "metrics_token": "\#(Self.token)""#), file: "node.json", baseDirectory: "/srv/xs")
        }
        #expect(noWeb?.message.contains("web_listen") == true && noWeb?.message.contains(Self.token) == false, "\(String(describing: noWeb))")
    }
}

/// The node's log lines (issue 20 item 5): logfmt with level, node, peer, code and message, one line whatever the
/// message holds.
@Suite struct LogLineTests {
    /// Reads a logfmt line back: key → value, quoted values unescaped.
    static func fields(_ line: String) -> [String: String]? {
        var out: [String: String] = [:]
        let chars = Array(line.dropLast(line.hasSuffix("\n") ? 1 : 0))
        var i = 0
        while i < chars.count {
            guard let eq = chars[i...].firstIndex(of: "=") else { return nil }
            let key = String(chars[i..<eq])
            i = eq + 1
            var value = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    guard chars[i] == "\\", i + 1 < chars.count else { value.append(chars[i]); i += 1; continue }
                    switch chars[i + 1] {
                    case "n": value.append("\n"); i += 2
                    case "r": value.append("\r"); i += 2
                    case "t": value.append("\t"); i += 2
                    case "u":
                        // \u{HEX}
                        guard let close = chars[i...].firstIndex(of: "}"), let v = UInt32(String(chars[(i + 3)..<close]), radix: 16),
                              let scalar = Unicode.Scalar(v) else { return nil }
                        value.unicodeScalars.append(scalar)
                        i = close + 1
                    default: value.append(chars[i + 1]); i += 2
                    }
                }
                guard i < chars.count else { return nil }
                i += 1
            } else {
                while i < chars.count, chars[i] != " " { value.append(chars[i]); i += 1 }
            }
            out[key] = value
            if i < chars.count { guard chars[i] == " " else { return nil }; i += 1 }
        }
        return out
    }

    /// The fields come in order with the level, node, peer and code; a message from a peer holding a line break, a
    /// quote, a backslash, `key=value` text and a terminal escape stays one line, cannot add a field, and reads back
    /// as it was (the control characters as their escapes).
    @Test func logfmtLineHasTheFieldsAndCannotBeForged() throws {
        let forged = "refused \"x\" \\ path\nts=0 level=error node=city code=forged msg=owned\u{1b}[2J"
        let line = NodeLogger.line(timeMs: 1_764_662_401_250, level: .warning, node: "county1", peer: "county1-town1",
                                   code: "event_refused", message: forged)
        #expect(line.hasPrefix("ts=2025-12-02T08:00:01.250Z level=warning node=county1 peer=county1-town1 code=event_refused msg=\""), "\(line)")
        #expect(line.filter { $0 == "\n" }.count == 1 && line.hasSuffix("\n") && !line.contains("\u{1b}"))
        let f = try #require(Self.fields(line), "\(line)")
        #expect(Set(f.keys) == ["ts", "level", "node", "peer", "code", "msg"], "\(f)")
        #expect(f["msg"] == forged, "the message reads back as it was: \(f["msg"]?.debugDescription ?? "")")
        let plain = NodeLogger.line(timeMs: 0, level: .info, node: "city", peer: nil, code: "link_up", message: "up")
        #expect(plain == "ts=1970-01-01T00:00:00.000Z level=info node=city code=link_up msg=up\n")
        #expect(NodeLogger.line(timeMs: 0, level: .info, node: "city", peer: nil, code: "node", message: "").hasSuffix("msg=\"\"\n"))
    }
}
