/// The categories of the duty record 委员履职档案: the five of the seeds (习水) and training 履职培训, which the
/// seeds count in the yearly assessment (牡丹江: 参训情况纳入委员年度履职考核).
public enum DutyCategory: String, Hashable, Sendable, CaseIterable {
    /// 会议出席.
    case meetings
    /// 提案.
    case proposals
    /// 社情民意信息.
    case opinions
    /// 调研视察.
    case research
    /// 公益活动.
    case welfare
    /// 履职培训.
    case training
}
