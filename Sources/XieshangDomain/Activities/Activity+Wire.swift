import XieshangWire

extension Activity {
    /// The payload message `ActivityRecorded`.
    public var wireMessage: XieshangWire.ActivityRecorded {
        let kind: XieshangWire.ActivityKind = switch self.kind {
        case .consultation: .consultation
        case .research: .research
        case .inspection: .inspection
        case .appraisal: .appraisal
        case .training: .training
        case .welfare: .welfare
        case .meeting: .meeting
        }
        let form: XieshangWire.ConsultationForm = switch self.form {
        case nil: .unspecified
        case .topical: .topical
        case .counterpart: .counterpart
        case .sector: .sector
        case .proposalHandling: .proposalHandling
        case .chairTalk: .chairTalk
        case .pleaseCome: .pleaseCome
        case .online: .online
        case .quarterly: .quarterly
        case .standingCommittee: .standingCommittee
        case .other: .other
        }
        return XieshangWire.ActivityRecorded(activityId: id, kind: kind, form: form, formOther: formOther,
                                             date: date.description, topic: topic, hostBodies: hostBodies,
                                             participants: Int64(participants), members: members,
                                             suggestionIds: suggestionIDs, reportIds: reportIDs, planItem: planItem,
                                             guests: guests.map { XieshangWire.GuestMember(body: $0.body, member: $0.member) },
                                             sectors: sectors,
                                             appraisal: appraisal.map { XieshangWire.AppraisalOutcome(targetUnit: $0.targetUnit, result: $0.result?.wire ?? XieshangWire.Rating.unspecified) },
                                             station: station)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, an unknown kind or form, or a participant count out of range.
    public init(wire m: XieshangWire.ActivityRecorded) throws {
        let kind: Kind
        switch m.kind {
        case .consultation: kind = .consultation
        case .research: kind = .research
        case .inspection: kind = .inspection
        case .appraisal: kind = .appraisal
        case .training: kind = .training
        case .welfare: kind = .welfare
        case .meeting: kind = .meeting
        default: throw wireMissing("ActivityRecorded.kind")
        }
        let form: Form?
        switch m.form {
        case .unspecified: form = nil
        case .topical: form = .topical
        case .counterpart: form = .counterpart
        case .sector: form = .sector
        case .proposalHandling: form = .proposalHandling
        case .chairTalk: form = .chairTalk
        case .pleaseCome: form = .pleaseCome
        case .online: form = .online
        case .quarterly: form = .quarterly
        case .standingCommittee: form = .standingCommittee
        case .other: form = .other
        case .unrecognized: throw wireMissing("ActivityRecorded.form")
        }
        guard let participants = Int(exactly: m.participants), (0...Activity.maxParticipants).contains(participants) else {
            throw wireMissing("ActivityRecorded.participants")
        }
        var appraisal: Appraisal?
        if let o = m.appraisal {
            var result: ProposalEvent.Rating?
            if o.result != .unspecified {
                guard let r = ProposalEvent.Rating(wire: o.result) else { throw wireMissing("ActivityRecorded.appraisal.result") }
                result = r
            }
            appraisal = Appraisal(targetUnit: o.targetUnit, result: result)
        }
        self.init(id: m.activityId, kind: kind, form: form, formOther: m.formOther,
                  date: try wireDay(m.date, "ActivityRecorded.date"), topic: m.topic, hostBodies: m.hostBodies,
                  participants: participants, members: m.members, suggestionIDs: m.suggestionIds,
                  reportIDs: m.reportIds, planItem: m.planItem,
                  guests: m.guests.map { Guest(body: $0.body, member: $0.member) }, sectors: m.sectors, appraisal: appraisal,
                  station: m.station)
    }
}

extension SuggestionEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.SuggestionEvent {
        typealias W = XieshangWire.SuggestionEvent
        let wireStep: W.Step = switch step {
        case .made(let text, let addressee, let activityID, let members):
            .made(W.Made(text: text, addressee: addressee, activityId: activityID, members: members))
        case .adopted(let by, let note): .adopted(W.Adopted(by: by, note: note))
        case .closed(let note): .closed(W.Closed(note: note))
        }
        return W(suggestionId: suggestionID, on: on.description, step: wireStep)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day or a missing step.
    public init(wire m: XieshangWire.SuggestionEvent) throws {
        guard let wireStep = m.step else { throw wireMissing("SuggestionEvent.step") }
        let step: Step = switch wireStep {
        case .made(let s): .made(text: s.text, addressee: s.addressee, activityID: s.activityId, members: s.members)
        case .adopted(let a): .adopted(by: a.by, note: a.note)
        case .closed(let c): .closed(note: c.note)
        }
        self.init(m.suggestionId, on: try wireDay(m.on, "SuggestionEvent.on"), step)
    }
}
