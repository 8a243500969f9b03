import Foundation
import XieshangDomain

/// `xieshang station add|retire|list|figures`: sub-body units 基层协商平台 (赤水's four-level platform: village stations
/// 村(社区)民主协商中心站, group points 组民主协商中心点, households 民主协商中心户; community liaison stations 政协联络站)
/// registered at this body as data, their activities counted at the body and broken down per unit.
enum StationCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "station", summary: "sub-body units 基层协商平台 (village stations, group points): add, retire, list, figures", commands: [
        (Spec(name: "station add", summary: "registers a unit under this body (备案), set up on --date",
              positionals: ["ID"], valued: ["name", "kind", "parent", "date"], required: ["name", "kind"],
              details: """
                  ID: 1–\(Station.maxIDLength) ASCII letters, digits, - _ . (unique at this body, retired units keep theirs)
                  --kind \(Station.Kind.allCases.map { "\($0.rawValue) (\(Labels.zh("station." + $0.rawValue)))" }.joined(separator: ", "))
                  --parent STATION: a group point sits under a village station, a household under a group point; village and
                    liaison stations sit directly under the body
                """,
              example: "xieshang station add GZC --name 高竹村民主协商中心站 --kind village --date 2026-01-05"), add),
        (Spec(name: "station retire", summary: "retires a unit: it keeps its history and takes no activity dated after --date",
              positionals: ["ID"], valued: ["date", "reason"], required: ["date"],
              example: "xieshang station retire GZC-JZL --date 2026-06-30 --reason 并组"), retire),
        (Spec(name: "station list", summary: "the units of this body (or of a body below with --body), retired ones too",
              valued: ["body"], example: "xieshang station list"), list),
        (Spec(name: "station figures", summary: "activities and 人次 of a --period at the body itself and at each unit (default this year)",
              valued: ["period", "body"],
              details: "  the rows at the body and at each unit add up to the body's activities; --body for one body below",
              example: "xieshang station figures --period 2026-Q1"), figures),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0), text = try inv.required("kind")
        guard let kind = Station.Kind(rawValue: text) ?? Station.Kind.allCases.first(where: { Labels.zh("station." + $0.rawValue) == text }) else {
            throw inv.usage("--kind takes \(Station.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'.")
        }
        let parent = inv.value("parent").flatMap { $0.isEmpty ? nil : $0 }
        let e = StationEvent(id, on: try inv.day(), .registered(name: try inv.required("name"), kind: kind, parent: parent))
        return Recorded.print(inv, try NodeClient(inv).submit(.station(e), actor: "office"), zh: "站点 \(id) 已登记", en: "unit \(id) registered")
    }

    static func retire(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let e = StationEvent(id, on: try inv.day(defaultToday: false), .retired(reason: inv.value("reason") ?? ""))
        return Recorded.print(inv, try NodeClient(inv).submit(.station(e), actor: "office"), zh: "站点 \(id) 已撤销", en: "unit \(id) retired")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let rows = try NodeClient(inv).query("stations", filter: inv.value("body").map { ["body": $0] } ?? [:])
        RecordTable.print(rows.map(indented), type: "stations", columns: ["body", "id", "name", "kind", "parent", "established", "retired_on"], inv)
        return ExitCode.done
    }

    static func figures(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter = try inv.periodFilter()
        if let body = inv.value("body") { filter["body"] = body }
        let rows = try NodeClient(inv).query("station_figures", filter: filter)
        RecordTable.print(inv.json ? rows : rows.map(indented), type: "station_figures",
                          columns: ["body", "station", "name", "kind", "activities", "participants", "total_activities", "total_participants", "retired_on"], inv)
        return ExitCode.done
    }

    /// A row whose name is indented by its depth in the units' tree (text tables only).
    static func indented(_ row: [String: Any]) -> [String: Any] {
        var r = row
        if let depth = row["depth"] as? Int, depth > 0, let name = row["name"] as? String {
            r["name"] = String(repeating: "  ", count: min(depth, 8)) + name
        }
        return r
    }
}
