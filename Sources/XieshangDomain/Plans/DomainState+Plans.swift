/// Consultation plan rules 协商计划规则.
extension DomainState {
    func checkPlan(_ e: PlanEvent) throws {
        let plan = plans[e.key]
        let own = e.issuer == body.id
        func requireIssuer(_ rule: String) throws {
            try require(own, rule, zh: "只有计划制定组织 \(e.issuer) 可以进行此操作",
                        en: "only the issuer \(e.issuer) performs this step; this is \(body.id)")
        }
        func requirePlan() throws -> ConsultationPlan {
            guard let plan else {
                throw DomainError(.notFound, rule: "plan.exists", zh: "计划 \(e.key) 不存在", en: "there is no plan \(e.key) here")
            }
            return plan
        }
        switch e.step {
        case .topicsSolicited:
            try requireIssuer("plan.solicit.issuer")
            try require(plan == nil, "plan.id.unique", zh: "计划编号已存在", en: "the plan id is taken", code: .conflict)
        case .topicProposed(let topicID, let byBody, let topic, _):
            try require(byBody == body.id && !own, "plan.topic.proposer", zh: "议题由下级组织本身提出",
                        en: "a lower body proposes topics for itself")
            try checkTopic(topicID, topic, e.on, try requirePlan())
        case .topicReceived(let topicID, let source, let proposer, let topic, _):
            try requireIssuer("plan.topic.received.issuer")
            try require(source != .lowerBody, "plan.topic.source", zh: "下级政协在本级提出议题，不由计划制定组织代录",
                        en: "a lower body proposes its topic at its own node; the issuer enters topics of departments, the public and members",
                        code: .invalidInput)
            try require(!proposer.isEmpty, "plan.topic.proposer.name", zh: "须注明提出议题的部门、个人或委员",
                        en: "name the department, person or member who proposed the topic", code: .invalidInput)
            try checkTopic(topicID, topic, e.on, try requirePlan())
        case .topicPicked(let topicID, let itemID):
            try requireIssuer("plan.pick.issuer")
            let plan = try requirePlan()
            try require(plan.status <= .drafted, "plan.pick.state", zh: "计划审议后不能再选题", en: "topics are picked before review")
            try require(plan.topics.contains { $0.id == topicID } && plan.topicDecisions[topicID] == nil, "plan.pick.topic",
                        zh: "议题 \(topicID) 不存在或已处理", en: "topic \(topicID) does not exist or was decided already")
            try require(!itemID.isEmpty, "plan.pick.item", zh: "须指定议题对应的事项编号", en: "name the item the topic becomes",
                        code: .invalidInput)
        case .topicDecided(let topicID, let decision):
            try requireIssuer("plan.decide.issuer")
            let plan = try requirePlan()
            try require(plan.status <= .drafted, "plan.decide.state", zh: "计划审议后不能再处理议题", en: "topics are decided before review")
            try require(plan.topics.contains { $0.id == topicID } && plan.topicDecisions[topicID] == nil, "plan.decide.topic",
                        zh: "议题 \(topicID) 不存在或已处理", en: "topic \(topicID) does not exist or was decided already")
            switch decision {
            case .merged(let into):
                try require(into != topicID && plan.topics.contains { $0.id == into }, "plan.decide.merge",
                            zh: "须合并到本计划的另一个议题", en: "a topic is merged into another topic of the plan", code: .invalidInput)
                if case .decided(.merged)? = plan.topicDecisions[into]?.outcome {
                    throw DomainError(.ruleBroken, rule: "plan.decide.merge", zh: "议题 \(into) 已合并到其他议题",
                                      en: "topic \(into) is itself merged into another")
                }
            case .notAdopted(let reason):
                try require(!reason.isEmpty, "plan.decide.reason", zh: "不予采纳须说明理由", en: "not adopting a topic needs a reason",
                            code: .invalidInput)
            }
        case .drafted(let year, let title):
            try requireIssuer("plan.draft.issuer")
            try require((plan?.status ?? .soliciting) == .soliciting, "plan.draft.state", zh: "计划已起草",
                        en: "the plan is already drafted", code: .conflict)
            try require((2000...9999).contains(year) && !title.isEmpty, "plan.draft.fields", zh: "计划须有年度和标题",
                        en: "a plan needs a year and a title", code: .invalidInput)
        case .itemAdded(let item):
            try requireIssuer("plan.item.issuer")
            let plan = try requirePlan()
            try require(plan.status == .drafted, "plan.item.state", zh: "只能向草案添加事项",
                        en: "items are added while the plan is a draft (it is \(plan.status.rawValue))")
            try checkItem(item, existing: plan.items)
        case .reviewed:
            try requireIssuer("plan.review.issuer")
            let plan = try requirePlan()
            try require(plan.status == .drafted && !plan.items.isEmpty, "plan.review.state",
                        zh: "只有有事项的草案可以提交主席会议审议", en: "the chairs' meeting reviews a draft with items")
        case .approved:
            try requireIssuer("plan.approve.issuer")
            try require(try requirePlan().status == .reviewed, "plan.approve.state", zh: "须先经主席会议审议，再报党委常委会审定",
                        en: "the party committee approves a plan the chairs' meeting reviewed")
        case .issued(let document):
            try requireIssuer("plan.issue.issuer")
            try require(try requirePlan().status == .approved, "plan.issue.state", zh: "须经党委常委会审定后印发",
                        en: "a plan is issued after approval")
            try require(!document.isEmpty, "plan.issue.document", zh: "印发须有文号", en: "issuing needs a document number",
                        code: .invalidInput)
        case .decomposed(let itemID, let parentIssuer, let parentPlanID, let subItems):
            try requireIssuer("plan.decompose.issuer")
            guard let parent = plans[PlanKey(issuer: parentIssuer, planID: parentPlanID)], parent.status == .issued,
                  let item = parent.item(itemID) else {
                throw DomainError(.notFound, rule: "plan.decompose.parent", zh: "上级计划事项不存在或未印发",
                                  en: "the received item \(parentIssuer)/\(parentPlanID)/\(itemID) does not exist or is not issued")
            }
            try require(item.assignees.contains(body.id), "plan.decompose.assignee", zh: "只能分解交给本组织的事项",
                        en: "a body decomposes only items assigned to it")
            try require(!subItems.isEmpty, "plan.decompose.items", zh: "分解须至少有一个子事项", en: "decomposition needs sub-items",
                        code: .invalidInput)
            var existing = plan?.items ?? []
            for sub in subItems {
                try checkItem(sub, existing: existing)
                try require(sub.deadline <= item.deadline, "plan.decompose.deadline",
                            zh: "子事项时限不能晚于上级事项时限 \(item.deadline)", en: "a sub-item's deadline cannot pass the item's (\(item.deadline))")
                existing.append(sub)
            }
        case .decompositionReported:
            throw DomainError(.invalidInput, rule: "plan.decompose.reported", zh: "分解情况随分解事项自动上报，不能单独录入",
                              en: "a decomposition is reported up with the decomposition itself (record `decomposed`), never on its own")
        case .stageReported(let itemID, let byBody, let stage, _):
            try require(byBody == body.id, "plan.stage.reporter", zh: "进度由承办组织本身报告", en: "an assignee reports its own progress")
            let plan = try requirePlan()
            try require(plan.status == .issued, "plan.stage.issued", zh: "计划尚未印发", en: "the plan is not issued")
            guard let item = plan.item(itemID) else {
                throw DomainError(.notFound, rule: "plan.stage.item", zh: "事项 \(itemID) 不存在", en: "item \(itemID) does not exist")
            }
            try require(item.assignees.contains(byBody), "plan.stage.assignee", zh: "本组织不是该事项的承办组织",
                        en: "\(byBody) is not an assignee of item \(itemID)")
            let current = item.stage(of: byBody, asOf: e.on)
            try require(stage > current, "plan.stage.forward", zh: "进度只能向前推进（当前：\(current.name)）",
                        en: "progress only moves forward (now \(current.name))")
        }
    }

