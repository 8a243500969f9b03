import Foundation
import Testing
@testable import XieshangReport

/// `report --html` as the city office reads it (issue #15 item 8): rates per county and township with numerator and
/// denominator, the monthly trend by record month, approval and completeness per body, zones with subtotals — on A4 and
/// on a phone.
struct ReportPhoneLayoutTests {
    /// A city of 10 counties, the first with 17 townships in four zones (赤水's 东部、西部、中部、城区三办), long names,
    /// twelve months: the size of a real year.
    func model() -> ReportModel {
        let rateKeys = [("completion_rate", "办结率"), ("satisfaction_rate", "满意率"), ("suggestion_adoption_rate", "建议采纳率"),
                        ("opinion_adoption_rate", "社情民意录用率")]
        func rates(_ seed: Int64) -> [ReportModel.Rate] {
            rateKeys.enumerated().map { i, r in .init(label: r.1, numerator: 10 + seed + Int64(i), denominator: 15 + seed + Int64(i)) }
        }
        let figures = ["consultations", "research_visits", "inspections", "appraisals", "trainings", "welfare_activities",
                       "activity_participants", "proposals_registered", "opinions_received", "opinions_adopted", "suggestions_made"]
        func totals(_ n: Int64) -> [String: Int64] { Dictionary(uniqueKeysWithValues: figures.map { ($0, n * 1_000 + 7) }) }
        var bodies: [ReportModel.Body] = [
            ReportModel.Body(id: "city", name: "遵义市政协", tier: "city", parent: "", own: [:], totals: totals(99), verified: true)
                .zoned("", rates(0), 10),
        ]
        for c in 1...10 {
            bodies.append(ReportModel.Body(id: "c\(c)", name: c == 1 ? "赤水市政协" : "第\(c)县区政协", tier: "county", parent: "city",
                                           own: [:], totals: totals(Int64(c)), verified: true).zoned("", rates(Int64(c)), c == 1 ? 17 : 0))
        }
        let zoneNames = ["东部片区", "西部片区", "中部片区", "城区三办片区"]
        var zones: [ReportModel.Zone] = []
        for t in 1...17 {
            let zone = zoneNames[(t - 1) % 4]
            bodies.append(ReportModel.Body(id: "c1-t\(t)", name: "赤水市第\(t)乡镇（街道）政协联络组工作委员会", tier: "township", parent: "c1",
                                           own: [:], totals: totals(Int64(t)), verified: true).zoned(zone, rates(Int64(t)), 0))
        }
        for (i, z) in zoneNames.enumerated() {
            let members = (1...17).filter { ($0 - 1) % 4 == i }.map { "c1-t\($0)" }
            zones.append(.init(parent: "c1", name: z, members: members, totals: totals(Int64(members.count)), rates: rates(Int64(i))))
        }
        // Approvals: every body approved but 第2县区 (returned by the city, with a reason naming HTML) and one township
        // not approved yet; 赤水 heard 16 of its 17 townships on time.
        for i in bodies.indices {
            bodies[i].approval = .approved
            if bodies[i].id == "c2" { bodies[i].approval = .returned(reason: "3月活动人次有误，请核实<script>", by: "city") }
            if bodies[i].id == "c1-t17" { bodies[i].approval = .notApproved }
            if bodies[i].id == "c1" { bodies[i].onTimeChildren = 16 }
        }
        var m = ReportModel(title: "遵义市政协履职统计报告", period: "2026", generatedAt: "2026-12-31", bodies: bodies,
                            figures: figures.map { ($0, $0 == "activity_participants" ? "参加人次" : "指标\($0.count)") },
                            chartFigure: "activity_participants",
                            rates: [.init(label: "办结率（本级及下级）", numerator: 12, denominator: 15)])
        m.chartRates = rateKeys.map { (key: $0.0, label: $0.1) }
        m.zones = zones
        m.coverage = [("县区", 10, 10), ("乡镇", 17, 17)]
        m.months = (1...12).map { .init(month: "2026-\($0 < 10 ? "0" : "")\($0)", value: Int64($0 * 37), rates: rates(Int64($0))) }
        return m
    }

