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

    /// Who proposed a topic 议题来源.
    public enum TopicSource: String, Hashable, Sendable, CaseIterable {
        /// A lower body 下级政协 (it proposes at its own node: `topicProposed`).
        case lowerBody
        /// A government department 部门.
        case department
        /// The public 社会公众.
        case society
        /// A member 委员 or a sector group 界别.
        case member
    }

    /// The issuer's decision on a topic it does not take into the plan 议题处理 (adoption is picking it as an item).
    public enum TopicDecision: Hashable, Sendable {
        /// Merged into another topic of the plan 合并.
        case merged(into: String)
        /// Not adopted 不予采纳, with the reason.
        case notAdopted(reason: String)
    }

    /// What became of a topic.
    public enum TopicOutcome: Hashable, Sendable {
        /// Adopted into the plan as this item 采纳列入计划.
        case adopted(item: String)
        /// Merged or not adopted.
        case decided(TopicDecision)
    }

    /// A topic proposed 征集议题: from below, or received by the issuer from a department, the public or a member.
    public struct Topic: Hashable, Sendable {
        /// Topic id.
        public var id: String
        /// Proposing body (for a topic received by the issuer: the issuer).
        public var byBody: String
        /// Topic.
        public var topic: String
        /// Reason.
        public var reason: String
        /// Who proposed it.
        public var source: TopicSource = .lowerBody
        /// The department's, person's or member's name (a lower body's topic: empty, `byBody` names it).
        public var proposer: String = ""
        /// Day proposed.
        public var proposedOn: Day? = nil
    }

    /// The issuer's decision on a topic, with its day 议题处理.
    public struct Decided: Hashable, Sendable {
        /// What became of the topic.
        public var outcome: TopicOutcome
        /// Day decided.
        public var on: Day
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
    /// Topics proposed from below or received from a department, the public or a member.
    public var topics: [Topic] = []
    /// The issuer's decisions on topics, by topic id (kept even for a topic whose proposal is not held, so the
    /// figures of a tally that holds only the issuer's steps count them).
    public var topicDecisions: [String: Decided] = [:]
    /// Items, in order.
    public var items: [PlanItem] = []
    /// Document number once issued.
    public var document: String?
    /// Day issued.
    public var issuedOn: Day?

    /// The item with this id.
    public func item(_ id: String) -> PlanItem? { items.first { $0.id == id } }

    /// The item a topic became, once adopted.
    public func pickedAs(_ topicID: String) -> String? {
        if case .adopted(let item)? = topicDecisions[topicID]?.outcome { return item }
        return nil
    }
}
