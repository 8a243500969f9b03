import Foundation
import Testing
import XieshangTransport

/// `/metrics` on real node processes (issue 20 item 5, acceptance): a city, a county serving its web interface with a
/// `metrics_token`, and a township, over TLS. The county's metrics parse under the strict rules of the Prometheus text
/// format (Tests/XieshangNodeTests/python/prometheus_text.py) and their counters move with traffic: records stored and
/// committed, a TLS connection without a certificate and one with a certificate that claims the township with another
/// key, each counted; who may read them.
@Suite("metrics on node processes", .serialized)
struct MetricsProcessTests {
    static let county = "county1", town = "county1-town1"
    static let token = "scrape-" + String(repeating: "0123456789abcdef", count: 3)

    typealias Samples = [(String, [String: String], Double)]

    /// The value of the series `name` whose labels include `labels`.
    static func value(_ samples: Samples, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { s in s.0 == name && labels.allSatisfy { k, v in s.1[k] == v } }?.2
    }

    /// `GET /metrics` at `base` with `headers` (and a cookie jar): (HTTP status, headers and body).
    static func get(base: String, certificate: String, _ headers: [String], jar: String? = nil) async throws -> (Int, String) {
        var args = ["-sS", "-i", "--max-time", "15", "--cacert", certificate, "-w", "\n%{http_code}"]
        for h in headers { args += ["-H", h] }
        if let jar { args += ["-b", jar] }
        let r = try await ProcessRun.run("/usr/bin/curl", args + [base + "/metrics"])
        guard r.status == 0, let cut = r.output.lastIndex(of: "\n") else { throw LocalFederation.Failure(description: "curl /metrics: \(r.output)") }
        return (Int(r.output[r.output.index(after: cut)...]) ?? 0, String(r.output[..<cut]))
    }

    /// The samples of `/metrics` at `base`, read with the scrape token, parsed strictly.
    static func scrape(base: String, certificate: String) async throws -> Samples {
        let (status, answer) = try await get(base: base, certificate: certificate, ["authorization: Bearer \(token)"])
        guard status == 200, let split = answer.range(of: "\r\n\r\n") else { throw LocalFederation.Failure(description: "/metrics: \(status) \(answer.prefix(500))") }
        #expect(answer[..<split.lowerBound].lowercased().contains("content-type: text/plain; version=0.0.4; charset=utf-8"))
        return try MetricsTests.samples(try await MetricsTests.parse(String(answer[split.upperBound...])))
    }

