/// An item followed down the tree 逐级分解进度: the sub-items its assignees decomposed it into, the sub-items their
/// assignees decomposed those into, and so on — each with its own assignees, deadline and progress — so the issuer's
/// board shows the stage and overdue flag of every assignee down the tree, not only of its direct assignees.
///
/// It reads the plans a body holds: its own and received ones, and the sub-plans of the bodies below reported up to
/// it (`decompositionReported`, kept with their owner's records) with their assignees' progress (`stageReported`,
/// passing through on its way to the sub-plan's issuer). A sub-item is linked below an item only when its plan's
/// issuer is an assignee of that item: a body that claims to decompose an item not assigned to it links nothing.
public struct PlanTree: Sendable {
    /// A sub-item below an item, with its plan and its depth (1: decomposed by an assignee of the item itself).
    public struct Branch: Hashable, Sendable {
        /// The sub-plan holding it (issuer: the body that decomposed the item above).
        public var plan: PlanKey
        /// The sub-item, with its assignees' progress.
        public var item: PlanItem
        /// 1 for a sub-item of the item, 2 for a sub-item of a sub-item, …
        public var depth: Int
    }

    /// One assignee's place in the tree: the item it was assigned (the root item or a sub-item), its stage and
    /// whether it is overdue as of a day.
    public struct Assignment: Hashable, Sendable {
        /// The plan of the item.
        public var plan: PlanKey
        /// The item's id.
        public var itemID: String
        /// The item's deadline.
        public var deadline: Day
        /// 0 for the item's own assignees, then the depth of the sub-item.
        public var depth: Int
        /// The assignee.
        public var assignee: String
        /// Its stage as of the day.
        public var stage: ItemStage
        /// Overdue 逾期 as of the day.
        public var overdue: Bool
    }

    /// Deepest decomposition followed (a federation is a handful of levels deep; a longer chain is a loop or a forgery).
    public static let maxDepth = 8

    /// Sub-items by the item they were decomposed from.
    private let below: [PlanItem.ParentRef: [(plan: PlanKey, item: PlanItem)]]

    /// A tree over `plans` (every plan the body holds, its own and the sub-plans of the bodies below).
    public init(_ plans: some Sequence<ConsultationPlan>) {
        var below: [PlanItem.ParentRef: [(plan: PlanKey, item: PlanItem)]] = [:]
        for plan in plans.sorted(by: { ($0.key.issuer, $0.key.planID) < ($1.key.issuer, $1.key.planID) }) {
            for item in plan.items {
                if let parent = item.parent { below[parent, default: []].append((plan.key, item)) }
            }
        }
        self.below = below
    }

    /// The sub-items below `item` of the plan `key`, depth first, each right after the item it was decomposed from.
    public func branches(of item: PlanItem, in key: PlanKey) -> [Branch] {
        var out: [Branch] = []
        var seen: Set<PlanItem.ParentRef> = []
        func walk(_ item: PlanItem, _ key: PlanKey, depth: Int) {
            let ref = PlanItem.ParentRef(issuer: key.issuer, planID: key.planID, itemID: item.id)
            guard depth <= Self.maxDepth, seen.insert(ref).inserted else { return }
            for (subPlan, sub) in below[ref] ?? [] where item.assignees.contains(subPlan.issuer) {
                out.append(Branch(plan: subPlan, item: sub, depth: depth))
                walk(sub, subPlan, depth: depth + 1)
            }
        }
        walk(item, key, depth: 1)
        return out
    }

    /// Every assignee of `item` and of the sub-items below it, with its stage and overdue flag as of `day`: the
    /// item's own assignees first (depth 0), then each branch's.
    public func assignments(of item: PlanItem, in key: PlanKey, asOf day: Day) -> [Assignment] {
        func rows(_ item: PlanItem, _ key: PlanKey, _ depth: Int) -> [Assignment] {
            item.assignees.map { a in
                Assignment(plan: key, itemID: item.id, deadline: item.deadline, depth: depth, assignee: a,
                           stage: item.stage(of: a, asOf: day), overdue: item.isOverdue(for: a, asOf: day))
            }
        }
        return rows(item, key, 0) + branches(of: item, in: key).flatMap { rows($0.item, $0.plan, $0.depth) }
    }
}
