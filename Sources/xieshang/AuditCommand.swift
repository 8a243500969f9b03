import XieshangDomain
import Foundation
import XieshangNode
import XieshangWire

/// `xieshang audit export|verify`: audit without trusting the node 审计. `export` writes a bundle of the signed
/// events behind this body's figures for a period (its whole subtree, with the keys); `verify` checks a bundle on any
/// machine with no node and no network and prints a verdict per body, naming every figure, signature or chain link
/// that does not hold. Exit codes of verify: 0 all holds, 1 something does not, 2 the file is not a readable bundle.
enum AuditCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "audit", summary: "audit bundles 审计包: export a period's signed events, verify a bundle offline", commands: [
        (Spec(name: "audit export", summary: "writes the signed records, reports, approvals and keys behind this body's figures for a period to FILE",
              positionals: ["FILE"], valued: ["period"], required: ["period"],
              details: "  --period P   month 2026-03, quarter 2026-Q1, half 2026-H1, year 2026 or a session 2026-01-15~2027-01-19",
              example: "xieshang audit export --period 2026-H1 铜仁市-2026上半年.audit --node /srv/xieshang/city/admin.sock"), export),
        (Spec(name: "audit verify", summary: "checks a bundle alone (no node, no network): signatures, chain links, every figure of every body",
              positionals: ["FILE"],
              details: "  exit 0 when everything holds, 1 when something does not (each named), 2 when FILE is not a readable bundle",
              example: "xieshang audit verify 铜仁市-2026上半年.audit --json"), verify),
    ])

    static func run(_ args: [String]) -> Int32 { group.run(args) }

    static func export(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let file = inv.positional(0), period = try inv.required("period")
        let client = NodeClient(inv)
        var bundle: AuditBundle?
        var request = AuditExportRequest(period: period)
        while true {
            let bytes = try client.call(AuditService.exportPage.path, request.serializedBytes())
            guard let page = try? AuditExportPage(serializedBytes: bytes), let part = page.bundle else {
                throw Invocation.Exit(code: fail("the node's answer to Audit.ExportPage does not decode", code: ExitCode.refused))
            }
            if bundle == nil { bundle = part } else { bundle?.events += part.events }
            if page.done { break }
            guard page.nextPosition > request.afterPosition else {
                throw Invocation.Exit(code: fail("the node's export stopped advancing at log position \(request.afterPosition)", code: ExitCode.refused))
            }
            request.afterPosition = page.nextPosition
            request.throughPosition = page.throughPosition
            Progress.show(inv.text("导出", "exporting"), Int(min(page.nextPosition, Int64(Int.max))), Int(min(page.throughPosition, Int64(Int.max))))
        }
        guard let done = bundle else { return ExitCode.refused }
        let sealed = AuditExport.sealed(done)
        do { try DurableFile.write(sealed.serializedBytes(), to: file, mode: 0o644) } catch {
            return fail("cannot write \(file): \(error.message); check the folder exists and is writable", code: ExitCode.refused)
        }
        if inv.json {
            print("{\"file\":\(jsonString(file)),\"period\":\(jsonString(period)),\"root\":\(jsonString(sealed.root)),\"bodies\":\(sealed.bodies.count),\"events\":\(sealed.events.count),\"chains\":\(sealed.chainHeads.count)}")
        } else {
            print(inv.text("已导出审计包 \(file)：\(sealed.root) \(period)，\(sealed.bodies.count) 个组织，\(sealed.chainHeads.count) 条链，\(sealed.events.count) 个签名事件",
                           "audit bundle written to \(file): \(sealed.root) \(period), \(sealed.bodies.count) bodies, \(sealed.chainHeads.count) chains, \(sealed.events.count) signed events"))
        }
        return ExitCode.done
    }

    static func verify(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let file = inv.positional(0)
        guard let data = FileManager.default.contents(atPath: file) else {
            return fail("audit verify: cannot read \(file): no such file, or not readable", code: ExitCode.usage)
        }
        let bundle: AuditBundle
        do { bundle = try AuditVerifier.decode([UInt8](data), file: file) } catch {
            return fail("audit verify: " + error.message, code: ExitCode.usage)
        }
        let verdict = AuditVerifier.verify(bundle)
        if inv.json { printJSON(verdict, file: file) } else { printText(verdict, file: file, inv) }
        return verdict.holds ? ExitCode.done : ExitCode.refused
    }

    /// A problem's kind in Chinese.
    static let kindZh: [AuditProblem.Kind: String] = [
        .signature: "签名不成立", .chain: "链接不成立", .figure: "数字不符", .subtotal: "合计不符", .citation: "引用不符",
        .approval: "审核不符", .key: "公钥不符", .decode: "无法解码", .seal: "封记不符",
    ]

    static func printText(_ v: AuditVerdict, file: String, _ inv: Invocation) {
        print(inv.text("审计包 \(file)：期间 \(v.period)，根 \(v.root)（公钥 \(v.rootKey)），\(v.bodies.count) 个组织，\(v.events) 个签名事件",
                       "audit bundle \(file): period \(v.period), root \(v.root) (key \(v.rootKey)), \(v.bodies.count) bodies, \(v.events) signed events"))
        func line(_ p: AuditProblem) -> String {
            let kind = inv.language == .zh ? (kindZh[p.kind] ?? p.kind.rawValue) : p.kind.rawValue
            var where_ = p.event.isEmpty ? "" : " " + p.event
            if !p.figure.isEmpty { where_ += " \(p.figure)（\(FigureNames.figure(p.figure, inv.language))）" }
            return "    ✘ \(kind)\(where_)：\(DisplayText.escaped(inv.text(p.messageZh, p.message)))"
        }
        for p in v.problems { print(line(p)) }
        for b in v.bodies {
            let mark = b.holds ? inv.text("通过", "holds") : inv.text("不符", "does not hold")
            let approval: String
            switch b.approval {
            case "approved": approval = inv.text("已审核", "approved")
            case "returned": approval = inv.text("已退回", "returned")
            case "superseded": approval = inv.text("审核后数字有变", "changed after approval")
            default: approval = inv.text("未审核", "not approved")
            }
            let name = b.name.isEmpty ? b.id : "\(b.id) \(DisplayText.escaped(b.name))"
            print("\(mark)  \(name)  " + inv.text("报告 \(b.report ?? "无")  \(approval)", "report \(b.report ?? "none")  \(approval)"))
            let shown = FigureNames.ordered(b.own.keys).filter { (b.own[$0] ?? 0) != 0 && $0 != "bodies" }
            if !shown.isEmpty {
                print("    " + inv.text("本级（据签名记录）：", "own (from signed records): ")
                      + shown.map { "\(FigureNames.figure($0, inv.language)) \(b.own[$0] ?? 0)" }.joined(separator: "，"))
            }
            let unchecked = FigureNames.ordered(b.uncompared.keys).filter { (b.uncompared[$0] ?? 0) != 0 }
            if !unchecked.isEmpty {
                print("    " + inv.text("未逐项核对（由子树外或下行的步骤改变，只核算术）：", "not compared (changed by steps signed outside the subtree or sent down; arithmetic only): ")
                      + unchecked.map { "\(FigureNames.figure($0, inv.language)) \(b.uncompared[$0] ?? 0)" }.joined(separator: "，"))
            }
            for p in b.problems { print(line(p)) }
        }
        let count = v.allProblems.count
        print(v.holds ? inv.text("结论：通过（全部签名、链接和数字成立）", "verdict: holds (every signature, link and figure)")
                      : inv.text("结论：不符（\(count) 处）", "verdict: does not hold (\(count) problems)"))
    }

    static func printJSON(_ v: AuditVerdict, file: String) {
        func problem(_ p: AuditProblem) -> [String: Any] {
            ["kind": p.kind.rawValue, "body": p.body, "event": p.event, "figure": p.figure, "message": p.message, "message_zh": p.messageZh]
        }
        let o: [String: Any] = [
            "file": file, "period": v.period, "root": v.root, "root_key": v.rootKey, "events": v.events,
            "verdict": v.holds ? "holds" : "does_not_hold", "problems": v.problems.map(problem),
            "bodies": v.bodies.map { b -> [String: Any] in
                ["body": b.id, "name": b.name, "tier": b.tier, "parent": b.parent, "verdict": b.holds ? "holds" : "does_not_hold",
                 "report": b.report ?? NSNull(), "own": b.own, "uncompared": b.uncompared, "totals": b.totals,
                 "recomputed_totals": b.recomputedTotals, "approval": b.approval, "approval_event": b.approvalEvent ?? NSNull(),
                 "problems": b.problems.map(problem)]
            },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: o, options: [.prettyPrinted, .sortedKeys]) else { return }
        print(String(decoding: data, as: UTF8.self))
    }

    static func jsonString(_ s: String) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: [s], options: []) else { return "\"\"" }
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
