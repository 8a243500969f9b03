/// The settings of a policy by name: the keys `xieshang policy show --json` prints and `policy set` reads, their
/// Chinese and English labels, and the fields they set — one table for the CLI, node.json and the web page.
extension Policy {
    /// One whole-number setting: its key, labels and field.
    public struct Setting: Sendable {
        /// Key in the settings JSON (`reply_months`).
        public let key: String
        /// Chinese label (答复期限（月）).
        public let zh: String
        /// English label.
        public let en: String
        /// The field it sets.
        public let path: WritableKeyPath<Policy, Int> & Sendable
    }

    /// One whole-number setting of the duty scoring table (under `duty`); `tenths` when it counts tenths of a point.
    public struct DutySetting: Sendable {
        /// Key under `duty` (`base_tenths`).
        public let key: String
        /// Chinese label.
        public let zh: String
        /// English label.
        public let en: String
        /// The field it sets.
        public let path: WritableKeyPath<DutyScoring, Int> & Sendable
        /// Whether the value counts tenths of a point (shown with one decimal).
        public var tenths: Bool { key.hasSuffix("_tenths") }
    }

    /// The whole-number settings, in display order.
    public static let settings: [Setting] = [
        Setting(key: "reply_months", zh: "答复期限（月）", en: "reply months", path: \.replyMonths),
        Setting(key: "max_extension_months", zh: "最长延期（月）", en: "longest extension (months)", path: \.maxExtensionMonths),
        Setting(key: "objection_window_days", zh: "异议期（日）", en: "objection window (days)", path: \.objectionWindowDays),
        Setting(key: "cosign_window_days", zh: "附议期（日）", en: "co-signing window (days)", path: \.cosignWindowDays),
        Setting(key: "evaluation_window_days", zh: "测评期（日）", en: "evaluation window (days)", path: \.evaluationWindowDays),
        Setting(key: "appraisal_threshold_percent", zh: "季度测评满意度要求（%）", en: "appraisal threshold (%)", path: \.appraisalThresholdPercent),
        Setting(key: "opinion_max_chars", zh: "社情民意信息字数上限", en: "opinion report length limit", path: \.opinionMaxChars),
    ]

    /// The duty scoring settings, in display order.
    public static let dutySettings: [DutySetting] = [
        DutySetting(key: "base_tenths", zh: "履职基础分", en: "base points", path: \.baseTenths),
        DutySetting(key: "attendance_tenths", zh: "出席会议", en: "meeting attended", path: \.attendanceTenths),
        DutySetting(key: "excused_absence_tenths", zh: "请假", en: "leave", path: \.excusedAbsenceTenths),
        DutySetting(key: "unexcused_absence_tenths", zh: "无故缺席", en: "absent without leave", path: \.unexcusedAbsenceTenths),
        DutySetting(key: "proposal_tenths", zh: "提案", en: "proposal", path: \.proposalTenths),
        DutySetting(key: "proposal_registered_tenths", zh: "提案立案加分", en: "proposal registered", path: \.proposalRegisteredTenths),
        DutySetting(key: "cosigner_percent", zh: "附议人得分比例（%）", en: "co-signer share (%)", path: \.cosignerPercent),
        DutySetting(key: "opinion_tenths", zh: "社情民意信息", en: "opinion report", path: \.opinionTenths),
        DutySetting(key: "opinion_adopted_tenths", zh: "信息录用加分", en: "opinion report adopted", path: \.opinionAdoptedTenths),
        DutySetting(key: "research_tenths", zh: "调研视察", en: "research or inspection", path: \.researchTenths),
        DutySetting(key: "welfare_tenths", zh: "公益活动", en: "public welfare", path: \.welfareTenths),
        DutySetting(key: "talk_below_tenths", zh: "约谈线", en: "talk below", path: \.talkBelowTenths),
        DutySetting(key: "resignation_after_years", zh: "连续低于约谈线劝退（年）", en: "resignation after (years)", path: \.resignationAfterYears),
        DutySetting(key: "minimum_proposals", zh: "每年至少提案", en: "yearly minimum proposals", path: \.minimumProposals),
        DutySetting(key: "minimum_opinions", zh: "每年至少社情民意信息", en: "yearly minimum opinion reports", path: \.minimumOpinions),
    ]
}
