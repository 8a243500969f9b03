import Foundation
import XieshangDomain
import XieshangNode
import XieshangReport

/// `xieshang export --csv DIR`: every record type of this body as a CSV file Excel opens correctly (UTF-8 with BOM,
/// Chinese headers), one file per query the catalog exports (members, proposals, opinions, activities, suggestions,
/// research and inspection reports, plan items, sub-body units, and the alliance's charters, meetings, joint research,
/// drafts and joint proposals where the body holds any), and one file per plan this body issued in the exact columns `plan import` reads (so an exported plan imports unchanged).
enum ExportCommand {
    static let spec = Invocation.Spec(
        name: "export", summary: "writes one CSV file per record type into DIR (created if missing)",
        valued: ["csv"], required: ["csv"],
        example: "xieshang export --csv 导出/2026")

    /// The queries exported, one CSV file each (named after the query), with their columns: every catalog query that
    /// declares export columns (``QuerySpec/export``), in the order of their record types (``RecordType``).
    static var types: [(type: String, file: String, columns: [String], alliance: Bool)] {
        RecordType.allCases.flatMap { type in
            QueryCatalog.entries.filter { $0.recordType == type }.compactMap { q in
                q.export.map { (q.name, q.name + ".csv", $0, type.family == .alliance) }
            }
        }
    }

    /// The columns `plan import` reads, in its order.
    static let planHeader = ["编号", "类别", "议题", "协商形式", "牵头领导", "责任部门", "责任人", "完成时限", "承办单位"]

    static func run(_ args: [String]) -> Int32 {
        do throws(Invocation.Exit) {
            let inv = try Invocation.parse(args, spec)
            let dir = try inv.required("csv")
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
                return fail("cannot create \(dir): \(error.localizedDescription)", code: ExitCode.refused)
            }
            let client = NodeClient(inv)
            let me = try client.status().nodeId
            var written: [String] = []
            let types = Self.types
            for (i, t) in types.enumerated() {
                Progress.show(inv.text("导出", "exporting"), i, types.count + 1)
                let rows = try client.query(t.type)
                // A body in no alliance has no alliance records: no empty alliance files.
                if t.alliance && rows.isEmpty { continue }
                let header = t.columns.map { inv.label($0) }
                let cells = rows.map { r in t.columns.map { c in csvCell(r[c] ?? nil, t.type, c, inv) } }
                try write(CSVWriter.bytes(header: header, rows: cells), dir + "/" + t.file)
                written.append("\(t.file) (\(rows.count))")
            }
            // One importable file per plan this body issued.
            var plans: [String: [[String]]] = [:]
            for r in try client.query("plans") where r["issuer"] as? String == me {
                let s = { (k: String) in r[k] as? String ?? "" }
                plans[s("plan_id"), default: []].append([s("item_id"), s("category"), s("topic"), s("form"), s("lead_leader"), s("department"),
                                                       s("person"), s("deadline"), ((r["assignees"] as? [String]) ?? []).joined(separator: "、")])
            }
            for (plan, rows) in plans.sorted(by: { $0.key < $1.key }) {
                let file = "plan-\(plan.replacingOccurrences(of: "/", with: "_")).csv"
                try write(CSVWriter.bytes(header: planHeader, rows: rows), dir + "/" + file)
                written.append("\(file) (\(rows.count))")
            }
            Progress.show(inv.text("导出", "exporting"), types.count + 1, types.count + 1)
            print(inv.json ? "{\"dir\":\"\(dir)\",\"files\":\(written.count)}" : inv.text("已导出到 \(dir)：", "exported to \(dir): ") + written.joined(separator: ", "))
            return ExitCode.done
        } catch {
            return error.code
        }
    }

    static func csvCell(_ value: Any?, _ type: String, _ column: String, _ inv: Invocation) -> String {
        if value == nil || value is NSNull { return "" }
        if column == "duty_total_tenths", let n = value as? NSNumber { return String(format: "%.1f", Double(n.intValue) / 10) }
        return RecordTable.cell(value, type, column, inv)
    }

    static func write(_ bytes: [UInt8], _ path: String) throws(Invocation.Exit) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw Invocation.Exit(code: fail("cannot write \(path); check the folder is writable", code: ExitCode.refused))
        }
    }
}