    private func checkItem(_ item: PlanItem, existing: [PlanItem]) throws {
        try require(!item.id.isEmpty && !existing.contains { $0.id == item.id }, "plan.item.id",
                    zh: "事项编号为空或重复：\(item.id)", en: "item id empty or taken: \(item.id)", code: .invalidInput)
        try require(!item.topic.isEmpty && !item.leadLeader.isEmpty && !item.department.isEmpty, "plan.item.fields",
                    zh: "事项须有议题、牵头领导和责任部门", en: "an item needs a topic, a lead leader and a department",
                    code: .invalidInput)
        try require(!item.assignees.isEmpty && item.assignees.allSatisfy { !$0.isEmpty }, "plan.item.assignees",
                    zh: "事项须有承办组织", en: "an item needs assignee bodies", code: .invalidInput)
    }

    /// The checks every proposed or received topic passes: the plan solicits, before its deadline, an id not taken.
    private func checkTopic(_ topicID: String, _ topic: String, _ on: Day, _ plan: ConsultationPlan) throws {
        try require(plan.status == .soliciting, "plan.topic.soliciting", zh: "该计划未在征集议题",
                    en: "the plan is not soliciting topics")
        guard let deadline = plan.solicitDeadline else {
            throw DomainError(.ruleBroken, rule: "plan.topic.deadline", zh: "该计划的议题征集没有截止日期",
                              en: "the plan's topic solicitation holds no deadline")
        }
        try require(on <= deadline, "plan.topic.deadline", zh: "议题征集已于 \(deadline) 截止",
                    en: "topic solicitation closed on \(deadline)")
        try require(!topicID.isEmpty && !topic.isEmpty && !plan.topics.contains { $0.id == topicID }, "plan.topic.fields",
                    zh: "议题编号为空或重复，或议题为空", en: "the topic id is empty or taken, or the topic is empty", code: .invalidInput)
    }

