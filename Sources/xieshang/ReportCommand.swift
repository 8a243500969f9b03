import Foundation
import XieshangDomain
import XieshangNode
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

    /// Gathers the report's inputs from the node at `client` (one Stats with drill, one per month of the trend, the
    /// body's figures, plan items and proposals) and builds the model the web dashboard builds too (``FiguresReport``).
    static func build(_ client: NodeClient, period: String, title: String?, asOf: Day, language: Invocation.Language,
                      progress: Bool) throws(Invocation.Exit) -> ReportModel {
        let status = try client.status()
        let stats = try client.stats(period: period, drill: true)
        guard let root = stats.bodies.first else { throw Invocation.Exit(code: fail("the node answered no figures", code: ExitCode.refused)) }
        func say(_ n: Int, _ total: Int) { if progress { Progress.show(language == .zh ? "汇集报告数据" : "gathering the report", n, total) } }
        let monthNames = FiguresReport.months(ofPeriod: stats.period, today: asOf)
        let steps = 3 + monthNames.count
        say(1, steps)
        var months: [(month: String, totals: [String: Int64])] = []
        for (m, name) in monthNames.enumerated() {
            months.append((name, try client.stats(period: name, drill: false).bodies.first?.totals ?? [:]))
            say(2 + m, steps)
        }
        let row = try client.query("figures", filter: ["period": stats.period]).first ?? [:]
        var own = FiguresReport.Own()
        for (_, key) in Figures.counters { if let n = (row[key] as? NSNumber)?.int64Value { own.counts[key] = n } }
        for key in Figures.rates {
            guard let r = row[key] as? [String: Any] else { continue }
            own.rates[key] = ((r["numerator"] as? NSNumber)?.int64Value ?? 0, (r["denominator"] as? NSNumber)?.int64Value ?? 0)
        }
        say(steps - 1, steps)
        let known = try client.bodies()
        let names = Dictionary(stats.bodies.map { b in (b.body, !b.name.isEmpty ? b.name : (known[b.body]?.name).flatMap { $0.isEmpty ? nil : $0 } ?? b.body) },
                               uniquingKeysWith: { a, _ in a })
        let overdue = try client.query("plan_items", filter: ["as_of": asOf.description]).filter { !(($0["overdue_for"] as? [Any]) ?? []).isEmpty }.map { r in
            [r["topic"] as? String ?? "", ((r["overdue_for"] as? [String]) ?? []).map { names[$0] ?? $0 }.joined(separator: "、"),
             r["deadline"] as? String ?? "", Labels.zh("stage." + (r["stage"] as? String ?? ""))]
        }
        let pastDue = try client.query("proposals").filter { r in
            ["assigned", "reassigning"].contains(r["status"] as? String ?? "") && (r["due"] as? String).map { $0 < asOf.description } == true
        }.map { r in [(r["id"] as? String ?? "") + " " + (r["title"] as? String ?? ""), ((r["units"] as? [String]) ?? []).joined(separator: "、"), r["due"] as? String ?? ""] }
        say(steps, steps)
        var expected: [String: Int] = [:]
        for r in try client.query("bodies") {
            if let parent = r["parent"] as? String, !parent.isEmpty { expected[parent, default: 0] += 1 }
        }
        return FiguresReport.model(
            stats: stats, root: root.body, title: title ?? "\(status.name.isEmpty ? root.body : status.name)履职统计报告",
            generatedAt: "\(asOf)", months: months, own: own,
            names: known.mapValues { (name: $0.name, tier: $0.tier) }, expected: expected,
            overdue: overdue, pastDue: pastDue, zh: language == .zh)
    }
}
