import Foundation
import XieshangDomain
import XieshangNode

/// `xieshang member add|import|list|ledger|ranking|awards|attendance`: the body's members 委员 (id, name, 界别, 届, roles,
/// special invited 特邀), each one's duty ledger 履职档案 with the four yearly minimums ("四个一"), the year's ranking
/// 履职排名 and outstanding members 优秀委员 by the policy, and attendance at meetings with leave 请假 (the "meetings" category).
enum MemberCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "member", summary: "members 委员: add one, import a CSV, list with duty scores", commands: [
        (Spec(name: "member add", summary: "records a member of this body (or changes one: the latest record wins)",
              valued: ["id", "name", "sector", "term", "roles", "date"], flags: ["invited", "inactive"], required: ["id", "name", "sector"],
              example: "xieshang member add --id M001 --name 张明 --sector 经济界 --term 5 --roles 常委 --date 2026-01-05"), add),
        (Spec(name: "member import", summary: "records every member of a CSV file (编号,姓名,界别,届次,职务,特邀); all or none",
              positionals: ["FILE"], valued: ["date"],
              details: "  UTF-8 (with or without BOM); 职务 lists roles separated by 、; 特邀 is 是 for special invited members",
              example: "xieshang member import members.csv --date 2026-01-05"), importFile),
        (Spec(name: "member list", summary: "this body's members with their duty score for the year",
              valued: ["year"], example: "xieshang member list --year 2026"), list),
        (Spec(name: "member ledger", summary: "one member's duty ledger 履职档案 for the year: each entry with its points and the record it cites",
              positionals: ["ID"], valued: ["year"],
              details: "  points are shown with one decimal; a category's positive points are capped by the policy, penalties never",
              example: "xieshang member ledger M001 --year 2026"), ledger),
        (Spec(name: "member ranking", summary: "this body's members ranked by their duty total for the year 履职排名 (equal totals share a rank: 1, 1, 3)",
              valued: ["year"], example: "xieshang member ranking --year 2026"), ranking),
        (Spec(name: "member awards", summary: "who qualifies as 优秀委员 by the policy and why, and who is to be talked to 约谈",
              valued: ["year"],
              details: """
                  优秀委员 (policy duty.award_min_tenths, duty.award_top_percent): a total at least the award line, every "四个一"
                  minimum met, not below the talk line, and a rank within the places = round half up of percent × members / 100
                  (members tied at the last place all qualify)
                """,
              example: "xieshang member awards --year 2026"), awards),
        (Spec(name: "member attendance", summary: "records who attended a meeting (出席), who was on approved leave (请假) and who was absent without leave (无故缺席)",
              valued: ["meeting", "present", "leave", "absent", "date"], required: ["meeting"],
              details: """
                  --present, --leave, --absent: member ids separated by commas; one record per member and meeting, all or none
                  points in the duty "meetings" category (policy defaults: attended +2, leave 0, absent without leave −30)
                """,
              example: "xieshang member attendance --meeting 2026-常委会-1 --present M001,M002 --leave M003 --absent M004 --date 2026-03-18"), attendance),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func add(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let client = NodeClient(inv)
        let body = try client.status().nodeId
        let m = MemberRecorded(memberID: try inv.required("id"), name: try inv.required("name"), sector: try inv.required("sector"),
                               body: body, term: try inv.int("term", default: 1), roles: inv.list("roles"),
                               active: !inv.flags.contains("inactive"), invited: inv.flags.contains("invited"), effective: try inv.day())
        return Recorded.print(inv, try client.submit(.member(m), actor: "office"), zh: "委员 \(m.memberID) \(m.name)", en: "member \(m.memberID) \(m.name)")
    }

    /// Members from CSV rows; every bad row is reported.
    static func members(csv bytes: [UInt8], body: String, on day: Day) throws(Invocation.Exit) -> [MemberRecorded] {
        let table: CSVTable
        do { table = try CSVTable(bytes: bytes) } catch { throw Invocation.Exit(code: fail("the file is not CSV: \(error)", code: ExitCode.refused)) }
        guard let header = table.rows.first else { throw Invocation.Exit(code: fail("the file is empty", code: ExitCode.refused)) }
        func column(_ names: [String]) -> Int? { header.fields.firstIndex { names.contains($0.trimmingCharacters(in: .whitespaces)) } }
        guard let id = column(["编号", "委员编号", "id"]), let name = column(["姓名", "name"]), let sector = column(["界别", "sector"]) else {
            throw Invocation.Exit(code: fail("[import.header] the header needs 编号, 姓名 and 界别 (表头须有 编号、姓名、界别); it has \(header.fields.joined(separator: ","))", code: ExitCode.refused))
        }
        let term = column(["届次", "届", "term"]), roles = column(["职务", "roles"]), invited = column(["特邀", "invited"])
        var out: [MemberRecorded] = [], problems: [String] = []
        for row in table.rows.dropFirst() {
            func v(_ i: Int?) -> String { i.flatMap { $0 < row.fields.count ? row.fields[$0].trimmingCharacters(in: .whitespaces) : nil } ?? "" }
            if v(id).isEmpty || v(name).isEmpty { problems.append("line \(row.line): 编号和姓名不能为空 / id and name are required"); continue }
            let t = v(term).isEmpty ? 1 : Int(v(term).filter(\.isNumber)) ?? 0
            if t <= 0 { problems.append("line \(row.line): 届次“\(v(term))”不是正整数 / term is not a positive number"); continue }
            out.append(MemberRecorded(memberID: v(id), name: v(name), sector: v(sector), body: body, term: t,
                                      roles: v(roles).split(whereSeparator: { "、,，;；".contains($0) }).map(String.init),
                                      invited: ["是", "yes", "true", "1"].contains(v(invited)), effective: day))
        }
        if !problems.isEmpty {
            throw Invocation.Exit(code: fail("[import.rows] \(problems.count) rows are bad; nothing was imported\n  " + problems.joined(separator: "\n  "), code: ExitCode.refused))
        }
        return out
    }

    static func importFile(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let path = inv.positional(0)
        guard let data = FileManager.default.contents(atPath: path) else {
            return fail("cannot read \(path); give the path of a CSV file", code: ExitCode.usage)
        }
        let client = NodeClient(inv)
        let list = try members(csv: Array(data), body: try client.status().nodeId, on: try inv.day())
        guard let first = list.first else { return fail("[import.empty] \(path) has no member rows", code: ExitCode.refused) }
        Progress.show(inv.text("导入委员", "importing members"), 0, list.count)
        let r = try client.submit(.member(first), batch: list.dropFirst().map { .member($0) }, actor: "office")
        Progress.show(inv.text("导入委员", "importing members"), list.count, list.count)
        return Recorded.print(inv, r, zh: "导入委员 \(list.count) 名", en: "\(list.count) members imported")
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        RecordTable.print(try NodeClient(inv).query("members", filter: try yearFilter(inv)), type: "members",
                          columns: ["id", "name", "sector", "active", "duty_total_tenths", "minimums_missed", "needs_talk", "resignation_recommended"], inv)
        return ExitCode.done
    }
}

