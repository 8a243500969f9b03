import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The township clerk's entry forms (录入): an activity with the suggestions it produced, a suggestion's adoption or
/// closing, an opinion report; and the office's form of research and inspection reports (a report, an instruction 批示,
/// a conversion 成果转化, as `research report|instruction|convert`). Each form builds the very domain commands the CLI builds (`activity add`,
/// `suggestion add|adopt|close`, `opinion submit`) and hands them to the node's recording path (``WebData/record(_:actor:madeBy:)``,
/// the admin Submit's rules and transaction), as the actor its user's role maps to (``actor(_:)``); a refused step
/// shows the rule's message next to the form (422) and records nothing; a success is audited with the user's name
/// and redirects (303) to the record's detail page — or, while the node is fenced and the commands are queued, shows
/// the 已排队 page (202) instead, as there is no record page yet.
enum EntryForms {
    /// One form: its path segment, Chinese title and the area a role must be allowed to record.
    struct Form: Sendable {
        var key: String
        var title: String
        var area: RecordArea
    }

    /// The forms, in the index's order.
    static let forms: [Form] = [
        Form(key: "activity", title: "履职活动", area: .activities),
        Form(key: "suggestion", title: "意见建议采纳、办结", area: .suggestions),
        Form(key: "opinion", title: "社情民意信息", area: .opinions),
        Form(key: "research", title: "调研视察报告、批示、成果转化", area: .research),
    ]

    /// The domain actor a web user records as, as the CLI records: the office and its clerks (and anyone else acting
    /// for the body) as `office`, the committee, a unit or a member as themselves.
    static func actor(_ role: Role) -> Actor {
        switch role {
        case .office, .clerk, .viewer: return .office
        case .committee: return .committee
        case .unit(let name): return .unit(name)
        case .member(let id): return .member(id)
        }
    }

    /// Today in China Standard Time (the forms' default date).
    static func today() -> Day { Day(chinaTimeMs: SystemClock().nowMs()) }

