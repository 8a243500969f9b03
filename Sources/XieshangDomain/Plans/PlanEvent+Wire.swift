import XieshangWire

extension PlanItem {
    /// The wire message (progress is not part of it: it travels as `StageReported` events).
    public var wireMessage: XieshangWire.PlanItem {
        XieshangWire.PlanItem(itemId: id, category: category, topic: topic, form: form, leadLeader: leadLeader,
                              department: department, person: person, deadline: deadline.description, assignees: assignees,
                              parentItemId: parent?.itemID ?? "", parentPlanId: parent?.planID ?? "",
                              parentIssuer: parent?.issuer ?? "")
    }

    /// From the wire message.
    /// - Throws: `DomainError` for a malformed deadline.
    public init(wire m: XieshangWire.PlanItem) throws {
        let parent = m.parentItemId.isEmpty ? nil
            : ParentRef(issuer: m.parentIssuer, planID: m.parentPlanId, itemID: m.parentItemId)
        self.init(id: m.itemId, category: m.category, topic: m.topic, form: m.form, leadLeader: m.leadLeader,
                  department: m.department, person: m.person, deadline: try wireDay(m.deadline, "PlanItem.deadline"),
                  assignees: m.assignees, parent: parent)
    }
}

extension ItemStage {
    var wire: XieshangWire.ItemStage {
        switch self {
        case .assigned: .assigned
        case .preparing: .preparing
        case .held: .held
        case .resultsReported: .resultsReported
        case .feedbackReceived: .feedbackReceived
        case .tracked: .tracked
        }
    }

    init(wire: XieshangWire.ItemStage) throws {
        switch wire {
        case .assigned: self = .assigned
        case .preparing: self = .preparing
        case .held: self = .held
        case .resultsReported: self = .resultsReported
        case .feedbackReceived: self = .feedbackReceived
        case .tracked: self = .tracked
        default: throw wireMissing("PlanEvent.StageReported.stage")
        }
    }
}

extension PlanEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.PlanEvent {
        typealias W = XieshangWire.PlanEvent
        let wireStep: W.Step = switch step {
        case .topicsSolicited(let deadline, let bodies):
            .topicsSolicited(W.TopicsSolicited(deadline: deadline.description, bodies: bodies))
        case .topicProposed(let id, let by, let topic, let reason):
            .topicProposed(W.TopicProposed(topicId: id, byBody: by, topic: topic, reason: reason))
        case .topicPicked(let topicID, let itemID): .topicPicked(W.TopicPicked(topicId: topicID, itemId: itemID))
        case .drafted(let year, let title): .drafted(W.Drafted(year: Int32(clamping: year), title: title))
        case .itemAdded(let item): .itemAdded(item.wireMessage)
        case .reviewed(let meeting): .reviewed(W.Approval(meeting: meeting))
        case .approved(let meeting): .approved(W.Approval(meeting: meeting))
        case .issued(let document): .issued(W.Issued(document: document))
        case .decomposed(let itemID, let parentIssuer, let parentPlanID, let subItems):
            .decomposed(W.Decomposed(itemId: itemID, parentIssuer: parentIssuer, subItems: subItems.map(\.wireMessage),
                                     parentPlanId: parentPlanID))
        case .decompositionReported(let itemID, let parentIssuer, let parentPlanID, let subItems):
            .decompositionReported(W.Decomposed(itemId: itemID, parentIssuer: parentIssuer, subItems: subItems.map(\.wireMessage),
                                                parentPlanId: parentPlanID))
        case .stageReported(let itemID, let by, let stage, let note):
            .stageReported(W.StageReported(itemId: itemID, byBody: by, stage: stage.wire, note: note))
        case .topicReceived(let id, let source, let proposer, let topic, let reason):
            .topicReceived(W.TopicReceived(topicId: id, source: source.wire, proposer: proposer, topic: topic, reason: reason))
        case .topicDecided(let id, let decision):
            switch decision {
            case .merged(let into): .topicDecided(W.TopicDecided(topicId: id, mergedInto: into))
            case .notAdopted(let reason): .topicDecided(W.TopicDecided(topicId: id, notAdoptedReason: reason))
            }
        }
        return W(planId: planID, issuer: issuer, on: on.description, step: wireStep)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, a missing step or an unknown stage.
    public init(wire m: XieshangWire.PlanEvent) throws {
        guard let wireStep = m.step else { throw wireMissing("PlanEvent.step") }
        let step: Step
        switch wireStep {
        case .topicsSolicited(let t):
            step = .topicsSolicited(deadline: try wireDay(t.deadline, "PlanEvent.TopicsSolicited.deadline"), bodies: t.bodies)
        case .topicProposed(let t): step = .topicProposed(topicID: t.topicId, byBody: t.byBody, topic: t.topic, reason: t.reason)
        case .topicPicked(let t): step = .topicPicked(topicID: t.topicId, itemID: t.itemId)
        case .drafted(let d): step = .drafted(year: int(d.year), title: d.title)
        case .itemAdded(let item): step = .itemAdded(try PlanItem(wire: item))
        case .reviewed(let a): step = .reviewed(meeting: a.meeting)
        case .approved(let a): step = .approved(meeting: a.meeting)
        case .issued(let i): step = .issued(document: i.document)
        case .decomposed(let d):
            step = .decomposed(itemID: d.itemId, parentIssuer: d.parentIssuer, parentPlanID: d.parentPlanId,
                               subItems: try d.subItems.map(PlanItem.init(wire:)))
        case .decompositionReported(let d):
            step = .decompositionReported(itemID: d.itemId, parentIssuer: d.parentIssuer, parentPlanID: d.parentPlanId,
                                          subItems: try d.subItems.map(PlanItem.init(wire:)))
        case .stageReported(let s):
            step = .stageReported(itemID: s.itemId, byBody: s.byBody, stage: try ItemStage(wire: s.stage), note: s.note)
        case .topicReceived(let t):
            step = .topicReceived(topicID: t.topicId, source: try ConsultationPlan.TopicSource(wire: t.source), proposer: t.proposer,
                                  topic: t.topic, reason: t.reason)
        case .topicDecided(let d):
            switch (d.mergedInto.isEmpty, d.notAdoptedReason.isEmpty) {
            case (false, true): step = .topicDecided(topicID: d.topicId, .merged(into: d.mergedInto))
            case (true, false): step = .topicDecided(topicID: d.topicId, .notAdopted(reason: d.notAdoptedReason))
            default: throw wireMissing("PlanEvent.TopicDecided: exactly one of merged_into and not_adopted_reason")
            }
        }
        self.init(m.planId, issuer: m.issuer, on: try wireDay(m.on, "PlanEvent.on"), step)
    }
}

extension ConsultationPlan.TopicSource {
    var wire: XieshangWire.TopicSource {
        switch self {
        case .lowerBody: .unspecified
        case .department: .department
        case .society: .public
        case .member: .member
        }
    }

    init(wire: XieshangWire.TopicSource) throws {
        switch wire {
        case .department: self = .department
        case .public: self = .society
        case .member: self = .member
        default: throw wireMissing("PlanEvent.TopicReceived.source")
        }
    }
}
