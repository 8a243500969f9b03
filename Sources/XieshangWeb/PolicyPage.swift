import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// The body's policy 规则设置 in the browser: every signed-in role reads the rules its records apply (a unit its reply
/// deadline, a member the duty scoring) and their versions; the office records the next version with the form — the
/// very `PolicySet` event `xieshang policy set` records, checked by the same rules (`policy.values`, `policy.effective`).
enum PolicyPage {
    /// `GET /policy` (every signed-in role), `POST /policy` (the office: `.act(.setPolicy)`).
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        [
            WorkflowStep.page("/policy", .signedIn) { _, session in
                switch await data.domainState() {
                case .failure(let e): return WebSite.failure(e)
                case .success(let state): return WebPage.response(html: html(state, session, values: [:], error: ""))
                }
            },
            WorkflowStep.post("/policy", .act(.setPolicy)) { v, request, session in
                let state: DomainState
                switch await data.domainState() {
                case .failure(let e): return WebSite.failure(e)
                case .success(let s): state = s
                }
                let page = { (m: String) in html(state, session, values: v, error: m) }
                let next: Policy
                do throws(EntryForms.FieldError) { next = try policy(from: v, over: state.policy) } catch {
                    return await WorkflowStep.refuse(error.message, book, request, session, detail: "policy set", page: page)
                }
                return await WorkflowStep.record([.policy(next)], data, book, request, session,
                                                 detail: "policy version \(next.version) effective \(next.effective)", next: "/policy", refused: page)
            },
        ]
    }

    /// The next version from the form's fields over `current`: whole numbers (points with one decimal for the duty
    /// scores in tenths), the formula, whether the body registers proposals, the reply classes and the reasons (one per
    /// line: code, a space, the Chinese label), and the effective day (`date`, default today).
    /// - Throws: ``EntryForms/FieldError`` naming the field (Chinese) that is missing or malformed.
    static func policy(from v: [String: String], over current: Policy) throws(EntryForms.FieldError) -> Policy {
        var p = current
        for s in Policy.settings { p[keyPath: s.path] = try whole(v[s.key], s.zh) }
        for s in Policy.dutySettings {
            p.duty[keyPath: s.path] = s.tenths ? try tenths(v["duty." + s.key], s.zh) : try whole(v["duty." + s.key], s.zh)
        }
        for c in DutyCategory.allCases { p.duty.capTenths[c] = try tenths(v["duty.caps." + c.rawValue], "上限：" + Labels.zh("dutyCategory." + c.rawValue)) }
        switch v["satisfaction_formula"] ?? "" {
        case Policy.SatisfactionFormula.satisfiedOrBasic.rawValue: p.satisfactionFormula = .satisfiedOrBasic
        case Policy.SatisfactionFormula.satisfiedOnly.rawValue: p.satisfactionFormula = .satisfiedOnly
        default: throw EntryForms.FieldError(message: "请选择“满意率算法”")
        }
        p.registersProposals = v["registers_proposals"] == "1"
        p.replyClasses = try choices(v["reply_classes"], "答复类别")
        p.notRegisteredReasons = try choices(v["not_registered_reasons"], "不予立案理由")
        p.version = current.version + 1
        p.effective = try WorkflowStep.day(v)
        return p
    }

    private static func whole(_ text: String?, _ label: String) throws(EntryForms.FieldError) -> Int {
        let t = (text ?? "").trimmingSpacesAndNewlines
        guard let n = Int(t), n.magnitude <= 1_000_000 else { throw EntryForms.FieldError(message: "“\(label)”应为整数，收到“\(t)”") }
        return n
    }

    /// Points with at most one decimal ("60", "-30.5") as tenths.
    private static func tenths(_ text: String?, _ label: String) throws(EntryForms.FieldError) -> Int {
        let t = (text ?? "").trimmingSpacesAndNewlines
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        let bad = EntryForms.FieldError(message: "“\(label)”应为分数（最多一位小数），收到“\(t)”")
        guard (1...2).contains(parts.count), let whole = Int(parts[0].isEmpty || parts[0] == "-" ? parts[0] + "0" : parts[0]),
              whole.magnitude <= 100_000 else { throw bad }
        var tenth = 0
        if parts.count == 2 {
            guard parts[1].count == 1, let d = Int(parts[1]), d >= 0 else { throw bad }
            tenth = d
        }
        return whole * 10 + (t.hasPrefix("-") ? -tenth : tenth)
    }

    /// One choice per line: "A 已经解决或基本解决" (the English label is the code's old one, or the code).
    private static func choices(_ text: String?, _ label: String) throws(EntryForms.FieldError) -> [PolicyChoice] {
        var list: [PolicyChoice] = []
        for (i, raw) in (text ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\r" }).enumerated() {
            let line = String(raw).trimmingSpacesAndNewlines
            if line.isEmpty { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { throw EntryForms.FieldError(message: "“\(label)”第 \(i + 1) 行应为“代码 名称”，收到“\(line)”") }
            let code = String(parts[0]), name = String(parts[1]).trimmingSpacesAndNewlines
            guard !list.contains(where: { $0.code == code }) else { throw EntryForms.FieldError(message: "“\(label)”的代码 \(code) 重复") }
            list.append(PolicyChoice(code: code, labelZh: name, labelEn: code))
        }
        guard !list.isEmpty else { throw EntryForms.FieldError(message: "请填写“\(label)”（每行一项）") }
        return list
    }

    static func points(_ tenths: Int) -> String {
        "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
    }

    /// The page: the applied policy, its versions, and (for the office) the form prefilled with it.
    static func html(_ state: DomainState, _ session: Session, values: [String: String], error: String) -> String {
        let e = WebPage.escape, p = state.policy
        var b = WorkflowStep.refusal(error)
        b += "<section><h2>现行规则（第 \(p.version) 版，自 \(p.effective) 起）</h2><table class=\"facts\" data-policy>"
        func row(_ key: String, _ label: String, _ value: String) { b += "<tr data-setting=\"\(e(key))\"><th>\(e(label))</th><td>\(e(value))</td></tr>" }
        row("registers_proposals", "受理提案", p.registersProposals ? "是" : "否")
        for s in Policy.settings { row(s.key, s.zh, String(p[keyPath: s.path])) }
        row("satisfaction_formula", "满意率算法", p.satisfactionFormula == .satisfiedOnly ? "满意 / 测评数" : "（满意 + 基本满意）/ 测评数")
        row("reply_classes", "答复类别", p.replyClasses.map { "\($0.code) \($0.labelZh)" }.joined(separator: "；"))
        row("not_registered_reasons", "不予立案理由", p.notRegisteredReasons.map { "\($0.code) \($0.labelZh)" }.joined(separator: "；"))
        for s in Policy.dutySettings { row("duty." + s.key, "履职考核：" + s.zh, s.tenths ? points(p.duty[keyPath: s.path]) : String(p.duty[keyPath: s.path])) }
        for c in DutyCategory.allCases { row("duty.caps." + c.rawValue, "上限：" + Labels.zh("dutyCategory." + c.rawValue), points(p.duty.capTenths[c] ?? 0)) }
        b += "</table><p class=\"muted\" data-versions>历次版本："
        b += state.policyHistory.map { "第 \($0.version) 版（\($0.effective)）" }.joined(separator: "、") + "</p></section>"
        if session.may(.setPolicy) {
            func value(_ name: String, _ shown: String) -> String { e(values[name] ?? shown) }
            func field(_ name: String, _ label: String, _ shown: String, decimal: Bool) -> String {
                "<label>\(e(label))<input name=\"\(e(name))\" inputmode=\"\(decimal ? "decimal" : "numeric")\" required value=\"\(value(name, shown))\"></label>"
            }
            b += "<section><h2>记录新版本</h2><form class=\"entry\" method=\"post\" action=\"/policy\">" + WebPage.csrfField(session)
            b += "<label>生效日期（空为今天；不早于现行版本）<input name=\"date\" type=\"date\" value=\"\(value("date", ""))\"></label>"
            let registers = values.isEmpty ? p.registersProposals : values["registers_proposals"] == "1"
            b += "<label><span><input type=\"checkbox\" name=\"registers_proposals\" value=\"1\"\(registers ? " checked" : "")> 受理提案（县、市政协）</span></label>"
            for s in Policy.settings { b += field(s.key, s.zh, String(p[keyPath: s.path]), decimal: false) }
            let formula = values["satisfaction_formula"] ?? p.satisfactionFormula.rawValue
            b += "<label>满意率算法<select name=\"satisfaction_formula\">"
            for (code, label) in [("satisfiedOrBasic", "（满意 + 基本满意）/ 测评数"), ("satisfiedOnly", "满意 / 测评数")] {
                b += "<option value=\"\(code)\"\(formula == code ? " selected" : "")>\(label)</option>"
            }
            b += "</select></label>"
            let classes = p.replyClasses.map { "\($0.code) \($0.labelZh)" }.joined(separator: "\n")
            let reasons = p.notRegisteredReasons.map { "\($0.code) \($0.labelZh)" }.joined(separator: "\n")
            b += "<label>答复类别（每行“代码 名称”）<textarea name=\"reply_classes\" rows=\"4\">\(value("reply_classes", classes))</textarea></label>"
            b += "<label>不予立案理由（每行“代码 名称”）<textarea name=\"not_registered_reasons\" rows=\"5\">\(value("not_registered_reasons", reasons))</textarea></label>"
            for s in Policy.dutySettings {
                let shown = s.tenths ? points(p.duty[keyPath: s.path]) : String(p.duty[keyPath: s.path])
                b += field("duty." + s.key, "履职考核：" + s.zh + (s.tenths ? "（分）" : ""), shown, decimal: s.tenths)
            }
            for c in DutyCategory.allCases {
                b += field("duty.caps." + c.rawValue, "上限：" + Labels.zh("dutyCategory." + c.rawValue) + "（分）", points(p.duty.capTenths[c] ?? 0), decimal: true)
            }
            b += "<button type=\"submit\" data-set-policy>记录第 \(p.version + 1) 版</button></form></section>"
        }
        b += "\n"
        return WebPage.html(title: "规则设置", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
