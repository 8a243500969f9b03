import Foundation
import XieshangDomain

/// `xieshang plan …`: the annual consultation plan 年度协商计划 — import its items from CSV into a draft, issue it
/// (主席会议审议, 党委常委会审定, 印发), decompose a received item for the townships, report progress, show items with
/// their stage and overdue assignees.
enum PlanCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "plan", summary: "consultation plans 协商计划: solicit topics, import, issue, decompose, progress, show", commands: [
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
        (Spec(name: "plan tree", summary: "each item followed down the tree 逐级分解进度: its assignees and those of the sub-items the bodies below decomposed it into, with stage and overdue (as of a day)",
              valued: ["plan", "as-of"], flags: ["overdue"],
              details: "  depth 0: the item's own assignees; 1: a sub-item an assignee decomposed it into (分解组织, 子事项); 2: a sub-item of that, …",
              example: "xieshang plan tree --plan XS-2026 --as-of 2026-07-01"), tree),
        (Spec(name: "plan solicit", summary: "opens topic solicitation 议题征集 for next year's plan, until a deadline (then import the draft)",
              positionals: ["PLAN"], valued: ["deadline", "bodies", "date"], required: ["deadline"],
              details: "  --bodies BODY,BODY: the lower bodies asked (default every body below); departments, the public and members too",
              example: "xieshang plan solicit XS-2027 --deadline 2026-11-30 --date 2026-11-01"), solicit),
        (Spec(name: "plan topic", summary: "proposes a topic for a plan being solicited: a lower body to its issuer, or the issuer entering one from a department, the public or a member",
              positionals: ["PLAN"], valued: ["id", "topic", "reason", "issuer", "source", "proposer", "date"], required: ["id", "topic"],
              details: """
                  at a lower body: --issuer BODY (the body whose plan it is); the topic travels up to it
                  at the issuer: --source department|society|member --proposer NAME (部门, 社会公众, 委员/界别)
                """,
              example: "xieshang plan topic XS-2027 --id T-01 --topic 乡村旅游提质 --reason 游客增长快 --issuer cn.gz.tongren --date 2026-11-10"), topic),
        (Spec(name: "plan pick", summary: "adopts a proposed topic into the plan as an item (采纳列入计划)",
              positionals: ["PLAN", "TOPIC"], valued: ["item", "date"], required: ["item"],
              example: "xieshang plan pick XS-2027 T-01 --item 4-03 --date 2026-12-05"), pick),
        (Spec(name: "plan decide", summary: "merges a proposed topic into another (合并) or does not adopt it (不予采纳, with the reason)",
              positionals: ["PLAN", "TOPIC"], valued: ["merge-into", "not-adopted", "date"],
              example: "xieshang plan decide XS-2027 T-02 --merge-into T-01 --date 2026-12-05"), decide),
        (Spec(name: "plan topics", summary: "the topics proposed for the plans this body issues or was asked for, with their source and what became of them",
              valued: ["plan"], example: "xieshang plan topics --plan XS-2027"), topics),
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

    static func tree(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter: [String: String] = [:]
        if let asOf = try inv.optionalDay("as-of") { filter["as_of"] = asOf.description }
        if let plan = inv.value("plan") { filter["plan"] = plan }
        var rows = try NodeClient(inv).query("plan_tree", filter: filter)
        if inv.flags.contains("overdue") { rows = rows.filter { $0["is_overdue"] as? Bool == true } }
        RecordTable.print(rows, type: "plan_tree", columns: ["issuer", "plan_id", "item_id", "topic", "depth", "sub_issuer", "sub_item_id", "deadline",
                                                            "assignee", "stage", "is_overdue"], inv)
        return ExitCode.done
    }

    static func solicit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let deadline = try inv.day("deadline", defaultToday: false)
        let plan = inv.positional(0)
        let e = PlanEvent(plan, issuer: me, on: try inv.day(), .topicsSolicited(deadline: deadline, bodies: inv.list("bodies")))
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"),
                              zh: "计划 \(plan) 议题征集至 \(deadline)", en: "plan \(plan): topics solicited until \(deadline)")
    }

    static func topic(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let plan = inv.positional(0), id = try inv.required("id"), text = try inv.required("topic"), reason = inv.value("reason") ?? ""
        let step: PlanEvent.Step, issuer: String
        if let s = inv.value("source") {
            guard let source = ConsultationPlan.TopicSource(rawValue: s), source != .lowerBody else {
                throw inv.usage("--source takes department, society or member, not '\(s)' (a lower body proposes at its own node with --issuer).")
            }
            guard let proposer = inv.value("proposer"), !proposer.isEmpty else {
                throw inv.usage("--source \(s) needs --proposer NAME (the department, person or member).")
            }
            issuer = try client.status().nodeId
            step = .topicReceived(topicID: id, source: source, proposer: proposer, topic: text, reason: reason)
        } else {
            guard let to = inv.value("issuer") else {
                throw inv.usage("give --issuer BODY (a lower body proposes to the plan's issuer), or --source and --proposer at the issuer.")
            }
            issuer = to
            step = .topicProposed(topicID: id, byBody: try client.status().nodeId, topic: text, reason: reason)
        }
        let e = PlanEvent(plan, issuer: issuer, on: try inv.day(), step)
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"), zh: "议题 \(id) \(text)", en: "topic \(id) \(text)")
    }

    static func pick(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let plan = inv.positional(0), topic = inv.positional(1), item = try inv.required("item")
        let e = PlanEvent(plan, issuer: try client.status().nodeId, on: try inv.day(), .topicPicked(topicID: topic, itemID: item))
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"),
                              zh: "议题 \(topic) 采纳为事项 \(item)", en: "topic \(topic) adopted as item \(item)")
    }

    static func decide(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let decision: ConsultationPlan.TopicDecision
        switch (inv.value("merge-into"), inv.value("not-adopted")) {
        case (let into?, nil): decision = .merged(into: into)
        case (nil, let reason?): decision = .notAdopted(reason: reason)
        default: throw inv.usage("give one of --merge-into TOPIC (合并) and --not-adopted REASON (不予采纳).")
        }
        let client = NodeClient(inv)
        let plan = inv.positional(0), topic = inv.positional(1)
        let e = PlanEvent(plan, issuer: try client.status().nodeId, on: try inv.day(), .topicDecided(topicID: topic, decision))
        let (zh, en): (String, String) = switch decision {
        case .merged(let into): ("议题 \(topic) 并入 \(into)", "topic \(topic) merged into \(into)")
        case .notAdopted: ("议题 \(topic) 不予采纳", "topic \(topic) not adopted")
        }
        return Recorded.print(inv, try client.submit(.plan(e), actor: "office"), zh: zh, en: en)
    }

    static func topics(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter: [String: String] = [:]
        if let plan = inv.value("plan") { filter["plan"] = plan }
        let rows = try NodeClient(inv).query("topics", filter: filter)
        RecordTable.print(rows, type: "topics", columns: ["plan_id", "topic_id", "source", "proposer", "topic", "proposed_on", "decision",
                                                          "item", "decided_on"], inv)
        return ExitCode.done
    }
}
