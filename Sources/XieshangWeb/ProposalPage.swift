import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// One proposal's page 提案详情 (`/proposals/<id>`): where it stands (a progress line, its facts, its text, replies,
/// ratings, instructions, supervision, appraisals), then the forms of the steps the reader's role may take in the
/// proposal's state — each a `form.step` posting to `/proposals/act/<step>` with the session's CSRF token. A refused
/// step's rule message stands above the forms. Pure rendering.
enum ProposalPage {
    /// The page of `p` for `session` on `today`, with `error` (a refused step's message) above the forms and `values`
    /// (what was typed) kept in them.
    static func render(_ p: Proposal, _ state: DomainState, _ session: Session, today: Day, error: String,
                       values: [String: String] = [:]) -> String {
        let e = WebPage.escape
        var b = "<section><ol class=\"progress\">"
        let stages: [(String, Bool)] = [("提交", true), ("立案", p.review != nil || p.status != .submitted), ("交办", p.firstAssignedOn != nil),
                                         ("答复", !p.replies.isEmpty), ("测评", !p.evaluations.isEmpty), ("办结", p.status == .closed)]
        let current = stages.lastIndex { $0.1 } ?? 0
        for (i, (label, _)) in stages.enumerated() {
            b += i == current ? "<li aria-current=\"step\">\(label)</li>" : "<li\(i < current ? "" : " class=\"muted\"")>\(label)</li>"
        }
        b += "</ol></section>\n<section><h2>\(e(p.submission.title))</h2><dl class=\"facts\">"
        func fact(_ label: String, _ value: String, raw: Bool = false) { b += "<dt>\(label)</dt><dd>\(raw ? value : e(value))</dd>" }
        fact("编号", p.id)
        fact("状态", "<span class=\"state wait\" data-status=\"\(p.status.rawValue)\">\(e(ProposalDesk.statusLabel(p.status)))</span> "
             + ProposalDesk.overdueFlag(p, today: today), raw: true)
        fact("类型", Labels.zh("proposalKind." + p.submission.kind.rawValue))
        fact("第一提案人", ProposalDesk.memberName(p.submission.firstProposer, state))
        if !p.submission.cosigners.isEmpty {
            fact("附议人", p.submission.cosigners.map { ProposalDesk.memberName($0, state) + (p.confirmedCosigners.contains($0) ? "（已确认）" : "（待确认）") }
                .joined(separator: "、"))
            let awaiting = ProposalDesk.awaitingCosigners(p)
            if !awaiting.isEmpty {
                fact("等待附议确认", "<span class=\"state wait\" data-awaiting=\"\(e(awaiting.joined(separator: ",")))\">"
                     + e(awaiting.map { ProposalDesk.memberName($0, state) }.joined(separator: "、")) + "</span>", raw: true)
            }
            if let deadline = p.submission.cosignDeadline { fact("附议截止", deadline.description) }
        }
        if !p.submission.collectiveName.isEmpty { fact("提出单位", p.submission.collectiveName) }
        fact("受理渠道", Labels.zh("channel." + p.submission.channel.rawValue))
        fact("提交日期", p.submittedOn.description)
        switch p.review {
        case .registered(let number)?: fact("立案号", number)
        case .notRegistered(let reason, let notice, let conversion)?:
            fact("不予立案理由", state.policy.notRegisteredReasons.first { $0.code == reason }?.labelZh ?? reason)
            fact("告知", notice)
            if let conversion { fact("转为社情民意信息", conversion.reportID) }
        case .merged(let into)?: fact("并入提案", into)
        case nil: break
        }
        if !p.mergedFrom.isEmpty { fact("并入本案的提案", p.mergedFrom.joined(separator: "、")) }
        if let a = p.assignment {
            switch a.mode {
            case .lead(let lead, let co):
                fact("主办单位", lead)
                if !co.isEmpty { fact("会办单位", co.joined(separator: "、")) }
            case .split(let units): fact("分办单位", units.joined(separator: "、"))
            }
        }
        if let due = p.due { fact("办理期限", due.description) }
        if p.round > 1 { fact("办理轮次", "第 \(p.round) 轮（退回重办）") }
        if let supervisor = p.supervisor { fact("重点提案·领衔督办", supervisor) }
        if let closed = p.closedOn { fact("办结日期", closed.description) }
        b += "</dl></section>\n<section><h2>正文</h2><p class=\"text\">\(e(p.submission.text))</p></section>\n"

