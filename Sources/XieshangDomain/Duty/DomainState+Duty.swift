/// Member duty scoring 委员履职考核: ledger entries derived from records, each citing its record.
extension DomainState {
    func checkDuty(_ e: DutyEvent) throws {
        try require(members[e.memberID]?.body == body.id, "duty.member", zh: "\(e.memberID) 不是本组织的委员",
                    en: "\(e.memberID) is not a member of \(body.id)")
        switch e.record {
        case .attendance(let meetingID, _):
            try require(!meetingID.isEmpty, "duty.attendance.meeting", zh: "出席记录须注明会议", en: "attendance names the meeting",
                        code: .invalidInput)
            try require(!dutyRecords.contains { r in
                if case .attendance(meetingID, _) = r.record { return r.memberID == e.memberID }
                return false
            }, "duty.attendance.once", zh: "该委员此次会议的出席情况已记录", en: "attendance at this meeting is already recorded",
                        code: .conflict)
        case .adjustment(_, let tenths, let reason):
            try require(!reason.isEmpty, "duty.adjustment.reason", zh: "加减分须注明依据", en: "an adjustment cites its decision",
                        code: .invalidInput)
            try require((-DutyEvent.maxAdjustmentTenths...DutyEvent.maxAdjustmentTenths).contains(tenths), "duty.adjustment.range",
                        zh: "单次加减分不能超过 \(DutyEvent.maxAdjustmentTenths / 10) 分",
                        en: "one adjustment is at most \(DutyEvent.maxAdjustmentTenths / 10) points either way", code: .invalidInput)
        }
    }

    /// Every ledger entry of a member dated in `year` (and not after `upTo`, when given), in a stable order.
    public func dutyEntries(member: String, year: Int, upTo: Day? = nil) -> [DutyEntry] {
        dutyLedger(year: year, upTo: upTo, only: member)[member] ?? []
    }

    /// Every ledger entry of every member dated in `year` (and not after `upTo`), by member, in a stable order:
    /// one pass over the records.
    public func dutyLedger(year: Int, upTo: Day? = nil) -> [String: [DutyEntry]] {
        dutyLedger(year: year, upTo: upTo, only: nil)
    }

    private func dutyLedger(year: Int, upTo: Day?, only: String?) -> [String: [DutyEntry]] {
        let scoring = policy.duty
        var out: [String: [DutyEntry]] = [:]
        func add(_ member: String, _ on: Day?, _ category: DutyCategory, _ tenths: Int, _ rule: String,
                 _ source: DutyEntry.Source) {
            guard let on, on.year == year, upTo.map({ on <= $0 }) ?? true, only.map({ $0 == member }) ?? true else { return }
            out[member, default: []].append(DutyEntry(member: member, on: on, category: category, tenths: tenths,
                                                      rule: rule, source: source))
        }
        for r in dutyRecords {
            switch r.record {
            case .attendance(let meeting, .present):
                add(r.memberID, r.on, .meetings, scoring.attendanceTenths, "duty.attendance.present", .attendance(meeting))
            case .attendance(let meeting, .excused):
                add(r.memberID, r.on, .meetings, scoring.excusedAbsenceTenths, "duty.attendance.excused", .attendance(meeting))
            case .attendance(let meeting, .unexcused):
                add(r.memberID, r.on, .meetings, scoring.unexcusedAbsenceTenths, "duty.attendance.unexcused", .attendance(meeting))
            case .adjustment(let category, let tenths, let reason):
                add(r.memberID, r.on, category, tenths, "duty.adjustment", .adjustment(reason))
            }
        }
        for p in proposals.values where p.status != .withdrawn
            && (p.submission.kind == .individual || p.submission.kind == .joint) {
            let registered: Day? = { if case .registered = p.review { return p.decidedOn } else { return nil } }()
            let first = p.submission.firstProposer
            add(first, p.submittedOn, .proposals, scoring.proposalTenths, "duty.proposal.first", .proposal(p.id))
            add(first, registered, .proposals, scoring.proposalRegisteredTenths, "duty.proposal.registered", .proposal(p.id))
            for c in p.confirmedCosigners {
                add(c, p.submittedOn, .proposals, scoring.proposalTenths.saturatingMultiplied(by: scoring.cosignerPercent) / 100,
                    "duty.proposal.cosigner", .proposal(p.id))
                add(c, registered, .proposals, scoring.proposalRegisteredTenths.saturatingMultiplied(by: scoring.cosignerPercent) / 100,
                    "duty.proposal.registered.cosigner", .proposal(p.id))
            }
        }
        for r in opinions.values where r.key.originBody == body.id && r.authorKind == .member
            && r.convertedFromProposal == nil {
            add(r.author, r.receivedOn, .opinions, scoring.opinionTenths, "duty.opinion", .opinion(r.key))
            let adoptions = (r.status == .adopted ? [r.decidedOn].compactMap { $0 } : []) + r.higherAdoptions.map(\.on)
            add(r.author, adoptions.min(), .opinions, scoring.opinionAdoptedTenths, "duty.opinion.adopted", .opinion(r.key))
        }
        func took(_ member: String, part a: Activity, _ source: DutyEntry.Source) {
            switch a.kind {
            case .research, .inspection: add(member, a.date, .research, scoring.researchTenths, "duty.research", source)
            case .welfare: add(member, a.date, .welfare, scoring.welfareTenths, "duty.welfare", source)
            case .training: add(member, a.date, .training, scoring.trainingTenths, "duty.training", source)
            default: break
            }
        }
        for a in activities.values {
            for member in a.members { took(member, part: a, .activity(a.id)) }
        }
        // Activities at the bodies below that members of this body joined as guests (a county member at a
        // township's inspection): the same rules, citing the body where it happened.
        for (at, held) in activitiesElsewhere {
            for a in held.values {
                for g in a.guests where g.body == body.id { took(g.member, part: a, .activityAt(body: at, id: a.id)) }
            }
        }
        for member in out.keys {
            out[member]!.sort {
                ($0.on, $0.category.rawValue, $0.rule, $0.source.key) < ($1.on, $1.category.rawValue, $1.rule, $1.source.key)
            }
        }
        return out
    }