extension MemberCommand {
    /// Points in tenths as text with one decimal ("7.5", "-30.0").
    static func points(_ tenths: Any?) -> String {
        guard let t = (tenths as? NSNumber)?.intValue else { return "—" }
        return "\(t < 0 ? "-" : "")\(t.magnitude / 10).\(t.magnitude % 10)"
    }

    static func attendance(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let meeting = try inv.required("meeting"), day = try inv.day()
        let marks: [(String, DutyEvent.Attendance)] = inv.list("present").map { ($0, .present) } + inv.list("leave").map { ($0, .excused) }
            + inv.list("absent").map { ($0, .unexcused) }
        guard !marks.isEmpty else { throw inv.usage("give at least one member with --present, --leave or --absent.") }
        let ids = marks.map(\.0)
        guard Set(ids).count == ids.count else { throw inv.usage("a member appears once, under one of --present, --leave, --absent.") }
        let events = marks.map { DomainEvent.duty(DutyEvent($0.0, on: day, .attendance(meetingID: meeting, $0.1))) }
        let r = try NodeClient(inv).submit(events[0], batch: Array(events.dropFirst()), actor: "office")
        let count = { (a: DutyEvent.Attendance) in marks.filter { $0.1 == a }.count }
        return Recorded.print(inv, r, zh: "会议 \(meeting) 出席 \(count(.present)) 人、请假 \(count(.excused)) 人、无故缺席 \(count(.unexcused)) 人",
                              en: "meeting \(meeting): \(count(.present)) attended, \(count(.excused)) on leave, \(count(.unexcused)) absent")
    }

