import Foundation
import XieshangDomain
import XieshangReport
import XieshangWire

/// `xieshang report --html FILE`: one self-contained HTML report 统计报告 (inline CSS and SVG, prints on A4) from the
/// node's Stats (with drill-down) and records: figures per body, this body's rates, a bar chart per subtree, the
/// monthly trend, overdue plan items and proposals past due.
enum ReportCommand {
    static let spec = Invocation.Spec(
        name: "report", summary: "writes an HTML report of a period (default this year) for this body and its subtree",
        valued: ["html", "period", "title", "as-of"], required: ["html"],
        details: "  --as-of DAY decides what is overdue (default today)",
        example: "xieshang report --html 铜仁市政协2026年报.html --period 2026")

    static func run(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, spec)
            let path = try inv.required("html")
            if let p = inv.value("period") {
                do { _ = try Period(parsing: p) } catch { throw inv.usage("--period '\(p)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~ (a session period).") }
            }
            let model = try build(NodeClient(inv), period: inv.value("period") ?? "", title: inv.value("title"),
                                  asOf: try inv.day("as-of"), language: inv.language, progress: true)
            do {
                try HTMLReport.render(model).write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                return fail("cannot write \(path): \(error.localizedDescription); check the folder exists and is writable", code: ExitCode.refused)
            }
            print(inv.json ? "{\"html\":\"\(path)\",\"bodies\":\(model.bodies.count)}" : inv.text("报告已写入 \(path)（\(model.bodies.count) 个组织）", "report written to \(path) (\(model.bodies.count) bodies)"))
            return ExitCode.done
        } catch {
            return error.code
        }
    }

    /// Gathers the report's model from the node at `client` (one Stats with drill, one per month of the trend, the
    /// body's figures, plan items and proposals).
    static func build(_ client: NodeClient, period: String, title: String?, asOf: Day, language: Invocation.Language,
                      progress: Bool) throws(Invocation.Exit) -> ReportModel {
        let status = try client.status()
        let stats = try client.stats(period: period, drill: true)
        guard let root = stats.bodies.first else { throw Invocation.Exit(code: fail("the node answered no figures", code: ExitCode.refused)) }
        func say(_ n: Int, _ total: Int) { if progress { Progress.show(language == .zh ? "汇集报告数据" : "gathering the report", n, total) } }
        let year = Int(stats.period.prefix(4)) ?? asOf.year
        let months = year < asOf.year ? 12 : (year == asOf.year ? asOf.month : 0)
        let steps = 3 + months
        say(1, steps)
        // The figures the offices report (the drill-down's headline counters); the trend charts 人次 by record month.
        let keys = FigureNames.headline.map(\.key).filter { !$0.hasSuffix("_rate") }
        let chart = "activity_participants"
        var trend: [(month: String, value: Int64)] = []
        var monthRows: [ReportModel.Month] = []
        for m in stride(from: 1, through: months, by: 1) {
            let name = "\(year)-\(m < 10 ? "0" : "")\(m)"
            let totals = try client.stats(period: name, drill: false).bodies.first?.totals ?? [:]
            trend.append((name, totals[chart] ?? 0))
            monthRows.append(.init(month: name, value: totals[chart] ?? 0, rates: chartRates(totals)))
            say(1 + m, steps)
        }
        let own = try client.query("figures", filter: ["period": stats.period]).first ?? [:]
        var rates: [ReportModel.Rate] = FigureNames.rates(root.totals).map { r in
            let label = Labels.label(r.labelKey).map { language == .zh ? $0.zh + "（本级及下级）" : $0.en + " (subtree)" } ?? r.name
            return ReportModel.Rate(label: label, numerator: r.numerator, denominator: r.denominator)
        }
        for key in ["completionRate", "satisfactionRate", "suggestionAdoptionRate", "opinionAdoptionRate", "onTimeReplyRate"] {
            guard let r = own[key] as? [String: Any] else { continue }
            let label = Labels.label("rate." + key).map { language == .zh ? $0.zh + "（本级）" : $0.en + " (this body)" } ?? key
            rates.append(.init(label: label, numerator: (r["numerator"] as? NSNumber)?.int64Value ?? 0,
                               denominator: (r["denominator"] as? NSNumber)?.int64Value ?? 0))
        }
        var recordFigures: [(label: String, value: Int64)] = []
        for (_, key) in Figures.counters where key != "bodies" {
            if let n = (own[key] as? NSNumber)?.int64Value, n != 0 { recordFigures.append((FigureNames.figure(key, language), n)) }
        }
        say(steps - 1, steps)
        let known = try client.bodies()
        func name(_ b: BodyFigures) -> String { !b.name.isEmpty ? b.name : (known[b.body]?.name).flatMap { $0.isEmpty ? nil : $0 } ?? b.body }
        let names = Dictionary(stats.bodies.map { ($0.body, name($0)) }, uniquingKeysWith: { a, _ in a })
        let overdue = try client.query("plan_items", filter: ["as_of": asOf.description]).filter { !(($0["overdue_for"] as? [Any]) ?? []).isEmpty }.map { r in
            [r["topic"] as? String ?? "", ((r["overdue_for"] as? [String]) ?? []).map { names[$0] ?? $0 }.joined(separator: "、"),
             r["deadline"] as? String ?? "", Labels.zh("stage." + (r["stage"] as? String ?? ""))]
        }
        let pastDue = try client.query("proposals").filter { r in
            ["assigned", "reassigning"].contains(r["status"] as? String ?? "") && (r["due"] as? String).map { $0 < asOf.description } == true
        }.map { r in [(r["id"] as? String ?? "") + " " + (r["title"] as? String ?? ""), ((r["units"] as? [String]) ?? []).joined(separator: "、"), r["due"] as? String ?? ""] }
        say(steps, steps)
        let figureLabels = keys.map { (key: $0, label: FigureNames.figure($0, language)) }
        var expected: [String: Int] = [:]
        for r in try client.query("bodies") {
            if let parent = r["parent"] as? String, !parent.isEmpty { expected[parent, default: 0] += 1 }
        }
        var model = ReportModel(
            title: title ?? "\(status.name.isEmpty ? root.body : status.name)履职统计报告", period: stats.period,
            generatedAt: "\(asOf)",
            bodies: stats.bodies.map { b in
                ReportModel.Body(id: b.body, name: names[b.body] ?? b.body, tier: b.tier.isEmpty ? known[b.body]?.tier ?? "" : b.tier, parent: b.body == root.body ? "" : b.parent,
                                 own: b.own, totals: b.totals, verified: b.verified)
                    .with(zone: b.zone, rates: chartRates(b.totals), expectedChildren: expected[b.body] ?? 0,
                          onTimeChildren: b.expectedChildren > 0 ? Int(b.onTimeChildren) : nil,
                          approval: .init(state: b.approval, reason: b.returnReason, by: b.returnedBy))
            },
            figures: figureLabels, chartFigure: chart, trend: trend, rates: rates,
            overdueItems: overdue, proposalsPastDue: pastDue, recordFigures: recordFigures)
        model.chartRates = Self.chartedRates
        model.months = monthRows
        model.coverage = stats.coverage.map { (ZoneGroups.tierLabel($0.tier, language), Int($0.reporting), Int($0.expected)) }
        for b in stats.bodies {
            for g in ZoneGroups.groups(of: b.body, in: stats.bodies) where !g.zone.isEmpty {
                let totals = g.totals ?? [:]
                model.zones.append(.init(parent: b.body, name: g.zone, members: g.members.map(\.body), totals: totals, rates: chartRates(totals)))
            }
        }
        return model
    }

    /// The rates the report charts per county and township and by month: 办结率, 满意率, 建议采纳率, 社情民意录用率.
    static let chartedRates: [(key: String, label: String)] = [
        ("completion_rate", "办结率"), ("satisfaction_rate", "满意率"), ("suggestion_adoption_rate", "建议采纳率"),
        ("opinion_adoption_rate", "社情民意录用率"),
    ]

    /// The charted rates of a figure map, each with numerator and denominator (0/0 when the map has no data).
    static func chartRates(_ totals: [String: Int64]) -> [ReportModel.Rate] {
        let all = FigureNames.rates(totals)
        return chartedRates.map { c in
            let r = all.first { $0.name == c.key }
            return ReportModel.Rate(label: c.label, numerator: r?.numerator ?? 0, denominator: r?.denominator ?? 0)
        }
    }
}

extension ReportModel.Body {
    /// The body with its zone, charted rates, children in the roster, those on time and its approval state.
    func with(zone: String, rates: [ReportModel.Rate], expectedChildren: Int, onTimeChildren: Int?,
              approval: ReportModel.Approval) -> ReportModel.Body {
        var b = self
        b.zone = zone
        b.rates = rates
        b.expectedChildren = expectedChildren
        b.onTimeChildren = onTimeChildren
        b.approval = approval
        return b
    }
}
