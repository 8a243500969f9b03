import XieshangAccounts
import XieshangCalendar
import XieshangDomain

/// The proposal submission form 提交提案 (`/proposals/new`): a member's own proposal online (网上), individual or joint
/// with the co-signers' member ids (each confirms from their own account); for the committee and the office, a
/// proposal received on paper, at the session or in a chat group, entered for the member it names. Pure rendering.
enum SubmitPage {
    /// The form, with the refusal (the rule's message) above it and the typed values kept.
    static func render(_ state: DomainState, _ session: Session, today: Day, values: [String: String], error: String) -> String {
        let e = WebPage.escape
        func value(_ name: String) -> String { e(values[name] ?? "") }
        func input(_ name: String, _ label: String, required: Bool = false, placeholder: String = "") -> String {
            "<label>\(e(label))<input name=\"\(name)\" type=\"text\" value=\"\(value(name))\"\(required ? " required" : "")"
                + (placeholder.isEmpty ? "" : " placeholder=\"\(e(placeholder))\"") + "></label>"
        }
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            "<label>\(e(label))<select name=\"\(name)\">" + options.map {
                "<option value=\"\($0.0)\"\(values[name] == $0.0 ? " selected" : "")>\(e($0.1))</option>"
            }.joined() + "</select></label>"
        }
        var b = "<section><h2>提交提案</h2>"
        if case .member = session.role {
            b += "<p class=\"muted\">网上提交，本人为第一提案人。联名提案请填写附议委员的编号，附议人须在附议截止日前（默认 \(state.policy.cosignWindowDays) 日）登录确认。</p>"
        } else {
            b += "<p class=\"muted\">代为录入纸质、大会期间或微信/QQ群收到的提案（网上提案由委员本人提交）。</p>"
        }
        if !error.isEmpty { b += "<p class=\"error\" role=\"alert\" data-refusal>\(e(error))</p>" }
        b += "<form class=\"entry\" method=\"post\" action=\"/proposals/new\">" + WebPage.csrfField(session)
        if case .member = session.role {} else {
            b += input("by", "第一提案人（委员编号）", required: true)
            b += select("channel", "收到渠道", [IntakeChannel.paper, .session, .chatGroup].map { ($0.rawValue, Labels.zh("channel." + $0.rawValue)) })
            b += input("id", "提案编号（可不填，自动编号）")
        }
        b += input("title", "案由", required: true, placeholder: "关于……的建议")
        b += "<label>正文<textarea name=\"text\" required>\(value("text"))</textarea></label>"
        b += select("kind", "提案类型", [("individual", "个人提案"), ("joint", "联名提案")])
        b += input("cosigners", "附议人（联名提案，委员编号，以顿号或逗号分隔）")
        b += "<label>日期<input name=\"date\" type=\"date\" value=\"\(values["date"].map(e) ?? today.description)\"></label>"
        b += "<button type=\"submit\">提交</button></form></section>\n"
        return WebPage.html(title: "提交提案", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
