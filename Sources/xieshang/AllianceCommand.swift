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
    static let meetingUsage = """
        usage: xieshang meeting add --alliance ID --id ID --date YYYY-MM-DD --host BODY --attendees a,b,c
                   [--agenda KIND:TITLE[:TEXT]]... [--minutes T | --minutes-file F] [--next-host BODY] [--topic T]
                   [--participants N] [--node SOCKET] [--json]
               xieshang meeting list [--alliance ID] [--node SOCKET] [--json]
          Records a joint meeting (its host must be the one chosen at the previous meeting; attendees are members).
          KIND: follow-up (report on the previous meeting), charter-change, recommendation.
        example:
          xieshang meeting add --alliance wuling --id wuling/2026 --date 2026-11-20 --host tongren \\
            --attendees tongren,enshi,xiangxi --agenda follow-up:2025年联席会议落实情况 \\
            --agenda recommendation:旅游年票互认 --minutes 会议纪要…… --next-host enshi
        """

    static let researchUsage = """
        usage: xieshang research add --alliance ID --id ID --kind research|inspection --topic T --date YYYY-MM-DD
                   [--end YYYY-MM-DD] --hosts a,b [--bodies a,b,c] [--participants N] [--findings T | --findings-file F]
                   [--node SOCKET] [--json]
               xieshang research list [--alliance ID] [--kind research|inspection] [--node SOCKET] [--json]
          Records joint research (联动调研) or a joint inspection (联合视察) with one or more host bodies.
        example:
          xieshang research add --alliance wuling --id wuling/r1 --kind research --topic 武陵山片区生态保护 \\
            --date 2026-06-02 --end 2026-06-05 --hosts tongren,enshi --bodies tongren,enshi,xiangxi --participants 24
        """

    static let charterUsage = """
        usage: xieshang charter add --alliance ID --version N --members a,b,c --effective YYYY-MM-DD [--name N] [--file TEXT]
                   [--node SOCKET] [--json]
               xieshang charter list [--alliance ID] [--node SOCKET] [--json]
          Records a charter version (章程): the next version number, its member bodies (pinned in node.json).
        example:
          xieshang charter add --alliance wuling --version 1 --name 武陵山片区政协主席联席会 --members tongren,enshi,xiangxi --effective 2026-01-01
        """

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

    static func meeting(_ args: [String]) -> Int32 {
        let usage = meetingUsage
        switch args.first {
        case "add":
            var rest = Array(args.dropFirst())
            var agenda: [AgendaItem] = []
            while let i = rest.firstIndex(of: "--agenda") {
                guard i + 1 < rest.count else { return fail("--agenda needs KIND:TITLE[:TEXT].\n\n\(usage)", code: ExitCode.usage) }
                let parts = rest[i + 1].split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                let kinds: [String: AgendaItemKind] = ["follow-up": .followUpReport, "charter-change": .charterChange, "recommendation": .jointRecommendation]
                guard parts.count >= 2, let kind = kinds[parts[0]] else {
                    return fail("--agenda '\(rest[i + 1])': give KIND:TITLE[:TEXT] with KIND follow-up, charter-change or recommendation", code: ExitCode.usage)
                }
                agenda.append(AgendaItem(kind: kind, title: parts[1], text: parts.count > 2 ? parts[2] : ""))
                rest.removeSubrange(i...(i + 1))
            }
            let valued = ["--alliance", "--id", "--date", "--host", "--attendees", "--minutes", "--minutes-file", "--next-host", "--topic", "--participants"]
            guard case .success(let p) = AdminCommand.parse(rest, valued: valued, flags: [], usage: usage) else { return exit(rest, valued, usage) }
            guard let alliance = p.values["alliance"], let id = p.values["id"], let date = p.values["date"], let host = p.values["host"],
                  let attendees = p.values["attendees"] else {
                return fail("meeting add needs --alliance, --id, --date, --host and --attendees.\n\n\(usage)", code: ExitCode.usage)
            }
            var minutes = p.values["minutes"] ?? ""
            if let file = p.values["minutes-file"] {
                guard let t = DraftCommand.readText(file) else { return ExitCode.usage }
                minutes = t
            }
            guard let participants = UInt32(p.values["participants"] ?? "0") else { return fail("--participants must be a number", code: ExitCode.usage) }
            let activity = JointActivity(allianceId: alliance, id: id, kind: .meeting, date: date, hosts: [host], attendees: list(attendees),
                                         topic: p.values["topic"] ?? "", agenda: agenda, minutes: minutes, nextHost: p.values["next-host"] ?? "",
                                         participants: participants)
            return report(addActivity(socket: p.socket, activity), json: p.json, "joint meeting \(id) recorded")
        case "list":
            return runList(Array(args.dropFirst()), "meetings", valued: ["--alliance"], usage: usage) { r in
                let agenda = (r["agenda"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? ""): \($0["title"] ?? "")" }
                return "\(r["date"] ?? "")  \(r["id"] ?? "")  host \(r["host"] ?? "")  attendees \((r["attendees"] as? [String] ?? []).joined(separator: ","))  next host \(r["next_host"] as? String ?? "-")\n    agenda: \(agenda.joined(separator: "; "))"
            }
        default:
            return helpOrUsage(args, usage)
        }
    }

    static func research(_ args: [String]) -> Int32 {
        let usage = researchUsage
        switch args.first {
        case "add":
            let rest = Array(args.dropFirst())
            let valued = ["--alliance", "--id", "--kind", "--topic", "--date", "--end", "--hosts", "--bodies", "--participants", "--findings", "--findings-file"]
            guard case .success(let p) = AdminCommand.parse(rest, valued: valued, flags: [], usage: usage) else { return exit(rest, valued, usage) }
            guard let alliance = p.values["alliance"], let id = p.values["id"], let topic = p.values["topic"], let date = p.values["date"],
                  let hosts = p.values["hosts"] else {
                return fail("research add needs --alliance, --id, --topic, --date and --hosts.\n\n\(usage)", code: ExitCode.usage)
            }
            let kind: JointActivityKind
            switch p.values["kind"] ?? "research" {
            case "research": kind = .research
            case "inspection": kind = .inspection
            case let other: return fail("--kind \(other): use research or inspection", code: ExitCode.usage)
            }
            var findings = p.values["findings"] ?? ""
            if let file = p.values["findings-file"] {
                guard let t = DraftCommand.readText(file) else { return ExitCode.usage }
                findings = t
            }
            guard let participants = UInt32(p.values["participants"] ?? "0") else { return fail("--participants must be a number", code: ExitCode.usage) }
            let activity = JointActivity(allianceId: alliance, id: id, kind: kind, date: date, endDate: p.values["end"] ?? "", hosts: list(hosts),
                                         attendees: list(p.values["bodies"] ?? hosts), topic: topic, findings: findings, participants: participants)
            return report(addActivity(socket: p.socket, activity), json: p.json, "joint \(kind == .research ? "research" : "inspection") \(id) recorded")
        case "list":
            return runList(Array(args.dropFirst()), "joint_research", valued: ["--alliance", "--kind"], usage: usage) { r in
                "\(r["date"] ?? "")\((r["end_date"] as? String).flatMap { $0.isEmpty ? nil : "–" + $0 } ?? "")  \(r["kind"] ?? "")  \(r["id"] ?? "")  \(r["topic"] ?? "")  hosts \((r["hosts"] as? [String] ?? []).joined(separator: ","))"
            }
        default:
            return helpOrUsage(args, usage)
        }
    }

    static func charter(_ args: [String]) -> Int32 {
        let usage = charterUsage
        switch args.first {
        case "add":
            let rest = Array(args.dropFirst())
            let valued = ["--alliance", "--version", "--members", "--effective", "--name", "--file"]
            guard case .success(let p) = AdminCommand.parse(rest, valued: valued, flags: [], usage: usage) else { return exit(rest, valued, usage) }
            guard let alliance = p.values["alliance"], let v = p.values["version"], let version = UInt32(v), let members = p.values["members"],
                  let effective = p.values["effective"] else {
                return fail("charter add needs --alliance, --version N, --members and --effective.\n\n\(usage)", code: ExitCode.usage)
            }
            var text = ""
            if let file = p.values["file"] {
                guard let t = DraftCommand.readText(file) else { return ExitCode.usage }
                text = t
            }
            let charter = AllianceCharter(allianceId: alliance, version: version, name: p.values["name"] ?? "", members: list(members),
                                          text: text, effective: effective)
            return report(addCharter(socket: p.socket, charter), json: p.json, "charter v\(version) of \(alliance) recorded")
        case "list":
            return runList(Array(args.dropFirst()), "charters", valued: ["--alliance"], usage: usage) { r in
                "\(r["alliance"] ?? "") v\(r["version"] ?? "")  effective \(r["effective"] ?? "")  \(r["name"] ?? "")  members \((r["members"] as? [String] ?? []).joined(separator: ","))"
            }
        default:
            return helpOrUsage(args, usage)
        }
    }

    // MARK: Helpers

    static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func exit(_ args: [String], _ valued: [String], _ usage: String) -> Int32 {
        if case .failure(let e) = AdminCommand.parse(args, valued: valued, flags: [], usage: usage) { return e.code }
        return ExitCode.usage
    }

    static func helpOrUsage(_ args: [String], _ usage: String) -> Int32 {
        if args.first == "--help" || args.first == "-h" { print(usage); return ExitCode.done }
        return fail(args.first.map { "unknown subcommand '\($0)'; use add or list.\n\n\(usage)" } ?? "give a subcommand: add or list.\n\n\(usage)",
                    code: ExitCode.usage)
    }

    static func report(_ result: Result<SubmitResponse, AdminCommand.Exit>, json: Bool, _ done: String) -> Int32 {
        switch result {
        case .failure(let e): return e.code
        case .success(let r):
            print(json ? r.jsonString() : "\(done) (event seq \(r.seq))")
            return ExitCode.done
        }
    }

    static func runList(_ args: [String], _ type: String, valued: [String], usage: String, line: ([String: Any]) -> String) -> Int32 {
        guard case .success(let p) = AdminCommand.parse(args, valued: valued, flags: [], usage: usage) else { return exit(args, valued, usage) }
        switch list(socket: p.socket, type, filter: p.values) {
        case .failure(let e): return e.code
        case .success(let rows):
            for r in rows { print(p.json ? json(r) : DisplayText.escaped(line(r))) }
            if rows.isEmpty && !p.json { print("none recorded") }
            return ExitCode.done
        }
    }
}
