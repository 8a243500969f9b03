import XieshangWire

extension ResearchEvent {
    /// The payload message.
    public var wireMessage: XieshangWire.ResearchEvent {
        typealias W = XieshangWire.ResearchEvent
        let wireStep: W.Step = switch step {
        case .reported(let activityID, let title, let text): .reported(W.Reported(activityId: activityID, title: title, text: text))
        case .instructed(let leader, let level, let text): .instructed(W.Instructed(leader: leader, level: level, text: text))
        case .converted(let c): .converted(W.Converted(conversion: c.wireKind, target: c.target))
        }
        return W(reportId: reportID, on: on.description, step: wireStep)
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a malformed day, a missing step or an unknown conversion.
    public init(wire m: XieshangWire.ResearchEvent) throws {
        guard let wireStep = m.step else { throw wireMissing("ResearchEvent.step") }
        let step: Step
        switch wireStep {
        case .reported(let r): step = .reported(activityID: r.activityId, title: r.title, text: r.text)
        case .instructed(let i): step = .instructed(leader: i.leader, level: i.level, text: i.text)
        case .converted(let c):
            switch c.conversion {
            case .proposal: step = .converted(.proposal(c.target))
            case .opinion: step = .converted(.opinion(c.target))
            case .advice: step = .converted(.advice(title: c.target))
            default: throw wireMissing("ResearchEvent.converted.conversion")
            }
        }
        self.init(m.reportId, on: try wireDay(m.on, "ResearchEvent.on"), step)
    }
}

extension ResearchReport.Conversion {
    /// The wire enum of its kind.
    var wireKind: XieshangWire.ResearchConversion {
        switch self {
        case .proposal: return .proposal
        case .opinion: return .opinion
        case .advice: return .advice
        }
    }
}
