import Foundation
import Synchronization
import XieshangTransport

/// `xieshang-bench web --dir DIR --xieshang NODE --cli XIESHANG [--rate 2] [--requests 200] [--h2load-requests 5000]
/// [--web-port P]` (issue 17's benchmark): the figures benchmark's topology and year of records (``FiguresBench``'s
/// feed), with the web interface (`web_listen`, a self-signed ECDSA P-256 certificate) on the city and on the first
/// township. After the feed an office user is made with `xieshang user add` (its one-time password read from the
/// answer), signs in with curl and changes the password (`POST /password`); with that session's cookie:
/// - (a) the city's dashboard `/figures`: server time as curl's time to first byte (`%{time_starttransfer}`, request
///   sent → first byte of the answer) over one kept-alive HTTP/2 connection, the first request (TLS handshake) dropped,
///   and beside it the node's own time from its `Server-Timing` header (routing to the page rendered); the requests
///   after the first find the dashboard kept (nothing stored meanwhile: ``DashboardCache`` in the node);
/// - (a') the dashboard built: the first view of the picker's other periods, of each month and of each county's page for
///   the year and its halves, one each, after a warm-up request that pays the TLS handshake (not counted); the five
///   slowest by path, and the CPU of the city and of the other nodes over them (`XS_BENCH_PERF=FILE`: a `perf record -g`
///   of the city over them);
/// - (c) the township's VmRSS idle with the web on, before any request, after the feed (before any sign-in), and 10 s
///   after a sign-in and one page view;
/// - (b) then `h2load` on the list page `/records/activities` (4 clients, 8 streams each) at the city (the activities
///   the city itself holds) and at the township (its year of activities): requests per second, status codes;
/// - (b') `h2load` on the city's IT page `/it` (the node's status, which each record page read until the web asked for
///   the body's name only): requests per second;
/// - (a'') last, the dashboard built with the city alone: the other nodes paused, the city restarted, the year and the
///   views of (a') in the other order (``WebBench/builtAlone(cityBase:paths:)``).
func runWebBench(_ args: [String]) -> Int32 {
    var options: [String: String] = [:]
    var i = 0
    while i + 1 < args.count { options[args[i]] = args[i + 1]; i += 2 }
    guard let dir = options["--dir"], let bin = options["--xieshang"], let cli = options["--cli"] else {
        say("usage: xieshang-bench web --dir DIR --xieshang NODE --cli XIESHANG [--rate 2] [--requests 200] [--h2load-requests 5000] [--web-port P]")
        return 2
    }
    let rate = Double(options["--rate"] ?? "2") ?? 2
    let requests = Int(options["--requests"] ?? "200") ?? 200
    let h2loadRequests = Int(options["--h2load-requests"] ?? "5000") ?? 5000
    let port = Int(options["--web-port"] ?? "") ?? 18443
    let done = DispatchSemaphore(value: 0)
    let result = Mutex<Int32>(0)
    Task {
        do {
            let figures = FiguresBench(nodes: try FederationBench(dir: dir, bin: bin), cli: cli)
            try await WebBench(figures: figures).run(rate: rate, requests: requests, h2loadRequests: h2loadRequests, port: port)
        } catch {
            say("web bench failed: \(error)")
            result.withLock { $0 = 1 }
        }
        done.signal()
    }
    done.wait()
    return result.withLock { $0 }
}

/// The web benchmark over the figures benchmark's nodes and feed.
final class WebBench: Sendable {
    let figures: FiguresBench
    var nodes: FederationBench { figures.nodes }
    static let password = "Bench-Pass-2026!"

