/// Where an event recorded at a body has to go besides the body's own log (a hint for the federation's Scope).
public enum Routing: Hashable, Sendable {
    /// Stays at the body (still summed into rollups).
    case local
    /// To the parent body (named).
    case up(to: String)
    /// Down the tree to these bodies (and the bodies between).
    case down(to: [String])
    /// Down to every body below the recording one.
    case subtree
}

extension DomainEvent {
    /// Where the event goes after it is recorded at `body`.
    public func routing(recordedAt body: BodyInfo) -> Routing {
        switch self {
        case .opinion(let event):
            switch event.step {
            case .forwarded(let toBody, _, _, _): return .up(to: toBody)
            case .adoptedHigher, .instruction: return .down(to: [event.report.originBody])
            default: return .local
            }
        case .plan(let event):
            switch event.step {
            case .topicProposed, .stageReported: return .up(to: event.issuer)
            default: return .subtree
            }
        default:
            return .local
        }
    }
}
