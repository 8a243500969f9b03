import Foundation
import XieshangNode
import XieshangDomain
import XieshangWire

/// `xieshang stats [--period P] [--drill]`: the figures 统计数字 of this body and its subtree for a period, from the
/// verified signed reports of its children, with Chinese labels (English with `--lang en`); then this body's own
/// record figures with their rates (办结率, 满意率, 采纳率 …).
enum StatsCommand {
    static let spec = Invocation.Spec(
        name: "stats", summary: "figures and rates for a period (month 2026-11, quarter 2026-Q3, half 2026-H1, year 2026, session 2026-01-15~; default this year), --drill for every body of the subtree",
        valued: ["period", "records", "figure"], flags: ["drill"],
        example: "xieshang stats --period 2026-Q3 --drill; xieshang stats --records BODY --period 2026-Q3 --figure research_visits (the signed records behind one figure)")

    static func run(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, spec)
            if let p = inv.value("period") {
                do { _ = try Period(parsing: p) } catch { throw inv.usage("--period '\(p)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~ (a session period).") }
            }
            let client = NodeClient(inv)
            if let body = inv.value("records") { return try records(of: body, client, inv) }
            let r = try client.stats(period: inv.value("period") ?? "", drill: inv.flags.contains("drill"))
            // Figures per 界别, from the records this body holds (its own and its subtree's), not from the signed reports.
            let sectors = try client.query("sector_figures", filter: ["period": r.period])
            if inv.json {
                print(StatsJSON.text(r, sectors: sectors))
                return ExitCode.done
            }
            // This body's record figures: only the text shows them (`--json` asked for them and dropped them).
            let own = try client.query("figures", filter: ["period": r.period]).first ?? [:]
            print(inv.text("统计期间 \(r.period)：下级应报 \(r.expectedChildren)，已报 \(r.reportedChildren)，按时 \(r.onTimeChildren)",
                           "period \(r.period): children reported \(r.reportedChildren)/\(r.expectedChildren), on time \(r.onTimeChildren)"))
            print(table(r.bodies, names: try client.bodies().mapValues(\.name), inv))
            if !r.coverage.isEmpty { print(inv.text("报送情况：", "coverage: ") + ZoneGroups.coverageLine(r.coverage, inv.language)) }
            if let root = r.bodies.first {
                print("")
                print(inv.text("合计（本级及下级，\(r.period)）：", "totals of the subtree (\(r.period)):"))
                for key in FigureNames.ordered(root.totals.keys) where key != "bodies" && (root.totals[key] ?? 0) != 0 {
                    print("  \(FigureNames.figure(key, inv.language))：\(root.totals[key] ?? 0)")
                }
                for rate in FigureNames.rates(root.totals) where rate.denominator > 0 {
                    print("  \(inv.label(rate.labelKey))：\(rate.text)")
                }
            }
            if !sectors.isEmpty {
                print("")
                print(inv.text("分界别（\(r.period)，本级 / 本级及下级）：", "per sector (\(r.period), this body / with its subtree):"))
                print(sectorTable(sectors, inv))
            }
            let lines = recordFigures(own, inv)
            if !lines.isEmpty {
                print("")
                print(inv.text("本级业务记录（\(r.period)）：", "this body's records (\(r.period)):"))
                for l in lines { print("  " + l) }
            }
            return ExitCode.done
        } catch {
            return error.code
        }
    }

    /// `stats --records BODY --period P --figure NAME`: the signed records behind one figure of one body (admin query
    /// `figure_records`): origin chain, seq, hash, kind, record id and the record's own date, one line each.
    static func records(of body: String, _ client: NodeClient, _ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let figure = inv.value("figure") else {
            throw inv.usage("--records needs --figure NAME (a stats.proto counter such as research_visits) and --period P.")
        }
        let period = inv.value("period") ?? String(Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000)).year)
        let rows = try client.query("figure_records", filter: ["body": body, "period": period, "figure": figure])
        if inv.json {
            for r in rows {
                if let data = try? JSONSerialization.data(withJSONObject: r, options: [.sortedKeys]) { print(String(decoding: data, as: UTF8.self)) }
            }
            return ExitCode.done
        }
        print(inv.text("\(body) 的 \(FigureNames.figure(figure, inv.language))（\(period)）由 \(rows.count) 条签名记录构成：",
                       "\(body)'s \(figure) (\(period)) is made of \(rows.count) signed records:"))
        for r in rows {
            print("  \(r["origin"] ?? "")#\(r["seq"] ?? "")  \(r["kind"] ?? "")  \(DisplayText.escaped("\(r["record"] ?? "")"))  \(r["date"] ?? "")  \(r["hash"] ?? "")")
        }
        return ExitCode.done
    }

    /// The drill-down table: one row per body, indented under its parent, the headline figures and rates (rates as
    /// percent with numerator/denominator), whether the body's report was verified.
    static func table(_ bodies: [BodyFigures], names: [String: String], _ inv: Invocation) -> String {
        let keys = FigureNames.headline
        var rows: [[String]] = []
        func add(_ b: BodyFigures, _ depth: Int) {
            let known = b.name.isEmpty ? names[b.body] ?? "" : b.name
            let name = String(repeating: "  ", count: depth) + DisplayText.escaped(known.isEmpty ? b.body : known)
            rows.append([name] + keys.map { FigureNames.cell($0.key, b.totals) } + [b.verified ? "✔" : "—"]
                        + [ApprovalCommand.cell(b, inv), ApprovalCommand.completeness(b)])
            for g in ZoneGroups.groups(of: b.body, in: bodies) {
                if !g.zone.isEmpty {
                    let label = String(repeating: "  ", count: depth + 1) + DisplayText.escaped(ZoneGroups.subtotalLabel(g.zone, inv.language))
                    rows.append([label] + keys.map { k in g.totals.map { FigureNames.cell(k.key, $0) } ?? "—" } + ["", "", ""])
                }
                for c in g.members { add(c, depth + (g.zone.isEmpty ? 1 : 2)) }
            }
        }
        if let root = bodies.first { add(root, 0) }
        let header = [inv.text("单位", "body")] + keys.map { inv.language == .zh ? $0.zh : $0.en } + [inv.text("核验", "verified")]
            + [inv.text("审核", "approval"), inv.text("下级已报/应报 按时", "reported/expected on time")]
        var widths = header.map(RecordTable.width)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], RecordTable.width(c)) } }
        return ([header] + rows).map { r in r.enumerated().map { RecordTable.pad($1, widths[$0]) }.joined(separator: "  ") }.joined(separator: "\n")
    }

    /// The per-sector table: sector, activities and 人次 of this body, then of its subtree.
    static func sectorTable(_ rows: [[String: Any]], _ inv: Invocation) -> String {
        func n(_ r: [String: Any], _ key: String) -> String { (r[key] as? NSNumber)?.stringValue ?? "0" }
        let header = [inv.text("界别", "sector"), inv.text("活动", "activities"), inv.text("人次", "participants"),
                      inv.text("含下级活动", "subtree activities"), inv.text("含下级人次", "subtree participants")]
        let body = rows.map { r in
            ["  " + DisplayText.escaped(r["sector"] as? String ?? ""), n(r, "activities"), n(r, "participants"),
             n(r, "subtree_activities"), n(r, "subtree_participants")]
        }
        var widths = header.map(RecordTable.width)
        for r in body { for (i, c) in r.enumerated() { widths[i] = max(widths[i], RecordTable.width(c)) } }
        return ([header] + body).map { r in r.enumerated().map { RecordTable.pad($1, widths[$0]) }.joined(separator: "  ") }.joined(separator: "\n")
    }

    /// This body's non-zero record figures and its rates, labelled.
    static func recordFigures(_ row: [String: Any], _ inv: Invocation) -> [String] {
        var lines: [String] = []
        for (_, key) in Figures.counters where key != "bodies" {
            if let n = (row[key] as? NSNumber)?.int64Value, n != 0 { lines.append("\(FigureNames.figure(key, inv.language))：\(n)") }
        }
        for key in Figures.rates {
            guard let r = row[key] as? [String: Any], let num = (r["numerator"] as? NSNumber)?.int64Value,
                  let den = (r["denominator"] as? NSNumber)?.int64Value, den > 0 else { continue }
            lines.append("\(inv.label("rate." + key))：\(rateText(num, den)) (\(num)/\(den))")
        }
        return lines
    }

    static func rateText(_ n: Int64, _ d: Int64) -> String {
        guard d > 0 else { return "—" }
        let tenths = (n * 1000 + d / 2) / d
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
