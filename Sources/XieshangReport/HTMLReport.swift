/// Renders a ``ReportModel`` as one self-contained HTML file: inline CSS and SVG charts, no scripts, no external
/// resources, laid out to print on A4 and to read on a phone (375 px wide: wide tables scroll inside their own box, charts
/// scale to the width). Pure rendering: no Foundation, no I/O.
public enum HTMLReport {
    /// The HTML text of the report: a whole document around ``sections(_:link:)``.
    public static func render(_ model: ReportModel) -> String {
        var h = ""
        h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(model.title)) \(escape(model.period))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<header><h1>\(escape(model.title))</h1><p class=\"meta\">统计期间 \(escape(model.period)) · 生成于 \(escape(model.generatedAt))</p></header>\n"
        return h + sections(model) + "</body>\n</html>\n"
    }

    /// The report's sections without the document around them — what the web dashboard puts in its own page frame:
    /// totals and rates, the drill-down (each body's name a link when `link` gives one for its id), rate charts,
    /// completeness, the comparison and trend charts, overdue items and proposals past due. Uses no inline `style`
    /// attribute (the web's Content-Security-Policy refuses them): only classes of ``componentCSS``.
    ///
    /// `levels` bounds the page to the bodies that many levels below the root (the web's dashboard shows one: a city
    /// its counties with their subtotals and zones): each body on the last level shown keeps its own row (totals,
    /// rates, completeness), its children follow in a collapsed list (`<details>`: name as a link, the chart figure),
    /// and the charts and the completeness table cover only the bodies shown. Every level for `report --html`.
    public static func sections(_ model: ReportModel, link: (String) -> String? = { _ in nil }, levels: Int = .max) -> String {
        var h = ""
        guard let root = model.bodies.first else {
            return "<p>没有数据。</p>\n"
        }
        // Children by parent and each body's level below the root, once (model.children(of:) scans every body).
        var kids: [String: [ReportModel.Body]] = [:]
        for b in model.bodies.dropFirst() { kids[b.parent, default: []].append(b) }
        func children(of id: String) -> [ReportModel.Body] { kids[id] ?? [] }
        var level: [String: Int] = [root.id: 0]
        for b in model.bodies.dropFirst() { if let l = level[b.parent] { level[b.id] = l + 1 } }
        /// Whether `b`'s children are drawn in full (rows, charts): it is above the last level shown.
        func expanded(_ b: ReportModel.Body) -> Bool { (level[b.id] ?? Int.max) < levels }
        let shown = model.bodies.filter { (level[$0.id] ?? Int.max) <= levels }

        // Summary of the root's totals and rates.
        h += "<section><h2>\(escape(root.name)) 合计</h2>\n<table class=\"summary\"><tbody>\n"
        for f in model.figures {
            h += "<tr><th>\(escape(f.label))</th><td data-figure=\"\(escape(f.key))\">\(root.totals[f.key] ?? 0)</td></tr>\n"
        }
        for r in model.rates {
            h += "<tr><th>\(escape(r.label))</th><td>\(r.text) <span class=\"frac\">(\(r.numerator)/\(r.denominator))</span></td></tr>\n"
        }
        h += "</tbody></table>\n"
        if !model.recordFigures.isEmpty {
            h += "<h3>本级业务记录</h3>\n<table class=\"summary records\"><tbody>\n"
            for f in model.recordFigures { h += "<tr><th>\(escape(f.label))</th><td>\(f.value)</td></tr>\n" }
            h += "</tbody></table>\n"
        }
        if !model.coverage.isEmpty {
            h += "<p class=\"coverage\">报送情况：" + model.coverage.map { "\(escape($0.label)) \($0.reporting)/\($0.expected) 报送" }.joined(separator: "，") + "</p>\n"
        }
        h += approvalLine(model)
        h += "<p class=\"check\">\(root.verified ? "✔ 各下级报表签名与合计均已核验" : "本级实时数据")</p></section>\n"

        // Drill-down: one table of every body, indented by depth, with a bar chart per subtree.
        h += "<section><h2>分级明细</h2>\n<div class=\"scroll\"><table class=\"drill\"><thead><tr><th>单位</th>"
        for f in model.figures { h += "<th>\(escape(f.label))</th>" }
        for r in model.chartRates { h += "<th>\(escape(r.label))</th>" }
        h += "<th>下级报送</th><th>审核</th><th>核验</th></tr></thead><tbody>\n"
        func indent(_ depth: Int) -> String { "d\(min(max(depth, 0), 8))" }
        func name(_ body: ReportModel.Body) -> String {
            guard let href = link(body.id) else { return escape(body.name) }
            return "<a href=\"\(escape(href))\">\(escape(body.name))</a>"
        }
        func rateCells(_ rates: [ReportModel.Rate], body: String) -> String {
            zip(model.chartRates, rates).map { "<td data-rate=\"\(escape($0.key))\" data-body=\"\(escape(body))\">\($1.text) <span class=\"frac\">(\($1.numerator)/\($1.denominator))</span></td>" }.joined()
        }
        let columns = 1 + model.figures.count + model.chartRates.count + 3
        let chartLabel = model.figures.first { $0.key == model.chartFigure }?.label ?? model.chartFigure
        func row(_ body: ReportModel.Body, depth: Int) {
            h += "<tr class=\"tier-\(escape(body.tier))\" data-body=\"\(escape(body.id))\"><td class=\"\(indent(depth))\">\(name(body))</td>"
            for f in model.figures { h += "<td>\(body.totals[f.key] ?? 0)</td>" }
            h += rateCells(body.rates, body: body.id)
            let below = children(of: body.id)
            h += "<td class=\"complete\">" + (body.expectedChildren.map { $0 == 0 ? "—" : "\(below.count)/\($0)" } ?? "—") + "</td>"
            h += approvalCell(body)
            h += "<td>\(body.verified ? "✔" : "—")</td></tr>\n"
            guard expanded(body) else {
                guard !below.isEmpty else { return }
                h += "<tr class=\"more\"><td colspan=\"\(columns)\" class=\"\(indent(depth + 1))\"><details><summary>\(escape(body.name)) 所属下级 \(below.count) 个（\(escape(chartLabel))；点名称看明细）</summary>"
                h += "<table class=\"sub\"><tbody>"
                for child in below {
                    h += "<tr data-body=\"\(escape(child.id))\"><td>\(name(child))</td><td>\(child.totals[model.chartFigure] ?? 0)</td></tr>"
                }
                h += "</tbody></table></details></td></tr>\n"
                return
            }
            let zones = model.zones(of: body.id)
            for zone in zones {
                h += "<tr class=\"zone\"><td class=\"\(indent(depth + 1))\" data-zone=\"\(escape(zone.name))\">〔\(escape(zone.name))〕小计</td>"
                for f in model.figures { h += "<td>\(zone.totals[f.key] ?? 0)</td>" }
                h += rateCells(zone.rates, body: body.id + "/" + zone.name)
                h += "<td>\(zone.members.count)</td><td></td><td></td></tr>\n"
                for child in below where zone.members.contains(child.id) { row(child, depth: depth + 2) }
            }
            for child in below where !zones.contains(where: { $0.members.contains(child.id) }) { row(child, depth: depth + 1) }
        }
        row(root, depth: 0)
        h += "</tbody></table></div></section>\n"

        let parents = model.bodies.filter { expanded($0) && !children(of: $0.id).isEmpty }
        h += rateCharts(model, root: root, parents: parents, children: children(of:))
        h += completeness(model, bodies: shown, children: children(of:))

        h += "<section class=\"charts\"><h2>\(escape(chartLabel))：各下级对比</h2>\n"
        for parent in parents {
            let kids = children(of: parent.id)
            h += "<figure><figcaption>\(escape(parent.name))</figcaption>\n"
            h += barChart(kids.map { ($0.name, $0.totals[model.chartFigure] ?? 0) })
            h += "</figure>\n"
        }
        h += "</section>\n"

        if !model.months.isEmpty {
            h += monthlyTrend(model, chartLabel: chartLabel)
        } else if !model.trend.isEmpty {
            h += "<section><h2>\(escape(chartLabel))：月度趋势（按记录月份）</h2>\n<figure>\(lineChart(model.trend))</figure></section>\n"
        }

        h += listSection("逾期协商计划事项", model.overdueColumns, model.overdueItems, empty: "没有逾期事项。")
        h += listSection("超过答复期限的提案", model.pastDueColumns, model.proposalsPastDue, empty: "没有超期提案。")
        if !model.sectorRows.isEmpty { h += listSection("分界别活动（本级及下级记录）", model.sectorColumns, model.sectorRows, empty: "") }
        if !model.stationRows.isEmpty { h += listSection("分站点活动（本级及下级记录）", model.stationColumns, model.stationRows, empty: "") }
        return h
    }

    static func listSection(_ title: String, _ columns: [String], _ rows: [[String]], empty: String) -> String {
        var h = "<section><h2>\(escape(title))</h2>\n"
        if rows.isEmpty { return h + "<p class=\"none\">\(escape(empty))</p></section>\n" }
        h += "<div class=\"scroll\"><table class=\"list\"><thead><tr>" + columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows { h += "<tr>" + r.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return h + "</tbody></table></div></section>\n"
    }

    /// A horizontal bar chart as inline SVG.
    static func barChart(_ bars: [(String, Int64)]) -> String {
        let rowHeight = 22, labelWidth = 190, width = 640
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let height = bars.count * rowHeight + 10
        var s = svgOpen(width, height)
        for (i, (label, value)) in bars.enumerated() {
            let y = i * rowHeight + 5
            let w = Int(Double(width - labelWidth - 60) * Double(value) / Double(maxValue))
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(label))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, 1))\" height=\"\(rowHeight - 8)\" fill=\"#b22\"/>"
            s += "<text x=\"\(labelWidth + w + 5)\" y=\"\(y + 15)\" font-size=\"12\">\(value)</text>\n"
        }
        return s + "</svg>\n"
    }

    /// A line chart of monthly values as inline SVG.
    static func lineChart(_ points: [(month: String, value: Int64)]) -> String {
        let width = 640, height = 220, left = 40, bottom = 30, top = 10
        let maxValue = max(1, points.map(\.value).max() ?? 1)
        let stepX = points.count > 1 ? Double(width - left - 20) / Double(points.count - 1) : 0
        func y(_ v: Int64) -> Double { Double(top) + Double(height - top - bottom) * (1 - Double(v) / Double(maxValue)) }
        var s = svgOpen(width, height)
        s += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#888\"/>\n"
        s += "<text x=\"\(left - 4)\" y=\"\(top + 10)\" text-anchor=\"end\" font-size=\"11\">\(maxValue)</text>\n"
        var path = ""
        for (i, p) in points.enumerated() {
            let x = Double(left) + Double(i) * stepX
            path += (i == 0 ? "M" : "L") + "\(fixed1(x)) \(fixed1(y(p.value))) "
            s += "<circle cx=\"\(fixed1(x))\" cy=\"\(fixed1(y(p.value)))\" r=\"3\" fill=\"#b22\"/>"
            s += "<text x=\"\(fixed1(x))\" y=\"\(height - bottom + 15)\" text-anchor=\"middle\" font-size=\"10\">"
                + escape(String(p.month.suffix(2))) + "月</text>\n"
        }
        s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#b22\" stroke-width=\"2\"/>\n"
        return s + "</svg>\n"
    }

    /// An SVG element that scales to its container's width (a phone's 375 px as well as A4), keeping its proportions.
    /// Its size comes from class `chart` in ``componentCSS`` (every chart is 640 units wide), never from a `style`
    /// attribute, which the web's Content-Security-Policy would refuse.
    static func svgOpen(_ width: Int, _ height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\">\n"
    }

    /// `x` with one decimal ("12.5", "-0.3"), without Foundation.
    static func fixed1(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = (x * 10).rounded()
        guard let t = Int64(exactly: tenths) else { return "0" }
        let sign = t < 0 ? "-" : ""
        return "\(sign)\(t.magnitude / 10).\(t.magnitude % 10)"
    }

    /// Per body with children, one bar chart per charted rate (办结率, 满意率, 建议采纳率, 社情民意 录用率) over its
    /// children: the county chart under the root, each county's townships under it, and its zones' subtotals when its
    /// townships are zoned; bars labelled "80.0% (12/15)".
    static func rateCharts(_ model: ReportModel, root: ReportModel.Body, parents: [ReportModel.Body],
                           children: (String) -> [ReportModel.Body]) -> String {
        guard !model.chartRates.isEmpty else { return "" }
        var h = "<section class=\"charts\"><h2>比率：各县区、各乡镇对比（百分比，括号内为 分子/分母）</h2>\n"
        for parent in parents {
            let kids = children(parent.id)
            let tier = parent.id == root.id ? "各下级" : "所属下级"
            for (i, r) in model.chartRates.enumerated() {
                let bars = kids.map { k in (k.name, i < k.rates.count ? k.rates[i] : ReportModel.Rate(label: r.label, numerator: 0, denominator: 0)) }
                h += "<figure data-chart-rate=\"\(escape(r.key))\"><figcaption>\(escape(parent.name)) \(tier) · \(escape(r.label))</figcaption>\n"
                h += rateBarChart(bars) + "</figure>\n"
            }
            let zones = model.zones(of: parent.id)
            for (i, r) in model.chartRates.enumerated() where !zones.isEmpty {
                let bars = zones.map { z in ("〔\(z.name)〕", i < z.rates.count ? z.rates[i] : ReportModel.Rate(label: r.label, numerator: 0, denominator: 0)) }
                h += "<figure data-chart-rate=\"\(escape(r.key))\" data-zones=\"\(escape(parent.id))\"><figcaption>\(escape(parent.name)) 各片区 · \(escape(r.label))</figcaption>\n"
                h += rateBarChart(bars) + "</figure>\n"
            }
        }
        return h + "</section>\n"
    }

    /// Horizontal bars of rates (0–100%), each labelled with percent and numerator/denominator ("—" without data).
    static func rateBarChart(_ bars: [(String, ReportModel.Rate)]) -> String {
        let rowHeight = 22, labelWidth = 190, width = 640, barSpace = 300
        var s = svgOpen(width, bars.count * rowHeight + 10)
        for (i, (label, rate)) in bars.enumerated() {
            let y = i * rowHeight + 5
            var w = 0
            if rate.denominator > 0, rate.numerator >= 0 {
                let (scaled, overflow) = min(rate.numerator, rate.denominator).multipliedReportingOverflow(by: Int64(barSpace))
                w = overflow ? barSpace : Int(scaled / rate.denominator)
            }
            s += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\" font-size=\"12\">\(escape(label))</text>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barSpace)\" height=\"\(rowHeight - 8)\" fill=\"#f3e6e6\"/>"
            s += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 8)\" fill=\"#b22\"/>"
            s += "<text x=\"\(labelWidth + barSpace + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(rate.text) (\(rate.numerator)/\(rate.denominator))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// Approval and completeness 审核与报送完整性, one row per body: its approval state (a return with its reason),
    /// and for a body with children those whose report for the period arrived, of those in its roster, and how many
    /// of them on time (by the receiver's clock).
    static func completeness(_ model: ReportModel, bodies: [ReportModel.Body], children: (String) -> [ReportModel.Body]) -> String {
        let known = model.bodies.contains { $0.approval != .unknown }
        let rows = bodies.compactMap { b -> String? in
            let expected = b.expectedChildren ?? 0
            guard expected > 0 || known else { return nil }
            var row = "<tr><td>\(escape(b.name))</td>"
            if known { row += approvalCell(b) }
            guard expected > 0 else { return row + "<td>—</td><td>—</td><td>—</td></tr>\n" }
            let reported = children(b.id).count
            row += "<td data-complete=\"\(escape(b.id))\">\(reported)/\(expected)</td>"
            row += "<td data-on-time=\"\(escape(b.id))\">" + (b.onTimeChildren.map { "\($0)/\(expected)" } ?? "—") + "</td>"
            return row + "<td>\(reported >= expected ? "✔ 齐全" : "缺 \(expected - reported)")</td></tr>\n"
        }
        guard !rows.isEmpty else { return "" }
        var h = "<section><h2>\(known ? "审核与报送完整性" : "报送完整性（已报/应报）")</h2>\n"
        h += approvalLine(model)
        if !model.coverage.isEmpty {
            h += "<p class=\"coverage\">" + model.coverage.map { "\(escape($0.label)) \($0.reporting)/\($0.expected) 报送" }.joined(separator: "，") + "</p>\n"
        }
        h += "<div class=\"scroll\"><table class=\"list complete\"><thead><tr><th>单位</th>" + (known ? "<th>审核</th>" : "")
            + "<th>下级已报/应报</th><th>按时报送</th><th>状态</th></tr></thead><tbody>\n"
        return h + rows.joined() + "</tbody></table></div></section>\n"
    }

    /// One body's approval cell: 已审核, 已审核（数字已变）, 已退回（reason, escaped）, 未审核 or —.
    static func approvalCell(_ b: ReportModel.Body) -> String {
        "<td class=\"approval \(b.approval.key)\" data-approval=\"\(escape(b.id))\">\(escape(b.approval.label))</td>"
    }

    /// "审核情况：已审核 12/13，未审核：…" over the report's bodies; empty when the node did not say.
    static func approvalLine(_ model: ReportModel) -> String {
        guard model.bodies.contains(where: { $0.approval != .unknown }) else { return "" }
        let approved = model.bodies.filter { $0.approval == .approved }
        let others = model.bodies.filter { $0.approval != .approved }
        var h = "<p class=\"approvals\" data-approved=\"\(approved.count)/\(model.bodies.count)\">审核情况：已审核 \(approved.count)/\(model.bodies.count)"
        if !others.isEmpty { h += "；" + others.map { escape($0.name + " " + $0.approval.label) }.joined(separator: "、") }
        return h + "</p>\n"
    }

    /// The monthly trend by record month: a line chart of the chart figure, and a table of every charted rate per
    /// month with numerator and denominator.
    static func monthlyTrend(_ model: ReportModel, chartLabel: String) -> String {
        var h = "<section><h2>月度趋势（按记录月份）</h2>\n<figure><figcaption>\(escape(chartLabel))</figcaption>"
        h += lineChart(model.months.map { ($0.month, $0.value) }) + "</figure>\n"
        h += "<div class=\"scroll\"><table class=\"list trend\"><thead><tr><th>月份</th><th>\(escape(chartLabel))</th>"
        for r in model.chartRates { h += "<th>\(escape(r.label))</th>" }
        h += "</tr></thead><tbody>\n"
        for m in model.months {
            h += "<tr><td>\(escape(m.month))</td><td>\(m.value)</td>"
            for (r, rate) in zip(model.chartRates, m.rates) {
                h += "<td data-rate=\"\(escape(r.key))\" data-month=\"\(escape(m.month))\">\(rate.text) <span class=\"frac\">(\(rate.numerator)/\(rate.denominator))</span></td>"
            }
            h += "</tr>\n"
        }
        return h + "</tbody></table></div></section>\n"
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
        // Most text (names, numbers, periods) has nothing to escape: answered as it is, without a copy.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.count)
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// The stylesheet of the standalone report: the document's own rules, then ``componentCSS``.
    static let css = """
    @page { size: A4; margin: 15mm; }
    * { box-sizing: border-box; }
    body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif; color: #222; margin: 2em; }
    h1, h2, h3, p, figcaption { overflow-wrap: anywhere; }
    h1 { color: #a11; font-size: 1.6em; margin-bottom: 0.2em; }
    h2 { font-size: 1.2em; border-bottom: 2px solid #a11; padding-bottom: 0.2em; margin-top: 1.5em; }
    .meta { color: #666; margin-top: 0; }
    table { border-collapse: collapse; font-size: 0.85em; }
    th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    section { page-break-inside: avoid; }
    @media (max-width: 600px) { body { margin: 0.6em; } h1 { font-size: 1.3em; } table { font-size: 0.78em; } }
    @media print { body { margin: 0; } table { font-size: 0.62em; } th, td { padding: 0.15em 0.2em; } }

    """ + componentCSS

    /// The rules of the report's parts (tables by class, charts, drill-down indentation, print layout), shared with the
    /// web's stylesheet so the dashboard renders the same sections under its Content-Security-Policy.
    public static let componentCSS = """
    table.summary th { text-align: left; background: #f6eeee; }
    table.drill thead th { background: #f6eeee; }
    table.drill td, table.drill th, table.trend td { text-align: right; }
    table.drill td:first-child, table.drill th:first-child, table.trend td:first-child { text-align: left; }
    tr.tier-city td:first-child { font-weight: bold; }
    tr.tier-county td:first-child { font-weight: 600; }
    td.d0 { padding-left: 4px; } td.d1 { padding-left: 16px; } td.d2 { padding-left: 28px; } td.d3 { padding-left: 40px; }
    td.d4 { padding-left: 52px; } td.d5 { padding-left: 64px; } td.d6 { padding-left: 76px; } td.d7 { padding-left: 88px; } td.d8 { padding-left: 100px; }
    .frac { color: #888; }
    .check { color: #262; }
    figure { margin: 0.5em 0 1em 0; page-break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 0.3em; overflow-wrap: anywhere; }
    .scroll { max-width: 100%; overflow-x: auto; }
    table.drill td, table.trend td { white-space: nowrap; }
    table.drill th { min-width: 2.6em; }
    tr.zone td { background: #faf3e8; font-style: italic; }
    tr.more td { text-align: left; white-space: normal; }
    tr.more summary { cursor: pointer; color: #555; }
    table.sub td { border: none; padding: 0.1em 0.6em 0.1em 0; }
    .coverage, .approvals { font-weight: 600; }
    td.approval.returned, td.approval.not_approved, td.approval.superseded { color: #b22; }
    table.complete td.approval { min-width: 5em; }
    svg.chart { display: block; width: 100%; max-width: 640px; height: auto; }
    @media print {
      .scroll { overflow: visible; }
      table.drill th { min-width: 0; } table.drill td, table.trend td { white-space: normal; }
    }

    """
}
