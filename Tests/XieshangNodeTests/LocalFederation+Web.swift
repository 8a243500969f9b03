import Foundation
import XieshangTransport

extension LocalFederation {
    /// Turns on body `id`'s web listener before the federation starts: a self-signed certificate for 127.0.0.1 and
    /// localhost written as `web.crt`/`web.key` (mode 0600) in its data directory, `web_listen` on a free port, and any
    /// `extra` node.json settings; returns the port.
    ///
    /// Passwords are hashed with scrypt at N = 1024, r = 8, p = 1 (1 MiB, a few milliseconds) instead of the default
    /// 16 MiB × 5 (≈ 0.35 s of CPU): these federations sign in up to seven users each beside Chromium on two cores, and
    /// at the default cost a sign-in (three or four hashes) took 10–25 s under `make test`'s load. The default cost is
    /// the subject of its own tests (WebInterfaceProcessTests on a node with the default parameters, ScryptMemoryTests)
    /// and of the bench. An `accounts` object in `extra` replaces this one.
    func serveWeb(_ id: String, extra: [String: Any] = [:]) throws -> Int {
        let port = try LocalFederation.freePortRange(1)
        let dir = self.dir(id)
        let certificate = try WebCertificate.selfSigned(names: [.dns("localhost"), .ip("127.0.0.1")])
        try certificate.certificatePEM.write(toFile: dir + "/web.crt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir + "/web.key", contents: Data(certificate.keyPEM.utf8), attributes: [.posixPermissions: 0o600])
        let path = dir + "/node.json"
        var config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        config["web_listen"] = "127.0.0.1:\(port)"
        var accounts = config["accounts"] as? [String: Any] ?? [:]
        for (key, value) in ["scrypt_n": 1024, "scrypt_r": 8, "scrypt_p": 1] { accounts[key] = value }
        config["accounts"] = accounts
        for (key, value) in extra { config[key] = value }
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return port
    }
}
