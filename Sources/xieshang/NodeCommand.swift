import Foundation
import XieshangNode
import XieshangTransport
import XieshangWire

/// `xieshang node --config node.json` (run one body's node process) and `xieshang init` (make its key and config).
enum NodeCommand {
    static let usage = NodeProcess.usage(command: "xieshang node")

    /// Runs the node in this process (the same code as the `xieshang-node` executable).
    static func run(_ args: [String]) -> Int32 {
        NodeProcess.run(args, command: "xieshang node")
    }

    static let initUsage = """
        usage: xieshang init --id ID --name NAME --tier TIER --listen HOST:PORT --dir DIR
                             [--web-listen HOST:PORT --web-name HOST,IP,…]
          Writes DIR/node.key (mode 0600) and DIR/node.json (DIR mode 0700), and prints the node id and public key to
          give to its parent, children and alliance members (they pin it in their node.json). Links use TLS 1.3 with
          the pinned keys ("tls": true); a node refuses plain h2c on an address other than loopback.
          --web-listen serves the web interface over HTTPS there; --web-name lists the host names and IP addresses
          browsers use to reach it: a self-signed ECDSA P-256 certificate for them is written to DIR/web.crt and its
          key to DIR/web.key (mode 0600). To use a certificate from your CA instead, point "web_cert" and "web_key"
          in node.json at its PEM files.
        """

    static func runInit(_ args: [String]) -> Int32 {
        var options: [String: String] = [:]
        var rest = args[...]
        while let flag = rest.first {
            if flag == "--help" || flag == "-h" { print(initUsage); return ExitCode.done }
            guard ["--id", "--name", "--tier", "--listen", "--dir", "--web-listen", "--web-name"].contains(flag) else {
                return fail("unknown option \(flag).\n\n\(initUsage)", code: ExitCode.usage)
            }
            guard rest.count >= 2 else { return fail("\(flag) needs a value.\n\n\(initUsage)", code: ExitCode.usage) }
            options[String(flag.dropFirst(2))] = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        for needed in ["id", "listen", "dir"] where options[needed] == nil {
            return fail("--\(needed) is required.\n\n\(initUsage)", code: ExitCode.usage)
        }
        let dir = options["dir"]!
        var webNames: [WebCertificate.Name] = []
        if let listen = options["web-listen"] {
            guard let names = options["web-name"] else {
                return fail("--web-listen \(listen) needs --web-name with the host names and IP addresses browsers use, e.g. --web-name xs.example.gov.cn,10.0.0.5", code: ExitCode.usage)
            }
            do {
                webNames = try names.split(separator: ",").map { n throws(TransportError) in try WebCertificate.Name(parsing: String(n)) }
            } catch {
                return fail("--web-name: \(error.message)", code: ExitCode.usage)
            }
            guard !webNames.isEmpty else { return fail("--web-name lists no name", code: ExitCode.usage) }
        } else if options["web-name"] != nil {
            return fail("--web-name needs --web-listen HOST:PORT", code: ExitCode.usage)
        }
        do {
            // The data directory is private to the node's user (0700): it holds the key, the records and the admin socket.
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(dir, 0o700)
        } catch {
            return fail("cannot create \(dir): \(error.localizedDescription)", code: ExitCode.refused)
        }
        let keyPath = (dir as NSString).appendingPathComponent("node.key")
        let key: Ed25519.PrivateKey
        do {
            key = try Ed25519.PrivateKey()
            try KeyFile.save(key, to: keyPath)
        } catch {
            return fail("\(error)", code: ExitCode.refused)
        }
        var config = NodeConfig(nodeId: options["id"]!, name: options["name"] ?? options["id"]!, tier: options["tier"] ?? "township",
                                dataDir: ".", listen: options["listen"]!, adminSocket: "admin.sock", keyFile: "node.key", tls: true)
        if let webListen = options["web-listen"] {
            config.webListen = webListen
            config.webCertificate = "web.crt"
            config.webKey = "web.key"
            let certPath = (dir as NSString).appendingPathComponent("web.crt")
            let webKeyPath = (dir as NSString).appendingPathComponent("web.key")
            do {
                let generated = try WebCertificate.selfSigned(names: webNames)
                try DurableFile.write(Array(generated.keyPEM.utf8), to: webKeyPath, mode: 0o600)
                try DurableFile.write(Array(generated.certificatePEM.utf8), to: certPath, mode: 0o644)
            } catch {
                return fail("cannot make the web certificate: \(error)", code: ExitCode.refused)
            }
            print("web:        https://\(webListen) — self-signed certificate \(certPath) for \(webNames.map(\.text).joined(separator: ", ")); trust it on each office PC and phone (README)")
        }
        let jsonPath = (dir as NSString).appendingPathComponent("node.json")
        guard !FileManager.default.fileExists(atPath: jsonPath) else {
            return fail("\(jsonPath) exists; move it aside or pick another --dir", code: ExitCode.refused)
        }
        do { try DurableFile.write(Array(config.jsonText().utf8), to: jsonPath, mode: 0o600) } catch {
            return fail(error.message, code: ExitCode.refused)
        }
        print("node id:    \(config.nodeId)")
        print("public key: \(key.publicKey.text)")
        print("wrote \(keyPath) (mode 0600) and \(jsonPath); add parent/children with their addresses and keys")
        return ExitCode.done
    }

    static let topologyUsage = """
        usage: xieshang topology --counties N --townships-per-county M [--cities C] [--alliance-peers A]
                                 [--base-port P] [--debounce-ms MS] [--h2c] --out DIR
          Writes DIR/<node>/node.json and node.key for every node, peers pinned both ways, on 127.0.0.1 ports from P.
          Every link uses TLS 1.3, each node's certificate self-signed with its key and checked against its pin;
          --h2c: plain h2c instead (allowed on loopback only; for tests).
        """

    static func runTopology(_ args: [String]) -> Int32 {
        var options: [String: String] = [:]
        var rest = args[...]
        while let flag = rest.first {
            if flag == "--help" || flag == "-h" { print(topologyUsage); return ExitCode.done }
            if flag == "--tls" || flag == "--h2c" { options[String(flag.dropFirst(2))] = "true"; rest = rest.dropFirst(); continue }
            guard ["--cities", "--city", "--counties", "--townships-per-county", "--alliance-peers", "--base-port", "--out", "--debounce-ms"].contains(flag) else {
                return fail("unknown option \(flag).\n\n\(topologyUsage)", code: ExitCode.usage)
            }
            guard rest.count >= 2 else { return fail("\(flag) needs a value.\n\n\(topologyUsage)", code: ExitCode.usage) }
            options[String(flag.dropFirst(2))] = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        func int(_ name: String, _ def: Int?) -> Int? { options[name].map { Int($0) } ?? def }
        guard let out = options["out"], let counties = int("counties", nil), let towns = int("townships-per-county", nil),
              let cities = int("cities", int("city", 1)), let allies = int("alliance-peers", 0), let base = int("base-port", 7100),
              let debounce = int("debounce-ms", 250) else {
            return fail("--out, --counties and --townships-per-county are required and numbers must be numbers.\n\n\(topologyUsage)", code: ExitCode.usage)
        }
        do {
            let t = try Topology.generate(cities: cities, counties: counties, townshipsPerCounty: towns, alliancePeers: allies,
                                          basePort: base, directory: out, rollupDebounceMs: debounce, tls: options["h2c"] == nil)
            for m in t.members { print("\(m.id)\t\(m.config.listen)\t\(m.directory)/node.json") }
        } catch {
            return fail("\(error)", code: ExitCode.refused)
        }
        return ExitCode.done
    }
}
