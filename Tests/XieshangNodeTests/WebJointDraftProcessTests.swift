import Foundation
import Testing
@testable import XieshangNode
import XieshangTransport
import XieshangWire

/// Joint drafts in the browser on real node processes (issue 19 item 6): two alliance members, each serving its web
/// interface over HTTPS. Two offices edit one draft in two Chromium browsers at the same time; both pages end with
/// the same merged text; both sign the same content hash and the draft is submitted; an edit after a sign-off voids
/// it on both pages (before submission: a submitted draft takes no edit, and that refusal is shown). Over curl every
/// new route refuses the wrong role, a missing CSRF token, another Origin, a stale or malformed hash, and shows
/// markup as text.
@Suite(.serialized)
struct WebJointDraftProcessTests {
    static let alliance = "wuling"
    static let members = ["tongren", "enshi"]

    /// Two root bodies in alliance `wuling`, each with `web_listen` and a self-signed certificate for 127.0.0.1.
    static func federation() throws -> LocalFederation {
        try LocalFederation(ports: 4) { base, directory in
            var keys: [String: Ed25519.PrivateKey] = [:]
            for id in members { keys[id] = try Ed25519.PrivateKey() }
            let ports = ["tongren": base, "enshi": base + 1]
            var out: [Topology.Member] = []
            for (i, id) in members.enumerated() {
                let dir = directory + "/" + id
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try KeyFile.save(keys[id]!, to: dir + "/node.key", overwrite: true)
                let others = members.filter { $0 != id }.map {
                    NodeConfig.Peer(nodeId: $0, address: "127.0.0.1:\(ports[$0]!)", publicKey: keys[$0]!.publicKey, name: $0, tier: "city")
                }
                var config = NodeConfig(nodeId: id, name: id == "tongren" ? "铜仁市政协" : "恩施州政协", tier: "city", dataDir: dir,
                                        listen: "127.0.0.1:\(ports[id]!)", adminSocket: dir + "/admin.sock", keyFile: dir + "/node.key",
                                        parent: nil, children: [],
                                        alliances: [NodeConfig.Alliance(id: alliance, name: "武陵山片区政协主席联席会", members: others)],
                                        rollupDebounceMs: 100, retryCapMs: 500)
                config.webListen = "127.0.0.1:\(base + 2 + i)"
                config.webCertificate = dir + "/web.crt"
                config.webKey = dir + "/web.key"
                let certificate = try WebCertificate.selfSigned(names: [.dns("localhost"), .ip("127.0.0.1")])
                try certificate.certificatePEM.write(toFile: dir + "/web.crt", atomically: true, encoding: .utf8)
                FileManager.default.createFile(atPath: dir + "/web.key", contents: Data(certificate.keyPEM.utf8), attributes: [.posixPermissions: 0o600])
                try config.jsonText().write(toFile: dir + "/node.json", atomically: true, encoding: .utf8)
                out.append(Topology.Member(id: id, directory: dir, config: config))
            }
            return Topology(members: out)
        }
    }