    /// `GET /forms` (the index), and `GET|POST /forms/<key>` for each form.
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        var routes = [WebSite.Route(method: "GET", path: "/forms", isPrefix: false, capability: .signedIn) { _, session in
            var b = "<section><h2>录入</h2><ul>"
            for f in forms where session.map({ WebCapability.record(f.area).allows($0) }) ?? false {
                b += "<li><a href=\"/forms/\(f.key)\">\(WebPage.escape(f.title))</a></li>"
            }
            b += "</ul></section>\n"
            return WebPage.response(html: WebPage.html(title: "录入", body: b))
        }]
        for form in forms {
            routes.append(WebSite.Route(method: "GET", path: "/forms/" + form.key, isPrefix: false, capability: .record(form.area)) { _, session in
                guard let session else { return WebPage.forbidden("录入须先登录", reason: "no session") }
                return WebPage.response(html: page(form, session, values: [:], stations: await stations(form, data)))
            })
            routes.append(WebSite.Route(method: "POST", path: "/forms/" + form.key, isPrefix: false, capability: .record(form.area)) { request, session in
                guard let session else { return WebPage.forbidden("录入须先登录", reason: "no session") }
                guard let fields = try? request.form() else { return WebPage.badParameter("form", "表单无法解析") }
                var values: [String: String] = [:]
                for (name, value) in fields where name != "csrf" && values[name] == nil { values[name] = value }
                let me = await data.identity()?.id ?? ""
                let built: (commands: [DomainEvent], detail: String, kind: String, id: String)
                let units = await stations(form, data)
                do throws(FieldError) {
                    built = try commands(form, values, body: me, role: session.role)
                } catch {
                    return WebPage.response(status: 422, html: page(form, session, values: values, error: error.message, stations: units))
                }
                switch await data.record(built.commands, actor: actor(session.role), madeBy: "user:" + session.username) {
                case .success(.recorded(let seqs)):
                    try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                                  detail: "\(built.detail), seqs \(seqs.map(String.init).joined(separator: ","))")
                    return WebPage.redirect("/records/\(built.kind)/" + FormEncoding.encode(built.id))
                case .success(.queued(let number)):
                    // No record page exists yet: the commands wait in the node's queue (fenced), so the answer says so.
                    try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: true,
                                                  detail: "\(built.detail), queued (\(number)): waits for the parent, recorded in order")
                    return WebPage.response(status: 202, html: queuedPage(form, session, id: built.id, number: number))
                case .failure(let error):
                    try? await book?.noteRecorded(username: session.username, source: request.peer, succeeded: false,
                                                  detail: "\(built.detail) refused: \(error.message)")
                    return WebPage.response(status: 422, html: page(form, session, values: values, error: error.message, stations: units))
                }
            })
        }
        return routes
    }

    /// The units 站点 an activity may be held at (the activity form's choice, in tree order, retired ones too: an activity
    /// dated on or before a unit's last day may still be recorded there); none for the other forms.
    static func stations(_ form: Form, _ data: WebData) async -> [(station: Station, depth: Int)] {
        guard form.key == "activity", case .success(let state) = await data.domainState() else { return [] }
        return state.stationTree
    }

    /// A form's field that is wrong before any rule is asked (a missing id, a count that is not a number).
    struct FieldError: Error {
        var message: String
    }

    /// The commands a posted form makes, what the audit row says, and the record's list and id to show after.
    static func commands(_ form: Form, _ v: [String: String], body: String, role: Role) throws(FieldError) -> (commands: [DomainEvent], detail: String, kind: String, id: String) {
        func text(_ name: String) -> String { (v[name] ?? "").trimmingSpacesAndNewlines }
        func required(_ name: String, _ label: String) throws(FieldError) -> String {
            let t = text(name)
            guard !t.isEmpty else { throw FieldError(message: "请填写“\(label)”") }
            return t
        }
        func list(_ name: String) -> [String] {
            text(name).split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }).map(String.init)
        }
        let day: Day
        if text("date").isEmpty { day = today() } else {
            do { day = try Day(parsing: text("date"), field: "date") } catch { throw FieldError(message: "日期“\(text("date"))”应为 YYYY-MM-DD") }
        }
        switch form.key {
        case "activity":
            let id = try required("id", "活动编号")
            guard let kind = Activity.Kind(rawValue: text("kind")) else { throw FieldError(message: "请选择活动类型") }
            let consultationForm = text("form").isEmpty ? nil : Activity.Form(rawValue: text("form"))
            if !text("form").isEmpty && consultationForm == nil { throw FieldError(message: "协商形式“\(text("form"))”无效") }
            guard let participants = Int(try required("participants", "参加人次")), participants >= 0 else {
                throw FieldError(message: "参加人次应为不小于 0 的整数")
            }
            var appraisal: Activity.Appraisal?
            if !text("target_unit").isEmpty || !text("result").isEmpty {
                var result: ProposalEvent.Rating?
                if !text("result").isEmpty {
                    guard let r = ProposalEvent.Rating(rawValue: text("result")) else { throw FieldError(message: "评议结果“\(text("result"))”无效") }
                    result = r
                }
                appraisal = Activity.Appraisal(targetUnit: text("target_unit"), result: result)
            }
            // 界别 are separated by commas only (a name is kept whole, as typed); the rules check each name.
            let sectors = text("sectors").split(whereSeparator: { ",，、".contains($0) }).map { String($0).trimmingSpacesAndNewlines }
                .filter { !$0.isEmpty }
            let activity = Activity(id: id, kind: kind, form: consultationForm, date: day, topic: try required("topic", "议题"),
                                    participants: participants, members: list("members"), sectors: sectors, appraisal: appraisal,
                                    station: text("station"))
            let lines = (v["suggestions"] ?? "").split(whereSeparator: { $0.isNewline })
                .map { String($0).trimmingSpacesAndNewlines }.filter { !$0.isEmpty }
            var commands: [DomainEvent] = [.activity(activity)]
            for (i, line) in lines.enumerated() {
                commands.append(.suggestion(SuggestionEvent("\(id)-JY\(i + 1)", on: day,
                                                            .made(text: line, addressee: text("addressee"), activityID: id, members: []))))
            }
            return (commands, "activity \(id)" + (lines.isEmpty ? "" : " with \(lines.count) suggestions"), "activities", id)
        case "suggestion":
            let id = try required("id", "建议编号")
            let step: SuggestionEvent.Step
            switch text("step") {
            case "adopt": step = .adopted(by: try required("by", "批示采纳人"), note: text("note"))
            case "close": step = .closed(note: text("note"))
            default: throw FieldError(message: "请选择“批示采纳”或“办结”")
            }
            return ([.suggestion(SuggestionEvent(id, on: day, step))], "suggestion \(id) \(text("step"))", "suggestions", id)
        case "research":
            let id = try required("id", "报告编号")
            let step: ResearchEvent.Step
            switch text("step") {
            case "report":
                step = .reported(activityID: try required("activity", "调研或视察活动编号"), title: try required("title", "标题"),
                                 text: try required("text", "正文"))
            case "instruction":
                step = .instructed(leader: try required("leader", "批示领导（姓名职务）"), level: try required("level", "领导层级"),
                                   text: try required("text", "批示内容"))
            case "convert":
                guard let c = ResearchReport.Conversion(kind: text("to"), target: try required("target", "转化成果（提案编号、信息编号或建议案标题）")) else {
                    throw FieldError(message: "请选择转化形式（提案、社情民意信息或建议案）")
                }
                step = .converted(c)
            default: throw FieldError(message: "请选择“形成报告”“领导批示”或“成果转化”")
            }
            return ([.research(ResearchEvent(id, on: day, step))], "research report \(id) \(text("step"))", "research", id)
        default:
            let id = try required("id", "信息编号")
            let author: String, authorKind: OpinionEvent.AuthorKind, channel: IntakeChannel
            if case .member(let me) = role {
                // A member reports online as themselves (网上): the author is the session's, never the form's.
                (author, authorKind, channel) = (me, .member, .web)
            } else {
                guard let kind = OpinionEvent.AuthorKind(rawValue: text("author_kind").isEmpty ? "member" : text("author_kind")) else {
                    throw FieldError(message: "作者类别“\(text("author_kind"))”无效")
                }
                guard let c = text("channel").isEmpty ? .web : IntakeChannel(word: text("channel")) else {
                    throw FieldError(message: "受理渠道“\(text("channel"))”无效：应为纸质、大会期间、微信/QQ群或网上")
                }
                (author, authorKind, channel) = (try required("author", "作者"), kind, c)
            }
            let provenance = OpinionEvent.Provenance(originBody: body, originReportID: id, author: author, authorKind: authorKind)
            let event = OpinionEvent(provenance, at: body, on: day, .submitted(title: try required("title", "标题"), text: try required("text", "正文"),
                                                                               channel: channel))
            return ([.opinion(event)], "opinion report \(id) submitted", "opinions", body + "/" + id)
        }
    }

    /// The 已排队 page: the record passed the rules but waits in the node's queue until the node has reached its parent,
    /// then is recorded in order (checked again then); a link back to the form.
    static func queuedPage(_ form: Form, _ session: Session, id: String, number: UInt64) -> String {
        let e = WebPage.escape
        var b = "<section data-queued><h2>已排队</h2>"
        b += "<p>\(e(form.title))“\(e(id))”已通过规则检查，正在排队（排队号 \(number)）：本机尚未与上级连通确认，连通确认后将按顺序记录。"
        b += "记录之前，列表中暂不显示此条；请勿重复提交。</p>"
        b += "<p><a href=\"/forms/\(form.key)\">返回\(e(form.title))录入</a></p></section>\n"
        return WebPage.html(title: "录入 · 已排队", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }

    /// The form's page: the refusal (the rule's message) above the fields, which keep what was typed.
    static func page(_ form: Form, _ session: Session, values: [String: String], error: String = "",
                     stations: [(station: Station, depth: Int)] = []) -> String {
        let e = WebPage.escape
        func value(_ name: String) -> String { e(values[name] ?? "") }
        func input(_ name: String, _ label: String, type: String = "text", required: Bool = false, placeholder: String = "") -> String {
            "<label>\(e(label))<input name=\"\(name)\" type=\"\(type)\" value=\"\(value(name))\"\(required ? " required" : "")\(placeholder.isEmpty ? "" : " placeholder=\"\(e(placeholder))\"")></label>"
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            var s = "<label>\(e(label))<select name=\"\(name)\">"
            for (key, text) in options { s += "<option value=\"\(e(key))\"\(values[name] == key ? " selected" : "")>\(e(text))</option>" }
            return s + "</select></label>"
        }
        func area(_ name: String, _ label: String) -> String {
            "<label>\(e(label))<textarea name=\"\(name)\">\(value(name))</textarea></label>"
        }
        var b = "<section><h2>\(e(form.title))</h2>"
        if !error.isEmpty { b += "<p class=\"error\" role=\"alert\" data-refusal>\(e(error))</p>" }
        b += "<form class=\"entry\" method=\"post\" action=\"/forms/\(form.key)\">" + WebPage.csrfField(session)
        let date = values["date"].map(e) ?? today().description
        let dateField = "<label>日期<input name=\"date\" type=\"date\" value=\"\(date)\"></label>"
        switch form.key {
        case "activity":
            b += input("id", "活动编号", required: true, placeholder: "HD-001")
            b += select("kind", "活动类型", Activity.Kind.allCases.map { ($0.rawValue, Labels.label("activity." + $0.rawValue)?.zh ?? $0.rawValue) })
            b += select("form", "协商形式（协商活动）", [("", "—")] + Activity.Form.allCases.filter { $0 != .other }.map { ($0.rawValue, Labels.label("form." + $0.rawValue)?.zh ?? $0.rawValue) })
            b += dateField + input("topic", "议题", required: true) + input("participants", "参加人次", type: "number", required: true)
            if !stations.isEmpty || !(values["station"] ?? "").isEmpty {
                // The unit's rules (registered, working that day) are the domain's: a refusal names the rule next to the form.
                var choices: [(String, String)] = [("", Labels.zh("station.body"))]
                for (s, depth) in stations {
                    let retired: String = s.retiredOn.map { "（\($0) 撤销）" } ?? ""
                    choices.append((s.id, String(repeating: "　", count: min(depth, 3)) + s.name + retired))
                }
                b += select("station", "活动地点（站点）", choices)
            }
            b += input("members", "参加委员（编号，以逗号分隔）")
            b += input("sectors", "界别（以逗号分隔；界别协商必填）", placeholder: "经济界,农业界")
            b += input("target_unit", "被评议单位（民主评议必填）", placeholder: "县交通运输局")
            b += select("result", "评议结果（民主评议）", [("", "—")] + ProposalEvent.Rating.allCases.map { ($0.rawValue, Labels.zh("rating." + $0.rawValue)) })
            b += area("suggestions", "形成的意见建议（每行一条）") + input("addressee", "建议报送对象", placeholder: "乡党委")
        case "suggestion":
            b += input("id", "建议编号", required: true, placeholder: "HD-001-JY1")
            b += select("step", "办理", [("adopt", "批示采纳"), ("close", "办结")])
            b += input("by", "批示采纳人（采纳时填写）") + area("note", "说明") + dateField
        case "research":
            b += select("step", "登记", [("report", "形成报告"), ("instruction", "领导批示"), ("convert", "成果转化")])
            b += input("id", "报告编号", required: true, placeholder: "DY-001") + dateField
            b += input("activity", "调研或视察活动编号（形成报告时填写）", placeholder: "HD-001") + input("title", "标题（形成报告时填写）")
            b += area("text", "正文或批示内容")
            b += input("leader", "批示领导（姓名职务，批示时填写）")
            b += select("level", "领导层级（批示时填写）", [("", "—")] + ResearchReport.leaderLevels.map { ($0, $0) })
            b += select("to", "转化形式（成果转化时填写）", [("", "—")] + ["proposal", "opinion", "advice"].map { ($0, Labels.zh("conversion." + $0)) })
            b += input("target", "转化成果（提案编号、社情民意信息编号或建议案标题）")
        default:
            b += input("id", "信息编号", required: true, placeholder: "XX-001") + input("title", "标题", required: true) + area("text", "正文")
            if case .member = session.role {
                b += "<p class=\"muted\" data-channel=\"web\">网上报送，本人为作者。</p>" + dateField
            } else {
                b += input("author", "作者", required: true)
                b += select("author_kind", "作者类别", [("member", "委员"), ("liaisonGroup", "联络组"), ("informant", "特邀信息员")])
                b += select("channel", "受理渠道", [IntakeChannel.paper, .session, .chatGroup, .web].map { ($0.rawValue, Labels.zh("channel." + $0.rawValue)) })
                b += dateField
            }
        }
        b += "<button type=\"submit\">提交</button></form></section>\n"
        return WebPage.html(title: "录入 · " + form.title, subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpacesAndNewlines: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}
