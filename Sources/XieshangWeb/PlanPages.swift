import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The plan board 协商计划 (issue 19): the plans this body issued and received, items by category with lead leader,
/// department, person and deadline, the stage and overdue flag of every assignee, and below each item the sub-items its
/// assignees decomposed it into, down the tree (``PlanTree``: a county sees its townships' stages under the city's item,
/// and the city sees them too, from the decompositions the counties reported up). The office imports a plan
/// from CSV text (all rows checked first, every bad row named by its line; all or none), reviews, approves and issues
/// it, and decomposes an item it received; an assignee (the office, or a township's clerk) reports its stage. Each
/// step builds the very commands `xieshang plan import|issue|decompose|progress` builds.
enum PlanPages {
    /// Largest CSV text a plan import or decomposition takes: 64 KiB of UTF-8 (a 51-item plan is about 8 KiB).
    static let maxCSVBytes = 64 * 1024

    /// `GET /plans` (the board), `GET|POST /plans/import`, `POST /plans/issue`, `GET|POST /plans/decompose`,
    /// `POST /plans/progress`.
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: "/plans", isPrefix: false, capability: .act(.viewRecords(.plans))) { _, session in
                await board(data, session, error: "")
            },
            WorkflowStep.page("/plans/import", .record(.plans)) { _, session in WebPage.response(html: importPage(session, [:], error: "")) },
            WorkflowStep.post("/plans/import", .record(.plans)) { v, request, session in await importPlan(v, data, book, request, session) },
            WorkflowStep.post("/plans/issue", .record(.plans)) { v, request, session in await issue(v, data, book, request, session) },
            WorkflowStep.page("/plans/decompose", .record(.plans)) { q, session in WebPage.response(html: decomposePage(session, q, error: "")) },
            WorkflowStep.post("/plans/decompose", .record(.plans)) { v, request, session in await decompose(v, data, book, request, session) },
            WorkflowStep.post("/plans/progress", .act(.reportPlanStage)) { v, request, session in await progress(v, data, book, request, session) },
        ]
    }

    // MARK: Steps

    /// The CSV text of field `csv`, within ``maxCSVBytes``.
    static func csv(_ v: [String: String]) throws(EntryForms.FieldError) -> [UInt8] {
        let bytes = Array((v["csv"] ?? "").utf8)
        guard bytes.count <= maxCSVBytes else {
            throw EntryForms.FieldError(message: "CSV 内容 \(bytes.count) 字节，超过上限 \(maxCSVBytes) 字节（64 KiB）；请分批导入")
        }
        guard !bytes.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) else { throw EntryForms.FieldError(message: "请粘贴 CSV 内容（含表头行）") }
        return bytes
    }

    /// The items of a CSV text, assignee names mapped to this node's bodies: every bad row named by its line.
    static func items(_ bytes: [UInt8], year: Int, _ data: WebData) async throws(EntryForms.FieldError) -> [PlanItem] {
        var byName: [String: String] = [:]
        for body in await data.bodies() {
            byName[body.id] = body.id
            if !body.name.isEmpty { byName[body.name] = body.id }
        }
        do { return try PlanImport.items(csv: bytes, year: year, bodiesByName: byName).map(\.item) } catch {
            throw EntryForms.FieldError(message: WorkflowStep.message(error))
        }
    }

    static func importPlan(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let page = { (message: String) in importPage(session, v, error: message) }
        let me = await data.identity()?.id ?? ""
        let plan = (v["plan"] ?? "").trimmingSpacesAndNewlines
        let built: [DomainEvent]
        do throws(EntryForms.FieldError) {
            let day = try WorkflowStep.day(v)
            let id = try WorkflowStep.required(v, "plan", "计划编号"), title = try WorkflowStep.required(v, "title", "计划标题")
            let yearText = (v["year"] ?? "").trimmingSpacesAndNewlines
            guard let year = yearText.isEmpty ? day.year : Int(yearText), (2000...9999).contains(year) else {
                throw EntryForms.FieldError(message: "年度“\(yearText)”应为 2000–9999 的年份")
            }
            let items = try await items(try csv(v), year: year, data)
            built = [.plan(PlanEvent(id, issuer: me, on: day, .drafted(year: year, title: title)))]
                + items.map { .plan(PlanEvent(id, issuer: me, on: day, .itemAdded($0))) }
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: "plan \(plan) import", page: page)
        }
        return await WorkflowStep.record(built, data, book, request, session, detail: "plan \(plan) imported with \(built.count - 1) items",
                                         next: "/plans", refused: page)
    }

    static func issue(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let plan = (v["plan"] ?? "").trimmingSpacesAndNewlines
        let me = await data.identity()?.id ?? ""
        let page = await refusedBoard(data, session, here: me)
        let built: [DomainEvent]
        do throws(EntryForms.FieldError) {
            let day = try WorkflowStep.day(v)
            let id = try WorkflowStep.required(v, "plan", "计划编号"), document = try WorkflowStep.required(v, "document", "印发文号")
            built = [PlanEvent.Step.reviewed(meeting: "主席会议"), .approved(meeting: "党委常委会"), .issued(document: document)]
                .map { .plan(PlanEvent(id, issuer: me, on: day, $0)) }
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: "plan \(plan) issue", page: page)
        }
        return await WorkflowStep.record(built, data, book, request, session, detail: "plan \(plan) reviewed, approved and issued", next: "/plans", refused: page)
    }

    static func decompose(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let page = { (message: String) in decomposePage(session, v, error: message) }
        let me = await data.identity()?.id ?? ""
        let item = (v["item"] ?? "").trimmingSpacesAndNewlines
        let built: DomainEvent
        do throws(EntryForms.FieldError) {
            let day = try WorkflowStep.day(v)
            let issuer = try WorkflowStep.required(v, "issuer", "上级计划制定组织"), plan = try WorkflowStep.required(v, "plan", "计划编号")
            let itemID = try WorkflowStep.required(v, "item", "事项编号")
            let subs = try await items(try csv(v), year: day.year, data)
            built = .plan(PlanEvent(plan, issuer: me, on: day, .decomposed(itemID: itemID, parentIssuer: issuer, parentPlanID: plan, subItems: subs)))
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: "plan item \(item) decompose", page: page)
        }
        return await WorkflowStep.record([built], data, book, request, session, detail: "plan item \(item) decomposed", next: "/plans", refused: page)
    }

    static func progress(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let me = await data.identity()?.id ?? ""
        let page = await refusedBoard(data, session, here: me)
        let item = (v["item"] ?? "").trimmingSpacesAndNewlines
        let built: DomainEvent
        do throws(EntryForms.FieldError) {
            let day = try WorkflowStep.day(v)
            let issuer = try WorkflowStep.required(v, "issuer", "计划制定组织"), plan = try WorkflowStep.required(v, "plan", "计划编号")
            let itemID = try WorkflowStep.required(v, "item", "事项编号")
            guard let stage = ItemStage.allCases.first(where: { $0.name == v["stage"] }) else {
                throw EntryForms.FieldError(message: "请选择进度（\(ItemStage.allCases.map { Labels.zh("stage." + $0.name) }.joined(separator: "、"))）")
            }
            built = .plan(PlanEvent(plan, issuer: issuer, on: day, .stageReported(itemID: itemID, byBody: me, stage: stage,
                                                                               note: (v["note"] ?? "").trimmingSpacesAndNewlines)))
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: "plan item \(item) stage", page: page)
        }
        return await WorkflowStep.record([built], data, book, request, session, detail: "plan item \(item) stage \(v["stage"] ?? "")",
                                         next: "/plans", refused: page)
    }

    // MARK: Pages

    /// The board as it is before a step, to show again with the step's refusal (nothing was recorded).
    static func refusedBoard(_ data: WebData, _ session: Session, here: String) async -> @Sendable (String) -> String {
        let plans = (try? await data.plans().get()) ?? [], below = (try? await data.plansBelow().get()) ?? []
        let bodies = await data.bodies()
        return { message in boardHTML(plans, below: below, bodies, session, here: here, error: message) }
    }

    static func board(_ data: WebData, _ session: Session?, error: String) async -> HTTPResponse {
        switch (await data.plans(), await data.plansBelow()) {
        case (.failure(let e), _), (_, .failure(let e)): return WebSite.failure(e)
        case (.success(let plans), .success(let below)):
            let me = await data.identity()?.id ?? ""
            let bodies = await data.bodies()
            return WebPage.response(html: boardHTML(plans, below: below, bodies, session, here: me, error: error))
        }
    }

    /// The board: each plan (this body's own first), its items by category, each item's assignees with stage and
    /// overdue flag as of today, below it the sub-items its assignees decomposed it into, down the tree (from this
    /// body's plans and the sub-plans of the bodies below, `below`), and the forms the reader may use.
    static func boardHTML(_ plans: [ConsultationPlan], below: [ConsultationPlan] = [], _ bodies: [XieshangDomain.BodyInfo], _ session: Session?,
                          here: String = "", error: String) -> String {
        let e = WebPage.escape
        let today = EntryForms.today()
        let names = Dictionary(bodies.map { ($0.id, $0.name.isEmpty ? $0.id : $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { names[id] ?? id }
        let mayRecord = session.map { WebCapability.record(.plans).allows($0) } ?? false
        let mayReport = session.map { WebCapability.act(.reportPlanStage).allows($0) } ?? false
        var b = WorkflowStep.refusal(error)
        if mayRecord { b += "<section><p><a href=\"/plans/import\">导入协商计划（CSV）</a></p></section>" }
        if plans.isEmpty && error.isEmpty { b += "<section><p class=\"muted\">本级尚无协商计划。</p></section>" }
        let tree = PlanTree(plans + below)
        let held = Dictionary((plans + below).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = plans.filter { $0.key.issuer == here && !$0.items.contains { $0.parent != nil } } + plans.filter { $0.key.issuer != here }
        for plan in ordered {
            let k = plan.key
            b += "<section class=\"plan\" data-plan=\"\(e(k.issuer + "/" + k.planID))\"><h2>\(e(plan.title.isEmpty ? k.planID : plan.title))</h2>"
            b += "<dl class=\"facts\"><dt>计划编号</dt><dd>\(e(k.planID))</dd><dt>制定</dt><dd>\(e(name(k.issuer)))</dd>"
            b += "<dt>状态</dt><dd data-plan-status=\"\(plan.status.rawValue)\">\(e(Labels.zh("state.plan." + plan.status.rawValue)))</dd>"
            if let d = plan.document { b += "<dt>文号</dt><dd>\(e(d))</dd>" }
            b += "</dl>"
            if mayRecord, k.issuer == here, plan.status == .drafted, let session {
                b += "<form class=\"entry\" method=\"post\" action=\"/plans/issue\">" + WebPage.csrfField(session)
                b += "<input type=\"hidden\" name=\"plan\" value=\"\(e(k.planID))\"><label>印发文号<input name=\"document\" required></label>"
                b += "<button type=\"submit\" data-issue>审议、审定并印发</button></form>"
            }
            var categories: [String] = []
            for item in plan.items where !categories.contains(item.category) { categories.append(item.category) }
            for category in categories {
                b += "<h3>\(e(category.isEmpty ? "未分类" : category))</h3>"
                for item in plan.items where item.category == category {
                    b += itemHTML(plan, item, name: name, today: today, here: here, session: session, mayRecord: mayRecord, mayReport: mayReport)
                    for branch in tree.branches(of: item, in: k) {
                        guard let subPlan = held[branch.plan] else { continue }
                        let by = branch.plan.issuer == here ? "本级" : name(branch.plan.issuer)
                        b += "<div class=\"sub\" data-sub-item=\"\(e(branch.item.id))\" data-sub-plan=\"\(e(branch.plan.issuer + "/" + branch.plan.planID))\""
                        b += " data-depth=\"\(branch.depth)\"><p class=\"muted\">\(e(by))分解的子事项</p>"
                        b += itemHTML(subPlan, branch.item, name: name, today: today, here: here, session: session, mayRecord: false, mayReport: false) + "</div>"
                    }
                }
            }
            b += "</section>\n"
        }
        let subtitle = session.map { "\($0.displayName)（\($0.role.label)）" } ?? ""
        return WebPage.html(title: "协商计划", subtitle: subtitle, body: b)
    }

    /// One item: its facts, each assignee's stage (逾期 flagged), and the decompose link and stage form for this body.
    static func itemHTML(_ plan: ConsultationPlan, _ item: PlanItem, name: (String) -> String, today: Day, here: String, session: Session?,
                         mayRecord: Bool, mayReport: Bool) -> String {
        let e = WebPage.escape
        var b = "<article class=\"item\" data-item=\"\(e(item.id))\"><p><b>\(e(item.id))</b> \(e(item.topic))</p>"
        b += "<dl class=\"facts\"><dt>牵头领导</dt><dd>\(e(item.leadLeader))</dd><dt>责任部门</dt><dd>\(e(item.department))</dd>"
        b += "<dt>责任人</dt><dd>\(e(item.person))</dd><dt>完成时限</dt><dd>\(e(item.deadline.description))</dd>"
        if !item.form.isEmpty { b += "<dt>协商形式</dt><dd>\(e(item.form))</dd>" }
        b += "</dl><table class=\"assignees\"><thead><tr><th>承办单位</th><th>进度</th></tr></thead><tbody>"
        for a in item.assignees {
            let stage = item.stage(of: a, asOf: today), overdue = item.isOverdue(for: a, asOf: today)
            let css = overdue ? "down" : stage >= .held ? "up" : "wait"
            b += "<tr data-assignee=\"\(e(a))\" data-stage=\"\(stage.name)\"\(overdue ? " data-overdue" : "")><td>\(e(name(a)))</td>"
            b += "<td><span class=\"state \(css)\">\(e(Labels.zh("stage." + stage.name)))</span>\(overdue ? " <span class=\"state down\">逾期</span>" : "")</td></tr>"
        }
        b += "</tbody></table>"
        if plan.status == .issued, item.assignees.contains(here), plan.key.issuer != here, let session {
            let q = "issuer=\(FormEncoding.encode(plan.key.issuer))&plan=\(FormEncoding.encode(plan.key.planID))&item=\(FormEncoding.encode(item.id))"
            if mayRecord { b += "<p><a href=\"/plans/decompose?\(q)\" data-decompose>分解给下级</a></p>" }
            if mayReport {
                b += "<form class=\"entry\" method=\"post\" action=\"/plans/progress\">" + WebPage.csrfField(session)
                b += "<input type=\"hidden\" name=\"issuer\" value=\"\(e(plan.key.issuer))\"><input type=\"hidden\" name=\"plan\" value=\"\(e(plan.key.planID))\">"
                b += "<input type=\"hidden\" name=\"item\" value=\"\(e(item.id))\"><label>本单位进度<select name=\"stage\">"
                let current = item.stage(of: here, asOf: today)
                for s in ItemStage.allCases where s > current { b += "<option value=\"\(s.name)\">\(e(Labels.zh("stage." + s.name)))</option>" }
                b += "</select></label><label>说明<input name=\"note\"></label><button type=\"submit\" data-progress>上报进度</button></form>"
            }
        }
        return b + "</article>"
    }

    static let csvHint = "表头：编号,类别,议题,协商形式,牵头领导,责任部门,责任人,完成时限,承办单位（承办单位可写名称或节点编号，多个以“、”分隔）"

    static func importPage(_ session: Session, _ v: [String: String], error: String) -> String {
        csvPage(session, v, error: error, title: "导入", heading: "导入协商计划", action: "/plans/import",
                fields: [("plan", "计划编号", " required placeholder=\"XS-2026\""), ("title", "计划标题", " required"), ("year", "年度", " type=\"number\"")],
                csvLabel: "CSV 内容（粘贴自 Excel 另存的 CSV UTF-8，上限 64 KiB）", note: "所有行检查无误才导入，否则一行也不导入。", button: "导入为计划草案")
    }

    static func decomposePage(_ session: Session, _ v: [String: String], error: String) -> String {
        csvPage(session, v, error: error, title: "分解", heading: "分解事项 " + (v["item"] ?? ""), action: "/plans/decompose",
                fields: [("issuer", "上级计划制定组织", " required"), ("plan", "计划编号", " required"), ("item", "事项编号", " required")],
                csvLabel: "子事项 CSV（上限 64 KiB）", note: "子事项时限不能晚于上级事项时限。", button: "分解")
    }

    /// A form posting CSV text: its fields (name, label, attributes), the CSV textarea, the columns' hint and `note`.
    static func csvPage(_ session: Session, _ v: [String: String], error: String, title: String, heading: String, action: String,
                        fields: [(name: String, label: String, attributes: String)], csvLabel: String, note: String, button: String) -> String {
        let e = WebPage.escape
        func value(_ n: String) -> String { e(v[n] ?? "") }
        var b = "<section><h2>\(e(heading))</h2>" + WorkflowStep.refusal(error)
        b += "<form class=\"entry\" method=\"post\" action=\"\(action)\">" + WebPage.csrfField(session)
        for f in fields { b += "<label>\(e(f.label))<input name=\"\(f.name)\"\(f.attributes) value=\"\(value(f.name))\"></label>" }
        b += "<label>\(e(csvLabel))<textarea name=\"csv\" required rows=\"10\">\n\(value("csv"))</textarea></label>"
        b += "<p class=\"muted\">\(e(csvHint))；\(e(note))</p><button type=\"submit\">\(e(button))</button></form></section>\n"
        return WebPage.html(title: "协商计划 · " + title, subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
