import Foundation
import XieshangDomain
import XieshangNode

/// `xieshang policy show`: the policy 规则设置 the body's records apply now — every local rule of shared/DOMAIN.md
/// (reply deadlines, reply classes, not-registered reasons, satisfaction formula, appraisal threshold, duty scoring)
/// with the versions recorded.
enum PolicyCommand {
    typealias Spec = Invocation.Spec

    static let group = SubcommandGroup(name: "policy", summary: "the body's applied policy 规则设置: show", commands: [
        (Spec(name: "policy show", summary: "every setting of the policy the body's records apply now, and its versions",
              details: "  points are shown with one decimal; --json prints the settings as one JSON object",
              example: "xieshang policy show"), show),
    ])

    /// The settings in display order: key, Chinese label, English label.
    static let settings: [(key: String, zh: String, en: String)] = [
        ("version", "规则版本", "version"), ("effective", "生效日期", "effective"),
        ("registers_proposals", "受理提案", "registers proposals"), ("reply_months", "答复期限（月）", "reply months"),
        ("max_extension_months", "最长延期（月）", "longest extension (months)"),
        ("objection_window_days", "异议期（日）", "objection window (days)"), ("cosign_window_days", "附议期（日）", "co-signing window (days)"),
        ("evaluation_window_days", "测评期（日）", "evaluation window (days)"), ("reply_classes", "答复类别", "reply classes"),
        ("not_registered_reasons", "不予立案理由", "not-registered reasons"), ("satisfaction_formula", "满意率算法", "satisfaction formula"),
        ("appraisal_threshold_percent", "季度测评满意度要求（%）", "appraisal threshold (%)"),
        ("opinion_max_chars", "社情民意信息字数上限", "opinion report length limit"),
    ]

    /// Duty scoring settings in display order (values in tenths are shown as points).
    static let dutySettings: [(key: String, zh: String, en: String)] = [
        ("base_tenths", "履职基础分", "base points"), ("attendance_tenths", "出席会议", "meeting attended"),
        ("excused_absence_tenths", "请假", "leave"), ("unexcused_absence_tenths", "无故缺席", "absent without leave"),
        ("proposal_tenths", "提案", "proposal"), ("proposal_registered_tenths", "提案立案加分", "proposal registered"),
        ("cosigner_percent", "附议人得分比例（%）", "co-signer share (%)"), ("opinion_tenths", "社情民意信息", "opinion report"),
        ("opinion_adopted_tenths", "信息录用加分", "opinion report adopted"), ("research_tenths", "调研视察", "research or inspection"),
        ("welfare_tenths", "公益活动", "public welfare"), ("talk_below_tenths", "约谈线", "talk below"),
        ("resignation_after_years", "连续低于约谈线劝退（年）", "resignation after (years)"),
        ("minimum_proposals", "每年至少提案", "yearly minimum proposals"), ("minimum_opinions", "每年至少社情民意信息", "yearly minimum opinion reports"),
    ]

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
}