        func table(_ title: String, _ key: String, _ header: [String], _ rows: [[String]]) {
            guard !rows.isEmpty else { return }
            b += "<section data-section=\"\(key)\"><h2>\(title)（\(rows.count)）</h2><div class=\"scroll\"><table class=\"records\"><thead><tr>"
            b += header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
            for row in rows {
                b += "<tr>" + row.enumerated().map { i, v in i == row.count - 1 ? "<td class=\"wrap\">\(e(v))</td>" : "<td>\(e(v))</td>" }.joined() + "</tr>"
            }
            b += "</tbody></table></div></section>\n"
        }
        table("答复", "replies", ["轮次", "承办单位", "答复类别", "日期", "按期", "答复内容"], p.replies.map {
            ["\($0.round)", $0.unit, state.policy.replyClass($0.replyClass).map { "\($0.code) \($0.labelZh)" } ?? $0.replyClass,
             $0.on.description, $0.onTime ? "按期" : "逾期", $0.text]
        })
        table("会办意见", "opinions", ["会办单位", "意见"], p.coHandlingOpinions.keys.sorted().map { [$0, p.coHandlingOpinions[$0] ?? ""] })
        table("异议", "objections", ["异议"], p.objections.map { [$0] })
        table("满意度测评", "evaluations", ["轮次", "提案人", "日期", "测评"], p.evaluations.map {
            ["\($0.round)", ProposalDesk.memberName($0.member, state), $0.on.description, Labels.zh("rating." + $0.rating.rawValue)]
        })
        table("领导批示", "instructions", ["日期", "领导", "批示"], p.instructions.map { [$0.on.description, $0.instruction.leader, $0.instruction.text] })
        table("督办", "supervisions", ["日期", "结果", "情况"], p.supervisions.map {
            [$0.on.description, Labels.zh("supervision." + $0.outcome.rawValue), $0.note]
        })
        table("季度测评", "appraisals", ["季度", "轮次", "满意度", "结果"], p.appraisals.map {
            [$0.quarter.description, "\($0.round)", "\($0.rate)（\($0.rate.numerator)/\($0.rate.denominator)）",
             $0.belowThreshold ? "低于 \($0.votes.thresholdPercent)%，退回重办" : "达到要求"]
        })
        table("书面说明", "explanations", ["轮次", "承办单位", "日期", "说明"], p.explanations.map { ["\($0.round)", $0.unit, $0.on.description, $0.text] })

        let forms = ProposalForms.forms(p, state, session, today: today, values: values)
        if !forms.isEmpty || !error.isEmpty {
            b += "<section data-section=\"steps\"><h2>办理</h2>"
            if !error.isEmpty { b += "<p class=\"error\" role=\"alert\" data-refusal>\(e(error))</p>" }
            b += forms + "</section>\n"
        }
        b += "<p><a href=\"/proposals\">返回提案办理</a>"
        let listed: Bool  // the record lists' own scope (WebSite.inScope): the first proposer, the units, everyone else
        switch session.role.recordScope {
        case .all: listed = true
        case .assignedTo(let unit): listed = p.assignment?.units.contains(unit) ?? false
        case .ownedBy(let member): listed = p.submission.firstProposer == member
        }
        if listed {
            b += " · <a href=\"/records/proposals/\(FormEncoding.encode(p.id))\">记录历程</a>"
        }
        b += "</p>\n"
        return WebPage.html(title: "提案 " + p.id, subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