    /// The value of the hidden field `name` in `page`.
    static func hidden(_ page: String, _ name: String) -> String {
        guard let r = page.range(of: "name=\"\(name)\" value=\"") else { return "" }
        return String(page[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func twoOfficesEditSignAndSubmitOneDraftInTwoBrowsers() async throws {
        let fed = try Self.federation()
        defer { fed.stopAll() }
        try await fed.startAll()
        try await fed.waitAllianceLinks(among: Self.members)
        var web: [String: WebClient] = [:]
        for id in Self.members {
            web[id] = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.dir(id) + "/admin.sock",
                                                 base: "https://127.0.0.1:\(fed.member(id).config.webListen.split(separator: ":").last ?? "")",
                                                 certificate: fed.dir(id) + "/web.crt", directory: fed.dir(id), username: "office-\(id)", role: "office")
        }
        guard let a = web["tongren"], let b = web["enshi"] else { throw LocalFederation.Failure(description: "no clients") }
        let viewer = try await WebClient.signIn(cli: fed.executable, adminSocket: fed.dir("tongren") + "/admin.sock", base: a.base,
                                                certificate: fed.dir("tongren") + "/web.crt", directory: fed.dir("tongren"), username: "leader", role: "viewer")

        // Start the draft on the web at the host; markup in its title shows as text.
        let initial = "# 问题\n武陵山片区景区门票互认不足。\n# 建议\n统一年票。"
        let fields: [(String, String)] = [("alliance", Self.alliance), ("title", "<script>alert(1)</script>旅游协作联名提案"),
                                          ("cosponsors", "tongren, enshi"), ("text", initial)]
        let viewerNew = try await viewer.post("/drafts/new", fields, tokenPage: "/figures")
        #expect(viewerNew.status == 403, "a viewer may not start a draft: \(viewerNew.status)")
        #expect(try await viewer.send("/drafts").status == 403)
        let created = try await a.post("/drafts/new", fields, tokenPage: "/drafts")
        let id = "wuling/tongren/1", page = "/drafts/show?id=wuling%2Ftongren%2F1"
        #expect(created.status == 303 && created.location == page, "\(created.status) \(created.location) \(created.body.prefix(600))")
        let shown = try await a.send(page)
        #expect(shown.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;旅游协作联名提案") && !shown.body.contains("<script>alert"), "\(shown.body.prefix(800))")
        #expect(shown.body.contains("<script src=\"/static/draft-watch.js\" defer></script>"), "the one script, a same-origin file")
        let script = try await a.send("/static/draft-watch.js", extra: ["-i"])
        #expect(script.status == 200 && script.body.lowercased().contains("content-type: text/javascript") && script.body.contains("script-src 'self'"), "\(script.body.prefix(500))")
        #expect(try await a.send("/drafts/state?id=no%2Fsuch").status == 404)

        // Abuse: no CSRF token, another Origin, a stale hash, a malformed hash, a malformed version — nothing recorded.
        let hash = Self.hidden(shown.body, "base_hash"), version = Self.hidden(shown.body, "base_version")
        #expect(hash.count == 64 && shown.body.contains("<code data-hash>\(hash)</code>"), "the content hash is displayed")
        let edit: [(String, String)] = [("id", id), ("base_hash", hash), ("base_version", version), ("text", initial + "\n恶意修改")]
        let tokenless = try await a.send("/drafts/edit", form: edit)
        #expect(tokenless.status == 403 && tokenless.body.contains("CSRF"), "\(tokenless.body.prefix(300))")
        let foreign = try await a.post("/drafts/edit", edit, tokenPage: page, origin: "https://evil.example")
        #expect(foreign.status == 403, "\(foreign.body.prefix(300))")
        let viewerEdit = try await viewer.post("/drafts/edit", edit, tokenPage: "/figures")
        #expect(viewerEdit.status == 403)
        let stale = try await a.post("/drafts/sign", [("id", id), ("hash", String(repeating: "0", count: 64))], tokenPage: page)
        #expect(stale.status == 422 && stale.body.contains("草稿内容已变化，请重新阅读后签署"), "a sign with a stale hash: \(stale.body.prefix(800))")
        let garbled = try await a.post("/drafts/sign", [("id", id), ("hash", "xyz")], tokenPage: page)
        #expect(garbled.status == 422 && garbled.body.contains("64 位十六进制"), "\(garbled.body.prefix(600))")
        let noVersion = try await a.post("/drafts/edit", [("id", id), ("base_hash", hash), ("base_version", "tongren=x"), ("text", "x")], tokenPage: page)
        #expect(noVersion.status == 422 && noVersion.body.contains("请重新打开草稿"), "\(noVersion.body.prefix(600))")
        let after = try await a.send(page)
        #expect(Self.hidden(after.body, "base_hash") == hash && !after.body.contains("data-signoff"), "nothing was recorded")

        // The two offices in two browsers at once.
        let python = try ExportCommandTests.python()
        var config: [String: Any] = ["draft": id, "addA": "甲方补充：统一景区年票互认。", "addB": "乙方补充：联合开通旅游专线。",
                                     "addB2": "乙方再补充：共建客源互送机制。", "screenshot": fed.directory + "/draft.png"]
        for (key, node) in [("a", "tongren"), ("b", "enshi")] {
            config[key] = ["base": web[node]!.base, "spki": try await WebClient.spki(fed.dir(node) + "/web.crt"), "user": "office-\(node)",
                           "password": WebClient.password, "profile": fed.dir(node) + "/chromium", "id": node]
        }
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: fed.directory + "/draft.json"))
        let run = try await ProcessRun.run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/web_joint_draft.py",
                                                    fed.directory + "/draft.json"])
        #expect(run.status == 0, "web_joint_draft.py: \(run.output)")
        let out = (try? JSONSerialization.jsonObject(with: Data((run.output.split(separator: "\n").last ?? "").utf8))) as? [String: Any] ?? [:]
        try? run.output.write(toFile: fed.directory + "/web-joint-draft.json", atomically: true, encoding: .utf8)
        WebPlanDeskProcessTests.keep(fed.directory + "/web-joint-draft.json", as: "web-joint-draft.json")
        let merged = out["mergedText"] as? [String: String] ?? [:], mergedHash = out["mergedHash"] as? [String: String] ?? [:]
        #expect(merged.count == 2 && merged["a"] == merged["b"] && mergedHash["a"] == mergedHash["b"], "both pages end with the same text: \(run.output)")
        #expect(merged["a"]?.hasPrefix("乙方补充：联合开通旅游专线。\n# 问题") == true && merged["a"]?.hasSuffix("统一年票。\n甲方补充：统一景区年票互认。") == true,
                "both concurrent edits merged: \(merged)")
        #expect(out["voidOnBoth"] as? Bool == true, "\(run.output)")
        let final = out["finalHash"] as? [String: String] ?? [:]
        #expect(final["a"] == final["b"] && final["a"] != mergedHash["a"], "\(run.output)")
        let submitted = out["submitted"] as? [String: [[Any]]] ?? [:]
        for (who, signOffs) in submitted {
            let valid = signOffs.filter { $0.count == 3 && $0[2] is NSNull }
            #expect(Set(valid.compactMap { $0[0] as? String }) == Set(Self.members) && valid.allSatisfy { $0[1] as? String == final["a"] },
                    "\(who)'s page: both sign-offs valid on the one hash: \(signOffs)")
            #expect(signOffs.contains { $0[0] as? String == "tongren" && !($0[2] is NSNull) }, "\(who)'s page marks A's first sign-off void")
        }
        #expect(out["editFormAfterSubmission"] as? [String: Bool] == ["a": false, "b": false], "\(run.output)")
        for (who, pages) in out["overflow"] as? [String: [String: Int]] ?? [:] {
            for (path, overflow) in pages { #expect(overflow <= 0, "\(who) \(path) scrolls sideways at 375 px by \(overflow) px") }
        }
        #expect((out["csp"] as? [String]) == [], "the CSP refused nothing (the script is a same-origin file): \(run.output)")
        WebPlanDeskProcessTests.keep(fed.directory + "/draft.png", as: "web-joint-draft-375.png")

        // Submitted: the rules refuse an edit and a second sign-off, and the page says why.
        let done = try await a.send(page)
        let held = (try await fed.queryDraft("tongren", id))["version"] as? [String: Any] ?? [:]
        let heldVersion = held.keys.sorted().map { "\($0)=\(held[$0] ?? 0)" }.joined(separator: ";")
        let frozen = try await a.post("/drafts/edit", [("id", id), ("base_hash", final["a"] ?? ""), ("base_version", heldVersion), ("text", "改")], tokenPage: page)
        #expect(frozen.status == 422 && frozen.body.contains("草稿已提交，不能再修改"), "\(frozen.body.prefix(800))")
        let resign = try await a.post("/drafts/sign", [("id", id), ("hash", final["a"] ?? "")], tokenPage: page)
        #expect(resign.status == 422 && resign.body.contains("草稿已提交"), "\(resign.body.prefix(800))")
        #expect(done.body.contains("data-status=\"submitted\""))
        for node in Self.members {
            let row = try await fed.queryDraft(node, id)
            #expect(row["status"] as? String == "submitted" && row["content_hash"] as? String == final["a"], "\(node): \(row)")
        }
    }
}
