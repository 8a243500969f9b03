import XieshangDomain
import XieshangFederation
import struct XieshangWire.EventBody
import enum XieshangWire.EventKind

/// The node's figures provider (统计口径): a body's own figures from its own domain records, for the federation core's
/// ``FiguresSource`` seam — every counter of stats.proto by its field name (numerators and denominators, never
/// rates), per period, by each record's own date in China Standard Time.
///
/// It folds its own ``DomainState`` from the events the core shows it: the body's own events (whatever their scope)
/// and the cross-body steps that change this body's figures (``countsHere(_:from:at:)``). A descendant's records passing through are not this body's: a county's figures never
/// count its townships' activities a second time (their reports carry them). The core makes one per node, so the
/// fold restarts with the node's replay of its log.
final class NodeFigures: FiguresSource {
    private var state: DomainState

    /// A provider for `body` (its policy: the defaults for its tier until a policy event sets one).
    init(body: BodyInfo) {
        state = DomainState(body: body)
    }

    /// Folds a domain event of this body (or a plan issued to it) and answers the days of the records it touched.
    func recorded(_ event: EventBody, node: String) -> FiguresTouch {
        guard DomainProjector.domainKinds.contains(event.kind.protoValue),
              let domainEvent = try? DomainEvent(kind: event.kind, payload: event.payload) else { return .none }
        let own = ChainName.node(of: event.origin) == node
        guard own || NodeFigures.countsHere(domainEvent, from: ChainName.node(of: event.origin), at: node) else { return .none }
        state.apply(domainEvent)
        let (days, stocksFrom) = state.figureDays(of: domainEvent)
        return FiguresTouch(days: days, stocksFrom: stocksFrom)
    }

    /// Whether another body's event changes this body's own figures — the cross-body steps, each only when its "who"
    /// field names the signer: a plan step of the plan's issuer (the items it assigns here count as plan items
    /// assigned, done, overdue); an opinion report forwarded here by the body that forwards it (received here); an
    /// adoption higher up of a report that originated here, by the adopting body; an instruction on such a report.
    static func countsHere(_ event: DomainEvent, from signer: String, at node: String) -> Bool {
        switch event {
        case .plan(let e):
            return e.issuer == signer && e.issuer != node
        case .opinion(let e):
            switch e.step {
            case .forwarded(let to, _, _, _): return to == node && e.atBody == signer
            case .adoptedHigher(let by, _, _): return e.report.originBody == node && by == signer
            case .instruction: return e.report.originBody == node && e.atBody == signer
            default: return false
            }
        default:
            return false
        }
    }

    /// Every counter of the body's own records for `period`, by stats.proto name.
    func ownFigures(for period: Period) throws(FederationError) -> [String: Int64] {
        state.figures(for: period).namedCounts
    }
}