    /// The records are folded from the log once at start, before anyone asks (`xieshang_record_folds_total`): a node
    /// restarted with records counts that fold with no page opened, and its first pages after the restart — the
    /// dashboard, the activity list — fold nothing more. (Before, the first page folded them while its reader waited:
    /// half a second for a city with a year of records, Ops/bench/README.md.)
    @Test func theRecordsAreFoldedAtStartNotByTheFirstPage() async throws {
        // The city alone (its county is never started): nothing arrives to be stored while the pages read.
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 0)
        defer { fed.stopAll() }
        let port = try fed.serveWeb("city", extra: ["metrics_token": Self.token])
        let base = "https://127.0.0.1:\(port)", certificate = fed.dir("city") + "/web.crt"
        try await fed.start("city")
        for _ in 0..<3 { _ = try await fed.submit("city", amount: 2) }
        let folds = { (samples: Samples) in Self.value(samples, "xieshang_record_folds_total") ?? -1 }
        #expect(folds(try await Self.scrape(base: base, certificate: certificate)) == 0, "records applied in step fold nothing again")
        let office = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member("city").config.adminSocket, base: base,
                                                certificate: certificate, directory: fed.dir("city"), username: "office1", role: "office")

        #expect(fed.stop("city") == 0)
        try await fed.start("city")
        var atStart = -1.0
        try await waitUntil("the restarted city folds its records with no page opened", seconds: 30) {
            atStart = folds(try await Self.scrape(base: base, certificate: certificate))
            return atStart >= 1
        }
        for path in ["/figures", "/records/activities"] {
            let page = try await office.send(path)
            #expect(page.status == 200, "\(path): \(page.status) \(page.body.prefix(300))")
        }
        let activities = try await office.send("/records/activities")
        #expect(activities.body.components(separatedBy: "调研").count > 3, "the three activities are listed from the fold")
        #expect(folds(try await Self.scrape(base: base, certificate: certificate)) == atStart, "the pages used the fold made at start")
    }

    @Test func metricsParseAndMoveWithTraffic() async throws {
        let fed = try LocalFederation(counties: 1, townshipsPerCounty: 1, tls: true)
        defer { fed.stopAll() }
        let county = Self.county, town = Self.town
        let port = try fed.serveWeb(county, extra: ["metrics_token": Self.token])
        let dir = fed.dir(county)
        try await fed.startAll()
        let base = "https://127.0.0.1:\(port)", webCertificate = dir + "/web.crt"

        func get(_ headers: [String], jar: String? = nil) async throws -> (Int, String) {
            try await Self.get(base: base, certificate: webCertificate, headers, jar: jar)
        }
        func scrape() async throws -> Samples { try await Self.scrape(base: base, certificate: webCertificate) }

        let first = try await scrape()
        #expect(Self.value(first, "xieshang_build_info", ["node": county, "tier": "county"]) == 1)
        #expect(Self.value(first, "xieshang_link_up", ["peer": "city", "role": "parent"]) == 1)
        #expect(Self.value(first, "xieshang_link_up", ["peer": town, "role": "child"]) == 1)
        #expect((Self.value(first, "process_resident_memory_bytes") ?? 0) > 1_000_000)
        #expect(Self.value(first, "xieshang_queued_commands") == 0 && Self.value(first, "xieshang_fenced") == 0)
        let stored0 = try #require(Self.value(first, "xieshang_events_stored"))
        let commits0 = try #require(Self.value(first, "xieshang_commit_duration_seconds_count"))
        let storeCommits0 = try #require(Self.value(first, "xieshang_store_commits_total"))
        let originated0 = try #require(Self.value(first, "xieshang_events_originated_total"))
        let ownSeq0 = try #require(Self.value(first, "xieshang_own_seq"))

        // Traffic: three records at the county, five at the township that replicate to it.
        for _ in 0..<3 { _ = try await fed.submit(county, amount: 1) }
        for _ in 0..<5 { _ = try await fed.submit(town, amount: 1) }
        var now = first
        try await waitUntil("the county's metrics count the 8 new events", seconds: 60) {
            now = try await scrape()
            return (Self.value(now, "xieshang_events_stored") ?? 0) >= stored0 + 8
        }
        let originated = (Self.value(now, "xieshang_events_originated_total") ?? 0) - originated0
        #expect(originated >= 3 && (Self.value(now, "xieshang_own_seq") ?? 0) - ownSeq0 >= 3,
                "the county's three records (and its rollups) originated, its own chain grew: \(originated)")
        #expect((Self.value(now, "xieshang_commit_duration_seconds_count") ?? 0) >= commits0 + 3, "each record committed")
        #expect((Self.value(now, "xieshang_store_commits_total") ?? 0) >= storeCommits0 + 3)
        #expect((Self.value(now, "xieshang_commit_duration_seconds_sum") ?? 0) > 0)

        // A TLS client without a certificate on the county's peer port: refused in the handshake, counted.
        let peerPort = fed.member(county).config.listen
        let tls0 = Self.value(now, "xieshang_tls_refusals_total", ["listener": "peer", "reason": "handshake_failed"]) ?? -1
        #expect(tls0 == 0, "every TLS refusal series is there from the start, at 0 before any refusal")
        _ = try await ProcessRun.run("/usr/bin/curl", ["-sk", "--max-time", "5", "https://\(peerPort)/"])
        try await waitUntil("the county counts the refused TLS handshake", seconds: 30) {
            now = try await scrape()
            return (Self.value(now, "xieshang_tls_refusals_total", ["listener": "peer", "reason": "handshake_failed"]) ?? 0) >= tls0 + 1
        }
        #expect(Self.value(now, "xieshang_tls_refusals_total", ["listener": "web", "reason": "handshake_failed"]) == 0,
                "the peer port's refusal is not counted as the web's")

        // A certificate claiming to be the township with another Ed25519 key: a pin mismatch, an alert, the link's refusal.
        let impostor = try await ProcessRun.run("/bin/sh", ["-c",
            "openssl req -x509 -newkey ed25519 -nodes -subj /CN=\(town) -days 1 -keyout \"$1/imp.key\" -out \"$1/imp.crt\" 2>&1", "sh", dir])
        #expect(impostor.status == 0, "\(impostor.output)")
        _ = try await ProcessRun.run("/usr/bin/curl", ["-sk", "--max-time", "5", "--cert", dir + "/imp.crt", "--key", dir + "/imp.key", "https://\(peerPort)/"])
        try await waitUntil("the county counts the pin mismatch and its alert", seconds: 30) {
            now = try await scrape()
            return (Self.value(now, "xieshang_tls_refusals_total", ["listener": "peer", "reason": "pin_mismatch"]) ?? 0) >= 1
                && (Self.value(now, "xieshang_alerts_total", ["code": "tls_refused"]) ?? 0) >= 1
                && (Self.value(now, "xieshang_link_refusals_total", ["peer": town]) ?? 0) >= 1
        }
        // The log line of that refusal: logfmt, a warning with its code and the township as the peer.
        let log = (try? String(contentsOfFile: dir + "/node.log", encoding: .utf8)) ?? ""
        let lines = log.split(separator: "\n").compactMap { LogLineTests.fields(String($0)) }
        #expect(lines.contains { $0["level"] == "warning" && $0["code"] == "tls_refused" && $0["peer"] == town && $0["node"] == county },
                "\(log.suffix(2000))")
        #expect(lines.count == log.split(separator: "\n").count, "every line of the log is logfmt")

        // Who may read: nobody without credentials, a wrong token, a clerk's session; the office's session may.
        let (anonymous, anonymousBody) = try await get([])
        #expect(anonymous == 401 && anonymousBody.lowercased().contains("www-authenticate: bearer") && !anonymousBody.contains("xieshang_"))
        let (wrong, wrongBody) = try await get(["authorization: Bearer " + Self.token.dropLast() + "1"])
        #expect(wrong == 401 && !wrongBody.contains("xieshang_") && !wrongBody.contains(Self.token))
        let clerk = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(county).config.adminSocket, base: base,
                                               certificate: webCertificate, directory: dir, username: "clerk1", role: "clerk")
        let (clerkStatus, clerkBody) = try await get([], jar: clerk.jar)
        #expect(clerkStatus == 403 && !clerkBody.contains("xieshang_"), "\(clerkStatus)")
        let office = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.member(county).config.adminSocket, base: base,
                                                certificate: webCertificate, directory: dir, username: "office1", role: "office")
        let (officeStatus, officeBody) = try await get([], jar: office.jar)
        #expect(officeStatus == 200 && officeBody.contains("xieshang_events_stored "), "\(officeStatus)")
    }
}
