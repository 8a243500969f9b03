import Foundation
import XieshangDomain
import XieshangNode

/// `xieshang research report|instruction|convert|reports|show`: reports of research visits and inspections 调研报告、视察报告,
/// leaders' instructions 批示 on them and what their results were turned into 成果转化 (a proposal, an opinion report,
/// a 建议案) — in one group with an alliance's joint research and inspections (`research add|list`,
/// ``AllianceCommand/researchGroup``), so `research list` stays the joint research it was and the reports list is
/// `research reports`.
enum ResearchCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(
        name: "research", summary: "joint research 联动调研 of an alliance (add, list) and this body's research and inspection reports 调研视察报告 (report, instruction, convert, reports, show)",
        commands: AllianceCommand.researchGroup.commands + reports)

    /// The subcommands of the reports.
    static let reports: [(spec: Spec, run: @Sendable (Invocation) throws(Invocation.Exit) -> Int32)] = [
        (Spec(name: "research report", summary: "records the report of a research visit or inspection (an activity of this body)",
              positionals: ["ID"], valued: ["activity", "title", "text", "date"], required: ["activity", "title", "text"],
              example: "xieshang research report DY-001 --activity HD-003 --title 关于农村饮水安全的视察报告 --text 视察发现… --date 2026-04-10"), report),
        (Spec(name: "research instruction", summary: "a leader's instruction 批示 on the report",
              positionals: ["ID"], valued: ["leader", "level", "text", "date"], required: ["leader", "level", "text"],
              details: "  --level: " + ResearchReport.leaderLevels.joined(separator: "|"),
              example: "xieshang research instruction DY-001 --leader 县委书记张三 --level 县委 --text 请县水务局抓好落实 --date 2026-04-20"), instruction),
        (Spec(name: "research convert", summary: "the report's results were turned into a proposal, an opinion report or a 建议案 (成果转化)",
              positionals: ["ID", "TARGET"], valued: ["to", "date"], required: ["to"],
              details: "  --to proposal (TARGET: a proposal id of this body) | opinion (TARGET: an opinion report id of this body)\n"
                + "       | advice (TARGET: the 建议案's title, the body's formal recommendation to the party committee or government)",
              example: "xieshang research convert DY-001 XX-007 --to opinion --date 2026-05-06"), convert),
        (Spec(name: "research reports", summary: "the research and inspection reports recorded here (调研视察报告)", example: "xieshang research reports"), list),
        (Spec(name: "research show", summary: "one report with its text, instructions and conversions",
              positionals: ["ID"], example: "xieshang research show DY-001"), show),
    ]

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func report(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let e = ResearchEvent(id, on: try inv.day(), .reported(activityID: try inv.required("activity"), title: try inv.required("title"),
                                                              text: try inv.required("text")))
        return Recorded.print(inv, try NodeClient(inv).submit(.research(e), actor: "office"), zh: "调研视察报告 \(id) 已记录", en: "report \(id) recorded")
    }

    static func instruction(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let e = ResearchEvent(id, on: try inv.day(), .instructed(leader: try inv.required("leader"), level: try inv.required("level"),
                                                                text: try inv.required("text")))
        return Recorded.print(inv, try NodeClient(inv).submit(.research(e), actor: "office"), zh: "报告 \(id) 的批示已记录", en: "instruction on \(id) recorded")
    }

    static func convert(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let to = try inv.required("to")
        guard let conversion = ResearchReport.Conversion(kind: to, target: inv.positional(1)) else {
            throw inv.usage("--to takes proposal, opinion or advice, not '\(to)'.")
        }
        let e = ResearchEvent(id, on: try inv.day(), .converted(conversion))
        return Recorded.print(inv, try NodeClient(inv).submit(.research(e), actor: "office"),
                              zh: "报告 \(id) 已转化为\(Labels.zh("conversion." + conversion.kind))", en: "report \(id) turned into a \(conversion.kind)")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        RecordTable.print(try NodeClient(inv).query("research"), type: "research",
                          columns: ["id", "title", "kind", "activity_id", "reported_on", "instructed", "converted"], inv)
        return ExitCode.done
    }

    static func show(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let r = try NodeClient(inv).query("research_report", id: inv.positional(0)).first else {
            return fail("no research or inspection report \(inv.positional(0))", code: ExitCode.refused)
        }
        if inv.json { RecordTable.print([r], type: "research_report", columns: [], inv); return ExitCode.done }
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }  // record text is data (DisplayText)
        for c in ["id", "title", "kind", "activity_id", "reported_on", "text"] {
            print("\(RecordTable.pad(inv.label(c), 12))  \(RecordTable.cell(r[c] ?? nil, "research_report", c, inv))")
        }
        for i in (r["instructions"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("领导批示", "instruction"), 12))  \(i["on"] ?? "")  \(i["level"] ?? "")  \(i["leader"] ?? "")：\(i["text"] ?? "")")
        }
        for c in (r["conversions"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("成果转化", "turned into"), 12))  \(c["on"] ?? "")  \(inv.label("conversion." + ((c["kind"] as? String) ?? "")))  \(c["target"] ?? "")")
        }
        return ExitCode.done
    }
}
