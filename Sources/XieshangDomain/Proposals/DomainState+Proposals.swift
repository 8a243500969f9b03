/// Proposal rules 提案办理规则: the table of shared/DOMAIN.md, one check per row.
extension DomainState {
    func decideProposal(_ command: ProposalEvent, by actor: Actor) throws -> [DomainEvent] {
        var event = command
        event.policyVersion = policy.version
        try require(policy.registersProposals, "proposal.body.registers",
                    zh: "\(body.name)（\(body.tier)）不受理提案，提案由县级以上政协受理",
                    en: "\(body.id) (\(body.tier)) does not register proposals; file them with a county or city body")
        try require(!command.proposalID.isEmpty, "proposal.id", zh: "提案编号不能为空",
                    en: "a proposal needs an id", code: .invalidInput)
        let on = command.on

        if case .submitted(var s) = command.step {
            try require(proposals[command.proposalID] == nil, "proposal.id.unique",
                        zh: "提案编号 \(command.proposalID) 已存在", en: "proposal \(command.proposalID) already exists",
                        code: .conflict)
            if s.channel.enteredByOffice {
                try require(actor == .office || actor == .committee, "proposal.submit.channel",
                            zh: "经“\(Labels.zh("channel." + s.channel.rawValue))”收到的提案由提案委员会办公室代为录入",
                            en: "a proposal received by \(s.channel.rawValue) is entered by the office on the proposer's behalf (actor office)")
            } else {
                try require(actor == .member(s.firstProposer), "proposal.submit.actor",
                            zh: "只有第一提案人可以网上提交提案；纸质、大会期间或微信/QQ群收到的提案由办公室注明渠道代为录入",
                            en: "only the first proposer submits a proposal online; the office enters one received on paper, at the session or in a chat group, naming the channel")
            }
            try require(isActiveMember(s.firstProposer, on: on), "proposal.submit.member",
                        zh: "\(s.firstProposer) 不是本组织的在任委员，不能提交提案",
                        en: "\(s.firstProposer) is not an active member of \(body.id) and cannot submit a proposal")
            try require(!s.title.isEmpty && !s.text.isEmpty, "proposal.submit.content",
                        zh: "提案须有案由和正文", en: "a proposal needs a title and a text", code: .invalidInput)
            switch s.kind {
            case .joint:
                try require(!s.cosigners.isEmpty, "proposal.submit.cosigners",
                            zh: "联名提案至少需要一位附议人", en: "a joint proposal needs at least one co-signer")
            case .collective:
                try require(!s.collectiveName.isEmpty, "proposal.submit.collective",
                            zh: "集体提案须写明提出单位", en: "a collective proposal names the party, group or committee")
            case .fromLowerBody:
                try require(!s.fromBody.isEmpty, "proposal.submit.fromBody",
                            zh: "下级政协提案须写明来源组织", en: "a proposal from a lower body names that body")
            case .individual:
                try require(s.cosigners.isEmpty, "proposal.submit.individual",
                            zh: "个人提案没有附议人", en: "an individual proposal has no co-signers")
            }
            try require(Set(s.cosigners).count == s.cosigners.count && !s.cosigners.contains(s.firstProposer),
                        "proposal.submit.cosigners.distinct", zh: "附议人不能重复，也不能是第一提案人",
                        en: "co-signers are distinct and differ from the first proposer", code: .invalidInput)
            for c in s.cosigners {
                try require(isActiveMember(c, on: on), "proposal.submit.cosigner.member",
                            zh: "附议人 \(c) 不是本组织的在任委员", en: "co-signer \(c) is not an active member of \(body.id)")
            }
            let cosignDeadline = s.cosignDeadline ?? on.adding(days: policy.cosignWindowDays)
            s.cosignDeadline = cosignDeadline
            try require(cosignDeadline >= on, "proposal.submit.cosignDeadline",
                        zh: "附议截止日期不能早于提交日期", en: "the co-signing deadline cannot precede submission",
                        code: .invalidInput)
            event.step = .submitted(s)
            return [.proposal(event)]
        }

        guard let p = proposals[command.proposalID] else {
            throw DomainError(.notFound, rule: "proposal.exists", zh: "提案 \(command.proposalID) 不存在",
                              en: "there is no proposal \(command.proposalID) at \(body.id)")
        }
        try require(on >= p.submittedOn, "proposal.date.order", zh: "日期 \(on) 早于提交日期 \(p.submittedOn)",
                    en: "day \(on) precedes the submission on \(p.submittedOn)", code: .invalidInput)
        let committee = actor == .committee

        switch command.step {
        case .submitted:
            fatalError("handled above")

        case .cosignerConfirmed(let m):
            try require(actor == .member(m), "proposal.cosign.actor",
                        zh: "附议只能由附议人本人确认", en: "only the co-signer confirms their co-signature")
            try require(p.submission.cosigners.contains(m), "proposal.cosign.invited",
                        zh: "\(m) 不在本提案的附议人名单中", en: "\(m) was not invited to co-sign this proposal")
            try require(!p.confirmedCosigners.contains(m), "proposal.cosign.once",
                        zh: "\(m) 已确认附议", en: "\(m) already confirmed", code: .conflict)
            let cosignDeadline = p.submission.cosignDeadline ?? p.submittedOn
            try require(on <= cosignDeadline, "proposal.cosign.deadline",
                        zh: "附议确认已超过截止日期 \(cosignDeadline)，不计入附议人",
                        en: "confirmation after the deadline \(cosignDeadline) does not count")

        case .withdrawn(let by, _):
            try require(actor == .member(by) && by == p.submission.firstProposer, "proposal.withdraw.actor",
                        zh: "只有第一提案人可以撤回提案", en: "only the first proposer withdraws a proposal")
            try require(p.status == .submitted, "proposal.withdraw.beforeReview",
                        zh: "提案已审查（\(p.status.rawValue)），不能撤回", en: "a proposal can be withdrawn only before review")

        case .reviewed(let review):
            try require(committee, "proposal.review.actor", zh: "审查由提案委员会进行",
                        en: "the proposals committee reviews proposals")
            try require(p.status == .submitted, "proposal.review.state",
                        zh: "只有已提交的提案可以审查", en: "only a submitted proposal can be reviewed (it is \(p.status.rawValue))")
            switch review {
            case .registered:
                break
            case .notRegistered(let reason, let notice, let conversion):
                try require(policy.notRegisteredReasons.contains { $0.code == reason }, "proposal.review.reason",
                            zh: "不予立案理由“\(reason)”不在本组织规则列出的理由中",
                            en: "reason \"\(reason)\" is not one of the policy's not-registered reasons")
                try require(!notice.isEmpty, "proposal.review.notice",
                            zh: "不予立案须书面告知提案人", en: "not registering requires a notice to the proposer")
                if let conversion {
                    try require(conversion.consentBy == p.submission.firstProposer, "proposal.review.conversion.consent",
                                zh: "转为社情民意信息须经提案人同意", en: "conversion to an opinion report needs the proposer's recorded consent")
                    try require(!conversion.reportID.isEmpty
                                && opinions[OpinionKey(originBody: body.id, originReportID: conversion.reportID)] == nil,
                                "proposal.review.conversion.id", zh: "转换生成的社情民意信息编号为空或已存在",
                                en: "the opinion report id of the conversion is empty or taken", code: .conflict)
                }
            case .merged(let into):
                try require(into != p.id, "proposal.merge.self", zh: "提案不能并入自身", en: "a proposal cannot merge into itself")
                guard let target = proposals[into] else {
                    throw DomainError(.notFound, rule: "proposal.merge.target", zh: "并案目标提案 \(into) 不存在",
                                      en: "merge target \(into) does not exist")
                }
                try require([.registered, .assigned, .reassigning].contains(target.status), "proposal.merge.targetState",
                            zh: "只能并入已立案、尚未答复的提案", en: "a proposal merges only into a registered proposal not yet replied")
            }

        case .assigned(var a):
            try require(committee, "proposal.assign.actor", zh: "交办由提案委员会进行",
                        en: "the proposals committee assigns proposals; a unit never assigns by itself")
            try require(p.status == .registered, "proposal.assign.state",
                        zh: "只有已立案的提案可以交办", en: "only a registered proposal can be assigned (it is \(p.status.rawValue))")
            a.due = try checkAssignment(a, base: on, on: on)
            event.step = .assigned(a)

        case .objected(let unit, let reason):
            try require(actor == .unit(unit), "proposal.object.actor", zh: "异议由承办单位本身提出",
                        en: "only the unit itself objects to its assignment")
            try require(p.status == .assigned, "proposal.object.state", zh: "只有交办中的提案可以提出异议",
                        en: "only an assigned proposal can be objected to")
            let handling = try currentHandling(p)
            try require(handling.assignment.units.contains(unit), "proposal.object.unit",
                        zh: "\(unit) 不是本提案的承办单位", en: "\(unit) is not a handling unit of this proposal")
            try require(!reason.isEmpty, "proposal.object.reason", zh: "异议须说明理由", en: "an objection needs a reason")
            let last = handling.roundStartedOn.adding(days: policy.objectionWindowDays)
            try require(on <= last, "proposal.object.window",
                        zh: "异议期已过（交办后 \(policy.objectionWindowDays) 日内，截至 \(last)）",
                        en: "the objection window (\(policy.objectionWindowDays) days, until \(last)) has passed")

        case .reassigned(var a):
            try require(committee, "proposal.reassign.actor", zh: "重新交办由提案委员会进行；承办单位不能自行转办",
                        en: "only the proposals committee reassigns; a unit never reassigns by itself")
            try require(p.status == .reassigning, "proposal.reassign.state", zh: "只有提出异议的提案可以重新交办",
                        en: "a proposal is reassigned only after an objection")
            a.due = try checkAssignment(a, base: try currentHandling(p).roundStartedOn, on: on)
            event.step = .reassigned(a)

        case .extended(let newDue, let reason):
            try require(committee, "proposal.extend.actor", zh: "延期由提案委员会批准", en: "the proposals committee grants extensions")
            try require(p.status == .assigned, "proposal.extend.state", zh: "只有办理中的提案可以延期",
                        en: "only an assigned proposal can be extended")
            try require(!reason.isEmpty, "proposal.extend.reason", zh: "延期须说明理由", en: "an extension needs a reason")
            let handling = try currentHandling(p)
            try require(newDue > handling.due, "proposal.extend.later", zh: "新的办理期限须晚于原期限 \(handling.due)",
                        en: "the new due date must be after the current one (\(handling.due))", code: .invalidInput)
            let cap = handling.roundStartedOn.adding(months: policy.maxExtensionMonths)
            try require(newDue <= cap, "proposal.extend.cap",
                        zh: "延期不得超过交办后 \(policy.maxExtensionMonths) 个月（\(cap)）",
                        en: "an extension cannot go past \(policy.maxExtensionMonths) months after assignment (\(cap))")

        case .coHandlingOpinion(let unit, let text):
            try require(actor == .unit(unit), "proposal.cohandle.actor", zh: "会办意见由会办单位本身提出",
                        en: "only the co-handling unit gives its opinion")
            try require(p.status == .assigned, "proposal.cohandle.state", zh: "只有办理中的提案可以提出会办意见",
                        en: "opinions are given while the proposal is assigned")
            try require(try currentHandling(p).assignment.coHandlingUnits.contains(unit), "proposal.cohandle.unit",
                        zh: "\(unit) 不是本提案的会办单位", en: "\(unit) is not a co-handling unit of this proposal")
            try require(!text.isEmpty, "proposal.cohandle.text", zh: "会办意见不能为空", en: "the opinion is empty",
                        code: .invalidInput)

        case .replied(let unit, let replyClass, _):
            try require(actor == .unit(unit), "proposal.reply.actor", zh: "答复由承办单位本身作出",
                        en: "only the unit itself replies")
            try require(p.status == .assigned, "proposal.reply.state", zh: "只有办理中的提案可以答复",
                        en: "only an assigned proposal can be replied to (it is \(p.status.rawValue))")
            let a = try currentHandling(p).assignment
            if a.coHandlingUnits.contains(unit) {
                throw DomainError(.ruleBroken, rule: "proposal.reply.coHandlingUnit",
                                  zh: "\(unit) 是会办单位，只能向主办单位提出会办意见，由主办单位答复",
                                  en: "\(unit) is a co-handling unit: it gives its opinion to the lead unit, which replies")
            }
            try require(a.replyingUnits.contains(unit), "proposal.reply.unit",
                        zh: "\(unit) 不是本提案的主办或分办单位", en: "\(unit) is neither the lead nor a split unit of this proposal")
            if let returned = p.appraisalReturn, p.replies.contains(where: { $0.round == returned.round && $0.unit == unit }) {
                try require(p.explanations.contains { $0.unit == unit && $0.round == returned.round }, "proposal.reply.explanationPending",
                            zh: "\(unit) 的答复经季度测评退回，须先提交书面说明（xieshang proposal explain）",
                            en: "the appraisal returned \(unit)'s reply: it gives its written explanation first (xieshang proposal explain)")
            }
            try require(!p.currentReplies.contains { $0.unit == unit }, "proposal.reply.once",
                        zh: "\(unit) 本轮已答复", en: "\(unit) already replied in this round", code: .conflict)
            let missing = a.coHandlingUnits.filter { p.coHandlingOpinions[$0] == nil }
            try require(missing.isEmpty, "proposal.reply.coHandlingPending",
                        zh: "会办单位尚未提出会办意见：\(missing.joined(separator: "、"))",
                        en: "co-handling opinions are missing from: \(missing.joined(separator: ", "))")
            try require(policy.replyClass(replyClass) != nil, "proposal.reply.class",
                        zh: "答复类别“\(replyClass)”不在本组织规则列出的类别中",
                        en: "reply class \"\(replyClass)\" is not one of the policy's reply classes")

        case .evaluated(let m, _, _):
            try require(actor == .member(m), "proposal.evaluate.actor", zh: "测评由提案人本人作出",
                        en: "only the proposer evaluates")
            try require(p.status == .replied || p.status == .evaluated, "proposal.evaluate.state",
                        zh: "只有已答复的提案可以测评", en: "only a replied proposal can be evaluated (it is \(p.status.rawValue))")
            try require(proposersIncludingMerged(p).contains(m), "proposal.evaluate.proposer",
                        zh: "\(m) 不是本提案（含并案）的提案人", en: "\(m) is not a proposer of this proposal or of one merged into it")
            try require(!p.currentEvaluations.contains { $0.member == m }, "proposal.evaluate.once",
                        zh: "\(m) 本轮已测评", en: "\(m) already evaluated this round", code: .conflict)

        case .rehandled(let reason, let due, let byAppraisal):
            try require(committee, "proposal.rehandle.actor", zh: "退回重办由提案委员会决定",
                        en: "the proposals committee returns proposals for re-handling")
            try require(!reason.isEmpty, "proposal.rehandle.reason", zh: "退回重办须说明理由",
                        en: "re-handling needs a written explanation")
            if byAppraisal {
                try require(p.status == .replied || p.status == .evaluated, "proposal.rehandle.state",
                            zh: "只有已答复的提案可以因季度测评退回重办", en: "the appraisal returns only replied proposals")
            } else {
                try require(p.status == .evaluated && p.currentEvaluations.contains { $0.rating == .unsatisfied },
                            "proposal.rehandle.unsatisfied", zh: "只有测评为不满意的提案可以退回重办",
                            en: "a proposal is returned for re-handling only when a proposer rated it 不满意")
            }
            let newDue = due ?? on.adding(months: policy.replyMonths)
            try require(newDue > on && newDue <= on.adding(months: policy.maxExtensionMonths), "proposal.rehandle.due",
                        zh: "重办期限须在 \(policy.maxExtensionMonths) 个月之内", en: "the round's due date must fall within \(policy.maxExtensionMonths) months",
                        code: .invalidInput)
            event.step = .rehandled(reason: reason, due: newDue, byAppraisal: byAppraisal)

        case .closed:
            try require(committee, "proposal.close.actor", zh: "办结由提案委员会确认", en: "the proposals committee closes proposals")
            if (p.status == .assigned || p.status == .reassigning) && p.round > 1 {
                throw DomainError(.ruleBroken, rule: "proposal.close.openRound",
                                  zh: "第 \(p.round) 轮重办尚未答复，提案不能办结",
                                  en: "re-handling round \(p.round) is still open; the proposal cannot close")
            }
            switch p.status {
            case .evaluated:
                break
            case .replied:
                let window = (p.repliedOn ?? p.submittedOn).adding(days: policy.evaluationWindowDays)
                try require(on > window, "proposal.close.notEvaluated",
                            zh: "提案尚未测评，测评期至 \(window)", en: "the proposal is not evaluated; the evaluation window runs until \(window)")
            default:
                throw DomainError(.ruleBroken, rule: "proposal.close.state", zh: "只有已答复并测评的提案可以办结",
                                  en: "only a replied and evaluated proposal can close (it is \(p.status.rawValue))")
            }

        case .keyProposal(let supervisor):
            try require(committee, "proposal.key.actor", zh: "重点提案由提案委员会确定", en: "the proposals committee selects key proposals")
            try require([.registered, .assigned, .reassigning, .replied, .evaluated].contains(p.status), "proposal.key.state",
                        zh: "只有已立案、未办结的提案可以列为重点提案", en: "only a registered, open proposal can be a key proposal")
            try require(!supervisor.isEmpty, "proposal.key.supervisor", zh: "重点提案须明确领衔督办领导",
                        en: "a key proposal names its supervising leader")

        case .appraised(var a):
            try require(committee, "proposal.appraise.actor", zh: "季度测评由提案委员会在常委会议上组织",
                        en: "the proposals committee records the quarterly appraisal")
            try require(a.quarter.kind == .quarter, "proposal.appraise.quarter", zh: "测评期间须为季度，如 2026-Q2",
                        en: "the appraisal period is a quarter such as 2026-Q2, not \(a.quarter)", code: .invalidInput)
            try require(on >= a.quarter.start, "proposal.appraise.date", zh: "测评日期 \(on) 早于 \(a.quarter) 开始",
                        en: "the appraisal day \(on) precedes \(a.quarter)", code: .invalidInput)
            try require(p.status == .replied || p.status == .evaluated, "proposal.appraise.state",
                        zh: "只有已答复、尚未办结的提案可以进行季度测评", en: "only a replied proposal is appraised (it is \(p.status.rawValue))")
            let max = ProposalEvent.Appraisal.maxVotes
            try require([a.satisfied, a.basicallySatisfied, a.unsatisfied].allSatisfy { (0...max).contains($0) }
                        && a.satisfied + a.basicallySatisfied + a.unsatisfied > 0, "proposal.appraise.votes",
                        zh: "测评票数须为 0 至 \(max) 的整数，且至少一票", en: "the votes are whole numbers from 0 to \(max), at least one in all",
                        code: .invalidInput)
            try require(!p.appraisals.contains { $0.quarter == a.quarter && $0.round == p.round }, "proposal.appraise.once",
                        zh: "提案 \(p.id) 本轮已在 \(a.quarter) 测评", en: "proposal \(p.id) was already appraised in \(a.quarter) this round",
                        code: .conflict)
            a.thresholdPercent = policy.appraisalThresholdPercent
            event.step = .appraised(a)
            guard a.isBelowThreshold(policy.satisfactionFormula) else { break }
            // Below the threshold: the same command returns the reply for re-handling (its rules apply as they are).
            var after = self
            after.applyProposal(event)
            let rate = a.rate(policy.satisfactionFormula)
            let returned = try after.decideProposal(ProposalEvent(p.id, on: on, .rehandled(
                reason: "\(a.quarter) 季度测评满意度 \(rate)（\(rate.numerator)/\(rate.denominator)）低于 \(a.thresholdPercent)%，退回重办，承办单位须书面说明",
                due: nil, byAppraisal: true)), by: actor)
            return [.proposal(event)] + returned

        case .instructed(let i):
            try require(committee || actor == .office, "proposal.instruct.actor", zh: "领导批示由提案委员会（办公室）登记",
                        en: "the proposals committee or its office records a leader's instruction")
            try require([.registered, .assigned, .reassigning, .replied, .evaluated].contains(p.status), "proposal.instruct.state",
                        zh: "只有已立案、未办结的提案可以登记领导批示", en: "an instruction is recorded on a registered, open proposal (it is \(p.status.rawValue))")
            try require(!i.leader.isEmpty && !i.text.isEmpty && !i.leaderLevel.isEmpty, "proposal.instruct.fields",
                        zh: "领导批示须写明领导层级、领导姓名职务和批示内容", en: "an instruction names the leader's level, the leader and its text",
                        code: .invalidInput)

        case .supervised(let outcome, let note):
            try require(committee || actor == .office, "proposal.supervise.actor", zh: "督办情况由提案委员会（办公室）登记",
                        en: "the proposals committee or its office records supervision")
            try require(p.supervisor != nil, "proposal.supervise.key",
                        zh: "提案 \(p.id) 不是重点提案，没有领衔督办领导（先用 xieshang proposal key 确定）",
                        en: "proposal \(p.id) is not a key proposal with a supervising leader (make it one with xieshang proposal key)")
            try require(on >= (p.keyOn ?? on), "proposal.supervise.date", zh: "督办日期早于列为重点提案的日期",
                        en: "supervision cannot precede the day the proposal became a key proposal", code: .invalidInput)
            try require(!note.isEmpty, "proposal.supervise.note", zh: "督办情况须写明进展或结果", en: "supervision states the progress or result",
                        code: .invalidInput)
            if outcome != .inProgress {
                try require([.replied, .evaluated, .closed].contains(p.status), "proposal.supervise.result",
                            zh: "办理结果（落实情况）须在承办单位答复后登记", en: "a result (implemented or not) is recorded once the units replied (it is \(p.status.rawValue))")
            }

        case .explained(let unit, let text):
            try require(actor == .unit(unit), "proposal.explain.actor", zh: "书面说明由承办单位本身提交",
                        en: "only the unit itself gives its written explanation")
            guard let returned = p.appraisalReturn else {
                throw DomainError(.ruleBroken, rule: "proposal.explain.state",
                                  zh: "提案 \(p.id) 本轮不是因季度测评退回重办，无需书面说明",
                                  en: "proposal \(p.id) was not returned by a quarterly appraisal in this round; no explanation is due")
            }
            try require(p.replies.contains { $0.round == returned.round && $0.unit == unit }, "proposal.explain.unit",
                        zh: "\(unit) 的答复没有被季度测评退回", en: "\(unit) gave none of the replies the appraisal returned")
            try require(!text.isEmpty, "proposal.explain.text", zh: "书面说明不能为空", en: "the explanation is empty", code: .invalidInput)
            try require(!p.explanations.contains { $0.unit == unit && $0.round == returned.round }, "proposal.explain.once",
                        zh: "\(unit) 已提交书面说明", en: "\(unit) already gave its explanation", code: .conflict)
        }
        return [.proposal(event)]
    }

