import Foundation
import XieshangNode
import XieshangDomain
import XieshangReport
import struct XieshangWire.SubmitResponse

/// `xieshang proposal …`: a proposal 提案 through its whole life at a county or city body — submit, co-sign 附议,
/// withdraw 撤回, review 审查立案 (or not registered, with conversion to an opinion report), key 重点提案, assign 交办, object 异议, extend 延期, reply 答复, evaluate 测评, rehandle 退回重办, close 办结 — and
/// show/list.
enum ProposalCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "proposal", summary: "proposals 提案: submit, import, cosign, review, key, instruct, supervise, assign, reply, evaluate, appraise, close, units, list", commands: [
        (Spec(name: "proposal submit", summary: "a member submits a proposal (提交提案)",
              valued: ["id", "title", "text", "by", "kind", "cosigners", "cosign-deadline", "collective", "from-body", "channel", "date"],
              required: ["id", "title", "text", "by"],
              details: """
                  --kind individual (default), joint (needs --cosigners), collective (needs --collective), lower (needs --from-body)
                  a joint proposal's co-signers confirm with `xieshang proposal cosign` by --cosign-deadline (default: the policy's window)
                  --channel web (网上, default: the proposer enters it), paper (纸质), session (大会期间), chat (微信/QQ群):
                  any channel but web is entered by the office on the proposer's behalf
                """,
              example: "xieshang proposal submit --id TA-2026-002 --title 关于加快茶产业发展的建议 --text 建议… --by M001 --kind joint --cosigners M002,M003 --date 2026-01-10"), submit),
        (Spec(name: "proposal cosign", summary: "an invited co-signer confirms a joint proposal (附议确认) by the co-signing deadline",
              positionals: ["ID"], valued: ["by", "date"], required: ["by"],
              details: "  only a member named in --cosigners confirms, once, on or before the deadline; an unconfirmed co-signer is dropped (no rating, no duty points)",
              example: "xieshang proposal cosign TA-2026-002 --by M002 --date 2026-01-12"), cosign),
        (Spec(name: "proposal withdraw", summary: "the first proposer withdraws the proposal before review (撤回)",
              positionals: ["ID"], valued: ["by", "reason", "date"], required: ["by"],
              details: "  only the first proposer, only while the proposal is submitted and not yet reviewed; a withdrawn proposal scores nothing",
              example: "xieshang proposal withdraw TA-2026-003 --by M001 --reason 与已立案提案重复 --date 2026-01-12"), withdraw),
        (Spec(name: "proposal review", summary: "the proposals committee reviews: register (立案), reject (不予立案) or merge (并案)",
              positionals: ["ID"], valued: ["register", "reject", "notice", "convert-to", "consent-by", "merge-into", "date"],
              details: """
                  exactly one of --register NUMBER, --reject REASON_CODE (with --notice TEXT), --merge-into PROPOSAL_ID
                  a rejected proposal becomes an opinion report (转为社情民意信息) with --convert-to REPORT_ID --consent-by MEMBER:
                  the first proposer's recorded consent; the report is not scored again
                """,
              example: "xieshang proposal review TA-2026-001 --register 2026-001 --date 2026-01-20"), review),
        (Spec(name: "proposal key", summary: "the committee makes a registered proposal a key proposal (重点提案) with its supervising leader (领衔督办)",
              positionals: ["ID"], valued: ["supervisor", "date"], required: ["supervisor"],
              details: "  only a registered proposal not yet closed; `xieshang proposal list --key` lists the key proposals",
              example: "xieshang proposal key TA-2026-001 --supervisor 市政协主席张某 --date 2026-01-25"), key),
        (Spec(name: "proposal instruct", summary: "records a leader's instruction on a proposal (领导批示); the proposers see it on their proposal",
              positionals: ["ID"], valued: ["leader", "level", "text", "date"], required: ["leader", "level", "text"],
              details: "  --level county, city, province or national; only a registered proposal not yet closed",
              example: "xieshang proposal instruct TA-2026-001 --leader 市委书记王某 --level city --text 请市农业农村局牵头办理，按季度报告进展 --date 2026-02-10"), instruct),
        (Spec(name: "proposal supervise", summary: "records the supervision of a key proposal (督办): progress or result, fed back to the proposers",
              positionals: ["ID"], valued: ["outcome", "note", "date"], required: ["outcome", "note"],
              details: """
                  --outcome progress (督办进展), implemented (已落实), partly (部分落实), not (未落实)
                  only a key proposal (xieshang proposal key); a result other than progress once the units replied.
                  The key proposals implemented count in the figures (重点提案落实 n of m)
                """,
              example: "xieshang proposal supervise TA-2026-001 --outcome implemented --note 项目已建成投用 --date 2026-06-20"), supervise),
        (Spec(name: "proposal import", summary: "records a session's proposals from a CSV file (提案批量导入): every row checked first, all or none",
              positionals: ["FILE"], valued: ["date"],
              details: """
                  columns (Chinese headers, any order): 编号, 案由, 正文, 第一提案人 (member id), 提交日期; optional 类型 (个人, 联名,
                  集体, 下级), 附议人 (ids separated by 、), 提出单位, 来源组织, 渠道 (纸质, 大会期间 — the default —, 微信/QQ群).
                  A bad row is named by its line and column and nothing is recorded; the office enters them (not 网上).
                """,
              example: "xieshang proposal import Tests/XieshangNodeTests/Fixtures/proposals-445.csv"), importFile),
        (Spec(name: "proposal units", summary: "the handling table of the units (承办单位办理情况): assigned, on time, overdue, classes, satisfaction",
              valued: ["period", "as-of"], flags: ["csv"],
              details: """
                  --period 2026 (default this year), 2026-Q2, 2026-H1 …; --as-of DAY: replies overdue on that day (default today)
                  --csv: the table as CSV (UTF-8 with BOM, for Excel) on standard output, for the units' performance reviews
                """,
              example: "xieshang proposal units --period 2026 --csv > 承办单位办理情况.csv"), units),
        (Spec(name: "proposal assign", summary: "the committee assigns handling units (交办); after an objection it reassigns",
              positionals: ["ID"], valued: ["lead", "co", "split", "due", "date"],
              details: "  --lead UNIT [--co UNIT,UNIT] (one lead unit 主办 with co-handling units 会办) or --split UNIT,UNIT (分办)",
              example: "xieshang proposal assign TA-2026-001 --lead 市农业农村局 --co 市财政局 --date 2026-02-01"), assign),
        (Spec(name: "proposal object", summary: "a handling unit objects to its assignment within the window (异议)",
              positionals: ["ID"], valued: ["unit", "reason", "date"], required: ["unit", "reason"],
              example: "xieshang proposal object TA-2026-001 --unit 市财政局 --reason 不属于本单位职责 --date 2026-02-05"), object),
        (Spec(name: "proposal extend", summary: "the committee extends the reply deadline (延期)",
              positionals: ["ID"], valued: ["due", "reason", "date"], required: ["due", "reason"],
              example: "xieshang proposal extend TA-2026-001 --due 2026-06-30 --reason 需跨部门协调 --date 2026-04-20"), extend),
        (Spec(name: "proposal reply", summary: "a unit replies (答复, class A/B/C); with --opinion a co-handling unit gives its opinion (会办意见)",
              positionals: ["ID"], valued: ["unit", "class", "text", "date"], flags: ["opinion"], required: ["unit", "text"],
              example: "xieshang proposal reply TA-2026-001 --unit 市农业农村局 --class A --text 已列入年度计划并落实 --date 2026-04-01"), reply),
        (Spec(name: "proposal evaluate", summary: "a proposer rates the reply (测评: satisfied 满意, basic 基本满意, unsatisfied 不满意)",
              positionals: ["ID"], valued: ["by", "rating", "comment", "date"], required: ["by", "rating"],
              example: "xieshang proposal evaluate TA-2026-001 --by M001 --rating satisfied --date 2026-04-10"), evaluate),
        (Spec(name: "proposal rehandle", summary: "the committee returns the proposal for re-handling (退回重办), a new round",
              positionals: ["ID"], valued: ["reason", "due", "date"], flags: ["appraisal"], required: ["reason"],
              example: "xieshang proposal rehandle TA-2026-001 --reason 提案人不满意 --date 2026-04-15"), rehandle),
        (Spec(name: "proposal appraise", summary: "the committee records a proposal's quarterly appraisal votes (季度测评, 逐个提案测评)",
              positionals: ["ID"], valued: ["quarter", "satisfied", "basic", "unsatisfied", "date"], required: ["quarter"],
              details: """
                  --satisfied N (满意) --basic N (基本满意) --unsatisfied N (不满意): the votes at the standing-committee meeting
                  below the policy's threshold (default 80%, compared unrounded) the reply is returned for re-handling at once,
                  and each unit that replied gives a written explanation (xieshang proposal explain) before replying again
                """,
              example: "xieshang proposal appraise TA-2026-001 --quarter 2026-Q2 --satisfied 20 --basic 6 --unsatisfied 9 --date 2026-06-28"), appraise),
        (Spec(name: "proposal explain", summary: "a unit whose reply the appraisal returned gives its written explanation (书面说明)",
              positionals: ["ID"], valued: ["unit", "text", "date"], required: ["unit", "text"],
              example: "xieshang proposal explain TA-2026-001 --unit 市农业农村局 --text 资金未及时到位，已制定整改计划 --date 2026-07-05"), explain),
        (Spec(name: "proposal appraisal", summary: "the proposals rated at a quarter's appraisal, with votes, rate and explanations",
              valued: ["quarter"], flags: ["below"], required: ["quarter"],
              details: "  --below: only the proposals rated below the threshold (returned for re-handling)",
              example: "xieshang proposal appraisal --quarter 2026-Q2 --below"), appraisal),
        (Spec(name: "proposal close", summary: "the committee closes the proposal (办结)",
              positionals: ["ID"], valued: ["note", "date"],
              example: "xieshang proposal close TA-2026-001 --date 2026-05-01"), close),
        (Spec(name: "proposal show", summary: "one proposal with co-signers, replies and evaluations",
              positionals: ["ID"], example: "xieshang proposal show TA-2026-001"), show),
        (Spec(name: "proposal list", summary: "the body's proposals (optionally one --status; --key: only key proposals 重点提案)",
              valued: ["status"], flags: ["key"], example: "xieshang proposal list --status assigned"), list),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func record(_ inv: Invocation, _ id: String, _ step: ProposalEvent.Step, actor: String, zh: String, en: String) throws(Invocation.Exit) -> Int32 {
        let event = DomainEvent.proposal(ProposalEvent(id, on: try inv.day(), step))
        return Recorded.print(inv, try NodeClient(inv).submit(event, actor: actor), zh: "提案 \(id) \(zh)", en: "proposal \(id) \(en)")
    }

    static func submit(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let kind: ProposalEvent.Kind
        switch inv.value("kind") ?? "individual" {
        case "individual": kind = .individual
        case "joint": kind = .joint
        case "collective": kind = .collective
        case "lower", "fromLowerBody": kind = .fromLowerBody
        case let other: throw inv.usage("--kind takes individual, joint, collective or lower, not '\(other)'.")
        }
        let by = try inv.required("by"), id = try inv.required("id")
        let channel = try channel(inv)
        let s = ProposalEvent.Submission(title: try inv.required("title"), text: try inv.required("text"), kind: kind, firstProposer: by,
                                         cosigners: inv.list("cosigners"), cosignDeadline: try inv.optionalDay("cosign-deadline"),
                                         collectiveName: inv.value("collective") ?? "",
                                         fromBody: inv.value("from-body") ?? "", channel: channel)
        return try record(inv, id, .submitted(s), actor: channel.enteredByOffice ? "office" : "member:" + by,
                          zh: channel.enteredByOffice ? "已提交（\(inv.label("channel." + channel.rawValue))，办公室代为录入）" : "已提交",
                          en: channel.enteredByOffice ? "submitted (\(channel.rawValue), entered by the office)" : "submitted")
    }

    /// The `--channel` of a submission (default web).
    static func channel(_ inv: Invocation) throws(Invocation.Exit) -> IntakeChannel {
        guard let word = inv.value("channel") else { return .web }
        guard let channel = IntakeChannel(word: word) else {
            throw inv.usage("--channel takes web, paper, session or chat, not '\(word)'.")
        }
        return channel
    }

    static func instruct(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let level = try inv.required("level")
        guard ["county", "city", "province", "national"].contains(level) else {
            throw inv.usage("--level takes county, city, province or national, not '\(level)'.")
        }
        let leader = try inv.required("leader")
        return try record(inv, inv.positional(0), .instructed(.init(leaderLevel: level, leader: leader, text: try inv.required("text"))),
                          actor: "committee", zh: "已登记 \(leader) 的批示", en: "instruction of \(leader) recorded")
    }

    static func supervise(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let outcome: ProposalEvent.SupervisionOutcome
        switch try inv.required("outcome") {
        case "progress", "inProgress", "督办进展": outcome = .inProgress
        case "implemented", "已落实", "落实": outcome = .implemented
        case "partly", "partlyImplemented", "部分落实": outcome = .partlyImplemented
        case "not", "notImplemented", "未落实": outcome = .notImplemented
        case let other: throw inv.usage("--outcome takes progress, implemented, partly or not, not '\(other)'.")
        }
        return try record(inv, inv.positional(0), .supervised(outcome: outcome, note: try inv.required("note")), actor: "committee",
                          zh: "督办：\(inv.label("supervision." + outcome.rawValue))", en: "supervision: \(outcome.rawValue)")
    }

    static func importFile(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let path = inv.positional(0)
        guard !path.isEmpty, let data = FileManager.default.contents(atPath: path) else {
            throw inv.usage("cannot read '\(path)'; give the path of a CSV file.")
        }
        let rows: [ProposalImport.Row]
        do { rows = try ProposalImport.rows(csv: Array(data)) } catch {
            return fail("\(path): \(error)", code: ExitCode.refused)
        }
        let events = rows.map { DomainEvent.proposal($0.event) }
        Progress.show(inv.text("导入提案", "importing proposals"), 0, events.count)
        let response: SubmitResponse
        do throws(Invocation.Exit) {
            // One Submit: the node checks every row against the body's rules, each after the rows before it, names every
            // refused one ("command N of M" is the file's N-th proposal row) and records all of them in one transaction.
            response = try NodeClient(inv).submit(events[0], batch: Array(events.dropFirst()), actor: "office")
        } catch {
            _ = fail(inv.text("\(path)：“command N of \(events.count)”即文件第 N 个提案行；未导入任何提案",
                              "\(path): \"command N of \(events.count)\" is the file's N-th proposal row; nothing was imported"), code: ExitCode.refused)
            throw error
        }
        Progress.show(inv.text("导入提案", "importing proposals"), events.count, events.count)
        return Recorded.print(inv, response, zh: "已导入提案 \(events.count) 件", en: "\(events.count) proposals imported")
    }

    static func units(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter: [String: String] = [:]
        if let period = inv.value("period") { filter["period"] = period }
        if inv.value("as-of") != nil { filter["as_of"] = try inv.day("as-of", defaultToday: false).description }
        let rows = try NodeClient(inv).query("units", filter: filter)
        let classes = Set(rows.flatMap { $0.keys.filter { $0.hasPrefix("class_") } }).sorted()
        let columns = ["unit", "assigned", "replying", "replied_on_time", "replied_late", "overdue", "on_time_rate"] + classes
            + ["satisfied", "basically_satisfied", "unsatisfied", "satisfaction_rate"]
        if inv.flags.contains("csv") {
            let cells = rows.map { r in columns.map { c in r[c].map { "\($0)" } ?? "" } }
            FileHandle.standardOutput.write(Data(CSVWriter.bytes(header: columns.map(inv.label), rows: cells)))
            return ExitCode.done
        }
        RecordTable.print(rows, type: "units", columns: inv.json ? [] : columns, inv)
        return ExitCode.done
    }

    static func cosign(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let by = try inv.required("by")
        return try record(inv, inv.positional(0), .cosignerConfirmed(member: by), actor: "member:" + by,
                          zh: "附议人 \(by) 已确认附议", en: "co-signed by \(by)")
    }

    static func review(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let chosen = ["register", "reject", "merge-into"].filter { inv.value($0) != nil }
        guard chosen.count == 1 else { throw inv.usage("give exactly one of --register, --reject, --merge-into.") }
        if let number = inv.value("register") { return try record(inv, id, .reviewed(.registered(number: number)), actor: "committee", zh: "已立案", en: "registered") }
        if let into = inv.value("merge-into") { return try record(inv, id, .reviewed(.merged(into: into)), actor: "committee", zh: "已并入 \(into)", en: "merged into \(into)") }
        let notice = try inv.required("notice")
        var conversion: ProposalEvent.Conversion?
        if let report = inv.value("convert-to") {
            guard let consent = inv.value("consent-by") else {
                throw inv.usage("--convert-to needs --consent-by MEMBER: the first proposer's recorded consent (提案人同意).")
            }
            conversion = ProposalEvent.Conversion(reportID: report, consentBy: consent)
        } else if inv.value("consent-by") != nil {
            throw inv.usage("--consent-by goes with --convert-to REPORT_ID.")
        }
        return try record(inv, id, .reviewed(.notRegistered(reason: try inv.required("reject"), notice: notice, conversion: conversion)),
                          actor: "committee", zh: conversion.map { "不予立案，经提案人同意转为社情民意信息 \($0.reportID)" } ?? "不予立案",
                          en: conversion.map { "not registered, converted with consent into opinion report \($0.reportID)" } ?? "not registered")
    }

    static func withdraw(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let by = try inv.required("by")
        return try record(inv, inv.positional(0), .withdrawn(by: by, reason: inv.value("reason") ?? ""), actor: "member:" + by,
                          zh: "已由 \(by) 撤回", en: "withdrawn by \(by)")
    }

    static func key(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let supervisor = try inv.required("supervisor")
        return try record(inv, inv.positional(0), .keyProposal(supervisor: supervisor), actor: "committee",
                          zh: "列为重点提案，\(supervisor) 领衔督办", en: "made a key proposal supervised by \(supervisor)")
    }

    static func assign(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let id = inv.positional(0)
        let mode: ProposalEvent.Assignment.Mode
        if let lead = inv.value("lead") {
            guard inv.value("split") == nil else { throw inv.usage("give --lead or --split, not both.") }
            mode = .lead(lead, coHandling: inv.list("co"))
        } else {
            let units = inv.list("split")
            guard !units.isEmpty else { throw inv.usage("missing --lead UNIT or --split UNIT,UNIT.") }
            mode = .split(units)
        }
        let assignment = ProposalEvent.Assignment(mode, due: try inv.optionalDay("due"))
        // After an objection the committee assigns again (重新交办).
        let status = try NodeClient(inv).query("proposal", id: id).first?["status"] as? String
        if status == "reassigning" {
            return try record(inv, id, .reassigned(assignment), actor: "committee", zh: "已重新交办", en: "reassigned")
        }
        return try record(inv, id, .assigned(assignment), actor: "committee", zh: "已交办", en: "assigned")
    }

    static func object(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let unit = try inv.required("unit")
        return try record(inv, inv.positional(0), .objected(unit: unit, reason: try inv.required("reason")), actor: "unit:" + unit,
                          zh: "\(unit) 提出异议", en: "objected by \(unit)")
    }

    static func extend(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let due = try inv.day("due", defaultToday: false)
        return try record(inv, inv.positional(0), .extended(newDue: due, reason: try inv.required("reason")), actor: "committee",
                          zh: "延期至 \(due)", en: "extended to \(due)")
    }

    static func reply(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let unit = try inv.required("unit"), text = try inv.required("text")
        if inv.flags.contains("opinion") {
            return try record(inv, inv.positional(0), .coHandlingOpinion(unit: unit, text: text), actor: "unit:" + unit,
                              zh: "\(unit) 会办意见", en: "co-handling opinion of \(unit)")
        }
        return try record(inv, inv.positional(0), .replied(unit: unit, replyClass: try inv.required("class"), text: text), actor: "unit:" + unit,
                          zh: "\(unit) 已答复", en: "replied by \(unit)")
    }

    static func evaluate(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let by = try inv.required("by")
        let rating: ProposalEvent.Rating
        switch try inv.required("rating") {
        case "satisfied", "满意": rating = .satisfied
        case "basic", "basicallySatisfied", "基本满意": rating = .basicallySatisfied
        case "unsatisfied", "不满意": rating = .unsatisfied
        case let other: throw inv.usage("--rating takes satisfied, basic or unsatisfied, not '\(other)'.")
        }
        return try record(inv, inv.positional(0), .evaluated(member: by, rating: rating, comment: inv.value("comment") ?? ""),
                          actor: "member:" + by, zh: "\(by) 测评：\(inv.label("rating." + rating.rawValue))", en: "rated \(rating.rawValue) by \(by)")
    }

    static func rehandle(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try record(inv, inv.positional(0), .rehandled(reason: try inv.required("reason"), due: try inv.optionalDay("due"),
                                                      byAppraisal: inv.flags.contains("appraisal")),
                   actor: "committee", zh: "退回重办", en: "returned for re-handling")
    }

    static func appraise(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let text = try inv.required("quarter")
        let quarter: Period
        do { quarter = try Period.domain(text) } catch { throw inv.usage("--quarter '\(text)' is not a quarter like 2026-Q2.") }
        let votes = ProposalEvent.Appraisal(quarter: quarter, satisfied: try inv.int("satisfied", default: 0),
                                            basicallySatisfied: try inv.int("basic", default: 0),
                                            unsatisfied: try inv.int("unsatisfied", default: 0))
        let id = inv.positional(0)
        let event = DomainEvent.proposal(ProposalEvent(id, on: try inv.day(), .appraised(votes)))
        let response = try NodeClient(inv).submit(event, actor: "committee")
        // Two events: the appraisal, and the return for re-handling when it was below the threshold.
        let returned = response.seqs.count > 1
        return Recorded.print(inv, response,
                              zh: "提案 \(id) \(quarter) 季度测评" + (returned ? "，低于满意度要求，已退回重办，承办单位须书面说明" : ""),
                              en: "proposal \(id) appraised for \(quarter)" + (returned ? ": below the threshold, returned for re-handling; the units owe a written explanation" : ""))
    }

    static func explain(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let unit = try inv.required("unit")
        return try record(inv, inv.positional(0), .explained(unit: unit, text: try inv.required("text")), actor: "unit:" + unit,
                          zh: "\(unit) 书面说明", en: "written explanation of \(unit)")
    }

    static func appraisal(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var filter = ["quarter": try inv.required("quarter")]
        if inv.flags.contains("below") { filter["below"] = "true" }
        let answer = try NodeClient(inv).query("appraisals", filter: filter)
        if inv.json { RecordTable.print(answer, type: "appraisals", columns: [], inv); return ExitCode.done }
        let rows = answer.map { r -> [String: Any] in
            var r = r
            r["votes"] = "\(r["satisfied"] ?? 0)/\(r["basically_satisfied"] ?? 0)/\(r["unsatisfied"] ?? 0)"
            r["rate"] = "\(r["rate"] ?? "")（\(r["rate_numerator"] ?? 0)/\(r["rate_denominator"] ?? 0)）"
            r["explanations"] = ((r["explanations"] as? [[String: Any]]) ?? []).map { "\($0["unit"] ?? "")：\($0["text"] ?? "")" }
            return r
        }
        RecordTable.print(rows, type: "appraisals", columns: ["id", "title", "units", "on", "votes", "rate", "threshold_percent", "below_threshold", "explanations"], inv)
        return ExitCode.done
    }

    static func close(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        try record(inv, inv.positional(0), .closed(note: inv.value("note") ?? ""), actor: "committee", zh: "已办结", en: "closed")
    }

    static func show(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let p = try NodeClient(inv).query("proposal", id: inv.positional(0)).first else {
            return fail("no proposal \(inv.positional(0))", code: ExitCode.refused)
        }
        if inv.json { RecordTable.print([p], type: "proposal", columns: [], inv); return ExitCode.done }
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }  // record text is data (DisplayText)
        for c in ["id", "title", "kind", "first_proposer", "status", "submitted_on", "register_number", "lead_unit", "units", "due", "round", "closed_on", "supervisor", "text"] {
            print("\(RecordTable.pad(inv.label(c), 12))  \(RecordTable.cell(p[c] ?? nil, "proposal", c, inv))")
        }
        for c in (p["cosigners"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("附议人", "co-signer"), 12))  \(c["member"] ?? "") \(((c["confirmed"] as? Bool) ?? false) ? inv.text("已确认", "confirmed") : inv.text("未确认", "unconfirmed"))")
        }
        for r in (p["replies"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("答复", "reply"), 12))  \(inv.text("第", "round "))\(r["round"] ?? "")\(inv.text("轮", ""))  \(r["unit"] ?? "")  \(r["reply_class"] ?? "")  \(r["on"] ?? "")  \(r["text"] ?? "")")
        }
        for e in (p["evaluations"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("测评", "evaluation"), 12))  \(inv.text("第", "round "))\(e["round"] ?? "")\(inv.text("轮", ""))  \(e["member"] ?? "")  \(inv.label("rating." + ((e["rating"] as? String) ?? "")))  \(e["on"] ?? "")")
        }
        for a in (p["appraisals"] as? [[String: Any]]) ?? [] {
            let below = (a["below_threshold"] as? Bool) ?? false
            print("\(RecordTable.pad(inv.text("季度测评", "appraisal"), 12))  \(a["quarter"] ?? "")  \(inv.text("第", "round "))\(a["round"] ?? "")\(inv.text("轮", ""))  \(a["rate"] ?? "")（\(a["rate_numerator"] ?? "")/\(a["rate_denominator"] ?? "")）  "
                  + (below ? inv.text("低于 \(a["threshold_percent"] ?? "")%，退回重办", "below \(a["threshold_percent"] ?? "")%, returned") : inv.text("达到要求", "met")))
        }
        for x in (p["explanations"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("书面说明", "explanation"), 12))  \(x["unit"] ?? "")  \(x["on"] ?? "")  \(x["text"] ?? "")")
        }
        if let channel = p["channel"] as? String {
            print("\(RecordTable.pad(inv.text("受理渠道", "channel"), 12))  \(inv.label("channel." + channel))")
        }
        for i in (p["instructions"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("领导批示", "instruction"), 12))  \(i["on"] ?? "")  \(i["leader"] ?? "")：\(i["text"] ?? "")")
        }
        for v in (p["supervisions"] as? [[String: Any]]) ?? [] {
            print("\(RecordTable.pad(inv.text("督办", "supervision"), 12))  \(v["on"] ?? "")  \(inv.label("supervision." + ((v["outcome"] as? String) ?? "")))  \(v["note"] ?? "")")
        }
        return ExitCode.done
    }

    static func list(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        var rows = try NodeClient(inv).query("proposals")
        if let status = inv.value("status") { rows = rows.filter { $0["status"] as? String == status } }
        let key = inv.flags.contains("key")
        if key { rows = rows.filter { $0["supervisor"] is String } }
        RecordTable.print(rows, type: "proposals", columns: ["id", "title", "kind", "first_proposer", "status", "submitted_on", "lead_unit", "due", "round"]
                          + (key ? ["supervisor"] : []), inv)
        return ExitCode.done
    }
}
