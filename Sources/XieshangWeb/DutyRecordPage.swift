import XieshangAccounts
import XieshangCalendar
import XieshangDomain
import XieshangTransport

/// A member's duty record 委员履职档案 (`/duty`): the year's score by category, the four yearly minimums
/// ("四个一": a proposal, an opinion report, a research or inspection, a good deed 公益) met or missed, their rank
/// among the body's members and whether they qualify as 优秀委员, the talk 约谈 and resignation 劝退 warnings, and the
/// ledger — every entry with the record it cites — as the domain's ``DomainState/dutyAssessment(member:year:upTo:)``
/// and ``DomainState/dutyRanking(year:upTo:)`` compute them. A member reads only their own (another `member` in the
/// query is 403), their rank included but no one else's; the office and the committee see the ranking 履职排名 with
/// the awards by policy and pick a member.
enum DutyRecordPage {
    static func routes(_ data: WebData) -> [WebSite.Route] {
        [WebSite.Route(method: "GET", path: "/duty", isPrefix: false, capability: .viewRecords) { request, session in
            await ProposalDesk.withState(data, session, area: .dutyRecords) { state, session, today in
                var member = "", yearText = ""
                for (name, value) in (try? request.query()) ?? [] {
                    if name == "member" { member = value }
                    if name == "year" { yearText = value }
                }
                var year = today.year
                if !yearText.isEmpty {
                    guard let y = Int(yearText), (1900...9999).contains(y) else { return WebPage.badParameter("year", "年度 year“\(yearText)”应为 2026 这样的年份") }
                    year = y
                }
                if case .member(let me) = session.role {
                    guard member.isEmpty || member == me else {
                        return WebPage.forbidden("委员只能查看本人的履职档案", reason: "member \(me) may not read the duty record of \(member)")
                    }
                    member = me
                }
                if member.isEmpty { return WebPage.response(html: index(state, year: year, session)) }
                guard let m = state.members[member], m.body == state.body.id else {
                    return WebPage.refusal(HTTPRefusal(status: 404, reason: "\(member) is not a member of this body"))
                }
                return WebPage.response(html: page(state, m, year: year, session))
            }
        }]
    }

