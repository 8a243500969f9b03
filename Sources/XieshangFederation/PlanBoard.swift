import XieshangWire

/// Plans down, progress up (协商计划): what a node sees of consultation plans from the `PlanEvent`s (plans.proto,
/// the payload of `EVENT_KIND_PLAN`) it stores — the items it issued with each assignee's stage and overdue flags
/// (the issuer's view), and the items issued to it.
///
/// Items are added to a draft (`item_added`) and reach the assignees when the plan is issued (`issued`, scope down
/// to the subtree); a county's `decomposed` step issues sub-items of an item it received at once. Assignees report
/// `stage_reported` (scope up), which reaches the issuer. Steps are believed only from the body that may make
/// them: issuer steps from events signed by the plan's issuer, a stage report from the assignee it names, about an
/// item that names it. An item is overdue for an assignee (逾期) when its deadline has passed and the assignee had
/// not reached `ITEM_STAGE_HELD` (已召开) by the deadline — the domain module's rule. Days are "YYYY-MM-DD".
public struct PlanBoard: Sendable {
    /// Names one item everywhere: the issuing body, its plan id and the item id.
    public struct ItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
        /// Node id of the body that issued the item.
        public var issuer: String
        /// The plan id at the issuer.
        public var planId: String
        /// The item id within the plan.
        public var itemId: String
        /// Makes a key.
        public init(issuer: String, planId: String, itemId: String) {
            self.issuer = issuer
            self.planId = planId
            self.itemId = itemId
        }
        public static func < (a: ItemKey, b: ItemKey) -> Bool { a.description < b.description }
        /// `issuer/plan/item`.
        public var description: String { "\(issuer)/\(planId)/\(itemId)" }
    }

    /// One issued item and its assignees' progress.
    public struct Item: Sendable, Hashable {
        /// The item's key.
        public var key: ItemKey
        /// The item as issued (topic, lead, department, person, deadline, assignees, parent item).
        public var item: PlanItem
        /// Day the item was issued.
        public var issuedOn: String
        /// The most advanced stage each assignee reported (an assignee absent here reported nothing).
        public var stages: [String: ItemStage] = [:]
        /// Day each assignee first reported `held` or beyond.
        public var heldOn: [String: String] = [:]

        /// The assignees (承办组织).
        public var assignees: [String] { item.assignees }
        /// The deadline, "YYYY-MM-DD".
        public var deadline: String { item.deadline }

        /// The stage `assignee` reached (`assigned` when it reported nothing).
        public func stage(of assignee: String) -> ItemStage { stages[assignee] ?? .assigned }

        /// Whether the item is overdue for `assignee` on `day`: the deadline has passed and the assignee had not
        /// held the consultation by the deadline.
        public func isOverdue(for assignee: String, asOf day: String) -> Bool {
            guard deadline < day else { return false }
            guard let held = heldOn[assignee] else { return true }
            return held > deadline
        }

        /// The assignees for which the item is overdue on `day`, sorted.
        public func overdueAssignees(asOf day: String) -> [String] {
            assignees.filter { isOverdue(for: $0, asOf: day) }.sorted()
        }

        /// Whether the item is overdue for some assignee on `day`.
        public func isOverdue(asOf day: String) -> Bool { !overdueAssignees(asOf: day).isEmpty }

        /// Whether the item is overdue for some assignee at `nowMs` (ms since 1970), in China Standard Time.
        public func isOverdue(now nowMs: Int64) -> Bool { isOverdue(asOf: PlanBoard.day(ofMs: nowMs)) }
    }

    /// Items this node issued, with each assignee's progress (the issuer's view).
    public private(set) var issued: [ItemKey: Item] = [:]
    /// Items issued to this node by others.
    public private(set) var received: [ItemKey: Item] = [:]
    /// Items added to plans not issued yet, by (issuer, plan id).
    private var drafts: [String: [PlanItem]] = [:]

    /// An empty board.
    public init() {}

    /// The items this node issued that are overdue on `day`, in key order.
    public func overdue(asOf day: String) -> [Item] {
        issued.values.filter { $0.isOverdue(asOf: day) }.sorted { $0.key < $1.key }
    }

    /// The day ("YYYY-MM-DD") of `ms` (ms since 1970) in China Standard Time (UTC+8, no daylight saving).
    public static func day(ofMs ms: Int64) -> String {
        let days = Int((ms + 8 * 3_600_000).dividedFloor(by: 86_400_000))
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// Applies a stored plan event signed by `signer` (the node of its origin chain); `me` is this node.
    mutating func apply(_ body: EventBody, signer: String, me: String) {
        guard let event = try? PlanEvent(serializedBytes: body.payload), let step = event.step,
              !event.issuer.isEmpty, !event.planId.isEmpty else { return }
        let plan = event.issuer + "\u{0}" + event.planId
        switch step {
        case .itemAdded(let item):
            guard signer == event.issuer, !item.itemId.isEmpty else { return }
            if !(drafts[plan] ?? []).contains(where: { $0.itemId == item.itemId }) { drafts[plan, default: []].append(item) }
        case .issued:
            guard signer == event.issuer else { return }
            for item in drafts.removeValue(forKey: plan) ?? [] { place(item, event, me: me) }
        case .decomposed(let d):
            guard signer == event.issuer else { return }
            for item in d.subItems where !item.itemId.isEmpty { place(item, event, me: me) }
        case .stageReported(let r):
            guard signer == r.byBody else { return }
            let key = ItemKey(issuer: event.issuer, planId: event.planId, itemId: r.itemId)
            if issued[key] != nil { PlanBoard.report(&issued[key]!, r, on: event.on) }
            if r.byBody == me, received[key] != nil { PlanBoard.report(&received[key]!, r, on: event.on) }
        default:
            break
        }
    }

    private mutating func place(_ item: PlanItem, _ event: PlanEvent, me: String) {
        let key = ItemKey(issuer: event.issuer, planId: event.planId, itemId: item.itemId)
        let entry = Item(key: key, item: item, issuedOn: event.on)
        if event.issuer == me {
            if issued[key] == nil { issued[key] = entry }
        } else if item.assignees.contains(me), received[key] == nil {
            received[key] = entry
        }
    }

    /// Stages are ordered by their proto values; an unknown later stage counts as beyond `held`.
    private static func report(_ item: inout Item, _ r: PlanEvent.StageReported, on day: String) {
        guard item.assignees.contains(r.byBody), r.stage.protoValue > 0 else { return }
        if r.stage.protoValue > (item.stages[r.byBody]?.protoValue ?? 0) { item.stages[r.byBody] = r.stage }
        if r.stage.protoValue >= ItemStage.held.protoValue, item.heldOn[r.byBody].map({ day < $0 }) ?? true {
            item.heldOn[r.byBody] = day
        }
    }
}

private extension Int64 {
    func dividedFloor(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
