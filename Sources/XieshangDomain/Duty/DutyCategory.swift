/// The five categories of the duty record 委员履职档案 (from the seeds).
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
}
