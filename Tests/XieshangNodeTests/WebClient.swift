import Foundation
import XieshangTransport

/// A browser-like client of a node's web interface for process tests (curl): the node's certificate pinned, a cookie
/// jar, `Origin` on every post as a browser sends it, no redirects followed (the test reads `location`).
struct WebClient: Sendable {
    /// `https://127.0.0.1:PORT`.
    let base: String
    /// The node's web certificate (PEM), the only CA curl trusts.
    let certificate: String
    /// The cookie jar file.
    let jar: String

    /// Password every test user ends with.
    static let password = "Changed-Pass-2026"

    /// An answer: status, body, and the redirect's path (empty when none).
    struct Answer {
        var status: Int
        var body: String
        var location: String
    }

    /// `GET path`, or a post of `form` (with `origin`, this node's by default). Each request may take up to 60 s: a
    /// password change runs two scrypt checks (≈ 170 ms each on a quiet core), and `make test` runs several nodes'
    /// sign-ins beside Chromium on two cores (CI saw 15 s pass with no byte back).
    func send(_ path: String, form: [(String, String)]? = nil, origin: String? = nil, extra: [String] = []) async throws -> Answer {
        var args = ["-sS", "--max-time", "60", "--cacert", certificate, "-b", jar, "-c", jar, "-w", "\n%{http_code} %{redirect_url}"]
        if let form {
            args += ["-H", "origin: " + (origin ?? base), "--data-raw",
                     form.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&")]
        }
        let r = try await ProcessRun.run("/usr/bin/curl", args + extra + [base + path])
        guard r.status == 0, let cut = r.output.lastIndex(of: "\n") else {
            throw LocalFederation.Failure(description: "curl \(path) at \(base): \(r.output)")
        }
        let tail = r.output[r.output.index(after: cut)...].split(separator: " ", maxSplits: 1).map(String.init)
        let location = tail.count > 1 ? String(tail[1].dropFirst(base.count)) : ""
        return Answer(status: Int(tail.first ?? "") ?? 0, body: String(r.output[..<cut]), location: location)
    }

    /// The CSRF token in the page at `path`.
    func csrf(_ path: String) async throws -> String {
        let page = try await send(path).body
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { throw LocalFederation.Failure(description: "no CSRF token at \(path): \(page.prefix(500))") }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    /// Posts `form` to `path` with this session's CSRF token (read from `tokenPage`, the form itself by default).
    func post(_ path: String, _ form: [(String, String)], tokenPage: String? = nil, origin: String? = nil) async throws -> Answer {
        try await send(path, form: [("csrf", try await csrf(tokenPage ?? path))] + form, origin: origin)
    }

    /// Makes `username` with `role` by `xieshang user add --password-stdin` on the node's admin socket, logs in with the
    /// initial password, and changes it to ``password`` on the forced password page; returns the signed-in client.
    static func signIn(cli: String, adminSocket: String, base: String, certificate: String, directory: String,
                       username: String, role: String) async throws -> WebClient {
        let added = try await ProcessRun.run(cli, ["user", "add", username, "--name", "测试用户", "--role", role, "--password-stdin",
                                                   "--node", adminSocket], environment: ["XIESHANG_NODE": nil], input: "Initial-Pass-2026\n")
        guard added.status == 0 else { throw LocalFederation.Failure(description: "xieshang user add \(username): \(added.output)") }
        let client = WebClient(base: base, certificate: certificate, jar: directory + "/cookies-\(username).txt")
        let login = try await client.send("/login", form: [("username", username), ("password", "Initial-Pass-2026")])
        guard login.status == 303, login.location == "/password" else {
            throw LocalFederation.Failure(description: "login of \(username): \(login.status) \(login.location) \(login.body.prefix(500))")
        }
        let changed = try await client.post("/password", [("current", "Initial-Pass-2026"), ("new", password), ("confirm", password)])
        guard changed.status == 303 else { throw LocalFederation.Failure(description: "password change of \(username): \(changed.body.prefix(800))") }
        return client
    }

    /// The SHA-256 of the certificate's public key, base64 (Chromium's `--ignore-certificate-errors-spki-list`).
    static func spki(_ certificate: String) async throws -> String {
        let spki = try await ProcessRun.run("/bin/sh", ["-c",
            "openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
            "sh", certificate])
        return spki.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
