/// An item 议题 of a consultation plan, with its progress per assignee.
public struct PlanItem: Hashable, Sendable {
    /// A stage reached by an assignee, and when.
    public struct Progress: Hashable, Sendable {
        /// Assignee body.
        public var body: String
        /// Stage reached.
        public var stage: ItemStage
        /// Day reported.
        public var on: Day
        /// Note.
        public var note: String
    }

    /// Item id, unique within the plan.
    public var id: String
    /// Category 类别.
    public var category: String
    /// Topic 议题.
    public var topic: String
    /// Consultation form name.
    public var form: String
    /// Lead leader 牵头领导.
    public var leadLeader: String
    /// Responsible department 责任部门.
    public var department: String
    /// Responsible person 责任人.
    public var person: String
    /// Deadline 完成时限.
    public var deadline: Day
    /// Assignee bodies.
    public var assignees: [String]
    /// Parent item of a decomposed sub-item (issuer, plan, item).
    public var parent: ParentRef?
    /// Progress reports, in order.
    public var progress: [Progress] = []

    /// The item a sub-item was decomposed from.
    public struct ParentRef: Hashable, Sendable {
        /// Issuer of the parent plan.
        public var issuer: String
        /// Parent plan id.
        public var planID: String
        /// Parent item id.
        public var itemID: String

        /// Makes a reference.
        public init(issuer: String, planID: String, itemID: String) {
            self.issuer = issuer
            self.planID = planID
            self.itemID = itemID
        }
    }

    /// Makes an item.
    public init(id: String, category: String, topic: String, form: String, leadLeader: String, department: String,
                person: String, deadline: Day, assignees: [String], parent: ParentRef? = nil) {
        self.id = id
        self.category = category
        self.topic = topic
        self.form = form
        self.leadLeader = leadLeader
        self.department = department
        self.person = person
        self.deadline = deadline
        self.assignees = assignees
        self.parent = parent
    }

    /// The stage an assignee had reached by the end of `day` (assigned when nothing was reported).
    public func stage(of body: String, asOf day: Day) -> ItemStage {
        progress.filter { $0.body == body && $0.on <= day }.map(\.stage).max() ?? .assigned
    }

    /// The item's stage by the end of `day`: the least advanced assignee's.
    public func stage(asOf day: Day) -> ItemStage {
        assignees.map { stage(of: $0, asOf: day) }.min() ?? .assigned
    }

    /// Overdue 逾期 as of `day`: the deadline has passed and the assignee had not held it by the deadline.
    public func isOverdue(for body: String, asOf day: Day) -> Bool {
        guard deadline < day else { return false }
        let heldOn = progress.filter { $0.body == body && $0.stage >= .held && $0.on <= day }.map(\.on).min()
        return heldOn.map { $0 > deadline } ?? true
    }
}
