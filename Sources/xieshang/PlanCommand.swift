import Foundation
import XieshangDomain

/// `xieshang plan …`: the annual consultation plan 年度协商计划 — import its items from CSV into a draft, issue it
/// (主席会议审议, 党委常委会审定, 印发), decompose a received item for the townships, report progress, show items with
/// their stage and overdue assignees.
enum PlanCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "plan", summary: "consultation plans 协商计划: import, issue, decompose, progress, show", commands: [
        (Spec(name: "plan import", summary: "drafts a plan with the items of a CSV file (all rows or none)",
              positionals: ["FILE"], valued: ["plan", "year", "title", "date"], required: ["plan", "title"],
              details: "  columns: 编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位 (承办单位: names or node ids, separated by 、)\n  a sample: Ops/samples/consultation-plan.csv",
              example: "xieshang plan import Ops/samples/consultation-plan.csv --plan XS-2026 --year 2026 --title 铜仁市政协2026年度协商计划 --date 2026-01-15"), importFile),
        (Spec(name: "plan issue", summary: "reviews (主席会议), approves (党委常委会) and issues (印发) a drafted plan to the subtree",
              positionals: ["PLAN"], valued: ["document", "review-meeting", "approve-meeting", "date"], required: ["document"],
              example: "xieshang plan issue XS-2026 --document 铜政协发〔2026〕3号 --date 2026-02-01"), issue),
        (Spec(name: "plan decompose", summary: "decomposes an item received from the parent into sub-items for this body's children (CSV as for import)",
              positionals: ["ITEM"], valued: ["issuer", "plan", "file", "year", "date"], required: ["issuer", "plan", "file"],
              example: "xieshang plan decompose 3 --issuer cn.gz.tongren --plan XS-2026 --file sub-items.csv --date 2026-02-10"), decompose),
        (Spec(name: "plan progress", summary: "reports this body's stage of an item it was assigned (筹备中, 已召开, 成果已报送, 已反馈, 跟踪落实)",
              positionals: ["ITEM"], valued: ["issuer", "plan", "stage", "note", "date"], required: ["issuer", "plan", "stage"],
              details: "  --stage preparing|held|resultsReported|feedbackReceived|tracked",
              example: "xieshang plan progress 3.1 --issuer cn.gz.tongren.wanshan --plan XS-2026 --stage held --date 2026-05-20"), progress),
        (Spec(name: "plan show", summary: "plan items with their stage and who is overdue (as of a day)",
              valued: ["plan", "as-of"], flags: ["overdue"], example: "xieshang plan show --plan XS-2026 --as-of 2026-07-01"), show),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    /// Names and ids of the bodies this node knows (itself and its subtree), for the 承办单位 column.
    static func bodiesByName(_ client: NodeClient) throws(Invocation.Exit) -> [String: String] {
        var map: [String: String] = [:]
        for (id, body) in try client.bodies() {
            map[id] = id
            if !body.name.isEmpty { map[body.name] = id }
        }
        return map
    }

    static func readItems(_ inv: Invocation, _ path: String, year: Int, _ client: NodeClient) throws(Invocation.Exit) -> [PlanItem] {
        guard let data = FileManager.default.contents(atPath: path) else { throw inv.usage("cannot read \(path); give the path of a CSV file.") }
        do {
            return try PlanImport.items(csv: Array(data), year: year, bodiesByName: try bodiesByName(client)).map(\.item)
        } catch let error as DomainError {
            throw Invocation.Exit(code: fail("\(path): \(error)", code: ExitCode.refused))
        } catch let exit as Invocation.Exit {
            throw exit
        } catch {
            throw Invocation.Exit(code: fail("\(path): \(error)", code: ExitCode.refused))
        }
    }

    static func importFile(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let day = try inv.day()
        let year = try inv.int("year", default: day.year)
        let plan = try inv.required("plan")
        let items = try readItems(inv, inv.positional(0), year: year, client)
        Progress.show(inv.text("导入计划事项", "importing plan items"), 0, items.count)
        let draft = PlanEvent(plan, issuer: me, on: day, .drafted(year: year, title: try inv.required("title")))
        let r = try client.submit(.plan(draft), batch: items.map { .plan(PlanEvent(plan, issuer: me, on: day, .itemAdded($0))) }, actor: "office")
        Progress.show(inv.text("导入计划事项", "importing plan items"), items.count, items.count)
        return Recorded.print(inv, r, zh: "计划 \(plan) 草案，事项 \(items.count) 项", en: "plan \(plan) drafted with \(items.count) items")
    }

    static func issue(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let day = try inv.day(), plan = inv.positional(0)
        let steps: [PlanEvent.Step] = [.reviewed(meeting: inv.value("review-meeting") ?? "主席会议"),
                                       .approved(meeting: inv.value("approve-meeting") ?? "党委常委会"),
                                       .issued(document: try inv.required("document"))]
        let events = steps.map { DomainEvent.plan(PlanEvent(plan, issuer: me, on: day, $0)) }
        return Recorded.print(inv, try client.submit(events[0], batch: Array(events.dropFirst()), actor: "office"),
                              zh: "计划 \(plan) 已审议、审定并印发", en: "plan \(plan) reviewed, approved and issued")
    }

    static func decompose(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let day = try inv.day(), plan = try inv.required("plan"), issuer = try inv.required("issuer"), item = inv.positional(0)
        let subs = try readItems(inv, try inv.required("file"), year: try inv.int("year", default: day.year), client)
        let e = PlanEvent(plan, issuer: me, on: day, .decomposed(itemID: item, parentIssuer: issuer, parentPlanID: plan, subItems: subs))
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"),
                              zh: "事项 \(item) 已分解为 \(subs.count) 个子事项", en: "item \(item) decomposed into \(subs.count) sub-items")
    }

    static func progress(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let text = try inv.required("stage")
        guard let stage = ItemStage.allCases.first(where: { $0.name == text }) else {
            throw inv.usage("--stage takes \(ItemStage.allCases.map(\.name).joined(separator: ", ")), not '\(text)'.")
        }
        let item = inv.positional(0)
        let e = PlanEvent(try inv.required("plan"), issuer: try inv.required("issuer"), on: try inv.day(),
                          .stageReported(itemID: item, byBody: me, stage: stage, note: inv.value("note") ?? ""))
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"),
                              zh: "事项 \(item) 进度：\(inv.label("stage." + stage.name))", en: "item \(item) stage: \(stage.name)")
    }

    static func show(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter: [String: String] = [:]
        if let asOf = try inv.optionalDay("as-of") { filter["as_of"] = asOf.description }
        var rows = try NodeClient(inv).query("plan_items", filter: filter)
        if let plan = inv.value("plan") { rows = rows.filter { $0["plan_id"] as? String == plan } }
        if inv.flags.contains("overdue") { rows = rows.filter { !(($0["overdue_for"] as? [Any]) ?? []).isEmpty } }
        RecordTable.print(rows, type: "plan_items", columns: ["issuer", "plan_id", "item_id", "topic", "department", "deadline", "assignees", "stage", "overdue_for"], inv)
        return ExitCode.done
    }
}
