/// A suggestion 意见建议 as the body holds it: made → adopted 批示采纳 → closed 办结.
public struct Suggestion: Hashable, Sendable {
    /// Where a suggestion is.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// 已提出.
        case made
        /// 已采纳.
        case adopted
        /// 已办结.
        case closed
    }

    /// Id.
    public var id: String
    /// Text.
    public var text: String
    /// Addressee.
    public var addressee: String
    /// Activity it came from.
    public var activityID: String
    /// Authors.
    public var members: [String]
    /// Status.
    public var status: Status = .made
    /// Day made.
    public var madeOn: Day
    /// Day adopted.
    public var adoptedOn: Day?
    /// Who adopted it.
    public var adoptedBy: String?
    /// Day closed.
    public var closedOn: Day?
}