    /// A member's assessment for `year` (entries up to `upTo` when given, else the whole year).
    public func dutyAssessment(member: String, year: Int, upTo: Day? = nil) -> DutyAssessment {
        var history: [Bool] = []
        for back in 1..<DutyScoring.yearsLookedBack(policy.duty.resignationAfterYears) {
            let y = year - back
            guard let joined = members[member]?.joined, joined.year <= y else { break }
            history.append(assess(member, year: y, entries: dutyEntries(member: member, year: y)).needsTalk)
        }
        return assess(member, year: year, entries: dutyEntries(member: member, year: year, upTo: upTo),
                      previousYearsBelow: history)
    }

    /// Assessments of every member of this body active at the end of `upTo` (or of the year): one pass over the
    /// records per year looked at.
    public func dutyAssessments(year: Int, upTo: Day? = nil) -> [String: DutyAssessment] {
        let end = upTo ?? Day(year: year, month: 12, day: 31)!
        let ids = members.values.filter { $0.body == body.id && $0.isActive(on: end) }.map(\.id)
        let ledger = dutyLedger(year: year, upTo: upTo)
        var previous: [[String: [DutyEntry]]] = []
        for back in 1..<DutyScoring.yearsLookedBack(policy.duty.resignationAfterYears) { previous.append(dutyLedger(year: year - back)) }
        var out: [String: DutyAssessment] = [:]
        for id in ids {
            var history: [Bool] = []
            for (i, ledger) in previous.enumerated() {
                let y = year - i - 1
                guard let joined = members[id]?.joined, joined.year <= y else { break }
                history.append(assess(id, year: y, entries: ledger[id] ?? []).needsTalk)
            }
            out[id] = assess(id, year: year, entries: ledger[id] ?? [], previousYearsBelow: history)
        }
        return out
    }

    /// Totals, caps, minimums and flags from a member's entries. `previousYearsBelow` holds, for the years before
    /// (most recent first, only years the member served), whether each was below the threshold.
    private func assess(_ member: String, year: Int, entries: [DutyEntry], previousYearsBelow: [Bool] = []) -> DutyAssessment {
        let scoring = policy.duty
        var categories: [DutyCategory: Int] = [:]
        for category in DutyCategory.allCases {
            let lines = entries.filter { $0.category == category }
            // Saturating sums: a stored policy from before its settings were bounded must not trap here.
            let positive = lines.map(\.tenths).filter { $0 > 0 }.reduce(0) { $0.saturatingAdding($1) }
            let negative = lines.map(\.tenths).filter { $0 < 0 }.reduce(0) { $0.saturatingAdding($1) }
            let cap = scoring.capTenths[category] ?? Int.max
            categories[category] = min(positive, cap).saturatingAdding(negative)
        }
        let total = DutyCategory.allCases.reduce(scoring.baseTenths) { $0.saturatingAdding(categories[$1] ?? 0) }
        let proposalCount = Set(entries.filter {
            $0.rule == "duty.proposal.first" || $0.rule == "duty.proposal.cosigner"
        }.map(\.source.key)).count
        func count(_ rule: String) -> Int { Set(entries.filter { $0.rule == rule }.map(\.source.key)).count }
        let opinionCount = entries.filter { $0.rule == "duty.opinion" }.count
        // "四个一": a proposal, an opinion report, a research or inspection, a good deed (public welfare).
        let minimums = [DutyMinimum(category: .proposals, count: proposalCount, required: scoring.minimumProposals),
                        DutyMinimum(category: .opinions, count: opinionCount, required: scoring.minimumOpinions),
                        DutyMinimum(category: .research, count: count("duty.research"), required: scoring.minimumResearch),
                        DutyMinimum(category: .welfare, count: count("duty.welfare"), required: scoring.minimumWelfare)]
        let missed = minimums.filter { !$0.met }.map(\.category)
        let needsTalk = total < scoring.talkBelowTenths
        let yearsNeeded = DutyScoring.yearsLookedBack(scoring.resignationAfterYears) - 1
        let resignation = needsTalk && previousYearsBelow.count >= yearsNeeded
            && previousYearsBelow.prefix(yearsNeeded).allSatisfy { $0 }
        return DutyAssessment(member: member, year: year, entries: entries, categoryTenths: categories,
                              totalTenths: total, proposalCount: proposalCount, opinionCount: opinionCount,
                              minimums: minimums, trainingCount: count("duty.training"),
                              minimumsMissed: missed, needsTalk: needsTalk, resignationRecommended: resignation)
    }
}
