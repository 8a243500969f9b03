/// The settings of a policy by name: the keys `xieshang policy show --json` prints and `policy set` reads, their
/// Chinese and English labels, and the fields they set — one table for the CLI, node.json and the web page.
extension Policy {
    /// One whole-number setting of a policy (`Root` = ``Policy``) or of its duty scoring table (`Root` =
    /// ``DutyScoring``, under `duty`): its key, labels and field.
    public struct Setting<Root>: Sendable {
        /// Key in the settings JSON (`reply_months`, `base_tenths`).
        public let key: String
        /// Chinese label (答复期限（月）).
        public let zh: String
        /// English label.
        public let en: String
        /// The field it sets.
        public let path: WritableKeyPath<Root, Int> & Sendable
        /// Whether the value counts tenths of a point (shown with one decimal).
        public var tenths: Bool { key.hasSuffix("_tenths") }
    }

    /// The whole-number settings, in display order.
    public static let settings: [Setting<Policy>] = [
        Setting(key: "reply_months", zh: "答复期限（月）", en: "reply months", path: \.replyMonths),
        Setting(key: "max_extension_months", zh: "最长延期（月）", en: "longest extension (months)", path: \.maxExtensionMonths),
        Setting(key: "objection_window_days", zh: "异议期（日）", en: "objection window (days)", path: \.objectionWindowDays),
        Setting(key: "cosign_window_days", zh: "附议期（日）", en: "co-signing window (days)", path: \.cosignWindowDays),
        Setting(key: "evaluation_window_days", zh: "测评期（日）", en: "evaluation window (days)", path: \.evaluationWindowDays),
        Setting(key: "appraisal_threshold_percent", zh: "季度测评满意度要求（%）", en: "appraisal threshold (%)", path: \.appraisalThresholdPercent),
        Setting(key: "opinion_max_chars", zh: "社情民意信息字数上限", en: "opinion report length limit", path: \.opinionMaxChars),
    ]

    /// The duty scoring settings, in display order.
    public static let dutySettings: [Setting<DutyScoring>] = [
        Setting(key: "base_tenths", zh: "履职基础分", en: "base points", path: \.baseTenths),
        Setting(key: "attendance_tenths", zh: "出席会议", en: "meeting attended", path: \.attendanceTenths),
        Setting(key: "excused_absence_tenths", zh: "请假", en: "leave", path: \.excusedAbsenceTenths),
        Setting(key: "unexcused_absence_tenths", zh: "无故缺席", en: "absent without leave", path: \.unexcusedAbsenceTenths),
        Setting(key: "proposal_tenths", zh: "提案", en: "proposal", path: \.proposalTenths),
        Setting(key: "proposal_registered_tenths", zh: "提案立案加分", en: "proposal registered", path: \.proposalRegisteredTenths),
        Setting(key: "cosigner_percent", zh: "附议人得分比例（%）", en: "co-signer share (%)", path: \.cosignerPercent),
        Setting(key: "opinion_tenths", zh: "社情民意信息", en: "opinion report", path: \.opinionTenths),
        Setting(key: "opinion_adopted_tenths", zh: "信息录用加分", en: "opinion report adopted", path: \.opinionAdoptedTenths),
        Setting(key: "research_tenths", zh: "调研视察", en: "research or inspection", path: \.researchTenths),
        Setting(key: "welfare_tenths", zh: "公益活动", en: "public welfare", path: \.welfareTenths),
        Setting(key: "training_tenths", zh: "履职培训", en: "training", path: \.trainingTenths),
        Setting(key: "talk_below_tenths", zh: "约谈线", en: "talk below", path: \.talkBelowTenths),
        Setting(key: "resignation_after_years", zh: "连续低于约谈线劝退（年）", en: "resignation after (years)", path: \.resignationAfterYears),
        Setting(key: "minimum_proposals", zh: "每年至少提案", en: "yearly minimum proposals", path: \.minimumProposals),
        Setting(key: "minimum_opinions", zh: "每年至少社情民意信息", en: "yearly minimum opinion reports", path: \.minimumOpinions),
        Setting(key: "minimum_research", zh: "每年至少调研视察", en: "yearly minimum research or inspections", path: \.minimumResearch),
        Setting(key: "minimum_welfare", zh: "每年至少公益活动", en: "yearly minimum public-welfare activities", path: \.minimumWelfare),
        Setting(key: "award_min_tenths", zh: "优秀委员最低总分", en: "outstanding member: lowest total", path: \.awardMinTenths),
        Setting(key: "award_top_percent", zh: "优秀委员比例上限（%）", en: "outstanding members: top percent", path: \.awardTopPercent),
    ]
}
