/// An annual consultation plan 年度协商计划 as a body holds it (the issuer's, or one received from above).
public struct ConsultationPlan: Hashable, Sendable {
    /// Lifecycle 计划状态.
    public enum Status: String, Hashable, Sendable, CaseIterable, Comparable {
        /// 征集议题.
        case soliciting
        /// 草案.
        case drafted
        /// 主席会议已审议.
        case reviewed
        /// 党委常委会已审定.
        case approved
        /// 已印发.
        case issued

        private var order: Int { Status.allCases.firstIndex(of: self)! }
        /// Orders the lifecycle.
        public static func < (a: Status, b: Status) -> Bool { a.order < b.order }
    }

    /// A topic proposed from below 征集议题.
    public struct Topic: Hashable, Sendable {
        /// Topic id.
        public var id: String
        /// Proposing body.
        public var byBody: String
        /// Topic.
        public var topic: String
        /// Reason.
        public var reason: String
        /// Item it became, once picked.
        public var pickedAs: String?
    }

    /// Key.
    public var key: PlanKey
    /// Year covered.
    public var year: Int
    /// Title.
    public var title: String
    /// Status.
    public var status: Status
    /// Last day to propose topics, while soliciting.
    public var solicitDeadline: Day?
    /// Topics proposed from below.
    public var topics: [Topic] = []
    /// Items, in order.
    public var items: [PlanItem] = []
    /// Document number once issued.
    public var document: String?
    /// Day issued.
    public var issuedOn: Day?

    /// The item with this id.
    public func item(_ id: String) -> PlanItem? { items.first { $0.id == id } }
}
