/// A step of a consultation plan 协商计划 (payload `PlanEvent` of plans.proto).
public struct PlanEvent: Hashable, Sendable {
    /// The step.
    public enum Step: Hashable, Sendable {
        /// 征集议题: topics solicited until a deadline from some bodies (empty: all below).
        case topicsSolicited(deadline: Day, bodies: [String])
        /// A lower body proposes a topic.
        case topicProposed(topicID: String, byBody: String, topic: String, reason: String)
        /// The issuer picks a topic as an item.
        case topicPicked(topicID: String, itemID: String)
        /// 草案.
        case drafted(year: Int, title: String)
        /// An item added to the draft.
        case itemAdded(PlanItem)
        /// 主席会议审议.
        case reviewed(meeting: String)
        /// 党委常委会审定.
        case approved(meeting: String)
        /// 印发.
        case issued(document: String)
        /// A county decomposes a received item (issuer `parentIssuer`, same plan id) into sub-items.
        case decomposed(itemID: String, parentIssuer: String, parentPlanID: String, subItems: [PlanItem])
        /// An assignee reports a stage.
        case stageReported(itemID: String, byBody: String, stage: ItemStage, note: String)
        /// 议题征集 beyond the subtree: a topic from a department, the public or a member, entered by the issuer.
        case topicReceived(topicID: String, source: ConsultationPlan.TopicSource, proposer: String, topic: String, reason: String)
        /// The issuer's decision on a topic it does not take into the plan: merged into another, or not adopted.
        case topicDecided(topicID: String, ConsultationPlan.TopicDecision)
        /// 分解上报: a decomposition (the same fields as `decomposed`, issuer the decomposing county) reported up to the
        /// issuer of the received item. Recorded with every `decomposed` (``DomainState/decide(_:by:)``), never on its
        /// own; at the bodies above it is the county's own record, kept for drill-down (``PlanTree``).
        case decompositionReported(itemID: String, parentIssuer: String, parentPlanID: String, subItems: [PlanItem])
    }

    /// Plan id at the issuer.
    public var planID: String
    /// Issuer (for `decomposed`: the decomposing county, owner of the sub-plan).
    public var issuer: String
    /// Day of the step.
    public var on: Day
    /// The step.
    public var step: Step

    /// Makes an event.
    public init(_ planID: String, issuer: String, on: Day, _ step: Step) {
        self.planID = planID
        self.issuer = issuer
        self.on = on
        self.step = step
    }

    /// The plan's key.
    public var key: PlanKey { PlanKey(issuer: issuer, planID: planID) }

    /// For a `decomposed` step, the `decompositionReported` recorded with it (the same fields, up to the issuer of the
    /// received item); nil for every other step.
    public var decompositionReport: PlanEvent? {
        guard case .decomposed(let itemID, let parentIssuer, let parentPlanID, let subItems) = step else { return nil }
        return PlanEvent(planID, issuer: issuer, on: on, .decompositionReported(itemID: itemID, parentIssuer: parentIssuer,
                                                                                parentPlanID: parentPlanID, subItems: subItems))
    }
}
