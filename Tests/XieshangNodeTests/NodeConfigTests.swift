import Foundation
import Testing
@testable import XieshangNode
import XieshangWire

struct NodeConfigTests {
    let parentKey = try! Ed25519.PrivateKey().publicKey
    let childKey = try! Ed25519.PrivateKey().publicKey

    func config(_ overrides: String = "") -> String {
        """
        {
          "node_id": "cn.gz.tongren.wanshan",
          "name": "万山区政协",
          "tier": "county",
          "data_dir": "data",
          "listen": "127.0.0.1:7101",
          "parent": {"node_id": "cn.gz.tongren", "address": "127.0.0.1:7100", "public_key": "\(parentKey.text)"},
          "children": [{"node_id": "cn.gz.tongren.wanshan.aozhai", "address": "127.0.0.1:7102",
                        "public_key": "\(childKey.text)", "name": "敖寨乡政协工委", "tier": "township"}]\(overrides)
        }
        """
    }

    /// `records_up_to_tier` is read, written back, and needs every neighbour's tier (where records stop depends on
    /// them): without the parent's tier the config names that field.
    @Test func recordsUpToTierIsReadAndNeedsTheNeighboursTiers() throws {
        let error = #expect(throws: NodeError.self) {
            try NodeConfig.parse(config(#", "records_up_to_tier": "county""#), file: "node.json", baseDirectory: "/srv/xs")
        }
        #expect(error?.message.contains("parent.tier") == true, "\(String(describing: error))")
        let withTier = config(#", "records_up_to_tier": "county""#)
            .replacingOccurrences(of: #""address": "127.0.0.1:7100","#, with: #""address": "127.0.0.1:7100", "tier": "city","#)
        let c = try NodeConfig.parse(withTier, file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.recordsUpToTier == "county")
        #expect(try NodeConfig.parse(c.jsonText(), file: "node.json", baseDirectory: "/srv/xs").recordsUpToTier == "county")
        #expect(try NodeConfig.parse(config(), file: "node.json", baseDirectory: "/srv/xs").recordsUpToTier == nil)
    }

    /// Session periods (届次会议以来) are configured per body as data: "sessions" lists plenary dates, read strictly
    /// (a date that does not exist names the field) and written back by `jsonText()`.
    @Test func plenarySessionDatesAreReadStrictly() throws {
        let c = try NodeConfig.parse(config(#", "sessions": ["2027-01-20", "2026-01-15"]"#), file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.sessions.map(\.description) == ["2027-01-20", "2026-01-15"])
        let back = try NodeConfig.parse(c.jsonText(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(back.sessions == c.sessions)
        let error = #expect(throws: NodeError.self) {
            try NodeConfig.parse(config(#", "sessions": ["2026-02-30"]"#), file: "node.json", baseDirectory: "/srv/xs")
        }
        #expect(error?.message.contains("sessions[0]") == true, "\(String(describing: error))")
    }

    /// The web interface's fields (issue 17): `web_listen` with the certificate and key defaulting to web.crt and
    /// web.key in the data directory, written back by `jsonText()`; a bad address names the field.
    @Test func webListenerFieldsReadWithDefaultsAndRoundTrip() throws {
        let off = try NodeConfig.parse(config(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(off.webListen.isEmpty && off.webCertificate.isEmpty)
        let c = try NodeConfig.parse(config(#", "web_listen": "0.0.0.0:8443""#), file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.webListen == "0.0.0.0:8443")
        #expect(c.webCertificate == "/srv/xs/data/web.crt" && c.webKey == "/srv/xs/data/web.key")
        let ca = try NodeConfig.parse(config(#", "web_listen": "0.0.0.0:8443", "web_cert": "/etc/ssl/xs.pem", "web_key": "/etc/ssl/xs.key""#),
                                      file: "node.json", baseDirectory: "/srv/xs")
        #expect(ca.webCertificate == "/etc/ssl/xs.pem" && ca.webKey == "/etc/ssl/xs.key")
        let back = try NodeConfig.parse(ca.jsonText(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(back.webListen == ca.webListen && back.webCertificate == ca.webCertificate && back.webKey == ca.webKey)
        let error = #expect(throws: NodeError.self) {
            try NodeConfig.parse(config(#", "web_listen": "8443""#), file: "node.json", baseDirectory: "/srv/xs")
        }
        #expect(error?.message.contains("web_listen") == true, "\(String(describing: error))")
    }

    @Test func aValidConfigReadsWithDefaultsAndRelativePaths() throws {
        let c = try NodeConfig.parse(config(), file: "node.json", baseDirectory: "/srv/xs")
        #expect(c.policy == nil)
        // Policy settings are kept as given (ConfiguredPolicy records them) and written back.
        let withPolicy = try NodeConfig.parse(config(#", "policy": {"reply_months": 2, "effective": "2027-01-01"}"#), file: "node.json", baseDirectory: "/srv/xs")
        #expect(withPolicy.policy == .object([("reply_months", .number("2")), ("effective", .string("2027-01-01"))]))
        #expect(try NodeConfig.parse(withPolicy.jsonText(), file: "node.json", baseDirectory: "/srv/xs").policy
                == .object([("effective", .string("2027-01-01")), ("reply_months", .number("2"))]), "written back with sorted keys")
        #expect(c.nodeId == "cn.gz.tongren.wanshan")
        #expect(c.name == "万山区政协")
        #expect(c.dataDir == "/srv/xs/data")
        #expect(c.keyFile == "/srv/xs/data/node.key")
        #expect(c.adminSocket == "/srv/xs/data/admin.sock")
        #expect(c.parent?.publicKey == parentKey)
        #expect(c.children.map(\.name) == ["敖寨乡政协工委"])
        #expect(c.rollupDebounceMs == 250)
        #expect(c.retryCapMs == 30_000)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let name: String
        let extra: String
        let mentions: [String]
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "unknown field", extra: #", "listen_port": 7101"#, mentions: ["unknown field \"listen_port\"", "listen"]),
        Bad(name: "wrong type", extra: #", "tls": "yes""#, mentions: ["\"tls\"", "true or false", "\"yes\""]),
        Bad(name: "out of range", extra: #", "rollup_debounce_ms": -5"#, mentions: ["rollup_debounce_ms", "0 to 60000"]),
        Bad(name: "bad choice", extra: #", "log_level": "loud""#, mentions: ["log_level", "error, warning, info, debug"]),
        Bad(name: "bad key", extra: #", "alliances": [{"id": "wuling", "members": [{"node_id": "cn.cq.qianjiang", "public_key": "abc"}]}]"#,
            mentions: ["alliances[0].members[0].public_key", "ed25519:"]),
        Bad(name: "unknown peer field", extra: #", "alliances": [{"id": "wuling", "members": [{"nodeid": "x"}]}]"#,
            mentions: ["alliances[0].members[0].nodeid"]),
        Bad(name: "unknown policy setting", extra: #", "policy": {"reply_month": 2}"#, mentions: ["unknown field \"policy.reply_month\""]),
        Bad(name: "policy not an object", extra: #", "policy": 2"#, mentions: ["field \"policy\": expected an object"]),
        Bad(name: "self as member", extra: #", "alliances": [{"id": "wuling", "members": [{"node_id": "cn.gz.tongren.wanshan", "public_key": "KEY"}]}]"#,
            mentions: ["this node itself"]),
    ]

    @Test(arguments: bad)
    func badConfigsNameTheFieldAndWhatIsExpected(_ b: Bad) {
        let text = config(b.extra.replacingOccurrences(of: "KEY", with: childKey.text))
        let error = #expect(throws: NodeError.self) { try NodeConfig.parse(text, file: "/srv/xs/node.json", baseDirectory: "/srv/xs") }
        #expect(error?.code == .config)
        #expect(error?.message.hasPrefix("/srv/xs/node.json: ") == true)
        for m in b.mentions { #expect(error?.message.contains(m) == true, "\(String(describing: error)) should mention \(m)") }
    }

    @Test func missingRequiredFieldsAndBrokenJSON() {
        let noListen = #expect(throws: NodeError.self) {
            try NodeConfig.parse(#"{"node_id": "a"}"#, file: "n.json", baseDirectory: ".")
        }
        #expect(noListen?.message.contains("\"listen\"") == true)
        #expect(noListen?.message.contains("missing") == true)
        let badId = #expect(throws: NodeError.self) {
            try NodeConfig.parse(#"{"node_id": "Tongren City", "listen": "127.0.0.1:1"}"#, file: "n.json", baseDirectory: ".")
        }
        #expect(badId?.message.contains("node_id") == true)
        let broken = #expect(throws: NodeError.self) { try NodeConfig.parse(#"{"node_id": "#, file: "n.json", baseDirectory: ".") }
        #expect(broken?.message.contains("not valid JSON") == true)
        let missingFile = #expect(throws: NodeError.self) { try NodeConfig.load(from: "/nonexistent/node.json") }
        #expect(missingFile?.message.contains("xieshang init") == true)
    }

    @Test func aPeerNamedTwiceIsRefused() {
        let twice = config().replacingOccurrences(of: "cn.gz.tongren.wanshan.aozhai", with: "cn.gz.tongren")
        let error = #expect(throws: NodeError.self) { try NodeConfig.parse(twice, file: "n.json", baseDirectory: ".") }
        #expect(error?.message.contains("already names") == true)
    }
}