    /// The handling of `p`'s current round (assignment, round start, due date), which an assigned proposal carries.
    /// - Throws: `DomainError` naming the proposal when its records lack one (never a trap on a stored state).
    private func currentHandling(_ p: Proposal) throws -> Proposal.Handling {
        guard let handling = p.handling else {
            throw DomainError(.ruleBroken, rule: "proposal.state.handling",
                              zh: "提案 \(p.id) 处于“\(p.status.rawValue)”状态，但没有交办记录（承办单位、交办日期、办理期限）",
                              en: "proposal \(p.id) is \(p.status.rawValue) but its records hold no assignment (units, start, due date); assign it first")
        }
        return handling
    }

    /// Checks an assignment and returns its due date.
    private func checkAssignment(_ a: ProposalEvent.Assignment, base: Day, on: Day) throws -> Day {
        let units = a.units
        try require(units.allSatisfy { !$0.isEmpty } && Set(units).count == units.count, "proposal.assign.units",
                    zh: "承办单位不能为空或重复", en: "handling units are non-empty and distinct", code: .invalidInput)
        if case .split(let list) = a.mode {
            try require(list.count >= 2, "proposal.assign.split", zh: "分办至少需要两个承办单位",
                        en: "split handling needs at least two units")
        }
        let due = a.due ?? base.adding(months: policy.replyMonths)
        let cap = base.adding(months: policy.maxExtensionMonths)
        try require(due >= on && due <= cap, "proposal.assign.due",
                    zh: "办理期限须在交办日与交办后 \(policy.maxExtensionMonths) 个月（\(cap)）之间",
                    en: "the due date must fall between the assignment and \(policy.maxExtensionMonths) months after it (\(cap))",
                    code: .invalidInput)
        return due
    }

