import XieshangAccounts
import XieshangCalendar
import XieshangDomain

/// The step forms of a proposal's page 办理表单: which steps the reader's role may take in the proposal's state, each a
/// `form.step` (`data-step` names it) posting to `/proposals/act/<step>` with the proposal's id, a date (today by
/// default) and the session's CSRF token. The forms only offer what the role could do; the rules that decide stay the
/// domain's (a unit past its objection window gets no objection form, and a post anyway is refused by the rule).
enum ProposalForms {
    /// The forms for `session` on proposal `p`; `values` (what was typed into the form named by `_step`) are kept.
    static func forms(_ p: Proposal, _ state: DomainState, _ session: Session, today: Day, values: [String: String]) -> String {
        let f = Builder(p: p, session: session, today: today, values: values)
        var b = ""
        let open: [Proposal.Status] = [.registered, .assigned, .reassigning, .replied, .evaluated]
        switch session.role.recordScope {
        case .all where session.may(.proposal(.handle)):
            switch p.status {
            case .submitted:
                b += f.form("review-register", "立案", f.input("number", "立案号", required: true), button: "立案")
                b += f.form("review-reject", "不予立案",
                            f.select("reason", "理由", state.policy.notRegisteredReasons.map { ($0.code, $0.labelZh) })
                            + f.area("notice", "告知提案人（书面说明）"), button: "不予立案")
                b += f.form("review-merge", "并案", f.input("into", "并入提案编号", required: true), button: "并案")
            case .registered, .reassigning:
                b += f.form("assign", p.status == .registered ? "交办" : "重新交办（异议后）",
                            f.select("mode", "办理方式", [("lead", "主办（可有会办单位）"), ("split", "分办（各单位分别答复）")])
                            + f.input("lead", "主办单位") + f.input("co", "会办单位（以顿号或逗号分隔）")
                            + f.input("split", "分办单位（至少两个，以顿号或逗号分隔）")
                            + f.input("due", "办理期限（默认交办后 \(state.policy.replyMonths) 个月）", type: "date"),
                            button: "交办")
            case .assigned:
                b += f.form("extend", "延期", f.input("due", "新的办理期限", type: "date", required: true) + f.area("reason", "延期理由"), button: "延期")
            case .replied, .evaluated:
                b += f.form("appraise", "季度测评（常委会议逐件测评）",
                            f.input("quarter", "季度", required: true, placeholder: "\(today.year)-Q\((today.month - 1) / 3 + 1)")
                            + f.input("satisfied", "满意票", type: "number") + f.input("basic", "基本满意票", type: "number")
                            + f.input("unsatisfied", "不满意票", type: "number"), button: "登记测评")
                if p.status == .evaluated && p.currentEvaluations.contains(where: { $0.rating == .unsatisfied }) {
                    b += f.form("rehandle", "退回重办", f.area("reason", "退回理由") + f.input("due", "重办期限", type: "date"), button: "退回重办")
                }
                b += f.form("close", "办结", f.input("note", "办结说明"), button: "办结")
            default:
                break
            }
            if open.contains(p.status) {
                if p.supervisor == nil {
                    b += f.form("key", "列为重点提案", f.input("supervisor", "领衔督办领导", required: true), button: "列为重点提案")
                }
                b += f.form("instruct", "登记领导批示",
                            f.select("level", "领导层级", [("county", "县级"), ("city", "市级"), ("province", "省级"), ("national", "全国")])
                            + f.input("leader", "领导（姓名职务）", required: true) + f.area("text", "批示内容"), button: "登记批示")
            }
            if p.supervisor != nil && (open.contains(p.status) || p.status == .closed) {
                b += f.form("supervise", "督办情况",
                            f.select("outcome", "结果", ProposalEvent.SupervisionOutcome.allCases.map { ($0.rawValue, Labels.zh("supervision." + $0.rawValue)) })
                            + f.area("note", "进展或结果"), button: "登记督办")
            }
        case .assignedTo(let unit):
            guard p.status == .assigned, let a = p.assignment, a.units.contains(unit) else { break }
            if let start = p.roundStartedOn, start.adding(days: state.policy.objectionWindowDays) >= today {
                b += f.form("object", "提出异议（交办后 \(state.policy.objectionWindowDays) 日内）", f.area("reason", "异议理由（不属于本单位职责等）"),
                            button: "提出异议")
            }
            if a.coHandlingUnits.contains(unit) && p.coHandlingOpinions[unit] == nil {
                b += f.form("opinion", "会办意见（交主办单位）", f.area("text", "会办意见"), button: "提交会办意见")
            }
            if a.replyingUnits.contains(unit) && !p.currentReplies.contains(where: { $0.unit == unit }) {
                if let returned = p.appraisalReturn, p.replies.contains(where: { $0.round == returned.round && $0.unit == unit }),
                   !p.explanations.contains(where: { $0.unit == unit && $0.round == returned.round }) {
                    b += f.form("explain", "书面说明（季度测评退回）", f.area("text", "说明"), button: "提交书面说明")
                }
                let missing = a.coHandlingUnits.filter { p.coHandlingOpinions[$0] == nil }
                let note = missing.isEmpty ? "" : "<p class=\"note\">会办单位尚未提出会办意见：\(WebPage.escape(missing.joined(separator: "、")))</p>"
                b += f.form("reply", "答复", note + f.select("class", "答复类别", state.policy.replyClasses.map { ($0.code, "\($0.code) \($0.labelZh)") })
                            + f.area("text", "答复内容"), button: "答复")
            }
        case .ownedBy(let member):
            if p.status == .submitted && p.submission.firstProposer == member {
                b += f.form("withdraw", "撤回提案（审查前）", f.input("reason", "撤回理由"), button: "撤回")
            }
            if p.status == .submitted && p.submission.cosigners.contains(member) && !p.confirmedCosigners.contains(member) {
                b += f.form("cosign", "确认附议", "<p>确认作为附议人联名提出本提案（截止 \(p.submission.cosignDeadline?.description ?? "")）。</p>",
                            button: "确认附议", dated: true)
            }
            if [.replied, .evaluated].contains(p.status) && state.proposersIncludingMerged(p).contains(member)
                && !p.currentEvaluations.contains(where: { $0.member == member }) {
                b += f.form("evaluate", "满意度测评",
                            f.select("rating", "对答复的评价", ProposalEvent.Rating.allCases.map { ($0.rawValue, Labels.zh("rating." + $0.rawValue)) })
                            + f.input("comment", "意见（可选）"), button: "提交测评")
            }
        default:
            break
        }
        return b
    }

