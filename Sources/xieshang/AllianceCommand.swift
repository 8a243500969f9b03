import Foundation
import XieshangNode
import XieshangTransport
import XieshangWire

/// Alliance records 片区协作记录 on the local node: `xieshang meeting add|list` (joint meetings 联席会议),
/// `xieshang research add|list` (joint research 联动调研 and joint inspections 联合视察), `xieshang charter add|list`
/// (charter versions 章程).
///
/// The `add` functions take the admin socket and a record and return the node's answer (or an
/// ``AdminCommand/Exit`` with the exit code), so other Swift code (the demo) can call them.
enum AllianceCommand {
    typealias Spec = Invocation.Spec

    static let meetingGroup = SubcommandGroup(name: "meeting", summary: "joint meetings 联席会议 of an alliance: add, list", commands: [
        (Spec(name: "meeting add", summary: "records a joint meeting (its host is the one chosen at the previous meeting; attendees are members)",
              valued: ["alliance", "id", "date", "host", "attendees", "minutes", "minutes-file", "next-host", "topic", "participants"],
              repeated: ["agenda"], required: ["alliance", "id", "date", "host", "attendees"],
              details: """
                  --agenda KIND:TITLE[:TEXT]  an agenda item, KIND follow-up (report on the previous meeting), charter-change
                                              or recommendation; give it once per item
                  --minutes T | --minutes-file F   the minutes 会议纪要; --next-host BODY  the host chosen for the next meeting
                """,
              example: "xieshang meeting add --alliance wuling --id wuling/2026 --date 2026-11-20 --host tongren --attendees tongren,enshi,xiangxi "
                + "--agenda follow-up:2025年联席会议落实情况 --agenda recommendation:旅游年票互认 --minutes 会议纪要…… --next-host enshi"),
         addMeeting),
        (Spec(name: "meeting list", summary: "the joint meetings this node holds", valued: ["alliance"],
              example: "xieshang meeting list --alliance wuling"), listMeetings),
    ])

    static let researchGroup = SubcommandGroup(name: "research", summary: "joint research 联动调研 and joint inspections 联合视察 of an alliance: add, list", commands: [
        (Spec(name: "research add", summary: "records joint research or a joint inspection with one or more host bodies",
              valued: ["alliance", "id", "kind", "topic", "date", "end", "hosts", "bodies", "participants", "findings", "findings-file"],
              required: ["alliance", "id", "topic", "date", "hosts"],
              details: """
                  --kind research|inspection (default research); --end YYYY-MM-DD  the last day
                  --bodies a,b,c  the bodies taking part (default the hosts); --findings T | --findings-file F
                """,
              example: "xieshang research add --alliance wuling --id wuling/r1 --kind research --topic 武陵山片区生态保护 "
                + "--date 2026-06-02 --end 2026-06-05 --hosts tongren,enshi --bodies tongren,enshi,xiangxi --participants 24"),
         addResearch),
        (Spec(name: "research list", summary: "the joint research and inspections this node holds", valued: ["alliance", "kind"],
              example: "xieshang research list --alliance wuling --kind inspection"), listResearch),
    ])

    static let charterGroup = SubcommandGroup(name: "charter", summary: "an alliance's charter versions 章程 and members: add, list", commands: [
        (Spec(name: "charter add", summary: "records a charter version: the next version number, its member bodies (pinned in node.json)",
              valued: ["alliance", "version", "members", "effective", "name", "file"], required: ["alliance", "version", "members", "effective"],
              details: "  --file F  the charter's text (UTF-8)",
              example: "xieshang charter add --alliance wuling --version 1 --name 武陵山片区政协主席联席会 --members tongren,enshi,xiangxi --effective 2026-01-01"),
         addCharter),
        (Spec(name: "charter list", summary: "the charter versions this node holds", valued: ["alliance"],
              example: "xieshang charter list --alliance wuling"), listCharters),
    ])

    // MARK: Callable from Swift

    /// Records a joint meeting, joint research or joint inspection at the node on `socket`.
    static func addActivity(socket: String, _ activity: JointActivity) -> Result<SubmitResponse, AdminCommand.Exit> {
        DraftCommand.submit(socket, .jointActivity, activity.serializedBytes())
    }

    /// Records a charter version at the node on `socket`.
    static func addCharter(socket: String, _ charter: AllianceCharter) -> Result<SubmitResponse, AdminCommand.Exit> {
        DraftCommand.submit(socket, .allianceCharter, charter.serializedBytes())
    }

    /// Rows of `type` (meetings, joint_research, charters) at the node on `socket`, filtered.
    static func list(socket: String, _ type: String, filter: [String: String] = [:]) -> Result<[[String: Any]], AdminCommand.Exit> {
        DraftCommand.rows(socket, QueryRequest(recordType: type, filter: filter))
    }

    // MARK: Command lines

    static func addMeeting(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let kinds: [String: AgendaItemKind] = ["follow-up": .followUpReport, "charter-change": .charterChange, "recommendation": .jointRecommendation]
        var agenda: [AgendaItem] = []
        for item in inv.allValues("agenda") {
            let parts = item.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2, let kind = kinds[parts[0]], !parts[1].isEmpty else {
                throw inv.usage("--agenda '\(item)': give KIND:TITLE[:TEXT] with KIND follow-up, charter-change or recommendation.")
            }
            agenda.append(AgendaItem(kind: kind, title: parts[1], text: parts.count > 2 ? parts[2] : ""))
        }
        let id = try inv.required("id")
        let activity = JointActivity(allianceId: try inv.required("alliance"), id: id, kind: .meeting, date: try inv.required("date"),
                                     hosts: [try inv.required("host")], attendees: inv.list("attendees"), topic: inv.value("topic") ?? "",
                                     agenda: agenda, minutes: try text(inv, "minutes"), nextHost: inv.value("next-host") ?? "",
                                     participants: try participants(inv))
        return recorded(inv, addActivity(socket: inv.socket, activity), zh: "联席会议 \(id) 已记录", en: "joint meeting \(id) recorded")
    }

