import Foundation
import XieshangDomain

/// `xieshang opinion …`: public-opinion reports 社情民意信息 — submitted at the author's body, adopted 录用 into a
/// bulletin issue or archived, forwarded 报送 to the parent (which records its own adoption), leaders' instructions
/// 批示 fed back down to the author's body. A report is named `ID` (one of this body's) or `ORIGIN_BODY/ID`.
enum OpinionCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "opinion", summary: "opinion reports 社情民意: submit, edit, adopt, archive, forward, instruct, send-up, adopted-above, send-to-department, department-reply, beyond, list", commands: [
        (Spec(name: "opinion submit", summary: "records a report from a member, a liaison group or an informant",
              valued: ["id", "title", "text", "author", "author-kind", "channel", "date"], required: ["id", "title", "text", "author"],
              details: """
                  --author-kind member (default; --author is a member id), group (liaison group), informant
                  --channel web (网上, default), paper (纸质), session (大会期间), chat (微信/QQ群): where the report came in
                """,
              example: "xieshang opinion submit --id XX-001 --title 关于农村饮水安全的建议 --text 部分村组… --author M001 --date 2026-03-02"), submit),
        (Spec(name: "opinion edit", summary: "the office edits a pending report's text (and title) before deciding (编辑)",
              positionals: ["ID"], valued: ["text", "title", "author-kind", "date"], required: ["text"],
              details: "  only a report not yet adopted or archived, here; the text stays within the policy's length (default 1,500 characters); --title replaces the title (kept when omitted)",
              example: "xieshang opinion edit XX-001 --text 部分村组供水管网老化，建议纳入农村饮水安全巩固提升工程。 --date 2026-03-05"), edit),
        (Spec(name: "opinion adopt", summary: "adopts the report here into a bulletin issue (录用, 期号)",
              positionals: ["ID"], valued: ["issue", "author-kind", "date"], required: ["issue"],
              example: "xieshang opinion adopt XX-001 --issue 2026年第3期 --date 2026-03-10"), adopt),
        (Spec(name: "opinion archive", summary: "archives the report without adopting it (存档)",
              positionals: ["ID"], valued: ["reason", "author-kind", "date"],
              example: "xieshang opinion archive XX-002 --reason 内容重复 --date 2026-03-10"), archive),
        (Spec(name: "opinion forward", summary: "forwards an adopted report to the parent body (报送上级)",
              positionals: ["ID"], valued: ["to", "tier", "title", "text", "author-kind", "date"], flags: ["direct"], required: ["text"],
              details: """
                  --to defaults to this node's parent; --title defaults to the report's title
                  --direct --to BODY --tier TIER: 直通车, straight to a body above the parent (e.g. the city from a township),
                  skipping levels, adopted here or not; the origin body, report id and author are kept
                """,
              example: "xieshang opinion forward XX-001 --text 部分村组饮水… --date 2026-03-12"), forward),
        (Spec(name: "opinion instruct", summary: "records a leader's instruction on the report (批示); it is fed back to the author's body",
              positionals: ["ID"], valued: ["leader", "level", "text", "author-kind", "date"], required: ["leader", "text"],
              details: "  --level county|city|province|national (default: this body's tier)",
              example: "xieshang opinion instruct cn.gz.tr.wanshan.aozhai/XX-001 --leader 市长 --level city --text 请水务局研究落实 --date 2026-03-20"), instruct),
        (Spec(name: "opinion send-up", summary: "sends an adopted report up outside the federation (报送省政协/全国政协), at the top body only",
              positionals: ["ID"], valued: ["to", "author-kind", "date"], required: ["to"],
              details: "  --to 省政协|全国政协 (or province|national); a body with a parent forwards to it instead",
              example: "xieshang opinion send-up cn.gz.tr.wanshan.aozhai/XX-001 --to 省政协 --date 2026-03-25"), sendUp),
        (Spec(name: "opinion adopted-above", summary: "records the report's adoption by the provincial or national CPPCC (省政协/全国政协采用); the origin body sees it",
              positionals: ["ID"], valued: ["by", "issue", "author-kind", "date"], required: ["by", "issue"],
              details: "  --by 省政协|全国政协: where it was sent up from here; --issue the bulletin issue there (期号)",
              example: "xieshang opinion adopted-above cn.gz.tr.wanshan.aozhai/XX-001 --by 省政协 --issue 《社情民意专报》2026年第5期 --date 2026-04-10"), adoptedAbove),
        (Spec(name: "opinion send-to-department", summary: "sends an adopted report to a government department for handling (转送部门)",
              positionals: ["ID"], valued: ["department", "author-kind", "date"], required: ["department"],
              example: "xieshang opinion send-to-department XX-001 --department 市水务局 --date 2026-03-15"), sendToDepartment),
        (Spec(name: "opinion department-reply", summary: "records a department's handling and result (部门办理结果)",
              positionals: ["ID"], valued: ["department", "result", "text", "author-kind", "date"], required: ["department", "result", "text"],
              details: "  --result \(DepartmentResult.allCases.map(\.label).joined(separator: "|")) (or \(DepartmentResult.allCases.map(\.rawValue).joined(separator: "|")))",
              example: "xieshang opinion department-reply XX-001 --department 市水务局 --result 已采纳 --text 已纳入2026年农村供水保障工程 --date 2026-04-20"), departmentReply),
        (Spec(name: "opinion beyond", summary: "steps beyond the federation: sent up to 省政协/全国政协 and adopted there, sent to departments and their replies",
              valued: ["as-of"], flags: ["awaiting"],
              details: "  --awaiting: only the departments' replies still awaited, with the days waited by --as-of (default today), longest first",
              example: "xieshang opinion beyond --awaiting"), beyond),
        (Spec(name: "opinion list", summary: "reports this body holds (its own and those forwarded to it)", example: "xieshang opinion list"), list),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func authorKind(_ inv: Invocation) throws(Invocation.Exit) -> OpinionEvent.AuthorKind {
        switch inv.value("author-kind") ?? "member" {
        case "member": return .member
        case "group", "liaisonGroup": return .liaisonGroup
        case "informant": return .informant
        case let other: throw inv.usage("--author-kind takes member, group or informant, not '\(other)'.")
        }
    }

    /// The provenance of an existing report named `ID` or `ORIGIN/ID`, read from the node.
    static func provenance(_ inv: Invocation, _ client: NodeClient, me: String) throws(Invocation.Exit) -> OpinionEvent.Provenance {
        let name = inv.positional(0)
        let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
        let (origin, id) = parts.count == 2 ? (parts[0], parts[1]) : (me, name)
        guard let row = try client.query("opinions").first(where: { $0["origin_body"] as? String == origin && $0["origin_report_id"] as? String == id }) else {
            throw Invocation.Exit(code: fail("[opinion.exists] \(me) holds no opinion report \(origin)/\(id) (本组织没有该信息); list them with `xieshang opinion list`", code: ExitCode.refused))
        }
        return OpinionEvent.Provenance(originBody: origin, originReportID: id, author: row["author"] as? String ?? "", authorKind: try authorKind(inv))
    }

    static func step(_ inv: Invocation, _ make: (OpinionEvent.Provenance, StatusInfo) throws(Invocation.Exit) -> OpinionEvent.Step,
                     zh: String, en: String) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let status = try StatusInfo(client)
        let p = try provenance(inv, client, me: status.id)
        let e = OpinionEvent(p, at: status.id, on: try inv.day(), try make(p, status))
        return Recorded.print(inv, try client.submit(.opinion(e), actor: "office"),
                              zh: "社情民意信息 \(p.originBody)/\(p.originReportID) \(zh)", en: "opinion report \(p.originBody)/\(p.originReportID) \(en)")
    }

    static func submit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let me = try client.status().nodeId
        let id = try inv.required("id")
        let p = OpinionEvent.Provenance(originBody: me, originReportID: id, author: try inv.required("author"), authorKind: try authorKind(inv))
        let e = OpinionEvent(p, at: me, on: try inv.day(), .submitted(title: try inv.required("title"), text: try inv.required("text"),
                                                                   channel: try ProposalCommand.channel(inv)))
        return Recorded.print(inv, try client.submit(.opinion(e), actor: "office"), zh: "社情民意信息 \(id) 已提交", en: "opinion report \(id) submitted")
    }

    static func edit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let text = try inv.required("text"), title = inv.value("title") ?? ""
        return try step(inv, { _, _ in .edited(text: text, title: title) }, zh: "已编辑", en: "edited")
    }

    static func adopt(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let issue = try inv.required("issue")
        return try step(inv, { _, _ in .adopted(bulletinIssue: issue) }, zh: "已录用（\(issue)）", en: "adopted (\(issue))")
    }

    static func archive(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try step(inv, { _, _ in .archived(reason: inv.value("reason") ?? "") }, zh: "已存档", en: "archived")
    }

    static func forward(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let text = try inv.required("text")
        return try step(inv, { (p, status) throws(Invocation.Exit) in
            guard let to = inv.value("to") ?? status.parent else { throw inv.usage("this node has no parent; give --to BODY.") }
            var title = inv.value("title") ?? ""
            if title.isEmpty {
                title = (try NodeClient(inv).query("opinions").first { $0["origin_body"] as? String == p.originBody && $0["origin_report_id"] as? String == p.originReportID }?["title"] as? String) ?? ""
            }
            let direct = inv.flags.contains("direct")
            if direct, inv.value("to") == nil || inv.value("tier") == nil {
                throw inv.usage("--direct (直通车) needs --to BODY and --tier TIER: the body above the parent it goes straight to.")
            }
            return .forwarded(toBody: to, toTier: inv.value("tier") ?? "", title: title, text: text, direct: direct)
        }, zh: inv.flags.contains("direct") ? "已直通报送 \(inv.value("to") ?? "")（直通车）" : "已报送上级",
           en: inv.flags.contains("direct") ? "sent straight to \(inv.value("to") ?? "") (直通车)" : "forwarded to the parent")
    }

    static func instruct(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let day = try inv.day()
        let leader = try inv.required("leader"), text = try inv.required("text")
        return try step(inv, { _, status in
            .instruction(.init(leaderLevel: inv.value("level") ?? status.tier, leader: leader, date: day, text: text, recordedBy: status.id))
        }, zh: "已记录领导批示（\(leader)）", en: "instruction by \(leader) recorded")
    }

    static func level(_ inv: Invocation, _ option: String) throws(Invocation.Exit) -> AboveLevel {
        let text = try inv.required(option)
        guard let level = AboveLevel(named: text) else { throw inv.usage("--\(option) takes 省政协 or 全国政协 (province, national), not '\(text)'.") }
        return level
    }

    static func sendUp(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let level = try level(inv, "to")
        return try step(inv, { _, _ in .sentAbove(level: level) }, zh: "已报送\(level.label)", en: "sent to the \(level.rawValue) CPPCC")
    }

    static func adoptedAbove(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let level = try level(inv, "by"), issue = try inv.required("issue")
        return try step(inv, { _, _ in .adoptedAbove(level: level, bulletinIssue: issue) }, zh: "已记录\(level.label)采用（\(issue)）",
                        en: "adoption by the \(level.rawValue) CPPCC recorded (\(issue))")
    }

    static func sendToDepartment(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let department = try inv.required("department")
        return try step(inv, { _, _ in .sentToDepartment(department: department) }, zh: "已转送 \(department)", en: "sent to \(department)")
    }

    static func departmentReply(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let department = try inv.required("department"), text = try inv.required("text"), resultText = try inv.required("result")
        guard let result = DepartmentResult(named: resultText) else {
            throw inv.usage("--result takes \(DepartmentResult.labels) (\(DepartmentResult.allCases.map(\.rawValue).joined(separator: ", "))), not '\(resultText)'.")
        }
        return try step(inv, { _, _ in .departmentReplied(department: department, result: result, text: text) },
                        zh: "已记录 \(department) 办理结果（\(result.label)）", en: "\(department)'s reply recorded (\(result.rawValue))")
    }

    static func beyond(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter = ["awaiting": inv.flags.contains("awaiting") ? "true" : "false"]
        if inv.value("as-of") != nil { filter["as_of"] = try inv.day("as-of").description }
        RecordTable.print(try NodeClient(inv).query("opinion_beyond", filter: filter), type: "opinion_beyond",
                          columns: ["origin_body", "origin_report_id", "title", "beyond_step", "beyond_to", "on", "bulletin_issue", "handling_result", "handling", "waiting_days"], inv)
        return ExitCode.done
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        RecordTable.print(try NodeClient(inv).query("opinions"), type: "opinions",
                          columns: ["origin_body", "origin_report_id", "author", "title", "status", "bulletin_issue", "forwarded_to", "adopted_by", "instructions"], inv)
        return ExitCode.done
    }
}

/// What the record commands need of the node's status: its id, tier and parent.
struct StatusInfo {
    let id: String
    let tier: String
    let parent: String?

    init(_ client: NodeClient) throws(Invocation.Exit) {
        let s = try client.status()
        id = s.nodeId
        tier = s.tier
        parent = s.links.first { $0.role == "parent" }?.peer
    }
}
