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
    ///
    /// A body's own records (activities, suggestions, opinion reports, members, policy, proposals, duty, plan
    /// progress — every record it originates that is not a step addressed down the tree) travel up to every ancestor
    /// (`up`, on the body's up chain beside its reports), so each ancestor can recompute the body's own figures from
    /// its signed records and drill from a figure to them. Only the root keeps them (`local`: it has no parent). The
    /// steps addressed down (an adoption or instruction of a lower body's report, a plan issued) go down. A plan's steps
    /// addressed up go up to the plan's issuer and on (a topic proposed, a stage reported: the owner of the item; a
    /// decomposition reported: the issuer of the item decomposed), so every body between holds them too.
    public func routing(recordedAt body: BodyInfo) -> Routing {
        let upward: Routing = body.parent.map { .up(to: $0) } ?? .local
        switch self {
        case .opinion(let event):
            switch event.step {
            case .forwarded(let toBody, _, _, _, _): return .up(to: toBody)
            case .adoptedHigher, .instruction: return .down(to: [event.report.originBody])
            case .adoptedAbove where event.report.originBody != body.id: return .down(to: [event.report.originBody])
            default: return upward
            }
        case .plan(let event):
            switch event.step {
            case .topicProposed, .stageReported: return .up(to: event.issuer)
            case .decompositionReported(_, let parentIssuer, _, _): return .up(to: parentIssuer)
            default: return .subtree
            }
        default:
            return upward
        }
    }
}