    /// The office's and committee's pick of a member: every member of the body with their score this year, then the
    /// ranking with the four minimums and the awards by policy.
    static func index(_ state: DomainState, year: Int, _ session: Session) -> String {
        let e = WebPage.escape
        let ranking = state.dutyRanking(year: year)
        let scores = Dictionary(ranking.standings.map { ($0.assessment.member, $0.assessment) }) { a, _ in a }
        var b = "<section><h2>\(year) 年委员履职档案</h2><ul class=\"cards\">"
        for m in state.members.values.filter({ $0.body == state.body.id }).sorted(by: { $0.id < $1.id }) {
            let a = scores[m.id]
            b += "<li><a class=\"open\" href=\"/duty?member=\(FormEncoding.encode(m.id))&amp;year=\(year)\">\(e(m.name))（\(e(m.id))）</a>"
            b += "<span class=\"muted\">\(e(m.sector)) · \(a.map { "\($0.totalText) 分" } ?? "—")\(a?.needsTalk == true ? " · 须约谈" : "")</span></li>"
        }
        b += "</ul></section>\n<section data-section=\"ranking\"><h2>\(year) 年度履职排名</h2>"
        b += "<p class=\"muted\">优秀委员：总分不低于 \(points(ranking.awardMinTenths)) 分，“四个一”全部完成，不低于约谈线，名次在前 "
        b += "\(ranking.awardTopPercent)%（\(ranking.standings.count) 名委员，名额 \(ranking.places) 名，四舍五入；名次并列者同列）。总分相同者名次并列。</p>"
        if ranking.standings.isEmpty { b += "<p class=\"muted\">本年度尚无在册委员。</p>" } else {
            b += "<div class=\"scroll\"><table class=\"records\"><thead><tr><th>名次</th><th>委员</th><th>总分</th><th>四个一</th><th>评优</th></tr></thead><tbody>"
            for s in ranking.standings {
                let a = s.assessment, name = state.members[a.member]?.name ?? a.member
                let four = a.minimums.map { "\(Labels.zh("dutyCategory." + $0.category.rawValue)) \($0.met ? "✓" : "✗")" }.joined(separator: " ")
                let verdict = s.award ? "<strong class=\"state up\">优秀委员</strong>"
                    : s.notAwarded.map { e(Labels.zh($0)) }.joined(separator: "、") + (a.needsTalk ? "（须约谈）" : "")
                b += "<tr data-member=\"\(e(a.member))\"\(s.award ? " data-award" : "")><td data-rank>\(s.rank)</td><td>\(e(name))（\(e(a.member))）</td>"
                b += "<td>\(a.totalText)</td><td>\(e(four))</td><td class=\"wrap\">\(verdict)</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        b += "</section>\n"
        return WebPage.html(title: "履职档案", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }

    /// Tenths of a point as text with one decimal ("7.5", "-30.0").
    static func points(_ tenths: Int) -> String { "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)" }

    /// One member's record for `year`.
    static func page(_ state: DomainState, _ m: Member, year: Int, _ session: Session) -> String {
        let e = WebPage.escape
        let a = state.dutyAssessment(member: m.id, year: year)
        let d = state.policy.duty
        // Their own place only: the ranking is computed over every member, but no one else's row is shown.
        let standing = state.dutyRanking(year: year).standings.first { $0.assessment.member == m.id }
        var b = "<section><h2>\(e(m.name))（\(e(m.id))）\(year) 年履职档案</h2><dl class=\"facts\">"
        b += "<dt>界别</dt><dd>\(e(m.sector))</dd><dt>总分</dt><dd data-total>\(a.totalText) 分</dd>"
        if let standing {
            b += "<dt>名次</dt><dd data-rank>第 \(standing.rank) 名\(standing.award ? " · 优秀委员" : "")</dd>"
        }
        for c in DutyCategory.allCases { b += "<dt>\(e(Labels.zh("dutyCategory." + c.rawValue)))</dt><dd>\(points(a.categoryTenths[c] ?? 0)) 分</dd>" }
        b += "</dl></section>\n<section data-section=\"minimums\"><h2>年度基本要求（四个一）</h2><ul>"
        for minimum in a.minimums {
            let unit = [DutyCategory.proposals: "件", .opinions: "篇"][minimum.category] ?? "次"
            b += "<li data-minimum=\"\(minimum.category.rawValue)\"\(minimum.met ? " data-met" : "")>\(e(Labels.zh("dutyCategory." + minimum.category.rawValue))) "
            b += "\(minimum.count) \(unit)（至少 \(minimum.required) \(unit)）\(minimum.met ? "：已完成" : "：<strong class=\"state down\">未完成</strong>")</li>"
        }
        b += "</ul>"
        if a.needsTalk { b += "<p class=\"error\" data-talk>总分低于 \(points(d.talkBelowTenths)) 分，须约谈。</p>" }
        if a.resignationRecommended { b += "<p class=\"error\" data-resign>连续 \(d.resignationAfterYears) 年低于要求，建议劝退。</p>" }
        b += "</section>\n<section data-section=\"ledger\"><h2>积分明细（\(a.entries.count)）</h2>"
        if a.entries.isEmpty { b += "<p class=\"muted\">本年度尚无积分记录。</p>" } else {
            b += "<div class=\"scroll\"><table class=\"records\"><thead><tr><th>日期</th><th>类别</th><th>分值</th><th>依据</th><th>记录</th></tr></thead><tbody>"
            for entry in a.entries {
                b += "<tr><td>\(entry.on)</td><td>\(e(Labels.zh("dutyCategory." + entry.category.rawValue)))</td><td>\(points(entry.tenths))</td>"
                b += "<td class=\"wrap\">\(e(Labels.zh(entry.rule)))</td><td>\(e(entry.source.key))</td></tr>"
            }
            b += "</tbody></table></div>"
        }
        b += "</section>\n<p><a href=\"/duty?year=\(year - 1)\(session.role.recordScope == .all ? "&amp;member=" + FormEncoding.encode(m.id) : "")\">上一年度</a></p>\n"
        return WebPage.html(title: "履职档案", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