    /// The proposers of a proposal and of every proposal merged into it (they all receive the reply).
    public func proposersIncludingMerged(_ p: Proposal) -> [String] {
        p.proposers + p.mergedFrom.flatMap { proposals[$0]?.proposers ?? [] }
    }

    mutating func applyProposal(_ e: ProposalEvent) {
        if case .submitted(let s) = e.step {
            if proposals[e.proposalID] == nil {
                proposals[e.proposalID] = Proposal(id: e.proposalID, submission: s, submittedOn: e.on)
            }
            return
        }
        guard var p = proposals[e.proposalID] else { return }
        switch e.step {
        case .submitted: break
        case .cosignerConfirmed(let m):
            if !p.confirmedCosigners.contains(m) { p.confirmedCosigners.append(m) }
        case .withdrawn:
            p.status = .withdrawn
            p.decidedOn = e.on
        case .reviewed(let review):
            p.review = review
            p.decidedOn = e.on
            switch review {
            case .registered: p.status = .registered
            case .notRegistered(_, _, let conversion):
                p.status = .notRegistered
                if let conversion {
                    let key = OpinionKey(originBody: body.id, originReportID: conversion.reportID)
                    opinions[key] = OpinionReport(key: key, author: p.submission.firstProposer, authorKind: .member,
                                                  title: p.submission.title, text: p.submission.text,
                                                  receivedOn: e.on, receivedFrom: nil,
                                                  convertedFromProposal: p.id, channel: p.submission.channel)
                }
            case .merged(let into):
                p.status = .merged
                proposals[into]?.mergedFrom.append(p.id)
            }
        case .assigned(let a):
            p.status = .assigned
            p.assignment = a
            p.firstAssignedOn = e.on
            p.roundStartedOn = e.on
            p.due = a.due
            p.round = 1
        case .objected(let unit, _):
            p.status = .reassigning
            p.objections.append(unit)
        case .reassigned(let a):
            p.status = .assigned
            p.assignment = a
            p.due = a.due
            p.coHandlingOpinions = [:]
        case .extended(let newDue, _):
            p.due = newDue
        case .coHandlingOpinion(let unit, let text):
            p.coHandlingOpinions[unit] = text
        case .replied(let unit, let replyClass, let text):
            p.replies.append(Proposal.Reply(unit: unit, replyClass: replyClass, text: text, on: e.on,
                                            due: p.due ?? e.on, round: p.round))
            let replied = Set(p.currentReplies.map(\.unit))
            if let a = p.assignment, Set(a.replyingUnits).isSubset(of: replied) {
                p.status = .replied
                p.repliedOn = e.on
            }
        case .evaluated(let m, let rating, _):
            p.evaluations.append(Proposal.Evaluation(member: m, rating: rating, on: e.on, round: p.round))
            p.status = .evaluated
        case .rehandled(_, let due, _):
            p.round += 1
            p.status = .assigned
            p.roundStartedOn = e.on
            p.due = due
            p.coHandlingOpinions = [:]
            p.objections = []
            p.rehandledOn.append(e.on)
        case .closed:
            p.status = .closed
            p.closedOn = e.on
        case .keyProposal(let supervisor):
            p.supervisor = supervisor
            p.keyOn = e.on
        case .appraised(let a):
            p.appraisals.append(Proposal.Appraisal(quarter: a.quarter, on: e.on, round: p.round, votes: a,
                                                   rate: a.rate(policy.satisfactionFormula),
                                                   belowThreshold: a.isBelowThreshold(policy.satisfactionFormula)))
        case .instructed(let i):
            p.instructions.append(Proposal.Instruction(instruction: i, on: e.on))
        case .supervised(let outcome, let note):
            p.supervisions.append(Proposal.Supervision(outcome: outcome, note: note, on: e.on))
        case .explained(let unit, let text):
            p.explanations.append(Proposal.Explanation(unit: unit, text: text, on: e.on, round: p.round - 1))
        }
        proposals[e.proposalID] = p
    }
}
