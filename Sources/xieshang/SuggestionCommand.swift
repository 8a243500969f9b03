import Foundation
import XieshangDomain

/// `xieshang suggestion add|adopt|close|list`: suggestions 意见建议 to the local party committee or government, from
/// made to adopted by a leader 批示采纳 to closed 办结.
enum SuggestionCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "suggestion", summary: "suggestions 意见建议: add, adopt, close, list", commands: [
        (Spec(name: "suggestion add", summary: "records a suggestion made (optionally at an activity)",
              valued: ["id", "text", "addressee", "activity", "members", "date"], required: ["id", "text"],
              example: "xieshang suggestion add --id JY-001 --text 建议增设村级垃圾转运点 --addressee 乡党委 --activity HD-001 --date 2026-03-18"), add),
        (Spec(name: "suggestion adopt", summary: "a leader adopted the suggestion (批示采纳)",
              positionals: ["ID"], valued: ["by", "note", "date"], required: ["by"],
              example: "xieshang suggestion adopt JY-001 --by 乡党委书记 --date 2026-04-02"), adopt),
        (Spec(name: "suggestion close", summary: "the adopted suggestion was carried out (办结)",
              positionals: ["ID"], valued: ["note", "date"],
              example: "xieshang suggestion close JY-001 --note 转运点已建成 --date 2026-06-30"), close),
        (Spec(name: "suggestion list", summary: "suggestions recorded here", example: "xieshang suggestion list"), list),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = try inv.required("id")
        let e = SuggestionEvent(id, on: try inv.day(), .made(text: try inv.required("text"), addressee: inv.value("addressee") ?? "",
                                                          activityID: inv.value("activity") ?? "", members: inv.list("members")))
        return Recorded.print(inv, try NodeClient(inv).submit(.suggestion(e), actor: "office"), zh: "建议 \(id) 已提出", en: "suggestion \(id) made")
    }

    static func adopt(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let e = SuggestionEvent(id, on: try inv.day(), .adopted(by: try inv.required("by"), note: inv.value("note") ?? ""))
        return Recorded.print(inv, try NodeClient(inv).submit(.suggestion(e), actor: "office"), zh: "建议 \(id) 已批示采纳", en: "suggestion \(id) adopted")
    }

    static func close(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let e = SuggestionEvent(id, on: try inv.day(), .closed(note: inv.value("note") ?? ""))
        return Recorded.print(inv, try NodeClient(inv).submit(.suggestion(e), actor: "office"), zh: "建议 \(id) 已办结", en: "suggestion \(id) closed")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        RecordTable.print(try NodeClient(inv).query("suggestions"), type: "suggestions",
                          columns: ["id", "text", "addressee", "status", "made_on", "adopted_by"], inv)
        return ExitCode.done
    }
}
