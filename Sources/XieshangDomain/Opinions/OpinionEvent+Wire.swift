import XieshangWire

extension OpinionEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.OpinionEvent {
        typealias W = XieshangWire.OpinionEvent
        let kind: String = switch report.authorKind {
        case .member: "member"
        case .liaisonGroup: "liaison_group"
        case .informant: "informant"
        }
        let provenance = XieshangWire.OpinionProvenance(originBody: report.originBody, originReportId: report.originReportID,
                                                        author: report.author, authorKind: kind)
        let wireStep: W.Step
        switch step {
        case .submitted(let title, let text, let channel):
            wireStep = .submitted(W.Submitted(title: title, text: text, channel: channel.wireValue))
        case .edited(let text, let title): wireStep = .edited(W.Edited(text: text, title: title))
        case .adopted(let issue): wireStep = .adopted(W.Adopted(bulletinIssue: issue))
        case .archived(let reason): wireStep = .archived(W.Archived(reason: reason))
        case .forwarded(let to, let tier, let title, let text, let direct):
            wireStep = .forwarded(W.Forwarded(toBody: to, toTier: tier, title: title, text: text, direct: direct))
        case .adoptedHigher(let by, let tier, let issue):
            wireStep = .adoptedHigher(W.AdoptedHigher(byBody: by, byTier: tier, bulletinIssue: issue))
        case .instruction(let i):
            wireStep = .instruction(W.Instruction(leaderLevel: i.leaderLevel, leader: i.leader, date: i.date.description,
                                                  text: i.text, recordedBy: i.recordedBy))
        case .sentAbove(let level): wireStep = .sentAbove(W.SentAbove(toLevel: level.rawValue))
        case .adoptedAbove(let level, let issue): wireStep = .adoptedAbove(W.AdoptedAbove(byLevel: level.rawValue, bulletinIssue: issue))
        case .sentToDepartment(let d): wireStep = .sentToDepartment(W.SentToDepartment(department: d))
        case .departmentReplied(let d, let result, let text):
            wireStep = .departmentReplied(W.DepartmentReplied(department: d, result: result.rawValue, text: text))
        }
        return W(report: provenance, atBody: atBody, on: on.description, policyVersion: Int32(clamping: policyVersion),
                 step: wireStep)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, a missing provenance or step, or an unknown author kind.
    public init(wire m: XieshangWire.OpinionEvent) throws {
        guard let p = m.report else { throw wireMissing("OpinionEvent.report") }
        let kind: AuthorKind
        switch p.authorKind {
        case "member": kind = .member
        case "liaison_group": kind = .liaisonGroup
        case "informant": kind = .informant
        default: throw wireMissing("OpinionProvenance.author_kind")
        }
        guard let wireStep = m.step else { throw wireMissing("OpinionEvent.step") }
        let step: Step
        switch wireStep {
        case .submitted(let s): step = .submitted(title: s.title, text: s.text, channel: try IntakeChannel(wire: s.channel))
        case .edited(let e): step = .edited(text: e.text, title: e.title)
        case .adopted(let a): step = .adopted(bulletinIssue: a.bulletinIssue)
        case .archived(let a): step = .archived(reason: a.reason)
        case .forwarded(let f): step = .forwarded(toBody: f.toBody, toTier: f.toTier, title: f.title, text: f.text, direct: f.direct)
        case .adoptedHigher(let a): step = .adoptedHigher(byBody: a.byBody, byTier: a.byTier, bulletinIssue: a.bulletinIssue)
        case .instruction(let i):
            step = .instruction(Instruction(leaderLevel: i.leaderLevel, leader: i.leader,
                                            date: try wireDay(i.date, "OpinionEvent.Instruction.date"), text: i.text,
                                            recordedBy: i.recordedBy))
        case .sentAbove(let a):
            guard let level = AboveLevel(rawValue: a.toLevel) else { throw wireMissing("OpinionEvent.SentAbove.to_level") }
            step = .sentAbove(level: level)
        case .adoptedAbove(let a):
            guard let level = AboveLevel(rawValue: a.byLevel) else { throw wireMissing("OpinionEvent.AdoptedAbove.by_level") }
            step = .adoptedAbove(level: level, bulletinIssue: a.bulletinIssue)
        case .sentToDepartment(let d): step = .sentToDepartment(department: d.department)
        case .departmentReplied(let d):
            guard let result = DepartmentResult(rawValue: d.result) else { throw wireMissing("OpinionEvent.DepartmentReplied.result") }
            step = .departmentReplied(department: d.department, result: result, text: d.text)
        }
        self.init(Provenance(originBody: p.originBody, originReportID: p.originReportId, author: p.author, authorKind: kind),
                  at: m.atBody, on: try wireDay(m.on, "OpinionEvent.on"), step, policyVersion: int(m.policyVersion))
    }
}
