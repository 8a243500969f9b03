import Foundation
import Testing

/// Issue 18, "every domain step reachable": the proposal steps the domain had but no command reached, driven through
/// the `xieshang` CLI against a real node process (the city body, which registers proposals), with each refusal
/// named and nothing recorded on refusal.
@Suite("proposal steps (process acceptance)", .serialized)
struct ProposalStepsProcessTests {
    /// A running city node and the CLI against it.
    struct City {
        let fed: LocalFederation

        static func start() async throws -> City {
            let fed = try LocalFederation(counties: 0, townshipsPerCounty: 0)
            try await fed.start("city")
            return City(fed: fed)
        }

        /// Runs `xieshang words… --node <city>`.
        func run(_ words: [String]) async throws -> ProcessRun {
            try await ProcessRun.run(fed.executable, words + ["--node", fed.member("city").config.adminSocket],
                                     environment: ["XIESHANG_NODE": nil])
        }

        /// Runs a command that must succeed.
        func ok(_ words: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let r = try await run(words)
            #expect(r.status == 0, "xieshang \(words.joined(separator: " ")): \(r.output)", sourceLocation: sourceLocation)
        }

        /// Runs a command the rules must refuse with `rule` (exit 1, the rule named).
        func refused(_ words: [String], _ rule: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            let r = try await run(words)
            #expect(r.status == 1 && r.output.contains("[\(rule)]"), "xieshang \(words.joined(separator: " ")) is refused by \(rule): \(r.output)",
                    sourceLocation: sourceLocation)
        }