    /// Renders one proposal's forms: the fields keep what was typed when `values["_step"]` names the form.
    struct Builder {
        let p: Proposal
        let session: Session
        let today: Day
        let values: [String: String]
        /// A typed value, escaped.
        func value(_ name: String) -> String { WebPage.escape(values[name] ?? "") }

        func input(_ name: String, _ label: String, type: String = "text", required: Bool = false, placeholder: String = "") -> String {
            "<label>\(WebPage.escape(label))<input name=\"\(name)\" type=\"\(type)\"\(required ? " required" : "")"
                + (placeholder.isEmpty ? "" : " placeholder=\"\(WebPage.escape(placeholder))\"") + "></label>"
        }
        func area(_ name: String, _ label: String) -> String {
            "<label>\(WebPage.escape(label))<textarea name=\"\(name)\"></textarea></label>"
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            "<label>\(WebPage.escape(label))<select name=\"\(name)\">"
                + options.map { "<option value=\"\(WebPage.escape($0.0))\">\(WebPage.escape($0.1))</option>" }.joined() + "</select></label>"
        }

        /// A step's form: its heading, the hidden id (and the review's decision), the fields, a date, the button.
        func form(_ key: String, _ title: String, _ fields: String, button: String, dated: Bool = true) -> String {
            let parts = key.split(separator: "-", maxSplits: 1).map(String.init)
            var f = "<form class=\"step\" method=\"post\" action=\"/proposals/act/\(parts[0])\" data-step=\"\(key)\">"
            f += "<h3>\(WebPage.escape(title))</h3>" + WebPage.csrfField(session)
            f += "<input type=\"hidden\" name=\"id\" value=\"\(WebPage.escape(p.id))\">"
            if parts.count > 1 { f += "<input type=\"hidden\" name=\"decision\" value=\"\(parts[1])\">" }
            f += values["_step"] == key ? refill(fields) : fields
            if dated { f += "<label>日期<input name=\"date\" type=\"date\" value=\"\(today)\"></label>" }
            return f + "<button type=\"submit\">\(WebPage.escape(button))</button></form>"
        }

        /// `fields` with the typed values put back: an input's value, a textarea's text, a select's choice.
        func refill(_ fields: String) -> String {
            var out = fields
            for (name, _) in values where name != "_step" && name != "id" && name != "date" {
                let v = value(name)
                out = out.replacing("<input name=\"\(name)\" ", with: "<input name=\"\(name)\" value=\"\(v)\" ")
                out = out.replacing("<textarea name=\"\(name)\"></textarea>", with: "<textarea name=\"\(name)\">\(v)</textarea>")
                out = out.replacing("<option value=\"\(v)\">", with: "<option value=\"\(v)\" selected>")
            }
            return out
        }
    }
}