    mutating func applyPlan(_ e: PlanEvent) {
        let key = e.key
        switch e.step {
        case .topicsSolicited(let deadline, _):
            if plans[key] == nil {
                plans[key] = ConsultationPlan(key: key, year: deadline.year, title: "", status: .soliciting,
                                              solicitDeadline: deadline)
            }
        case .topicProposed(let id, let by, let topic, let reason):
            guard plans[key]?.topics.contains(where: { $0.id == id }) == false else { return }
            plans[key]?.topics.append(.init(id: id, byBody: by, topic: topic, reason: reason, proposedOn: e.on))
        case .topicReceived(let id, let source, let proposer, let topic, let reason):
            guard plans[key]?.topics.contains(where: { $0.id == id }) == false else { return }
            plans[key]?.topics.append(.init(id: id, byBody: e.issuer, topic: topic, reason: reason, source: source,
                                            proposer: proposer, proposedOn: e.on))
        case .topicPicked(let topicID, let itemID):
            if plans[key]?.topicDecisions[topicID] == nil {
                plans[key]?.topicDecisions[topicID] = .init(outcome: .adopted(item: itemID), on: e.on)
            }
        case .topicDecided(let topicID, let decision):
            if plans[key]?.topicDecisions[topicID] == nil {
                plans[key]?.topicDecisions[topicID] = .init(outcome: .decided(decision), on: e.on)
            }
        case .drafted(let year, let title):
            if plans[key] == nil {
                plans[key] = ConsultationPlan(key: key, year: year, title: title, status: .drafted)
            } else {
                plans[key]?.year = year
                plans[key]?.title = title
                plans[key]?.status = .drafted
            }
        case .itemAdded(let item):
            guard plans[key]?.items.contains(where: { $0.id == item.id }) == false else { return }
            plans[key]?.items.append(item)
        case .reviewed: plans[key]?.status = .reviewed
        case .approved: plans[key]?.status = .approved
        case .issued(let document):
            plans[key]?.status = .issued
            plans[key]?.document = document
            plans[key]?.issuedOn = e.on
        case .decomposed(let itemID, let parentIssuer, let parentPlanID, let subItems),
             .decompositionReported(let itemID, let parentIssuer, let parentPlanID, let subItems):
            // The report of a decomposition changes nothing where the decomposition is held (the county itself); at the
            // bodies above it makes the county's sub-plan, kept with the county's records (the projector's drill-down).
            let parent = plans[PlanKey(issuer: parentIssuer, planID: parentPlanID)]
            if plans[key] == nil {
                plans[key] = ConsultationPlan(key: key, year: parent?.year ?? e.on.year, title: parent?.title ?? "",
                                              status: .issued, document: parent?.document, issuedOn: e.on)
            }
            for var sub in subItems where plans[key]?.items.contains(where: { $0.id == sub.id }) == false {
                sub.parent = .init(issuer: parentIssuer, planID: parentPlanID, itemID: itemID)
                plans[key]?.items.append(sub)
            }
        case .stageReported(let itemID, let by, let stage, let note):
            guard let index = plans[key]?.items.firstIndex(where: { $0.id == itemID }) else { return }
            plans[key]?.items[index].progress.append(.init(body: by, stage: stage, on: e.on, note: note))
        }
    }
}