    /// The `--year` filter of the duty commands: a year 1900…9999 (the node's default year when not given).
    static func yearFilter(_ inv: Invocation) throws(Invocation.Exit) -> [String: String] {
        guard let text = inv.value("year") else { return [:] }
        guard let y = Int(text), (1900...9999).contains(y) else { throw inv.usage("--year takes a year like 2026 (年度), not '\(text)'.") }
        return ["year": String(y)]
    }

    /// The four yearly minimums ("四个一") of a duty row as one line: 提案 1/1 ✓ …
    static func minimumsLine(_ row: [String: Any], _ inv: Invocation) -> String {
        let list = (row["minimums"] as? [[String: Any]]) ?? []
        return inv.text("四个一：", "four minimums: ") + list.map { m in
            let met = (m["met"] as? Bool) ?? false
            return "\(inv.label("dutyCategory." + ((m["category"] as? String) ?? ""))) \(m["count"] ?? 0)/\(m["required"] ?? 0) "
                + (met ? inv.text("已完成", "met") : inv.text("未完成", "missed"))
        }.joined(separator: "  ")
    }

    static func ledger(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let d = try NodeClient(inv).query("duty", filter: try yearFilter(inv), id: inv.positional(0)).first else {
            return fail("no duty ledger for \(inv.positional(0))", code: ExitCode.refused)
        }
        if inv.json { RecordTable.print([d], type: "duty", columns: [], inv); return ExitCode.done }
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }  // names are data (DisplayText)
        print("\(inv.text("履职档案", "duty ledger"))  \(d["member"] ?? "") \(d["name"] ?? "")  \(d["year"] ?? "")\(inv.text("年度", ""))")
        for e in (d["entries"] as? [[String: Any]]) ?? [] {
            let rule = (e["rule"] as? String) ?? ""
            // An activity at a body below (joined as a guest) names the body where it happened.
            let at = (e["at"] as? String).flatMap { $0 == d["body"] as? String ? nil : $0 }
            print("  \(e["on"] ?? "")  \(RecordTable.pad(inv.label("dutyCategory." + ((e["category"] as? String) ?? "")), 14))  \(RecordTable.pad(points(e["tenths"]), 6))  \(RecordTable.pad(inv.label(rule), 20))  \(e["source"] ?? "")"
                  + (at.map { "  " + inv.text("活动地：", "at ") + $0 } ?? ""))
        }
        let categories = (d["categories"] as? [String: Any]) ?? [:]
        print(DutyCategory.allCases.map { "\(inv.label("dutyCategory." + $0.rawValue))：\(points(categories[$0.rawValue]))" }.joined(separator: "  "))
        print("\(inv.text("合计", "total"))：\(points(d["total_tenths"]))"
              + (((d["needs_talk"] as? Bool) ?? false) ? "  \(inv.label("duty.talk"))" : "")
              + (((d["resignation_recommended"] as? Bool) ?? false) ? "  \(inv.label("duty.resignation"))" : ""))
        print(minimumsLine(d, inv))
        return ExitCode.done
    }

    static func ranking(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let rows = try NodeClient(inv).query("duty_ranking", filter: try yearFilter(inv))
        if inv.json { RecordTable.print(rows, type: "duty_ranking", columns: [], inv); return ExitCode.done }
        if let first = rows.first {
            print(inv.text("\(first["year"] ?? "") 年度委员履职排名（\(rows.count) 名，总分相同者名次并列）",
                           "duty ranking \(first["year"] ?? "") (\(rows.count) members; equal totals share a rank)"))
        }
        RecordTable.print(rows.map { r in r.merging(["total": points(r["total_tenths"])]) { a, _ in a } }, type: "duty_ranking",
                          columns: ["rank", "member", "name", "sector", "total", "minimums_missed", "needs_talk", "award"], inv)
        return ExitCode.done
    }

    static func awards(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let rows = try NodeClient(inv).query("duty_ranking", filter: try yearFilter(inv))
        let awarded = rows.filter { ($0["award"] as? Bool) ?? false }, talks = rows.filter { ($0["needs_talk"] as? Bool) ?? false }
        if inv.json {  // the members awarded or to be talked to, by rank
            RecordTable.print(rows.filter { (($0["award"] as? Bool) ?? false) || (($0["needs_talk"] as? Bool) ?? false) },
                              type: "duty_ranking", columns: [], inv)
            return ExitCode.done
        }
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }  // names are data (DisplayText)
        let rule = rows.first ?? [:]
        let places = (rule["places"] as? NSNumber)?.intValue ?? 0
        print(inv.text("优秀委员：总分不低于 \(points(rule["award_min_tenths"])) 分，“四个一”全部完成，不低于约谈线，名次在前 \(rule["award_top_percent"] ?? 0)%（\(rows.count) 名委员，名额 \(places) 名，名次并列者同列）",
                       "outstanding members: total at least \(points(rule["award_min_tenths"])), every minimum met, not below the talk line, ranked within the top \(rule["award_top_percent"] ?? 0)% (\(rows.count) members, \(places) places, ties at the last place all qualify)"))
        for r in awarded {
            print("  \(inv.text("第", "#"))\(r["rank"] ?? "")\(inv.text("名", ""))  \(r["member"] ?? "") \(r["name"] ?? "")  \(points(r["total_tenths"]))\(inv.text(" 分", ""))  "
                  + minimumsLine(r, inv))
        }
        if awarded.isEmpty { print(inv.text("  无人符合", "  nobody qualifies")) }
        // Within the places but not awarded: say why, so the office can explain it.
        for r in rows where !((r["award"] as? Bool) ?? false) && ((r["rank"] as? NSNumber)?.intValue ?? Int.max) <= places {
            let why = ((r["not_awarded"] as? [String]) ?? []).map(inv.label).joined(separator: "、")
            print("  \(inv.text("名额内未评上", "within the places, not awarded"))：\(r["member"] ?? "") \(r["name"] ?? "")  \(points(r["total_tenths"]))  \(why)")
        }
        print(inv.text("须约谈（低于约谈线）：\(talks.count) 名", "to be talked to (below the talk line): \(talks.count)"))
        for r in talks {
            print("  \(r["member"] ?? "") \(r["name"] ?? "")  \(points(r["total_tenths"]))"
                  + (((r["resignation_recommended"] as? Bool) ?? false) ? "  \(inv.label("duty.resignation"))" : ""))
        }
        return ExitCode.done
    }
}

/// Progress on a terminal for long operations (imports, reports over many bodies); silent when not a TTY.
enum Progress {
    static func show(_ what: String, _ done: Int, _ total: Int) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data("\r\(what): \(done)/\(total)\(done >= total ? "\n" : "")".utf8))
    }
}
