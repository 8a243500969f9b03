/// Plan import 协商计划导入: a consultation plan's items from CSV, one row per item.
///
/// Columns (Chinese headers, any order; aliases in brackets): 编号 [序号], 类别, 议题 [议题名称], 协商形式 [形式],
/// 牵头领导, 责任部门, 责任人, 完成时限 [时限], 承办单位 [承办组织] (several separated by 、 ; ； or a line break).
/// Deadlines: 2026-06-30, 2026/6/30, 2026.6.30 or 2026年6月30日. Assignee names are mapped to node ids with
/// `bodiesByName` (a node id itself is accepted too).
public enum PlanImport {
    /// The columns, with their accepted headers.
    static let columns: [(key: String, headers: [String], required: Bool)] = [
        ("id", ["编号", "序号"], true), ("category", ["类别", "类型"], false), ("topic", ["议题", "议题名称", "协商议题"], true),
        ("form", ["协商形式", "形式"], false), ("lead", ["牵头领导"], true), ("department", ["责任部门", "牵头部门"], true),
        ("person", ["责任人"], false), ("deadline", ["完成时限", "时限", "完成时间"], true),
        ("assignees", ["承办单位", "承办组织", "承办"], true),
    ]

    /// Parses the rows into plan items, reporting every bad row.
    /// - Throws: `DomainError` `.importRejected` with every bad row (line and reason); nothing is returned then.
    public static func items(csv bytes: some Collection<UInt8>, year: Int,
                             bodiesByName: [String: String]) throws -> [(line: Int, item: PlanItem)] {
        let table = try CSVTable(bytes: bytes)
        let (header, index) = try table.columnIndex(columns)
        var problems: [DomainError.RowProblem] = []
        let knownIDs = Set(bodiesByName.values)
        var items: [(Int, PlanItem)] = []
        var seen: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            var reasons: [String] = []
            func value(_ key: String) -> String {
                guard let i = index[key] else { return "" }
                return i < row.fields.count ? row.fields[i] : ""
            }
            if row.fields.count != header.fields.count {
                reasons.append("有 \(row.fields.count) 列，表头有 \(header.fields.count) 列 / \(row.fields.count) fields, header has \(header.fields.count)")
            }
            let id = value("id")
            if id.isEmpty { reasons.append("编号为空 / empty id") }
            else if let first = seen[id] { reasons.append("编号 \(id) 与第 \(first) 行重复 / id \(id) repeats line \(first)") }
            else { seen[id] = row.line }
            for (key, name) in [("topic", "议题"), ("lead", "牵头领导"), ("department", "责任部门")] where value(key).isEmpty {
                reasons.append("\(name)为空 / empty \(key)")
            }
            let deadlineText = value("deadline")
            let deadline = parseDeadline(deadlineText)
            if deadline == nil { reasons.append("完成时限“\(deadlineText)”不是日期 / deadline \"\(deadlineText)\" is not a date") }
            else if deadline!.year != year { reasons.append("完成时限不在 \(year) 年 / deadline outside \(year)") }
            var assignees: [String] = []
            for name in splitList(value("assignees")) {
                if let id = bodiesByName[name] { assignees.append(id) }
                else if knownIDs.contains(name) { assignees.append(name) }
                else { reasons.append("承办单位“\(name)”未知 / unknown assignee \"\(name)\"") }
            }
            if splitList(value("assignees")).isEmpty { reasons.append("承办单位为空 / no assignee") }
            if reasons.isEmpty {
                items.append((row.line, PlanItem(id: id, category: value("category"), topic: value("topic"),
                                                 form: value("form"), leadLeader: value("lead"),
                                                 department: value("department"), person: value("person"),
                                                 deadline: deadline!, assignees: assignees)))
            } else {
                problems.append(.init(line: row.line, reason: reasons.joined(separator: "；")))
            }
        }
        if !problems.isEmpty {
            throw DomainError(.importRejected, rule: "import.rows",
                              zh: "\(problems.count) 行有错误，未导入任何事项", en: "\(problems.count) rows are bad; nothing was imported",
                              rows: problems)
        }
        if items.isEmpty {
            throw DomainError(.importRejected, rule: "import.empty", zh: "文件没有事项行", en: "the file has no item rows")
        }
        return items
    }

    /// Reads a deadline in the forms offices type.
    static func parseDeadline(_ text: String) -> Day? {
        var t = text.trimmingSpaces()
        if t.hasSuffix("日") { t.removeLast() }
        let parts = t.split(whereSeparator: { "-/.年月".contains($0) }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { "、;；,，\n".contains($0) }).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

extension DomainState {
    /// Imports plan items from CSV into this body's drafted plan: every row is validated (CSV rules, then the
    /// plan rules against the state); if any row is bad nothing is recorded.
    /// - Returns: the recorded events (one `itemAdded` per row, in file order).
    /// - Throws: `DomainError` `.importRejected` listing every bad row with its line number and reason.
    @discardableResult
    public mutating func importPlan(csv bytes: some Collection<UInt8>, planID: String, on day: Day,
                                    bodiesByName: [String: String]) throws -> [DomainEvent] {
        let key = PlanKey(issuer: body.id, planID: planID)
        guard let plan = plans[key] else {
            throw DomainError(.notFound, rule: "plan.exists", zh: "计划 \(key) 不存在，请先起草计划",
                              en: "there is no plan \(key); draft it first")
        }
        let rows = try PlanImport.items(csv: bytes, year: plan.year, bodiesByName: bodiesByName)
        var trial = self
        var events: [DomainEvent] = []
        var problems: [DomainError.RowProblem] = []
        for (line, item) in rows {
            do {
                events += try trial.record(.plan(PlanEvent(planID, issuer: body.id, on: day, .itemAdded(item))), by: .office)
            } catch let error as DomainError {
                problems.append(.init(line: line, reason: "\(error.messageZh) / \(error.messageEn)"))
            } catch {
                problems.append(.init(line: line, reason: "\(error)"))
            }
        }
        if !problems.isEmpty {
            throw DomainError(.importRejected, rule: "import.rows", zh: "\(problems.count) 行有错误，未导入任何事项",
                              en: "\(problems.count) rows are bad; nothing was imported", rows: problems)
        }
        self = trial
        return events
    }
}
