import Foundation
import XieshangDomain

/// `xieshang activity add|list`: activities held 履职活动 (consultations with their form, research, inspections,
/// appraisals, training, public welfare) with participants 人次 and the members who took part.
enum ActivityCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "activity", summary: "activities 履职活动: record one, list them", commands: [
        (Spec(name: "activity add", summary: "records an activity held (counted once, at this body)",
              valued: ["id", "kind", "form", "topic", "participants", "members", "guests", "hosts", "plan-item", "date"],
              required: ["id", "kind", "topic", "participants"],
              details: """
                  --kind consultation|research|inspection|appraisal|training|welfare|meeting
                  --form (consultations) topical|counterpart|sector|proposalHandling|chairTalk|pleaseCome|online|quarterly|standingCommittee
                  --hosts BODY,BODY for joint activities (this body is always one); --plan-item PLAN/ITEM it carried out
                  --guests BODY/MEMBER,…: members of a body above this one who took part (a county member at a township's
                    consultation); it counts in their 履职档案 there, never in that body's figures
                """,
              example: "xieshang activity add --id HD-001 --kind consultation --form pleaseCome --topic 农村人居环境整治 --participants 32 --members M001,M002 --date 2026-03-18"), add),
        (Spec(name: "activity list", summary: "activities recorded here (optionally in one --period 2026|2026-Q3|2026-11)",
              valued: ["period"], example: "xieshang activity list --period 2026-Q1"), list),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let kind = Activity.Kind(rawValue: try inv.required("kind")) else {
            throw inv.usage("--kind takes \(Activity.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(inv.value("kind")!)'.")
        }
        var form: Activity.Form?
        if let f = inv.value("form") {
            guard let value = Activity.Form(rawValue: f) else {
                throw inv.usage("--form takes \(Activity.Form.allCases.map(\.rawValue).joined(separator: ", ")), not '\(f)'.")
            }
            form = value
        }
        var guests: [Activity.Guest] = []
        for text in inv.list("guests") {
            guard let g = Activity.Guest(parsing: text) else {
                throw inv.usage("--guests takes BODY/MEMBER (a member of another body, e.g. xishui/M001), not '\(text)'.")
            }
            guests.append(g)
        }
        let client = NodeClient(inv)
        var hosts = inv.list("hosts")
        if !hosts.isEmpty { let me = try client.status().nodeId; if !hosts.contains(me) { hosts.insert(me, at: 0) } }
        let a = Activity(id: try inv.required("id"), kind: kind, form: form, date: try inv.day(), topic: try inv.required("topic"),
                         hostBodies: hosts, participants: try inv.int("participants"), members: inv.list("members"),
                         planItem: inv.value("plan-item") ?? "", guests: guests)
        return Recorded.print(inv, try client.submit(.activity(a), actor: "office"), zh: "活动 \(a.id) \(a.topic)", en: "activity \(a.id) \(a.topic)")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var rows = try NodeClient(inv).query("activities")
        if let text = inv.value("period") {
            let period: Period
            do { period = try Period(parsing: text) } catch { throw inv.usage("--period '\(text)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~ (a session period).") }
            rows = rows.filter { r in (r["date"] as? String).map { $0 >= period.start.description && $0 <= period.end.description } ?? false }
        }
        RecordTable.print(rows, type: "activities", columns: ["id", "kind", "form", "date", "topic", "participants"], inv)
        return ExitCode.done
    }
}
