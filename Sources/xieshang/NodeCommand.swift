import Foundation
import XieshangNode
import XieshangTransport
import XieshangWire

/// `xieshang node --config node.json` (run one body's node process) and `xieshang init` (make its key and config).
enum NodeCommand {
    static let spec = Invocation.Spec(
        name: "node", summary: "runs this body's node: the Federation service on `listen`, the Admin service on the Unix socket",
        valued: ["config"], required: ["config"],
        details: """
              --config FILE  the node's node.json (made by `xieshang init` or `xieshang topology`); it must exist and be readable.
              Stops gracefully on SIGINT or SIGTERM. On a fatal error, a message and exit 78 when the config or key file
              must be fixed first (a restart cannot help), exit 1 otherwise; a wrong command line exits 2 and starts nothing.
              Log lines are logfmt for machines (--lang does not change them). Servers run `xieshang-node --config FILE`,
              the same node in less memory.
            """,
        example: "xieshang node --config /srv/xieshang/wanshan/node.json",
        talksToNode: false,
        jsonOutput: .refused("the node runs a server and prints log lines, not results; ask the running node with `xieshang status --json`"))

    /// Runs the node in this process (the same code as the `xieshang-node` executable) once its command line is good.
    static func run(_ args: [String]) -> Int32 {
        let config: String
        do throws(Invocation.Exit) {
            config = try Invocation.parse(args, spec).readableFile("config")
        } catch {
            return error.code
        }
        return NodeProcess.serve(configFile: config)
    }

    static let initSpec = Invocation.Spec(
        name: "init", summary: "makes a node's key (mode 0600) and node.json; prints its id and public key",
        valued: ["id", "name", "tier", "listen", "dir", "web-listen", "web-name"], required: ["id", "listen", "dir"],
        details: """
              Writes DIR/node.key (mode 0600) and DIR/node.json (DIR mode 0700), and prints the node id and public key to
              give to its parent, children and alliance members (they pin it in their node.json). Links use TLS 1.3 with
              the pinned keys ("tls": true); a node refuses plain h2c on an address other than loopback.
              --tier city|county|township (default township); --name 名称 (default the id)
              --web-listen serves the web interface over HTTPS there; --web-name lists the host names and IP addresses
              browsers use to reach it: a self-signed ECDSA P-256 certificate for them is written to DIR/web.crt and its
              key to DIR/web.key (mode 0600). To use a certificate from your CA instead, point "web_cert" and "web_key"
              in node.json at its PEM files.
            """,
        example: "xieshang init --id qianxi-town3 --name 协商镇联络组 --tier township --listen 10.0.0.7:7443 --dir /var/lib/xieshang "
            + "--web-listen 0.0.0.0:8443 --web-name xs.qianxi.gov.cn,10.0.0.7",
        talksToNode: false)

    static func runInit(_ args: [String]) -> Int32 {
        let inv: Invocation
        do { inv = try Invocation.parse(args, initSpec) } catch { return error.code }
        let options = inv.values
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
        let (id, dir, listen) = (options["id"] ?? "", options["dir"] ?? "", options["listen"] ?? "")
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
        var config = NodeConfig(nodeId: id, name: options["name"] ?? id, tier: options["tier"] ?? "township",
                                dataDir: ".", listen: listen, adminSocket: "admin.sock", keyFile: "node.key", tls: true)
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

    static let topologySpec = Invocation.Spec(
        name: "topology", summary: "generates configs and keys of a loopback federation (demos, benchmarks, tests)",
        valued: ["cities", "counties", "townships-per-county", "alliance-peers", "base-port", "debounce-ms", "out"], flags: ["h2c"],
        required: ["counties", "townships-per-county", "out"],
        details: """
              Writes DIR/<node>/node.json and node.key for every node, peers pinned both ways, on 127.0.0.1 ports from
              --base-port (default 7100); --cities (default 1), --alliance-peers (default 0), --debounce-ms (default 250).
              Every link uses TLS 1.3, each node's certificate self-signed with its key and checked against its pin;
              --h2c: plain h2c instead (allowed on loopback only; for tests). At most \(Topology.maxNodes) nodes.
            """,
        example: "xieshang topology --counties 10 --townships-per-county 17 --out /tmp/xs-federation",
        talksToNode: false)

    static func runTopology(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, topologySpec)
            let out = try inv.required("out")
            let cities = try inv.int("cities", default: 1), counties = try inv.int("counties")
            let towns = try inv.int("townships-per-county"), allies = try inv.int("alliance-peers", default: 0)
            let base = try inv.int("base-port", default: 7100), debounce = try inv.int("debounce-ms", default: 250)
            do {
                let t = try Topology.generate(cities: cities, counties: counties, townshipsPerCounty: towns, alliancePeers: allies,
                                              basePort: base, directory: out, rollupDebounceMs: debounce, tls: !inv.flags.contains("h2c"))
                for m in t.members { print("\(m.id)\t\(m.config.listen)\t\(m.directory)/node.json") }
            } catch {
                return fail("topology: \(error.message)", code: error.code == .config ? ExitCode.usage : ExitCode.refused)
            }
            return ExitCode.done
        } catch {
            return error.code
        }
    }
}
