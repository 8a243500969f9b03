import Foundation
import XieshangDomain

/// `xieshang activity add|list`: activities held 履职活动 (consultations with their form, research, inspections,
/// appraisals, training, public welfare) with participants 人次 and the members who took part.
enum ActivityCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "activity", summary: "activities 履职活动: record one, list them", commands: [
        (Spec(name: "activity add", summary: "records an activity held (counted once, at this body)",
              valued: ["id", "kind", "form", "topic", "participants", "members", "guests", "hosts", "plan-item", "date", "sectors",
                       "target-unit", "result", "station"],
              required: ["id", "kind", "topic", "participants"],
              details: """
                  --kind consultation|research|inspection|appraisal|training|welfare|meeting
                  --form (consultations) topical|counterpart|sector|proposalHandling|chairTalk|pleaseCome|online|quarterly|standingCommittee
                  --hosts BODY,BODY for joint activities (this body is always one); --plan-item PLAN/ITEM it carried out
                  --guests BODY/MEMBER,…: members of a body above this one who took part (a county member at a township's
                    consultation); it counts in their 履职档案 there, never in that body's figures
                  --sectors 经济界,农业界: the 界别 it was organised by or for (a --form sector consultation names at least one);
                    counted per sector by `xieshang stats`
                  --target-unit 县交通运输局 --result satisfied|basicallySatisfied|unsatisfied (or 满意|基本满意|不满意):
                    a democratic appraisal's (--kind appraisal) unit appraised (required) and result; listed by `activity appraisals`
                  --station ID: the unit 站点 it was held at (a village station, a group point: `xieshang station list`);
                    it must be registered here and working that day; it still counts once, at this body
                """,
              example: "xieshang activity add --id HD-001 --kind consultation --form pleaseCome --topic 农村人居环境整治 --participants 32 --members M001,M002 --date 2026-03-18"), add),
        (Spec(name: "activity list", summary: "activities recorded here (optionally in one --period 2026|2026-Q3|2026-11)",
              valued: ["period"], example: "xieshang activity list --period 2026-Q1"), list),
        (Spec(name: "activity appraisals", summary: "democratic appraisals 民主评议 by unit appraised, with their results (--period, default this year; --unit for one unit)",
              valued: ["period", "unit"], example: "xieshang activity appraisals --period 2026 --unit 县交通运输局"), appraisals),
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
        var appraisal: Activity.Appraisal?
        if let unit = inv.value("target-unit") { appraisal = Activity.Appraisal(targetUnit: unit) }
        if let text = inv.value("result") {
            guard let result = ProposalEvent.Rating.allCases.first(where: { $0.rawValue == text || Labels.label("rating." + $0.rawValue)?.zh == text }) else {
                throw inv.usage("--result takes \(ProposalEvent.Rating.allCases.map { "\($0.rawValue) (\(Labels.zh("rating." + $0.rawValue)))" }.joined(separator: ", ")), not '\(text)'.")
            }
            appraisal = Activity.Appraisal(targetUnit: appraisal?.targetUnit ?? "", result: result)
        }
        let client = NodeClient(inv)
        var hosts = inv.list("hosts")
        if !hosts.isEmpty { let me = try client.status().nodeId; if !hosts.contains(me) { hosts.insert(me, at: 0) } }
        let a = Activity(id: try inv.required("id"), kind: kind, form: form, date: try inv.day(), topic: try inv.required("topic"),
                         hostBodies: hosts, participants: try inv.int("participants"), members: inv.list("members"),
                         planItem: inv.value("plan-item") ?? "", guests: guests, sectors: inv.list("sectors"), appraisal: appraisal,
                         station: inv.value("station") ?? "")
        return Recorded.print(inv, try client.submit(.activity(a), actor: "office"), zh: "活动 \(a.id) \(a.topic)", en: "activity \(a.id) \(a.topic)")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var rows = try NodeClient(inv).query("activities")
        if let text = inv.value("period") {
            let period: Period
            do { period = try Period(parsing: text) } catch { throw inv.usage("--period '\(text)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~ (a session period).") }
            rows = rows.filter { r in (r["date"] as? String).map { $0 >= period.start.description && $0 <= period.end.description } ?? false }
        }
        RecordTable.print(rows, type: "activities", columns: ["id", "kind", "form", "date", "topic", "participants", "sectors", "station"], inv)
        return ExitCode.done
    }

    /// `activity appraisals`: each unit's democratic appraisals 民主评议 of a period with their results.
    static func appraisals(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter = try inv.periodFilter()
        if let unit = inv.value("unit") { filter["unit"] = unit }
        let rows = try NodeClient(inv).query("activity_appraisals", filter: filter)
        RecordTable.print(rows, type: "activity_appraisals", columns: ["target_unit", "date", "id", "topic", "result"], inv)
        return ExitCode.done
    }
}