        /// The single JSON object a `--json` command prints.
        func json(_ words: [String]) async throws -> [String: Any] {
            let r = try await run(words + ["--json"])
            guard r.status == 0, let line = r.output.split(separator: "\n").first,
                  let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw LocalFederation.Failure(description: "xieshang \(words.joined(separator: " ")) --json: \(r.output)")
            }
            return object
        }

        /// Every JSON line a `--json` list command prints.
        func rows(_ words: [String]) async throws -> [[String: Any]] {
            let r = try await run(words + ["--json"])
            guard r.status == 0 else { throw LocalFederation.Failure(description: "xieshang \(words.joined(separator: " ")): \(r.output)") }
            return try r.output.split(separator: "\n").compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }

        func addMembers(_ ids: [String]) async throws {
            for id in ids { try await ok(["member", "add", "--id", id, "--name", "委员\(id)", "--sector", "经济界", "--date", "2026-01-05"]) }
        }
    }

    /// Issue 18's first acceptance point. Before, a joint proposal recorded with the CLI lost its co-signers: no command
    /// confirmed 附议, so they could not rate the reply and scored nothing. Now two co-signers confirm with
    /// `proposal cosign`, rate the reply, and `member ledger` shows each their half points citing the proposal; an
    /// uninvited member, a second confirmation and one after the deadline are refused by name and change nothing.
    @Test("a joint proposal: two co-signers confirm (附议), rate the reply and get their duty points; late, repeated and uninvited confirmations refused")
    func jointProposalCosignersConfirmRateAndScore() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1", "M2", "M3", "M4"])
        try await city.ok(["proposal", "submit", "--id", "TA-1", "--title", "关于茶产业的建议", "--text", "建议…", "--by", "M1",
                           "--kind", "joint", "--cosigners", "M2,M3", "--date", "2026-01-10"])
        try await city.ok(["proposal", "cosign", "TA-1", "--by", "M2", "--date", "2026-01-12"])
        try await city.ok(["proposal", "cosign", "TA-1", "--by", "M3", "--date", "2026-01-17"])  // the policy's last day
        try await city.refused(["proposal", "cosign", "TA-1", "--by", "M4", "--date", "2026-01-13"], "proposal.cosign.invited")
        try await city.refused(["proposal", "cosign", "TA-1", "--by", "M2", "--date", "2026-01-13"], "proposal.cosign.once")
        // A deadline given at submission; M4 confirms a day late and is dropped.
        try await city.ok(["proposal", "submit", "--id", "TA-2", "--title", "关于停车的建议", "--text", "建议…", "--by", "M1",
                           "--kind", "joint", "--cosigners", "M4", "--cosign-deadline", "2026-01-15", "--date", "2026-01-10"])
        try await city.refused(["proposal", "cosign", "TA-2", "--by", "M4", "--date", "2026-01-16"], "proposal.cosign.deadline")

        try await city.ok(["proposal", "review", "TA-1", "--register", "2026-1", "--date", "2026-01-20"])
        try await city.ok(["proposal", "review", "TA-2", "--register", "2026-2", "--date", "2026-01-20"])
        try await city.ok(["proposal", "assign", "TA-1", "--lead", "市农业农村局", "--date", "2026-02-01"])
        try await city.ok(["proposal", "reply", "TA-1", "--unit", "市农业农村局", "--class", "A", "--text", "已落实", "--date", "2026-04-01"])
        try await city.ok(["proposal", "evaluate", "TA-1", "--by", "M2", "--rating", "satisfied", "--date", "2026-04-05"])
        try await city.ok(["proposal", "evaluate", "TA-1", "--by", "M3", "--rating", "basic", "--date", "2026-04-06"])
        try await city.refused(["proposal", "evaluate", "TA-1", "--by", "M4", "--rating", "unsatisfied", "--date", "2026-04-06"],
                               "proposal.evaluate.proposer")

        let shown = try await city.json(["proposal", "show", "TA-1"])
        let cosigners = (shown["cosigners"] as? [[String: Any]]) ?? []
        #expect(cosigners.map { $0["member"] as? String } == ["M2", "M3"] && cosigners.allSatisfy { ($0["confirmed"] as? Bool) == true },
                "\(shown)")
        #expect(((shown["evaluations"] as? [[String: Any]]) ?? []).map { $0["member"] as? String } == ["M2", "M3"], "\(shown)")
        let late = try await city.json(["proposal", "show", "TA-2"])
        #expect(((late["cosigners"] as? [[String: Any]]) ?? []).map { $0["confirmed"] as? Bool } == [false], "\(late)")
        let text = try await city.run(["proposal", "show", "TA-2"])
        #expect(text.output.contains("附议人") && text.output.contains("未确认"), "\(text.output)")

        // Duty points: a co-signer scores half of the proposal's 10 and half of the registration's 15 (policy
        // defaults), citing TA-1; M4, who never confirmed, scores nothing for either proposal.
        for member in ["M2", "M3"] {
            let ledger = try await city.json(["member", "ledger", member, "--year", "2026"])
            let entries = (ledger["entries"] as? [[String: Any]]) ?? []
            #expect(entries.map { $0["rule"] as? String } == ["duty.proposal.cosigner", "duty.proposal.registered.cosigner"], "\(ledger)")
            #expect(entries.allSatisfy { $0["source"] as? String == "proposal:TA-1" }, "\(ledger)")
            #expect((ledger["categories"] as? [String: Any])?["proposals"] as? Int == 125, "\(ledger)")
        }
        let m4 = try await city.json(["member", "ledger", "M4", "--year", "2026"])
        #expect(((m4["entries"] as? [[String: Any]]) ?? []).isEmpty, "\(m4)")
        let members = try await city.rows(["member", "list", "--year", "2026"])
        func total(_ id: String) -> Int? { members.first { $0["id"] as? String == id }?["duty_total_tenths"] as? Int }
        #expect(total("M2").flatMap { a in total("M4").map { a - $0 } } == 125, "\(members)")
        let zh = try await city.run(["member", "ledger", "M2", "--year", "2026"])
        #expect(zh.status == 0 && zh.output.contains("履职档案") && zh.output.contains("提案（附议人）") && zh.output.contains("12.5"), "\(zh.output)")
        try await city.refused(["member", "ledger", "M9", "--year", "2026"], "duty.member")
        #expect(city.fed.stop("city") == 0)
    }

    /// Issue 18: key proposals 重点提案 with their supervising leader and withdrawal 撤回 had no command. Now
    /// `proposal key` and `proposal withdraw` reach them; `proposal list --key` lists exactly the key proposals, and
    /// each refusal (a co-signer withdrawing, withdrawing after review, a key proposal before registration) is named.
    @Test("key proposal with its supervising leader (重点提案, 领衔督办) and withdrawal (撤回) through the CLI")
    func keyProposalAndWithdrawal() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1", "M2"])
        for id in ["TA-1", "TA-2", "TA-3"] {
            try await city.ok(["proposal", "submit", "--id", id, "--title", "关于\(id)的建议", "--text", "建议…", "--by", "M1",
                               "--kind", "joint", "--cosigners", "M2", "--date", "2026-01-10"])
            try await city.ok(["proposal", "cosign", id, "--by", "M2", "--date", "2026-01-11"])
        }
        try await city.refused(["proposal", "withdraw", "TA-2", "--by", "M2", "--date", "2026-01-12"], "proposal.withdraw.actor")
        try await city.ok(["proposal", "withdraw", "TA-2", "--by", "M1", "--reason", "与TA-1重复", "--date", "2026-01-12"])
        try await city.refused(["proposal", "key", "TA-1", "--supervisor", "市政协主席张某", "--date", "2026-01-15"], "proposal.key.state")
        try await city.ok(["proposal", "review", "TA-1", "--register", "2026-1", "--date", "2026-01-20"])
        try await city.ok(["proposal", "review", "TA-3", "--register", "2026-3", "--date", "2026-01-20"])
        try await city.refused(["proposal", "withdraw", "TA-3", "--by", "M1", "--date", "2026-01-21"], "proposal.withdraw.beforeReview")
        try await city.refused(["proposal", "review", "TA-2", "--register", "2026-2", "--date", "2026-01-20"], "proposal.review.state")
        try await city.ok(["proposal", "key", "TA-1", "--supervisor", "市政协主席张某", "--date", "2026-01-25"])

        let key = try await city.rows(["proposal", "list", "--key"])
        #expect(key.map { $0["id"] as? String } == ["TA-1"] && key.first?["supervisor"] as? String == "市政协主席张某", "\(key)")
        let all = try await city.rows(["proposal", "list"])
        #expect(all.map { $0["status"] as? String } == ["registered", "withdrawn", "registered"], "\(all)")
        let shown = try await city.run(["proposal", "show", "TA-1"])
        #expect(shown.output.contains("领衔督办") && shown.output.contains("市政协主席张某"), "\(shown.output)")
        let listed = try await city.run(["proposal", "list", "--key"])
        #expect(listed.output.contains("领衔督办") && !listed.output.contains("TA-3"), "\(listed.output)")
        // The withdrawn proposal scores nothing, for the first proposer or the co-signer.
        for member in ["M1", "M2"] {
            let ledger = try await city.json(["member", "ledger", member, "--year", "2026"])
            let sources = Set(((ledger["entries"] as? [[String: Any]]) ?? []).compactMap { $0["source"] as? String })
            #expect(sources == ["proposal:TA-1", "proposal:TA-3"], "\(member): \(ledger)")
        }
        #expect(city.fed.stop("city") == 0)
    }

    /// Issue 18: converting a not-registered proposal into an opinion report 转为社情民意信息 needed the proposer's
    /// recorded consent but no command reached it. `proposal review --reject … --convert-to R --consent-by M` does:
    /// a co-signer's consent is refused by name and records nothing; the first proposer's creates the report (listed
    /// with `opinion list`), which is not scored a second time.
    @Test("a not-registered proposal converted into an opinion report with the first proposer's consent")
    func notRegisteredProposalConvertedWithConsent() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1", "M2"])
        try await city.ok(["proposal", "submit", "--id", "TA-1", "--title", "关于路灯的建议", "--text", "建议…", "--by", "M1",
                           "--kind", "joint", "--cosigners", "M2", "--date", "2026-01-10"])
        let reject = ["proposal", "review", "TA-1", "--reject", "no_substance", "--notice", "经提案人同意转为社情民意信息", "--date", "2026-01-20"]
        try await city.refused(reject + ["--convert-to", "XX-TA-1", "--consent-by", "M2"], "proposal.review.conversion.consent")
        let noConsent = try await city.run(reject + ["--convert-to", "XX-TA-1"])
        #expect(noConsent.status == 2 && noConsent.output.contains("--consent-by"), "\(noConsent.output)")
        let noReport = try await city.rows(["opinion", "list"])
        let stillSubmitted = try await city.rows(["proposal", "list"])
        #expect(noReport.isEmpty && stillSubmitted.first?["status"] as? String == "submitted", "\(noReport) \(stillSubmitted)")
        try await city.ok(reject + ["--convert-to", "XX-TA-1", "--consent-by", "M1"])
        let opinions = try await city.rows(["opinion", "list"])
        #expect(opinions.map { $0["origin_report_id"] as? String } == ["XX-TA-1"] && opinions.first?["author"] as? String == "M1", "\(opinions)")
        let rejected = try await city.rows(["proposal", "list"])
        #expect(rejected.first?["status"] as? String == "notRegistered", "\(rejected)")
        let ledger = try await city.json(["member", "ledger", "M1", "--year", "2026"])
        let rules = ((ledger["entries"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["duty.proposal.first"], "the converted report is not scored again: \(ledger)")
        #expect(city.fed.stop("city") == 0)
    }

    /// Issue 18's acceptance: the quarterly appraisal (习水: 逐个提案测评) returns exactly the proposals rated below the
    /// threshold. TA-1 has 1,599 of 2,000 votes (79.95%, displayed 80.0%: below, compared unrounded), TA-2 exactly 80%
    /// and TA-3 all satisfied (not below). TA-1 is returned for re-handling by the same command; its unit cannot reply
    /// again before its written explanation 书面说明, which the appraisal list then shows.
    @Test("quarterly appraisal: each proposal rated, the list below the threshold is exactly the returned proposal, with the unit's written explanation")
    func quarterlyAppraisalListsExactlyTheProposalsBelowTheThreshold() async throws {
        let city = try await City.start()
        defer { city.fed.stopAll() }
        try await city.addMembers(["M1"])
        for id in ["TA-1", "TA-2", "TA-3"] {
            try await city.ok(["proposal", "submit", "--id", id, "--title", "关于\(id)的建议", "--text", "建议…", "--by", "M1", "--date", "2026-01-10"])
            try await city.ok(["proposal", "review", id, "--register", id, "--date", "2026-01-20"])
            try await city.ok(["proposal", "assign", id, "--lead", "市住建局", "--date", "2026-02-01"])
            try await city.ok(["proposal", "reply", id, "--unit", "市住建局", "--class", "B", "--text", "已列入计划", "--date", "2026-04-01"])
        }
        try await city.refused(["proposal", "appraise", "TA-1", "--quarter", "2026-06", "--satisfied", "1", "--date", "2026-06-28"],
                               "proposal.appraise.quarter")
        try await city.refused(["proposal", "appraise", "TA-1", "--quarter", "2026-Q2", "--date", "2026-06-28"], "proposal.appraise.votes")
        let badQuarter = try await city.run(["proposal", "appraise", "TA-1", "--quarter", "2026-Q5", "--satisfied", "1"])
        #expect(badQuarter.status == 2 && badQuarter.output.contains("--quarter '2026-Q5'"), "\(badQuarter.output)")
        let returned = try await city.run(["proposal", "appraise", "TA-1", "--quarter", "2026-Q2", "--satisfied", "1599", "--unsatisfied", "401",
                                           "--date", "2026-06-28"])
        #expect(returned.status == 0 && returned.output.contains("退回重办"), "\(returned.output)")
        try await city.ok(["proposal", "appraise", "TA-2", "--quarter", "2026-Q2", "--satisfied", "30", "--basic", "10", "--unsatisfied", "10",
                           "--date", "2026-06-28"])
        try await city.ok(["proposal", "appraise", "TA-3", "--quarter", "2026-Q2", "--satisfied", "50", "--date", "2026-06-28"])
        try await city.refused(["proposal", "appraise", "TA-2", "--quarter", "2026-Q2", "--satisfied", "1", "--date", "2026-06-29"],
                               "proposal.appraise.once")

        let below = try await city.rows(["proposal", "appraisal", "--quarter", "2026-Q2", "--below"])
        #expect(below.map { $0["id"] as? String } == ["TA-1"], "\(below)")
        #expect(below.first?["rate_numerator"] as? Int == 1599 && below.first?["rate_denominator"] as? Int == 2000
                && below.first?["threshold_percent"] as? Int == 80, "\(below)")
        let all = try await city.rows(["proposal", "appraisal", "--quarter", "2026-Q2"])
        #expect(all.map { $0["id"] as? String } == ["TA-1", "TA-2", "TA-3"] && all.map { $0["below_threshold"] as? Bool } == [true, false, false], "\(all)")
        let statuses = try await city.rows(["proposal", "list"])
        #expect(statuses.map { $0["status"] as? String } == ["assigned", "replied", "replied"] && statuses.first?["round"] as? Int == 2, "\(statuses)")

        // The returned unit explains in writing before it replies again.
        let reply = ["proposal", "reply", "TA-1", "--unit", "市住建局", "--class", "A", "--text", "已解决", "--date", "2026-07-10"]
        try await city.refused(reply, "proposal.reply.explanationPending")
        try await city.refused(["proposal", "explain", "TA-2", "--unit", "市住建局", "--text", "说明", "--date", "2026-07-05"], "proposal.explain.state")
        try await city.ok(["proposal", "explain", "TA-1", "--unit", "市住建局", "--text", "资金未及时到位，已制定整改计划", "--date", "2026-07-05"])
        try await city.ok(reply)
        let explained = try await city.rows(["proposal", "appraisal", "--quarter", "2026-Q2", "--below"])
        #expect(((explained.first?["explanations"] as? [[String: Any]]) ?? []).map { $0["text"] as? String } == ["资金未及时到位，已制定整改计划"],
                "\(explained)")
        let table = try await city.run(["proposal", "appraisal", "--quarter", "2026-Q2", "--below"])
        #expect(table.output.contains("书面说明") && table.output.contains("1599/2000") && table.output.contains("资金未及时到位")
                && !table.output.contains("TA-2"), "\(table.output)")
        let shown = try await city.run(["proposal", "show", "TA-1"])
        #expect(shown.output.contains("季度测评") && shown.output.contains("低于 80%，退回重办") && shown.output.contains("1599/2000")
                && shown.output.contains("书面说明") && shown.output.contains("资金未及时到位"), "\(shown.output)")
        #expect(city.fed.stop("city") == 0)
    }
}
