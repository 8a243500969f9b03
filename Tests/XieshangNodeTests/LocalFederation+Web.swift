import Foundation
import XieshangTransport

extension LocalFederation {
    /// Turns on body `id`'s web listener before the federation starts: a self-signed certificate for 127.0.0.1 and
    /// localhost written as `web.crt`/`web.key` (mode 0600) in its data directory, `web_listen` on a free port, and any
    /// `extra` node.json settings; returns the port.
    func serveWeb(_ id: String, extra: [String: Any] = [:]) throws -> Int {
        let port = try LocalFederation.freePortRange(1)
        let dir = self.dir(id)
        let certificate = try WebCertificate.selfSigned(names: [.dns("localhost"), .ip("127.0.0.1")])
        try certificate.certificatePEM.write(toFile: dir + "/web.crt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir + "/web.key", contents: Data(certificate.keyPEM.utf8), attributes: [.posixPermissions: 0o600])
        let path = dir + "/node.json"
        var config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
        config["web_listen"] = "127.0.0.1:\(port)"
        for (key, value) in extra { config[key] = value }
        try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted]).write(to: URL(fileURLWithPath: path))
        return port
    }
}