    static func addResearch(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let kind: JointActivityKind
        switch inv.value("kind") ?? "research" {
        case "research": kind = .research
        case "inspection": kind = .inspection
        case let other: throw inv.usage("--kind takes research or inspection, not '\(other)'.")
        }
        let id = try inv.required("id")
        let hosts = inv.list("hosts"), bodies = inv.list("bodies")
        let activity = JointActivity(allianceId: try inv.required("alliance"), id: id, kind: kind, date: try inv.required("date"),
                                     endDate: inv.value("end") ?? "", hosts: hosts, attendees: bodies.isEmpty ? hosts : bodies,
                                     topic: try inv.required("topic"), findings: try text(inv, "findings"), participants: try participants(inv))
        return recorded(inv, addActivity(socket: inv.socket, activity),
                        zh: "\(kind == .research ? "联动调研" : "联合视察") \(id) 已记录",
                        en: "joint \(kind == .research ? "research" : "inspection") \(id) recorded")
    }

    static func addCharter(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let alliance = try inv.required("alliance")
        let versionText = try inv.required("version")
        guard let version = UInt32(versionText), version > 0 else {
            throw inv.usage("--version takes the charter's version number (1, 2, …), not '\(versionText)'.")
        }
        let charter = AllianceCharter(allianceId: alliance, version: version, name: inv.value("name") ?? "", members: inv.list("members"),
                                      text: try DraftCommand.fileText(inv, "file"), effective: try inv.required("effective"))
        return recorded(inv, addCharter(socket: inv.socket, charter), zh: "\(alliance) 章程第 \(version) 版已记录",
                        en: "charter v\(version) of \(alliance) recorded")
    }

    static func listMeetings(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try printRows(inv, "meetings") { r in
            let agenda = (r["agenda"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? ""): \($0["title"] ?? "")" }
            let attendees = (r["attendees"] as? [String] ?? []).joined(separator: ",")
            let next = r["next_host"] as? String ?? "-"
            return "\(r["date"] ?? "")  \(r["id"] ?? "")  " + inv.text("主办 \(r["host"] ?? "")  出席 \(attendees)  下届主办 \(next)\n    议程：",
                                                                   "host \(r["host"] ?? "")  attendees \(attendees)  next host \(next)\n    agenda: ")
                + agenda.joined(separator: "; ")
        }
    }

    static func listResearch(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try printRows(inv, "joint_research") { r in
            let end = (r["end_date"] as? String).flatMap { $0.isEmpty ? nil : "–" + $0 } ?? ""
            let hosts = (r["hosts"] as? [String] ?? []).joined(separator: ",")
            return "\(r["date"] ?? "")\(end)  \(r["kind"] ?? "")  \(r["id"] ?? "")  \(r["topic"] ?? "")  " + inv.text("主办 ", "hosts ") + hosts
        }
    }

    static func listCharters(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try printRows(inv, "charters") { r in
            let members = (r["members"] as? [String] ?? []).joined(separator: ",")
            return "\(r["alliance"] ?? "") v\(r["version"] ?? "")  " + inv.text("生效 \(r["effective"] ?? "")  \(r["name"] ?? "")  成员 \(members)",
                                                                           "effective \(r["effective"] ?? "")  \(r["name"] ?? "")  members \(members)")
        }
    }

    // MARK: Helpers

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `--participants` (人次), 0 when not given.
    static func participants(_ inv: Invocation) throws(Invocation.Exit) -> UInt32 {
        let n = try inv.int("participants", default: 0)
        guard let value = UInt32(exactly: n) else { throw inv.usage("--participants \(n) is more than \(UInt32.max).") }
        return value
    }

    /// Text from `--NAME T` or `--NAME-file F` (not both), empty when neither is given.
    static func text(_ inv: Invocation, _ name: String) throws(Invocation.Exit) -> String {
        if inv.value(name) != nil && inv.value(name + "-file") != nil { throw inv.usage("give --\(name) or --\(name)-file, not both.") }
        if inv.value(name + "-file") != nil { return try DraftCommand.fileText(inv, name + "-file") }
        return inv.value(name) ?? ""
    }

    static func recorded(_ inv: Invocation, _ result: Result<SubmitResponse, AdminCommand.Exit>, zh: String, en: String) -> Int32 {
        switch result {
        case .failure(let e): return e.code
        case .success(let r): return Recorded.print(inv, r, zh: zh, en: en)
        }
    }

    /// The rows of `type` filtered by the command's valued options (alliance, kind), one line each (or JSON lines).
    static func printRows(_ inv: Invocation, _ type: String, line: ([String: Any]) -> String) throws(Invocation.Exit) -> Int32 {
        let rows = try DraftCommand.value(list(socket: inv.socket, type, filter: inv.values))
        for r in rows { print(inv.json ? json(r) : DisplayText.escaped(line(r))) }
        if rows.isEmpty && !inv.json { print(inv.text("尚无记录", "none recorded")) }
        return ExitCode.done
    }
}
