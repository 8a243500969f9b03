/// Where a plan item is 议题进度, in order.
public enum ItemStage: Int, Hashable, Sendable, Comparable, CaseIterable {
    /// 已交办.
    case assigned = 1
    /// 筹备中.
    case preparing
    /// 已召开.
    case held
    /// 成果已报送.
    case resultsReported
    /// 已反馈.
    case feedbackReceived
    /// 跟踪落实.
    case tracked

    /// Orders stages.
    public static func < (a: ItemStage, b: ItemStage) -> Bool { a.rawValue < b.rawValue }

    /// Stable name ("resultsReported").
    public var name: String {
        switch self {
        case .assigned: return "assigned"
        case .preparing: return "preparing"
        case .held: return "held"
        case .resultsReported: return "resultsReported"
        case .feedbackReceived: return "feedbackReceived"
        case .tracked: return "tracked"
        }
    }
}
