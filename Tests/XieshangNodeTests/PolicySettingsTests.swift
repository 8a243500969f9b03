import Foundation
import Testing
import XieshangDomain
@testable import XieshangNode
import XieshangWire

/// `xieshang policy set` reads settings in the shape `policy show --json` prints (PolicySettings): a shown policy read
/// back is the same policy; each setting lands on its field; a wrong key or type is named with its source and field.
struct PolicySettingsTests {
    /// Every setting changed from its default, shown as the admin query shows it, and read back over the defaults.
    @Test func aShownPolicyReadsBackAsTheSamePolicy() throws {
        var p = XieshangDomain.Policy()
        p.replyMonths = 2; p.maxExtensionMonths = 5; p.objectionWindowDays = 7; p.cosignWindowDays = 5; p.evaluationWindowDays = 20
        p.appraisalThresholdPercent = 85; p.opinionMaxChars = 1_000; p.satisfactionFormula = .satisfiedOnly; p.registersProposals = false
        p.replyClasses.append(XieshangDomain.PolicyChoice(code: "D", labelZh: "不予采纳", labelEn: "not adopted"))
        p.notRegisteredReasons = [XieshangDomain.PolicyChoice(code: "other", labelZh: "其他", labelEn: "other")]
        p.duty.baseTenths = 650; p.duty.cosignerPercent = 40; p.duty.capTenths[.welfare] = 150; p.duty.minimumOpinions = 2
        p.version = 2
        p.effective = Day(unchecked: 2026, 3, 1)
        let state = DomainState(body: BodyInfo(id: "city", name: "市政协", tier: "city"), policy: p)
        let shown = DomainSubmit.policy(state)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: shown), as: UTF8.self)
        var read = try PolicySettings.applying(try JSONValue.parse(text), to: XieshangDomain.Policy(), source: "shown")
        #expect(read.version == 1 && read.effective == XieshangDomain.Policy().effective, "version and effective are the node's, ignored")
        read.version = 2
        read.effective = p.effective
        #expect(read == p)
    }

    @Test func inlineSettingsLandOnTheirFields() throws {
        let json = try PolicySettings.inline(["reply_months=2", " duty.base_tenths = 650", "duty.caps_tenths.welfare=150",
                                              "registers_proposals=false", "satisfaction_formula=satisfiedOnly"], source: "--set")
        let p = try PolicySettings.applying(json, to: XieshangDomain.Policy(), source: "--set")
        #expect(p.replyMonths == 2 && p.duty.baseTenths == 650 && p.duty.capTenths[.welfare] == 150 && !p.registersProposals
                && p.satisfactionFormula == .satisfiedOnly)
        #expect(p.duty.capTenths[.meetings] == XieshangDomain.Policy().duty.capTenths[.meetings], "the other caps are kept")
    }

    @Test(arguments: [
        (#"{"reply_month": 2}"#, "unknown field \"reply_month\""),
        (#"{"reply_months": "two"}"#, "field \"reply_months\": expected a whole number"),
        (#"{"duty": {"base": 1}}"#, "unknown field \"duty.base\""),
        (#"{"duty": {"caps_tenths": {"sports": 1}}}"#, "unknown field \"duty.caps_tenths.sports\""),
        (#"{"satisfaction_formula": "all"}"#, "field \"satisfaction_formula\": expected one of satisfiedOrBasic, satisfiedOnly"),
        (#"{"reply_classes": []}"#, "field \"reply_classes\": expected a non-empty list"),
        (#"{"reply_classes": [{"code": "A", "zh": "甲"}, {"code": "A", "zh": "乙"}]}"#, "the code \"A\" is given twice"),
        (#"{"reply_classes": [{"code": "A"}]}"#, "field \"reply_classes[0].zh\""),
        (#"[1]"#, "expected an object"),
    ])
    func badSettingsNameTheSourceAndTheField(_ text: String, _ mention: String) throws {
        let error = #expect(throws: NodeError.self) {
            try PolicySettings.applying(try JSONValue.parse(text), to: XieshangDomain.Policy(), source: "policy.json")
        }
        #expect(error?.message.hasPrefix("policy.json: ") == true && error?.message.contains(mention) == true, "\(String(describing: error))")
    }

    @Test func anInlineItemWithoutEqualsIsNamed() {
        let error = #expect(throws: NodeError.self) { try PolicySettings.inline(["reply_months"], source: "--set") }
        #expect(error?.message.contains("'reply_months' is not key=value") == true, "\(String(describing: error))")
    }
}
