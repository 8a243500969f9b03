import Foundation

/// Renders a ``ReportModel`` as one self-contained HTML file: inline CSS and SVG charts, no scripts, no external
/// resources, laid out to print on A4.
public enum HTMLReport {
    /// The HTML text of the report.
    public static func render(_ model: ReportModel) -> String {
        var h = ""
        h += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<title>\(escape(model.title)) \(escape(model.period))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n"
        h += "<header><h1>\(escape(model.title))</h1><p class=\"meta\">统计期间 \(escape(model.period)) · 生成于 \(escape(model.generatedAt))</p></header>\n"
        guard let root = model.bodies.first else {
            return h + "<p>没有数据。</p>\n</body>\n</html>\n"
        }

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
        h += "<p class=\"check\">\(root.verified ? "✔ 各下级报表签名与合计均已核验" : "本级实时数据")</p></section>\n"

        // Drill-down: one table of every body, indented by depth, with a bar chart per subtree.
        h += "<section><h2>分级明细</h2>\n<table class=\"drill\"><thead><tr><th>单位</th>"
        for f in model.figures { h += "<th>\(escape(f.label))</th>" }
        h += "<th>核验</th></tr></thead><tbody>\n"
        func row(_ body: ReportModel.Body, depth: Int) {
            h += "<tr class=\"tier-\(escape(body.tier))\"><td style=\"padding-left:\(0.4 + Double(depth) * 1.2)em\">\(escape(body.name))</td>"
            for f in model.figures { h += "<td>\(body.totals[f.key] ?? 0)</td>" }
            h += "<td>\(body.verified ? "✔" : "—")</td></tr>\n"
            for child in model.children(of: body.id) { row(child, depth: depth + 1) }
        }
        row(root, depth: 0)
        h += "</tbody></table></section>\n"

        let chartLabel = model.figures.first { $0.key == model.chartFigure }?.label ?? model.chartFigure
        h += "<section class=\"charts\"><h2>\(escape(chartLabel))：各下级对比</h2>\n"
        for parent in model.bodies where !model.children(of: parent.id).isEmpty {
            let kids = model.children(of: parent.id)
            h += "<figure><figcaption>\(escape(parent.name))</figcaption>\n"
            h += barChart(kids.map { ($0.name, $0.totals[model.chartFigure] ?? 0) })
            h += "</figure>\n"
        }
        h += "</section>\n"

        if !model.trend.isEmpty {
            h += "<section><h2>\(escape(chartLabel))：月度趋势（按上报月份）</h2>\n<figure>\(lineChart(model.trend))</figure></section>\n"
        }

        h += listSection("逾期协商计划事项", model.overdueColumns, model.overdueItems, empty: "没有逾期事项。")
        h += listSection("超过答复期限的提案", model.pastDueColumns, model.proposalsPastDue, empty: "没有超期提案。")
        h += "</body>\n</html>\n"
        return h
    }

    static func listSection(_ title: String, _ columns: [String], _ rows: [[String]], empty: String) -> String {
        var h = "<section><h2>\(escape(title))</h2>\n"
        if rows.isEmpty { return h + "<p class=\"none\">\(escape(empty))</p></section>\n" }
        h += "<table class=\"list\"><thead><tr>" + columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows { h += "<tr>" + r.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return h + "</tbody></table></section>\n"
    }

    /// A horizontal bar chart as inline SVG.
    static func barChart(_ bars: [(String, Int64)]) -> String {
        let rowHeight = 22, labelWidth = 190, width = 640
        let maxValue = max(1, bars.map(\.1).max() ?? 1)
        let height = bars.count * rowHeight + 10
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
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
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        s += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#888\"/>\n"
        s += "<text x=\"\(left - 4)\" y=\"\(top + 10)\" text-anchor=\"end\" font-size=\"11\">\(maxValue)</text>\n"
        var path = ""
        for (i, p) in points.enumerated() {
            let x = Double(left) + Double(i) * stepX
            path += (i == 0 ? "M" : "L") + String(format: "%.1f %.1f ", x, y(p.value))
            s += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#b22\"/>", x, y(p.value))
            s += String(format: "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">", x, height - bottom + 15)
                + escape(String(p.month.suffix(2))) + "月</text>\n"
        }
        s += "<path d=\"\(path)\" fill=\"none\" stroke=\"#b22\" stroke-width=\"2\"/>\n"
        return s + "</svg>\n"
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ s: String) -> String {
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

    static let css = """
    @page { size: A4; margin: 15mm; }
    body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", sans-serif; color: #222; margin: 2em; }
    h1 { color: #a11; font-size: 1.6em; margin-bottom: 0.2em; }
    h2 { font-size: 1.2em; border-bottom: 2px solid #a11; padding-bottom: 0.2em; margin-top: 1.5em; }
    .meta { color: #666; margin-top: 0; }
    table { border-collapse: collapse; font-size: 0.85em; }
    th, td { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    table.summary th { text-align: left; background: #f6eeee; }
    table.drill thead th { background: #f6eeee; }
    tr.tier-city td:first-child { font-weight: bold; }
    tr.tier-county td:first-child { font-weight: 600; }
    .frac { color: #888; }
    .check { color: #262; }
    figure { margin: 0.5em 0 1em 0; page-break-inside: avoid; }
    figcaption { font-weight: 600; margin-bottom: 0.3em; }
    section { page-break-inside: avoid; }
    @media print { body { margin: 0; } }

    """
}
