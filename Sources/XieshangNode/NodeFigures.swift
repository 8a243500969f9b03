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
///
/// It also keeps one tally per descendant body (验证下级): that body's own events, which travel up to every ancestor
/// on its up chain, and the cross-body steps that count there which this node holds — so the core can compare each
/// report a descendant signs with what its records give (``recomputedFigures(of:for:)``).
final class NodeFigures: FiguresSource {
    private var state: DomainState
    /// Descendant body → its own records as this node holds them (folded like ``state``, never counted here).
    private var descendants: [String: DomainState] = [:]

    /// Figures an ancestor does not compare: steps signed by other bodies that travel down only change them (a plan
    /// issued to the body by its county; an adoption or instruction of its report at a level between it and this
    /// node), so this node may not hold them — or not yet — when the body's report arrives. The topics of a plan the
    /// body issues (议题征集) count its own plan steps, which travel down to its subtree only, never up.
    static let uncompared: Set<String> = ["plan_items_assigned", "plan_items_done", "plan_items_overdue",
                                          "opinions_adopted_higher", "opinions_instructed",
                                          "topics_proposed", "topics_adopted", "topics_merged", "topics_not_adopted"]

    /// Stocks at the period's end (Figures: plan-item and member counters), not flows.
    var stocks: Set<String> { ["plan_items_assigned", "plan_items_done", "plan_items_overdue", "members", "members_below_threshold"] }

    /// A provider for `body` (its policy: the defaults for its tier until a policy event sets one).
    init(body: BodyInfo) {
        state = DomainState(body: body)
    }

    /// Folds a domain event of this body (or a plan issued to it) and answers the days of the records it touched; a
    /// descendant's event goes to that body's tally and touches nothing here.
    func recorded(_ event: EventBody, node: String) -> FiguresTouch {
        guard let domainEvent = NodeFigures.domainEvent(event) else { return .none }
        let signer = ChainName.node(of: event.origin)
        for body in NodeFigures.bodiesCounting(domainEvent, signer: signer) where body != node {
            descendants[body, default: NodeFigures.tally(of: body)].apply(domainEvent)
        }
        let own = signer == node
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
            // A topic a lower body proposes counts at the issuer (议题征集), the issuer's steps at the bodies below.
            if case .topicProposed(_, let by, _, _) = e.step { return by == signer && e.issuer == node }
            return e.issuer == signer && e.issuer != node
        case .opinion(let e):
            switch e.step {
            case .forwarded(let to, _, _, _, _): return to == node && e.atBody == signer
            case .adoptedHigher(let by, _, _): return e.report.originBody == node && by == signer
            case .instruction: return e.report.originBody == node && e.atBody == signer
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether `event`, signed by `signer` and held at `node`, is folded into `node`'s records (the projection): its
    /// own events, and plan and opinion steps of other bodies (as before records travelled up: their steps name the
    /// bodies they apply at, and ``DomainState`` checks them). A descendant's other records — activities,
    /// suggestions, members, policy, proposals, duty — travel up through every ancestor (held in its log,
    /// recomputed, drillable) but never become the ancestor's own records.
    static func isRecordHere(_ event: DomainEvent, signer: String, at node: String) -> Bool {
        if signer == node { return true }
        switch event {
        case .plan, .opinion: return true
        default: return false
        }
    }

    /// The bodies whose own figures `event` (signed by `signer`) may change: the signer, and the body a cross-body
    /// step names when its "who" field is the signer (``countsHere(_:from:at:)``).
    static func bodiesCounting(_ event: DomainEvent, signer: String) -> [String] {
        var out = [signer]
        switch event {
        case .opinion(let e):
            switch e.step {
            case .forwarded(let to, _, _, _, _) where e.atBody == signer: out.append(to)
            case .adoptedHigher(let by, _, _) where by == signer: out.append(e.report.originBody)
            case .instruction where e.atBody == signer: out.append(e.report.originBody)
            default: break
            }
        default: break
        }
        return out
    }

    /// A descendant's own figures for `period` from its records held here, all compared but ``uncompared``; nil for
    /// this body itself. A body none of whose records reached this node has no own figures yet (all zero).
    /// `pending` (events received with the report, not yet stored) are folded into a copy of the body's tally, so
    /// the tally itself only ever holds stored events.
    func recomputedFigures(of body: String, for period: Period, adding pending: [EventBody]) -> RecomputedFigures? {
        var trial: DomainState?
        // Only the body's own events and opinion steps (the one kind another body's step can count for it, see
        // ``bodiesCounting(_:signer:)``) are decoded: a relay's batch holds many bodies' records and several reports.
        for event in pending where event.kind == .opinion || ChainName.node(of: event.origin) == body {
            guard let domainEvent = NodeFigures.domainEvent(event),
                  NodeFigures.bodiesCounting(domainEvent, signer: ChainName.node(of: event.origin)).contains(body) else { continue }
            if trial == nil { trial = descendants[body] ?? NodeFigures.tally(of: body) }
            trial?.apply(domainEvent)
        }
        let figures = (trial ?? descendants[body])?.figures(for: period) ?? {
            var f = Figures(period: period)
            f.bodies = 1
            return f
        }()
        return RecomputedFigures(figures: figures.namedCounts, uncompared: NodeFigures.uncompared)
    }

    /// The domain event `event` carries, or nil for federation bookkeeping and payloads that do not decode.
    static func domainEvent(_ event: EventBody) -> DomainEvent? {
        guard DomainProjector.domainKinds.contains(event.kind.protoValue) else { return nil }
        return try? DomainEvent(kind: event.kind, payload: event.payload)
    }

    /// An empty tally of a descendant's own records.
    static func tally(of body: String) -> DomainState { DomainState(body: BodyInfo(id: body, name: body, tier: "")) }

    /// Every counter of the body's own records for `period`, by stats.proto name.
    func ownFigures(for period: Period) throws(FederationError) -> [String: Int64] {
        state.figures(for: period).namedCounts
    }
}

extension Figures {
    /// `counts` with every stats.proto counter named, zeros included: a report carries only its figures that are not
    /// zero (``FigureMap/nonZero(_:)``), what people see (`stats` in text and `--json`, the audit verdict) names them all.
    public static func everyCounter(_ counts: [String: Int64]) -> [String: Int64] {
        // Every counter at zero, then the map's figures over it: a copy of one kept map and a write per figure the
        // report carries (most are zero and not carried), where filling in the zeros looked up and inserted every
        // name and grew the map as it went (a drill-down does this twice per body: profiled, issue 17).
        var out = zeroCounters
        for (name, value) in counts { out[name] = value }
        return out
    }

    /// Every scalar counter's stats.proto name at zero, room left for a few keyed figures.
    static let zeroCounters: [String: Int64] = {
        var zeros = [String: Int64](minimumCapacity: counterNames.count + 16)
        for name in counterNames { zeros[name] = 0 }
        return zeros
    }()

    /// The stats.proto name of every scalar counter, in ``counters``' order, worked out once (a drill-down names them
    /// for every body twice).
    static let counterNames: [String] = counters.map { protoName($0.1) }
}