    /// Rates per county and township with numerator/denominator, zones with their subtotal rows, completeness per
    /// body, coverage by tier and the monthly rates, all in the HTML; a viewport meta for phones.
    @Test func theReportShowsRatesZonesCompletenessAndTheMonthlyTrend() {
        let html = HTMLReport.render(model())
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("data-zone=\"城区三办片区\">〔城区三办片区〕小计"), "a zone's subtotal row")
        #expect(html.contains("<td data-rate=\"completion_rate\" data-body=\"c2\">70.6% <span class=\"frac\">(12/17)</span></td>"),
                "a county's 办结率 with numerator/denominator")
        #expect(html.contains("社情民意录用率") && html.contains("建议采纳率"))
        #expect(html.contains("data-chart-rate=\"satisfaction_rate\""), "rate charts")
        #expect(html.contains("data-zones=\"c1\"><figcaption>赤水市政协 各片区 · 办结率</figcaption>"), "rates compared across 赤水's zones")
        #expect(html.contains("<td data-complete=\"c1\">17/17</td>"), "completeness per body")
        #expect(html.contains("县区 10/10 报送，乡镇 17/17 报送"), "coverage by tier")
        #expect(html.contains("data-month=\"2026-12\""), "monthly rates by record month")
        // Approval per body (issue #15 item 8: "approvals and completeness"): the state of each body in the drill-down
        // and in the completeness table, a return with its reason (escaped), the count approved, and on-time reports.
        #expect(html.contains("<td class=\"approval approved\" data-approval=\"c1-t3\">已审核</td>"), "a township's approval")
        #expect(html.contains("data-approval=\"c2\">已退回（3月活动人次有误，请核实&lt;script&gt;）</td>"), "a return with its reason, escaped")
        #expect(html.contains("data-approval=\"c1-t17\">未审核</td>"), "a body not approved yet")
        #expect(html.contains("data-approved=\"26/28\">审核情况：已审核 26/28"), "how many bodies approved")
        #expect(html.contains("<td data-on-time=\"c1\">16/17</td>"), "children on time, by the receiver's clock")
        #expect(html.components(separatedBy: "data-approval=\"c2\"").count - 1 == 2, "in the drill-down and the completeness table")
        #expect(!html.contains("<script"))
    }

    /// The report on a 375 px phone (Chromium's mobile emulation through Selenium, python/phone_layout.py): the page lays
    /// out at 375 px (no widening of the layout viewport) and the document does not scroll sideways; wide tables
    /// scroll inside their own box. Before this change the report had no viewport meta and fixed 640 px charts: it
    /// laid out at ≈ 980 px.
    @Test func aPhoneOf375PxReadsTheReportWithoutHorizontalScroll() async throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed; run `make test` (it installs Debian's chromium)")
            return
        }
        let dir = NSTemporaryDirectory() + "xs-phone-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try HTMLReport.render(model()).write(toFile: dir + "/report.html", atomically: true, encoding: .utf8)
        let layout = try await Self.phoneLayout(chromium: chromium, file: dir + "/report.html", profile: dir + "/profile")
        #expect(layout.innerWidth == 375, "the page lays out at the phone's width: \(layout.innerWidth)")
        #expect(layout.scrollWidth <= layout.innerWidth, "no horizontal scroll: scrollWidth \(layout.scrollWidth) > \(layout.innerWidth)")
        #expect(layout.text.contains("〔东部片区〕小计") && layout.text.contains("(12/17)"), "the zone and a rate's fraction are on the page")
        #expect(layout.text.contains("审核情况：已审核 26/28") && layout.text.contains("已退回（3月活动人次有误"), "approvals are on the page")
    }

    /// Printed on A4 portrait (print media; 180 mm ≈ 680 CSS px within the 15 mm margins): nothing is wider than the
    /// paper — the wide drill-down table wraps its cells instead of running off the page.
    @Test func printedOnA4NothingIsWiderThanThePaper() async throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("chromium is not installed; run `make test` (it installs Debian's chromium)")
            return
        }
        let dir = NSTemporaryDirectory() + "xs-a4-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = HTMLReport.render(model())
        #expect(html.contains("@page { size: A4"))
        try html.write(toFile: dir + "/report.html", atomically: true, encoding: .utf8)
        let layout = try await Self.phoneLayout(chromium: chromium, file: dir + "/report.html", profile: dir + "/profile", width: 680, print: true)
        #expect(layout.scrollWidth <= 680, "the printed page is \(layout.scrollWidth) px wide, A4 holds 680")
    }

    /// What python/phone_layout.py measured.
    struct Layout {
        var innerWidth: Int
        var scrollWidth: Int
        var text: String
    }

    /// Lays `file` out on a 375 px phone in headless Chromium (python/phone_layout.py: Selenium and chromium-driver,
    /// Python from XIESHANG_PYTHON or the package's .venv, `make venv`). Waits for the child off the cooperative pool.
    static func phoneLayout(chromium: String, file: String, profile: String, width: Int = 375, print: Bool = false) async throws -> Layout {
        let venv = ChromiumRenderingTests.packageRoot + "/.venv/bin/python"
        let python = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"] ?? (FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/python3")
        let (status, out) = try await ChromiumRenderingTests.runOffThePool(python, [ChromiumRenderingTests.packageRoot + "/Tests/XieshangReportTests/python/phone_layout.py",
                                                                                    chromium, file, String(width), profile] + (print ? ["print"] : []))
        guard status == 0, let o = try? JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any],
              let inner = o["innerWidth"] as? Int, let scroll = o["scrollWidth"] as? Int else {
            throw Failure(description: "phone_layout.py (needs selenium in the venv and chromium-driver: make venv deps) failed (\(status)): \(out)")
        }
        return Layout(innerWidth: inner, scrollWidth: scroll, text: o["text"] as? String ?? "")
    }

    struct Failure: Error, CustomStringConvertible { let description: String }
}

extension ReportModel.Body {
    func zoned(_ zone: String, _ rates: [ReportModel.Rate], _ expected: Int) -> ReportModel.Body {
        var b = self
        b.zone = zone
        b.rates = rates
        b.expectedChildren = expected
        return b
    }
}
