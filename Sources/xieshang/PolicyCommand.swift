import Foundation
import XieshangDomain
import XieshangNode
import XieshangWire

/// `xieshang policy show`: the policy 规则设置 the body's records apply now — every local rule of shared/DOMAIN.md
/// (reply deadlines, reply classes, not-registered reasons, satisfaction formula, appraisal threshold, duty scoring)
/// with the versions recorded.
enum PolicyCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "policy", summary: "the body's policy 规则设置: show, set", commands: [
        (Spec(name: "policy show", summary: "every setting of the policy the body's records apply now, and its versions",
              details: "  points are shown with one decimal; --json prints the settings as one JSON object",
              example: "xieshang policy show"), show),
        (Spec(name: "policy set", summary: "record the body's next policy version: the applied settings with those given changed",
              valued: ["file", "set", "effective"],
              details: """
                --file F     a JSON object in the shape `policy show --json` prints (all of it, or only what changes;
                             version, effective and history in it are ignored)
                --set K=V,…  settings inline, e.g. reply_months=2,duty.base_tenths=650,duty.caps_tenths.welfare=150
                --effective  the day the version applies from (default today; not before the current version's)
                the settings and their ranges: `policy show`; the node checks them (rule policy.values) and signs the record
              """,
              example: "xieshang policy set --set appraisal_threshold_percent=85,satisfaction_formula=satisfiedOnly --effective 2027-01-01"), set),
    ])

    /// The settings in display order: key, Chinese label, English label.
    static let settings: [(key: String, zh: String, en: String)] = [
        ("version", "规则版本", "version"), ("effective", "生效日期", "effective"), ("registers_proposals", "受理提案", "registers proposals"),
    ] + Policy.settings.prefix(5).map { ($0.key, $0.zh, $0.en) } + [
        ("reply_classes", "答复类别", "reply classes"), ("not_registered_reasons", "不予立案理由", "not-registered reasons"),
        ("satisfaction_formula", "满意率算法", "satisfaction formula"),
    ] + Policy.settings.dropFirst(5).map { ($0.key, $0.zh, $0.en) }

    /// Duty scoring settings in display order (values in tenths are shown as points).
    static let dutySettings: [(key: String, zh: String, en: String)] = Policy.dutySettings.map { ($0.key, $0.zh, $0.en) }

    static func show(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        guard let p = try NodeClient(inv).query("policy").first else {
            return fail("the node answered no policy", code: ExitCode.refused)
        }
        if inv.json { RecordTable.print([p], type: "policy", columns: [], inv); return ExitCode.done }
        let print = { (line: String) in Swift.print(DisplayText.escaped(line)) }  // labels of choices are data
        func value(_ key: String, _ v: Any?) -> String {
            switch v {
            case let list as [[String: Any]]:
                return list.map { "\($0["code"] ?? "") \(inv.text("\($0["zh"] ?? "")", "\($0["en"] ?? "")"))" }.joined(separator: "；")
            case let s as String where key == "satisfaction_formula":
                return s == "satisfiedOnly" ? inv.text("满意 / 测评数", "satisfied / evaluations")
                    : inv.text("（满意 + 基本满意）/ 测评数", "(satisfied + basically satisfied) / evaluations")
            case let n as NSNumber where key.hasSuffix("_tenths"):
                return MemberCommand.points(n)
            default:
                return RecordTable.cell(v, "policy", key, inv)
            }
        }
        let width = (settings + dutySettings).map { RecordTable.width(inv.text($0.zh, $0.en)) }.max() ?? 12
        for s in settings { print("\(RecordTable.pad(inv.text(s.zh, s.en), width))  \(value(s.key, p[s.key]))") }
        let duty = (p["duty"] as? [String: Any]) ?? [:]
        print(inv.text("履职考核", "duty scoring"))
        for s in dutySettings { print("  \(RecordTable.pad(inv.text(s.zh, s.en), width - 2))  \(value(s.key, duty[s.key]))") }
        let caps = (duty["caps_tenths"] as? [String: Any]) ?? [:]
        print("  \(RecordTable.pad(inv.text("各类上限", "caps"), width - 2))  "
              + DutyCategory.allCases.map { "\(inv.label("dutyCategory." + $0.rawValue))：\(MemberCommand.points(caps[$0.rawValue]))" }.joined(separator: "  "))
        let history = ((p["history"] as? [[String: Any]]) ?? []).map { "v\($0["version"] ?? "")（\($0["effective"] ?? "")）" }
        print("\(RecordTable.pad(inv.text("历次版本", "versions"), width))  \(history.joined(separator: "、"))")
        return ExitCode.done
    }

    /// `policy set`: reads the applied policy from the node, applies `--file` then `--set`, and records the result as
    /// the next version (the node refuses it by rule `policy.version` if another version was recorded meanwhile).
    static func set(_ inv: Invocation) throws(Invocation.Exit) -> Int32 {
        let file = inv.value("file"), inline = inv.list("set")
        guard file != nil || !inline.isEmpty else { throw inv.usage("give the settings to change with --file or --set.") }
        let client = NodeClient(inv)
        guard let shown = try client.query("policy").first, let version = shown["version"] as? Int,
              let effectiveText = shown["effective"] as? String, let effective = try? Day(parsing: effectiveText, field: "effective"),
              let shownData = try? JSONSerialization.data(withJSONObject: shown), let shownText = String(data: shownData, encoding: .utf8),
              let shownJSON = try? JSONValue.parse(shownText) else {
            return fail("the node's policy answer does not read as a policy", code: ExitCode.refused)
        }
        var next: Policy
        do {
            var current = try PolicySettings.applying(shownJSON, to: Policy(), source: "the node's applied policy")
            current.version = version
            current.effective = effective
            next = current
            if let file {
                guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                    return fail("policy set: cannot read \(file) as UTF-8 text", code: ExitCode.refused)
                }
                let json: JSONValue
                do { json = try JSONValue.parse(text) } catch {
                    return fail("policy set: \(file) is not valid JSON: \(error.message)\(error.offset.map { " (byte \($0))" } ?? "")", code: ExitCode.refused)
                }
                next = try PolicySettings.applying(json, to: next, source: file)
            }
            if !inline.isEmpty {
                next = try PolicySettings.applying(try PolicySettings.inline(inline, source: "--set"), to: next, source: "--set")
            }
            guard next != current else {
                return fail(inv.text("规则设置与现行第 \(version) 版相同，未记录新版本", "the settings equal the applied version \(version); nothing recorded"),
                            code: ExitCode.refused)
            }
        } catch {
            return fail("policy set: \(error.message)", code: ExitCode.refused)
        }
        next.version = version + 1
        next.effective = try inv.day("effective")
        return Recorded.print(inv, try client.submit(.policy(next), actor: "office"),
                              zh: "规则设置第 \(next.version) 版，自 \(next.effective) 起生效", en: "policy version \(next.version), effective \(next.effective)")
    }
}