    init(figures: FiguresBench) { self.figures = figures }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Turns the web on at `id`: a self-signed certificate for localhost and 127.0.0.1 in its directory, and
    /// `web_listen`, `web_cert`, `web_key` in its node.json. Answers the base URL.
    func enableWeb(_ id: String, port: Int) throws -> String {
        let home = "\(nodes.dir)/\(id)"
        let generated = try WebCertificate.selfSigned(names: [.dns("localhost"), .ip("127.0.0.1")])
        try generated.certificatePEM.write(toFile: home + "/web.crt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: home + "/web.key", contents: Data(generated.keyPEM.utf8), attributes: [.posixPermissions: 0o600])
        let configPath = home + "/node.json"
        guard var config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: configPath))) as? [String: Any] else {
            throw Failure(description: "\(configPath) is not a JSON object")
        }
        config["web_listen"] = "127.0.0.1:\(port)"
        config["web_cert"] = home + "/web.crt"
        config["web_key"] = home + "/web.key"
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: configPath))
        return "https://127.0.0.1:\(port)"
    }

    /// curl over HTTP/2 trusting `id`'s certificate; stdout, or a failure with the arguments.
    func curl(_ id: String, _ args: [String]) throws -> String {
        let base = ["-sS", "--http2", "--max-time", "30", "--cacert", "\(nodes.dir)/\(id)/web.crt"]
        guard let out = runProgram("/usr/bin/curl", base + args) else { throw Failure(description: "curl \(args.joined(separator: " ")) failed") }
        return out
    }

    /// Makes an office user at `id` with `xieshang user add` (reading its one-time password), signs in, changes the
    /// password through `POST /password`; answers the session's `cookie` header value.
    func signIn(_ id: String, base: String, username: String = "bench.office") throws -> String {
        guard let added = runProgram(figures.cli, ["user", "add", username, "--name", "办公室", "--role", "office", "--json",
                                                   "--node", "\(nodes.dir)/\(id)/admin.sock"]),
              let issued = try? JSONSerialization.jsonObject(with: Data(added.utf8)) as? [String: Any],
              let initial = issued["password"] as? String else {
            throw Failure(description: "xieshang user add \(username) at \(id) failed or printed no password")
        }
        let jar = "\(nodes.dir)/\(id)/bench-cookies.txt"
        let origin = ["-H", "origin: \(base)", "-b", jar, "-c", jar]
        func form(_ pairs: [(String, String)]) -> String { pairs.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&") }
        let login = try curl(id, origin + ["-o", "/dev/null", "-w", "%{http_code}", "--data-raw", form([("username", username), ("password", initial)]), base + "/login"])
        guard login == "303" else { throw Failure(description: "login of \(username) at \(id): HTTP \(login)") }
        let page = try curl(id, ["-b", jar, "-c", jar, base + "/password"])
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { throw Failure(description: "no CSRF token on /password at \(id)") }
        let token = String(page[range.upperBound...].prefix { $0 != "\"" })
        let changed = try curl(id, origin + ["-o", "/dev/null", "-w", "%{http_code}", "--data-raw",
                                             form([("csrf", token), ("current", initial), ("new", WebBench.password), ("confirm", WebBench.password)]), base + "/password"])
        guard changed == "303" else { throw Failure(description: "password change of \(username) at \(id): HTTP \(changed)") }
        // The jar in Netscape format (HttpOnly cookies prefixed `#HttpOnly_`): the session cookie's name and value.
        let jarText = try String(contentsOfFile: jar, encoding: .utf8)
        for line in jarText.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            if f.count == 7, f[5].hasPrefix("__Host-") { return "\(f[5])=\(f[6])" }
        }
        throw Failure(description: "no __Host- session cookie in \(jar) after signing in at \(id)")
    }

    /// p50/p99/max of the `dur` of `Server-Timing` values (`dashboard;desc="built";dur=12.3`, in ms), with how many
    /// were built and kept; the values without one are counted apart.
    static func serverTimes(_ values: [String]) -> String {
        var times: [Double] = [], built = 0, kept = 0
        for v in values {
            guard let dur = v.split(separator: ";").first(where: { $0.hasPrefix("dur=") }), let ms = Double(dur.dropFirst(4)) else { continue }
            times.append(ms / 1000)
            if v.contains("desc=\"built\"") { built += 1 } else if v.contains("desc=\"kept\"") { kept += 1 }
        }
        return FiguresBench.ms(times) + " (\(built) built, \(kept) kept" + (times.count < values.count ? ", \(values.count - times.count) without the header)" : ")")
    }

    /// `perf record -g` of the city into `file` for 8 s, or nil without perf. Through python3, to unblock the signals
    /// the bench's threads block and perf inherits (blocked SIGCHLD left perf spinning after its `sleep` ended).
    func recordCity(into file: String) -> Process? {
        guard let pid = nodes.processes.withLock({ $0["city"]?.processIdentifier }), let perf = which("perf") else { return nil }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])",
                       perf, "record", "-F", "2000", "-g", "-o", file, "-p", String(pid), "--", "sleep", "8"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        return (try? p.run()) == nil ? nil : p
    }

    /// VmRSS of node `id` in MiB (/proc/PID/status).
    func rssMiB(_ id: String) -> Double? {
        guard let pid = nodes.processes.withLock({ $0[id]?.processIdentifier }),
              let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kB = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kB / 1024
    }

    func run(rate: Double, requests: Int, h2loadRequests: Int, port: Int) async throws {
        defer { nodes.stopAll() }
        guard let town = nodes.townships.first else { throw Failure(description: "the topology has no township") }
        let cityBase = try enableWeb("city", port: port), townBase = try enableWeb(town, port: port + 1)
        try await figures.startAll()
        try await Task.sleep(nanoseconds: 10_000_000_000)
        let idleBefore = rssMiB(town)  // (c), before the feed and any request
        try await figures.feedYear(rate: rate)
        let cookie = try signIn("city", base: cityBase)

        // (a) The dashboard's server time: one curl, one HTTP/2 connection, `requests` + 1 requests (the first dropped).
        let n = max(2, requests + 1)
        var args = ["-H", "cookie: " + cookie, "-w", "%{http_code} %{time_starttransfer} %{size_download} %{http_version} %header{server-timing}\n"]
        for _ in 0..<n { args += ["-o", "/dev/null", cityBase + "/figures"] }
        let lines = try curl("city", args).split(separator: "\n").map { $0.split(separator: " ") }
        let answered = lines.dropFirst().filter { $0.count >= 4 && $0[0] == "200" }
        let times = answered.compactMap { Double($0[1]) }
        let bytes = answered.first.map { String($0[2]) } ?? "?"
        say("city dashboard /figures (\(bytes) bytes, HTTP/\(answered.first.map { String($0[3]) } ?? "?"), time to first byte over one kept-alive connection): "
            + FiguresBench.ms(times) + (answered.count < n - 1 ? "; \(n - 1 - answered.count) not 200 (first: \(lines.dropFirst().first { $0.first != "200" }?.joined(separator: " ") ?? ""))" : ""))
        say("  its server time (the node's Server-Timing header: routing to the page rendered): " + Self.serverTimes(answered.map { $0.count > 4 ? String($0[4]) : "" }))

        // (a') The dashboard built (no view of it kept yet: DashboardCache): the first view of each other period of
        // the picker, of each month, and of each county's page for the year and its halves — one request each on one
        // connection, after a first request (the kept dashboard, not counted) that pays the TLS handshake.
        let y = String(figures.year)
        let periods = [y + "-H1", y + "-H2", y + "-Q1", y + "-Q2", y + "-Q3", y + "-Q4"]
            + (1...12).map { y + "-" + ($0 < 10 ? "0" : "") + String($0) }
        let cold = periods.map { "/figures?period=" + $0 }
            + nodes.counties.flatMap { county in [y, y + "-H1", y + "-H2"].map { "/figures?period=\($0)&body=" + county } }
        var coldArgs = ["-H", "cookie: " + cookie, "-w", "%{http_code} %{time_starttransfer} %{size_download} %header{server-timing}\n",
                        "-o", "/dev/null", cityBase + "/figures"]
        for path in cold { coldArgs += ["-o", "/dev/null", cityBase + path] }
        // XS_BENCH_PERF=FILE: `perf record -g` of the city over these requests (where a build spends its time).
        let perf = ProcessInfo.processInfo.environment["XS_BENCH_PERF"].flatMap(recordCity)
        if perf != nil { try await Task.sleep(nanoseconds: 1_000_000_000) }
        let others = nodes.ids.filter { $0 != "city" }
        let (cityCPU0, othersCPU0, wall0) = (figures.cpuMicros("city") ?? 0, others.compactMap(figures.cpuMicros).reduce(0, +), FederationBench.now())
        let coldLines = try curl("city", coldArgs).split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        let (cityCPU1, othersCPU1, wall1) = (figures.cpuMicros("city") ?? 0, others.compactMap(figures.cpuMicros).reduce(0, +), FederationBench.now())
        perf?.waitUntilExit()
        let built = coldLines.filter { $0.count >= 3 && $0[0] == "200" }
        say("city dashboard built (first view of \(cold.count) other periods, months and county pages, after a warm-up request that pays the TLS handshake; sizes \(built.compactMap { Int($0[2]) }.min() ?? 0)–\(built.compactMap { Int($0[2]) }.max() ?? 0) bytes): "
            + FiguresBench.ms(built.compactMap { Double($0[1]) }) + (built.count < cold.count ? "; \(cold.count - built.count) not 200" : ""))
        say("  their server time (Server-Timing): " + Self.serverTimes(built.map { $0.count > 3 ? String($0[3]) : "" }))
        say(String(format: "  over those %.2f s: the city's CPU %.0f ms, the other %d nodes' %.0f ms (the cores they share)",
                   wall1 - wall0, (cityCPU1 - cityCPU0) / 1000, others.count, (othersCPU1 - othersCPU0) / 1000))
        // The slowest views, by path: which builds make the tail.
        let slowest = zip(cold, coldLines).compactMap { path, line in line.count >= 3 ? Double(line[1]).map { (path, $0) } : nil }
            .sorted { $0.1 > $1.1 }.prefix(5)
        say("  slowest built views: " + slowest.map { String(format: "%@ %.1f ms", $0.0, $0.1 * 1000) }.joined(separator: "; "))

        // (c) The township's idle RSS with the web on: before any request, and after a sign-in and one page view.
        // The feed itself grows the township (its year of records: projections, caches), so its RSS is read after the
        // feed too, before the sign-in: what the sign-in and the page view leave is the difference of the last two.
        let afterFeed = rssMiB(town)
        let townCookie = try signIn(town, base: townBase)
        let viewed = try curl(town, ["-H", "cookie: " + townCookie, "-o", "/dev/null", "-w", "%{http_code}", townBase + "/"])
        try await Task.sleep(nanoseconds: 10_000_000_000)
        say(String(format: "township %@ VmRSS with the web on: %.1f MiB idle before the feed and any request; %.1f MiB after the feed, before any sign-in; %.1f MiB 10 s after a sign-in (3 scrypt checks) and one page view (HTTP %@)",
                   town, idleBefore ?? -1, afterFeed ?? -1, rssMiB(town) ?? -1, viewed))
        // (b) h2load on a list page with the session cookie: the city's (what the city itself recorded) and the
        // township's (its year of activities), after the township's RSS was read.
        for (id, base, cookie) in [("city", cityBase, cookie), (town, townBase, townCookie)] {
            guard let h2load = which("h2load") else { say("h2load not found (Debian package nghttp2-client): list page throughput not measured"); break }
            let out = runProgram(h2load, ["-n", String(h2loadRequests), "-c", "4", "-m", "8", "-H", "cookie: " + cookie, base + "/records/activities"]) ?? ""
            let finished = out.split(separator: "\n").first { $0.hasPrefix("finished in") }.map(String.init) ?? "h2load printed no result"
            let codes = out.split(separator: "\n").first { $0.hasPrefix("status codes:") }.map(String.init) ?? ""
            let listBytes = (try? curl(id, ["-H", "cookie: " + cookie, "-o", "/dev/null", "-w", "%{size_download}", base + "/records/activities"])) ?? "?"
            say("h2load /records/activities at \(id) (\(listBytes) bytes, -c 4 -m 8, \(h2loadRequests) requests): \(finished); \(codes)")
        }
        // (b') The city's IT page, which reads the node's status (every link's backlog and the event count, from the
        // log): what every record page read before it asked for the body's name only — the list page's old cost.
        if let h2load = which("h2load") {
            let n = String(max(1, h2loadRequests / 10))
            let out = runProgram(h2load, ["-n", n, "-c", "4", "-m", "8", "-H", "cookie: " + cookie, cityBase + "/it"]) ?? ""
            let finished = out.split(separator: "\n").first { $0.hasPrefix("finished in") }.map(String.init) ?? "h2load printed no result"
            let codes = out.split(separator: "\n").first { $0.hasPrefix("status codes:") }.map(String.init) ?? ""
            say("h2load /it at city (the status page: what each record page used to read, \(n) requests): \(finished); \(codes)")
        }
        // In the other order than (a'): a view slow in both is slow for its own figures, not for its place in the run.
        try await builtAlone(cityBase: cityBase, paths: ["/figures"] + cold.reversed())
    }

    /// (a'') The dashboard built with the city on its cores alone, as on its own server: every other node paused
    /// (SIGSTOP; their 180 processes share the rig's two cores with the city), the city restarted (nothing kept: no
    /// model, part or decoded report), a new office user signed in, then over one connection a warm-up (`/healthz`,
    /// the TLS handshake) and the first view of each of `paths`. The others are continued (SIGCONT) after.
    func builtAlone(cityBase: String, paths: [String]) async throws {
        let others = nodes.ids.filter { $0 != "city" }
        let pids = nodes.processes.withLock { map in others.compactMap { map[$0]?.processIdentifier } }
        for pid in pids { kill(pid, SIGSTOP) }
        defer { for pid in pids { kill(pid, SIGCONT) } }
        nodes.stop("city")
        let started = try await nodes.start("city")
        let cookie = try signIn("city", base: cityBase, username: "bench.office2")
        // XS_BENCH_PERF_ALONE=FILE: `perf record -g` of the restarted city over this pass.
        let perf = ProcessInfo.processInfo.environment["XS_BENCH_PERF_ALONE"].flatMap(recordCity)
        if perf != nil { try await Task.sleep(nanoseconds: 1_000_000_000) }
        defer { perf?.waitUntilExit() }
        var args = ["-H", "cookie: " + cookie, "-w", "%{http_code} %{time_starttransfer} %{size_download} %header{server-timing}\n",
                    "-o", "/dev/null", cityBase + "/healthz"]
        for path in paths { args += ["-o", "/dev/null", cityBase + path] }
        let lines = try curl("city", args).split(separator: "\n").dropFirst().map { $0.split(separator: " ") }
        let built = lines.filter { $0.count >= 3 && $0[0] == "200" }
        say(String(format: "city dashboard built, the other %d nodes paused and the city restarted (answered in %.1f s): first view of the year and the %d others, in the other order: ",
                   pids.count, started, paths.count - 1) + FiguresBench.ms(built.compactMap { Double($0[1]) })
            + (built.count < paths.count ? "; \(paths.count - built.count) not 200" : ""))
        say("  their server time (Server-Timing): " + Self.serverTimes(built.map { $0.count > 3 ? String($0[3]) : "" }))
        let slowest = zip(paths, lines).compactMap { path, line in line.count >= 3 ? Double(line[1]).map { (path, $0) } : nil }
            .sorted { $0.1 > $1.1 }.prefix(5)
        say("  slowest: " + slowest.map { String(format: "%@ %.1f ms", $0.0, $0.1 * 1000) }.joined(separator: "; "))
    }
}
