import XieshangDomain

/// The desk's steps beyond the federation (issue 18): 报送省政协/全国政协 at the top body, their adoption 采用, 转送部门 and the
/// department's reply 办理结果 — the events `xieshang opinion send-up|adopted-above|send-to-department|department-reply`
/// build, refused by the same rules.
extension OpinionDesk {
    /// The POST steps (`/desk/<step>`).
    static let beyondSteps = ["send-up", "adopted-above", "send-to-department", "department-reply"]

    /// The step a form posts, from its fields.
    /// - Throws: ``EntryForms/FieldError`` naming the field that is missing or holds no known value.
    static func beyondStep(_ step: String, _ v: [String: String]) throws(EntryForms.FieldError) -> OpinionEvent.Step {
        func level() throws(EntryForms.FieldError) -> AboveLevel {
            let text = try WorkflowStep.required(v, "level", "报送对象")
            guard let level = AboveLevel(named: text) else { throw EntryForms.FieldError(message: "报送对象须为省政协或全国政协，不是“\(text)”") }
            return level
        }
        switch step {
        case "send-up": return .sentAbove(level: try level())
        case "adopted-above": return .adoptedAbove(level: try level(), bulletinIssue: try WorkflowStep.required(v, "issue", "采用期号"))
        case "send-to-department": return .sentToDepartment(department: try WorkflowStep.required(v, "department", "部门名称"))
        default:
            let text = try WorkflowStep.required(v, "result", "办理结果")
            guard let result = DepartmentResult(named: text) else {
                throw EntryForms.FieldError(message: "办理结果须为\(DepartmentResult.labels)之一，不是“\(text)”")
            }
            return .departmentReplied(department: try WorkflowStep.required(v, "department", "部门名称"), result: result,
                                      text: try WorkflowStep.required(v, "handling", "办理情况"))
        }
    }

    /// The provenance chain's lines beyond the federation.
    static func beyondChain(_ r: OpinionReport, here: String, name: (String) -> String) -> String {
        let e = WebPage.escape
        var b = ""
        for s in r.aboveSends { b += "<li data-sent-above=\"\(s.level.rawValue)\">已报送\(s.level.label)，\(e(s.on.description))</li>" }
        for a in r.aboveAdoptions {
            b += "<li data-adopted-above=\"\(a.level.rawValue)\">\(a.level.label)采用于 \(e(a.bulletinIssue))，\(e(a.on.description))"
            b += a.recordedBy == here ? "</li>" : "（\(e(name(a.recordedBy))) 记录）</li>"
        }
        for d in r.departmentSends {
            b += "<li data-department=\"\(e(d.department))\">已转送 \(e(d.department))，\(e(d.sentOn.description))；"
            if let reply = d.reply {
                b += "办理结果：<span data-result=\"\(reply.result.rawValue)\">\(reply.result.label)</span>（\(e(reply.on.description))）：\(e(reply.text))</li>"
            } else {
                b += "<span class=\"state wait\" data-awaiting>待部门答复</span></li>"
            }
        }
        return b
    }

    /// The desk's forms for the steps beyond the federation that this report can take here.
    static func beyondForms(_ r: OpinionReport, _ me: XieshangDomain.BodyInfo?, hidden: String, values: [String: String]) -> String {
        let e = WebPage.escape
        func value(_ n: String) -> String { e(values[n] ?? "") }
        func levels(_ list: [AboveLevel]) -> String {
            list.map { "<option value=\"\($0.rawValue)\"\(values["level"] == $0.rawValue ? " selected" : "")>\($0.label)</option>" }.joined()
        }
        var b = ""
        if r.status == .adopted {
            let open = AboveLevel.allCases.filter { l in !r.aboveSends.contains { $0.level == l } }
            if me?.parent == nil, !open.isEmpty {
                b += "<form class=\"entry\" method=\"post\" action=\"/desk/send-up\">\(hidden)<label>报送省级以上政协<select name=\"level\">\(levels(open))</select></label>"
                b += "<button type=\"submit\" data-send-up>报送</button></form>"
            }
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/send-to-department\">\(hidden)<label>转送部门<input name=\"department\" required value=\"\(values["handling"] == nil ? value("department") : "")\" placeholder=\"市水务局\"></label>"
            b += "<button type=\"submit\" data-send-department>转送</button></form>"
        }
        let sent = r.aboveSends.map(\.level).filter { l in !r.aboveAdoptions.contains { $0.level == l } }
        if !sent.isEmpty {
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/adopted-above\">\(hidden)<label>采用单位<select name=\"level\">\(levels(sent))</select></label>"
            b += "<label>采用期号<input name=\"issue\" required value=\"\(value("issue"))\"></label><button type=\"submit\" data-adopted-above>记录采用</button></form>"
        }
        let awaiting = r.departmentSends.filter { $0.reply == nil }
        if !awaiting.isEmpty {
            b += "<form class=\"entry\" method=\"post\" action=\"/desk/department-reply\">\(hidden)<label>答复部门<select name=\"department\">"
            b += awaiting.map { "<option value=\"\(e($0.department))\"\(values["department"] == $0.department ? " selected" : "")>\(e($0.department))</option>" }.joined() + "</select></label>"
            b += "<label>办理结果<select name=\"result\">" + DepartmentResult.allCases.map {
                "<option value=\"\($0.rawValue)\"\(values["result"] == $0.rawValue ? " selected" : "")>\($0.label)</option>"
            }.joined() + "</select></label>"
            b += "<label>办理情况<textarea name=\"handling\" required>\(value("handling"))</textarea></label><button type=\"submit\" data-department-reply>记录办理结果</button></form>"
        }
        return b
    }
}
