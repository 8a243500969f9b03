import Foundation
import XieshangNode
import XieshangDomain

/// Prints record rows as an aligned table with labels in the chosen language (Chinese by default), or as JSON lines
/// with `--json`. Values of state and kind columns are translated through `Labels`.
enum RecordTable {
    /// Label-key prefix for the values of a column of a record type, when they are codes.
    static func valuePrefix(_ type: String, _ column: String) -> String? {
        switch (type, column) {
        case ("proposals", "status"), ("proposal", "status"): return "state.proposal."
        case ("proposals", "kind"), ("proposal", "kind"): return "proposalKind."
        case ("opinions", "status"): return "state.opinion."
        case ("suggestions", "status"): return "state.suggestion."
        case ("activities", "kind"), ("research", "kind"), ("research_report", "kind"): return "activity."
        case ("activities", "form"): return "form."
        case ("activities", "result"), ("activity_appraisals", "result"): return "rating."
        case ("stations", "kind"), ("station_figures", "kind"): return "station."
        case ("plan_items", "stage"), ("plan_tree", "stage"): return "stage."
        case ("plans", "plan_status"): return "state.plan."
        case ("topics", "source"): return "topicSource."
        case ("topics", "decision"): return "topicDecision."
        case ("members", "minimums_missed"), ("duty_ranking", "minimums_missed"): return "dutyCategory."
        default: return nil
        }
    }

    static func cell(_ value: Any?, _ type: String, _ column: String, _ inv: Invocation) -> String {
        switch value {
        case nil, is NSNull: return "—"
        case let s as String:
            if let prefix = valuePrefix(type, column), Labels.label(prefix + s) != nil { return inv.label(prefix + s) }
            // Titles, names and reasons may come from other bodies: shown as data (DisplayText), never as control.
            return DisplayText.escaped(s)
        case let a as [Any]: return a.map { cell($0, type, column, inv) }.joined(separator: "、")
        case let d as [String: Any]:
            return d.keys.sorted().map { k in "\(k)：\(cell(d[k], type, column == "stages" ? "plan_items" : column, inv))" }.joined(separator: "；")
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { return n.boolValue ? inv.text("是", "yes") : inv.text("否", "no") }
            return n.stringValue
        default: return DisplayText.escaped("\(value!)")
        }
    }

    /// Prints `rows` of `type` with `columns`.
    static func print(_ rows: [[String: Any]], type: String, columns: [String], _ inv: Invocation) {
        if inv.json {
            for r in rows {
                if let data = try? JSONSerialization.data(withJSONObject: r, options: [.sortedKeys]) { Swift.print(String(decoding: data, as: UTF8.self)) }
            }
            return
        }
        if rows.isEmpty { Swift.print(inv.text("（没有记录）", "(no records)")); return }
        let header = columns.map { inv.label($0) }
        let body = rows.map { r in columns.map { c in cell(r[c] ?? nil, type, c == "stage" ? "stage" : c, inv) } }
        var widths = header.map(width)
        for r in body { for (i, c) in r.enumerated() { widths[i] = min(40, max(widths[i], width(c))) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in pad(c, widths[i]) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        Swift.print(line(header))
        for r in body { Swift.print(line(r)) }
    }

    /// Terminal columns of a text (CJK characters take two).
    static func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }

    static func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - width(s))) }
}
