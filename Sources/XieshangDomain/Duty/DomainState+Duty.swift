/// Member duty scoring 委员履职考核: ledger entries derived from records, each citing its record.
extension DomainState {
    func decideDuty(_ e: DutyEvent) throws(DomainError) -> DutyEvent {
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
        case .adjustment(_, _, let reason):
            try require(!reason.isEmpty, "duty.adjustment.reason", zh: "加减分须注明依据", en: "an adjustment cites its decision",
                        code: .invalidInput)
        }
        return e
    }

    /// Every ledger entry of a member dated in `year` (and not after `upTo`, when given), in a stable order.
    public func dutyEntries(member: String, year: Int, upTo: Day? = nil) -> [DutyEntry] {
        let scoring = policy.duty
        var out: [DutyEntry] = []
        func add(_ on: Day?, _ category: DutyCategory, _ tenths: Int, _ rule: String, _ source: DutyEntry.Source) {
            guard let on, on.year == year, upTo.map({ on <= $0 }) ?? true else { return }
            out.append(DutyEntry(member: member, on: on, category: category, tenths: tenths, rule: rule, source: source))
        }
        for r in dutyRecords where r.memberID == member {
            switch r.record {
            case .attendance(let meeting, .present):
                add(r.on, .meetings, scoring.attendanceTenths, "duty.attendance.present", .attendance(meeting))
            case .attendance(let meeting, .excused):
                add(r.on, .meetings, scoring.excusedAbsenceTenths, "duty.attendance.excused", .attendance(meeting))
            case .attendance(let meeting, .unexcused):
                add(r.on, .meetings, scoring.unexcusedAbsenceTenths, "duty.attendance.unexcused", .attendance(meeting))
            case .adjustment(let category, let tenths, let reason):
                add(r.on, category, tenths, "duty.adjustment", .adjustment(reason))
            }
        }
        for p in proposals.values where p.status != .withdrawn
            && (p.submission.kind == .individual || p.submission.kind == .joint) {
            let registered: Day? = { if case .registered = p.review { return p.decidedOn } else { return nil } }()
            if p.submission.firstProposer == member {
                add(p.submittedOn, .proposals, scoring.proposalTenths, "duty.proposal.first", .proposal(p.id))
                add(registered, .proposals, scoring.proposalRegisteredTenths, "duty.proposal.registered", .proposal(p.id))
            } else if p.confirmedCosigners.contains(member) {
                add(p.submittedOn, .proposals, scoring.proposalTenths * scoring.cosignerPercent / 100,
                    "duty.proposal.cosigner", .proposal(p.id))
                add(registered, .proposals, scoring.proposalRegisteredTenths * scoring.cosignerPercent / 100,
                    "duty.proposal.registered.cosigner", .proposal(p.id))
            }
        }
        for r in opinions.values where r.key.originBody == body.id && r.authorKind == .member && r.author == member
            && r.convertedFromProposal == nil {
            add(r.receivedOn, .opinions, scoring.opinionTenths, "duty.opinion", .opinion(r.key))
            let adoptions = (r.status == .adopted ? [r.decidedOn].compactMap { $0 } : []) + r.higherAdoptions.map(\.on)
            add(adoptions.min(), .opinions, scoring.opinionAdoptedTenths, "duty.opinion.adopted", .opinion(r.key))
        }
        for a in activities.values where a.members.contains(member) {
            switch a.kind {
            case .research, .inspection: add(a.date, .research, scoring.researchTenths, "duty.research", .activity(a.id))
            case .welfare: add(a.date, .welfare, scoring.welfareTenths, "duty.welfare", .activity(a.id))
            default: break
            }
        }
        return out.sorted {
            ($0.on, $0.category.rawValue, $0.rule, "\($0.source)") < ($1.on, $1.category.rawValue, $1.rule, "\($1.source)")
        }
    }

    /// A member's assessment for `year` (entries up to `upTo` when given, else the whole year).
    public func dutyAssessment(member: String, year: Int, upTo: Day? = nil) -> DutyAssessment {
        let scoring = policy.duty
        let entries = dutyEntries(member: member, year: year, upTo: upTo)
        var categories: [DutyCategory: Int] = [:]
        for category in DutyCategory.allCases {
            let lines = entries.filter { $0.category == category }
            let positive = lines.map(\.tenths).filter { $0 > 0 }.reduce(0, +)
            let negative = lines.map(\.tenths).filter { $0 < 0 }.reduce(0, +)
            let cap = scoring.capTenths[category] ?? Int.max
            categories[category] = min(positive, cap) + negative
        }
        let total = scoring.baseTenths + categories.values.reduce(0, +)
        let proposalCount = Set(entries.filter {
            $0.rule == "duty.proposal.first" || $0.rule == "duty.proposal.cosigner"
        }.map { "\($0.source)" }).count
        let opinionCount = entries.filter { $0.rule == "duty.opinion" }.count
        var missed: [DutyCategory] = []
        if proposalCount < scoring.minimumProposals { missed.append(.proposals) }
        if opinionCount < scoring.minimumOpinions { missed.append(.opinions) }
        let needsTalk = total < scoring.talkBelowTenths
        var resignation = false
        if needsTalk, scoring.resignationAfterYears >= 1 {
            resignation = (1..<scoring.resignationAfterYears).allSatisfy { back in
                let y = year - back
                guard let joined = members[member]?.joined, joined.year <= y else { return false }
                return dutyAssessment(member: member, year: y).needsTalk
            }
        }
        return DutyAssessment(member: member, year: year, entries: entries, categoryTenths: categories,
                              totalTenths: total, proposalCount: proposalCount, opinionCount: opinionCount,
                              minimumsMissed: missed, needsTalk: needsTalk, resignationRecommended: resignation)
    }
}
