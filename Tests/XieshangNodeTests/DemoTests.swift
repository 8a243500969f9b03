import Foundation
import Testing
import XieshangNode

/// `xieshang demo` as a newcomer runs it (`make demo`): real node processes on loopback, the printed totals checked
/// against the generated records, no process left behind, and the report rendered by headless Chromium.
@Suite("demo")
struct DemoTests {
    func run(_ exe: String, _ args: [String]) async throws -> (status: Int32, output: String) {
        let r = try await ProcessRun.run(exe, args)
        return (r.status, r.output)
    }

    /// Processes whose command line mentions `text` (from /proc), other than this test process.
    func processes(mentioning text: String) -> [String] {
        let ids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return ids.filter { Int($0) != nil && Int32($0) != getpid() }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let line = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return line.contains(text) ? "\(pid): \(line)" : nil
        }
    }

    @Test("the demo runs to the end, its totals equal the generated records, no node is left, Chromium renders the report")
    func demoEndToEnd() async throws {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang not built") }
        let dir = "/tmp/xs-demo-test-" + String(UUID().uuidString.prefix(8)).lowercased()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = try LocalFederation.freePortRange(14)
        let (status, output) = try await run(exe, ["demo", "--dir", dir, "--base-port", String(base)])
        #expect(status == 0, "demo failed:\n\(output)")
        // The number of records the demo generated, and the city's row of the printed table (first figure: activities).
        let generated = output.split(separator: "\n").first { $0.hasPrefix("recorded ") }?.split(separator: " ").dropFirst(4).first.map(String.init)
        let total = try #require(generated.flatMap { Int($0) }, "no 'recorded N commands → M events' line:\n\(output)")
        #expect(total > 200, "a year of records")
        #expect(output.contains("✔ every total equals the sum of the \(total) generated records"), "\(output)")
        #expect(!output.contains("✘"), "\(output)")
        #expect(output.contains("铜仁市政协") && output.contains("万山区敖寨乡政协工委"))
        #expect(output.contains("stopped 14 nodes"))
        // The year approved bottom-up (townships, counties, the city), after the figures check: the city sees each
        // county's approval and its three townships' (4/4), and all 13 bodies' for itself.
        let lines = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let checked = lines.firstIndex { $0.hasPrefix("✔ every total equals") } ?? lines.count
        let approving = lines.firstIndex { $0.hasPrefix("审核 2026（自下而上") } ?? -1
        #expect(approving > checked, "the approval comes after the figures check:\n\(output)")
        for county in ["碧江区政协", "万山区政协", "江口县政协"] {
            #expect(lines.contains { $0.hasPrefix(county) && $0.hasSuffix("已审核 4/4 ✔") }, "\(county)'s approval state:\n\(output)")
        }
        #expect(lines.contains { $0.hasPrefix("铜仁市政协") && $0.hasSuffix("已审核 13/13 ✔") }, "the city's approval state:\n\(output)")
        #expect(processes(mentioning: dir).isEmpty, "orphans: \(processes(mentioning: dir))")

        // The report, as a person sees it.
        let report = dir + "/report.html"
        #expect(FileManager.default.fileExists(atPath: report))
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed; run `make test` (it installs Debian's chromium)")
            return
        }
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(dir)/chromium"]
        let (domStatus, dom) = try await run(chromium, common + ["--dump-dom", "file://\(report)"])
        #expect(domStatus == 0)
        // The city's row: 协商 调研 视察 评议 培训 公益 人次 立案 办结 办结率 … (real figures by record date, not event counts).
        let cityRow = output.split(separator: "\n").first { $0.hasPrefix("铜仁市政协 ") }?.split(separator: " ").map(String.init) ?? []
        let activityCells = cityRow.dropFirst().prefix(6).compactMap { Int($0) }
        #expect(activityCells.count == 6 && activityCells.reduce(0, +) == 120, "12 activities at each of 9 townships and 4 at each of 3 counties: \(cityRow)")
        let figures = ["consultations", "research_visits", "inspections", "appraisals", "trainings", "welfare_activities",
                       "activity_participants", "proposals_registered", "proposals_closed_of_registered"]
        for (i, figure) in figures.enumerated() where i + 1 < cityRow.count {
            #expect(dom.contains("<td data-figure=\"\(figure)\">\(cityRow[i + 1])</td>"), "the city's \(figure) total in the rendered DOM")
        }
        // 立案: 6 of 7 at each county (one not registered) and 5 at the city; 办结 of those: all but TA-2026-005 (past due).
        #expect(cityRow.count > figures.count && cityRow[8] == "23" && cityRow[9] == "19", "\(cityRow)")
        #expect(dom.contains("办结率") && dom.contains("满意率"), "rates in the rendered DOM")
        // Zones: 万山区's townships in 东片区 and 西片区, each with a subtotal row checked against the generated records;
        // coverage by tier; the report's DOM names the zone and shows the city's 办结率 with its numerator/denominator.
        #expect(output.contains("〔东片区〕小计") && output.contains("〔西片区〕小计"), "zone subtotals in the table:\n\(output)")
        #expect(output.contains("报送情况：县区 3/3 报送，乡镇 9/9 报送"), "\(output)")
        #expect(dom.contains("data-zone=\"东片区\">〔东片区〕小计"), "a zone's subtotal row in the rendered DOM")
        if cityRow.count > 11 {
            #expect(dom.contains("<td data-rate=\"completion_rate\" data-body=\"city\">\(cityRow[10]) <span class=\"frac\">\(cityRow[11])</span></td>"),
                    "the city's 办结率 \(cityRow[10]) \(cityRow[11]) in the rendered DOM")
        }
        // On a 375 px phone (mobile emulation through Selenium and chromium-driver): laid out at 375 px, no horizontal scroll.
        let python3 = try ExportCommandTests.python()
        let (layoutStatus, layoutOut) = try await run(python3, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/phone_layout.py",
                                                                 chromium, report, "375", dir + "/phone-profile"])
        let layout = (try? JSONSerialization.jsonObject(with: Data(layoutOut.utf8))) as? [String: Any] ?? [:]
        #expect(layoutStatus == 0 && layout["innerWidth"] as? Int == 375, "\(layoutOut)")
        #expect((layout["scrollWidth"] as? Int ?? .max) <= 375, "no horizontal scroll at 375 px: \(layoutOut)")
        // Approvals and completeness in the report: all 13 bodies approved (the demo approved before writing it).
        #expect(dom.contains("data-approved=\"13/13\">审核情况：已审核 13/13"), "approvals in the rendered DOM")
        #expect(dom.contains("<td class=\"approval approved\" data-approval=\"county2-town1\">已审核</td>"), "a township's approval")
        #expect(dom.contains("<td data-complete=\"city\">3/3</td>") && dom.contains("<td data-complete=\"county2\">3/3</td>"), "completeness")
        #expect(dom.contains("基层矛盾纠纷化解"), "the overdue plan item")
        #expect(dom.contains("TA-2026-005"), "the proposal past due")
        for county in ["碧江区政协", "万山区政协", "江口县政协"] { #expect(dom.contains(county), "\(county) in the rendered DOM") }
        // Townships are named by the federation itself: each county's roster carries its townships' names up.
        #expect(dom.contains("万山区敖寨乡政协工委"), "a township's name in the rendered DOM")
        let (shotStatus, _) = try await run(chromium, common + ["--screenshot=\(dir)/shot.png", "--window-size=1024,1400", "file://\(report)"])
        #expect(shotStatus == 0)
        // Not blank: the share of non-background pixels, measured by the report tests' PNG reader.
        let python = try ExportCommandTests.python()
        let (inkStatus, ink) = try await run(python, [ExportCommandTests.packageRoot + "/Tests/XieshangReportTests/python/png_ink.py", dir + "/shot.png"])
        #expect(inkStatus == 0, "\(ink)")
        let fraction = Double(ink.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(fraction > 0.01, "the screenshot is not blank (ink \(fraction))")
    }

    @Test("--keep-running leaves the federation up and says how to query it; --lang en heads the table in English; --json prints the checked summary on stdout; Ops/federation.sh down stops every node")
    func keepRunning() async throws {
        guard let exe = LocalFederation.xieshang() else { throw LocalFederation.Failure(description: "xieshang not built") }
        let dir = "/tmp/xs-demo-keep-" + String(UUID().uuidString.prefix(8)).lowercased()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let base = try LocalFederation.freePortRange(14)
        // --json: the lines for people on standard error (kept in a file here), the summary on standard output.
        let log = dir + ".log"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let (status, stdout) = try await run("/bin/sh", ["-c", "exec \"$0\" demo --dir \"$1\" --base-port \"$2\" --keep-running --lang en --json 2>\"$3\"",
                                                       exe, dir, String(base), log])
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        defer {
            // Whatever happened, stop what the demo left (by the pids it recorded).
            for pid in processes(mentioning: dir).compactMap({ Int32($0.split(separator: ":").first ?? "") }) { kill(pid, SIGKILL) }
        }
        #expect(status == 0, "\(output)")
        #expect(output.contains("The federation keeps running") && output.contains("xieshang stats --node \(dir)/city/admin.sock --drill"), "\(output)")
        #expect(processes(mentioning: dir).count == 14, "14 nodes still run")
        // --lang en: the table's headings, subtotals, coverage and approval lines in English; the bodies keep their names.
        #expect(output.contains("2026 totals of 铜仁市政协") && output.contains("[东片区] subtotal") && output.contains("coverage: county 3/3 reporting"),
                "\(output)")
        #expect(output.contains("approving 2026 bottom-up") && output.contains("approved 13/13 ✔") && !output.contains("年度汇总"), "\(output)")
        let summary = (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        let bodies = summary["bodies"] as? [[String: Any]] ?? []
        #expect(summary["checked"] as? Bool == true && summary["approved"] as? Bool == true && summary["keep_running"] as? Bool == true
                && (summary["mismatches"] as? [String])?.isEmpty == true && summary["report"] as? String == dir + "/report.html", "\(stdout)")
        #expect(bodies.count == 13 && bodies.allSatisfy { $0["matches"] as? Bool == true }, "\(stdout)")
        let cityTotals = bodies.first { $0["body"] as? String == "city" }?["totals"] as? [String: Any] ?? [:]
        #expect(summary["records"] as? Int ?? 0 > 200 && (cityTotals["proposals_registered"] as? Int) == 23, "\(stdout)")
        let (statsStatus, stats) = try await run(exe, ["stats", "--drill", "--node", dir + "/city/admin.sock"])
        #expect(statsStatus == 0 && stats.contains("碧江区政协") && stats.contains("江口县闵孝镇政协联络组"), "\(stats)")
        // The demo approved 2026 at every body: the city's drill-down shows it, and a township refuses a record dated in it.
        #expect(stats.contains("已审核") && !stats.contains("未审核"), "every body approved:\n\(stats)")
        let (lockedStatus, locked) = try await run(exe, ["activity", "add", "--id", "HD-late", "--kind", "inspection", "--topic", "补录视察",
                                                         "--participants", "9", "--date", "2026-06-01",
                                                         "--node", "\(dir)/county1-town1/admin.sock"])
        #expect(lockedStatus == 1 && locked.contains("period.locked"), "a record dated in the approved year is refused: \(locked)")
        // The joint draft: both bodies' concurrent edits merged, both signed the same content, submitted at both.
        #expect(output.contains("联名提案 wuling/city/1") && output.contains("已提交"), "\(output)")
        var held: [String] = []
        for node in ["city", "ally1"] {
            let (code, json) = try await run(exe, ["draft", "show", "wuling/city/1", "--json", "--node", "\(dir)/\(node)/admin.sock"])
            #expect(code == 0, "\(json)")
            let row = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
            let text = row["text"] as? String ?? ""
            #expect(row["status"] as? String == "submitted" && text.contains("2027 年起试行") && text.contains("旅游专线"), "\(node): \(json)")
            let signers = ((row["sign_offs"] as? [[String: Any]]) ?? []).filter { $0["void"] as? Bool == false }.compactMap { $0["signer"] as? String }
            #expect(signers.sorted() == ["ally1", "city"], "\(node): \(json)")
            held.append("\(text)|\(row["content_hash"] ?? "")")
        }
        #expect(held.count == 2 && held[0] == held[1], "both bodies hold the same draft: \(held)")
        let (downStatus, down) = try await run("/bin/bash", [ExportCommandTests.packageRoot + "/Ops/federation.sh", "down", dir])
        #expect(downStatus == 0, "\(down)")
        #expect(processes(mentioning: dir).isEmpty, "orphans: \(processes(mentioning: dir))")
    }
}
