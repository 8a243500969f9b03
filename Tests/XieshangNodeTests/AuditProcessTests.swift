import Foundation
import Testing
import XieshangWire

/// Issue 15 item 9, audit without trusting the node, with real node processes and the real CLI: a city, two
/// counties and a township under each. The townships record a half-year of activities, suggestions and opinion
/// reports (forwarded to and adopted by their county); the counties record a proposal; everyone approves 2026-H1
/// bottom-up. The city's H1 bundle (`xieshang audit export`) verifies on its own (`xieshang audit verify`, exit 0)
/// and its per-body figures equal what this test generated. Three tampered copies each exit 1 naming the problem —
/// one byte of one record flipped, one record dropped, one figure of a report edited — and an empty, a truncated
/// and a random file are clear errors (exit 2), never a crash.
@Suite("audit bundles (processes)", .serialized)
struct AuditProcessTests {
    @Test("the city's half-year bundle verifies alone; a flipped byte, a dropped record and an edited figure are named")
    func cityHalfYearBundleVerifiesAndTamperingIsNamed() async throws {
        let fed = try LocalFederation(counties: 2, townshipsPerCounty: 1)
        defer { fed.stopAll() }
        try await fed.startAll()
        func cli(_ body: String?, _ words: [String]) async throws -> ProcessRun {
            try await ProcessRun.run(fed.executable, words + (body.map { ["--node", fed.member($0).config.adminSocket] } ?? []),
                                     environment: ["XIESHANG_NODE": nil])
        }
        func ok(_ body: String, _ words: [String]) async throws {
            let r = try await cli(body, words)
            if r.status != 0 { throw LocalFederation.Failure(description: "`xieshang \(words.joined(separator: " "))` at \(body): \(r.output)") }
        }
        func rows(_ body: String, _ type: String) async throws -> [[String: Any]] {
            let r = try QueryResponse(serializedBytes: try await fed.call(body, AdminService.query.path, QueryRequest(recordType: type).serializedBytes()))
            return r.rowsJson.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        }
        var expected: [String: [String: Int64]] = [:]

        // Townships: three activities in H1 (one dated 31 March), one in July (not H1), a suggestion, an opinion report.
        for (ti, town) in fed.townships.enumerated() {
            let p1 = Int64(10 + ti), p3 = Int64(20 + ti)
            try await ok(town, ["activity", "add", "--id", "HD-1", "--kind", "research", "--topic", "调研一", "--participants", "\(p1)", "--date", "2026-01-15"])
            try await ok(town, ["activity", "add", "--id", "HD-2", "--kind", "inspection", "--topic", "视察", "--participants", "6", "--date", "2026-03-31"])
            try await ok(town, ["activity", "add", "--id", "HD-3", "--kind", "consultation", "--form", "topical", "--topic", "协商",
                                "--participants", "\(p3)", "--date", "2026-05-20"])
            try await ok(town, ["activity", "add", "--id", "HD-4", "--kind", "training", "--topic", "培训", "--participants", "9", "--date", "2026-07-03"])
            try await ok(town, ["suggestion", "add", "--id", "JY-1", "--text", "建议一", "--addressee", "乡镇党委", "--date", "2026-02-20"])
            try await ok(town, ["suggestion", "adopt", "JY-1", "--by", "乡镇党委书记", "--date", "2026-03-05"])
            func opinion(_ words: [String]) async throws { try await ok(town, ["opinion"] + words + ["--author-kind", "group"]) }
            try await opinion(["submit", "--id", "XX-1", "--title", "饮水安全", "--text", "供水管网老化。", "--author", town, "--date", "2026-03-02"])
            try await opinion(["adopt", "XX-1", "--issue", "第3期", "--date", "2026-03-05"])
            try await opinion(["forward", "XX-1", "--text", "供水管网老化，建议纳入保障工程。", "--date", "2026-03-06"])
            expected[town] = ["research_visits": 1, "inspections": 1, "consultations": 1, "trainings": 0, "activity_participants": p1 + 6 + p3,
                              "suggestions_made": 1, "suggestions_adopted": 1, "opinions_received": 1, "opinions_adopted": 1, "opinions_forwarded": 1]
        }
        // Counties: the forwarded report adopted, a proposal filed and registered.
        for county in fed.counties {
            let town = try #require(fed.townships.first { fed.member($0).config.parent?.nodeId == county })
            try await waitUntil("\(county) holds \(town)'s forwarded report", seconds: 30) {
                try await rows(county, "opinions").contains { $0["origin_body"] as? String == town }
            }
            try await ok(county, ["opinion", "adopt", "\(town)/XX-1", "--issue", "第5期", "--author-kind", "group", "--date", "2026-03-12"])
            try await ok(county, ["member", "add", "--id", "M1", "--name", "委员一", "--sector", "经济界", "--date", "2026-01-05"])
            try await ok(county, ["proposal", "submit", "--id", "P1", "--title", "提案一", "--text", "建议……", "--by", "M1", "--date", "2026-01-10"])
            try await ok(county, ["proposal", "review", "P1", "--register", "1", "--date", "2026-01-20"])
            expected[county] = ["opinions_received": 1, "opinions_adopted": 1, "proposals_filed": 1, "proposals_registered": 1, "research_visits": 0]
            // The adoption travels down to the township before it approves (else its figures change after approval).
            try await waitUntil("\(town) sees its report adopted by \(county)", seconds: 30) {
                try await rows(town, "opinions").contains { r in
                    r["origin_report_id"] as? String == "XX-1" && ((r["adopted_by"] as? [Any])?.isEmpty == false || (r["adopted_by"] as? String)?.isEmpty == false)
                }
            }
        }

        // Approved bottom-up, so the bundle carries approvals too.
        func approval(_ at: String, _ body: String) async throws -> String? {
            let r = try await cli(at, ["stats", "--period", "2026-H1", "--drill", "--json"])
            guard r.status == 0, let o = try? JSONSerialization.jsonObject(with: Data(r.output.utf8)) as? [String: Any],
                  let bodies = o["bodies"] as? [[String: Any]] else { return nil }
            return bodies.first { $0["body"] as? String == body }?["approval"] as? String
        }
        for town in fed.townships {
            try await ok(town, ["approve", "--period", "2026-H1"])
            let county = try #require(fed.member(town).config.parent?.nodeId)
            try await waitUntil("\(county) shows \(town) approved", seconds: 30) { try await approval(county, town) == "approved" }
        }
        for county in fed.counties {
            try await ok(county, ["approve", "--period", "2026-H1"])
            try await waitUntil("city shows \(county) approved", seconds: 30) { try await approval("city", county) == "approved" }
        }
        try await ok("city", ["approve", "--period", "2026-H1"])

        // Export at the city, verify with no node at all.
        let file = fed.directory + "/city-2026-H1.audit"
        let export = try await cli("city", ["audit", "export", "--period", "2026-H1", file])
        #expect(export.status == 0 && export.output.contains("已导出审计包"), "\(export.output)")
        func verify(_ path: String) async throws -> (status: Int32, json: [String: Any], output: String) {
            let r = try await cli(nil, ["audit", "verify", path, "--json"])
            let o = (try? JSONSerialization.jsonObject(with: Data(r.output.utf8))) as? [String: Any] ?? [:]
            return (r.status, o, r.output)
        }
        let honest = try await verify(file)
        #expect(honest.status == 0, "\(honest.output)")
        let bodies = (honest.json["bodies"] as? [[String: Any]]) ?? []
        #expect(Set(bodies.compactMap { $0["body"] as? String }) == Set(["city"] + fed.counties + fed.townships))
        for (body, figures) in expected {
            let row = try #require(bodies.first { $0["body"] as? String == body })
            let own = (row["own"] as? [String: Any]) ?? [:]
            for (figure, value) in figures {
                #expect((own[figure] as? NSNumber)?.int64Value ?? 0 == value, "\(body) \(figure): verify gives \(own[figure] ?? "nothing"), generated \(value)")
            }
            #expect(row["approval"] as? String == "approved" && row["verdict"] as? String == "holds", "\(body): \(row)")
        }
        let cityRow = try #require(bodies.first { $0["body"] as? String == "city" })
        let cityTotals = (cityRow["recomputed_totals"] as? [String: Any]) ?? [:]
        let participants = fed.townships.compactMap { expected[$0]?["activity_participants"] }.reduce(0, +)
        #expect((cityTotals["activity_participants"] as? NSNumber)?.int64Value == participants, "\(cityTotals)")
        let text = try await cli(nil, ["audit", "verify", file])
        #expect(text.status == 0 && text.output.contains("通过") && text.output.contains("结论：通过"), "\(text.output)")

        // Three tampered copies.
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        let bundle = try AuditBundle(serializedBytes: original, limits: DecodeLimits(maxMessageBytes: max(original.count, 4 << 20)))
        let town = try #require(fed.townships.first)
        let decoded = bundle.events.map { try? $0.decodedBody() }
        let recordIndex = try #require(decoded.firstIndex { $0?.origin == town && $0?.kind == .activity })
        let record = try #require(decoded[recordIndex])
        func problems(_ r: (status: Int32, json: [String: Any], output: String)) -> [[String: Any]] {
            ((r.json["problems"] as? [[String: Any]]) ?? []) + ((r.json["bodies"] as? [[String: Any]]) ?? []).flatMap { ($0["problems"] as? [[String: Any]]) ?? [] }
        }
        func has(_ list: [[String: Any]], kind: String, event: String, figure: String? = nil) -> Bool {
            list.contains { $0["kind"] as? String == kind && $0["event"] as? String == event && (figure == nil || $0["figure"] as? String == figure) }
        }

        // 1. One byte of one record flipped (its body's last byte, inside its last length-delimited field).
        let needle = bundle.events[recordIndex].body
        let at = try #require(Self.range(of: needle, in: original))
        var flipped = original
        flipped[at.upperBound - 1] ^= 0x20
        try Data(flipped).write(to: URL(fileURLWithPath: file + ".flipped"))
        let r1 = try await verify(file + ".flipped")
        #expect(r1.status == 1, "\(r1.output)")
        #expect(has(problems(r1), kind: "signature", event: "\(town)#\(record.seq)"), "\(problems(r1))")
        #expect(has(problems(r1), kind: "chain", event: "\(town)#\(record.seq + 1)"), "\(problems(r1))")
        let r1text = try await cli(nil, ["audit", "verify", file + ".flipped"])
        #expect(r1text.status == 1 && r1text.output.contains("签名不成立 \(town)#\(record.seq)") && r1text.output.contains("不符"), "\(r1text.output)")

        // 2. One record dropped.
        var dropped = bundle
        dropped.events.remove(at: recordIndex)
        try Data(dropped.serializedBytes()).write(to: URL(fileURLWithPath: file + ".dropped"))
        let r2 = try await verify(file + ".dropped")
        #expect(r2.status == 1, "\(r2.output)")
        #expect(problems(r2).contains { $0["kind"] as? String == "chain" && $0["event"] as? String == "\(town)#\(record.seq + 1)"
                                        && ($0["message"] as? String ?? "").contains("#\(record.seq) missing") }, "\(problems(r2))")

        // 3. One figure edited in the township's latest H1 report.
        let townRow = try #require(bodies.first { $0["body"] as? String == town })
        let reportName = try #require(townRow["report"] as? String)
        let reportIndex = try #require(decoded.firstIndex { $0.map { "\($0.origin)#\($0.seq)" } == reportName })
        var edited = bundle
        var body = try #require(decoded[reportIndex])
        var report = try AggregateReport(serializedBytes: body.payload)
        report.own["activity_participants", default: 0] += 1
        report.totals["activity_participants", default: 0] += 1
        body.payload = report.serializedBytes()
        edited.events[reportIndex].body = body.serializedBytes()
        try Data(edited.serializedBytes()).write(to: URL(fileURLWithPath: file + ".edited"))
        let r3 = try await verify(file + ".edited")
        #expect(r3.status == 1, "\(r3.output)")
        #expect(has(problems(r3), kind: "figure", event: reportName, figure: "activity_participants"), "\(problems(r3))")

        // 4. A key swapped in the body list (the exporter vouching for another key): named against the root's signed
        // roster, and every event of that body fails its signature.
        var swapped = bundle
        let other = try Ed25519.PrivateKey()
        let keyIndex = try #require(swapped.bodies.firstIndex { $0.nodeId == town })
        swapped.bodies[keyIndex].publicKey = other.publicKey.rawRepresentation
        try Data(swapped.serializedBytes()).write(to: URL(fileURLWithPath: file + ".swapped"))
        let r4 = try await verify(file + ".swapped")
        #expect(r4.status == 1 && problems(r4).contains { $0["kind"] as? String == "key" && $0["body"] as? String == town }, "\(problems(r4))")

        // Paging: the node's pages of at most 7 events, put together, are the bundle the CLI wrote.
        var paged: [SignedEvent] = []
        var request = AuditExportRequest(period: "2026-H1", throughPosition: 0, maxEvents: 7)
        var pages = 0
        while true {
            let page = try AuditExportPage(serializedBytes: try await fed.call("city", AuditService.exportPage.path, request.serializedBytes()))
            paged += page.bundle?.events ?? []
            pages += 1
            #expect((page.bundle?.events.count ?? 0) <= 7)
            if page.done || pages > 1_000 { break }
            request.afterPosition = page.nextPosition
            request.throughPosition = page.throughPosition
        }
        #expect(pages > 1 && paged.count >= bundle.events.count && Array(paged.prefix(bundle.events.count)) == bundle.events,
                "\(pages) pages, \(paged.count) events, bundle \(bundle.events.count)")
        let badPeriod = try await cli("city", ["audit", "export", "--period", "2026-H3", file + ".bad"])
        #expect(badPeriod.status == 1 && badPeriod.output.contains("is not a month"), "\(badPeriod.output)")

        // Abuse: empty, truncated, random — clear errors naming the file, exit 2, no crash.
        var random = SystemRandomNumberGenerator()
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "empty"),
            ("truncated", Array(original.prefix(original.count / 2)), "truncated"),
            ("random", (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }, "audit"),
        ]
        for (name, bytes, words) in cases {
            let path = file + "." + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let r = try await cli(nil, ["audit", "verify", path])
            #expect(r.status == 2 && r.output.contains(path) && r.output.contains(words), "\(name): \(r.status) \(r.output)")
        }
        for words in [["audit"], ["audit", "verify"], ["audit", "export", file + ".x"], ["audit", "check", file]] {
            let r = try await cli(nil, words)
            #expect(r.status == 2, "\(words): \(r.status) \(r.output)")
        }
        let missing = try await cli(nil, ["audit", "verify", file + ".nothing"])
        #expect(missing.status == 2 && missing.output.contains("cannot read"), "\(missing.output)")
    }

    /// Where `needle` first occurs in `haystack`.
    static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
            return i..<(i + needle.count)
        }
        return nil
    }
}
